//! When an item (a highlight or a photo) is on screen: from its first to its last day, and,
//! where staff give them, only in its times of the week. Those times make a [`Schedule`],
//! the same rule as the building's opening hours, so "open at 09:00" and "shown at 09:00"
//! can never be read two ways. Pure: the time is passed in.

use crate::schedule::{parse_time, Minute, Schedule, TimeError};
use chrono::{NaiveDate, NaiveDateTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A day of the week, as staff write it in "days".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Day {
    /// Monday is 0.
    fn index(self) -> usize {
        self as usize
    }
}

/// A time of the week an item is shown, e.g. {"days": ["mon", "tue"], "from": "09:00",
/// "until": "12:00"}.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimeWindow {
    /// The days it starts on: "mon", "tue", "wed", "thu", "fri", "sat", "sun".
    pub days: Vec<Day>,
    /// When it starts, as HH:MM, e.g. "09:00".
    pub from: String,
    /// When it ends, as HH:MM, e.g. "12:00". A time earlier than "from" runs past midnight
    /// into the next day: "22:00" to "02:00" (but never past the item's own "until" day).
    pub until: String,
}

/// Why a time window cannot be used, and which of its fields says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WindowError {
    /// "from" or "until" is not a time; the field's name comes first.
    Time(&'static str, TimeError),
    /// "from" and "until" are the same time: it is not clear whether that is no time or all day.
    Empty,
    /// "from" is 24:00, the end of the day: nothing of that day is left to show it in.
    StartsAtEndOfDay,
}

impl TimeWindow {
    /// Its start and its end in minutes since midnight; an end before the start is on the
    /// next day.
    pub fn minutes(&self) -> Result<(Minute, Minute), WindowError> {
        let from = parse_time(&self.from).map_err(|e| WindowError::Time("from", e))?;
        let until = parse_time(&self.until).map_err(|e| WindowError::Time("until", e))?;
        if from == 24 * 60 {
            return Err(WindowError::StartsAtEndOfDay);
        }
        if from == until {
            return Err(WindowError::Empty);
        }
        Ok((from, until))
    }
}

/// The week `times` describe, or `None` when there are none (shown at any time). Windows
/// that cannot be read (which `check` reports) are left out.
pub fn weekly(times: &[TimeWindow]) -> Option<Schedule> {
    if times.is_empty() {
        return None;
    }
    const DAY: Minute = 24 * 60;
    let mut week: [Vec<(Minute, Minute)>; 7] = Default::default();
    for window in times {
        let Ok((from, until)) = window.minutes() else {
            continue;
        };
        for day in &window.days {
            let today = day.index();
            if from < until {
                week[today].push((from, until));
            } else {
                week[today].push((from, DAY));
                if until > 0 {
                    week[(today + 1) % 7].push((0, until));
                }
            }
        }
    }
    Some(Schedule::new(week, []))
}

/// Something staff can limit to certain days and times.
pub trait Scheduled {
    /// Its first day, as written.
    fn first_day(&self) -> Option<&str>;
    /// Its last day, as written.
    fn last_day(&self) -> Option<&str>;
    /// Its times of the week.
    fn times(&self) -> &[TimeWindow];

    /// Whether it is shown on `day`: from its first to its last day, both included. A date
    /// that cannot be read sets no limit (`check` reports it as an error).
    fn is_shown_on(&self, day: NaiveDate) -> bool {
        let limit =
            |date: Option<&str>| date.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        limit(self.first_day()).is_none_or(|from| from <= day)
            && limit(self.last_day()).is_none_or(|until| until >= day)
    }

    /// Whether it is shown at `at`: on one of its days, and in one of its times if it has any.
    fn is_shown_at(&self, at: NaiveDateTime) -> bool {
        self.is_shown_on(at.date()) && weekly(self.times()).is_none_or(|week| week.is_open(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn window(days: &[Day], from: &str, until: &str) -> TimeWindow {
        TimeWindow {
            days: days.to_vec(),
            from: from.into(),
            until: until.into(),
        }
    }

    struct Item(Option<&'static str>, Option<&'static str>, Vec<TimeWindow>);

    impl Scheduled for Item {
        fn first_day(&self) -> Option<&str> {
            self.0
        }
        fn last_day(&self) -> Option<&str> {
            self.1
        }
        fn times(&self) -> &[TimeWindow] {
            &self.2
        }
    }

    #[test]
    fn an_item_without_times_is_shown_all_day_on_its_days() {
        let item = Item(Some("2026-12-01"), Some("2026-12-02"), vec![]);
        assert!(!item.is_shown_at(at("2026-11-30 23:59")));
        assert!(item.is_shown_at(at("2026-12-01 00:00")));
        assert!(item.is_shown_at(at("2026-12-02 23:59")));
        assert!(!item.is_shown_at(at("2026-12-03 00:00")));
    }

    #[test]
    fn a_tuesday_morning_is_shown_on_tuesday_mornings_only() {
        // 2026-12-01 is a Tuesday.
        let item = Item(None, None, vec![window(&[Day::Tue], "09:00", "12:00")]);
        assert!(!item.is_shown_at(at("2026-12-01 08:59")));
        assert!(item.is_shown_at(at("2026-12-01 09:00")));
        assert!(item.is_shown_at(at("2026-12-01 11:59")));
        assert!(
            !item.is_shown_at(at("2026-12-01 12:00")),
            "the end minute is out"
        );
        assert!(!item.is_shown_at(at("2026-12-02 10:00")), "Wednesday");
        assert!(item.is_shown_at(at("2026-12-08 10:00")), "the next Tuesday");
    }

    #[test]
    fn a_window_past_midnight_runs_into_the_next_day_and_the_week_wraps() {
        // Sunday 22:00 to Monday 02:00; 2026-12-06 is a Sunday.
        let item = Item(None, None, vec![window(&[Day::Sun], "22:00", "02:00")]);
        assert!(!item.is_shown_at(at("2026-12-06 21:59")));
        assert!(item.is_shown_at(at("2026-12-06 23:30")));
        assert!(item.is_shown_at(at("2026-12-07 01:59")), "Monday, early");
        assert!(!item.is_shown_at(at("2026-12-07 02:00")));
        assert!(!item.is_shown_at(at("2026-12-05 23:30")), "Saturday");
    }

    #[test]
    fn its_days_and_its_times_both_apply() {
        let item = Item(
            Some("2026-12-02"),
            None,
            vec![window(&[Day::Tue, Day::Wed], "09:00", "12:00")],
        );
        assert!(
            !item.is_shown_at(at("2026-12-01 10:00")),
            "before its first day"
        );
        assert!(item.is_shown_at(at("2026-12-02 10:00")));
        assert!(!item.is_shown_at(at("2026-12-02 13:00")));
    }

    #[test]
    fn a_window_that_cannot_be_read_is_named_and_shows_nothing() {
        assert_eq!(
            window(&[Day::Mon], "9:00", "12:00").minutes(),
            Err(WindowError::Time(
                "from",
                TimeError::NoSuchTime("9:00".into())
            ))
        );
        assert_eq!(
            window(&[Day::Mon], "10:00", "10:00").minutes(),
            Err(WindowError::Empty)
        );
        assert_eq!(
            window(&[Day::Mon], "24:00", "02:00").minutes(),
            Err(WindowError::StartsAtEndOfDay)
        );
        let item = Item(None, None, vec![window(&[Day::Mon], "10:00", "10:00")]);
        assert!(!item.is_shown_at(at("2026-11-30 10:00")));
    }
}
