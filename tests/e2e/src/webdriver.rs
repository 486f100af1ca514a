//! The few WebDriver (W3C) commands the tests need, over plain blocking HTTP.

use serde_json::{json, Value};
use std::path::Path;
use std::time::Duration;

/// Starting a session starts the app; a debug build under load can take a while.
const NEW_SESSION_TIMEOUT: Duration = Duration::from_secs(90);
const COMMAND_TIMEOUT: Duration = Duration::from_secs(30);

/// One WebDriver session, ended when dropped.
#[derive(Debug)]
pub struct Session {
    agent: ureq::Agent,
    url: String,
}

impl Session {
    /// Opens a session on the app at `application`, started with `args`.
    pub fn new(driver_url: &str, application: &Path, args: &[&str]) -> Result<Session, String> {
        Session::start(
            driver_url,
            json!({ "tauri:options": { "application": application, "args": args } }),
        )
    }

    /// Opens a session with `capabilities` (what to start, and how).
    pub fn start(driver_url: &str, capabilities: Value) -> Result<Session, String> {
        let agent = ureq::AgentBuilder::new()
            .timeout(NEW_SESSION_TIMEOUT)
            .build();
        let body = json!({ "capabilities": { "alwaysMatch": capabilities } });
        let value = send(agent.post(&format!("{driver_url}/session")), Some(body))?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no sessionId in {value}"))?;
        Ok(Session {
            agent: ureq::AgentBuilder::new().timeout(COMMAND_TIMEOUT).build(),
            url: format!("{driver_url}/session/{id}"),
        })
    }

    /// Runs `script` as a function body in the page; returns its result.
    pub fn execute(&self, script: &str) -> Result<Value, String> {
        self.execute_with(script, json!([]))
    }

    /// Runs `script` as a function body with `args` (a list) as its `arguments`.
    pub fn execute_with(&self, script: &str, args: Value) -> Result<Value, String> {
        self.post("/execute/sync", json!({ "script": script, "args": args }))
    }

    /// Runs `script` as an async function body: it finishes by calling its last argument
    /// (`arguments[arguments.length - 1]`) with the result.
    pub fn execute_async(&self, script: &str, args: Value) -> Result<Value, String> {
        self.post("/execute/async", json!({ "script": script, "args": args }))
    }

    /// Goes to `url`.
    pub fn navigate(&self, url: &str) -> Result<(), String> {
        self.post("/url", json!({ "url": url })).map(|_| ())
    }

    /// Performs input actions (W3C WebDriver "Perform Actions"), then releases them.
    pub fn actions(&self, actions: Value) -> Result<(), String> {
        self.post("/actions", actions)?;
        send(self.agent.delete(&format!("{}/actions", self.url)), None).map(|_| ())
    }

    /// A finger tap at viewport coordinates `(x, y)`.
    pub fn tap(&self, x: u32, y: u32) -> Result<(), String> {
        let finger = json!({
            "type": "pointer",
            "id": "finger",
            "parameters": { "pointerType": "touch" },
            "actions": [
                { "type": "pointerMove", "duration": 0, "origin": "viewport", "x": x, "y": y },
                { "type": "pointerDown", "button": 0 },
                { "type": "pause", "duration": 80 },
                { "type": "pointerUp", "button": 0 }
            ]
        });
        self.post("/actions", json!({ "actions": [finger] }))?;
        Ok(())
    }

    /// The first element matching the CSS `selector`: its WebDriver reference.
    pub fn find(&self, selector: &str) -> Result<String, String> {
        let found = self.post(
            "/element",
            json!({ "using": "css selector", "value": selector }),
        )?;
        found
            .as_object()
            .and_then(|map| map.values().next())
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| format!("no element for {selector}: {found}"))
    }

    /// Types `text` into `element` as a keyboard would (for a file input: the files' paths,
    /// one a line).
    pub fn send_keys(&self, element: &str, text: &str) -> Result<(), String> {
        self.post(
            &format!("/element/{element}/value"),
            json!({ "text": text }),
        )
        .map(|_| ())
    }

    pub fn click(&self, element: &str) -> Result<(), String> {
        self.post(&format!("/element/{element}/click"), json!({}))
            .map(|_| ())
    }

    /// Presses and releases each key of `keys` in turn (WebDriver's key codes, e.g.
    /// `\u{E004}` for Tab), as the keyboard would.
    pub fn press_keys(&self, keys: &str) -> Result<(), String> {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|key| {
                [
                    json!({ "type": "keyDown", "value": key.to_string() }),
                    json!({ "type": "keyUp", "value": key.to_string() }),
                ]
            })
            .collect();
        self.actions(
            json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] }),
        )
    }

    /// `key` pressed with Control held, e.g. Ctrl+S.
    pub fn press_with_control(&self, key: char) -> Result<(), String> {
        let control = "\u{E009}";
        let actions = json!([
            { "type": "keyDown", "value": control },
            { "type": "keyDown", "value": key.to_string() },
            { "type": "keyUp", "value": key.to_string() },
            { "type": "keyUp", "value": control }
        ]);
        self.actions(
            json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] }),
        )
    }

    /// Makes the browser window `width` x `height`.
    pub fn set_window_size(&self, width: u32, height: u32) -> Result<(), String> {
        self.post("/window/rect", json!({ "width": width, "height": height }))
            .map(|_| ())
    }

    /// The page as a PNG (Chromium draws it itself; no X screen needed).
    pub fn screenshot_png(&self) -> Result<Vec<u8>, String> {
        let value = send(self.agent.get(&format!("{}/screenshot", self.url)), None)?;
        let text = value.as_str().ok_or("no screenshot in the answer")?;
        crate::base64::decode(text)
    }

    fn post(&self, path: &str, body: Value) -> Result<Value, String> {
        send(self.agent.post(&format!("{}{path}", self.url)), Some(body))
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Best effort: the process groups are killed afterwards in any case.
        let _ = send(self.agent.delete(&self.url), None);
    }
}

/// Sends a request and unwraps WebDriver's `{"value": …}`, turning its errors into text.
fn send(request: ureq::Request, body: Option<Value>) -> Result<Value, String> {
    let response = match body {
        Some(body) => request.send_json(body),
        None => request.call(),
    };
    match response {
        Ok(response) => {
            let mut json: Value = response.into_json().map_err(|e| e.to_string())?;
            Ok(json["value"].take())
        }
        Err(ureq::Error::Status(code, response)) => {
            let json: Value = response.into_json().unwrap_or(Value::Null);
            Err(format!(
                "HTTP {code}: {} {}",
                json["value"]["error"].as_str().unwrap_or("error"),
                json["value"]["message"].as_str().unwrap_or("")
            ))
        }
        Err(err) => Err(err.to_string()),
    }
}
