//! The checks of notice.json: its text fits, its start and end are real moments in the
//! right order, and it has not ended already.

use super::{fits, Parsed, Validator};
use crate::model::Notice;
use crate::notice::{parse_moment, End};
use crate::words;
use chrono::NaiveDate;

impl Validator<'_> {
    pub(super) fn notice(&mut self, Parsed { file, data }: Parsed<'_, Notice>, today: NaiveDate) {
        self.text(file, "text", &data.text, fits::NOTICE);
        let mut moment = |field: &str, text: Option<&String>, end: End| {
            let text = text?;
            let moment = parse_moment(text, end);
            if moment.is_none() {
                self.problems.push(
                    file.error(field, words!("date.not_a_date", date = text))
                        .hint(words!("notice.how_to_write_time")),
                );
            }
            moment
        };
        let starts = moment("from", data.from.as_ref(), End::Start);
        let ends = moment("until", data.until.as_ref(), End::Finish);
        match (starts, ends) {
            (Some(from), Some(until)) if until <= from => self.problems.push(
                file.error("until", words!("notice.ends_before_it_starts"))
                    .hint(words!("notice.ends_before_it_starts.hint")),
            ),
            (_, Some(until)) if until <= today.and_time(chrono::NaiveTime::MIN) => {
                self.problems.push(
                    file.warning(
                        "until",
                        words!(
                            "notice.ended",
                            until = until.format("%Y-%m-%d %H:%M").to_string()
                        ),
                    )
                    .hint(words!("notice.ended.hint")),
                )
            }
            _ => {}
        }
    }
}
