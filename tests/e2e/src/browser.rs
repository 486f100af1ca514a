//! The kiosk's UI in Chromium, for what WebKitWebDriver cannot do: real touch input (its
//! touch actions reach the page as Touch Events and Pointer Events of type "touch") and
//! accessibility checks with axe-core; and, full screen in a window, the benchmark's
//! baseline for what the slideshow costs.
//!
//! `ui/` is served from a local HTTP server with the backend's commands answered the way
//! the backend answers them, by `lighthouse-core` itself, from a real content folder with
//! real photos (prepared by the real pipeline).

use crate::process::{free_port, group_members, stop_group, wait_for_port, SpawnLogged, Xvfb};
use crate::{target_dir, workspace_root, Screen, Session};
use lighthouse_core::contact_codes::contact_codes;
use lighthouse_core::photo_cache::{
    prepare_all, wanted, Outcome, PhotoCache, PhotoView, PHOTO_WORKERS,
};
use lighthouse_core::pipeline::Size;
use lighthouse_core::{load_dir, local_now, today};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Where the harness serves the backend's answers and the photos' pictures.
const BACKEND_SCRIPT: &str = "/__backend.js";
const PHOTOS_URL: &str = "/__photos/";

/// One Chromium at a time, for the same reason as one kiosk at a time.
pub(crate) static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Chromium showing `ui/` on `content`, driven by chromedriver.
#[derive(Debug)]
pub struct Browser {
    pub session: Session,
    driver: Child,
    _server: std::thread::JoinHandle<()>,
    pub screen: Screen,
    /// The X server of a browser shown in a window; None when it runs headless.
    _xvfb: Option<Xvfb>,
    _turn: std::sync::MutexGuard<'static, ()>,
}

impl Browser {
    /// Opens the UI at `screen` size on the content folder `content`, and waits for its
    /// first slide.
    pub fn open(screen: Screen, content: &Path) -> Browser {
        // The page exactly the screen's size, on a touch screen (so the page is told it may
        // get touch events), as the kiosk's is.
        let options = json!({ "mobileEmulation": {
            "deviceMetrics": { "width": screen.width, "height": screen.height, "pixelRatio": 1, "touch": true }
        } });
        Browser::start(screen, content, None, &[], options)
    }

    /// Chromium as a lobby would run it instead of the kiosk: `--kiosk`, full screen on an X
    /// server of its own at `screen` size, drawn without a GPU. The bench's baseline for
    /// what the slideshow costs.
    pub fn kiosk_window(screen: Screen, content: &Path) -> Browser {
        let xvfb = Xvfb::start(screen);
        let args = [
            "--kiosk".to_owned(),
            format!("--window-size={},{}", screen.width, screen.height),
            "--window-position=0,0".to_owned(),
        ];
        // Without the switch that puts "controlled by automated test software" over the page.
        let options = json!({ "excludeSwitches": ["enable-automation"] });
        Browser::start(screen, content, Some(xvfb), &args, options)
    }

    fn start(
        screen: Screen,
        content: &Path,
        xvfb: Option<Xvfb>,
        args: &[String],
        options: Value,
    ) -> Browser {
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
        let cache = target_dir().join(format!("browser-photos-{}", std::process::id()));
        let backend = backend_script(content, &cache, screen);
        let (server, port) = serve(backend, cache);
        let display = xvfb.as_ref().map(Xvfb::display);
        let (session, driver) = start_chromium(args, options, display);
        let browser = Browser {
            session,
            driver,
            _server: server,
            screen,
            _xvfb: xvfb,
            _turn: turn,
        };
        browser
            .session
            .navigate(&format!("http://127.0.0.1:{port}/ui/index.html"))
            .expect("open the UI");
        browser.wait_until(
            "the first slide is shown",
            "return document.querySelector('.slide.is-current') !== null",
        );
        browser
    }

    pub fn js(&self, script: &str) -> Value {
        self.session
            .execute(script)
            .unwrap_or_else(|err| panic!("script failed: {err}\n{script}"))
    }

    pub fn wait_until(&self, what: &str, script: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while self.js(script) != Value::Bool(true) {
            assert!(Instant::now() < deadline, "timed out waiting until {what}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The centre of the first element matching `selector`.
    pub fn centre_of(&self, selector: &str) -> (f64, f64) {
        let at = self.js(&format!(
            "const r = document.querySelector({})?.getBoundingClientRect();
             return r ? [r.left + r.width / 2, r.top + r.height / 2] : null;",
            json!(selector)
        ));
        let at = at
            .as_array()
            .unwrap_or_else(|| panic!("nothing on screen matches {selector}"));
        (at[0].as_f64().unwrap(), at[1].as_f64().unwrap())
    }

    /// Fingers on the screen: each is a list of `(x, y, ms)` points, the first pressing
    /// down and the last lifting, moving in between over `ms` each.
    pub fn fingers(&self, fingers: &[&[(f64, f64, u64)]]) {
        let sources: Vec<Value> = fingers
            .iter()
            .enumerate()
            .map(|(i, path)| {
                let (x0, y0, _) = path[0];
                let mut actions = vec![
                    json!({"type": "pointerMove", "duration": 0, "origin": "viewport", "x": x0.round(), "y": y0.round()}),
                    json!({"type": "pointerDown", "button": 0}),
                ];
                for &(x, y, ms) in &path[1..] {
                    if (x, y) == (path[0].0, path[0].1) {
                        actions.push(json!({"type": "pause", "duration": ms}));
                    } else {
                        actions.push(json!({"type": "pointerMove", "duration": ms, "origin": "viewport", "x": x.round(), "y": y.round()}));
                    }
                }
                actions.push(json!({"type": "pointerUp", "button": 0}));
                json!({"type": "pointer", "id": format!("finger{i}"), "parameters": {"pointerType": "touch"}, "actions": actions})
            })
            .collect();
        self.session
            .actions(json!({ "actions": sources }))
            .unwrap_or_else(|err| panic!("touch actions failed: {err}"));
    }

    /// A finger tapping the centre of `selector`.
    pub fn tap_on(&self, selector: &str) {
        let (x, y) = self.centre_of(selector);
        self.fingers(&[&[(x, y, 0), (x, y, 60)]]);
    }

    /// Violations of impact "serious" or "critical" that axe-core finds on the page.
    pub fn accessibility_problems(&self) -> Vec<String> {
        accessibility_problems(&self.session)
    }

    /// CPU time used so far by Chromium's processes (not chromedriver's), summed, in clock
    /// ticks (1/100 s).
    pub fn cpu_ticks(&self) -> u64 {
        group_members(self.driver.id())
            .into_iter()
            .filter(|(_, name)| name != "chromedriver")
            .filter_map(|(pid, _)| Some(lighthouse_core::proc::stat(pid)?.cpu_ticks))
            .sum()
    }
}

/// Violations of impact "serious" or "critical" that axe-core finds on `session`'s page.
pub(crate) fn accessibility_problems(session: &Session) -> Vec<String> {
    axe_violations(session, json!({ "resultTypes": ["violations"] }))
}

/// Text below WCAG AAA's enhanced contrast (7:1, 4.5:1 for large text) on `session`'s
/// page, as axe-core measures it.
pub(crate) fn aaa_contrast_problems(session: &Session) -> Vec<String> {
    axe_violations(
        session,
        json!({ "runOnly": ["color-contrast-enhanced"], "resultTypes": ["violations"] }),
    )
}

/// What axe-core run with `options` finds on `session`'s page, serious and critical only.
fn axe_violations(session: &Session, options: Value) -> Vec<String> {
    let axe = workspace_root().join("node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(&axe).unwrap_or_else(|err| {
        panic!(
            "cannot read {} ({err}); `make deps-test` installs it",
            axe.display()
        )
    });
    session.execute(&source).expect("load axe-core");
    let found = session
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, arguments[0]).then(
               (r) => done(r.violations
                 .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                 .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)),
               (e) => done([`axe failed: ${e}`]));",
            json!([options]),
        )
        .expect("run axe");
    found
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Chromium under its own chromedriver, with `args` added to its command line and `options`
/// to its chromeOptions: in a window on X `display`, or headless without one.
pub(crate) fn start_chromium(
    args: &[String],
    options: Value,
    display: Option<&str>,
) -> (Session, Child) {
    let driver_port = free_port();
    let log = target_dir()
        .join("e2e-logs")
        .join(format!("chromedriver-{driver_port}.log"));
    let _ = std::fs::remove_file(&log);
    let mut driver = Command::new("chromedriver");
    driver.arg(format!("--port={driver_port}"));
    match display {
        Some(display) => driver.env("DISPLAY", display),
        None => driver.env_remove("DISPLAY"),
    };
    let driver = driver.spawn_logged(&log, "chromedriver");
    wait_for_port(driver_port, Instant::now() + Duration::from_secs(15), &log);
    // Chromium writes where its debugging port is into the profile, and chromedriver
    // does not find it there through a path with ".." in it.
    let profile = target_dir()
        .canonicalize()
        .expect("the target folder exists")
        .join(format!("chromium-profile-{driver_port}"));
    let _ = std::fs::remove_dir_all(&profile);
    let mut all_args: Vec<String> = [
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        // The machine has no network: nothing may try to reach one.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    if display.is_none() {
        all_args.push("--headless=new".to_owned());
    }
    all_args.push(format!("--user-data-dir={}", profile.display()));
    all_args.extend(args.iter().cloned());
    let mut chrome_options = json!({ "binary": "/usr/bin/chromium", "args": all_args });
    if let (Some(into), Some(extra)) = (chrome_options.as_object_mut(), options.as_object()) {
        into.extend(extra.clone());
    }
    let capabilities = json!({ "browserName": "chrome", "goog:chromeOptions": chrome_options });
    let session = Session::start(&format!("http://127.0.0.1:{driver_port}"), capabilities)
        .unwrap_or_else(|err| panic!("could not start Chromium: {err} (log: {})", log.display()));
    (session, driver)
}

impl Drop for Browser {
    fn drop(&mut self) {
        stop_group(&mut self.driver);
    }
}

/// The script that stands in for `window.__TAURI__`: the answers of the backend's commands
/// for `content`, computed by the same code the backend runs.
fn backend_script(content: &Path, cache_dir: &Path, screen: Screen) -> String {
    let report = load_dir(content, today()).expect("the content folder can be read");
    let content_data = report
        .content
        .unwrap_or_else(|| panic!("the test content has errors: {:?}", report.diagnostics));
    let cache = PhotoCache::open(cache_dir.to_owned(), Size::new(screen.width, screen.height));
    let ready = Mutex::new(BTreeMap::new());
    prepare_all(
        &cache,
        &wanted(content, &content_data),
        PHOTO_WORKERS,
        &|name, outcome| {
            if let Outcome::Cached(d) | Outcome::Made(d) = outcome {
                ready
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(name.to_owned(), PhotoView::of(&d, PHOTOS_URL));
            }
        },
    );
    let answers = json!({
        "content": content_data.shown_at(local_now()),
        "contact_codes": contact_codes(&content_data),
        "photos": { "ready": ready.into_inner().unwrap_or_default(), "refused": {}, "pending": 0 },
        "status": {},
        "first_paint": null,
        // Chromium moves a fading layer with its own compositor, GPU or not.
        "drawn_on_gpu": true,
    });
    format!(
        "// The kiosk's backend, as answered from a content folder by the test harness.
const answers = {answers};
window.__TAURI__ = {{
  core: {{ invoke: async (command) => {{
    if (!(command in answers)) throw new Error(`no command ${{command}}`);
    return structuredClone(answers[command]);
  }} }},
  event: {{ listen: async () => () => {{}} }},
}};"
    )
}

/// Serves the repository (`/ui/…`), the backend script and the photos' pictures on a free
/// port, on a thread of its own for as long as the test runs.
fn serve(backend: String, cache: PathBuf) -> (std::thread::JoinHandle<()>, u16) {
    let listener = TcpListener::bind(("127.0.0.1", 0)).expect("listen on a free port");
    let port = listener.local_addr().unwrap().port();
    let root = workspace_root();
    let thread = std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            answer(stream, &root, &backend, &cache);
        }
    });
    (thread, port)
}

fn answer(mut stream: TcpStream, root: &Path, backend: &str, cache: &Path) {
    let mut reader = BufReader::new(&stream);
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // Read the headers too: closing with them unread would reset the connection.
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let (body, kind) = if path == BACKEND_SCRIPT {
        (Some(backend.as_bytes().to_vec()), "text/javascript")
    } else if let Some(name) = path.strip_prefix(PHOTOS_URL) {
        (std::fs::read(cache.join(name)).ok(), "image/jpeg")
    } else if path == "/ui/index.html" {
        // The backend script goes first, as Tauri's own script does in the app.
        let page = std::fs::read_to_string(root.join("ui/index.html")).unwrap_or_default();
        let page = page.replacen(
            "<script type=\"module\"",
            &format!("<script src=\"{BACKEND_SCRIPT}\"></script>\n  <script type=\"module\""),
            1,
        );
        (Some(page.into_bytes()), "text/html; charset=utf-8")
    } else if path.starts_with("/ui/") && !path.contains("..") {
        let kind = match path.rsplit('.').next() {
            Some("js") => "text/javascript",
            Some("css") => "text/css",
            Some("svg") => "image/svg+xml",
            _ => "application/octet-stream",
        };
        (std::fs::read(root.join(&path[1..])).ok(), kind)
    } else {
        (None, "text/plain")
    };
    let _ = match body {
        Some(body) => {
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            stream.write_all(&body)
        }
        None => stream
            .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    };
}
