//! A restart with a mistake left in the folder (a slip on Friday, then the overnight
//! reboot): the staff's last good content stays on screen, the panel still opens with their
//! PIN, and every report says which content is on screen.

use lighthouse_e2e::staff::{content_with_pin, open_the_door, staff_text, unlock};
use lighthouse_e2e::{kiosk_binary, ContentCopy, Kiosk, LANDSCAPE};
use serde_json::json;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const RELOAD: Duration = Duration::from_secs(10);

fn set_first_title(content: &ContentCopy, zh: &str) {
    let mut highlights = content.read_json("highlights.json");
    highlights["highlights"][0]["title"]["zh"] = json!(zh);
    content.write_json("highlights.json", &highlights);
}

/// The titles of every slide, in the default language: what the screen can show.
fn titles(kiosk: &Kiosk) -> String {
    kiosk.js_string(
        "return [...document.querySelectorAll('.slide .title .primary')].map((t) => t.textContent).join(' | ')",
    )
}

/// `lighthouse-kiosk status` on the status file `file`, once it names `mark`.
fn status_saying(file: &Path, mark: &str) -> String {
    let deadline = std::time::Instant::now() + RELOAD * 2;
    loop {
        let output = Command::new(kiosk_binary())
            .args(["status", "--lang", "en", "--status-file"])
            .arg(file)
            .output()
            .expect("run status");
        let printed = String::from_utf8_lossy(&output.stdout).into_owned();
        if printed.contains(mark) {
            return printed;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "status never said {mark:?}:\n{printed}"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// Starts a kiosk on `content` in the session folders `session` (those of an earlier one,
/// as a restart of the same PC would).
fn start_in(session: &[(&'static str, std::path::PathBuf)], content: &ContentCopy) -> Kiosk {
    let env: Vec<(&str, &str)> = session
        .iter()
        .map(|(name, dir)| (*name, dir.to_str().expect("a UTF-8 path")))
        .collect();
    Kiosk::start_with_env(LANDSCAPE, &["--content", content.dir_arg()], &env)
}

fn break_highlights(dir: &Path) {
    std::fs::write(dir.join("highlights.json"), "{ \"highlights\": [ }").unwrap();
}

#[test]
fn after_a_restart_with_a_mistake_the_last_good_content_stays_and_the_panel_opens() {
    let content = content_with_pin("restart-kept");
    set_first_title(&content, "周五的内容");
    let first = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    assert!(titles(&first).contains("周五的内容"));
    let session = first.session_env();
    drop(first);

    // A slip left in, then the reboot.
    break_highlights(&content.dir);
    let kiosk = start_in(&session, &content);
    assert!(
        titles(&kiosk).contains("周五的内容"),
        "the staff's content is on screen: {}",
        titles(&kiosk)
    );
    kiosk.screenshot("landscape-1920x1080-zh-restart-after-a-mistake");
    let status = kiosk.status();
    assert_eq!(status["shown"]["from"], "kept", "{status}");
    assert_eq!(status["showingOlderContent"], true, "{status}");

    // The PIN in settings.json is followed though another file has a mistake.
    open_the_door(&kiosk);
    unlock(&kiosk);
    let panel = staff_text(&kiosk);
    assert!(panel.contains("highlights.json line 1,"), "{panel}");
    assert!(panel.contains("last good content"), "{panel}");
    kiosk.screenshot("landscape-1920x1080-zh-staff-panel-after-a-restart");

    let (_, state) = &session[1];
    let printed = status_saying(
        &state.join("lighthouse-kiosk/status.json"),
        "kept by the kiosk",
    );
    assert!(printed.contains("highlights.json line 1,"), "{printed}");
}

#[test]
fn with_nothing_ever_accepted_the_built_in_content_shows_and_says_so() {
    let content = ContentCopy::of_defaults("restart-never");
    set_first_title(&content, "从未接受的内容");
    break_highlights(&content.dir);
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let status = kiosk.status();
    assert_eq!(status["shown"]["from"], "built-in", "{status}");
    let printed = status_saying(&kiosk.status_file(), "built-in default content");
    assert!(printed.contains("highlights.json line 1,"), "{printed}");
    assert!(printed.contains("running with problems"), "{printed}");
}
