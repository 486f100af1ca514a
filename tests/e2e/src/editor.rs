//! The browser editor (`lighthouse-kiosk edit`), for the tests: the real binary serving a
//! content folder, and Chromium on its page, logged in with the link the editor prints.

use crate::browser::{accessibility_problems, start_chromium, ONE_AT_A_TIME};
use crate::figures::epoch_ms;
use crate::process::{stop_group, SpawnLogged};
use crate::{kiosk_binary, target_dir, Session};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::PoisonError;
use std::time::{Duration, Instant};

/// WebDriver's key codes.
pub const TAB: char = '\u{E004}';
pub const ENTER: char = '\u{E007}';
pub const BACKSPACE: char = '\u{E003}';

#[derive(Debug)]
pub struct EditorPage {
    pub session: Session,
    driver: Child,
    editor: Child,
    /// The editor's address, e.g. `http://127.0.0.1:41234`.
    pub base: String,
    pub log: PathBuf,
    /// When the editor's process was started (ms since 1970).
    started_ms: f64,
    /// The address it printed: the one-time login link, or (office) its address.
    link: String,
    _turn: std::sync::MutexGuard<'static, ()>,
}

impl EditorPage {
    /// Starts the editor on `dir` and opens it in a `width` x `height` browser window,
    /// logged in; waits until the page has drawn the content.
    pub fn open(dir: &Path, width: u32, height: u32) -> EditorPage {
        let page = EditorPage::start(dir, width, height, &[]);
        let link = page.link.clone();
        page.session.navigate(&link).expect("open the login link");
        page.wait_until(
            "the editor is ready",
            "return document.body.dataset.ready === 'true'",
        );
        page
    }

    /// Starts the editor for the office network (`--listen`) on `dir`, which must have a
    /// PIN, and opens its login page.
    pub fn open_office(dir: &Path, width: u32, height: u32) -> EditorPage {
        let page = EditorPage::start(dir, width, height, &["--listen", "127.0.0.1:0"]);
        page.session
            .navigate(&format!("{}/login", page.base))
            .expect("open the login page");
        page.wait_until("the login page", "return !!document.getElementById('pin')");
        page
    }

    fn start(dir: &Path, width: u32, height: u32, args: &[&str]) -> EditorPage {
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
        // The browser first: the editor's start is timed from its own process's start.
        let (session, driver) = start_chromium(
            &[format!("--window-size={width},{height}")],
            json!({}),
            None,
        );
        let started_ms = epoch_ms();
        let (editor, log, link) = start_editor(dir, args);
        let base = link.split("/login").next().unwrap_or_default().to_owned();
        EditorPage {
            session,
            driver,
            editor,
            base,
            log,
            started_ms,
            link,
            _turn: turn,
        }
    }

    pub fn js(&self, script: &str) -> Value {
        self.session
            .execute(script)
            .unwrap_or_else(|err| panic!("script failed: {err}\n{script}"))
    }

    pub fn wait_until(&self, what: &str, script: &str) {
        self.wait_for(what, Duration::from_secs(15), script);
    }

    pub fn wait_for(&self, what: &str, timeout: Duration, script: &str) {
        let deadline = Instant::now() + timeout;
        while self.js(script) != Value::Bool(true) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting until {what} (editor log: {})",
                self.log.display()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Clicks the first element matching `selector`, as a mouse would.
    pub fn click(&self, selector: &str) {
        let element = self
            .session
            .find(selector)
            .unwrap_or_else(|err| panic!("{err}"));
        self.session
            .click(&element)
            .unwrap_or_else(|err| panic!("click on {selector}: {err}"));
    }

    /// Types `text` into the first element matching `selector`.
    pub fn type_into(&self, selector: &str, text: &str) {
        let element = self
            .session
            .find(selector)
            .unwrap_or_else(|err| panic!("{err}"));
        self.session
            .send_keys(&element, text)
            .unwrap_or_else(|err| panic!("typing into {selector}: {err}"));
    }

    /// Empties the first field matching `selector` as a person would: into it, Ctrl+A,
    /// Backspace.
    pub fn clear(&self, selector: &str) {
        self.click(selector);
        self.select_all_and_delete();
    }

    /// Ctrl+A, Backspace, in the field that has the focus.
    pub fn select_all_and_delete(&self) {
        self.session
            .press_with_control('a')
            .and_then(|()| self.session.press_keys(&BACKSPACE.to_string()))
            .unwrap_or_else(|err| panic!("clearing a field: {err}"));
    }

    pub fn press_keys(&self, keys: &str) {
        self.session
            .press_keys(keys)
            .unwrap_or_else(|err| panic!("pressing keys: {err}"));
    }

    /// Chooses `files` in the file input `selector`, as the file picker would.
    pub fn choose_files(&self, selector: &str, files: &[PathBuf]) {
        // chromedriver takes only canonical paths (no "..").
        let paths: Vec<String> = files
            .iter()
            .map(|p| {
                p.canonicalize()
                    .unwrap_or_else(|_| p.clone())
                    .display()
                    .to_string()
            })
            .collect();
        self.type_into(selector, &paths.join("\n"));
    }

    /// Saves the page as `target/e2e-screenshots/<name>.png`.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        let dir = target_dir().join("e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("create the screenshot folder");
        let path = dir.join(format!("{name}.png"));
        let png = self.session.screenshot_png().expect("take a screenshot");
        std::fs::write(&path, png).expect("save the screenshot");
        path
    }

    /// When the editor's process was started, in ms since 1970 (as the page's
    /// `performance.timeOrigin + now()` counts).
    pub fn started_epoch_ms(&self) -> f64 {
        self.started_ms
    }

    /// The editor server's memory: its proportional set size, in KiB.
    pub fn editor_pss_kib(&self) -> u64 {
        lighthouse_core::proc::pss_kib(self.editor.id()).unwrap_or(0)
    }

    pub fn accessibility_problems(&self) -> Vec<String> {
        accessibility_problems(&self.session)
    }
}

impl Drop for EditorPage {
    fn drop(&mut self) {
        stop_group(&mut self.driver);
        stop_group(&mut self.editor);
    }
}

/// Starts `lighthouse-kiosk edit DIR ARGS…` and waits for the address it prints (the login
/// link, or for the office, its address).
// The child is waited for by whoever holds it (`stop_group`), which clippy cannot see.
#[allow(clippy::zombie_processes)]
pub fn start_editor(dir: &Path, args: &[&str]) -> (Child, PathBuf, String) {
    let log = target_dir().join("e2e-logs").join(format!(
        "editor-{}-{}.log",
        std::process::id(),
        dir.file_name().unwrap_or_default().to_string_lossy()
    ));
    let _ = std::fs::remove_file(&log);
    let cache = target_dir().join(format!("editor-cache-{}", std::process::id()));
    let child = Command::new(kiosk_binary())
        .arg("edit")
        .arg(dir)
        .args(["--no-browser", "--cache"])
        .arg(&cache)
        .args(args)
        .spawn_logged(&log, "lighthouse-kiosk edit");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        if let Some(link) = text
            .split_whitespace()
            .find(|word| word.starts_with("http://"))
        {
            return (child, log, link.to_owned());
        }
        assert!(
            Instant::now() < deadline,
            "the editor printed no link: {text}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
