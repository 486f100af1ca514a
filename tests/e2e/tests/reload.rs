//! Staff edit the content folder while the kiosk runs: good changes appear on screen by
//! themselves, bad ones never replace the content on screen.

use lighthouse_e2e::{ContentCopy, Kiosk, LANDSCAPE};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::Duration;

/// Far more than the kiosk needs (well under a second), so a slow machine does not fail it.
const RELOAD: Duration = Duration::from_secs(10);

fn set_first_title(content: &ContentCopy, zh: &str) {
    let mut highlights = content.read_json("highlights.json");
    highlights["highlights"][0]["title"]["zh"] = json!(zh);
    content.write_json("highlights.json", &highlights);
}

fn wait_for_title(kiosk: &Kiosk, title: &str) {
    kiosk.wait_until(
        &format!("the title on screen is {title:?}"),
        RELOAD,
        &format!(
            "return document.querySelector('.slide.is-current .title .primary')?.textContent === {}",
            json!(title)
        ),
    );
}

#[test]
fn an_edited_title_appears_without_restarting_the_slideshow() {
    let content = ContentCopy::of_defaults("edit");
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let slide = kiosk.slide_key();

    set_first_title(&content, "灯塔基地正式揭牌");
    wait_for_title(&kiosk, "灯塔基地正式揭牌");
    assert_eq!(
        kiosk.slide_key(),
        slide,
        "the slideshow stayed on its slide"
    );
    assert_eq!(
        kiosk.js("return document.querySelectorAll('.slide').length"),
        json!(1),
        "the slide was replaced in place, not faded over"
    );
}

#[test]
fn invalid_json_leaves_the_last_good_content_on_screen() {
    let content = ContentCopy::of_defaults("invalid");
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let title = kiosk.current_title();

    let good = std::fs::read_to_string(content.dir.join("highlights.json")).unwrap();
    content.write_text(
        "highlights.json",
        &good.replacen("\"id\": \"base-unveiled\",", "\"id\": \"base-unveiled\"", 1),
    );
    let status = kiosk.wait_for_status("the broken file is noticed", RELOAD, |s| {
        s["showingOlderContent"] == json!(true)
    });
    // The first problem besides the default content's missing staff PIN.
    let first = status["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] != "settings.json")
        .expect("a problem in the edited file");
    assert_eq!(first["file"], "highlights.json");
    assert_eq!(
        first["message"]["en"],
        "a comma, or the closing }, should be here"
    );
    assert_eq!(first["message"]["zh"], "这里应该是逗号，或收尾的 }");
    assert!(
        first["line"].as_u64().is_some(),
        "the problem has a line: {first}"
    );
    assert_eq!(
        kiosk.current_title(),
        title,
        "the old content is still on screen"
    );
    assert!(kiosk.js("return document.querySelector('.slide.is-current') !== null") == json!(true));

    // Fixing the file brings the kiosk back to the folder's content.
    let mut fixed: Value = serde_json::from_str(&good).unwrap();
    fixed["highlights"][0]["title"]["zh"] = json!("修正后的标题");
    content.write_json("highlights.json", &fixed);
    wait_for_title(&kiosk, "修正后的标题");
    assert_eq!(kiosk.status()["showingOlderContent"], json!(false));
}

#[test]
fn a_content_folder_that_disappears_and_comes_back_is_picked_up_again() {
    let content = ContentCopy::of_defaults("vanish");
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let title = kiosk.current_title();
    let aside = PathBuf::from(format!("{}-aside", content.dir.display()));

    std::fs::rename(&content.dir, &aside).unwrap();
    kiosk.wait_for_status("the missing folder is noticed", RELOAD, |s| {
        s["folderError"]
            .as_str()
            .is_some_and(|e| e.contains("does not exist"))
    });
    assert_eq!(
        kiosk.current_title(),
        title,
        "the last good content stays up"
    );

    let mut highlights: Value = lighthouse_e2e::read_json(&aside.join("highlights.json"));
    highlights["highlights"][0]["title"]["zh"] = json!("文件夹回来了");
    std::fs::write(aside.join("highlights.json"), highlights.to_string()).unwrap();
    std::fs::rename(&aside, &content.dir).unwrap();
    wait_for_title(&kiosk, "文件夹回来了");
}

#[test]
fn a_save_in_two_steps_is_not_an_error_and_a_fix_says_the_content_is_good_again() {
    let content = ContentCopy::of_defaults("two-steps");
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let good = std::fs::read_to_string(content.dir.join("highlights.json")).unwrap();
    let path = content.dir.join("highlights.json");

    // As many Windows editors save: the file emptied, then written. The second half comes
    // once the kiosk has seen the first and is looking again.
    std::fs::write(&path, "").unwrap();
    kiosk.wait_for_log_line("looks half saved", RELOAD);
    let mut edited: Value = serde_json::from_str(&good).unwrap();
    edited["highlights"][0]["title"]["zh"] = json!("两步保存");
    std::fs::write(&path, serde_json::to_string_pretty(&edited).unwrap()).unwrap();
    wait_for_title(&kiosk, "两步保存");
    let log = kiosk.log();
    assert!(
        !log.lines()
            .any(|l| l.contains("ERROR") && l.contains("highlights.json")),
        "a half-saved file was reported as a mistake:\n{log}"
    );

    // A real mistake, then the file as it was: the log ends saying all is well again.
    content.write_text("highlights.json", "{ broken");
    kiosk.wait_for_status("the mistake is noticed", RELOAD, |s| {
        s["showingOlderContent"] == json!(true)
    });
    content.write_json("highlights.json", &edited);
    kiosk.wait_for_log_line("is good again", RELOAD);
}

/// A published folder copied file by file, in the worst order (the manifest and the new
/// highlights first, the photo they name last): the screen keeps the last good content, says
/// nothing is wrong, and switches once the photo lands.
#[test]
fn a_publication_arriving_file_by_file_is_taken_only_once_whole() {
    let staff = ContentCopy::of_defaults("publish-staff");
    let kiosk_side = ContentCopy::of_defaults("publish-kiosk");
    std::fs::copy(
        lighthouse_e2e::workspace_root().join("tests/photos/camera.jpg"),
        staff.dir.join("photos/arrival.jpg"),
    )
    .unwrap();
    let mut highlights = staff.read_json("highlights.json");
    highlights["highlights"][0]["title"]["zh"] = json!("照片最后到达");
    highlights["highlights"][0]["photos"] = json!(["arrival.jpg"]);
    staff.write_json("highlights.json", &highlights);
    let published = std::process::Command::new(lighthouse_e2e::kiosk_binary())
        .arg("publish")
        .arg(&staff.dir)
        .output()
        .unwrap();
    assert_eq!(
        published.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&published.stderr)
    );

    let kiosk = Kiosk::start(LANDSCAPE, &["--content", kiosk_side.dir_arg()]);
    let title = kiosk.current_title();
    for file in ["manifest.json", "highlights.json"] {
        std::fs::copy(staff.dir.join(file), kiosk_side.dir.join(file)).unwrap();
    }
    kiosk.wait_for_log_line("waiting for the publication", RELOAD);
    let status = kiosk.wait_for_status("the kiosk waits for the rest", RELOAD, |status| {
        !status["waitingFor"].as_array().is_none_or(Vec::is_empty)
    });
    assert_eq!(kiosk.current_title(), title, "the last good content stays");
    assert_eq!(
        status["showingOlderContent"],
        json!(false),
        "not a mistake: {status}"
    );
    assert!(
        status["waitingFor"]
            .to_string()
            .contains("photos/arrival.jpg"),
        "{status}"
    );

    std::fs::copy(
        staff.dir.join("photos/arrival.jpg"),
        kiosk_side.dir.join("photos/arrival.jpg"),
    )
    .unwrap();
    wait_for_title(&kiosk, "照片最后到达");
    let log = kiosk.log();
    assert!(
        !log.lines().any(|l| l.contains("ERROR")),
        "no error on the way:\n{log}"
    );
}

#[test]
fn a_screen_started_on_a_folder_changed_after_publishing_shows_it_and_says_to_publish() {
    let content = ContentCopy::of_defaults("changed-after-publishing");
    let published = std::process::Command::new(lighthouse_e2e::kiosk_binary())
        .arg("publish")
        .arg(&content.dir)
        .output()
        .unwrap();
    assert_eq!(published.status.code(), Some(0));
    set_first_title(&content, "发布后又改过");

    // Better than the built-in content: the folder as it stands, with a word for staff.
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    assert_eq!(kiosk.current_title(), "发布后又改过");
    let status = kiosk.status();
    assert_eq!(status["waitingFor"], json!(["highlights.json"]), "{status}");
    let problems = status["diagnostics"].to_string();
    assert!(problems.contains("publish the folder again"), "{status}");
    kiosk.wait_for_log_line("differ from the published content", RELOAD);
}

#[test]
fn a_saved_highlight_is_shown_at_once_not_at_its_turn() {
    let content = ContentCopy::of_defaults("show-change");
    // Slides so long that the new one's turn would never come during the test.
    let mut settings = content.read_json("settings.json");
    settings["slideSeconds"] = json!(600);
    content.write_json("settings.json", &settings);
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let mut highlights = content.read_json("highlights.json");
    let list = highlights["highlights"].as_array_mut().unwrap();
    let mut new = list[0].clone();
    new["id"] = json!("just-saved");
    new["title"] = json!({ "zh": "刚刚保存", "en": "Just saved" });
    new.as_object_mut().unwrap().remove("pinned");
    list.push(new);
    let saved = std::time::Instant::now();
    content.write_json("highlights.json", &highlights);
    kiosk.wait_until(
        "the saved highlight is on screen",
        Duration::from_secs(2),
        "return document.getElementById('stage').dataset.slideKey === 'highlight:just-saved'",
    );
    eprintln!("shown {:?} after the save", saved.elapsed());
    assert_eq!(kiosk.current_title(), "刚刚保存");
}

#[test]
fn a_file_replaced_by_removing_it_first_is_no_mistake() {
    let content = ContentCopy::of_defaults("replaced");
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let path = content.dir.join("highlights.json");
    let mut edited: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    edited["highlights"][0]["title"]["zh"] = json!("删除后重写");
    // As some editors and sync tools save: the file removed, and written anew a moment
    // later (over a network share, a second and more).
    let removed = std::time::Instant::now();
    std::fs::remove_file(&path).unwrap();
    kiosk.wait_for_log_line("looks half saved", RELOAD);
    let gap = Duration::from_millis(1500);
    std::thread::sleep(gap.saturating_sub(removed.elapsed()));
    std::fs::write(&path, serde_json::to_string_pretty(&edited).unwrap()).unwrap();
    wait_for_title(&kiosk, "删除后重写");
    let log = kiosk.log();
    assert!(
        !log.lines()
            .any(|l| l.contains("ERROR") && l.contains("highlights.json")),
        "a file missing for {gap:?} was reported as a mistake:\n{log}"
    );
}
