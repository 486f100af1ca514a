//! Two edits of one file made at once on two PCs. Syncthing then keeps both: the file under
//! its own name, and the other edit as `highlights.sync-conflict-20261128-101500-ABCDEFG.json`.
//! The kiosk shows the file under its own name and never the copy (see folder.rs), but says
//! so, naming both, so nobody's change is lost without a word.

use crate::diagnostic::Diagnostic;
use crate::folder::STATUS_DIR;
use crate::words;
use chrono::NaiveDateTime;
use std::path::Path;

const MARK: &str = ".sync-conflict-";

/// One kept copy of a file two people changed at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The copy, by its path in the content folder (`photos/a.sync-conflict-….jpg`).
    pub copy: String,
    /// The file it is a version of, which is the one shown (`photos/a.jpg`).
    pub original: String,
    /// When the two edits met, as the copy's name says.
    pub when: Option<NaiveDateTime>,
}

/// The file a conflict copy's name belongs to, and when it was made; `None` for a name that
/// is no conflict copy.
pub fn original_of(name: &str) -> Option<(String, Option<NaiveDateTime>)> {
    let (stem, rest) = name.split_once(MARK)?;
    let mut parts = rest.splitn(3, '-');
    let (date, time, device) = (parts.next()?, parts.next()?, parts.next().unwrap_or(""));
    let when = NaiveDateTime::parse_from_str(&format!("{date}{time}"), "%Y%m%d%H%M%S").ok();
    let original = match device.split_once('.') {
        Some((_, extension)) => format!("{stem}.{extension}"),
        None => stem.to_owned(),
    };
    Some((original, when))
}

/// Every conflict copy in the content folder `dir` and below (not in status/, not hidden).
pub fn find(dir: &Path) -> Vec<Conflict> {
    let mut found = Vec::new();
    let mut stack = vec![(dir.to_path_buf(), String::new())];
    while let Some((folder, prefix)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || (prefix.is_empty() && name == STATUS_DIR) {
                continue;
            }
            let path = format!("{prefix}{name}");
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => stack.push((entry.path(), format!("{path}/"))),
                Ok(kind) if kind.is_file() => {
                    if let Some((original, when)) = original_of(&name) {
                        found.push(Conflict {
                            copy: path,
                            original: format!("{prefix}{original}"),
                            when,
                        });
                    }
                }
                _ => {}
            }
        }
    }
    found.sort_by(|a, b| a.copy.cmp(&b.copy));
    found
}

impl Conflict {
    /// What `check`, the staff panel and `status` say of it: a warning on the file shown.
    pub fn diagnostic(&self) -> Diagnostic {
        let when = self
            .when
            .map(|w| w.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_else(|| "?".to_owned());
        Diagnostic::warning(
            self.original.as_str(),
            words!("sync.conflict", copy = &self.copy, when = when),
        )
        .hint(words!(
            "sync.conflict.hint",
            copy = &self.copy,
            file = &self.original
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conflict_copy_names_its_file_and_its_time() {
        let (original, when) =
            original_of("highlights.sync-conflict-20261128-101500-ABCDEFG.json").unwrap();
        assert_eq!(original, "highlights.json");
        assert_eq!(
            when,
            NaiveDateTime::parse_from_str("2026-11-28 10:15:00", "%Y-%m-%d %H:%M:%S").ok()
        );
        let (original, _) =
            original_of("unveiling.sync-conflict-20261128-101500-X7Q.tar.gz").unwrap();
        assert_eq!(original, "unveiling.tar.gz");
        assert_eq!(original_of("highlights.json"), None);
    }

    #[test]
    fn copies_are_found_in_the_folder_and_its_photos_but_not_in_status() {
        let dir = std::env::temp_dir().join(format!("lighthouse-conflicts-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("photos/2024")).unwrap();
        std::fs::create_dir_all(dir.join("status")).unwrap();
        for name in [
            "highlights.json",
            "highlights.sync-conflict-20261128-101500-ABCDEFG.json",
            "photos/2024/a.sync-conflict-20261128-101501-ABCDEFG.jpg",
            "status/b.sync-conflict-20261128-101502-ABCDEFG.json",
        ] {
            std::fs::write(dir.join(name), "x").unwrap();
        }
        let found: Vec<(String, String)> = find(&dir)
            .into_iter()
            .map(|c| (c.copy, c.original))
            .collect();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            found,
            [
                (
                    "highlights.sync-conflict-20261128-101500-ABCDEFG.json".to_owned(),
                    "highlights.json".to_owned()
                ),
                (
                    "photos/2024/a.sync-conflict-20261128-101501-ABCDEFG.jpg".to_owned(),
                    "photos/2024/a.jpg".to_owned()
                ),
            ]
        );
    }
}
