//! Runs the real kiosk binary in a private X server and drives it over WebDriver.
//!
//! Each [`Kiosk`] owns an Xvfb server of the screen size asked for, a `tauri-driver` (which
//! starts WebKitWebDriver, which starts the app), and one WebDriver session. Dropping it
//! ends the session and kills both process groups, so no app outlives its test.

mod base64;
mod browser;
pub mod camera;
pub mod editor;
pub mod figures;
pub mod large;
pub mod process;
pub mod randr;
pub mod staff;
pub mod syncthing;
mod touch;
mod webdriver;
pub mod x_screen;

pub use browser::Browser;
pub use process::{Driver, Xvfb};
pub use touch::Touches;
pub use webdriver::Session;

use lighthouse_core::status::{self, Status};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Only one kiosk at a time: two WebKit apps at once on a two-core machine make both slow
/// enough to turn timing into flakiness.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// WebKitWebDriver's answers to a script that was running when its page went away.
fn is_page_being_replaced(err: &str) -> bool {
    err.contains("no such frame") || err.contains("before the unload event")
}

/// The workspace root (this crate lives in `tests/e2e`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `target` folder the kiosk binary is built into.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// The kiosk binary under test: `LIGHTHOUSE_KIOSK_BIN`, else the debug build.
pub fn kiosk_binary() -> PathBuf {
    let path = std::env::var_os("LIGHTHOUSE_KIOSK_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug/lighthouse-kiosk"));
    assert!(
        path.is_file(),
        "kiosk binary {} not found: run `cargo build -p lighthouse-kiosk` first (make test does)",
        path.display()
    );
    path
}

/// A screen size in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub width: u32,
    pub height: u32,
}

pub const LANDSCAPE: Screen = Screen {
    width: 1920,
    height: 1080,
};
pub const PORTRAIT: Screen = Screen {
    width: 1080,
    height: 1920,
};
/// A 4K screen, where everything must scale up and nothing may look lost.
pub const UHD: Screen = Screen {
    width: 3840,
    height: 2160,
};
/// A small laptop-sized screen, where everything must still fit.
pub const SMALL: Screen = Screen {
    width: 1280,
    height: 800,
};
/// Every screen size the kiosk is checked at.
pub const ALL_SCREENS: [Screen; 4] = [LANDSCAPE, PORTRAIT, UHD, SMALL];

impl Screen {
    pub fn name(&self) -> String {
        let orientation = if self.width >= self.height {
            "landscape"
        } else {
            "portrait"
        };
        format!("{orientation}-{}x{}", self.width, self.height)
    }
}

/// A running kiosk on its own screen.
#[derive(Debug)]
pub struct Kiosk {
    // Field order is drop order: session first, then the driver (and the app), then X.
    pub session: Session,
    driver: Driver,
    xvfb: Xvfb,
    pub screen: Screen,
    _turn: MutexGuard<'static, ()>,
}

impl Kiosk {
    /// Starts the kiosk on a fresh `screen`, with `args` on its command line, and waits
    /// until its first slide is on screen.
    pub fn start(screen: Screen, args: &[&str]) -> Kiosk {
        Kiosk::start_with_env(screen, args, &[])
    }

    /// As [`Kiosk::start`], with `env` set for the kiosk (e.g. to choose WebKit's renderer).
    pub fn start_with_env(screen: Screen, args: &[&str], env: &[(&str, &str)]) -> Kiosk {
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        Kiosk::start_on(Xvfb::start(screen), screen, args, env, turn)
    }

    /// The kiosk on an X server already running (`xvfb`), whose screen is `screen` now.
    pub fn start_on_screen(xvfb: Xvfb, screen: Screen, args: &[&str]) -> Kiosk {
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        Kiosk::start_on(xvfb, screen, args, &[], turn)
    }

    fn start_on(
        xvfb: Xvfb,
        screen: Screen,
        args: &[&str],
        env: &[(&str, &str)],
        turn: MutexGuard<'static, ()>,
    ) -> Kiosk {
        let driver = Driver::start(&xvfb, env);
        let session = Session::new(&driver.url(), &kiosk_binary(), args).unwrap_or_else(|err| {
            panic!(
                "could not start the kiosk over WebDriver: {err}\n(driver log: {})",
                driver.log_path().display()
            )
        });
        let kiosk = Kiosk {
            session,
            driver,
            xvfb,
            screen,
            _turn: turn,
        };
        kiosk.wait_until(
            "the first slide is shown",
            Duration::from_secs(30),
            "return document.querySelector('.slide.is-current') !== null",
        );
        kiosk
    }

    /// Runs `script` in the page and returns what it returns.
    pub fn js(&self, script: &str) -> Value {
        self.session
            .execute(script)
            .unwrap_or_else(|err| panic!("script failed: {err}\n{script}"))
    }

    pub fn js_string(&self, script: &str) -> String {
        match self.js(script) {
            Value::String(s) => s,
            other => panic!("expected a string from `{script}`, got {other}"),
        }
    }

    /// Polls `script` until it returns `true`; panics after `timeout`, naming `what`.
    /// A poll that meets the page being replaced (a reload under way) counts as "not yet".
    pub fn wait_until(&self, what: &str, timeout: Duration, script: &str) {
        let deadline = Instant::now() + timeout;
        loop {
            match self.session.execute(script) {
                Ok(Value::Bool(true)) => return,
                Ok(_) => {}
                Err(err) if is_page_being_replaced(&err) => {}
                Err(err) => panic!("script failed: {err}\n{script}"),
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {timeout:?} waiting until {what}\n(driver log: {})",
                self.driver.log_path().display()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The key of the slide on screen, e.g. `highlight:patent-awards` or `contacts`.
    pub fn slide_key(&self) -> String {
        self.js_string("return document.getElementById('stage').dataset.slideKey ?? ''")
    }

    /// The title of the slide on screen, in the default language.
    pub fn current_title(&self) -> String {
        self.js_string(
            "return document.querySelector('.slide.is-current .title .primary')?.textContent ?? ''",
        )
    }

    /// What the backend says about the latest content load (the `status` command).
    pub fn status(&self) -> Value {
        self.js("return window.__TAURI__.core.invoke('status')")
    }

    /// Polls the backend's status until `check` accepts it; panics after `timeout`.
    pub fn wait_for_status(
        &self,
        what: &str,
        timeout: Duration,
        check: impl Fn(&Value) -> bool,
    ) -> Value {
        let deadline = Instant::now() + timeout;
        loop {
            let status = self.status();
            if check(&status) {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {timeout:?} waiting until {what}; status: {status}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Plays a gesture into the page as Touch Events (see [`Touches`]); returns when done.
    pub fn play_touches(&self, touches: &Touches) {
        self.session
            .execute_async(touch::PLAYER, serde_json::json!([touches.to_json()]))
            .unwrap_or_else(|err| panic!("playing touches failed: {err}"));
    }

    /// The centre of the first element matching `selector`, in viewport pixels.
    pub fn centre_of(&self, selector: &str) -> (u32, u32) {
        let found = self.js(&format!(
            "const e = document.querySelector({}); if (!e) return null;
             const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];",
            serde_json::json!(selector)
        ));
        let at = found
            .as_array()
            .unwrap_or_else(|| panic!("nothing on screen matches {selector}"));
        (
            at[0].as_f64().unwrap().round() as u32,
            at[1].as_f64().unwrap().round() as u32,
        )
    }

    /// The box of the first element matching `selector`, in screen pixels (the window
    /// covers the screen).
    pub fn area_of(&self, selector: &str) -> x_screen::Area {
        let r = self.js(&format!(
            "const r = document.querySelector({}).getBoundingClientRect();
             return [r.left, r.top, r.width, r.height].map(Math.round);",
            serde_json::json!(selector)
        ));
        let n = |i: usize| {
            r[i].as_i64()
                .unwrap_or_else(|| panic!("no box for {selector}"))
        };
        (n(0) as i16, n(1) as i16, n(2) as u16, n(3) as u16)
    }

    /// Taps the centre of the first element matching `selector`, as a finger would.
    pub fn tap_on(&self, selector: &str) {
        let (x, y) = self.centre_of(selector);
        self.tap(x, y);
    }

    /// The screen shown (`home`, `highlights`, `story`, `photos`, `viewer`, `contact`).
    pub fn screen_name(&self) -> String {
        self.js_string("return document.getElementById('stage').dataset.screen ?? ''")
    }

    /// The kiosk's mode (`attract`, `interactive`, `countdown`).
    pub fn mode(&self) -> String {
        self.js_string("return document.getElementById('kiosk').dataset.mode ?? ''")
    }

    /// Chooses `lang` with the bar's language button, as a visitor would, and waits until it
    /// leads (nothing to do when it already does).
    pub fn choose_language(&self, lang: &str) {
        if self.js_string("return document.getElementById('stage').dataset.lang") == lang {
            return;
        }
        self.tap_on(&format!(".language-button[data-lang={lang}]"));
        self.wait_until(
            &format!("{lang} leads"),
            Duration::from_secs(5),
            &format!("return document.getElementById('stage').dataset.lang === '{lang}'"),
        );
    }

    /// Opens `screen` from the bar, as a visitor would, and waits until it is shown.
    pub fn go(&self, screen: &str) {
        self.tap_on(&format!(".nav-button[data-screen={screen}]"));
        self.wait_for_screen("interactive", screen);
    }

    /// Opens `screen` from the bar like `go`, and returns how long the page took to answer
    /// the tap: its own measure, from the tap's input event to the second frame painted
    /// after it (ms).
    pub fn timed_go(&self, screen: &str) -> f64 {
        self.js("delete document.getElementById('stage').dataset.responseMs");
        self.go(screen);
        self.wait_until(
            "the response is measured",
            Duration::from_secs(5),
            "return document.getElementById('stage').dataset.responseMs !== undefined",
        );
        self.js_string("return document.getElementById('stage').dataset.responseMs")
            .parse()
            .expect("a number of milliseconds")
    }

    /// Saves `value` as `file` of `content` and returns how long the change took to reach
    /// the screen: from the save to the page's note that it painted new content (ms).
    pub fn timed_save(&self, content: &ContentCopy, file: &str, value: &Value) -> f64 {
        const PAINTED_AT: &str =
            "return document.getElementById('stage').dataset.contentPaintedAt ?? ''";
        let before = self.js(PAINTED_AT);
        let saved_at = figures::epoch_ms();
        content.write_json(file, value);
        self.wait_until(
            "the edit is on screen",
            Duration::from_secs(30),
            &format!("return (() => {{ {PAINTED_AT} }})() !== {before}"),
        );
        let painted: f64 = self
            .js_string(PAINTED_AT)
            .parse()
            .expect("a time in milliseconds");
        painted - saved_at
    }

    /// Waits until the kiosk shows `screen` in `mode`.
    pub fn wait_for_screen(&self, mode: &str, screen: &str) {
        self.wait_until(
            &format!("the {screen} screen is shown in {mode} mode"),
            Duration::from_secs(5),
            &format!(
                "return document.getElementById('kiosk').dataset.mode === '{mode}'
                   && document.getElementById('stage').dataset.screen === '{screen}'"
            ),
        );
    }

    /// Taps the screen at `(x, y)` as a finger would.
    pub fn tap(&self, x: u32, y: u32) {
        self.session
            .tap(x, y)
            .unwrap_or_else(|err| panic!("tap at {x},{y} failed: {err}"));
    }

    /// Text on the kiosk's page below WCAG AAA's 7:1 contrast, as axe-core finds it.
    pub fn aaa_contrast_problems(&self) -> Vec<String> {
        browser::aaa_contrast_problems(&self.session)
    }

    /// Saves what the X screen shows (not what WebKit thinks it shows) as
    /// `target/e2e-screenshots/<name>.png`, and returns the path.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        screenshot_of(&self.xvfb, name)
    }

    /// The kiosk's status file (see `lighthouse-kiosk status`).
    pub fn status_file(&self) -> PathBuf {
        self.driver
            .home()
            .join("state/lighthouse-kiosk/status.json")
    }

    /// The kiosk's status, as its status file has it now (`None` before it has one).
    pub fn status_report(&self) -> Option<Status> {
        status::read(&self.status_file())?.ok()
    }

    /// The kiosk's visitor counts file (see `lighthouse-kiosk stats`).
    pub fn counts_file(&self) -> PathBuf {
        self.driver.home().join("data/lighthouse-kiosk/counts.json")
    }

    /// The kiosk's session folders, to run another kiosk "in the same session".
    pub fn session_env(&self) -> [(&'static str, PathBuf); 2] {
        [
            ("XDG_RUNTIME_DIR", self.driver.home().join("runtime")),
            ("XDG_STATE_HOME", self.driver.home().join("state")),
        ]
    }

    /// The `DISPLAY` of the kiosk's X server.
    pub fn display(&self) -> &str {
        self.xvfb.display()
    }

    /// Process ids of the app's processes whose name starts with `name`.
    pub fn pids_named(&self, name: &str) -> Vec<u32> {
        process::group_members(self.driver.pgid())
            .into_iter()
            .filter(|(_, n)| n.starts_with(name))
            .map(|(pid, _)| pid)
            .collect()
    }

    /// Everything the kiosk (and its drivers) logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.driver.log_path()).unwrap_or_default()
    }

    /// Polls the kiosk's log until a line contains `mark`; returns that line.
    pub fn wait_for_log_line(&self, mark: &str, timeout: Duration) -> String {
        let what = format!("a log line with {mark:?}");
        let log = self.wait_until_log(&what, timeout, |log| log.contains(mark));
        log.lines()
            .find(|line| line.contains(mark))
            .unwrap_or_default()
            .to_owned()
    }

    /// Polls the kiosk's log until `check` accepts it; returns it. Panics after `timeout`,
    /// naming `what`.
    pub fn wait_until_log(
        &self,
        what: &str,
        timeout: Duration,
        check: impl Fn(&str) -> bool,
    ) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let log = self.log();
            if check(&log) {
                return log;
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {timeout:?} waiting for {what}\n(log: {})",
                self.driver.log_path().display()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The start-up time the kiosk logged ("first slide painted N ms after start"), if it has.
    pub fn logged_first_paint_ms(&self) -> Option<f64> {
        first_paint_ms_in(&self.log())
    }

    /// Memory of the app: the proportional set size (PSS) of the kiosk and its WebKit
    /// helper processes, summed, in kilobytes. The drivers are not counted.
    pub fn pss_kb(&self) -> u64 {
        self.app_processes()
            .into_iter()
            .filter_map(lighthouse_core::proc::pss_kib)
            .sum()
    }

    /// CPU time used so far by the kiosk and its WebKit helper processes, summed, in
    /// clock ticks (1/100 s). The drivers are not counted.
    pub fn cpu_ticks(&self) -> u64 {
        self.app_processes()
            .into_iter()
            .filter_map(|pid| Some(lighthouse_core::proc::stat(pid)?.cpu_ticks))
            .sum()
    }

    fn app_processes(&self) -> Vec<u32> {
        app_processes(self.driver.pgid())
    }

    /// The process group ids of the app side, to check that nothing is left behind.
    pub fn process_groups(&self) -> [u32; 2] {
        [self.driver.pgid(), self.xvfb.pgid()]
    }
}

/// The start-up time a kiosk's log states ("first slide painted N ms after start"), if it does.
pub fn first_paint_ms_in(log: &str) -> Option<f64> {
    const MARK: &str = "first slide painted ";
    let line = log.lines().rev().find(|line| line.contains(MARK))?;
    let after = &line[line.find(MARK)? + MARK.len()..];
    after.split_whitespace().next()?.parse().ok()
}

/// Saves `xvfb`'s screen as `target/e2e-screenshots/{name}.png`; returns its path.
fn screenshot_of(xvfb: &Xvfb, name: &str) -> PathBuf {
    let dir = target_dir().join("e2e-screenshots");
    std::fs::create_dir_all(&dir).expect("create the screenshot folder");
    let path = dir.join(format!("{name}.png"));
    xvfb.screenshot(&path);
    path
}

/// The kiosk and its WebKit helper processes in group `pgid` (not the drivers).
fn app_processes(pgid: u32) -> Vec<u32> {
    process::group_members(pgid)
        .into_iter()
        .filter(|(_, name)| {
            name.starts_with("lighthouse-kio")
                || (name.starts_with("WebKit") && name != "WebKitWebDriver")
        })
        .map(|(pid, _)| pid)
        .collect()
}

/// A kiosk run as a plain process on its own X server, without WebDriver: for a test that
/// needs more than one kiosk, and reads how it is doing from its status file and its log.
#[derive(Debug)]
pub struct PlainKiosk {
    child: std::process::Child,
    xvfb: Xvfb,
    home: PathBuf,
}

impl PlainKiosk {
    pub fn start(screen: Screen, args: &[&str]) -> PlainKiosk {
        PlainKiosk::start_on(Xvfb::start(screen), args)
    }

    /// As [`PlainKiosk::start`], on an X server already running.
    pub fn start_on(xvfb: Xvfb, args: &[&str]) -> PlainKiosk {
        PlainKiosk::start_program(&kiosk_binary(), xvfb, args)
    }

    /// As [`PlainKiosk::start_on`], from the program file `program` (a copy of the kiosk).
    pub fn start_program(program: &Path, xvfb: Xvfb, args: &[&str]) -> PlainKiosk {
        use process::SpawnLogged;
        let home = process::session_home(process::free_port());
        let child = std::process::Command::new(program)
            .args(args)
            .env("DISPLAY", xvfb.display())
            .envs(process::kiosk_session_env(&home))
            .spawn_logged(&home.join("kiosk.log"), "the kiosk");
        PlainKiosk { child, xvfb, home }
    }

    /// The screen as raw RGB bytes, a quarter of its size each way: enough to tell a blank
    /// or frozen screen from a live one.
    pub fn screen_pixels(&self) -> Vec<u8> {
        let output = std::process::Command::new("import")
            .args(["-display", self.xvfb.display(), "-window", "root"])
            .args(["-resize", "25%", "-depth", "8", "rgb:-"])
            .output()
            .expect("run `import` (install imagemagick with `make deps-test`)");
        output.stdout
    }

    /// Saves the X screen as `target/e2e-screenshots/{name}.png`; returns its path.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        screenshot_of(&self.xvfb, name)
    }

    /// The kiosk's visitor counts file (see `lighthouse-kiosk stats`).
    pub fn counts_file(&self) -> PathBuf {
        self.home.join("data/lighthouse-kiosk/counts.json")
    }

    /// The kiosk's own process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the kiosk's own process still runs.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Starts the kiosk again from `program` once it has ended, in the same session (its
    /// home, with its status, counts and settings) on the same screen: what systemd does.
    pub fn start_again(&mut self, program: &Path, args: &[&str]) {
        use process::SpawnLogged;
        assert!(!self.is_running(), "the kiosk still runs");
        self.child = std::process::Command::new(program)
            .args(args)
            .env("DISPLAY", self.xvfb.display())
            .envs(process::kiosk_session_env(&self.home))
            .spawn_logged(&self.home.join("kiosk.log"), "the kiosk");
    }

    /// The session's home: the kiosk's state, data and config folders are in it.
    pub fn home(&self) -> &Path {
        &self.home
    }

    /// Waits until the kiosk's process ends by itself; its exit status, or `None` when it
    /// still runs after `timeout`.
    pub fn wait_for_exit(&mut self, timeout: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Process ids of the app's processes whose name starts with `name`.
    pub fn pids_named(&self, name: &str) -> Vec<u32> {
        process::group_members(self.child.id())
            .into_iter()
            .filter(|(_, n)| n.starts_with(name))
            .map(|(pid, _)| pid)
            .collect()
    }

    /// The kiosk and its WebKit helper processes.
    pub fn app_pids(&self) -> Vec<u32> {
        app_processes(self.child.id())
    }

    /// Its status (see `lighthouse-kiosk status`), once it has written one.
    pub fn status(&self) -> Option<Status> {
        status::read(&self.home.join("state/lighthouse-kiosk/status.json"))?.ok()
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.home.join("kiosk.log")).unwrap_or_default()
    }
}

impl Drop for PlainKiosk {
    fn drop(&mut self) {
        process::stop_group(&mut self.child);
    }
}

/// A copy of the default content in a fresh temporary folder, to change in a test.
#[derive(Debug)]
pub struct ContentCopy {
    pub dir: PathBuf,
}

impl ContentCopy {
    /// The default content with `photos` as photos.json's list, each `file` in it a copy of
    /// the test camera photo.
    pub fn of_defaults_with_photos(name: &str, photos: Value) -> ContentCopy {
        let content = ContentCopy::of_defaults(name);
        for entry in photos.as_array().expect("a list of photos") {
            let file = entry["file"].as_str().expect("each photo names its file");
            std::fs::copy(
                workspace_root().join("tests/photos/camera.jpg"),
                content.dir.join("photos").join(file),
            )
            .expect("copy the test photo");
        }
        let mut list = content.read_json("photos.json");
        list["photos"] = photos;
        content.write_json("photos.json", &list);
        content
    }

    /// The default content with two photos in the gallery, one.jpg and two.jpg.
    /// The default content with two photos in the gallery, and a short idle time (10 s) so
    /// the countdown comes soon: a tour of every screen a visitor reaches.
    pub fn for_a_tour(name: &str) -> ContentCopy {
        let content = ContentCopy::of_defaults_with_photos(
            name,
            serde_json::json!([
            { "file": "air-show.jpg", "caption": { "zh": "测试照片：航展上的飞机", "en": "Test photograph: an aircraft at an air show" }, "credit": "Pillow test images" },
            { "file": "air-show-2.jpg", "caption": { "zh": "测试照片（副本）", "en": "Test photograph (a copy)" }, "credit": "Pillow test images" }
            ]),
        );
        let mut settings = content.read_json("settings.json");
        settings["idleSeconds"] = serde_json::json!(10);
        content.write_json("settings.json", &settings);
        content
    }

    pub fn of_defaults_with_two_photos(name: &str) -> ContentCopy {
        ContentCopy::of_defaults_with_photos(
            name,
            serde_json::json!([{ "file": "one.jpg", "caption": "One" }, { "file": "two.jpg", "caption": "Two" }]),
        )
    }

    pub fn of_defaults(name: &str) -> ContentCopy {
        let dir = target_dir()
            .join("e2e-content")
            .join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("photos")).expect("create the content folder");
        let defaults = workspace_root().join("assets/content");
        for entry in std::fs::read_dir(&defaults).expect("read assets/content") {
            let entry = entry.expect("list assets/content");
            if entry.file_type().map(|t| t.is_file()).unwrap_or(false) {
                std::fs::copy(entry.path(), dir.join(entry.file_name())).expect("copy content");
            }
        }
        ContentCopy { dir }
    }

    pub fn read_json(&self, file: &str) -> Value {
        read_json(&self.dir.join(file))
    }

    /// Saves `value` the way most editors do: into a temporary file, then renamed over the
    /// old one, so the kiosk never sees a half-written file.
    pub fn write_json(&self, file: &str, value: &Value) {
        let text = serde_json::to_string_pretty(value).expect("serialise JSON");
        self.write_text(file, &text);
    }

    pub fn write_text(&self, file: &str, text: &str) {
        let temporary = self.dir.join(format!(".{file}.saving"));
        std::fs::write(&temporary, text).expect("write content file");
        std::fs::rename(&temporary, self.dir.join(file)).expect("replace content file");
    }

    pub fn dir_arg(&self) -> &str {
        self.dir.to_str().expect("content path is UTF-8")
    }
}

impl Drop for ContentCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Every screen a visitor reaches from home, with what to tap for it (in this order: a
/// story from the list, a photo from the gallery).
pub const EVERY_SCREEN: [(&str, &str); 5] = [
    (".nav-button[data-screen=highlights]", "highlights"),
    (".card", "story"),
    (".nav-button[data-screen=photos]", "photos"),
    (".thumb", "viewer"),
    (".nav-button[data-screen=contact]", "contact"),
];

/// Elements that stick out of the screen or out of the box they sit in (a card, the bar,
/// the screen), except downwards inside something that scrolls (whatever the CSS lets scroll).
pub const OUT_OF_PLACE: &str = "
  const boxes = '.card, .contact-card, .nav, .screen, .slide, .countdown-box, .masthead, .footer';
  const screen = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
  const out = [];
  for (const e of document.querySelectorAll('#kiosk *')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || e.closest('[hidden]')) continue;
    if (getComputedStyle(e).visibility === 'hidden') continue;
    let scrolls = false;
    for (let a = e.parentElement; a && !scrolls; a = a.parentElement) {
      scrolls = ['auto', 'scroll'].includes(getComputedStyle(a).overflowY);
    }
    for (const box of [screen, e.parentElement?.closest(boxes)?.getBoundingClientRect()]) {
      if (!box) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1
          || (!scrolls && (r.top < box.top - 1 || r.bottom > box.bottom + 1))) {
        const name = e.className.baseVal ?? e.className;
        out.push(`${e.tagName.toLowerCase()}.${name} (${(e.textContent ?? '').slice(0, 20)}): ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`);
        break;
      }
    }
  }
  return out.slice(0, 10);";

/// A content text (`"…"` or `{"zh": "…", "en": "…"}`) in `lang`.
pub fn text_in(text: &Value, lang: &str) -> String {
    match text {
        Value::String(s) => s.clone(),
        other => other[lang]
            .as_str()
            .expect("text in that language")
            .to_owned(),
    }
}

/// Reads a JSON file, panicking with its path on failure.
pub fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|err| panic!("read {}: {err}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("parse {}: {err}", path.display()))
}

/// The default content file `name` from `assets/content`.
pub fn default_content(name: &str) -> Value {
    read_json(&workspace_root().join("assets/content").join(name))
}
