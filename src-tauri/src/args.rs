//! The command line.

use clap::{Parser, Subcommand, ValueEnum};
use lighthouse_core::messages::Lang;
use lighthouse_core::pipeline::Size;
use lighthouse_core::ContentSource;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    version,
    about = "The lobby touchscreen of the Foshan Innovation Lighthouse base",
    long_about = "The lobby touchscreen of the Foshan Innovation Lighthouse base.\n\n\
                  Without a command, opens the kiosk full-screen and shows the content folder \
                  (or the built-in default content), reloading it whenever it changes."
)]
pub struct Args {
    /// Content folder to show (settings.json, highlights.json, photos.json, contacts.json,
    /// photos/). Without it, the built-in default content is shown.
    #[arg(long, value_name = "DIR", env = "LIGHTHOUSE_CONTENT", global = true)]
    pub content: Option<PathBuf>,

    /// Where photo derivatives are kept. Default: the platform cache folder
    /// (~/.cache/lighthouse-kiosk/photos).
    #[arg(long, value_name = "DIR", env = "LIGHTHOUSE_CACHE", global = true)]
    pub cache: Option<PathBuf>,

    /// Where the running kiosk keeps its status, and where `status` reads it. Default:
    /// ~/.local/state/lighthouse-kiosk/status.json.
    #[arg(
        long,
        value_name = "FILE",
        env = "LIGHTHOUSE_STATUS_FILE",
        global = true
    )]
    pub status_file: Option<PathBuf>,

    /// This screen's own settings (name, orientation, lead contact), kept outside the shared
    /// content folder. Default: ~/.config/lighthouse-kiosk/screen.json.
    #[arg(long, value_name = "FILE", env = "LIGHTHOUSE_SCREEN", global = true)]
    pub screen: Option<PathBuf>,

    /// Where the kiosk keeps its visitor counts, and where `stats` reads them. Default:
    /// ~/.local/share/lighthouse-kiosk/counts.json.
    #[arg(
        long,
        value_name = "FILE",
        env = "LIGHTHOUSE_COUNTS_FILE",
        global = true
    )]
    pub counts_file: Option<PathBuf>,

    /// The language `check`, `status` and the other commands speak: zh or en. Default: the
    /// content's default language (Chinese when it cannot be read).
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl Args {
    /// The language to speak in: `--lang`, else the one `default_language` names.
    pub fn lang_or(&self, default_language: Option<&str>) -> Lang {
        match self.lang {
            Some(LangArg::Zh) => Lang::Zh,
            Some(LangArg::En) => Lang::En,
            None => default_language.map(Lang::of_code).unwrap_or_default(),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a content folder without showing it, and report every problem.
    ///
    /// Exit status: 0 when the content is valid (warnings allowed), 1 when it has errors,
    /// 2 when the folder could not be checked at all.
    Check {
        /// The folder to check; without it, the --content folder or the built-in default content.
        /// With --screen, that screen's own settings are checked too.
        dir: Option<PathBuf>,
        /// How to print the report.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Make the screen-sized pictures and thumbnails of every photo in a content folder
    /// without a display, so the kiosk starts with them ready.
    ///
    /// Exit status: 0 when every photo could be prepared, 1 when some were refused, 2 when
    /// the folder could not be read.
    Prepare {
        /// The content folder; without it, the --content folder.
        dir: Option<PathBuf>,
        /// The screen size to prepare for, in pixels.
        #[arg(long, value_name = "WxH", default_value = "1920x1080")]
        size: Size,
    },
    /// Say how the running kiosk is doing: content, photos, memory, restarts.
    ///
    /// Exit status: 0 when it is healthy, 1 when it runs with problems, 3 when it is not
    /// running.
    Status {
        /// How to print it.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Check a content folder and mark it published: writes manifest.json last, with the size
    /// and hash of every file, so kiosks that receive the folder by copy or sync take it
    /// only once all of it has arrived.
    ///
    /// Exit status: 0 published, 1 not published (the content has errors), 2 could not run.
    Publish {
        /// The content folder to publish.
        dir: PathBuf,
    },
    /// One line per screen sharing the content folder: name, last seen, the content it
    /// shows, and its problems (from the status/ folder the screens keep in it).
    ///
    /// Exit status: 0 when every screen is healthy and recent, 1 otherwise, 2 when there is
    /// no screen at all.
    Fleet {
        /// The shared content folder; without it, the --content folder.
        dir: Option<PathBuf>,
        /// Also write one self-contained web page with every screen and its picture.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
    },
    /// Print the visitor counts: totals per day, and per screen.
    Stats {
        /// The first day to count, as YYYY-MM-DD (default: the first day counted).
        #[arg(long, value_name = "DATE")]
        from: Option<chrono::NaiveDate>,
        /// The last day to count, as YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE")]
        to: Option<chrono::NaiveDate>,
        /// How to print them.
        #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
        format: StatsFormat,
    },
    /// Set the staff panel's PIN: with --write DIR, into DIR/settings.json itself; without
    /// it, print the line to paste into settings.json.
    ///
    /// Asks for the PIN (4 to 8 digits) twice without showing it, or takes it from
    /// LIGHTHOUSE_PIN (for scripts).
    Pin {
        /// The content folder whose settings.json gets the PIN (every other line of the
        /// file stays as it is).
        #[arg(long, value_name = "DIR")]
        write: Option<PathBuf>,
    },
    /// Edit a content folder in a web browser: forms in Chinese and English, photo upload,
    /// a preview of every screen, and undo. Saves are checked as `check` checks a folder.
    ///
    /// Without --listen it serves this PC only and opens the browser with a one-time login
    /// link. With --listen (e.g. 0.0.0.0:8080) it serves plain HTTP to the office network,
    /// where staff log in with the staff PIN (which must be set first, with `pin`).
    Edit {
        /// The content folder; without it, the --content folder.
        dir: Option<PathBuf>,
        /// Serve the office network at this address instead of this PC only.
        #[arg(long, value_name = "ADDR:PORT")]
        listen: Option<std::net::SocketAddr>,
        /// Print the login link without opening a browser.
        #[arg(long)]
        no_browser: bool,
    },
    /// Put a notice on every screen that shows the --content folder ("closed today"), or
    /// take it away with --clear. Writes the folder's notice.json, checked first; it travels
    /// to the other screens with the rest of the folder.
    ///
    /// Exit status: 0 done, 1 refused (the notice has a mistake), 2 could not run.
    Notice {
        /// The message, in Chinese (or in the only language it is written in).
        #[arg(required_unless_present = "clear")]
        text: Option<String>,
        /// The message in English.
        #[arg(long, value_name = "TEXT")]
        en: Option<String>,
        /// When it starts, as YYYY-MM-DDTHH:MM or a day (YYYY-MM-DD). Default: at once.
        #[arg(long, value_name = "WHEN")]
        from: Option<String>,
        /// When it ends, as YYYY-MM-DDTHH:MM or a day (YYYY-MM-DD, to its end). Default:
        /// until `notice --clear`.
        #[arg(long, value_name = "WHEN")]
        until: Option<String>,
        /// info: a band across the screen; urgent: the whole screen.
        #[arg(long, value_enum, default_value_t = NoticeLevel::Info)]
        level: NoticeLevel,
        /// Take the notice away.
        #[arg(long, conflicts_with_all = ["text", "en", "from", "until"])]
        clear: bool,
    },
    /// Write a copy of the default content into DIR, as a starting point for your own.
    Init {
        /// The folder to create (or an empty one to fill).
        dir: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NoticeLevel {
    /// A band across the screen; the rest stays usable.
    Info,
    /// The whole screen.
    Urgent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One line per problem, as file:line:column, with a hint.
    Human,
    /// A JSON document, for other programs.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// Columns for a terminal.
    Table,
    /// Comma-separated, for a spreadsheet.
    Csv,
    /// A JSON document, for other programs.
    Json,
}

impl Args {
    pub fn screen_file(&self) -> PathBuf {
        self.screen
            .clone()
            .unwrap_or_else(lighthouse_core::paths::screen_file)
    }

    pub fn counts_file(&self) -> PathBuf {
        self.counts_file
            .clone()
            .unwrap_or_else(lighthouse_core::paths::counts_file)
    }

    pub fn status_file(&self) -> PathBuf {
        self.status_file
            .clone()
            .unwrap_or_else(lighthouse_core::paths::status_file)
    }

    pub fn cache_dir(&self) -> PathBuf {
        self.cache
            .clone()
            .unwrap_or_else(lighthouse_core::paths::photo_cache_dir)
    }

    /// The folder a command names, else the --content folder (or the built-in content).
    pub fn source_or(&self, dir: &Option<PathBuf>) -> ContentSource {
        match dir {
            Some(dir) => ContentSource::Dir(dir.clone()),
            None => self.content_source(),
        }
    }

    pub fn content_source(&self) -> ContentSource {
        match &self.content {
            Some(dir) => ContentSource::Dir(dir.clone()),
            None => ContentSource::EmbeddedDefaults,
        }
    }
}
