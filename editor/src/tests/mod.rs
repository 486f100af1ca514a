//! The editor's server, started for real on a free port over a real content folder, and
//! driven over HTTP as a browser (or an attacker) would.

mod attacks;
mod content;
mod photos;

use crate::{bind, serve, Options};
use serde_json::Value;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

pub const PIN: &str = "2468";

pub struct Running {
    pub base: String,
    pub link: Option<String>,
    pub dir: PathBuf,
    pub host: String,
    _stop: tokio::sync::oneshot::Sender<()>,
}

/// A copy of the default content in a new folder (with the PIN set when `pin`).
pub fn content_folder(pin: bool) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "lighthouse-editor-{}-{}",
        std::process::id(),
        lighthouse_core::door::new_token().unwrap()
    ));
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/content"),
        &dir,
    );
    std::fs::create_dir_all(dir.join("photos")).unwrap();
    if pin {
        let path = dir.join("settings.json");
        let text = std::fs::read_to_string(&path).unwrap();
        let hash = lighthouse_core::pin::hash_pin(PIN).unwrap();
        let with = lighthouse_core::pin::settings_with_pin(&text, &hash).unwrap();
        std::fs::write(path, with).unwrap();
    }
    dir
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Starts the editor on `dir`: on this PC only, or (with `office`) on the network, with
/// the PIN.
pub fn start(dir: &Path, office: bool) -> Running {
    let options = Options {
        dir: dir.to_owned(),
        listen: office.then(|| SocketAddr::from(([127, 0, 0, 1], 0))),
        cache: dir.with_extension("cache"),
    };
    let (told, started) = std::sync::mpsc::channel();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let (listener, editor, info) = bind(options).await.unwrap();
            told.send(info).unwrap();
            serve(listener, editor, async {
                let _ = stopped.await;
            })
            .await
            .unwrap();
        });
    });
    let info = started.recv().unwrap();
    Running {
        base: format!("http://{}", info.address),
        host: info.address.to_string(),
        link: info.login_link,
        dir: dir.to_owned(),
        _stop: stop,
    }
}

/// An answer: status, headers we look at, and the body as JSON (or null).
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub cookie: Option<String>,
    pub csp: Option<String>,
    pub body: Value,
}

impl Running {
    /// A request from the editor's own page (its Origin), with `cookie` when given.
    pub fn call(
        &self,
        method: &str,
        path: &str,
        cookie: Option<&str>,
        body: Option<&Value>,
    ) -> Answer {
        let origin = self.base.clone();
        self.raw(
            method,
            path,
            cookie,
            &[("Origin", &origin)],
            body.map(|b| b.to_string().into_bytes()),
            "application/json",
        )
    }

    pub fn raw(
        &self,
        method: &str,
        path: &str,
        cookie: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
        content_type: &str,
    ) -> Answer {
        let agent = ureq::AgentBuilder::new().redirects(0).build();
        let mut request = agent.request(method, &format!("{}{path}", self.base));
        if let Some(cookie) = cookie {
            request = request.set("Cookie", &format!("lighthouse_editor={cookie}"));
        }
        for (name, value) in headers {
            request = request.set(name, value);
        }
        let result = match body {
            Some(bytes) => request.set("Content-Type", content_type).send_bytes(&bytes),
            None => request.call(),
        };
        let response = match result {
            Ok(response) | Err(ureq::Error::Status(_, response)) => response,
            Err(err) => panic!("{method} {path}: {err}"),
        };
        let cookie = response
            .header("set-cookie")
            .and_then(|c| c.split(';').next())
            .and_then(|c| c.strip_prefix("lighthouse_editor="))
            .map(str::to_owned);
        let csp = response
            .header("content-security-policy")
            .map(str::to_owned);
        let status = response.status();
        let text = response.into_string().unwrap_or_default();
        Answer {
            status,
            cookie,
            csp,
            body: serde_json::from_str(&text).unwrap_or(Value::Null),
        }
    }

    /// Logs in with the one-time link; the session token.
    pub fn log_in(&self) -> String {
        let link = self.link.as_ref().expect("a local editor has a link");
        let path = link.strip_prefix(&self.base).unwrap();
        let answer = self.raw("GET", path, None, &[], None, "");
        assert_eq!(answer.status, 303);
        answer.cookie.expect("the link starts a session")
    }

    pub fn text(&self, file: &str) -> String {
        std::fs::read_to_string(self.dir.join(file)).unwrap()
    }
}

/// A small real JPEG of `width` x `height`.
pub fn jpeg(width: u16, height: u16) -> Vec<u8> {
    let pixels: Vec<u8> = (0..u32::from(width) * u32::from(height))
        .flat_map(|i| [(i % 251) as u8, (i / 7 % 253) as u8, 128])
        .collect();
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 85)
        .encode(&pixels, width, height, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    out
}
