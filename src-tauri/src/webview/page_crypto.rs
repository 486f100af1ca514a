//! Keeps WebKitGTK from gaining a thread and a descriptor at every page load: its Web Crypto
//! work queue, started by the first use of `window.crypto`, outlives a reload of its page.
//! The page's only use of it is Tauri's IPC, whose callback ids must be unique, not secret,
//! so `window.crypto` is replaced, before any script runs, by one drawing from `Math.random`.

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
