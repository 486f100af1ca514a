//! The checks of when an item is shown: its first and last days, and its times of the week,
//! against each other and against the building's opening hours (an item shown only while
//! the screen rests would never be seen).

use super::Validator;
use crate::json::JsonFile;
use crate::schedule::Schedule;
use crate::showing::{weekly, Scheduled, WindowError};
use crate::words;
use chrono::{Datelike, NaiveDate};

/// What kind of item is checked, for the words that name it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Item {
    Highlight,
    Photo,
}

/// An item's days and times span at most this many days before `check` looks at each day:
/// a longer span holds every weekday.
const WEEK: i64 = 7;

impl Validator<'_> {
    /// An item's "from", "until" and "times".
    pub(super) fn shown(
        &mut self,
        file: &JsonFile,
        at: &str,
        item: &dyn Scheduled,
        kind: Item,
        today: NaiveDate,
    ) {
        let first = item
            .first_day()
            .and_then(|d| self.date(file, &format!("{at}.from"), d, false));
        let last = item
            .last_day()
            .and_then(|d| self.date(file, &format!("{at}.until"), d, false));
        match (first, last) {
            (Some(from), Some(until)) if until < from => {
                let hint = match kind {
                    Item::Highlight => words!("highlights.until_before_from.hint"),
                    Item::Photo => words!("photos.until_before_from.hint"),
                };
                self.problems.push(
                    file.error(
                        &format!("{at}.until"),
                        words!(
                            "highlights.until_before_from",
                            until = until.to_string(),
                            from = from.to_string()
                        ),
                    )
                    .hint(hint),
                );
                return;
            }
            (_, Some(until)) if until < today => {
                let said = match kind {
                    Item::Highlight => words!("highlights.expired", until = until.to_string()),
                    Item::Photo => words!("photos.expired", until = until.to_string()),
                };
                self.problems.push(
                    file.warning(&format!("{at}.until"), said)
                        .hint(words!("highlights.expired.hint")),
                );
                return;
            }
            _ => {}
        }
        if self.time_windows(file, at, item) {
            if let Some(week) = weekly(item.times()) {
                self.ever_shown(file, at, &week, first.zip(last));
            }
        }
    }

    /// Each of an item's times of the week; whether all of them can be read.
    fn time_windows(&mut self, file: &JsonFile, at: &str, item: &dyn Scheduled) -> bool {
        let mut all_right = true;
        for (i, window) in item.times().iter().enumerate() {
            let at = format!("{at}.times[{i}]");
            if window.days.is_empty() {
                all_right = false;
                self.problems.push(
                    file.error(&format!("{at}.days"), words!("times.no_days"))
                        .hint(words!("times.no_days.hint")),
                );
            }
            match window.minutes() {
                Ok(_) => {}
                Err(WindowError::Time(field, err)) => {
                    all_right = false;
                    self.problems.push(
                        file.error(&format!("{at}.{field}"), err.words())
                            .hint(words!("times.how_to_write")),
                    );
                }
                Err(WindowError::StartsAtEndOfDay) => {
                    all_right = false;
                    self.problems.push(
                        file.error(&format!("{at}.from"), words!("times.starts_at_end_of_day"))
                            .hint(words!("times.starts_at_end_of_day.hint")),
                    );
                }
                Err(WindowError::Empty) => {
                    all_right = false;
                    self.problems.push(
                        file.error(
                            &format!("{at}.until"),
                            words!("times.empty", time = &window.from),
                        )
                        .hint(words!("times.empty.hint")),
                    );
                }
            }
        }
        all_right
    }

    /// Warns when an item's times can never be on screen: all outside the opening hours, or
    /// on no weekday between its first and its last day.
    fn ever_shown(
        &mut self,
        file: &JsonFile,
        at: &str,
        week: &Schedule,
        days: Option<(NaiveDate, NaiveDate)>,
    ) {
        let at = format!("{at}.times");
        if let Some((from, until)) = days.filter(|(from, until)| (*until - *from).num_days() < WEEK)
        {
            let some_day = from
                .iter_days()
                .take_while(|day| *day <= until)
                .any(|day| week.has_times_on(day.weekday()));
            if !some_day {
                self.problems.push(
                    file.warning(
                        &at,
                        words!(
                            "times.not_on_its_days",
                            from = from.to_string(),
                            until = until.to_string()
                        ),
                    )
                    .hint(words!("times.not_on_its_days.hint")),
                );
                return;
            }
        }
        if let Some(opening) = &self.opening {
            if !week.meets(opening) {
                self.problems.push(
                    file.warning(&at, words!("times.only_while_closed"))
                        .hint(words!("times.only_while_closed.hint")),
                );
            }
        }
    }
}
