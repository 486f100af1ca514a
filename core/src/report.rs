//! How `lighthouse-kiosk check` prints a report: for people, or as JSON for machines.

use crate::load::Report;
use serde_json::json;

/// One diagnostic per paragraph, then a summary line naming the folder.
pub fn human(report: &Report, folder: &str) -> String {
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        out.push_str(&diagnostic.to_string());
        out.push('\n');
    }
    out.push_str(&summary(report, folder));
    out.push('\n');
    out
}

/// `folder: valid` / `folder: 2 errors, 1 warning`.
pub fn summary(report: &Report, folder: &str) -> String {
    let (errors, warnings) = (report.errors(), report.warnings());
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, 0) => format!("{folder}: valid"),
        (0, w) => format!("{folder}: valid, {}", count(w, "warning")),
        (e, 0) => format!("{folder}: {}", count(e, "error")),
        (e, w) => format!("{folder}: {}, {}", count(e, "error"), count(w, "warning")),
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
