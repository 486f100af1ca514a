//! What the running kiosk knows, shared by the commands.

use lighthouse_core::Content;
use std::sync::{Arc, RwLock};
use std::time::Instant;

#[derive(Debug)]
pub struct AppState {
    /// The content on screen. Replaced whole, so a reader never sees half an update.
    content: RwLock<Arc<Content>>,
    /// When the process started, for the start-up time logged at the first painted slide.
    pub started: Instant,
}

impl AppState {
    pub fn new(content: Content, started: Instant) -> Self {
        AppState {
            content: RwLock::new(Arc::new(content)),
            started,
        }
    }

    pub fn content(&self) -> Arc<Content> {
        // A poisoned lock still holds whole content: it is only ever replaced in one step.
        Arc::clone(&self.content.read().unwrap_or_else(|e| e.into_inner()))
    }
}
