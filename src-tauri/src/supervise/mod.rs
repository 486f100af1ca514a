//! Keeping the kiosk alive with nobody watching, and saying how it is: the page's heartbeat
//! and memory watched (`watchdog`, `health`, `memory_ceiling`), the status file written
//! (`status_file`), and one kiosk per session (`single_instance`).

pub mod health;
pub mod memory_ceiling;
pub mod single_instance;
pub mod status_file;
pub mod watchdog;
