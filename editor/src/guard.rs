//! What every request passes before it reaches a handler, and what every answer carries.
//! The server can write the content folder, so every request is treated as hostile:
//! - Host: on this PC, only 127.0.0.1 or localhost at the editor's port (a web page that
//!   points its own name at 127.0.0.1 cannot talk to the editor);
//! - a request that changes anything must come from the editor's own page (Origin, or the
//!   browser's Sec-Fetch-Site), so no other site can make a logged-in browser save;
//! - everything but the login page and its files needs a live session;
//! - every answer forbids other sites to frame it and carries a strict Content Security
//!   Policy (no script, style or frame from anywhere but the editor itself).

use crate::session;
use crate::state::Editor;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use lighthouse_core::messages::Words;
use lighthouse_core::words;
use std::sync::Arc;
use std::time::Instant;

const CSP: &str = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; \
                   script-src 'self'; connect-src 'self'; frame-src 'self'; \
                   frame-ancestors 'self'; form-action 'self'; base-uri 'none'; object-src 'none'";

/// The paths anyone may fetch: the login page and the files it needs.
fn is_public(path: &str) -> bool {
    path == "/login" || path.starts_with("/e/")
}

pub async fn guard(State(editor): State<Arc<Editor>>, request: Request, next: Next) -> Response {
    let refused = refusal(&editor, Seen::of(&request)).await;
    let mut response = match refused {
        Some(refused) => refused,
        None => next.run(request).await,
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static("SAMEORIGIN"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

/// Why the request `seen` may not go on, as the answer to give; `None` when it may.
async fn refusal(editor: &Editor, seen: Seen) -> Option<Response> {
    if editor.local && !is_own_host(&seen.host, editor.address.port()) {
        return Some(StatusCode::MISDIRECTED_REQUEST.into_response());
    }
    if !seen.safe && !seen.same_origin {
        return Some(refuse(StatusCode::FORBIDDEN, words!("editor.origin")));
    }
    if is_public(&seen.path) {
        return None;
    }
    let live = match &seen.token {
        Some(token) => editor.sessions.lock().await.touch(token, Instant::now()),
        None => false,
    };
    if live {
        return None;
    }
    if seen.path.starts_with("/api/") || !seen.safe {
        return Some(refuse(
            StatusCode::UNAUTHORIZED,
            words!("editor.login.needed"),
        ));
    }
    Some(Redirect::to("/login").into_response())
}

/// What the guard reads of a request (taken out of it, as the request cannot be held
/// across a wait).
struct Seen {
    host: String,
    path: String,
    /// GET or HEAD: asks, changes nothing.
    safe: bool,
    same_origin: bool,
    token: Option<String>,
}

impl Seen {
    fn of(request: &Request) -> Seen {
        let headers = request.headers();
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("")
            .to_owned();
        Seen {
            same_origin: is_same_origin(headers, &host),
            host,
            path: request.uri().path().to_owned(),
            safe: matches!(*request.method(), Method::GET | Method::HEAD),
            token: headers
                .get(header::COOKIE)
                .and_then(|h| h.to_str().ok())
                .and_then(session::token_in)
                .map(str::to_owned),
        }
    }
}

fn is_own_host(host: &str, port: u16) -> bool {
    host == format!("127.0.0.1:{port}") || host == format!("localhost:{port}")
}

/// Whether a request comes from a page of this server: its Origin names this host, or,
/// without an Origin, the browser says it is same-origin.
fn is_same_origin(headers: &HeaderMap, host: &str) -> bool {
    let value = |name| {
        headers
            .get(name)
            .and_then(|h: &HeaderValue| h.to_str().ok())
    };
    match value(header::ORIGIN) {
        Some(origin) => !host.is_empty() && origin == format!("http://{host}"),
        None => value(HeaderName::from_static("sec-fetch-site")) == Some("same-origin"),
    }
}

use axum::http::HeaderName;

/// An error answer: the HTTP status and what to tell staff, in both languages.
pub fn refuse(status: StatusCode, message: Words) -> Response {
    (status, Json(serde_json::json!({ "message": message }))).into_response()
}
