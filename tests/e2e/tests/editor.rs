//! The browser editor as a staff member uses it, in Chromium: log in, upload photos, add a
//! highlight in both languages, look at it in the preview, save it onto the real kiosk's
//! screen, meet a mistake, a hand edit on disk, undo; the keyboard alone; axe-core.

use lighthouse_e2e::editor::{EditorPage, ENTER, TAB};
use lighthouse_e2e::{workspace_root, ContentCopy, Kiosk, LANDSCAPE};
use serde_json::json;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Two camera photos under names staff would give them (Chinese, spaces).
fn camera_photos(name: &str) -> Vec<PathBuf> {
    let dir =
        lighthouse_e2e::target_dir().join(format!("editor-uploads-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    ["开放日 1.jpg", "open day 2.jpg"]
        .iter()
        .map(|file| {
            let path = dir.join(file);
            std::fs::copy(workspace_root().join("tests/photos/camera.jpg"), &path).unwrap();
            path
        })
        .collect()
}

fn field(path: &str, control: &str) -> String {
    format!("[data-field=\"{path}\"] {control}")
}

/// Whether the library lists every one of `names`.
/// Saves with Ctrl+S, as a keyboard user does, and waits until the editor says it saved.
fn save_with_the_keyboard(page: &EditorPage) {
    page.session.press_with_control('s').unwrap();
    page.wait_until(
        "saved",
        "return document.getElementById('status').textContent.includes('已保存')",
    );
}

fn listed(names: &[&str]) -> String {
    format!(
        "const names = [...document.querySelectorAll('.library [data-photo]')].map((e) => e.dataset.photo);
         return {}.every((n) => names.includes(n));",
        json!(names)
    )
}

#[test]
fn staff_add_a_highlight_with_photos_preview_it_save_it_onto_the_screen_and_undo() {
    let content = ContentCopy::of_defaults("editor-journey");
    let original = std::fs::read_to_string(content.dir.join("highlights.json")).unwrap();
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let page = EditorPage::open(&content.dir, 1920, 1080);

    // Two camera photos, uploaded at once from the file picker.
    page.click("#tab-photos");
    page.choose_files("#photo-files", &camera_photos("journey"));
    page.wait_until(
        "both photos are uploaded",
        &listed(&["开放日 1.jpg", "open day 2.jpg"]),
    );
    assert!(content.dir.join("photos/开放日 1.jpg").is_file());

    // A new highlight, in both languages, with the two photos.
    page.click("#tab-highlights");
    page.click("fieldset[data-field=\"highlights\"] > button.add");
    page.clear(&field("highlights[0].id", "input"));
    page.type_into(&field("highlights[0].id", "input"), "open-day");
    page.type_into(
        &field("highlights[0].title", "input[lang=\"zh-Hans\"]"),
        "创新灯塔开放日",
    );
    page.type_into(
        &field("highlights[0].title", "input[lang=\"en\"]"),
        "Lighthouse open day",
    );
    page.type_into(
        &field("highlights[0].summary", "textarea[lang=\"zh-Hans\"]"),
        "欢迎参观。",
    );
    page.type_into(
        &field("highlights[0].summary", "textarea[lang=\"en\"]"),
        "Come and visit.",
    );
    page.type_into(
        &field("highlights[0].body", "textarea[lang=\"zh-Hans\"]"),
        "基地向公众开放一天。",
    );
    page.type_into(
        &field("highlights[0].body", "textarea[lang=\"en\"]"),
        "The base opens to the public for a day.",
    );
    for (i, photo) in ["开放日 1.jpg", "open day 2.jpg"].iter().enumerate() {
        page.click("fieldset[data-field=\"highlights[0].photos\"] > button.add");
        page.click(&field(
            &format!("highlights[0].photos[{i}]"),
            &format!("option[value=\"{photo}\"]"),
        ));
    }
    page.wait_until(
        "the draft has no mistake",
        "return document.querySelectorAll('#problems li.error').length === 0 && !document.getElementById('save').disabled",
    );

    // The preview: a portrait screen, in English, on the story.
    page.click("#preview-previewSize option[value=\"1080x1920\"]");
    page.click("#preview-previewLang option[value=\"en\"]");
    page.click("#preview-previewScreen option[value=\"story\"]");
    page.click(&field("highlights[0].title", "input[lang=\"en\"]"));
    page.wait_until(
        "the preview shows the new story in English, with its photos",
        "const doc = document.querySelector('.preview-holder iframe').contentDocument;
         const screen = doc?.getElementById('screen');
         return !!screen && !screen.hidden && screen.textContent.includes('Lighthouse open day')
           && screen.querySelectorAll('img').length >= 2;",
    );
    assert_eq!(
        page.js("return document.querySelector('.preview-holder iframe').style.width"),
        json!("1080px")
    );
    page.screenshot("editor-1920x1080-en-preview-portrait");

    // Saved, it is on the lobby screen within two seconds.
    page.click("#save");
    let saved_at = Instant::now();
    page.wait_until(
        "the save is done",
        "return document.getElementById('status').textContent.includes('已保存')",
    );
    kiosk.wait_until(
        "the kiosk shows the new highlight",
        Duration::from_secs(2)
            .saturating_sub(saved_at.elapsed())
            .max(Duration::from_millis(500)),
        "return document.getElementById('stage').dataset.slideKey === 'highlight:open-day'",
    );
    let saved = std::fs::read_to_string(content.dir.join("highlights.json")).unwrap();
    assert!(saved.contains("\"id\": \"open-day\""));
    assert!(
        saved.contains("\"photos\": [\"开放日 1.jpg\", \"open day 2.jpg\"]"),
        "{saved}"
    );

    // An empty title is a mistake shown at the field, and Save refuses.
    page.clear(&field("highlights[0].title", "input[lang=\"zh-Hans\"]"));
    page.clear(&field("highlights[0].title", "input[lang=\"en\"]"));
    page.wait_until(
        "the mistake is shown at the title and Save is off",
        "return !!document.querySelector('[data-field^=\"highlights[0].title\"] .problem-at.error')
           && document.getElementById('save').disabled",
    );
    page.screenshot("editor-1920x1080-zh-problem");
    page.type_into(
        &field("highlights[0].title", "input[lang=\"en\"]"),
        "Open day",
    );
    page.type_into(
        &field("highlights[0].title", "input[lang=\"zh-Hans\"]"),
        "开放日",
    );

    // A hand edit on disk meanwhile is found at save, and nothing is overwritten.
    let by_hand = saved.replace("Come and visit.", "Changed by hand.");
    content.write_text("highlights.json", &by_hand);
    page.wait_until(
        "Save is on again",
        "return !document.getElementById('save').disabled",
    );
    page.click("#save");
    page.wait_until(
        "the conflict is shown",
        "return !document.getElementById('conflict').hidden",
    );
    assert_eq!(
        std::fs::read_to_string(content.dir.join("highlights.json")).unwrap(),
        by_hand
    );

    // Undo: the save is listed, and restoring it brings back the file as it was before.
    page.click("#conflict button");
    page.click("#tab-history");
    page.wait_until(
        "the history lists the save",
        "return document.querySelectorAll('[data-record]').length >= 1",
    );
    page.click("[data-record] button");
    page.wait_until(
        "the undo is done",
        "return document.getElementById('status').textContent.includes('已恢复')",
    );
    assert_eq!(
        std::fs::read_to_string(content.dir.join("highlights.json")).unwrap(),
        original
    );

    // A deleted photo goes into the history and comes back from it.
    page.click("#tab-photos");
    let remove = "[data-photo=\"open day 2.jpg\"] button";
    page.click(remove);
    page.click(remove);
    page.wait_until(
        "the photo is gone",
        "return !document.querySelector('[data-photo=\"open day 2.jpg\"]')",
    );
    assert!(!content.dir.join("photos/open day 2.jpg").exists());
    page.click("#tab-history");
    page.wait_until(
        "the deletion is listed",
        "return document.querySelector('[data-record]')?.textContent.includes('open day 2.jpg') === true",
    );
    page.click("[data-record] button");
    page.wait_until(
        "the undo is done",
        "return document.getElementById('status').textContent.includes('已恢复')",
    );
    assert!(content.dir.join("photos/open day 2.jpg").is_file());

    // The screens sharing the folder: the kiosk reports itself there; Publish marks the
    // folder's present state as the one every screen takes whole.
    page.click("#tab-screens");
    page.wait_until(
        "the kiosk is listed with its counts chart",
        "return document.querySelectorAll('table.screens [data-screen], table.screens tr[data-screen]').length === 1
           && !!document.querySelector('svg.chart rect')",
    );
    page.screenshot("editor-1920x1080-zh-screens");
    page.click("#publish");
    page.wait_until(
        "published",
        "return document.getElementById('status').textContent.includes('已发布')",
    );
    let manifest = std::fs::read_to_string(content.dir.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"revision\""), "{manifest}");
}

#[test]
fn a_highlight_is_added_with_the_keyboard_alone_and_axe_finds_no_serious_problem() {
    let content = ContentCopy::of_defaults("editor-keyboard");
    let page = EditorPage::open(&content.dir, 1366, 768);
    let mut problems = Vec::new();
    for tab in [
        "highlights",
        "photos",
        "contacts",
        "settings",
        "screens",
        "history",
    ] {
        page.click(&format!("#tab-{tab}"));
        page.wait_until("the tab is drawn", &format!("return document.getElementById('tab-{tab}').getAttribute('aria-selected') === 'true'"));
        problems.extend(
            page.accessibility_problems()
                .into_iter()
                .map(|p| format!("{tab}: {p}")),
        );
    }
    page.click("#tab-highlights");

    // Tab to "add a highlight", Enter, then fill it in field by field.
    let tab_until = |what: &str, script: &str| {
        for _ in 0..120 {
            if page.js(script) == json!(true) {
                return;
            }
            page.press_keys(&TAB.to_string());
        }
        panic!("Tab never reached {what}");
    };
    tab_until(
        "the add button",
        "return document.activeElement?.matches('fieldset[data-field=\"highlights\"] > button.add') === true",
    );
    page.press_keys(&ENTER.to_string());
    let at = |path: &str, lang: &str| {
        format!(
            "const a = document.activeElement;
             return a?.closest('[data-field]')?.dataset.field === '{path}' && (a.lang || '') === '{lang}';"
        )
    };
    page.wait_until(
        "the new highlight's first field has the focus",
        &at("highlights[0].id", ""),
    );
    page.select_all_and_delete();
    page.press_keys("keyboard-day");
    for (path, lang, text) in [
        ("highlights[0].title", "zh-Hans", "键盘日"),
        ("highlights[0].title", "en", "Keyboard day"),
        ("highlights[0].summary", "zh-Hans", "只用键盘。"),
        ("highlights[0].summary", "en", "Keyboard only."),
        ("highlights[0].body", "zh-Hans", "只用键盘添加。"),
        ("highlights[0].body", "en", "Added with the keyboard only."),
    ] {
        tab_until(path, &at(path, lang));
        page.press_keys(text);
    }
    page.wait_until(
        "Save is on",
        "return !document.getElementById('save').disabled",
    );
    save_with_the_keyboard(&page);
    let saved = std::fs::read_to_string(content.dir.join("highlights.json")).unwrap();
    assert!(
        saved.contains("\"id\": \"keyboard-day\"") && saved.contains("Keyboard day"),
        "{saved}"
    );

    // Text too long for the slide is shrunk, and the editor says so.
    page.type_into(
        &field("highlights[0].summary", "textarea[lang=\"zh-Hans\"]"),
        &"键盘".repeat(400),
    );
    page.wait_until(
        "the preview says the text had to shrink",
        "const note = document.getElementById('preview-fit');
         return !note.hidden && /缩小|放不下/.test(note.textContent);",
    );
    page.screenshot("editor-1366x768-zh-text-too-long");
    page.select_all_and_delete();
    page.press_keys("只用键盘。");

    // Screenshots: both languages, an office laptop and a desktop screen.
    page.screenshot("editor-1366x768-zh-highlights");
    page.click("[data-lang=\"en\"]");
    page.wait_until(
        "English",
        "return document.getElementById('save').textContent === 'Save'",
    );
    page.screenshot("editor-1366x768-en-highlights");
    page.session.set_window_size(1920, 1080).unwrap();
    page.click("#tab-photos");
    page.screenshot("editor-1920x1080-en-photos");
    page.click("[data-lang=\"zh\"]");
    page.click("#tab-settings");
    page.screenshot("editor-1920x1080-zh-settings");

    // Opening hours as a week: Monday gets its opening times, and the grid is accessible.
    page.click("[data-field=\"openingHours\"] button.add");
    page.wait_until(
        "the week is drawn",
        "return !!document.querySelector('table.week')",
    );
    page.click("tr[data-field=\"openingHours.monday\"] button.small");
    page.wait_until(
        "Monday has its times",
        "return document.querySelectorAll('tr[data-field=\"openingHours.monday\"] input.time').length === 2",
    );
    problems.extend(
        page.accessibility_problems()
            .into_iter()
            .map(|p| format!("hours: {p}")),
    );
    page.js("document.querySelector('fieldset.hours').scrollIntoView({ block: 'center' })");
    page.screenshot("editor-1920x1080-zh-opening-hours");
    // A choice is written as the file's own kind of value: false, not "false".
    page.click("[data-field=\"photoMotion\"] option[value=\"false\"]");
    save_with_the_keyboard(&page);
    let settings = std::fs::read_to_string(content.dir.join("settings.json")).unwrap();
    assert!(
        settings.contains("\"monday\": [\"09:00-17:00\"]"),
        "{settings}"
    );
    assert!(settings.contains("\"photoMotion\": false"), "{settings}");

    page.session
        .navigate(&format!("{}/login", page.base))
        .unwrap();
    page.wait_until("the login page", "return !!document.getElementById('pin')");
    problems.extend(
        page.accessibility_problems()
            .into_iter()
            .map(|p| format!("login: {p}")),
    );
    page.screenshot("editor-1366x768-login");
    assert!(problems.is_empty(), "axe-core found: {problems:#?}");
}

#[test]
fn the_office_editor_asks_for_the_pin_and_five_wrong_ones_lock_it() {
    let content = lighthouse_e2e::staff::content_with_pin("editor-office");
    let page = EditorPage::open_office(&content.dir, 1366, 768);
    assert_eq!(page.accessibility_problems(), Vec::<String>::new());
    // The right PIN opens the editor.
    page.type_into("#pin", &format!("{}{ENTER}", lighthouse_e2e::staff::PIN));
    page.wait_until(
        "the editor is open",
        "return document.body.dataset.ready === 'true'",
    );
    page.click("#logout");
    page.wait_until(
        "back at the login",
        "return !!document.getElementById('pin')",
    );

    // Five wrong ones lock the door, and then even the right one waits.
    for left in (1..5).rev() {
        page.type_into("#pin", &format!("1111{ENTER}"));
        page.wait_until(
            "the wrong PIN is told",
            &format!("return document.getElementById('login-message').textContent.includes('{left} more')"),
        );
    }
    page.type_into("#pin", &format!("1111{ENTER}"));
    page.wait_until(
        "the login is locked",
        "return document.getElementById('login-message').textContent.includes('5 分钟')",
    );
    page.screenshot("editor-1366x768-login-locked");
    page.type_into("#pin", &format!("{}{ENTER}", lighthouse_e2e::staff::PIN));
    page.wait_until(
        "the right PIN is refused while locked",
        "return document.getElementById('login-message').textContent.includes('5 分钟')
           && location.pathname === '/login'",
    );
}
