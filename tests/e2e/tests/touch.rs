//! The UI with real fingers, in Chromium: its WebDriver delivers touch actions as Touch
//! Events and Pointer Events of type "touch", as a touch screen does. And every screen
//! checked with axe-core for accessibility.

use lighthouse_e2e::{Browser, ContentCopy, LANDSCAPE};
use serde_json::json;

/// The default content with two photos in the gallery and a short idle time.
fn content(name: &str) -> ContentCopy {
    let content = ContentCopy::of_defaults_with_photos(
        name,
        json!([
        { "file": "one.jpg", "caption": { "zh": "测试照片", "en": "Test photograph" }, "credit": "Pillow test images" },
        { "file": "two.jpg", "caption": { "zh": "测试照片（副本）", "en": "Test photograph (a copy)" } }
        ]),
    );
    let mut settings = content.read_json("settings.json");
    settings["idleSeconds"] = json!(10);
    content.write_json("settings.json", &settings);
    content
}

fn screen(browser: &Browser) -> String {
    browser
        .js("return document.getElementById('stage').dataset.screen")
        .as_str()
        .unwrap()
        .to_owned()
}

fn wait_for_screen(browser: &Browser, name: &str) {
    browser.wait_until(
        &format!("the {name} screen"),
        &format!("return document.getElementById('stage').dataset.screen === '{name}' && document.getElementById('kiosk').dataset.mode !== 'attract'"),
    );
}

#[test]
fn real_fingers_tap_swipe_pinch_and_double_tap_each_once() {
    let content = content("chromium-fingers");
    let browser = Browser::open(LANDSCAPE, &content.dir);
    let (w, h) = (f64::from(LANDSCAPE.width), f64::from(LANDSCAPE.height));
    browser.fingers(&[&[(w / 2.0, h / 2.0, 0), (w / 2.0, h / 2.0, 60)]]);
    wait_for_screen(&browser, "home");

    // What arrives is real touch input (the test itself looks at the pointer type). Chromium
    // reports a finger as a pointer, and also as a touch once the page has settled; either
    // way it must count once.
    browser.js(
        "window.__fingers = { touchstart: 0, touchPointers: 0 };
         document.addEventListener('touchstart', () => window.__fingers.touchstart++, true);
         document.addEventListener('pointerdown', (e) => { if (e.pointerType === 'touch') window.__fingers.touchPointers++; }, true);",
    );
    // One tap is one step, though the engine reported the finger twice.
    let index =
        |b: &Browser| b.js("return Number(document.getElementById('stage').dataset.slideIndex)");
    let before = index(&browser);
    browser.tap_on("#home-stepper .stepper-forward");
    browser.wait_until(
        "the next slide",
        &format!("return Number(document.getElementById('stage').dataset.slideIndex) !== {before}"),
    );
    assert_eq!(index(&browser), json!(before.as_u64().unwrap() + 1));
    let fingers = browser.js("return window.__fingers");
    assert_eq!(
        fingers["touchPointers"],
        json!(1),
        "a finger, not a mouse: {fingers}"
    );
    assert!(fingers["touchstart"].as_u64() <= Some(1), "{fingers}");

    // A long press on a card opens nothing; a swipe over the list opens nothing either.
    browser.tap_on(".nav-button[data-screen=highlights]");
    wait_for_screen(&browser, "highlights");
    let (x, y) = browser.centre_of(".card");
    browser.fingers(&[&[(x, y, 0), (x, y, 1200)]]);
    browser.fingers(&[&[(x, y, 0), (x - 400.0, y, 250)]]);
    assert_eq!(screen(&browser), "highlights");

    // A story, swiped left: the next one.
    browser.tap_on(".card");
    wait_for_screen(&browser, "story");
    let first = browser.js("return document.querySelector('[data-swipe]').dataset.item");
    browser.fingers(&[&[
        (1500.0, 600.0, 0),
        (1100.0, 610.0, 120),
        (700.0, 620.0, 120),
    ]]);
    browser.wait_until(
        "the next story",
        &format!("return document.querySelector('[data-swipe]')?.dataset.item !== {first}"),
    );
    assert_eq!(screen(&browser), "story", "the swipe was not also a tap");

    // A photo, pinched open with two fingers, and a double tap back.
    browser.tap_on(".nav-button[data-screen=photos]");
    wait_for_screen(&browser, "photos");
    browser.tap_on(".thumb");
    wait_for_screen(&browser, "viewer");
    let (cx, cy) = browser.centre_of(".viewer-frame");
    browser.fingers(&[
        &[(cx - 60.0, cy, 0), (cx - 150.0, cy, 300)],
        &[(cx + 60.0, cy, 0), (cx + 150.0, cy, 300)],
    ]);
    let zoom: f64 = browser
        .js("return Number(document.getElementById('stage').dataset.zoom)")
        .as_f64()
        .unwrap();
    assert!((2.4..=2.6).contains(&zoom), "pinched to 2.5x: {zoom}");
    browser.fingers(&[&[(cx, cy, 0), (cx, cy, 40)]]);
    browser.fingers(&[&[(cx, cy, 0), (cx, cy, 40)]]);
    assert_eq!(
        browser.js("return document.getElementById('stage').dataset.zoom"),
        json!("1.00")
    );
    assert_eq!(screen(&browser), "viewer");
    assert_eq!(
        browser.js("return window.visualViewport.scale"),
        json!(1),
        "the page itself never zoomed"
    );
}

#[test]
fn no_screen_has_a_serious_or_critical_accessibility_problem() {
    let content = content("chromium-axe");
    let browser = Browser::open(LANDSCAPE, &content.dir);
    let mut problems = Vec::new();
    let mut check = |name: &str, browser: &Browser| {
        for problem in browser.accessibility_problems() {
            problems.push(format!("{name}: {problem}"));
        }
    };
    check("attract", &browser);
    let (w, h) = (f64::from(LANDSCAPE.width), f64::from(LANDSCAPE.height));
    browser.fingers(&[&[(w / 2.0, h / 2.0, 0), (w / 2.0, h / 2.0, 60)]]);
    wait_for_screen(&browser, "home");
    for lang in ["zh", "en"] {
        if lang == "en" {
            browser.tap_on(".language-button[data-lang=en]");
        }
        check(&format!("{lang} home"), &browser);
        for (button, name) in lighthouse_e2e::EVERY_SCREEN {
            browser.tap_on(button);
            wait_for_screen(&browser, name);
            check(&format!("{lang} {name}"), &browser);
        }
    }
    browser.wait_until(
        "the countdown",
        "return document.getElementById('kiosk').dataset.mode === 'countdown'",
    );
    check("countdown", &browser);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
