//! Photos through the editor: upload, refusals, delete and bring back.

use super::*;
use serde_json::json;

fn upload(running: &Running, session: &str, name: &str, bytes: Vec<u8>) -> Answer {
    let path = format!("/api/photos/{}", encode(name));
    let origin = running.base.clone();
    running.raw(
        "PUT",
        &path,
        Some(session),
        &[("Origin", &origin)],
        Some(bytes),
        "image/jpeg",
    )
}

/// Percent-encodes every byte but letters and digits, as a browser's encodeURIComponent
/// does for these names.
fn encode(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// What the photos folder holds, hidden files included.
fn folder(running: &Running) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(running.dir.join("photos"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != ".gitkeep")
        .collect();
    names.sort();
    names
}

#[test]
fn a_photo_with_a_chinese_name_is_uploaded_once_and_its_thumbnail_served() {
    let running = start(&content_folder(false), false);
    let session = running.log_in();
    let photo = jpeg(640, 480);
    let answer = upload(&running, &session, "灯塔 揭牌.jpg", photo.clone());
    assert_eq!(answer.status, 201, "{}", answer.body);
    assert_eq!(
        std::fs::read(running.dir.join("photos/灯塔 揭牌.jpg")).unwrap(),
        photo
    );
    let thumbnail = answer.body["view"]["thumbnail"]
        .as_str()
        .unwrap()
        .to_owned();
    let served = running.raw("GET", &thumbnail, Some(&session), &[], None, "");
    assert_eq!(served.status, 200);
    let again = upload(&running, &session, "灯塔 揭牌.jpg", jpeg(32, 32));
    assert_eq!(again.status, 409);
    assert_eq!(
        std::fs::read(running.dir.join("photos/灯塔 揭牌.jpg")).unwrap(),
        photo,
        "never replaced"
    );
    let listed = running
        .call("GET", "/api/photos", Some(&session), None)
        .body;
    assert_eq!(listed[0]["name"], "灯塔 揭牌.jpg");
    assert_eq!(folder(&running), ["灯塔 揭牌.jpg"]);
}

#[test]
fn hostile_names_and_files_that_are_not_photos_are_refused_with_nothing_written() {
    let running = start(&content_folder(false), false);
    let session = running.log_in();
    for name in [
        "../settings.json",
        "..",
        ".hidden.jpg",
        "a/b.jpg",
        "a\\b.jpg",
        "a\u{0}.jpg",
        "x\n.jpg",
        "/etc/passwd",
    ] {
        let answer = upload(&running, &session, name, jpeg(16, 16));
        assert!(
            matches!(answer.status, 400 | 404),
            "{name:?}: {} {}",
            answer.status,
            answer.body
        );
    }
    let mut heic = vec![0, 0, 0, 24];
    heic.extend_from_slice(b"ftypheic");
    heic.extend_from_slice(&[0; 64]);
    let answer = upload(&running, &session, "IMG_0001.HEIC", heic);
    assert_eq!(answer.status, 415);
    assert!(answer.body["hint"]["en"]
        .as_str()
        .unwrap()
        .contains("Most Compatible"));
    let answer = upload(&running, &session, "notes.jpg", b"just some text".to_vec());
    assert_eq!(answer.status, 415);
    assert!(answer.body["message"]["zh"]
        .as_str()
        .unwrap()
        .contains("notes.jpg"));
    assert!(
        folder(&running).is_empty(),
        "nothing written: {:?}",
        folder(&running)
    );
    assert!(!running
        .dir
        .join("settings.json")
        .with_extension("bak")
        .exists());
}

#[test]
fn a_deleted_photo_goes_to_the_history_and_comes_back() {
    let running = start(&content_folder(false), false);
    let session = running.log_in();
    let photo = jpeg(64, 48);
    assert_eq!(
        upload(&running, &session, "a.jpg", photo.clone()).status,
        201
    );
    let deleted = running.call("DELETE", "/api/photos/a.jpg", Some(&session), None);
    assert_eq!(deleted.status, 200);
    assert!(folder(&running).is_empty());
    let id = deleted.body["history"].as_str().unwrap().to_owned();
    let restored = running.call(
        "POST",
        &format!("/api/history/{id}/restore"),
        Some(&session),
        Some(&json!({})),
    );
    assert_eq!(restored.status, 200, "{}", restored.body);
    assert_eq!(
        std::fs::read(running.dir.join("photos/a.jpg")).unwrap(),
        photo
    );
    let missing = running.call(
        "DELETE",
        "/api/photos/..%2Fsettings.json",
        Some(&session),
        None,
    );
    assert_eq!(missing.status, 404);
    assert!(running.dir.join("settings.json").exists());
}
