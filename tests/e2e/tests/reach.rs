//! Reach mode, for a visitor in a wheelchair (or a child): at every screen size, in both
//! languages, every control a visitor needs is within reach (on a tall screen: in its lower
//! 40 %, measured from the elements' boxes), text is at least 1.4x larger and at WCAG AAA
//! contrast (axe-core), nothing sticks out, and the mode ends with the visit. Screenshots:
//! `target/e2e-screenshots/<orientation>-<size>-reach-<language>-<screen>.png`.

use lighthouse_e2e::{ContentCopy, Kiosk, Screen, ALL_SCREENS, OUT_OF_PLACE};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// Every control a visitor can see now whose box starts above the lower 40 % of the
/// screen. Slides behind the current one and controls scrolled out of their list's view
/// are not seen.
const OUT_OF_REACH: &str = "
  const line = innerHeight * 0.6;
  const out = [];
  for (const e of document.querySelectorAll('#kiosk button')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || e.closest('[hidden], #staff, .slide:not(.is-current)')) continue;
    if (getComputedStyle(e).visibility === 'hidden') continue;
    const scroller = e.closest('.scroll')?.getBoundingClientRect();
    if (scroller && (r.bottom <= scroller.top || r.top >= scroller.bottom)) continue;
    if (r.top < line - 1) out.push(`${e.className} (${e.textContent.slice(0, 20)}) at y ${Math.round(r.top)}`);
  }
  return out;";

/// The font size (px) of the first element matching the selector in `arguments[0]`.
const FONT_SIZE: &str = "
  const e = document.querySelector(arguments[0]);
  return e ? parseFloat(getComputedStyle(e).fontSize) : null;";

fn font_size(kiosk: &Kiosk, selector: &str) -> f64 {
    kiosk
        .session
        .execute_with(FONT_SIZE, json!([selector]))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or_else(|| panic!("nothing on screen matches {selector}"))
}

/// The sizes of a story's body text and the bar's labels, with reach mode as it is.
fn text_sizes(kiosk: &Kiosk) -> [f64; 2] {
    [
        font_size(kiosk, ".story-body"),
        font_size(kiosk, ".nav-label"),
    ]
}

fn reach_on(kiosk: &Kiosk) -> bool {
    kiosk.js("return document.documentElement.hasAttribute('data-reach')") == json!(true)
}

fn check_and_shoot(kiosk: &Kiosk, screen: Screen, lang: &str, name: &str) {
    kiosk.wait_until(
        "the screen has settled",
        Duration::from_secs(5),
        "return document.querySelectorAll('.slide').length <= 1
           && [...document.images].every((img) => img.complete)",
    );
    let what = format!("{name} in {lang} on {}", screen.name());
    assert!(reach_on(kiosk), "reach mode is still on: {what}");
    if screen.height > screen.width {
        assert_eq!(kiosk.js(OUT_OF_REACH), json!([]), "out of reach: {what}");
    }
    assert_eq!(kiosk.js(OUT_OF_PLACE), json!([]), "out of place: {what}");
    assert_eq!(
        kiosk.aaa_contrast_problems(),
        Vec::<String>::new(),
        "contrast: {what}"
    );
    kiosk.screenshot(&format!("{}-reach-{lang}-{name}", screen.name()));
}

fn visit(screen: Screen) {
    let content = ContentCopy::for_a_tour("reach");
    let kiosk = Kiosk::start(screen, &["--content", content.dir_arg()]);
    kiosk.wait_until(
        "the photos are ready",
        Duration::from_secs(30),
        "return Number(document.getElementById('stage').dataset.slideCount ?? 0) >= 7",
    );
    kiosk.tap(screen.width / 2, screen.height / 2);
    kiosk.wait_for_screen("interactive", "home");
    kiosk.go("highlights");
    kiosk.tap_on(".card");
    kiosk.wait_for_screen("interactive", "story");
    let before = text_sizes(&kiosk);

    kiosk.tap_on(".reach-button");
    kiosk.wait_until(
        "reach mode is on",
        Duration::from_secs(5),
        "return document.documentElement.hasAttribute('data-reach')",
    );
    let after = text_sizes(&kiosk);
    for (which, (b, a)) in ["story text", "bar labels"]
        .iter()
        .zip(before.iter().zip(after))
    {
        assert!(
            a >= b * 1.4 - 0.01,
            "{which} on {}: {b} px, {a} px in reach mode (not 1.4x)",
            screen.name()
        );
    }
    assert_eq!(
        kiosk.js("return document.querySelector('.reach-button').getAttribute('aria-pressed')"),
        json!("true")
    );

    for lang in ["zh", "en"] {
        kiosk.choose_language(lang);
        kiosk.go("home");
        check_and_shoot(&kiosk, screen, lang, "home");
        for (button, name) in lighthouse_e2e::EVERY_SCREEN {
            kiosk.tap_on(button);
            kiosk.wait_for_screen("interactive", name);
            check_and_shoot(&kiosk, screen, lang, name);
        }
        kiosk.wait_until(
            "the countdown begins",
            Duration::from_secs(15),
            "return document.getElementById('kiosk').dataset.mode === 'countdown'",
        );
        check_and_shoot(&kiosk, screen, lang, "countdown");
        if lang == "zh" {
            kiosk.tap_on(".countdown-button");
            kiosk.wait_for_screen("interactive", "contact");
        }
    }

    // Left alone, the slideshow returns and reach mode ends with the visit.
    kiosk.wait_until(
        "the slideshow is back",
        Duration::from_secs(25),
        "return document.getElementById('kiosk').dataset.mode === 'attract'",
    );
    assert!(!reach_on(&kiosk), "reach mode ended with the visit");
    let slideshow_size = font_size(&kiosk, ".slide.is-current .title .primary");
    kiosk.tap(screen.width / 2, screen.height / 2);
    kiosk.wait_for_screen("interactive", "home");
    assert_eq!(
        kiosk.js("return document.querySelector('.reach-button').getAttribute('aria-pressed')"),
        json!("false"),
        "the next visitor starts without it"
    );
    assert!(font_size(&kiosk, ".slide.is-current .title .primary") <= slideshow_size + 0.01);

    // Counted like a screen, nothing about who.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let counts: Value = std::fs::read_to_string(kiosk.counts_file())
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or(Value::Null);
        let reached = counts["days"]
            .as_object()
            .into_iter()
            .flat_map(|days| days.values())
            .filter_map(|day| day["screens"]["reach"].as_u64())
            .sum::<u64>();
        if reached == 1 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "reach mode was not counted once: {counts}"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
}

#[test]
fn reach_mode_brings_everything_within_reach_at_every_size() {
    for screen in ALL_SCREENS {
        visit(screen);
    }
}
