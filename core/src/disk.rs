//! A full disk: how much room is left where a file goes, and whether a failed write failed
//! for want of room. One place, so the kiosk, `status` and the tests judge it alike.

use serde::{Deserialize, Serialize};
use std::path::Path;

/// Below this much free space the disk counts as full: nothing the kiosk writes fits any
/// more (a status file, a day's counts, a photo's derivatives).
pub const FULL_BELOW_MIB: u64 = 2;

/// A disk found full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiskFull {
    /// Where a write failed (a folder on that disk).
    pub path: String,
    pub free_mib: u64,
    /// Since when, in milliseconds since 1970.
    pub since_ms: u64,
}

/// The space left on the file system holding `path` (or its nearest existing parent), in MiB.
pub fn free_mib(path: &Path) -> Option<u64> {
    let mut at = Some(path);
    while let Some(dir) = at {
        if let Ok(stats) = rustix::fs::statvfs(dir) {
            return Some(stats.f_bavail.saturating_mul(stats.f_frsize) / (1024 * 1024));
        }
        at = dir.parent();
    }
    None
}

/// Whether `err` says there is no room left (the disk is full, or the user's quota is).
pub fn is_full(err: &std::io::Error) -> bool {
    err.kind() == std::io::ErrorKind::StorageFull || err.kind() == std::io::ErrorKind::QuotaExceeded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_space_left_is_read_from_the_nearest_folder_that_exists() {
        let here = free_mib(&std::env::temp_dir().join("no/such/folder")).expect("statvfs");
        assert_eq!(free_mib(&std::env::temp_dir()), Some(here));
    }

    #[test]
    fn no_room_is_told_from_other_failures() {
        let full = std::io::Error::from_raw_os_error(28);
        assert!(is_full(&full), "ENOSPC");
        assert!(!is_full(&std::io::Error::from(
            std::io::ErrorKind::PermissionDenied
        )));
    }
}
