//! The kiosk's sense of time: its clock (which a test may set), the building's opening
//! hours, and the day changing (the highlights shown depend on the date).

pub mod calendar;
pub mod clock;
pub mod opening;
