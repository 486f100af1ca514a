//! The kiosk's sense of time: its clock (which a test may set), the building's opening
//! hours, and the items shown changing with the day and the time of day.

pub mod calendar;
pub mod clock;
pub mod opening;
