//! What the status says about videos: those the page had to skip, and whether this PC
//! has the decoders WebKit needs for them.

use crate::messages::Words;
use crate::words;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct VideoCounts {
    /// Videos the page skipped since the kiosk started (stalled, or failed to decode).
    pub skipped: u64,
    /// By video name: why it was last skipped (`stalled`, `error`).
    pub skipped_files: BTreeMap<String, String>,
    /// The kinds of video WebKit can play here ("MP4", "H.264", "WebM", "VP8/VP9").
    pub decoders: Vec<String>,
    /// The kinds it cannot: their GStreamer plugins are not installed.
    pub decoders_missing: Vec<String>,
}

impl VideoCounts {
    /// What an IT person should hear about videos (nothing when all is well).
    pub fn problems(&self) -> Vec<Words> {
        let mut problems = Vec::new();
        if !self.skipped_files.is_empty() {
            problems.push(words!(
                "status.videos_skipped",
                n = self.skipped,
                files = crate::reload::short_list(
                    &self.skipped_files.keys().cloned().collect::<Vec<_>>()
                )
            ));
        }
        if !self.decoders_missing.is_empty() {
            problems.push(words!(
                "status.decoders_missing",
                kinds = self.decoders_missing.join(", ")
            ));
        }
        problems
    }
}
