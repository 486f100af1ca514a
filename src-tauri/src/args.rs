//! The command line.

use clap::Parser;
use lighthouse_core::ContentSource;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    version,
    about = "The lobby touchscreen of the Foshan Innovation Lighthouse base"
)]
pub struct Args {
    /// Content folder to show (settings.json, highlights.json, contacts.json).
    /// Without it, the built-in default content is shown.
    #[arg(long, value_name = "DIR", env = "LIGHTHOUSE_CONTENT")]
    pub content: Option<PathBuf>,
}

impl Args {
    pub fn content_source(&self) -> ContentSource {
        match &self.content {
            Some(dir) => ContentSource::Dir(dir.clone()),
            None => ContentSource::EmbeddedDefaults,
        }
    }
}
