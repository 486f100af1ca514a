//! Times said to people: a moment as the PC's local time, and a length in words.

use crate::messages::Words;
use crate::words;
use std::time::Duration;

/// A time (milliseconds since 1970) as the PC's local time, `2026-12-03 09:30:00`.
pub fn local_time(ms: u64) -> String {
    chrono::DateTime::from_timestamp_millis(ms as i64)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M:%S")
                .to_string()
        })
        .unwrap_or_default()
}

/// `3 h 12 min`, `45 s` (`3 小时 12 分钟`, `45 秒`).
pub fn how_long(duration: Duration) -> Words {
    let s = duration.as_secs();
    match s {
        0..=59 => words!("time.seconds", s = s),
        60..=3599 => words!("time.minutes", m = s / 60),
        3600..=86399 => words!("time.hours", h = s / 3600, m = s % 3600 / 60),
        _ => words!("time.days", d = s / 86400, h = s % 86400 / 3600),
    }
}
