//! What the editor holds while it runs.

use crate::session::Sessions;
use crate::Options;
use lighthouse_core::photo_cache::PhotoCache;
use lighthouse_core::pipeline::Size;
use std::net::SocketAddr;
use std::path::PathBuf;
use tokio::sync::Mutex;

/// The preview's photos are made for this screen; the larger previews scale them up.
const PREVIEW_SCREEN: Size = Size {
    width: 1920,
    height: 1080,
};

#[derive(Debug)]
pub struct Editor {
    /// The content folder.
    pub dir: PathBuf,
    /// Reachable from this PC only (entered with a one-time link), or from the office.
    pub local: bool,
    pub address: SocketAddr,
    pub sessions: Mutex<Sessions>,
    /// Held by whatever writes the folder: one save, upload or undo at a time.
    pub writing: Mutex<()>,
    pub photo_cache: PhotoCache,
}

impl Editor {
    pub fn new(options: Options, address: SocketAddr) -> Editor {
        Editor {
            local: options.listen.is_none(),
            dir: options.dir,
            address,
            sessions: Mutex::new(Sessions::default()),
            writing: Mutex::new(()),
            photo_cache: PhotoCache::open(options.cache, PREVIEW_SCREEN),
        }
    }
}
