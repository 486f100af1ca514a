//! The parts of a content folder the kiosk follows on their own, while another file of the
//! folder has a mistake and the rest of the screen keeps the last good content.

use crate::model::{Content, Notice, Settings};

/// What the kiosk follows in a folder even while another file has a mistake: its settings
/// (a new PIN, new hours or languages) and its notice (a closure must reach the screens
/// whatever else is wrong).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValidAlone {
    /// The settings, when settings.json has no error of its own.
    pub settings: Option<Settings>,
    /// The notice as the folder has it (`Some(None)`: there is no notice.json), when
    /// notice.json has no error of its own.
    pub notice: Option<Option<Notice>>,
}

impl ValidAlone {
    /// Puts these parts into `content`; the rest of it stays.
    pub fn put_into(self, content: &mut Content) {
        if let Some(settings) = self.settings {
            content.settings = settings;
        }
        if let Some(notice) = self.notice {
            content.notice = notice;
        }
    }

    /// Whether there is anything to follow.
    pub fn is_empty(&self) -> bool {
        self.settings.is_none() && self.notice.is_none()
    }
}
