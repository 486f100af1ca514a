//! `lighthouse-kiosk notice "text" [--en …] [--from …] [--until …] [--level …]` and
//! `notice --clear`: a notice on every screen that shows the content folder, by writing (or
//! removing) its notice.json, in the form the editor writes. The notice is checked before it
//! is written; a published folder is published again, so screens take it at once instead of
//! waiting for a publication.

use super::say_line;
use crate::args::Args;
use crate::exit;
use anyhow::{bail, Context};
use lighthouse_core::canonical::canonical_text;
use lighthouse_core::manifest::{self, MANIFEST_FILE};
use lighthouse_core::model::{Notice, CONTENT_FILES, NOTICE_FILE};
use lighthouse_core::notice::Level;
use lighthouse_core::{load, photos, today, words, Text};
use std::path::{Path, PathBuf};

/// The notice asked for on the command line.
pub struct Wanted<'a> {
    pub text: &'a str,
    pub en: Option<&'a str>,
    pub from: Option<&'a str>,
    pub until: Option<&'a str>,
    pub urgent: bool,
}

impl Wanted<'_> {
    fn notice(&self) -> Notice {
        let text = match self.en {
            Some(en) => Text::PerLanguage(
                [("zh", self.text), ("en", en)]
                    .into_iter()
                    .map(|(lang, text)| (lang.to_owned(), text.to_owned()))
                    .collect(),
            ),
            None => Text::Same(self.text.to_owned()),
        };
        Notice {
            schema: None,
            text,
            level: if self.urgent {
                Level::Urgent
            } else {
                Level::Info
            },
            from: self.from.map(str::to_owned),
            until: self.until.map(str::to_owned),
        }
    }
}

fn folder(args: &Args) -> anyhow::Result<&PathBuf> {
    match &args.content {
        Some(dir) if dir.is_dir() => Ok(dir),
        Some(dir) => bail!("the content folder {} does not exist", dir.display()),
        None => bail!("name the content folder with --content DIR"),
    }
}

/// Checks and writes the notice.
pub fn put(args: &Args, wanted: Wanted<'_>) -> anyhow::Result<i32> {
    let dir = folder(args)?;
    let notice = wanted.notice();
    if notice
        .ends()
        .is_some_and(|end| end <= lighthouse_core::local_now())
    {
        let lang = args.lang_or(None);
        eprintln!("{}", words!("notice.ends_before_now").in_lang(lang));
        return Ok(exit::PROBLEMS);
    }
    let value = serde_json::to_value(notice).context("a notice is JSON")?;
    let text = canonical_text(NOTICE_FILE, &value)?;
    // The folder as it will be, checked as the screens will check it.
    let mut texts: Vec<(String, String)> = CONTENT_FILES
        .iter()
        .filter(|name| **name != NOTICE_FILE)
        .filter_map(|name| {
            Some((
                (*name).to_owned(),
                std::fs::read_to_string(dir.join(name)).ok()?,
            ))
        })
        .collect();
    texts.push((NOTICE_FILE.to_owned(), text.clone()));
    let checked = load::load_texts(&texts, &photos::scan(dir), today());
    let lang = args.lang_or(checked.language());
    let own: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.file == NOTICE_FILE)
        .collect();
    for problem in &own {
        say_line(&problem.in_lang(lang));
    }
    if own.iter().any(|d| d.is_error()) {
        eprintln!("{}", words!("notice.refused").in_lang(lang));
        return Ok(exit::PROBLEMS);
    }
    let path = dir.join(NOTICE_FILE);
    lighthouse_core::atomic::write(&path, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    say_line(words!("notice.written", file = path.display().to_string()).in_lang(lang));
    republish(dir, checked.content.is_some(), lang)
}

/// Takes the notice away.
pub fn clear(args: &Args) -> anyhow::Result<i32> {
    let dir = folder(args)?;
    let checked = lighthouse_core::load_dir(dir, today())?;
    let lang = args.lang_or(checked.language());
    let path = dir.join(NOTICE_FILE);
    match std::fs::remove_file(&path) {
        Ok(()) => {
            say_line(words!("notice.cleared", file = path.display().to_string()).in_lang(lang))
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            say_line(words!("notice.none").in_lang(lang));
            return Ok(exit::OK);
        }
        Err(err) => return Err(err).with_context(|| format!("cannot remove {}", path.display())),
    }
    let valid = lighthouse_core::load_dir(dir, today())?.content.is_some();
    republish(dir, valid, lang)
}

/// A published folder is published again, so the screens take the change at once rather
/// than wait for the rest of a publication that is not coming.
fn republish(
    dir: &Path,
    valid: bool,
    lang: lighthouse_core::messages::Lang,
) -> anyhow::Result<i32> {
    if !dir.join(MANIFEST_FILE).exists() {
        return Ok(exit::OK);
    }
    if !valid {
        eprintln!("{}", words!("notice.not_republished").in_lang(lang));
        return Ok(exit::PROBLEMS);
    }
    let built = manifest::build(dir, &lighthouse_core::hashes::Hashes::default())
        .and_then(|m| manifest::write(dir, &m).map(|()| m))
        .with_context(|| format!("cannot write {}", dir.join(MANIFEST_FILE).display()))?;
    say_line(words!("notice.republished", revision = built.revision).in_lang(lang));
    Ok(exit::OK)
}
