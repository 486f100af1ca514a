//! How `lighthouse-kiosk check` prints a report: for people, or as JSON for machines.

use crate::load::Report;
use crate::messages::{Lang, Words};
use crate::words;
use serde_json::json;

/// One diagnostic per paragraph, then a summary line naming the folder.
pub fn human(report: &Report, folder: &str, lang: Lang) -> String {
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        out.push_str(&diagnostic.in_lang(lang));
        out.push('\n');
    }
    out.push_str(summary(report, folder).in_lang(lang));
    out.push('\n');
    out
}

/// `folder: valid` / `folder: 2 errors, 1 warning`.
pub fn summary(report: &Report, folder: &str) -> Words {
    match (report.errors(), report.warnings()) {
        (0, 0) => words!("check.valid", folder = folder),
        (0, w) => words!("check.valid_with_warnings", folder = folder, warnings = w),
        (e, 0) => words!("check.errors", folder = folder, errors = e),
        (e, w) => words!(
            "check.errors_and_warnings",
            folder = folder,
            errors = e,
            warnings = w
        ),
    }
}

/// `{"valid": …, "errors": …, "warnings": …, "diagnostics": [...]}`.
pub fn json(report: &Report) -> String {
    let value = json!({
        "valid": report.content.is_some(),
        "errors": report.errors(),
        "warnings": report.warnings(),
        "diagnostics": report.diagnostics,
    });
    let mut text = serde_json::to_string_pretty(&value).expect("a report serialises");
    text.push('\n');
    text
}
