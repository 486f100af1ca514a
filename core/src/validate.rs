//! Checks on parsed content that JSON types alone cannot express. Pure: no I/O.

use crate::diagnostic::Diagnostic;
use crate::model::{Content, CONTACTS_FILE, HIGHLIGHTS_FILE, SETTINGS_FILE};
use crate::text::Text;
use std::collections::HashSet;

/// Shorter than this and a slide is gone before a visitor has read its title.
pub const MIN_SLIDE_SECONDS: u32 = 3;
/// Longer than this and the slideshow looks frozen.
pub const MAX_SLIDE_SECONDS: u32 = 600;

/// Every problem in `content`, in file order.
pub fn validate(content: &Content) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    check_settings(content, &mut problems);
    check_highlights(content, &mut problems);
    check_contacts(content, &mut problems);
    problems
}

fn check_settings(content: &Content, problems: &mut Vec<Diagnostic>) {
    let settings = &content.settings;
    check_text(SETTINGS_FILE, "title", &settings.title, problems);
    if settings.languages.is_empty() {
        problems.push(
            Diagnostic::error(SETTINGS_FILE, "no language is listed")
                .field("languages")
                .hint(r#"list the languages the content is written in, e.g. ["zh", "en"]"#),
        );
    }
    let mut seen = HashSet::new();
    for (i, lang) in settings.languages.iter().enumerate() {
        if !seen.insert(lang) {
            problems.push(
                Diagnostic::error(SETTINGS_FILE, format!("\"{lang}\" is listed twice"))
                    .field(format!("languages[{i}]")),
            );
        }
    }
    if !settings.languages.contains(&settings.default_language) {
        problems.push(
            Diagnostic::error(
                SETTINGS_FILE,
                format!(
                    "\"{}\" is not one of the languages",
                    settings.default_language
                ),
            )
            .field("defaultLanguage")
            .hint(format!("use one of: {}", settings.languages.join(", "))),
        );
    }
    check_seconds(
        SETTINGS_FILE,
        "slideSeconds",
        settings.slide_seconds,
        problems,
    );
}

fn check_highlights(content: &Content, problems: &mut Vec<Diagnostic>) {
    let mut source_ids = HashSet::new();
    for (i, source) in content.sources.iter().enumerate() {
        let at = format!("sources[{i}]");
        if !source_ids.insert(source.id.as_str()) {
            problems.push(duplicate_id(&source.id, &at));
        }
        check_text(
            HIGHLIGHTS_FILE,
            &format!("{at}.headline"),
            &source.headline,
            problems,
        );
        check_date(&format!("{at}.published"), &source.published, problems);
    }

    if content.highlights.is_empty() {
        problems.push(
            Diagnostic::error(HIGHLIGHTS_FILE, "there are no highlights")
                .field("highlights")
                .hint("the slideshow needs at least one highlight"),
        );
    }
    let mut ids = HashSet::new();
    for (i, highlight) in content.highlights.iter().enumerate() {
        let at = format!("highlights[{i}]");
        if !is_valid_id(&highlight.id) {
            problems.push(
                Diagnostic::error(
                    HIGHLIGHTS_FILE,
                    format!("\"{}\" is not a usable id", highlight.id),
                )
                .field(format!("{at}.id"))
                .hint("use lower-case letters, digits and dashes, e.g. \"patent-awards\""),
            );
        } else if !ids.insert(highlight.id.as_str()) {
            problems.push(duplicate_id(&highlight.id, &format!("{at}.id")));
        }
        check_text(
            HIGHLIGHTS_FILE,
            &format!("{at}.title"),
            &highlight.title,
            problems,
        );
        check_text(
            HIGHLIGHTS_FILE,
            &format!("{at}.summary"),
            &highlight.summary,
            problems,
        );
        check_text(
            HIGHLIGHTS_FILE,
            &format!("{at}.body"),
            &highlight.body,
            problems,
        );
        if let Some(date) = &highlight.date {
            check_date(&format!("{at}.date"), date, problems);
        }
        if let Some(source) = &highlight.source {
            if !source_ids.contains(source.as_str()) {
                problems.push(
                    Diagnostic::error(
                        HIGHLIGHTS_FILE,
                        format!("no source has the id \"{source}\""),
                    )
                    .field(format!("{at}.source"))
                    .hint("add it to \"sources\" or correct the id"),
                );
            }
        }
        for (j, figure) in highlight.figures.iter().enumerate() {
            check_text(
                HIGHLIGHTS_FILE,
                &format!("{at}.figures[{j}].value"),
                &figure.value,
                problems,
            );
            check_text(
                HIGHLIGHTS_FILE,
                &format!("{at}.figures[{j}].label"),
                &figure.label,
                problems,
            );
        }
        if let Some(quote) = &highlight.quote {
            check_text(
                HIGHLIGHTS_FILE,
                &format!("{at}.quote.text"),
                &quote.text,
                problems,
            );
            check_text(
                HIGHLIGHTS_FILE,
                &format!("{at}.quote.name"),
                &quote.name,
                problems,
            );
        }
        if let Some(seconds) = highlight.duration_seconds {
            check_seconds(
                HIGHLIGHTS_FILE,
                &format!("{at}.durationSeconds"),
                seconds,
                problems,
            );
        }
    }
}

fn check_contacts(content: &Content, problems: &mut Vec<Diagnostic>) {
    let contacts = &content.contacts;
    check_text(
        CONTACTS_FILE,
        "organisation",
        &contacts.organisation,
        problems,
    );
    check_text(
        CONTACTS_FILE,
        "address.text",
        &contacts.address.text,
        problems,
    );
    for (i, entry) in contacts.entries.iter().enumerate() {
        let at = format!("entries[{i}]");
        check_text(CONTACTS_FILE, &format!("{at}.name"), &entry.name, problems);
        if entry.phones.is_empty() {
            problems.push(
                Diagnostic::error(CONTACTS_FILE, "has no phone number")
                    .field(format!("{at}.phones"))
                    .hint(r#"give at least one, e.g. ["0757-82210575"]"#),
            );
        }
        for (j, phone) in entry.phones.iter().enumerate() {
            if !is_valid_phone(phone) {
                problems.push(
                    Diagnostic::error(CONTACTS_FILE, format!("\"{phone}\" is not a phone number"))
                        .field(format!("{at}.phones[{j}]"))
                        .hint("write one number per entry, using digits, spaces, '-', '+' and brackets"),
                );
            }
        }
    }
}

fn check_text(file: &str, field: &str, text: &Text, problems: &mut Vec<Diagnostic>) {
    if text.is_blank() {
        problems.push(
            Diagnostic::error(file, "text is empty")
                .field(field)
                .hint("write the text, or remove the field if it is optional"),
        );
    }
}

fn check_seconds(file: &str, field: &str, seconds: u32, problems: &mut Vec<Diagnostic>) {
    if !(MIN_SLIDE_SECONDS..=MAX_SLIDE_SECONDS).contains(&seconds) {
        problems.push(
            Diagnostic::error(file, format!("{seconds} seconds is out of range"))
                .field(field)
                .hint(format!(
                    "use a number of seconds from {MIN_SLIDE_SECONDS} to {MAX_SLIDE_SECONDS}"
                )),
        );
    }
}

fn check_date(field: &str, date: &str, problems: &mut Vec<Diagnostic>) {
    if !is_valid_date(date) {
        problems.push(
            Diagnostic::error(HIGHLIGHTS_FILE, format!("\"{date}\" is not a date"))
                .field(field)
                .hint("write dates as YYYY-MM-DD, e.g. \"2024-04-22\", or a year alone, e.g. \"2023\""),
        );
    }
}

fn duplicate_id(id: &str, field: &str) -> Diagnostic {
    Diagnostic::error(HIGHLIGHTS_FILE, format!("the id \"{id}\" is used twice"))
        .field(field)
        .hint("every id must be different: rename one of them")
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_valid_phone(phone: &str) -> bool {
    phone.chars().any(|c| c.is_ascii_digit())
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || " -+()".contains(c))
}

/// `YYYY` or `YYYY-MM-DD` with a real day of a real month.
fn is_valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    match parts.as_slice() {
        [year] => number(year, 4).is_some(),
        [year, month, day] => {
            let (Some(year), Some(month), Some(day)) =
                (number(year, 4), number(month, 2), number(day, 2))
            else {
                return false;
            };
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let days = match month {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&day)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_embedded_defaults;

    fn defaults() -> Content {
        load_embedded_defaults().expect("default content is valid")
    }

    fn fields(problems: &[Diagnostic]) -> Vec<&str> {
        problems.iter().filter_map(|d| d.field.as_deref()).collect()
    }

    #[test]
    fn dates_must_exist() {
        assert!(is_valid_date("2024-04-22"));
        assert!(is_valid_date("2024-02-29"));
        assert!(is_valid_date("2023"));
        assert!(!is_valid_date("2023-02-29"));
        assert!(!is_valid_date("2024-13-01"));
        assert!(!is_valid_date("22/04/2024"));
        assert!(!is_valid_date("2024-4-22"));
    }

    #[test]
    fn duplicate_highlight_ids_are_reported() {
        let mut content = defaults();
        let first = content.highlights[0].clone();
        content.highlights.push(first);
        let problems = validate(&content);
        let last = content.highlights.len() - 1;
        assert_eq!(fields(&problems), [format!("highlights[{last}].id")]);
    }

    #[test]
    fn the_default_language_must_be_listed() {
        let mut content = defaults();
        content.settings.default_language = "fr".into();
        let problems = validate(&content);
        assert_eq!(fields(&problems), ["defaultLanguage"]);
        assert_eq!(problems[0].hint.as_deref(), Some("use one of: zh, en"));
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        let mut content = defaults();
        content.settings.slide_seconds = 1;
        content.highlights[0].source = Some("nowhere".into());
        content.contacts.entries[0].phones = vec!["call us".into()];
        let problems = validate(&content);
        assert_eq!(
            fields(&problems),
            [
                "slideSeconds",
                "highlights[0].source",
                "entries[0].phones[0]"
            ]
        );
    }
}
