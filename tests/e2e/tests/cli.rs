//! The command-line commands IT and staff use without a window: `check`, `init` and `prepare`.

use lighthouse_e2e::{kiosk_binary, target_dir, workspace_root};
use serde_json::Value;
use std::process::{Command, Output};

fn kiosk(args: &[&str]) -> Output {
    Command::new(kiosk_binary())
        .args(args)
        // `check` must work on a machine with no display at all.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("LIGHTHOUSE_CONTENT")
        .output()
        .expect("run the kiosk binary")
}

fn fixture(name: &str) -> String {
    workspace_root()
        .join("tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn check_accepts_valid_content_with_exit_status_0() {
    let output = kiosk(&["check", &fixture("valid"), "--lang", "en"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).trim_end().ends_with(": valid"));
}

#[test]
fn check_reports_mistakes_by_file_line_and_column_with_exit_status_1() {
    let output = kiosk(&["check", &fixture("until-before-from"), "--lang", "en"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains(
            "highlights.json line 45, column 7: error: \"until\" is before \"from\" (2024-05-01 < 2024-06-01)"
        ),
        "{text}"
    );
}

#[test]
fn check_speaks_the_content_s_default_language() {
    let output = kiosk(&["check", &fixture("until-before-from")]);
    let text = stdout(&output);
    assert!(
        text.contains("highlights.json 第 45 行第 7 列：错误：“until”早于“from”"),
        "{text}"
    );
    assert!(text.contains("建议："), "{text}");
}

#[test]
fn check_reports_every_mistake_as_json_for_machines() {
    let output = kiosk(&["check", &fixture("many-mistakes"), "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!(report["valid"], false);
    assert_eq!(report["errors"], 4);
    let files: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "settings.json",
            "highlights.json",
            "highlights.json",
            "contacts.json"
        ]
    );
}

#[test]
fn check_cannot_run_on_a_missing_folder_and_says_so_with_exit_status_2() {
    let output = kiosk(&["check", "/nonexistent/kiosk-content"]);
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("does not exist"), "{error}");
}

#[test]
fn init_writes_a_valid_folder_and_never_overwrites_one() {
    let dir = target_dir().join(format!("e2e-init-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let dir_arg = dir.to_string_lossy().into_owned();

    let output = kiosk(&["init", &dir_arg]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for file in [
        "settings.json",
        "highlights.json",
        "photos.json",
        "contacts.json",
        "schema/highlights.schema.json",
    ] {
        assert!(dir.join(file).is_file(), "{file} was not written");
    }
    assert!(dir.join("photos").is_dir());
    let check = kiosk(&["check", &dir_arg]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));

    std::fs::write(dir.join("settings.json"), "{ \"staff\": \"work\" }").unwrap();
    let again = kiosk(&["init", &dir_arg]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.join("settings.json")).unwrap(),
        "{ \"staff\": \"work\" }",
        "init left staff's file alone"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn prepare_makes_each_photo_once_however_the_folder_is_named() {
    let cache = target_dir().join(format!("e2e-prepare-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&cache);
    let cache_arg = cache.to_string_lossy().into_owned();
    let folder = fixture("valid");
    let same_folder = format!("{folder}/../valid");

    let first = kiosk(&["prepare", &folder, "--cache", &cache_arg, "--lang", "en"]);
    assert_eq!(first.status.code(), Some(0), "{}", stdout(&first));
    assert!(
        stdout(&first).contains("1 made, 0 already there, 0 refused"),
        "{}",
        stdout(&first)
    );
    let again = kiosk(&[
        "prepare",
        &same_folder,
        "--cache",
        &cache_arg,
        "--lang",
        "zh",
    ]);
    assert!(
        stdout(&again).contains("新做 0 张，已有 1 张"),
        "{}",
        stdout(&again)
    );

    let broken = kiosk(&[
        "prepare",
        &fixture("photo-not-an-image"),
        "--cache",
        &cache_arg,
        "--lang",
        "en",
    ]);
    // Content with errors is not shown, so its photos are not prepared: the errors are.
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        stdout(&broken)
            .contains("error: the photo photos/notes.jpg is not a JPEG, PNG, WebP or GIF image"),
        "{}",
        stdout(&broken)
    );
    std::fs::remove_dir_all(&cache).unwrap();
}

#[test]
fn publish_refuses_content_with_errors_and_marks_good_content_with_a_manifest() {
    let broken = kiosk(&["publish", &fixture("until-before-from")]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        !workspace_root()
            .join("tests/fixtures/until-before-from/manifest.json")
            .exists(),
        "nothing written"
    );

    let dir = target_dir().join(format!("e2e-publish-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let dir_arg = dir.to_string_lossy().into_owned();
    assert_eq!(kiosk(&["init", &dir_arg]).status.code(), Some(0));
    let published = kiosk(&["publish", &dir_arg]);
    assert_eq!(published.status.code(), Some(0), "{}", stdout(&published));
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    assert!(
        manifest["files"]["highlights.json"]["sha256"]
            .as_str()
            .unwrap()
            .len()
            == 64
    );
    assert!(stdout(&published).contains(manifest["revision"].as_str().unwrap()));
    // No screen has reported yet.
    assert_eq!(kiosk(&["fleet", &dir_arg]).status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_reports_the_mistakes_of_a_screen_s_own_settings() {
    let screen = target_dir().join(format!("e2e-screen-{}.json", std::process::id()));
    std::fs::write(
        &screen,
        "{\n  \"name\": \"Lobby\",\n  \"leadContact\": \"Nanhia Park\"\n}",
    )
    .unwrap();
    let output = kiosk(&[
        "check",
        &fixture("valid"),
        "--screen",
        &screen.to_string_lossy(),
        "--lang",
        "en",
    ]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains(" line 2, column 3: error: \"Lobby\" is not a usable screen name"),
        "{text}"
    );
    assert!(
        text.contains("no contact in contacts.json is called \"Nanhia Park\""),
        "{text}"
    );
    std::fs::remove_file(screen).unwrap();
}

#[test]
fn pin_write_sets_the_pin_in_settings_json_and_keeps_every_other_line() {
    let dir = target_dir().join(format!("e2e-pin-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let dir_arg = dir.to_string_lossy().into_owned();
    assert_eq!(kiosk(&["init", &dir_arg]).status.code(), Some(0));
    let before = std::fs::read_to_string(dir.join("settings.json")).unwrap();
    let set = |pin: &str| {
        Command::new(kiosk_binary())
            .args(["pin", "--write", &dir_arg, "--lang", "en"])
            .env("LIGHTHOUSE_PIN", pin)
            .output()
            .unwrap()
    };
    let first = set("2468");
    assert_eq!(first.status.code(), Some(0), "{}", stdout(&first));
    assert!(
        stdout(&first).contains("the PIN is set in"),
        "{}",
        stdout(&first)
    );
    let after = std::fs::read_to_string(dir.join("settings.json")).unwrap();
    let hash = serde_json::from_str::<Value>(&after).unwrap()["staffPinHash"]
        .as_str()
        .expect("a hash in settings.json")
        .to_owned();
    assert!(lighthouse_core::pin::verify_pin("2468", &hash));
    // Every line staff wrote is still there, as it was.
    for line in before.lines().filter(|l| !l.trim().starts_with('}')) {
        assert!(
            after.contains(line.trim_end_matches(',')),
            "{line:?} was lost:\n{after}"
        );
    }
    // The folder is still valid, now with no warning about the PIN.
    let check = kiosk(&["check", &dir_arg, "--lang", "en"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(
        !stdout(&check).contains("no staff PIN"),
        "{}",
        stdout(&check)
    );

    // A new PIN replaces the old one in place.
    assert_eq!(set("1357").status.code(), Some(0));
    let again = std::fs::read_to_string(dir.join("settings.json")).unwrap();
    assert_eq!(again.lines().count(), after.lines().count());
    assert_eq!(set("12ab").status.code(), Some(2), "not digits: refused");
    assert_eq!(
        std::fs::read_to_string(dir.join("settings.json")).unwrap(),
        again
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
