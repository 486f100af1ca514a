//! The editor's routes: its pages, logging in, and the content folder's API.

use crate::assets;
use crate::content::{self, Draft, Outcome};
use crate::fleet::{self, Publication};
use crate::guard::{guard, refuse};
use crate::history::{self, Why};
use crate::photos::{self, Refused};
use crate::session;
use crate::state::Editor;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use futures_util::StreamExt;
use lighthouse_core::door::Tried;
use lighthouse_core::words;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::sync::Arc;
use std::time::Instant;

/// The largest draft accepted (the content a hundred times larger than today's fits).
const DRAFT_LIMIT: usize = 16 * 1024 * 1024;

pub fn router(editor: Arc<Editor>) -> Router {
    Router::new()
        .route("/", get(|| async { assets::editor_file("index.html") }))
        .route("/login", get(login_page).post(login_with_pin))
        .route("/logout", post(logout))
        .route(
            "/e/{*path}",
            get(|Path(path): Path<String>| async move { assets::editor_file(&path) }),
        )
        .route(
            "/ui/{*path}",
            get(|Path(path): Path<String>| async move { assets::kiosk_file(&path) }),
        )
        .route("/cache/{name}", get(cache_file))
        .route("/api/content", get(read_content))
        .route("/api/check", post(check_draft))
        .route("/api/save", post(save_draft))
        .route("/api/photos", get(list_photos))
        .route("/api/photos/{name}", put(upload_photo).delete(delete_photo))
        .route("/api/fleet", get(list_screens))
        .route("/api/publish", post(publish))
        .route("/api/history", get(list_history))
        .route("/api/history/{id}/restore", post(restore))
        .layer(DefaultBodyLimit::max(DRAFT_LIMIT))
        .layer(axum::middleware::from_fn_with_state(editor.clone(), guard))
        .with_state(editor)
}

// --- Logging in -----------------------------------------------------------------------------

#[derive(Deserialize)]
struct LoginLink {
    key: Option<String>,
}

/// The login page; with the one-time key of the local link, the session itself.
async fn login_page(State(editor): State<Arc<Editor>>, Query(link): Query<LoginLink>) -> Response {
    if let Some(key) = link.key {
        let mut sessions = editor.sessions.lock().await;
        if sessions.use_login_key(&key) {
            if let Some(token) = sessions.open(Instant::now()) {
                return with_session(Redirect::to("/").into_response(), &token);
            }
        }
    }
    assets::editor_file("login.html")
}

#[derive(Deserialize)]
struct Pin {
    pin: String,
}

async fn login_with_pin(State(editor): State<Arc<Editor>>, Json(given): Json<Pin>) -> Response {
    let hash = content::pin_hash(&editor.dir);
    let mut sessions = editor.sessions.lock().await;
    match sessions.try_pin(&given.pin, hash.as_deref(), Instant::now()) {
        Tried::Opened(Some(token)) => {
            sessions.start(token.clone(), Instant::now());
            with_session(Json(json!({ "ok": true })).into_response(), &token)
        }
        Tried::Opened(None) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
        Tried::Wrong { attempts_left } => refuse(
            StatusCode::UNAUTHORIZED,
            words!("editor.login.wrong", left = attempts_left),
        ),
        Tried::Locked(left) => refuse(
            StatusCode::TOO_MANY_REQUESTS,
            words!("editor.login.locked", minutes = left.as_secs().div_ceil(60)),
        ),
        Tried::NoPin => refuse(StatusCode::FORBIDDEN, words!("editor.login.no_pin")),
    }
}

async fn logout(State(editor): State<Arc<Editor>>, headers: axum::http::HeaderMap) -> Response {
    let token = headers
        .get(header::COOKIE)
        .and_then(|h| h.to_str().ok())
        .and_then(session::token_in);
    if let Some(token) = token {
        editor.sessions.lock().await.close(token);
    }
    let mut response = Json(json!({ "ok": true })).into_response();
    if let Ok(value) = session::clear_cookie().parse() {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

fn with_session(mut response: Response, token: &str) -> Response {
    if let Ok(value) = session::set_cookie(token).parse() {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

// --- The content --------------------------------------------------------------------------

/// The folder as it is now: every file's value and hash, its problems, the schemas the
/// forms are drawn from, and whether the editor runs on this PC only.
async fn read_content(State(editor): State<Arc<Editor>>) -> Response {
    let dir = editor.dir.clone();
    let local = editor.local;
    blocking(move || {
        let files = content::read_all(&dir);
        let checked = content::check(&dir, &Draft::new());
        let schemas: Map<String, Value> = lighthouse_core::schema::schemas()
            .into_iter()
            .filter_map(|(name, text)| Some((name, serde_json::from_str(&text).ok()?)))
            .collect();
        Json(json!({
            "folder": dir.display().to_string(),
            "local": local,
            "files": files,
            "diagnostics": checked.diagnostics,
            "schemas": schemas,
        }))
        .into_response()
    })
    .await
}

#[derive(Deserialize)]
struct DraftBody {
    files: Draft,
    #[serde(default)]
    read_as: Map<String, Value>,
}

/// Checks a draft: its problems, and the content the preview shows.
async fn check_draft(State(editor): State<Arc<Editor>>, Json(draft): Json<DraftBody>) -> Response {
    let dir = editor.dir.clone();
    blocking(move || Json(content::check(&dir, &draft.files)).into_response()).await
}

async fn save_draft(State(editor): State<Arc<Editor>>, Json(draft): Json<DraftBody>) -> Response {
    let _writing = editor.writing.lock().await;
    let dir = editor.dir.clone();
    blocking(move || {
        let saved = content::save(&dir, &draft.files, &draft.read_as);
        let status = match &saved {
            Outcome::Saved { .. } => StatusCode::OK,
            Outcome::Conflict { .. } => StatusCode::CONFLICT,
            Outcome::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Outcome::Failed { .. } => StatusCode::INSUFFICIENT_STORAGE,
        };
        (status, Json(saved)).into_response()
    })
    .await
}

// --- Photos -------------------------------------------------------------------------------

async fn list_photos(State(editor): State<Arc<Editor>>) -> Response {
    let dir = editor.dir.clone();
    let cache = editor.photo_cache.clone();
    blocking(move || Json(photos::list(&dir, &cache)).into_response()).await
}

/// A new photo, the request's body being the file itself.
async fn upload_photo(
    State(editor): State<Arc<Editor>>,
    Path(name): Path<String>,
    body: Body,
) -> Response {
    let _writing = editor.writing.lock().await;
    let mut upload = match photos::start_upload(&editor.dir, &name) {
        Ok(upload) => upload,
        Err(refused) => return refused_answer(refused),
    };
    let mut pieces = body.into_data_stream();
    while let Some(piece) = pieces.next().await {
        let Ok(piece) = piece else {
            return StatusCode::BAD_REQUEST.into_response();
        };
        if let Err(refused) = upload.write(&piece) {
            return refused_answer(refused);
        }
    }
    let dir = editor.dir.clone();
    let cache = editor.photo_cache.clone();
    blocking(move || match upload.finish(&dir, &cache) {
        Ok(listed) => (StatusCode::CREATED, Json(listed)).into_response(),
        Err(refused) => refused_answer(refused),
    })
    .await
}

async fn delete_photo(State(editor): State<Arc<Editor>>, Path(name): Path<String>) -> Response {
    let _writing = editor.writing.lock().await;
    match photos::delete(&editor.dir, &name) {
        Ok(id) => Json(json!({ "history": id })).into_response(),
        Err(refused) => refused_answer(refused),
    }
}

fn refused_answer(refused: Refused) -> Response {
    let status = StatusCode::from_u16(refused.status).unwrap_or(StatusCode::BAD_REQUEST);
    (
        status,
        Json(json!({ "message": refused.message, "hint": refused.hint })),
    )
        .into_response()
}

/// A preview picture from the cache, and nothing else.
async fn cache_file(State(editor): State<Arc<Editor>>, Path(name): Path<String>) -> Response {
    let Some(path) = editor.photo_cache.file(&name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match tokio::fs::read(path).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "image/jpeg"),
                // A derivative's name changes with the photo: it never goes stale.
                (
                    header::CACHE_CONTROL,
                    "private, max-age=31536000, immutable",
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

// --- Several screens ------------------------------------------------------------------------

async fn list_screens(State(editor): State<Arc<Editor>>) -> Response {
    let dir = editor.dir.clone();
    blocking(move || Json(fleet::screens(&dir)).into_response()).await
}

async fn publish(State(editor): State<Arc<Editor>>) -> Response {
    let _writing = editor.writing.lock().await;
    let dir = editor.dir.clone();
    blocking(move || {
        let published = fleet::publish(&dir);
        let status = match &published {
            Publication::Published { .. } => StatusCode::OK,
            Publication::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Publication::Failed { .. } => StatusCode::INSUFFICIENT_STORAGE,
        };
        (status, Json(published)).into_response()
    })
    .await
}

// --- Undo -----------------------------------------------------------------------------------

async fn list_history(State(editor): State<Arc<Editor>>) -> Response {
    Json(history::list(&editor.dir)).into_response()
}

/// Puts back what save `id` replaced; what is there now is kept first, so an undo can be
/// undone.
async fn restore(State(editor): State<Arc<Editor>>, Path(id): Path<String>) -> Response {
    let _writing = editor.writing.lock().await;
    let dir = editor.dir.clone();
    blocking(move || {
        let Some(record) = history::find(&dir, &id) else {
            return refuse(StatusCode::NOT_FOUND, words!("editor.history.missing"));
        };
        let failed = |file: &str, err: std::io::Error| {
            refuse(
                StatusCode::INSUFFICIENT_STORAGE,
                words!("editor.write_failed", file = file, error = err.to_string()),
            )
        };
        let now: Vec<(String, String)> = content::read_all(&dir)
            .into_iter()
            .filter(|file| record.files.contains(&file.name))
            .filter_map(|file| Some((file.name, file.text?)))
            .collect();
        if !now.is_empty() {
            if let Err(err) = history::keep(&dir, Why::Restore, &now, &[]) {
                return failed(history::HISTORY_DIR, err);
            }
        }
        for file in &record.files {
            let written = history::kept_text(&dir, &record, file)
                .and_then(|text| lighthouse_core::atomic::write(&dir.join(file), text.as_bytes()));
            if let Err(err) = written {
                return failed(file, err);
            }
        }
        let mut kept = Vec::new();
        for name in &record.photos {
            match history::bring_back_photo(&dir, &record, name) {
                Ok(true) => {}
                Ok(false) => kept.push(words!("editor.restore.photo_taken", name = name.as_str())),
                Err(err) => return failed(name, err),
            }
        }
        Json(json!({
            "restored": record.files,
            "photos": record.photos,
            "kept": kept,
            "hashes": content::hashes(&dir),
        }))
        .into_response()
    })
    .await
}

/// Runs file work off the async threads.
async fn blocking(work: impl FnOnce() -> Response + Send + 'static) -> Response {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}
