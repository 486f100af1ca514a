//! Reading, checking, saving and undoing content through the editor.

use super::*;
use serde_json::json;

fn read(running: &Running, session: &str) -> (Value, Value) {
    let content = running
        .call("GET", "/api/content", Some(session), None)
        .body;
    let files: serde_json::Map<String, Value> = content["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["name"].as_str().unwrap().to_owned(), f["value"].clone()))
        .collect();
    let hashes: serde_json::Map<String, Value> = content["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["name"].as_str().unwrap().to_owned(), f["hash"].clone()))
        .collect();
    (Value::Object(files), Value::Object(hashes))
}

#[test]
fn the_default_content_saved_unchanged_is_byte_for_byte_the_same() {
    let running = start(&content_folder(true), false);
    let session = running.log_in();
    let names = [
        "settings.json",
        "highlights.json",
        "photos.json",
        "contacts.json",
    ];
    let before: Vec<String> = names.iter().map(|n| running.text(n)).collect();
    let (files, hashes) = read(&running, &session);
    let saved = running.call(
        "POST",
        "/api/save",
        Some(&session),
        Some(&json!({ "files": files, "read_as": hashes })),
    );
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert_eq!(saved.body["written"], json!([]));
    let after: Vec<String> = names.iter().map(|n| running.text(n)).collect();
    assert_eq!(before, after);
}

#[test]
fn a_change_is_saved_canonically_kept_in_history_and_undone() {
    let running = start(&content_folder(true), false);
    let session = running.log_in();
    let before = running.text("highlights.json");
    let settings_before = running.text("settings.json");
    let (mut files, hashes) = read(&running, &session);
    files["highlights.json"]["highlights"][0]["title"]["en"] = json!("A new title");
    files["settings.json"]["slideSeconds"] = json!(15);
    let saved = running.call(
        "POST",
        "/api/save",
        Some(&session),
        Some(&json!({ "files": files, "read_as": hashes })),
    );
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert_eq!(
        saved.body["written"],
        json!(["settings.json", "highlights.json"])
    );
    let after = running.text("highlights.json");
    assert!(after.contains("\"en\": \"A new title\""));
    let gone = before.lines().filter(|line| !after.contains(line)).count();
    assert!(gone <= 4, "only the title's lines changed, {gone} did");
    let settings = running.text("settings.json");
    assert!(settings.contains("\"slideSeconds\": 15"));
    assert!(
        settings.contains("\"staffPinHash\": \"$argon2"),
        "the PIN stays set"
    );
    assert!(settings.starts_with("{\n  \"$schema\": \"./schema/settings.schema.json\""));

    let history = running
        .call("GET", "/api/history", Some(&session), None)
        .body;
    let id = history[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(history[0]["why"], "save");
    let restored = running.call(
        "POST",
        &format!("/api/history/{id}/restore"),
        Some(&session),
        Some(&json!({})),
    );
    assert_eq!(restored.status, 200, "{}", restored.body);
    assert_eq!(running.text("highlights.json"), before);
    assert_eq!(running.text("settings.json"), settings_before);
    let history = running
        .call("GET", "/api/history", Some(&session), None)
        .body;
    assert_eq!(
        history[0]["why"], "restore",
        "the undo can itself be undone"
    );
}

#[test]
fn a_mistake_is_shown_at_its_field_and_the_save_refused() {
    let running = start(&content_folder(false), false);
    let session = running.log_in();
    let before = running.text("highlights.json");
    let (mut files, hashes) = read(&running, &session);
    files["highlights.json"]["highlights"][1]["title"] = json!({ "zh": "", "en": "" });
    let checked = running.call(
        "POST",
        "/api/check",
        Some(&session),
        Some(&json!({ "files": files })),
    );
    let problems = checked.body["diagnostics"].as_array().unwrap();
    let at_title = problems
        .iter()
        .find(|d| {
            d["severity"] == "error"
                && d["field"]
                    .as_str()
                    .is_some_and(|f| f.starts_with("highlights[1].title"))
        })
        .unwrap_or_else(|| panic!("no error at the title: {problems:?}"));
    assert!(!at_title["message"]["zh"].as_str().unwrap().is_empty());
    assert!(checked.body["content"].is_null());
    let saved = running.call(
        "POST",
        "/api/save",
        Some(&session),
        Some(&json!({ "files": files, "read_as": hashes })),
    );
    assert_eq!(saved.status, 422);
    assert_eq!(running.text("highlights.json"), before);
}

#[test]
fn a_file_changed_on_disk_meanwhile_is_never_overwritten() {
    let running = start(&content_folder(false), false);
    let session = running.log_in();
    let (mut files, hashes) = read(&running, &session);
    let by_hand = running.text("highlights.json").replace(
        "The Innovation Lighthouse base is unveiled",
        "Changed by hand",
    );
    std::fs::write(running.dir.join("highlights.json"), &by_hand).unwrap();
    files["highlights.json"]["highlights"][0]["pinned"] = json!(true);
    let saved = running.call(
        "POST",
        "/api/save",
        Some(&session),
        Some(&json!({ "files": files, "read_as": hashes })),
    );
    assert_eq!(saved.status, 409);
    assert_eq!(saved.body["files"], json!(["highlights.json"]));
    assert!(saved.body["message"]["en"]
        .as_str()
        .unwrap()
        .contains("Nothing was overwritten"));
    assert_eq!(running.text("highlights.json"), by_hand);
}

#[test]
fn a_broken_folder_opens_with_its_problems() {
    let dir = content_folder(false);
    std::fs::write(dir.join("contacts.json"), "{ \"zone\": ").unwrap();
    let running = start(&dir, false);
    let session = running.log_in();
    let content = running
        .call("GET", "/api/content", Some(&session), None)
        .body;
    let contacts = content["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "contacts.json")
        .unwrap();
    assert!(contacts["value"].is_null());
    let problems = content["diagnostics"].as_array().unwrap();
    assert!(
        problems
            .iter()
            .any(|d| d["file"] == "contacts.json" && d["line"] == 1),
        "{problems:?}"
    );
    assert!(content["schemas"]["highlights.schema.json"]["$defs"].is_object());
}

/// Every fixture folder the content tests use: a valid one saved unchanged by the editor
/// still passes `check` and means exactly the same; a broken one is refused, untouched,
/// with its problems.
#[test]
fn every_fixture_saved_unchanged_means_the_same_or_is_refused_untouched() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let today = chrono::Local::now().date_naive();
    let mut valid = 0;
    for entry in std::fs::read_dir(&fixtures).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let dir = std::env::temp_dir().join(format!(
            "lighthouse-editor-fixture-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        copy(&entry.path(), &dir);
        let before = lighthouse_core::load_dir(&dir, today).unwrap();
        let files = crate::content::read_all(&dir);
        let draft: serde_json::Map<String, Value> = files
            .iter()
            .filter_map(|f| Some((f.name.clone(), f.value.clone()?)))
            .collect();
        let read_as = crate::content::hashes(&dir);
        let texts_before: Vec<_> = files.iter().map(|f| f.text.clone()).collect();
        let outcome = crate::content::save(&dir, &draft, &read_as);
        let after = lighthouse_core::load_dir(&dir, today).unwrap();
        let texts_after: Vec<_> = crate::content::read_all(&dir)
            .into_iter()
            .map(|f| f.text)
            .collect();
        match (&before.content, outcome) {
            (Some(content), crate::content::Outcome::Saved { .. }) => {
                valid += 1;
                assert_eq!(
                    after.content.as_ref(),
                    Some(content),
                    "{name}: the meaning changed"
                );
                assert!(
                    !after.diagnostics.iter().any(|d| d.is_error()),
                    "{name}: {:?}",
                    after.diagnostics
                );
            }
            (None, crate::content::Outcome::Invalid { diagnostics, .. }) => {
                assert!(diagnostics.iter().any(|d| d.is_error()), "{name}");
                assert_eq!(texts_before, texts_after, "{name}: a refused save wrote");
            }
            (None, _) if draft.len() < files.len() => {
                // A file that is not JSON at all: it never reaches a save; nothing moved.
                assert_eq!(texts_before, texts_after, "{name}");
            }
            (content, outcome) => panic!("{name}: valid {} but {outcome:?}", content.is_some()),
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(valid >= 5, "only {valid} valid fixtures were saved");
}

/// A status as a screen sharing the folder writes it, `minutes_ago`, with `visits` today.
fn screen_status(name: &str, minutes_ago: u64, visits: u64) -> Value {
    let now = lighthouse_core::status::now_ms();
    let today = chrono::Local::now().date_naive().to_string();
    json!({
        "screen": name, "version": "0.1.0", "pid": 1, "updatedAtMs": now - minutes_ago * 60_000,
        "startedAtMs": now - 3_600_000, "uptimeSeconds": 3600,
        "content": { "source": "/srv/content", "revision": 3, "checkedAtMs": now, "showingOlderContent": false,
                     "folderError": null, "errors": 0, "warnings": 0, "problems": [], "revisionShown": "3fa2c1" },
        "photos": { "ready": 0, "waiting": 0, "refused": {} }, "memory": [], "webViewRestarts": [],
        "days": { today: { "slides": 40, "visits": visits } },
        "secondsSinceHeartbeat": 1, "mode": "attract", "renderer": "cpu", "logFile": "/tmp/kiosk.log"
    })
}

#[test]
fn the_screens_sharing_the_folder_are_listed_and_the_folder_published() {
    let running = start(&content_folder(false), false);
    let session = running.log_in();
    std::fs::create_dir_all(running.dir.join("status")).unwrap();
    std::fs::write(
        running.dir.join("status/lobby-left.json"),
        screen_status("lobby-left", 1, 12).to_string(),
    )
    .unwrap();
    std::fs::write(
        running.dir.join("status/lobby-right.json"),
        screen_status("lobby-right", 90, 3).to_string(),
    )
    .unwrap();
    let screens = running.call("GET", "/api/fleet", Some(&session), None).body;
    let screens = screens.as_array().unwrap();
    assert_eq!(screens.len(), 2, "{screens:?}");
    let today = chrono::Local::now().date_naive().to_string();
    assert_eq!(screens[0]["name"], "lobby-left");
    assert_eq!(screens[0]["healthy"], true, "{}", screens[0]);
    assert_eq!(screens[0]["days"][&today]["visits"], 12);
    assert_eq!(screens[0]["revisionShown"], "3fa2c1");
    assert_eq!(
        screens[1]["healthy"], false,
        "a screen not heard for 90 minutes is not well"
    );

    let published = running.call("POST", "/api/publish", Some(&session), Some(&json!({})));
    assert_eq!(published.status, 200, "{}", published.body);
    let manifest: Value = serde_json::from_str(&running.text("manifest.json")).unwrap();
    assert_eq!(manifest["revision"], published.body["revision"]);

    std::fs::write(running.dir.join("contacts.json"), "{").unwrap();
    let refused = running.call("POST", "/api/publish", Some(&session), Some(&json!({})));
    assert_eq!(refused.status, 422);
    let after: Value = serde_json::from_str(&running.text("manifest.json")).unwrap();
    assert_eq!(after, manifest, "a folder with mistakes is not published");
}

#[test]
fn a_file_sent_back_as_null_is_taken_as_it_is_on_disk() {
    let folder = content_folder(true);
    // photos.json cut short: the API gives it as null, and a notice.json that is not there too.
    std::fs::write(folder.join("photos.json"), "{ \"photos\": [").unwrap();
    let running = start(&folder, false);
    let session = running.log_in();
    let (mut files, hashes) = read(&running, &session);
    assert_eq!(files["photos.json"], Value::Null);
    assert_eq!(files["notice.json"], Value::Null);
    files["settings.json"]["slideSeconds"] = json!(15);
    let saved = running.call(
        "POST",
        "/api/save",
        Some(&session),
        Some(&json!({ "files": files, "read_as": hashes })),
    );
    assert_eq!(saved.status, 422, "{}", saved.body);
    let named: Vec<&str> = saved.body["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["file"].as_str())
        .collect();
    assert_eq!(
        named,
        ["photos.json"],
        "the broken file as it is on disk, nothing else"
    );
    assert!(!folder.join("notice.json").exists(), "no notice made up");
    assert_eq!(running.text("photos.json"), "{ \"photos\": [");
}
