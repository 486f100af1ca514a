//! Every exit status the program gives, in one place: scripts, systemd and monitoring read
//! them, so each number means one thing.

/// The command did its job: the content is valid (warnings allowed), the kiosk is healthy.
pub const OK: i32 = 0;
/// `check`, `publish`, `prepare`: the content has errors. `status`, `fleet`: running with
/// problems.
pub const PROBLEMS: i32 = 1;
/// The command could not do its job (no such folder, cannot write, another kiosk runs, …).
pub const FAILED: i32 = 2;
/// `status`: the kiosk is not running.
pub const NOT_RUNNING: i32 = 3;
/// Staff left the kiosk for the desktop: the systemd unit does not restart it after this
/// one (RestartPreventExitStatus in packaging/lighthouse-kiosk.service).
pub const STAFF_EXIT: i32 = 64;
/// A new version was installed under the running kiosk: it ended for systemd to start the
/// new one (see supervise/upgrade.rs).
pub const UPGRADED: i32 = 65;
/// The kiosk stopped because of a bug (a panic), for systemd to start it afresh.
pub const PANIC: i32 = 70;
/// The web view could not be brought back, for systemd to start the kiosk afresh.
pub const WEB_VIEW_LOST: i32 = 75;
