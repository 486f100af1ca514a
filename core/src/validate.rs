//! Checks on parsed content that JSON types alone cannot express. Pure: no I/O; the photo
//! folder's listing and today's date are passed in.

use crate::diagnostic::Diagnostic;
use crate::json::JsonFile;
use crate::messages::Words;
use crate::model::{
    limits, ContactsFile, Highlight, HighlightsFile, OpeningHours, PhotosFile, Settings, Source,
};
use crate::photos::{reference_problem, Header, PhotoError, PhotoFile};
use crate::pipeline::Size;
use crate::schedule::{parse_range, TimeError};
use crate::showing::Scheduled;
use crate::suggest::{closest, closest_language, closest_photo};
use crate::text::{characters, columns, Text};
use crate::video::{is_video_name, VideoInfo};
use crate::words;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

mod notice;
mod showing;
use showing::Item;

/// Where each kind of text is shown, and how wide it can be there (in columns: a Chinese
/// character counts two) and still fit without shrinking below a readable size. Staff are
/// told in characters, and where.
mod fits {
    /// Where a text is read.
    #[derive(Debug, Clone, Copy)]
    pub enum Place {
        /// A slide of the slideshow, which does not scroll.
        Slide,
        /// A highlight's story screen, which scrolls: only a very long text is too long.
        Story,
        /// The contact screen, which does not scroll.
        Contacts,
        /// The gallery and the photo viewer.
        Photo,
        /// A notice, read from across the lobby at the size of a slide's title.
        Notice,
    }

    #[derive(Debug, Clone, Copy)]
    pub struct Fit {
        pub columns: usize,
        pub place: Place,
    }

    const fn fit(columns: usize, place: Place) -> Fit {
        Fit { columns, place }
    }

    pub const TITLE: Fit = fit(80, Place::Slide);
    pub const SUMMARY: Fit = fit(400, Place::Slide);
    /// A story of about 5,000 Chinese characters still reads as one screen a visitor
    /// scrolls through; beyond it, it is a document, not a story.
    pub const BODY: Fit = fit(10_000, Place::Story);
    /// A figure is drawn large and never wraps: about twenty characters fill its column.
    pub const FIGURE_VALUE: Fit = fit(20, Place::Slide);
    pub const FIGURE_LABEL: Fit = fit(120, Place::Slide);
    pub const QUOTE: Fit = fit(600, Place::Slide);
    pub const NAME: Fit = fit(80, Place::Slide);
    pub const ROLE: Fit = fit(200, Place::Slide);
    pub const HEADLINE: Fit = fit(200, Place::Story);
    pub const CAPTION: Fit = fit(200, Place::Photo);
    pub const CONTACT_NAME: Fit = fit(80, Place::Contacts);
    pub const ADDRESS: Fit = fit(200, Place::Contacts);
    pub const ORGANISATION: Fit = fit(80, Place::Contacts);
    /// Two lines of a band across a landscape screen at the size of a slide's title.
    pub const NOTICE: Fit = fit(120, Place::Notice);
}
use fits::{Fit, Place};

/// The screen photos are judged against: the most common kiosk screen.
const REFERENCE_SCREEN: Size = Size {
    width: 1920,
    height: 1080,
};

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
    pub notice: Option<Parsed<'a, crate::model::Notice>>,
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
        warned_blurry: HashSet::new(),
        opening: input
            .settings
            .and_then(|s| s.data.opening_hours.as_ref())
            .map(OpeningHours::schedule),
    };
    if let Some(settings) = input.settings {
        v.settings(settings);
    }
    if let Some(highlights) = input.highlights {
        v.highlights(highlights, input.today);
    }
    if let Some(photos) = input.photos {
        v.photos(photos, input.today);
    }
    if let Some(contacts) = input.contacts {
        v.contacts(contacts);
    }
    if let Some(notice) = input.notice {
        v.notice(notice, input.today);
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
    /// Photos already said to look blurry.
    warned_blurry: HashSet<String>,
    /// The building's opening hours, when settings.json gives them.
    opening: Option<crate::schedule::Schedule>,
}

impl<'a> Validator<'a> {
    fn settings(&mut self, Parsed { file, data }: Parsed<'_, Settings>) {
        self.text(file, "title", &data.title, fits::TITLE);
        if data.languages.is_empty() {
            self.problems.push(
                file.error("languages", words!("settings.no_language"))
                    .hint(words!("settings.no_language.hint")),
            );
        }
        let mut seen = HashSet::new();
        for (i, lang) in data.languages.iter().enumerate() {
            let at = format!("languages[{i}]");
            if !is_language_code(lang) {
                self.problems.push(
                    file.error(&at, words!("settings.not_a_language", code = lang))
                        .hint(words!("settings.not_a_language.hint")),
                );
            } else if !seen.insert(lang) {
                self.problems.push(
                    file.error(&at, words!("settings.language_twice", code = lang))
                        .hint(words!("remove_one")),
                );
            }
        }
        if !data.languages.is_empty() && !data.languages.contains(&data.default_language) {
            self.problems.push(
                file.error(
                    "defaultLanguage",
                    words!("language.not_listed", code = &data.default_language),
                )
                .hint(words!("use_one_of", list = data.languages.join(", "))),
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
                file.warning("", words!("settings.no_pin"))
                    .hint(words!("settings.no_pin.hint")),
            ),
            Some(hash) if !crate::pin::is_pin_hash(hash) => self.problems.push(
                file.error("staffPinHash", words!("settings.not_a_pin"))
                    .hint(words!("settings.not_a_pin.hint")),
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
                                file.error(
                                    &at,
                                    words!("hours.overlap", time = text, other = &times[*j]),
                                )
                                .hint(words!("hours.overlap.hint")),
                            );
                        }
                        ranges.push((i, range));
                    }
                    Err(err) => {
                        let hint = match err {
                            TimeError::ClosesBeforeOpening { .. } => words!("hours.past_midnight"),
                            _ => words!("hours.how_to_write"),
                        };
                        self.problems.push(file.error(&at, err.words()).hint(hint));
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
                file.warning("highlights", words!("highlights.none"))
                    .hint(words!("highlights.none.hint")),
            );
        }
        let mut ids = HashSet::new();
        for (i, highlight) in data.highlights.iter().enumerate() {
            let at = format!("highlights[{i}]");
            self.id(file, &format!("{at}.id"), &highlight.id, &mut ids);
            self.highlight_texts(file, &at, highlight);
            if let Some(date) = &highlight.date {
                self.date(file, &format!("{at}.date"), date, true);
            }
            self.shown(file, &at, highlight, Item::Highlight, today);
            if let Some(source) = &highlight.source {
                self.source_reference(file, &format!("{at}.source"), source, &source_ids);
            }
            for (j, photo) in highlight.photos.iter().enumerate() {
                let at = format!("{at}.photos[{j}]");
                if is_video_name(photo) {
                    self.problems.push(
                        file.error(&at, words!("video.in_highlight", name = photo))
                            .hint(words!("video.in_highlight.hint")),
                    );
                    continue;
                }
                self.photo_reference(file, &at, photo);
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
                file.warning("highlights", words!("highlights.none_today"))
                    .hint(words!("highlights.none_today.hint")),
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

    /// A highlight's "source": the id of one of the articles.
    fn source_reference(&mut self, file: &JsonFile, at: &str, source: &str, known: &[&str]) {
        if known.contains(&source) {
            return;
        }
        let hint = match closest(source, known.iter().copied()) {
            Some(id) => words!("did_you_mean", name = id),
            None => words!("highlights.no_source.hint"),
        };
        self.problems.push(
            file.error(at, words!("highlights.no_source", id = source))
                .hint(hint),
        );
    }

    fn photos(&mut self, Parsed { file, data }: Parsed<'_, PhotosFile>, today: NaiveDate) {
        let mut listed = HashSet::new();
        for (i, photo) in data.photos.iter().enumerate() {
            let at = format!("photos[{i}]");
            if !listed.insert(photo.file.as_str()) {
                self.problems.push(
                    file.error(
                        &format!("{at}.file"),
                        words!("photos.listed_twice", name = &photo.file),
                    )
                    .hint(words!("photos.listed_twice.hint")),
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
            self.shown(file, &at, photo, Item::Photo, today);
            if let Some(seconds) = photo.duration_seconds {
                let at = format!("{at}.durationSeconds");
                if is_video_name(&photo.file) {
                    let (min, max) = (limits::SLIDE_SECONDS_MIN, limits::SLIDE_SECONDS_MAX);
                    self.range(file, &at, seconds, min, max);
                } else {
                    self.problems.push(
                        file.warning(&at, words!("video.duration_for_photo", name = &photo.file))
                            .hint(words!("video.duration_for_photo.hint")),
                    );
                }
            }
        }
    }

    fn contacts(&mut self, Parsed { file, data }: Parsed<'_, ContactsFile>) {
        self.text(file, "organisation", &data.organisation, fits::ORGANISATION);
        self.text(file, "address.text", &data.address.text, fits::ADDRESS);
        if data.address.postcode.trim().is_empty() {
            self.problems
                .push(file.error("address.postcode", words!("contacts.no_postcode")));
        }
        if data.entries.is_empty() {
            self.problems.push(
                file.error("entries", words!("contacts.none"))
                    .hint(words!("contacts.none.hint")),
            );
        }
        for (i, entry) in data.entries.iter().enumerate() {
            let at = format!("entries[{i}]");
            self.text(file, &format!("{at}.name"), &entry.name, fits::CONTACT_NAME);
            if entry.phones.is_empty() {
                self.problems.push(
                    file.error(&format!("{at}.phones"), words!("contacts.no_phone"))
                        .hint(words!("contacts.no_phone.hint")),
                );
            }
            for (j, phone) in entry.phones.iter().enumerate() {
                if !is_phone_number(phone) {
                    self.problems.push(
                        file.error(
                            &format!("{at}.phones[{j}]"),
                            words!("contacts.not_a_phone", phone = phone),
                        )
                        .hint(words!("contacts.not_a_phone.hint")),
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
                        words!("photos.not_shown", problem = problem.words()),
                    )
                    .hint(words!(
                        "photos.replace_or_remove",
                        formats = words!("photo.formats")
                    )),
                ),
                Ok(_) => self.problems.push(
                    crate::diagnostic::Diagnostic::warning(path, words!("photos.unused"))
                        .hint(words!("photos.unused.hint")),
                ),
            }
        }
    }

    /// A photo file name written in a content file: safe, present and readable.
    fn photo_reference(&mut self, file: &JsonFile, at: &str, reference: &str) {
        if let Some(problem) = reference_problem(reference) {
            self.problems.push(file.error(
                at,
                words!("photos.bad_name", name = reference, problem = problem),
            ));
            return;
        }
        let name = reference.trim_start_matches("./");
        // "photos/a.jpg": the folder named too, though names are inside it already.
        if let Some(inside) = name.strip_prefix(&format!("{}/", crate::model::PHOTOS_DIR)) {
            if self.photo_files.contains_key(inside) {
                self.referenced.insert(inside.to_owned());
                self.problems.push(
                    file.error(at, words!("photos.folder_named", name = name))
                        .hint(words!("photos.folder_named.hint", inside = inside)),
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
                    file.error(at, words!("photos.capitals", name = name, real = real))
                        .hint(words!("photos.capitals.hint", real = real)),
                );
                return;
            }
        }
        self.referenced.insert(name.to_owned());
        match self.photo_files.get(name).copied() {
            Some(photo) => {
                match photo.status.as_ref().map(Header::video) {
                    Ok(Some(video)) => self.video_weight(file, at, name, video),
                    Ok(None) => self.sharpness(file, at, name, photo.status.as_ref().expect("ok")),
                    Err(_) => {}
                }
                if let Err(problem) = &photo.status {
                    let hint = match problem {
                        PhotoError::OutsideFolder => words!("photos.outside.hint"),
                        PhotoError::Heic => words!("photos.heic.hint"),
                        PhotoError::Video(video) => video.hint(),
                        _ => words!("photos.save_again", formats = words!("photo.formats")),
                    };
                    self.problems.push(
                        file.error(
                            at,
                            if is_video_name(name) {
                                words!("videos.refused", name = name, problem = problem.words())
                            } else {
                                words!("photos.refused", name = name, problem = problem.words())
                            },
                        )
                        .hint(hint),
                    );
                }
            }
            None => {
                let hint = match closest_photo(name, self.photo_files.keys().copied()) {
                    Some(close) => words!("did_you_mean", name = close),
                    None => words!("photos.missing.hint"),
                };
                self.problems.push(
                    file.error(at, words!("photos.missing", name = name))
                        .hint(hint),
                );
            }
        }
    }

    /// A video a PC without a GPU cannot decode smoothly: said once per video, at the first
    /// place that shows it.
    fn video_weight(&mut self, file: &JsonFile, at: &str, name: &str, video: &VideoInfo) {
        if !video.is_heavy() || !self.warned_blurry.insert(name.to_owned()) {
            return;
        }
        self.problems.push(
            file.warning(
                at,
                words!(
                    "video.heavy",
                    name = name,
                    size = format!("{}x{}", video.width, video.height),
                    fps = format!("{:.0}", video.frames_per_second),
                    mbps = format!("{:.1}", video.bits_per_second as f64 / 1e6)
                ),
            )
            .hint(words!("video.heavy.hint")),
        );
    }

    /// A photo drawn at more than twice its own size looks blurry: said once per photo, at
    /// the first place that shows it.
    fn sharpness(&mut self, file: &JsonFile, at: &str, name: &str, header: &Header) {
        let own = Size::new(header.width, header.height);
        let drawn = own.fill_to(REFERENCE_SCREEN);
        let blurry = own.width * 2 < drawn.width && own.height * 2 < drawn.height;
        if !blurry || !self.warned_blurry.insert(name.to_owned()) {
            return;
        }
        self.problems.push(
            file.warning(
                at,
                words!(
                    "photos.blurry",
                    name = name,
                    size = format!("{}x{}", own.width, own.height),
                    drawn = format!("{}x{}", drawn.width, drawn.height),
                    screen = format!("{}x{}", REFERENCE_SCREEN.width, REFERENCE_SCREEN.height)
                ),
            )
            .hint(words!(
                "photos.blurry.hint",
                width = drawn.width / 2,
                height = drawn.height / 2
            )),
        );
    }

    fn id(&mut self, file: &JsonFile, at: &str, id: &str, seen: &mut HashSet<String>) {
        if !is_valid_id(id) {
            self.problems.push(
                file.error(at, words!("id.unusable", id = id))
                    .hint(words!("id.unusable.hint")),
            );
        } else if !seen.insert(id.to_owned()) {
            self.problems.push(
                file.error(at, words!("id.twice", id = id))
                    .hint(words!("id.twice.hint")),
            );
        }
    }

    /// Checks visitor-facing text: present, in known languages, translated, not too long.
    fn text(&mut self, file: &JsonFile, at: &str, text: &Text, fit: Fit) {
        if text.is_blank() {
            self.problems.push(
                file.error(at, words!("text.empty"))
                    .hint(words!("text.empty.hint")),
            );
            return;
        }
        if let Text::PerLanguage(map) = text {
            let mut unknown = false;
            for lang in map.keys() {
                if !self.languages.is_empty() && !self.languages.contains(lang) {
                    unknown = true;
                    let hint = match closest_language(lang, &self.languages) {
                        Some(code) => words!("did_you_mean", name = code),
                        None => words!("language.listed", list = self.languages.join(", ")),
                    };
                    self.problems.push(
                        file.error(
                            &format!("{at}.{lang}"),
                            words!("language.not_listed", code = lang),
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
                            words!(
                                "text.translation_missing",
                                lang = language_name(lang),
                                shown = language_name(&self.default_language)
                            ),
                        )
                        .hint(words!("text.add_translation", code = lang)),
                    );
                } else if missing && *lang == self.default_language {
                    self.problems.push(
                        file.warning(
                            at,
                            words!("text.default_missing", lang = language_name(lang)),
                        )
                        .hint(words!("text.default_missing.hint", code = lang)),
                    );
                }
            }
        }
        self.odd_characters(file, at, text);
        let Some(longest) = text
            .versions()
            .into_iter()
            .map(|(_, t)| t)
            .max_by_key(|t| columns(t))
            .filter(|t| columns(t) > fit.columns)
        else {
            return;
        };
        let (count, chinese, other) = (characters(longest), fit.columns / 2, fit.columns);
        let (key, hint) = match fit.place {
            Place::Slide => ("text.too_long.slide", words!("text.too_long.slide.hint")),
            Place::Story => ("text.too_long.story", words!("text.too_long.story.hint")),
            Place::Contacts => ("text.too_long.contacts", words!("text.too_long.hint")),
            Place::Photo => ("text.too_long.photo", words!("text.too_long.hint")),
            Place::Notice => ("text.too_long.notice", words!("text.too_long.notice.hint")),
        };
        let message = crate::messages::say(
            key,
            &[
                ("count", count.into()),
                ("chinese", chinese.into()),
                ("other", other.into()),
            ],
        );
        self.problems.push(file.warning(at, message).hint(hint));
    }

    /// What a text holds that a visitor would not expect to see: a word too long for any
    /// column (it is broken wherever it meets the edge), or an invisible character that
    /// turns the text around (it can make a name read differently, on purpose or not).
    fn odd_characters(&mut self, file: &JsonFile, at: &str, text: &Text) {
        for (_, version) in text.versions() {
            if let Some(c) = version.chars().find(|c| is_direction_control(*c)) {
                self.problems.push(
                    file.warning(
                        at,
                        words!("text.direction", code = format!("U+{:04X}", c as u32)),
                    )
                    .hint(words!("text.direction.hint")),
                );
                return;
            }
            if let Some(word) = longest_unbroken(version).filter(|w| characters(w) > LONGEST_WORD) {
                let start: String = word.chars().take(24).collect();
                self.problems.push(
                    file.warning(
                        at,
                        words!("text.long_word", start = start, count = characters(word)),
                    )
                    .hint(words!("text.long_word.hint")),
                );
                return;
            }
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
            words!("number.too_little", value = value, unit = unit)
        } else if value > max {
            words!("number.too_much", value = value, unit = unit)
        } else {
            return;
        };
        self.problems.push(file.error(at, problem).hint(words!(
            "number.range",
            min = min,
            max = max
        )));
    }

    fn range(&mut self, file: &JsonFile, at: &str, value: u32, min: u32, max: u32) {
        let problem = if value < min {
            words!("seconds.too_short", value = value)
        } else if value > max {
            words!("seconds.too_long", value = value)
        } else {
            return;
        };
        self.problems.push(file.error(at, problem).hint(words!(
            "seconds.range",
            min = min,
            max = max
        )));
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
                    file.error(at, problem)
                        .hint(words!("date.check_day_and_month")),
                );
                return None;
            }
            let example = if year_alone_ok {
                words!("date.how_to_write_or_year")
            } else {
                words!("date.how_to_write")
            };
            self.problems.push(
                file.error(at, words!("date.not_a_date", date = date))
                    .hint(example),
            );
        }
        parsed
    }
}

/// For a date written the right way (YYYY-MM-DD) that is not a real day, what is wrong with it.
fn impossible_day(date: &str) -> Option<Words> {
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let (year, month, day): (i32, u32, u32) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    if !(1..=12).contains(&month) {
        return Some(words!("date.no_such_month", date = date, month = month));
    }
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    let days = next.signed_duration_since(first).num_days();
    Some(words!(
        "date.no_such_day",
        date = date,
        month = first.format("%Y-%m").to_string(),
        day = day,
        days = days
    ))
}

/// Longer than this, a word without spaces (a web address, a part number) does not fit the
/// narrowest column it may be shown in (a figure's label on a 1280x800 screen).
const LONGEST_WORD: usize = 30;

/// The longest run of a text with no place a line may break at: no space, no Chinese
/// character (a line breaks between any two of those).
fn longest_unbroken(text: &str) -> Option<&str> {
    text.split(|c: char| c.is_whitespace() || columns(&c.to_string()) == 2)
        .max_by_key(|word| word.chars().count())
        .filter(|word| !word.is_empty())
}

/// The invisible characters that set or override the direction of text (the bidirectional
/// embeddings, overrides and isolates).
fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn language_name(code: &str) -> Words {
    match code {
        "zh" => words!("language.zh"),
        "en" => words!("language.en"),
        other => Words::same(format!("\"{other}\"")),
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
        let february = impossible_day("2024-02-30").unwrap();
        assert_eq!(
            february.en,
            "\"2024-02-30\": 2024-02 has no day 30 (it has 29 days)"
        );
        assert_eq!(
            february.zh,
            "“2024-02-30”：2024-02 没有 30 日（这个月有 29 天）"
        );
        assert_eq!(
            impossible_day("2023-13-01").unwrap().en,
            "\"2023-13-01\": there is no month 13 (months are 01 to 12)"
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
