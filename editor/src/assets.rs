//! The files the editor serves: its own pages (editor/web) and the kiosk's UI (ui/), which
//! the preview runs. Both are built into the binary, so the editor works offline and reads
//! nothing from disk but the content folder.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use include_dir::{include_dir, Dir};

static EDITOR: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/web");
static KIOSK_UI: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../ui");

/// The editor's own file at `path` (relative to editor/web).
pub fn editor_file(path: &str) -> Response {
    serve(&EDITOR, path)
}

/// The kiosk UI's file at `path` (relative to ui/).
pub fn kiosk_file(path: &str) -> Response {
    serve(&KIOSK_UI, path)
}

fn serve(dir: &'static Dir<'static>, path: &str) -> Response {
    // Only names of files built in can be found: `..` and absolute paths find nothing.
    match dir.get_file(path) {
        Some(file) => (
            [(header::CONTENT_TYPE, content_type(path))],
            file.contents(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}
