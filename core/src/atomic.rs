//! Writing a file whole or not at all: the bytes go to a hidden file beside it, reach the
//! disk, then are renamed over it. A reader (a person, the fleet view, another screen through
//! Syncthing) never sees half a file, a power cut leaves the old file or the new one, and a
//! write that fails (a full disk) leaves nothing behind.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` whole. The folder must exist.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    // Hidden, so the watcher, `publish` and the fleet view never take it for the real file.
    let temporary = path.with_file_name(format!(".{name}.{}.writing", std::process::id()));
    let written = std::fs::File::create(&temporary)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// As [`write`], making the folder first when it is missing.
pub fn write_making_folder(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("lighthouse-atomic-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn names_in(dir: &Path) -> Vec<std::ffi::OsString> {
        let entries = std::fs::read_dir(dir).unwrap().flatten();
        entries.map(|e| e.file_name()).collect()
    }

    #[test]
    fn a_file_is_replaced_whole_and_nothing_else_stays() {
        let dir = folder("replace");
        let file = dir.join("status.json");
        write_making_folder(&file, b"old").unwrap();
        write(&file, b"new").unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"new");
        assert_eq!(names_in(&dir), ["status.json"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let dir = folder("fail");
        std::fs::create_dir_all(dir.join("status.json")).unwrap();
        // A folder where the file should go: the rename fails after the bytes were written.
        assert!(write(&dir.join("status.json"), b"new").is_err());
        assert_eq!(names_in(&dir), ["status.json"]);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
