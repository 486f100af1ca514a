//! What a change to the content folder means for the screen. One load of the folder gives an
//! [`Attempt`]; [`decide`] turns it, with how long a publication has been arriving, into
//! what the kiosk does: show new content, keep waiting for the rest of a publication, keep
//! the last good content, or look once more because a save may be half done.
//!
//! The loading is the disk edge; the decision is pure, so it is tested without a folder.

use crate::diagnostic::Diagnostic;
use crate::hashes::Hashes;
use crate::load::{ContentSource, ReadFiles, Report};
use crate::manifest::{self, FolderState, MANIFEST_FILE};
use crate::messages::Words;
use crate::model::Content;
use crate::valid_alone::ValidAlone;
use crate::words;
use chrono::NaiveDate;
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a broken file gets to become whole before it counts as a mistake: saving in
/// two steps takes an editor a few milliseconds, a network share a little longer.
pub const HALF_SAVED_GRACE: Duration = Duration::from_secs(1);
/// How long a content file may be missing before that counts as a mistake: some editors
/// and sync tools remove a file and write it anew, which over a network share can take
/// seconds.
pub const MISSING_FILE_GRACE: Duration = Duration::from_secs(5);
/// How often a folder waiting for the rest of a publication is looked at again, in case the
/// file that completes it arrived without a word from the watcher.
pub const WAITING_RECHECK: Duration = Duration::from_secs(30);
/// After this long with files that still differ from the manifest, they are not on their
/// way: most often a file edited after the folder was published. The folder is then shown
/// as it stands (if it is valid), and staff are told to publish again.
pub const WAITING_LIMIT: Duration = Duration::from_secs(10 * 60);

/// The revision named for the content built into the binary.
pub const BUILT_IN: &str = "built-in";

/// One load of the content.
#[derive(Debug)]
pub enum Attempt {
    /// Valid content, with its warnings and the revision it is.
    Good {
        content: Box<Content>,
        diagnostics: Vec<Diagnostic>,
        revision: String,
        /// The files as read, to keep as the last good content.
        read: ReadFiles,
    },
    /// A publication is still arriving: these files do not match its manifest yet.
    Waiting {
        revision: String,
        files: Vec<String>,
    },
    /// Content with errors, or a folder that cannot be read: nothing to show, but its
    /// settings and notice when they are valid on their own.
    Bad {
        diagnostics: Vec<Diagnostic>,
        folder_error: Option<String>,
        alone: Box<ValidAlone>,
        /// Whether a file every folder needs is missing (maybe only for the moment of a save).
        file_missing: bool,
    },
}

/// Loads `source`. A folder with a manifest is loaded only once every file matches it (and
/// still matches after the load, in case a newer publication began to arrive meanwhile).
pub fn load(source: &ContentSource, hashes: &Hashes, today: NaiveDate) -> Attempt {
    let ContentSource::Dir(dir) = source else {
        return read(source, BUILT_IN.to_owned(), today);
    };
    let attempt = load_folder(source, dir, hashes, today);
    hashes.save();
    attempt
}

fn load_folder(source: &ContentSource, dir: &Path, hashes: &Hashes, today: NaiveDate) -> Attempt {
    let revision = match gate(dir, hashes) {
        Ok(revision) => revision,
        Err(attempt) => return attempt,
    };
    let attempt = read(source, revision, today);
    match &attempt {
        Attempt::Good { revision, .. } => match gate(dir, hashes) {
            Ok(now) if now == *revision => attempt,
            // A newer publication began to arrive while the files were read.
            Ok(now) => Attempt::Waiting {
                revision: now,
                files: vec![MANIFEST_FILE.to_owned()],
            },
            Err(changed) => changed,
        },
        _ => attempt,
    }
}

/// The folder's revision when it may be read now, or what to do instead.
fn gate(dir: &Path, hashes: &Hashes) -> Result<String, Attempt> {
    match manifest::folder_state(dir, hashes) {
        FolderState::Unpublished { revision } | FolderState::Complete { revision } => Ok(revision),
        FolderState::Waiting {
            revision,
            differing,
        } => Err(Attempt::Waiting {
            revision,
            files: differing,
        }),
        FolderState::Damaged { reason } => Err(Attempt::Bad {
            diagnostics: vec![Diagnostic::error(
                MANIFEST_FILE,
                words!("publication.damaged", reason = reason),
            )
            .hint(words!("publication.damaged.hint"))],
            folder_error: None,
            alone: Box::default(),
            file_missing: false,
        }),
    }
}

fn read(source: &ContentSource, revision: String, today: NaiveDate) -> Attempt {
    let mut attempt = match source.load(today) {
        Ok(report) => from_report(report, revision),
        Err(err) => Attempt::Bad {
            diagnostics: Vec::new(),
            folder_error: Some(err.to_string()),
            alone: Box::default(),
            file_missing: false,
        },
    };
    if let (Attempt::Bad { file_missing, .. }, ContentSource::Dir(dir)) = (&mut attempt, source) {
        *file_missing = REQUIRED_FILES.iter().any(|name| !dir.join(name).exists());
    }
    attempt
}

/// The files every content folder has (photos.json may be left out).
const REQUIRED_FILES: [&str; 3] = [
    crate::model::SETTINGS_FILE,
    crate::model::HIGHLIGHTS_FILE,
    crate::model::CONTACTS_FILE,
];

/// The attempt a load's report is, as `revision`.
pub fn from_report(report: Report, revision: String) -> Attempt {
    match report.content {
        Some(content) => Attempt::Good {
            content: Box::new(content),
            diagnostics: report.diagnostics,
            revision,
            read: report.read,
        },
        None => Attempt::Bad {
            diagnostics: report.diagnostics,
            folder_error: None,
            alone: Box::new(report.alone),
            file_missing: false,
        },
    }
}

/// The folder as it stands, for when a publication is not whole: valid content with a
/// warning that says why it is shown unpublished (`why`), or `None`.
pub fn as_it_stands(
    source: &ContentSource,
    hashes: &Hashes,
    files: &[String],
    why: Words,
    today: NaiveDate,
) -> Option<Attempt> {
    let ContentSource::Dir(dir) = source else {
        return None;
    };
    let revision = manifest::build(dir, hashes).ok()?.revision;
    let Attempt::Good {
        content,
        mut diagnostics,
        revision,
        read,
    } = read(source, revision, today)
    else {
        return None;
    };
    diagnostics.push(
        Diagnostic::warning(
            MANIFEST_FILE,
            words!(
                "publication.differs",
                n = files.len(),
                files = short_list(files),
                why = why
            ),
        )
        .hint(words!("publication.differs.hint")),
    );
    Some(Attempt::Good {
        content,
        diagnostics,
        revision,
        read,
    })
}

/// The first few of `files`, and how many more.
pub fn short_list(files: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut list = files
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if files.len() > SHOWN {
        list.push_str(&format!(" and {} more", files.len() - SHOWN));
    }
    list
}

/// What the kiosk does after a change to the folder.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    /// Put the content of the attempt on screen.
    Take,
    /// Look again after this long before calling the folder broken: a save may be half done.
    LookAgain(Duration),
    /// The publication has been arriving for too long: show the folder as it stands, if it
    /// is valid, and keep saying which files differ.
    ShowAsItStands,
    /// Keep what is on screen until the rest of the publication arrives.
    Wait,
    /// Keep what is on screen: the folder has errors or cannot be read.
    KeepOlder,
}

/// The step for `attempt`. `looked_again`: whether this attempt is already the second look
/// after a broken one; `waiting_for`: how long the folder has been waiting for the rest of a
/// publication, if it has.
pub fn decide(attempt: &Attempt, looked_again: bool, waiting_for: Option<Duration>) -> Step {
    match attempt {
        Attempt::Good { .. } => Step::Take,
        Attempt::Bad {
            file_missing: true, ..
        } if !looked_again => Step::LookAgain(MISSING_FILE_GRACE),
        Attempt::Bad { .. } if !looked_again => Step::LookAgain(HALF_SAVED_GRACE),
        Attempt::Bad { .. } => Step::KeepOlder,
        Attempt::Waiting { .. } if waiting_for.is_some_and(|w| w > WAITING_LIMIT) => {
            Step::ShowAsItStands
        }
        Attempt::Waiting { .. } => Step::Wait,
    }
}

/// Since when the folder has been waiting for the rest of a publication, without a break.
/// Time is passed in, so a test can say exactly when each wait happened.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PublicationWait {
    since: Option<Instant>,
}

impl PublicationWait {
    /// The folder is (still) waiting at `now`; the first wait starts the clock, later ones
    /// neither restart it nor move it on.
    pub fn note(&mut self, now: Instant) {
        self.since.get_or_insert(now);
    }

    /// The wait is over: content was taken or refused.
    pub fn end(&mut self) {
        self.since = None;
    }

    /// How long the folder has been waiting at `now`, if it is.
    pub fn length(&self, now: Instant) -> Option<Duration> {
        self.since.map(|since| now.saturating_duration_since(since))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load_embedded_defaults;

    fn good() -> Attempt {
        let today = crate::today();
        Attempt::Good {
            content: Box::new(load_embedded_defaults(today).content.unwrap()),
            diagnostics: Vec::new(),
            revision: "r1".into(),
            read: ReadFiles::default(),
        }
    }

    fn bad() -> Attempt {
        Attempt::Bad {
            diagnostics: vec![Diagnostic::error("highlights.json", Words::same("broken"))],
            folder_error: None,
            alone: Box::default(),
            file_missing: false,
        }
    }

    fn waiting() -> Attempt {
        Attempt::Waiting {
            revision: "r2".into(),
            files: vec!["photos/a.jpg".into()],
        }
    }

    #[test]
    fn valid_content_is_taken_at_once() {
        assert_eq!(decide(&good(), false, None), Step::Take);
        assert_eq!(
            decide(&good(), false, Some(WAITING_LIMIT * 2)),
            Step::Take,
            "a publication that became whole is taken, however long it took"
        );
    }

    #[test]
    fn a_broken_folder_is_looked_at_once_more_before_it_counts_as_a_mistake() {
        assert_eq!(
            decide(&bad(), false, None),
            Step::LookAgain(HALF_SAVED_GRACE)
        );
        assert_eq!(decide(&bad(), true, None), Step::KeepOlder);
    }

    #[test]
    fn a_missing_file_gets_the_time_a_save_by_removing_and_writing_takes() {
        let mut missing = bad();
        if let Attempt::Bad { file_missing, .. } = &mut missing {
            *file_missing = true;
        }
        assert_eq!(
            decide(&missing, false, None),
            Step::LookAgain(MISSING_FILE_GRACE)
        );
        assert!(MISSING_FILE_GRACE > HALF_SAVED_GRACE);
        assert_eq!(decide(&missing, true, None), Step::KeepOlder);
    }

    #[test]
    fn a_publication_is_waited_for_until_the_limit_then_shown_as_it_stands() {
        assert_eq!(decide(&waiting(), false, None), Step::Wait);
        assert_eq!(decide(&waiting(), false, Some(WAITING_LIMIT)), Step::Wait);
        assert_eq!(
            decide(
                &waiting(),
                false,
                Some(WAITING_LIMIT + Duration::from_secs(1))
            ),
            Step::ShowAsItStands
        );
    }

    #[test]
    fn the_wait_is_timed_from_the_first_wait_until_it_ends() {
        let start = Instant::now();
        let minute = Duration::from_secs(60);
        let mut wait = PublicationWait::default();
        assert_eq!(wait.length(start), None, "not waiting yet");
        wait.note(start);
        wait.note(start + minute);
        assert_eq!(
            wait.length(start + 2 * minute),
            Some(2 * minute),
            "a second wait neither restarts the clock nor moves it on"
        );
        wait.end();
        assert_eq!(wait.length(start + 3 * minute), None);
        wait.note(start + 3 * minute);
        assert_eq!(wait.length(start + 4 * minute), Some(minute));
    }

    #[test]
    fn a_long_list_of_files_is_cut_short() {
        let files: Vec<String> = (1..=7).map(|i| format!("photos/{i}.jpg")).collect();
        assert_eq!(
            short_list(&files),
            "photos/1.jpg, photos/2.jpg, photos/3.jpg, photos/4.jpg, photos/5.jpg and 2 more"
        );
    }
}
