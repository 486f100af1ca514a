//! Keeps WebKitGTK from gaining a thread and a descriptor at every page load.
//!
//! The first use of `window.crypto` in a page makes WebKit start a work queue for Web Crypto
//! ("CryptoQueue": a thread and an eventfd), and when that page is loaded again (the renewal
//! every 300 slides, the memory ceiling) the queue of the old page is never ended: WebKitGTK
//! 2.50 keeps one more thread and one more open file per load, for as long as the web
//! process lives (found by `make soak`: descriptors and threads climbing while nothing else
//! happened). The page's only use of `window.crypto` is Tauri's IPC, which draws random
//! numbers for its callback ids; those need to be unique, not secret. So, before any script
//! of the page runs, `window.crypto` is replaced by an object that gives them from
//! `Math.random`, and WebKit's own is never made.

use webkit2gtk::{
    UserContentInjectedFrames, UserContentManager, UserContentManagerExt, UserScript,
    UserScriptInjectionTime,
};

const SCRIPT: &str = "Object.defineProperty(window, 'crypto', { configurable: true, value: Object.freeze({ \
     getRandomValues(values) { \
       for (let i = 0; i < values.length; i += 1) values[i] = Math.floor(Math.random() * 4294967296); \
       return values; } }) });";

/// Adds the replacement to every page the web view loads, at its start.
pub fn add(content: &UserContentManager) {
    content.add_script(&UserScript::new(
        SCRIPT,
        UserContentInjectedFrames::TopFrame,
        UserScriptInjectionTime::Start,
        &[],
        &[],
    ));
}
