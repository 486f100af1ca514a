//! `lighthouse-kiosk check`: every problem of a content folder (and of a screen's own
//! settings, when named), without showing it.

use super::say;
use crate::args::{Args, Format};
use crate::exit;
use lighthouse_core::{report, today, ContentSource, Diagnostic};

pub fn run(args: &Args, source: &ContentSource, format: Format) -> anyhow::Result<i32> {
    let mut report = source.load(today())?;
    let lang = args.lang_or(report.language());
    if let Some(screen) = args.screen.as_deref() {
        let contacts = report.content.as_ref().map(|c| &c.contacts);
        let (_, problems) = lighthouse_core::screen::load(screen, contacts);
        if problems.iter().any(Diagnostic::is_error) {
            report.content = None;
        }
        report.diagnostics.extend(problems);
    }
    say(&match format {
        Format::Human => report::human(&report, &source.to_string(), lang),
        Format::Json => report::json(&report),
    });
    Ok(if report.content.is_some() {
        exit::OK
    } else {
        exit::PROBLEMS
    })
}
