//! The building's hours: when the kiosk shows its content and when its screen rests.
//!
//! Each weekday has a list of opening times (`"09:00-12:00"`); a day with none, or a closed
//! date (a holiday), is closed all day. A time runs from its start to its end on the same
//! day; staying open past midnight is written as `"…-24:00"` on one day and `"00:00-…"` on
//! the next, which the schedule joins into one stretch. Pure: the time is passed in.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use std::collections::BTreeSet;

/// Minutes since midnight; 24:00 is 1440.
pub type Minute = u32;
const DAY: Minute = 24 * 60;

/// A day's opening times and closed dates, ready to ask.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schedule {
    /// Monday first; each day's times sorted, not overlapping.
    week: [Vec<(Minute, Minute)>; 7],
    closed: BTreeSet<NaiveDate>,
}

/// Why a written opening time cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("\"{0}\" is not a time range like \"09:00-17:30\"")]
    NotARange(String),
    #[error("\"{0}\" is not a time of day (00:00 to 24:00)")]
    NoSuchTime(String),
    #[error("it closes ({close}) before it opens ({open})")]
    ClosesBeforeOpening { open: String, close: String },
}

impl TimeError {
    /// What is wrong, in both languages.
    pub fn words(&self) -> crate::messages::Words {
        match self {
            TimeError::NotARange(text) => crate::words!("hours.not_a_range", time = text),
            TimeError::NoSuchTime(text) => crate::words!("hours.no_such_time", time = text),
            TimeError::ClosesBeforeOpening { open, close } => {
                crate::words!("hours.closes_before_opening", open = open, close = close)
            }
        }
    }
}

/// `"09:05"` as minutes since midnight; `"24:00"` is allowed (the end of the day).
pub fn parse_time(text: &str) -> Result<Minute, TimeError> {
    let bad = || TimeError::NoSuchTime(text.to_owned());
    let (hours, minutes) = text.trim().split_once(':').ok_or_else(bad)?;
    if hours.len() != 2 || minutes.len() != 2 {
        return Err(bad());
    }
    let (hours, minutes): (u32, u32) = (
        hours.parse().map_err(|_| bad())?,
        minutes.parse().map_err(|_| bad())?,
    );
    match (hours, minutes) {
        (24, 0) => Ok(DAY),
        (0..=23, 0..=59) => Ok(hours * 60 + minutes),
        _ => Err(bad()),
    }
}

/// `"09:00-17:30"` as a start and an end, the end after the start.
pub fn parse_range(text: &str) -> Result<(Minute, Minute), TimeError> {
    let (open, close) = text
        .split_once('-')
        .ok_or_else(|| TimeError::NotARange(text.to_owned()))?;
    let (start, end) = (parse_time(open)?, parse_time(close)?);
    if end <= start {
        return Err(TimeError::ClosesBeforeOpening {
            open: open.trim().to_owned(),
            close: close.trim().to_owned(),
        });
    }
    Ok((start, end))
}

/// Minutes as `"09:05"`.
pub fn format_time(minute: Minute) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

impl Schedule {
    /// A schedule from each weekday's times (Monday first, already checked) and closed dates.
    pub fn new(
        week: [Vec<(Minute, Minute)>; 7],
        closed: impl IntoIterator<Item = NaiveDate>,
    ) -> Schedule {
        let mut week = week;
        for day in &mut week {
            day.sort_unstable();
        }
        Schedule {
            week,
            closed: closed.into_iter().collect(),
        }
    }

    /// The opening times of `date` (none on a closed date).
    pub fn times_on(&self, date: NaiveDate) -> &[(Minute, Minute)] {
        if self.closed.contains(&date) {
            return &[];
        }
        &self.week[date.weekday().num_days_from_monday() as usize]
    }

    /// Whether `weekday` has any time (closed dates aside).
    pub fn has_times_on(&self, weekday: Weekday) -> bool {
        !self.week[weekday.num_days_from_monday() as usize].is_empty()
    }

    /// Whether the two are ever open at the same time of the week (closed dates aside).
    pub fn meets(&self, other: &Schedule) -> bool {
        self.week.iter().zip(&other.week).any(|(mine, theirs)| {
            mine.iter()
                .any(|&(start, end)| theirs.iter().any(|&(s, e)| start < e && s < end))
        })
    }

    /// Whether the building is open at `at`.
    pub fn is_open(&self, at: NaiveDateTime) -> bool {
        let minute = at.time().hour_minute();
        self.times_on(at.date())
            .iter()
            .any(|&(start, end)| start <= minute && minute < end)
    }

    /// When the building next opens or closes after `at` (joining a day that ends at 24:00
    /// to the next that starts at 00:00), looking a fortnight ahead; `None` when nothing
    /// changes in that time.
    pub fn next_change(&self, at: NaiveDateTime) -> Option<NaiveDateTime> {
        let open_now = self.is_open(at);
        let mut moment = at;
        // Walk the day's edges in order; an edge that does not change "open" (24:00 followed
        // by 00:00) is stepped over.
        for _ in 0..(14 * 4) {
            let next = self.next_edge(moment)?;
            if self.is_open(next) != open_now {
                return Some(next);
            }
            moment = next;
        }
        None
    }

    /// The next moment after `at` where some opening time starts or ends.
    fn next_edge(&self, at: NaiveDateTime) -> Option<NaiveDateTime> {
        let minute = at.time().hour_minute();
        for offset in 0..15 {
            let date = at.date() + Duration::days(offset);
            let mut edges: Vec<Minute> = self
                .times_on(date)
                .iter()
                .flat_map(|&(start, end)| [start, end])
                .collect();
            // Midnight is an edge too: the day's times (or a closed date) change there.
            edges.push(DAY);
            edges.sort_unstable();
            if let Some(edge) = edges.into_iter().find(|&e| offset > 0 || e > minute) {
                return Some(date.and_time(NaiveTime::MIN) + Duration::minutes(edge.into()));
            }
        }
        None
    }
}

trait HourMinute {
    fn hour_minute(&self) -> Minute;
}

impl HourMinute for NaiveTime {
    fn hour_minute(&self) -> Minute {
        use chrono::Timelike;
        self.hour() * 60 + self.minute()
    }
}

/// The weekdays as staff write them, Monday first.
pub const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    /// Weekdays 09:00-12:00 and 13:30-18:00, Saturday 10:00-24:00 and Sunday 00:00-02:00
    /// (a late night), closed on 2026-12-25 (a Friday).
    fn building() -> Schedule {
        let weekday = vec![(540, 720), (810, 1080)];
        Schedule::new(
            [
                weekday.clone(),
                weekday.clone(),
                weekday.clone(),
                weekday.clone(),
                weekday,
                vec![(600, DAY)],
                vec![(0, 120)],
            ],
            ["2026-12-25".parse().unwrap()],
        )
    }

    #[test]
    fn times_are_read_as_staff_write_them() {
        assert_eq!(parse_range("09:00-17:30"), Ok((540, 1050)));
        assert_eq!(parse_range("22:00-24:00"), Ok((1320, 1440)));
        assert_eq!(
            parse_time("24:30"),
            Err(TimeError::NoSuchTime("24:30".into()))
        );
        assert_eq!(
            parse_time("9:00"),
            Err(TimeError::NoSuchTime("9:00".into()))
        );
        assert_eq!(
            parse_time("12:60"),
            Err(TimeError::NoSuchTime("12:60".into()))
        );
        assert!(matches!(
            parse_range("17:00-09:00"),
            Err(TimeError::ClosesBeforeOpening { .. })
        ));
        assert!(matches!(parse_range("0900"), Err(TimeError::NotARange(_))));
    }

    #[test]
    fn a_weekday_is_open_in_its_times_and_closed_between_them() {
        let b = building();
        // 2026-11-30 is a Monday.
        assert!(!b.is_open(at("2026-11-30 08:59")));
        assert!(b.is_open(at("2026-11-30 09:00")));
        assert!(
            !b.is_open(at("2026-11-30 12:00")),
            "the end minute is closed"
        );
        assert!(!b.is_open(at("2026-11-30 13:00")));
        assert!(b.is_open(at("2026-11-30 17:59")));
        assert_eq!(
            b.next_change(at("2026-11-30 10:00")),
            Some(at("2026-11-30 12:00"))
        );
        assert_eq!(
            b.next_change(at("2026-11-30 12:30")),
            Some(at("2026-11-30 13:30"))
        );
        assert_eq!(
            b.next_change(at("2026-11-30 18:30")),
            Some(at("2026-12-01 09:00"))
        );
    }

    #[test]
    fn a_holiday_is_closed_all_day_and_skipped() {
        let b = building();
        assert!(!b.is_open(at("2026-12-25 10:00")));
        // From Thursday evening, the next opening is Saturday morning.
        assert_eq!(
            b.next_change(at("2026-12-24 19:00")),
            Some(at("2026-12-26 10:00"))
        );
    }

    #[test]
    fn a_late_night_runs_on_past_midnight_without_a_break() {
        let b = building();
        // 2026-12-05 is a Saturday.
        assert!(b.is_open(at("2026-12-05 23:59")));
        assert!(b.is_open(at("2026-12-06 00:00")));
        assert!(b.is_open(at("2026-12-06 01:59")));
        assert!(!b.is_open(at("2026-12-06 02:00")));
        assert_eq!(
            b.next_change(at("2026-12-05 22:00")),
            Some(at("2026-12-06 02:00"))
        );
    }

    #[test]
    fn two_schedules_meet_only_where_their_times_overlap() {
        let b = building();
        let monday_lunch = Schedule::new(
            std::array::from_fn(|d| if d == 0 { vec![(720, 810)] } else { vec![] }),
            [],
        );
        assert!(!monday_lunch.meets(&b), "12:00-13:30 is the lunch break");
        let sunday_night = Schedule::new(
            std::array::from_fn(|d| if d == 6 { vec![(60, 90)] } else { vec![] }),
            [],
        );
        assert!(sunday_night.meets(&b), "Sunday 00:00-02:00 is open");
        assert!(sunday_night.has_times_on(Weekday::Sun));
        assert!(!sunday_night.has_times_on(Weekday::Mon));
    }

    #[test]
    fn a_schedule_that_never_changes_has_no_next_change() {
        let always = Schedule::new(std::array::from_fn(|_| vec![(0, DAY)]), []);
        assert!(always.is_open(at("2026-11-30 03:00")));
        assert_eq!(always.next_change(at("2026-11-30 03:00")), None);
        let never = Schedule::default();
        assert!(!never.is_open(at("2026-11-30 03:00")));
        assert_eq!(never.next_change(at("2026-11-30 03:00")), None);
    }
}
