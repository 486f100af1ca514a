//! The kiosk's content, free of any GUI dependency.
//!
//! Staff edit JSON files in a content folder; this crate reads them ([`load_dir`]), checks
//! them (`validate`) and hands out one immutable [`Content`] snapshot together with every
//! problem found as [`Diagnostic`]s. The Tauri shell, the `check` command and the tests all
//! go through here, so what the kiosk shows and what staff are told can never disagree.

pub mod atomic;
pub mod canonical;
pub mod conflicts;
pub mod contact_codes;
pub mod counts;
pub mod defaults;
pub mod diagnostic;
pub mod disk;
pub mod door;
pub mod fleet_page;
pub mod folder;
pub mod hashes;
pub mod instance;
pub mod json;
pub mod json_words;
pub mod last_good;
pub mod load;
pub mod machine;
pub mod manifest;
pub mod messages;
pub mod model;
pub mod notice;
pub mod paths;
pub mod photo_cache;
pub mod photo_motion;
pub mod photos;
pub mod pin;
pub mod pipeline;
pub mod proc;
pub mod reload;
pub mod report;
pub mod schedule;
pub mod schema;
pub mod screen;
pub mod screen_picture;
pub mod settings;
pub mod showing;
pub mod status;
pub mod suggest;
pub mod text;
pub mod time_words;
pub mod valid_alone;
pub mod validate;
pub mod video;
pub mod watch;

pub use diagnostic::{Diagnostic, Severity};
pub use load::{
    load_dir, load_embedded_defaults, local_now, today, ContentSource, FolderError, ReadFiles,
    Report,
};
pub use model::Content;
pub use text::Text;
pub use valid_alone::ValidAlone;
