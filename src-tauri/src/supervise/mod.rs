//! Keeping the kiosk alive with nobody watching, and saying how it is: the page's heartbeat
//! and memory watched (`watchdog`, `health`, `memory_ceiling`), the status file written
//! (`status_file`), a full disk noticed once and its end too (`disk`). (One kiosk per
//! session is `lighthouse_core::instance`.)

pub mod disk;
pub mod health;
pub mod memory_ceiling;
pub mod status_file;
pub mod watchdog;
