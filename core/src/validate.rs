//! Checks on parsed content that JSON types alone cannot express. Pure: no I/O; the photo
//! folder's listing and today's date are passed in.

use crate::diagnostic::Diagnostic;
use crate::json::JsonFile;
use crate::model::{
    limits, ContactsFile, Highlight, HighlightsFile, OpeningHours, PhotosFile, Settings, Source,
};
use crate::photos::{reference_problem, PhotoError, PhotoFile, SUPPORTED_FORMATS};
use crate::schedule::{parse_range, TimeError};
use crate::suggest::{closest, closest_language};
use crate::text::{columns, Text};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// The widest each kind of text can be (in columns: a Chinese character counts two) and
/// still fit its place on a 1080-pixel-wide slide without shrinking below readable size.
mod fits {
    pub const TITLE: usize = 80;
    pub const SUMMARY: usize = 400;
    pub const BODY: usize = 4000;
    pub const FIGURE_VALUE: usize = 24;
    pub const FIGURE_LABEL: usize = 120;
    pub const QUOTE: usize = 600;
    pub const NAME: usize = 80;
    pub const ROLE: usize = 200;
    pub const HEADLINE: usize = 200;
    pub const CAPTION: usize = 200;
    pub const ADDRESS: usize = 200;
}

/// One parsed file with its text positions.
#[derive(Debug)]
pub struct Parsed<'a, T> {
    pub file: &'a JsonFile,
    pub data: &'a T,
}

// Derived Clone and Copy would require `T: Copy`; two references are always Copy.
impl<T> Clone for Parsed<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Parsed<'_, T> {}

/// Everything validation looks at. A file that failed to parse is `None`: its own error is
/// already reported, and checks that need it are skipped.
#[derive(Debug)]
pub struct Input<'a> {
    pub settings: Option<Parsed<'a, Settings>>,
    pub highlights: Option<Parsed<'a, HighlightsFile>>,
    pub photos: Option<Parsed<'a, PhotosFile>>,
    pub contacts: Option<Parsed<'a, ContactsFile>>,
    pub photo_files: &'a [PhotoFile],
    /// Every file that can name a photo was read: only then is an unnamed photo unused.
    pub references_complete: bool,
    pub today: NaiveDate,
}

/// Every problem in the content.
pub fn validate(input: &Input<'_>) -> Vec<Diagnostic> {
    // Texts are checked against the languages only when those are themselves right: one
    // mistake in settings.json must not turn into a complaint about every text.
    let languages = input
        .settings
        .filter(|s| {
            s.data.languages.iter().all(|l| is_language_code(l))
                && s.data.languages.contains(&s.data.default_language)
        })
        .map(|s| s.data.languages.clone())
        .unwrap_or_default();
    let mut v = Validator {
        languages,
        default_language: input
            .settings
            .map(|s| s.data.default_language.clone())
            .unwrap_or_default(),
        problems: Vec::new(),
        photo_files: input
            .photo_files
            .iter()
            .map(|p| (p.name.as_str(), p))
            .collect(),
        referenced: HashSet::new(),
    };
    if let Some(settings) = input.settings {
        v.settings(settings);
    }
    if let Some(highlights) = input.highlights {
        v.highlights(highlights, input.today);
    }
    if let Some(photos) = input.photos {
        v.photos(photos);
    }
    if let Some(contacts) = input.contacts {
        v.contacts(contacts);
    }
    if input.references_complete {
        v.unreferenced_photos();
    }
    v.problems
}

struct Validator<'a> {
    languages: Vec<String>,
    default_language: String,
    problems: Vec<Diagnostic>,
    photo_files: HashMap<&'a str, &'a PhotoFile>,
    referenced: HashSet<String>,
}

impl<'a> Validator<'a> {
    fn settings(&mut self, Parsed { file, data }: Parsed<'_, Settings>) {
        self.text(file, "title", &data.title, fits::TITLE);
        if data.languages.is_empty() {
            self.problems.push(
                file.error("languages", "no language is listed")
                    .hint(r#"list the languages the content is written in, e.g. ["zh", "en"]"#),
            );
        }
        let mut seen = HashSet::new();
        for (i, lang) in data.languages.iter().enumerate() {
            let at = format!("languages[{i}]");
            if !is_language_code(lang) {
                self.problems.push(
                    file.error(&at, format!("\"{lang}\" is not a language code"))
                        .hint("use a short code: \"zh\" for Chinese, \"en\" for English"),
                );
            } else if !seen.insert(lang) {
                self.problems.push(
                    file.error(&at, format!("\"{lang}\" is listed twice"))
                        .hint("remove one of them"),
                );
            }
        }
        if !data.languages.is_empty() && !data.languages.contains(&data.default_language) {
            self.problems.push(
                file.error(
                    "defaultLanguage",
                    format!("\"{}\" is not one of the languages", data.default_language),
                )
                .hint(format!("use one of: {}", data.languages.join(", "))),
            );
        }
        self.range(
            file,
            "slideSeconds",
            data.slide_seconds,
            limits::SLIDE_SECONDS_MIN,
            limits::SLIDE_SECONDS_MAX,
        );
        self.range(
            file,
            "idleSeconds",
            data.idle_seconds,
            limits::IDLE_SECONDS_MIN,
            limits::IDLE_SECONDS_MAX,
        );
        self.range(
            file,
            "cursorHideSeconds",
            data.cursor_hide_seconds,
            limits::CURSOR_HIDE_SECONDS_MIN,
            limits::CURSOR_HIDE_SECONDS_MAX,
        );
        self.number_range(
            file,
            "memoryLimitMiB",
            data.memory_limit_mib,
            (limits::MEMORY_LIMIT_MIB_MIN, limits::MEMORY_LIMIT_MIB_MAX),
            "MiB",
        );
        if let Some(hours) = &data.opening_hours {
            self.opening_hours(file, hours);
        }
        match &data.staff_pin_hash {
            None => self.problems.push(
                file.warning("", "no staff PIN is set: nobody can open the staff panel")
                    .hint("run `lighthouse-kiosk pin` and add the line it prints to settings.json"),
            ),
            Some(hash) if !crate::pin::is_pin_hash(hash) => self.problems.push(
                file.error(
                    "staffPinHash",
                    "this is not a PIN as `lighthouse-kiosk pin` writes it",
                )
                .hint("run `lighthouse-kiosk pin` and paste the whole line it prints"),
            ),
            Some(_) => {}
        }
    }

    /// Each day's opening times: real times, each closing after it opens, none overlapping.
    fn opening_hours(&mut self, file: &JsonFile, hours: &OpeningHours) {
        for (day, times) in hours.days() {
            let mut ranges: Vec<(usize, (u32, u32))> = Vec::new();
            for (i, text) in times.iter().enumerate() {
                let at = format!("openingHours.{day}[{i}]");
                match parse_range(text) {
                    Ok(range) => {
                        if let Some((j, _)) = ranges
                            .iter()
                            .find(|(_, (start, end))| range.0 < *end && *start < range.1)
                        {
                            self.problems.push(
                                file.error(&at, format!("\"{text}\" overlaps \"{}\"", times[*j]))
                                    .hint("join them into one time, or correct one of them"),
                            );
                        }
                        ranges.push((i, range));
                    }
                    Err(err) => {
                        let hint = match err {
                            TimeError::ClosesBeforeOpening { .. } => {
                                "open past midnight? write \"…-24:00\" here and \"00:00-…\" on the next day"
                            }
                            _ => "write it like \"09:00-17:30\", with two digits for hours and minutes",
                        };
                        self.problems
                            .push(file.error(&at, format!("\"{text}\": {err}")).hint(hint));
                    }
                }
            }
        }
        for (i, date) in hours.closed_dates.iter().enumerate() {
            self.date(file, &format!("openingHours.closedDates[{i}]"), date, false);
        }
    }

    fn highlights(&mut self, Parsed { file, data }: Parsed<'_, HighlightsFile>, today: NaiveDate) {
        let source_ids = self.sources(file, &data.sources);
        if data.highlights.is_empty() {
            self.problems.push(
                file.warning("highlights", "there are no highlights")
                    .hint("the slideshow shows only the photos and the contacts"),
            );
        }
        let mut ids = HashSet::new();
        for (i, highlight) in data.highlights.iter().enumerate() {
            let at = format!("highlights[{i}]");
            self.id(file, &format!("{at}.id"), &highlight.id, &mut ids);
            self.highlight_texts(file, &at, highlight);
            self.highlight_dates(file, &at, highlight, today);
            if let Some(source) = &highlight.source {
                self.source_reference(file, &format!("{at}.source"), source, &source_ids);
            }
            for (j, photo) in highlight.photos.iter().enumerate() {
                self.photo_reference(file, &format!("{at}.photos[{j}]"), photo);
            }
            if let Some(seconds) = highlight.duration_seconds {
                self.range(
                    file,
                    &format!("{at}.durationSeconds"),
                    seconds,
                    limits::SLIDE_SECONDS_MIN,
                    limits::SLIDE_SECONDS_MAX,
                );
            }
        }
        if !data.highlights.is_empty() && !data.highlights.iter().any(|h| h.is_shown_on(today)) {
            self.problems.push(
                file.warning("highlights", "no highlight is shown today")
                    .hint("check the \"from\" and \"until\" dates"),
            );
        }
    }

    /// The articles highlights come from; returns their ids.
    fn sources<'s>(&mut self, file: &JsonFile, sources: &'s [Source]) -> Vec<&'s str> {
        let mut ids = HashSet::new();
        for (i, source) in sources.iter().enumerate() {
            let at = format!("sources[{i}]");
            self.id(file, &format!("{at}.id"), &source.id, &mut ids);
            self.text(
                file,
                &format!("{at}.headline"),
                &source.headline,
                fits::HEADLINE,
            );
            self.date(file, &format!("{at}.published"), &source.published, false);
            for (j, credit) in source.credits.iter().enumerate() {
                let at = format!("{at}.credits[{j}]");
                self.text(file, &format!("{at}.role"), &credit.role, fits::NAME);
                for (k, name) in credit.names.iter().enumerate() {
                    self.text(file, &format!("{at}.names[{k}]"), name, fits::NAME);
                }
            }
        }
        sources.iter().map(|s| s.id.as_str()).collect()
    }

    /// Every text a visitor reads in one highlight.
    fn highlight_texts(&mut self, file: &JsonFile, at: &str, highlight: &Highlight) {
        self.text(file, &format!("{at}.title"), &highlight.title, fits::TITLE);
        self.text(
            file,
            &format!("{at}.summary"),
            &highlight.summary,
            fits::SUMMARY,
        );
        self.text(file, &format!("{at}.body"), &highlight.body, fits::BODY);
        for (j, figure) in highlight.figures.iter().enumerate() {
            let at = format!("{at}.figures[{j}]");
            self.text(
                file,
                &format!("{at}.value"),
                &figure.value,
                fits::FIGURE_VALUE,
            );
            self.text(
                file,
                &format!("{at}.label"),
                &figure.label,
                fits::FIGURE_LABEL,
            );
        }
        if let Some(quote) = &highlight.quote {
            self.text(file, &format!("{at}.quote.text"), &quote.text, fits::QUOTE);
            self.text(file, &format!("{at}.quote.name"), &quote.name, fits::NAME);
            self.text(file, &format!("{at}.quote.role"), &quote.role, fits::ROLE);
        }
    }

    /// A highlight's own date, and the days it is shown.
    fn highlight_dates(
        &mut self,
        file: &JsonFile,
        at: &str,
        highlight: &Highlight,
        today: NaiveDate,
    ) {
        if let Some(date) = &highlight.date {
            self.date(file, &format!("{at}.date"), date, true);
        }
        let from = highlight
            .from
            .as_deref()
            .and_then(|d| self.date(file, &format!("{at}.from"), d, false));
        let until = highlight
            .until
            .as_deref()
            .and_then(|d| self.date(file, &format!("{at}.until"), d, false));
        match (from, until) {
            (Some(from), Some(until)) if until < from => self.problems.push(
                file.error(
                    &format!("{at}.until"),
                    format!("\"until\" is before \"from\" ({until} < {from})"),
                )
                .hint("the highlight would never be shown: swap the dates or correct one"),
            ),
            (_, Some(until)) if until < today => self.problems.push(
                file.warning(
                    &format!("{at}.until"),
                    format!("expired on {until}: this highlight is no longer shown"),
                )
                .hint("remove it, or move \"until\" to a later day"),
            ),
            _ => {}
        }
    }

    /// A highlight's "source": the id of one of the articles.
    fn source_reference(&mut self, file: &JsonFile, at: &str, source: &str, known: &[&str]) {
        if known.contains(&source) {
            return;
        }
        let hint = match closest(source, known.iter().copied()) {
            Some(id) => format!("did you mean \"{id}\"?"),
            None => "add the article to \"sources\" or correct the id".to_owned(),
        };
        self.problems.push(
            file.error(at, format!("no source has the id \"{source}\""))
                .hint(hint),
        );
    }

    fn photos(&mut self, Parsed { file, data }: Parsed<'_, PhotosFile>) {
        let mut listed = HashSet::new();
        for (i, photo) in data.photos.iter().enumerate() {
            let at = format!("photos[{i}]");
            if !listed.insert(photo.file.as_str()) {
                self.problems.push(
                    file.error(
                        &format!("{at}.file"),
                        format!("\"{}\" is listed twice", photo.file),
                    )
                    .hint("list each photo once"),
                );
            }
            self.photo_reference(file, &format!("{at}.file"), &photo.file);
            if let Some(caption) = &photo.caption {
                self.text(file, &format!("{at}.caption"), caption, fits::CAPTION);
            }
            if let Some(credit) = &photo.credit {
                self.text(file, &format!("{at}.credit"), credit, fits::NAME);
            }
            if let Some(date) = &photo.date {
                self.date(file, &format!("{at}.date"), date, true);
            }
        }
    }

    fn contacts(&mut self, Parsed { file, data }: Parsed<'_, ContactsFile>) {
        self.text(file, "organisation", &data.organisation, fits::TITLE);
        self.text(file, "address.text", &data.address.text, fits::ADDRESS);
        if data.address.postcode.trim().is_empty() {
            self.problems
                .push(file.error("address.postcode", "the postcode is empty"));
        }
        if data.entries.is_empty() {
            self.problems.push(
                file.error("entries", "there are no contacts")
                    .hint("list at least one park or office with its phone number"),
            );
        }
        for (i, entry) in data.entries.iter().enumerate() {
            let at = format!("entries[{i}]");
            self.text(file, &format!("{at}.name"), &entry.name, fits::NAME);
            if entry.phones.is_empty() {
                self.problems.push(
                    file.error(&format!("{at}.phones"), "there is no phone number")
                        .hint(r#"give at least one, e.g. ["0757-82210575"]"#),
                );
            }
            for (j, phone) in entry.phones.iter().enumerate() {
                if !is_phone_number(phone) {
                    self.problems.push(
                        file.error(&format!("{at}.phones[{j}]"), format!("\"{phone}\" is not a phone number"))
                            .hint("write one number per entry, using digits, spaces, \"-\", \"+\" and brackets"),
                    );
                }
            }
        }
    }

    /// Photos in the folder that nothing shows.
    fn unreferenced_photos(&mut self) {
        let mut names: Vec<&&PhotoFile> = self.photo_files.values().collect();
        names.sort_by(|a, b| a.name.cmp(&b.name));
        for photo in names {
            if self.referenced.contains(&photo.name) {
                continue;
            }
            let path = format!("{}/{}", crate::model::PHOTOS_DIR, photo.name);
            match &photo.status {
                Err(problem) => self.problems.push(
                    crate::diagnostic::Diagnostic::warning(
                        path,
                        format!("{problem}; it is not shown"),
                    )
                    .hint(format!(
                        "replace it with a {SUPPORTED_FORMATS} image, or remove it"
                    )),
                ),
                Ok(_) => self.problems.push(
                    crate::diagnostic::Diagnostic::warning(
                        path,
                        "no highlight or entry in photos.json shows this photo",
                    )
                    .hint("add it to photos.json (with a caption) or to a highlight's \"photos\""),
                ),
            }
        }
    }

    /// A photo file name written in a content file: safe, present and readable.
    fn photo_reference(&mut self, file: &JsonFile, at: &str, reference: &str) {
        if let Some(problem) = reference_problem(reference) {
            self.problems
                .push(file.error(at, format!("\"{reference}\": {problem}")));
            return;
        }
        let name = reference.trim_start_matches("./");
        // "photos/a.jpg": the folder named too, though names are inside it already.
        if let Some(inside) = name.strip_prefix(&format!("{}/", crate::model::PHOTOS_DIR)) {
            if self.photo_files.contains_key(inside) {
                self.referenced.insert(inside.to_owned());
                self.problems.push(
                    file.error(at, format!("\"{name}\" names the photos folder too"))
                        .hint(format!("write the name without \"photos/\": \"{inside}\"")),
                );
                return;
            }
        }
        // A name that differs only in capitals: one mistake, one message (the file it
        // meant is not also reported as unused).
        if !self.photo_files.contains_key(name) {
            let lower = name.to_lowercase();
            if let Some(real) = self
                .photo_files
                .keys()
                .find(|k| k.to_lowercase() == lower)
                .copied()
            {
                self.referenced.insert(real.to_owned());
                self.problems.push(
                    file.error(
                        at,
                        format!("there is no photo \"{name}\"; its name is written \"{real}\""),
                    )
                    .hint(format!(
                        "names must match exactly, capitals included: write \"{real}\""
                    )),
                );
                return;
            }
        }
        self.referenced.insert(name.to_owned());
        match self.photo_files.get(name) {
            Some(photo) => {
                if let Err(problem) = &photo.status {
                    let hint = match problem {
                        PhotoError::OutsideFolder => {
                            "copy the photo itself into the photos folder".to_owned()
                        }
                        PhotoError::Heic => crate::photos::HEIC_HINT.to_owned(),
                        _ => format!("save it again as a {SUPPORTED_FORMATS} image"),
                    };
                    self.problems.push(
                        file.error(at, format!("photos/{name} {problem}"))
                            .hint(hint),
                    );
                }
            }
            None => {
                let hint = match closest(name, self.photo_files.keys().copied()) {
                    Some(close) => format!("did you mean \"{close}\"?"),
                    None => "copy the photo into the photos folder, or correct the name".to_owned(),
                };
                self.problems.push(
                    file.error(
                        at,
                        format!("there is no photo \"{name}\" in the photos folder"),
                    )
                    .hint(hint),
                );
            }
        }
    }

    fn id(&mut self, file: &JsonFile, at: &str, id: &str, seen: &mut HashSet<String>) {
        if !is_valid_id(id) {
            self.problems.push(
                file.error(at, format!("\"{id}\" is not a usable id"))
                    .hint("use lower-case letters, digits and \"-\", e.g. \"patent-awards\""),
            );
        } else if !seen.insert(id.to_owned()) {
            self.problems.push(
                file.error(at, format!("the id \"{id}\" is used twice"))
                    .hint("every id must be different: rename one of them"),
            );
        }
    }

    /// Checks visitor-facing text: present, in known languages, translated, not too long.
    fn text(&mut self, file: &JsonFile, at: &str, text: &Text, max_columns: usize) {
        if text.is_blank() {
            self.problems.push(
                file.error(at, "the text is empty")
                    .hint("write the text, or remove the field if it is optional"),
            );
            return;
        }
        if let Text::PerLanguage(map) = text {
            let mut unknown = false;
            for lang in map.keys() {
                if !self.languages.is_empty() && !self.languages.contains(lang) {
                    unknown = true;
                    let hint = match closest_language(lang, &self.languages) {
                        Some(code) => format!("did you mean \"{code}\"?"),
                        None => format!(
                            "the languages in settings.json are: {}",
                            self.languages.join(", ")
                        ),
                    };
                    self.problems.push(
                        file.error(
                            &format!("{at}.{lang}"),
                            format!("\"{lang}\" is not one of the languages"),
                        )
                        .hint(hint),
                    );
                }
            }
            // A text in an unknown language is most likely a misnamed translation: the
            // error above already says so.
            for lang in self.languages.iter().filter(|_| !unknown) {
                let missing = map.get(lang).is_none_or(|t| t.trim().is_empty());
                if missing
                    && *lang != self.default_language
                    && map.contains_key(&self.default_language)
                {
                    self.problems.push(
                        file.warning(
                            at,
                            format!(
                                "no {} text: the {} text is shown instead",
                                language_name(lang),
                                language_name(&self.default_language)
                            ),
                        )
                        .hint(format!("add \"{lang}\": \"…\"")),
                    );
                } else if missing && *lang == self.default_language {
                    self.problems.push(
                        file.warning(
                            at,
                            format!("no {} text, the default language", language_name(lang)),
                        )
                        .hint(format!(
                            "add \"{lang}\": \"…\"; until then another language is shown"
                        )),
                    );
                }
            }
        }
        let widest = text
            .versions()
            .into_iter()
            .map(|(_, t)| columns(t))
            .max()
            .unwrap_or(0);
        if widest > max_columns {
            self.problems.push(
                file.warning(
                    at,
                    format!(
                        "the text is too long to fit a slide ({widest} of {max_columns} columns)"
                    ),
                )
                .hint("shorten it; the full story belongs in \"body\""),
            );
        }
    }

    /// A number of `unit` that must lie within `(min, max)`.
    fn number_range(
        &mut self,
        file: &JsonFile,
        at: &str,
        value: u32,
        (min, max): (u32, u32),
        unit: &str,
    ) {
        let problem = if value < min {
            format!("{value} {unit} is too little")
        } else if value > max {
            format!("{value} {unit} is too much")
        } else {
            return;
        };
        self.problems.push(
            file.error(at, problem)
                .hint(format!("use a number from {min} to {max}")),
        );
    }

    fn range(&mut self, file: &JsonFile, at: &str, value: u32, min: u32, max: u32) {
        let seconds = |n: u32| format!("{n} second{}", if n == 1 { "" } else { "s" });
        let problem = if value < min {
            format!("{} is too short", seconds(value))
        } else if value > max {
            format!("{} is too long", seconds(value))
        } else {
            return;
        };
        self.problems.push(
            file.error(at, problem)
                .hint(format!("use a number of seconds from {min} to {max}")),
        );
    }

    /// A full date (YYYY-MM-DD), or when `year_alone_ok` a year alone. Returns the full date.
    fn date(
        &mut self,
        file: &JsonFile,
        at: &str,
        date: &str,
        year_alone_ok: bool,
    ) -> Option<NaiveDate> {
        if year_alone_ok && date.len() == 4 && date.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let parsed = (date.len() == 10)
            .then(|| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok())
            .flatten();
        if parsed.is_none() {
            if let Some(problem) = impossible_day(date) {
                self.problems.push(
                    file.error(at, format!("\"{date}\": {problem}"))
                        .hint("check the day and the month"),
                );
                return None;
            }
            let example = if year_alone_ok {
                "write it as YYYY-MM-DD, e.g. \"2024-04-22\", or a year alone, e.g. \"2023\""
            } else {
                "write it as YYYY-MM-DD, e.g. \"2024-04-22\""
            };
            self.problems.push(
                file.error(at, format!("\"{date}\" is not a date"))
                    .hint(example),
            );
        }
        parsed
    }
}

/// For a date written the right way (YYYY-MM-DD) that is not a real day, what is wrong with it.
fn impossible_day(date: &str) -> Option<String> {
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let (year, month, day): (i32, u32, u32) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Some(name) = month.checked_sub(1).and_then(|m| MONTHS.get(m as usize)) else {
        return Some(format!("there is no month {month} (months are 01 to 12)"));
    };
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    let days = next.signed_duration_since(first).num_days();
    Some(format!(
        "{name} {year} has no day {day} (it has {days} days)"
    ))
}

fn language_name(code: &str) -> String {
    match code {
        "zh" => "Chinese (zh)".to_owned(),
        "en" => "English (en)".to_owned(),
        other => format!("\"{other}\""),
    }
}

fn is_language_code(code: &str) -> bool {
    let (lang, region) = code.split_once('-').unwrap_or((code, ""));
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_lowercase())
        && region.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_phone_number(phone: &str) -> bool {
    phone.chars().any(|c| c.is_ascii_digit())
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || " -+()".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_are_short_and_lower_case() {
        assert!(is_language_code("zh"));
        assert!(is_language_code("zh-Hant"));
        assert!(!is_language_code("Chinese"));
        assert!(!is_language_code("EN"));
    }

    #[test]
    fn a_day_that_does_not_exist_is_named() {
        assert_eq!(
            impossible_day("2024-02-30").as_deref(),
            Some("February 2024 has no day 30 (it has 29 days)")
        );
        assert_eq!(
            impossible_day("2023-13-01").as_deref(),
            Some("there is no month 13 (months are 01 to 12)")
        );
        assert_eq!(impossible_day("22 April"), None);
    }

    #[test]
    fn phone_numbers_are_digits_and_separators() {
        assert!(is_phone_number("0757-86683830"));
        assert!(is_phone_number("+86 757 8668 3830"));
        assert!(!is_phone_number("call us"));
        assert!(!is_phone_number("--"));
    }
}
