//! Every request is hostile until it proves otherwise.

use super::*;
use serde_json::json;
use std::io::{Read, Write};

/// A GET sent byte for byte (no client tidies the path first); the status.
fn raw_get(running: &Running, path: &str, cookie: &str) -> u16 {
    let mut stream = std::net::TcpStream::connect(&running.host).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nCookie: lighthouse_editor={cookie}\r\nConnection: close\r\n\r\n",
        running.host
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer.split(' ').nth(1).unwrap().parse().unwrap()
}

#[test]
fn the_login_link_works_once_and_nothing_is_served_without_a_session() {
    let running = start(&content_folder(false), false);
    let page = running.raw("GET", "/", None, &[], None, "");
    assert_eq!(page.status, 303, "a page sends a stranger to the login");
    assert_eq!(running.call("GET", "/api/content", None, None).status, 401);
    assert_eq!(
        running
            .call(
                "GET",
                "/api/content",
                Some("0123456789abcdef0123456789abcdef"),
                None
            )
            .status,
        401
    );
    let session = running.log_in();
    let link_path = running
        .link
        .as_ref()
        .unwrap()
        .strip_prefix(&running.base)
        .unwrap()
        .to_owned();
    let again = running.raw("GET", &link_path, None, &[], None, "");
    assert_eq!(again.status, 200, "the used link shows the login page");
    assert!(again.cookie.is_none(), "and starts no session");
    let content = running.call("GET", "/api/content", Some(&session), None);
    assert_eq!(content.status, 200);
    assert!(content.csp.unwrap().contains("default-src 'self'"));
    assert_eq!(
        running
            .call("POST", "/logout", Some(&session), Some(&json!({})))
            .status,
        200
    );
    assert_eq!(
        running
            .call("GET", "/api/content", Some(&session), None)
            .status,
        401
    );
}

#[test]
fn another_host_name_or_another_origin_is_refused_and_nothing_is_written() {
    let running = start(&content_folder(false), false);
    let session = running.log_in();
    let before = running.text("highlights.json");
    let draft = json!({ "files": { "highlights.json": { "highlights": [] } }, "read_as": {} });
    let body = Some(draft.to_string().into_bytes());
    let rebound = format!("evil.example:{}", running.host.rsplit(':').next().unwrap());
    let host = running.raw(
        "GET",
        "/api/content",
        Some(&session),
        &[("Host", &rebound)],
        None,
        "",
    );
    assert_eq!(
        host.status, 421,
        "a page that renamed 127.0.0.1 cannot reach the editor"
    );
    for headers in [
        vec![],
        vec![("Origin", "http://evil.example")],
        vec![("Origin", "null")],
        vec![("Sec-Fetch-Site", "cross-site")],
    ] {
        let answer = running.raw(
            "POST",
            "/api/save",
            Some(&session),
            &headers,
            body.clone(),
            "application/json",
        );
        assert_eq!(answer.status, 403, "{headers:?}");
        assert!(answer.body["message"]["zh"]
            .as_str()
            .unwrap()
            .contains("拒绝"));
    }
    let login = running.raw(
        "POST",
        "/login",
        None,
        &[("Origin", "http://evil.example")],
        Some(br#"{"pin":"2468"}"#.to_vec()),
        "application/json",
    );
    assert_eq!(login.status, 403);
    assert_eq!(running.text("highlights.json"), before);
}

#[test]
fn no_path_leaves_the_editor_files_the_ui_or_the_cache() {
    let running = start(&content_folder(false), false);
    let session = running.log_in();
    assert_eq!(raw_get(&running, "/e/js/main.js", &session), 200);
    assert_eq!(raw_get(&running, "/ui/js/main.js", &session), 200);
    for path in [
        "/e/../Cargo.toml",
        "/e/%2e%2e/src/lib.rs",
        "/e/..%2fCargo.toml",
        "/ui/../../etc/passwd",
        "/ui/%2e%2e/%2e%2e/etc/passwd",
        "/ui//etc/passwd",
        "/cache/..%2f..%2fetc%2fpasswd",
        "/cache/../settings.json",
        "/cache/settings.json",
        "/e/%00",
        "/api/history/..%2f..%2fsettings.json/restore",
    ] {
        let status = raw_get(&running, path, &session);
        assert!(matches!(status, 400 | 404 | 405), "{path}: {status}");
    }
    let restore = running.call(
        "POST",
        "/api/history/..%2F..%2Fetc/restore",
        Some(&session),
        Some(&json!({})),
    );
    assert_eq!(restore.status, 404);
}

#[test]
fn a_draft_too_large_is_refused() {
    let running = start(&content_folder(false), false);
    let session = running.log_in();
    let huge = json!({ "files": { "highlights.json": { "highlights": [], "x": "a".repeat(17 * 1024 * 1024) } } });
    let sent = ureq::post(&format!("{}/api/check", running.base))
        .set("Cookie", &format!("lighthouse_editor={session}"))
        .set("Origin", &running.base)
        .send_json(huge);
    // The server answers 413 as soon as it has read past the limit, and may close the
    // connection before the client has finished sending: either way, nothing was taken.
    match sent {
        Err(ureq::Error::Status(status, _)) => assert_eq!(status, 413),
        Err(ureq::Error::Transport(_)) => {}
        Ok(response) => panic!("a huge draft was taken: {}", response.status()),
    }
}

#[test]
fn five_wrong_pins_lock_the_office_login() {
    let running = start(&content_folder(true), true);
    assert!(
        running.link.is_none(),
        "the office editor has no login link"
    );
    let try_pin = |pin: &str| running.call("POST", "/login", None, Some(&json!({ "pin": pin })));
    for left in (1..5).rev() {
        let answer = try_pin("1111");
        assert_eq!(answer.status, 401);
        assert!(answer.body["message"]["en"]
            .as_str()
            .unwrap()
            .contains(&format!("{left} more")));
    }
    let locked = try_pin("1111");
    assert_eq!(locked.status, 429);
    assert!(locked.body["message"]["zh"]
        .as_str()
        .unwrap()
        .contains("5 分钟"));
    assert_eq!(
        try_pin(PIN).status,
        429,
        "the right PIN waits out the lock too"
    );
}

#[test]
fn the_right_pin_opens_the_office_editor_and_the_hash_never_leaves() {
    let running = start(&content_folder(true), true);
    let answer = running.call("POST", "/login", None, Some(&json!({ "pin": PIN })));
    assert_eq!(answer.status, 200);
    let session = answer.cookie.unwrap();
    let content = running.call("GET", "/api/content", Some(&session), None);
    assert_eq!(content.status, 200);
    assert!(
        !content.body.to_string().contains("argon2"),
        "the PIN's hash is never sent"
    );
}

#[test]
fn the_office_editor_does_not_start_without_a_pin() {
    let dir = content_folder(false);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let options = Options {
        dir: dir.clone(),
        listen: Some(SocketAddr::from(([127, 0, 0, 1], 0))),
        cache: dir.with_extension("cache"),
    };
    let err = runtime.block_on(bind(options)).err().unwrap();
    assert!(err.to_string().contains("lighthouse-kiosk pin"), "{err}");
}
