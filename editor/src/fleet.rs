//! The screens that share the content folder, as the editor shows them (from the statuses
//! they keep in its `status/` folder, as `fleet` reads them), and publishing the folder for
//! them (as `publish` does).

use lighthouse_core::diagnostic::Diagnostic;
use lighthouse_core::manifest;
use lighthouse_core::messages::Words;
use lighthouse_core::status::{self, how_long, now_ms, Verdict};
use lighthouse_core::words;
use serde::Serialize;
use serde_json::Value;
use std::path::Path;
use std::time::Duration;

/// One screen, as the Screens tab lists it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Screen {
    pub name: String,
    /// "2 minutes ago", in both languages; none when its status cannot be read.
    pub last_heard: Option<Words>,
    pub revision_shown: Option<String>,
    /// Healthy, its problems, or why it is not reporting, in both languages.
    pub state: Words,
    pub healthy: bool,
    /// Its counts of the last days it keeps in its status, by day.
    pub days: Value,
}

/// Every screen of the folder `dir`, by name.
pub fn screens(dir: &Path) -> Vec<Screen> {
    let now = now_ms();
    status::read_fleet(dir)
        .into_iter()
        .map(|(name, found)| match found {
            Ok(found) => {
                let verdict = found.fleet_verdict(now);
                Screen {
                    name,
                    last_heard: Some(how_long(Duration::from_millis(
                        now.saturating_sub(found.updated_at_ms),
                    ))),
                    revision_shown: Some(found.content.revision_shown().to_owned()),
                    state: verdict.words(),
                    healthy: verdict == Verdict::Healthy,
                    days: serde_json::to_value(&found.days).unwrap_or_default(),
                }
            }
            Err(err) => Screen {
                name,
                last_heard: None,
                revision_shown: None,
                state: words!("fleet.unreadable", error = err),
                healthy: false,
                days: Value::Null,
            },
        })
        .collect()
}

/// What publishing did.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase", tag = "outcome")]
pub enum Publication {
    Published {
        revision: String,
        files: usize,
    },
    /// The content has errors: the screens would not show it, so it is not published.
    Invalid {
        diagnostics: Vec<Diagnostic>,
        message: Words,
    },
    Failed {
        message: Words,
    },
}

/// Publishes `dir` as `publish` does: checked, then its manifest written last.
pub fn publish(dir: &Path) -> Publication {
    let report = match lighthouse_core::load_dir(dir, chrono::Local::now().date_naive()) {
        Ok(report) => report,
        Err(err) => {
            return Publication::Failed {
                message: words!(
                    "editor.write_failed",
                    file = dir.display().to_string(),
                    error = err.to_string()
                ),
            }
        }
    };
    if report.content.is_none() {
        return Publication::Invalid {
            diagnostics: report.diagnostics,
            message: words!("editor.publish.invalid"),
        };
    }
    let written = manifest::build(dir, &lighthouse_core::hashes::Hashes::default())
        .and_then(|built| manifest::write(dir, &built).map(|()| built));
    match written {
        Ok(built) => Publication::Published {
            revision: built.revision,
            files: built.files.len(),
        },
        Err(err) => Publication::Failed {
            message: words!(
                "editor.write_failed",
                file = manifest::MANIFEST_FILE,
                error = err.to_string()
            ),
        },
    }
}
