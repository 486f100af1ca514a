//! Staff at the screen: the hidden way into the staff panel and its PIN, what the panel
//! says after a broken edit, and its reload; the building's opening hours; the private
//! visitor counts and `stats`.

use lighthouse_e2e::staff::{content_with_pin, open_the_door, staff_text, type_pin, unlock, PIN};
use lighthouse_e2e::{
    kiosk_binary, target_dir, ContentCopy, Kiosk, Screen, Touches, ALL_SCREENS, LANDSCAPE,
};
use serde_json::{json, Value};
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn the_gesture_and_the_pin_open_the_panel_and_five_wrong_pins_lock_it() {
    let content = content_with_pin("staff-pin");
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    // The gesture alone, without the long press, opens nothing.
    let right = f64::from(LANDSCAPE.width) - 30.0;
    kiosk.play_touches(&Touches::swipe((right, 30.0), (right, 30.0), 60, 1, true));
    assert_eq!(
        kiosk.js("return document.getElementById('staff').hidden"),
        json!(true)
    );

    open_the_door(&kiosk);
    kiosk.screenshot("landscape-1920x1080-staff-keypad");
    type_pin(&kiosk, "1111");
    kiosk.wait_until(
        "a wrong PIN is told",
        Duration::from_secs(5),
        "return document.querySelector('.staff-message').textContent.includes('4')",
    );
    assert_eq!(
        kiosk.js_string("return document.getElementById('staff').dataset.stage"),
        "keypad"
    );
    unlock(&kiosk);
    let panel = staff_text(&kiosk);
    assert!(
        panel.contains(content.dir_arg()),
        "the content folder: {panel}"
    );
    assert!(panel.contains("Staff panel"), "{panel}");
    kiosk.tap_on("#staff .close-button");

    // Five wrong PINs lock the panel, even against the right one.
    open_the_door(&kiosk);
    for _ in 0..5 {
        type_pin(&kiosk, "0000");
    }
    kiosk.wait_until(
        "the lock is told",
        Duration::from_secs(5),
        "return document.querySelector('.staff-message').textContent.includes('min')",
    );
    type_pin(&kiosk, PIN);
    // Typing clears the last answer; the answer to this try brings the lock's message back.
    kiosk.wait_until(
        "the right PIN is answered",
        Duration::from_secs(5),
        "return document.querySelector('.staff-message').textContent.includes('min')",
    );
    assert_eq!(
        kiosk.js_string("return document.getElementById('staff').dataset.stage"),
        "keypad"
    );
    assert!(
        staff_text(&kiosk).contains("Locked"),
        "{}",
        staff_text(&kiosk)
    );
}

#[test]
fn the_panel_lists_a_broken_edit_by_file_and_line_and_its_reload_picks_up_the_fix() {
    let content = content_with_pin("staff-panel");
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let good = std::fs::read_to_string(content.dir.join("highlights.json")).unwrap();
    content.write_text(
        "highlights.json",
        &good.replacen("\"id\": \"base-unveiled\",", "\"id\": \"base-unveiled\"", 1),
    );
    kiosk.wait_for_status("the mistake is noticed", Duration::from_secs(10), |s| {
        s["showingOlderContent"] == json!(true)
    });

    open_the_door(&kiosk);
    unlock(&kiosk);
    let panel = staff_text(&kiosk);
    // In both languages: where, what, and how to fix it.
    assert!(
        panel.contains("highlights.json 第 24 行第 7 列：错误：这里应该是逗号"),
        "the problem with its file and line, in Chinese: {panel}"
    );
    assert!(
        panel.contains("highlights.json line 24, column 7: error: a comma, or the closing }"),
        "and in English: {panel}"
    );
    assert!(
        panel.contains("建议：") && panel.contains("hint: "),
        "{panel}"
    );
    kiosk.screenshot("landscape-1920x1080-staff-panel");

    // Fixed behind the watcher's back (a copy that keeps the file's time), then "reload".
    let mut fixed: Value = serde_json::from_str(&good).unwrap();
    fixed["highlights"][0]["title"]["zh"] = json!("面板重新载入");
    content.write_json("highlights.json", &fixed);
    kiosk.tap_on("[data-act=reload]");
    kiosk.tap_on("#staff .staff-button.is-danger");
    kiosk.wait_until(
        "the panel says the content is fine",
        Duration::from_secs(10),
        "return document.getElementById('staff').textContent.includes('The content is fine')",
    );
    kiosk.tap_on("#staff .close-button");
    kiosk.wait_until(
        "the fix is on screen",
        Duration::from_secs(10),
        "return document.querySelector('.slide.is-current .title .primary')?.textContent === '面板重新载入'",
    );
}

/// Open every day 09:00-18:00, black outside.
fn content_with_hours(name: &str) -> ContentCopy {
    let content = ContentCopy::of_defaults(name);
    let mut settings = content.read_json("settings.json");
    let day = json!(["09:00-18:00"]);
    settings["openingHours"] = json!({
        "monday": day, "tuesday": day, "wednesday": day, "thursday": day,
        "friday": day, "saturday": day, "sunday": day, "whenClosed": "black"
    });
    content.write_json("settings.json", &settings);
    content
}

fn resting(kiosk: &Kiosk) -> String {
    kiosk.js_string("return document.getElementById('kiosk').dataset.resting ?? ''")
}

#[test]
fn at_closing_time_the_screen_goes_black_and_a_touch_wakes_it_to_the_hours_and_contacts() {
    let content = content_with_hours("closing");
    let mut settings = content.read_json("settings.json");
    settings["idleSeconds"] = json!(10);
    content.write_json("settings.json", &settings);
    let kiosk = Kiosk::start_with_env(
        LANDSCAPE,
        &["--content", content.dir_arg()],
        &[("LIGHTHOUSE_CLOCK", "2026-11-30T17:59:52")],
    );
    assert_eq!(resting(&kiosk), "", "open at first");
    kiosk.wait_until(
        "the screen rests at 18:00",
        Duration::from_secs(20),
        "return document.getElementById('kiosk').dataset.resting === 'black'",
    );
    kiosk.wait_for_log_line("the building is closed", Duration::from_secs(5));
    kiosk.screenshot("landscape-1920x1080-zh-closed");
    kiosk.tap(LANDSCAPE.width / 2, LANDSCAPE.height / 2);
    kiosk.wait_for_screen("interactive", "closed");
    assert_eq!(resting(&kiosk), "", "awake");
    let card = kiosk.js_string("return document.querySelector('.closed-banner').innerText");
    // Closed at 18:00 on Monday 30 November; open again on Tuesday at 09:00.
    assert!(
        card.contains("现在闭馆") && card.contains("12月1日 星期二 09:00"),
        "{card}"
    );
    assert!(
        card.contains("Opens again Tuesday 1 December at 09:00"),
        "{card}"
    );
    assert!(
        kiosk.js_string("return String(document.querySelectorAll('.screen-closed .qr').length)")
            != "0",
        "the contacts' QR codes are there to take a number away"
    );
    kiosk.screenshot("landscape-1920x1080-zh-closed-card");
    kiosk.wait_until(
        "asleep again after the visitor leaves",
        Duration::from_secs(45),
        "return document.getElementById('kiosk').dataset.resting === 'black'",
    );
}

#[test]
fn at_opening_time_the_slideshow_comes_back_by_itself() {
    let content = content_with_hours("opening");
    let kiosk = Kiosk::start_with_env(
        LANDSCAPE,
        &["--content", content.dir_arg()],
        &[("LIGHTHOUSE_CLOCK", "2026-12-01T08:59:52")],
    );
    kiosk.wait_until(
        "closed at first",
        Duration::from_secs(5),
        "return document.getElementById('kiosk').dataset.resting === 'black'",
    );
    kiosk.wait_until(
        "open at 09:00",
        Duration::from_secs(20),
        "return document.getElementById('kiosk').dataset.resting === '' && document.querySelector('.slide.is-current') !== null",
    );
    let first = kiosk.slide_key();
    kiosk.wait_until(
        "the slideshow moves",
        Duration::from_secs(20),
        &format!("return document.getElementById('stage').dataset.slideKey !== '{first}'"),
    );
}

#[test]
fn a_highlight_with_a_tuesday_morning_window_leaves_the_screen_at_noon() {
    let content = ContentCopy::of_defaults("times");
    let mut highlights = content.read_json("highlights.json");
    let first = &mut highlights["highlights"][0];
    first["times"] = json!([{ "days": ["tue"], "from": "09:00", "until": "12:00" }]);
    let id = first["id"].as_str().unwrap().to_owned();
    content.write_json("highlights.json", &highlights);
    // 2026-12-01 is a Tuesday.
    let kiosk = Kiosk::start_with_env(
        LANDSCAPE,
        &["--content", content.dir_arg()],
        &[("LIGHTHOUSE_CLOCK", "2026-12-01T11:59:45")],
    );
    let card = format!("document.querySelector('.screen-highlights .card[data-item=\"{id}\"]')");
    kiosk.tap(LANDSCAPE.width / 2, LANDSCAPE.height / 2);
    kiosk.wait_for_screen("interactive", "home");
    kiosk.go("highlights");
    kiosk.wait_until(
        "the morning's highlight is listed before noon",
        Duration::from_secs(5),
        &format!("return {card} !== null"),
    );
    kiosk.wait_until(
        "it leaves the list at 12:00, the others stay",
        Duration::from_secs(30),
        &format!("return {card} === null && document.querySelectorAll('.screen-highlights .card').length > 0"),
    );
    kiosk.wait_for_log_line("the items shown change", Duration::from_secs(5));
    let shown: Vec<String> = serde_json::from_value(kiosk.js(
        "return window.__TAURI__.core.invoke('content').then((c) => c.highlights.map((h) => h.id))",
    ))
    .unwrap();
    assert!(
        !shown.contains(&id),
        "the backend leaves it out too: {shown:?}"
    );
}

/// The level of the notice on screen, or false when there is none.
const NOTICE_SHOWN: &str =
    "(() => { const n = document.getElementById('notice'); return !n.hidden && n.dataset.level; })()";

/// Writes notice.json into `content` the way the `notice` command does, checked.
fn put_notice(content: &ContentCopy, extra: &[&str]) {
    let mut args = vec![
        "--content",
        content.dir_arg(),
        "notice",
        "今日因台风闭馆，请改日再来",
        "--en",
        "Closed today because of the typhoon: please come another day",
    ];
    args.extend_from_slice(extra);
    let output = Command::new(kiosk_binary()).args(&args).output().unwrap();
    assert!(output.status.success(), "{output:?}");
}

/// The notice's box and the stage's, and whether the page is wider than the screen.
fn notice_layout(kiosk: &Kiosk) -> Value {
    kiosk.js(
        "const box = (id) => { const r = document.getElementById(id).getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
         return { notice: box('notice'), stage: box('stage'), wide: document.documentElement.scrollWidth > innerWidth };",
    )
}

fn a_notice_over_the_slideshow_and_a_story(screen: Screen) {
    let content = ContentCopy::of_defaults(&format!("notice-{}", screen.name()));
    let kiosk = Kiosk::start(screen, &["--content", content.dir_arg()]);
    assert_eq!(
        kiosk.js(&format!("return {NOTICE_SHOWN}")),
        json!(false),
        "no notice at first"
    );
    let written = Instant::now();
    put_notice(&content, &[]);
    kiosk.wait_until(
        "the band is on screen",
        Duration::from_secs(5),
        &format!("return {NOTICE_SHOWN} === 'info'"),
    );
    println!(
        "{}: the notice was on screen {} ms after it was written",
        screen.name(),
        written.elapsed().as_millis()
    );
    let layout = notice_layout(&kiosk);
    assert!(
        layout["notice"]["bottom"].as_f64() <= layout["stage"]["top"].as_f64(),
        "the band takes room from the stage instead of covering it: {layout}"
    );
    assert_eq!(layout["wide"], json!(false), "{layout}");
    kiosk.screenshot(&format!("{}-zh-notice-attract", screen.name()));

    kiosk.tap(screen.width / 2, screen.height / 2);
    kiosk.wait_for_screen("interactive", "home");
    kiosk.choose_language("en");
    kiosk.go("highlights");
    kiosk.tap_on(".screen-highlights .card");
    kiosk.wait_for_screen("interactive", "story");
    assert_eq!(
        kiosk.js(&format!("return {NOTICE_SHOWN}")),
        json!("info"),
        "still there over a story"
    );
    assert!(
        kiosk.js_string("return document.querySelector('#notice .notice-text .primary').lang")
            == "en",
        "English leads for a visitor who chose it"
    );
    kiosk.screenshot(&format!("{}-en-notice-story", screen.name()));

    put_notice(&content, &["--level", "urgent"]);
    kiosk.wait_until(
        "the notice covers the screen",
        Duration::from_secs(5),
        &format!("return {NOTICE_SHOWN} === 'urgent'"),
    );
    let layout = notice_layout(&kiosk);
    assert_eq!(layout["notice"]["top"].as_f64(), Some(0.0), "{layout}");
    assert_eq!(
        layout["notice"]["bottom"].as_f64(),
        Some(f64::from(screen.height)),
        "{layout}"
    );
    kiosk.screenshot(&format!("{}-en-notice-urgent", screen.name()));

    let cleared = Command::new(kiosk_binary())
        .args(["--content", content.dir_arg(), "notice", "--clear"])
        .output()
        .unwrap();
    assert!(cleared.status.success(), "{cleared:?}");
    kiosk.wait_until(
        "the notice is taken away",
        Duration::from_secs(5),
        &format!("return {NOTICE_SHOWN} === false"),
    );
}

#[test]
fn a_notice_reaches_a_running_kiosk_over_the_slideshow_and_a_story_at_every_size() {
    for screen in ALL_SCREENS {
        a_notice_over_the_slideshow_and_a_story(screen);
    }
}

#[test]
fn a_notice_leaves_the_screen_when_it_ends_and_is_followed_despite_a_broken_file() {
    let content = ContentCopy::of_defaults("notice-ends");
    // Written by hand: `notice` refuses an end already past by this PC's clock, and the
    // kiosk's clock here is driven to that afternoon.
    content.write_json(
        "notice.json",
        &json!({ "text": { "zh": "今日闭馆", "en": "Closed today" }, "until": "2026-07-21T18:00" }),
    );
    let kiosk = Kiosk::start_with_env(
        LANDSCAPE,
        &["--content", content.dir_arg()],
        &[("LIGHTHOUSE_CLOCK", "2026-07-21T17:59:40")],
    );
    kiosk.wait_until(
        "the notice is on at first",
        Duration::from_secs(5),
        &format!("return {NOTICE_SHOWN} === 'info'"),
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while kiosk.status_report().and_then(|s| s.notice).is_none() {
        assert!(Instant::now() < deadline, "the status names the notice");
        std::thread::sleep(Duration::from_millis(200));
    }
    kiosk.wait_until(
        "it is gone at 18:00",
        Duration::from_secs(40),
        &format!("return {NOTICE_SHOWN} === false"),
    );

    // A new notice goes on screen even while another file has a mistake.
    content.write_text("highlights.json", "{ \"highlights\": [");
    std::fs::write(
        content.dir.join("notice.json"),
        r#"{ "text": "台风停业", "level": "urgent" }"#,
    )
    .unwrap();
    kiosk.wait_until(
        "the urgent notice is followed",
        Duration::from_secs(10),
        &format!("return {NOTICE_SHOWN} === 'urgent'"),
    );
    assert!(
        kiosk.status()["showingOlderContent"]
            .as_bool()
            .unwrap_or(false),
        "{}",
        kiosk.status()
    );
}

#[test]
fn a_second_version_kept_by_syncthing_is_named_by_check_and_status() {
    let content = ContentCopy::of_defaults("conflict");
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    // What Syncthing writes when two PCs changed highlights.json at once.
    let copy = "highlights.sync-conflict-20261204-101500-ABCDEFG.json";
    let mut other = content.read_json("highlights.json");
    other["highlights"][0]["title"] = json!("the other edit");
    content.write_json(copy, &other);

    let checked = Command::new(kiosk_binary())
        .args(["check", content.dir_arg(), "--lang", "en"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&checked.stdout);
    assert!(checked.status.success(), "only a warning: {said}");
    assert!(
        said.contains(&format!("highlights.json: warning: two people changed this file at once (2026-12-04 10:15): the screens show this version; the other was kept as {copy}")),
        "{said}"
    );

    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let status = kiosk.status_report();
        if status
            .as_ref()
            .is_some_and(|s| s.content.conflicts == [copy])
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the status names the copy: {status:?}"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
    // The copy's arrival is looked at like a change: the staff panel's problems name it.
    kiosk.wait_for_status(
        "the load names the copy",
        Duration::from_secs(10),
        |status| status.to_string().contains(copy),
    );
    assert_ne!(
        kiosk.current_title(),
        "the other edit",
        "the copy is never shown"
    );
}

#[test]
fn a_scripted_visit_shows_up_in_stats_and_a_damaged_counts_file_is_set_aside() {
    let content = ContentCopy::of_defaults("counts");
    let mut settings = content.read_json("settings.json");
    settings["idleSeconds"] = json!(10);
    content.write_json("settings.json", &settings);
    // A counts file that was cut short: set aside, and counting starts afresh.
    let data = lighthouse_e2e::target_dir().join(format!("e2e-counts-data-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(data.join("lighthouse-kiosk")).unwrap();
    std::fs::write(
        data.join("lighthouse-kiosk/counts.json"),
        "{\"days\": {\"2026-1",
    )
    .unwrap();
    let data_arg = data.to_string_lossy().into_owned();
    let kiosk = Kiosk::start_with_env(
        LANDSCAPE,
        &["--content", content.dir_arg()],
        &[("XDG_DATA_HOME", &data_arg)],
    );
    kiosk.wait_for_log_line("counting starts afresh", Duration::from_secs(5));
    let aside = std::fs::read_dir(data.join("lighthouse-kiosk"))
        .unwrap()
        .flatten()
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("counts.json.damaged-")
        });
    assert!(aside, "the damaged file was kept aside");

    // A visit: three screens, English, then walking away.
    kiosk.tap(LANDSCAPE.width / 2, LANDSCAPE.height / 2);
    kiosk.wait_for_screen("interactive", "home");
    kiosk.tap_on(".nav-button[data-screen=highlights]");
    kiosk.tap_on(".card[data-item=patent-awards]");
    kiosk.wait_for_screen("interactive", "story");
    kiosk.tap_on(".language-button[data-lang=en]");
    kiosk.go("contact");
    kiosk.wait_until(
        "the visit ends",
        Duration::from_secs(40),
        "return document.getElementById('kiosk').dataset.mode === 'attract'",
    );

    // On disk within a quarter of a minute, so a kiosk killed now loses nothing of it.
    let counts_file = data.join("lighthouse-kiosk/counts.json");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = std::fs::read_to_string(&counts_file).unwrap_or_default();
        if text.contains("\"visits\": 1") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the visit never reached the counts file:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
    // And in the status, for the editor's Screens tab (today's counts among the last days').
    let deadline = Instant::now() + Duration::from_secs(25);
    loop {
        let status = kiosk.status_report();
        let visits = status
            .as_ref()
            .and_then(|s| s.days.values().last())
            .map_or(0, |day| day.visits);
        if visits == 1 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the visit never reached the status"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
    let killed = kiosk.pids_named("lighthouse-kio");
    Command::new("kill")
        .arg("-KILL")
        .args(killed.iter().map(u32::to_string))
        .status()
        .unwrap();
    drop(kiosk);

    let stats = Command::new(kiosk_binary())
        .args(["stats", "--format", "json", "--counts-file"])
        .arg(&counts_file)
        .output()
        .unwrap();
    let days: Value = serde_json::from_slice(&stats.stdout).expect("stats prints JSON");
    let day = days
        .as_object()
        .unwrap()
        .values()
        .next()
        .expect("one day counted");
    assert_eq!(day["visits"], 1);
    assert_eq!(day["screens"]["highlights"], 1);
    assert_eq!(day["screens"]["story:patent-awards"], 1);
    assert_eq!(day["screens"]["contact"], 1);
    assert_eq!(day["codesShown"], 1);
    assert_eq!(day["languages"]["en"], 1);
    assert!(day["visitSeconds"].as_u64().unwrap() >= 1, "{day}");
    let table = Command::new(kiosk_binary())
        .args(["stats", "--counts-file"])
        .arg(&counts_file)
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(table.contains("story:patent-awards"), "{table}");
    // Kept beside the screenshots, to be read as staff would see it.
    let _ = std::fs::write(
        target_dir().join("e2e-screenshots/stats-after-a-scripted-visit.txt"),
        table.as_bytes(),
    );
    let _ = std::fs::remove_dir_all(data);
}
