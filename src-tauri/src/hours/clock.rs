//! The kiosk's sense of the time of day, for its opening hours. It is the system's local
//! time (the install guide sets the building's time zone), except that a test may start it
//! at a time of its choosing (LIGHTHOUSE_CLOCK=2026-11-30T17:59:50), from where it runs on
//! at the normal pace: opening and closing are tested without waiting for them.

use chrono::{Local, NaiveDateTime, TimeDelta};
use std::sync::OnceLock;

/// The environment variable a test sets to start the kiosk's clock at a given local time.
pub const CLOCK_VARIABLE: &str = "LIGHTHOUSE_CLOCK";

/// How far the kiosk's clock is from the system's: zero unless a test says otherwise.
fn offset() -> TimeDelta {
    static OFFSET: OnceLock<TimeDelta> = OnceLock::new();
    *OFFSET.get_or_init(|| {
        let Ok(start) = std::env::var(CLOCK_VARIABLE) else {
            return TimeDelta::zero();
        };
        match NaiveDateTime::parse_from_str(&start, "%Y-%m-%dT%H:%M:%S") {
            Ok(start) => {
                log::warn!("the clock starts at {start} ({CLOCK_VARIABLE}), not at the real time");
                start - Local::now().naive_local()
            }
            Err(err) => {
                log::error!("{CLOCK_VARIABLE}={start} is not a time like 2026-11-30T17:59:50 ({err}); using the real time");
                TimeDelta::zero()
            }
        }
    })
}

/// The local date and time by the kiosk's clock.
pub fn now() -> NaiveDateTime {
    Local::now().naive_local() + offset()
}

/// Today by the kiosk's clock: what items' first and last days are checked against.
pub fn today() -> chrono::NaiveDate {
    now().date()
}

/// The kiosk's clock as the page needs it: the wall time (local, by the kiosk's clock, as
/// milliseconds counted like UTC's) and how far local time is from UTC. The page shows and
/// dates everything by these, never by its own idea of the time zone: WebKit reads `TZ`
/// its own way (a POSIX string like `CST-8` it does not understand), and a test clock is
/// the backend's alone.
#[derive(Debug, Clone, Copy, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WallClock {
    pub wall_ms: i64,
    pub utc_offset_minutes: i32,
}

pub fn wall() -> WallClock {
    WallClock {
        wall_ms: now().and_utc().timestamp_millis(),
        utc_offset_minutes: Local::now().offset().local_minus_utc() / 60,
    }
}
