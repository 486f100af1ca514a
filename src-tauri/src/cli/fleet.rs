//! `lighthouse-kiosk fleet [DIR] [--html FILE]`: one line per screen sharing the content
//! folder, from the statuses (and pictures) the screens keep in its `status/` folder; with
//! --html, also a page with every screen's picture.

use super::say_line;
use crate::args::Args;
use crate::exit;
use anyhow::{bail, Context};
use lighthouse_core::fleet_page::{self, Card, Health, Labels};
use lighthouse_core::folder::STATUS_DIR;
use lighthouse_core::messages::{Lang, Words};
use lighthouse_core::status::{self, how_long, local_time, now_ms, Status, Verdict};
use lighthouse_core::words;
use lighthouse_core::ContentSource;
use std::path::Path;
use std::time::Duration;

/// Clocks a few seconds apart are normal between PCs; beyond this a screen's is wrong.
const CLOCK_SLACK_MS: u64 = 30_000;

pub fn run(args: &Args, source: &ContentSource, html: Option<&Path>) -> anyhow::Result<i32> {
    let ContentSource::Dir(dir) = source else {
        bail!("name the shared content folder");
    };
    let report = lighthouse_core::load_dir(dir, lighthouse_core::today()).ok();
    let lang = args.lang_or(report.as_ref().and_then(|r| r.language()));
    let screens = status::read_fleet(dir);
    if screens.is_empty() {
        let folder = dir.join(STATUS_DIR).display().to_string();
        say_line(words!("fleet.nobody", folder = folder).in_lang(lang));
        return Ok(exit::FAILED);
    }
    let now = now_ms();
    let cards: Vec<Card> = screens
        .into_iter()
        .map(|(name, found)| card(dir, name, found, now))
        .collect();
    say_line(words!("fleet.heading").in_lang(lang));
    for card in &cards {
        let mut line = format!(
            "{:<16} {:<12} {:<13} {}",
            card.name,
            card.last_heard.in_lang(lang),
            card.revision,
            card.state.in_lang(lang)
        );
        if let Some(notice) = &card.notice {
            line.push_str(words!("fleet.notice", text = notice).in_lang(lang));
        }
        say_line(&line);
    }
    if let Some(page) = html {
        write_page(page, &cards, lang, dir)?;
        say_line(words!("fleet.page_written", file = page.display().to_string()).in_lang(lang));
    }
    let all_well = cards
        .iter()
        .all(|c| matches!(c.health, Health::Well | Health::Asleep));
    Ok(if all_well { exit::OK } else { exit::PROBLEMS })
}

/// One screen as the fleet sees it.
fn card(dir: &Path, name: String, found: Result<Status, String>, now: u64) -> Card {
    let found = match found {
        Ok(found) => found,
        Err(err) => {
            return Card {
                state: words!("fleet.unreadable", error = err),
                health: Health::Silent,
                revision: "?".to_owned(),
                problems: Vec::new(),
                last_heard: Words::same("?".to_owned()),
                picture: None,
                notice: None,
                version: "?".to_owned(),
                name,
            }
        }
    };
    let mut verdict = found.fleet_verdict(now);
    // A status written "in the future" by this PC's clock: the screen's clock is ahead by at
    // least that much (one behind looks like a status arriving late, so it cannot be told).
    let ahead = found.updated_at_ms.saturating_sub(now);
    if ahead > CLOCK_SLACK_MS {
        let said = words!(
            "fleet.clock_ahead",
            age = how_long(Duration::from_millis(ahead))
        );
        verdict = match verdict {
            Verdict::Healthy => Verdict::Degraded(vec![said]),
            Verdict::Degraded(mut problems) => {
                problems.push(said);
                Verdict::Degraded(problems)
            }
            not_running => not_running,
        };
    }
    let (health, state) = match &verdict {
        Verdict::NotRunning(why) => (Health::Silent, words!("fleet.not_reporting", why = why)),
        Verdict::Healthy if found.is_asleep() => (Health::Asleep, words!("fleet.asleep")),
        Verdict::Healthy => (Health::Well, verdict.words()),
        Verdict::Degraded(_) => (Health::Problems, verdict.words()),
    };
    let picture = found.picture_at_ms.and_then(|at| {
        let jpeg = std::fs::read(status::picture_path(dir, &name)).ok()?;
        let age = how_long(Duration::from_millis(now.saturating_sub(at)));
        Some((
            jpeg,
            words!("fleet.picture_taken", at = local_time(at), age = age),
        ))
    });
    Card {
        health,
        state,
        revision: found.content.revision_shown().to_owned(),
        problems: found.content.problems.clone(),
        last_heard: words!(
            "fleet.ago",
            age = how_long(Duration::from_millis(
                now.saturating_sub(found.updated_at_ms)
            ))
        ),
        picture,
        notice: found.notice.clone(),
        version: found.version.clone(),
        name,
    }
}

fn write_page(path: &Path, cards: &[Card], lang: Lang, dir: &Path) -> anyhow::Result<()> {
    let labels = Labels {
        title: words!("fleet.page_title"),
        no_picture: words!("fleet.no_picture"),
        revision: words!("fleet.revision"),
        last_heard: words!("fleet.last_heard"),
        notice: words!("fleet.notice_label"),
        version: words!("fleet.version"),
    };
    let written = local_time(now_ms());
    let page = fleet_page::render(cards, &labels, lang, &dir.display().to_string(), &written);
    lighthouse_core::atomic::write(path, page.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}
