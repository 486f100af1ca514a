//! What a person standing at the kiosk sees and does, checked on the real app.

use lighthouse_e2e::{
    default_content, process::group_is_alive, text_in, ContentCopy, Kiosk, Screen, LANDSCAPE,
    PORTRAIT,
};
use serde_json::json;
use std::time::Duration;

/// The text of the current slide's title in the default language.
const CURRENT_TITLE: &str =
    "return document.querySelector('.slide.is-current .title .primary')?.textContent ?? ''";

fn default_language() -> String {
    default_content("settings.json")["defaultLanguage"]
        .as_str()
        .expect("defaultLanguage is a string")
        .to_owned()
}

#[test]
fn the_first_slide_shows_the_first_highlight_of_the_default_content() {
    let highlights = default_content("highlights.json");
    let first = &highlights["highlights"][0];
    let kiosk = Kiosk::start(LANDSCAPE, &[]);

    assert_eq!(
        kiosk.slide_key(),
        format!("highlight:{}", first["id"].as_str().unwrap())
    );
    assert_eq!(
        kiosk.js_string(CURRENT_TITLE),
        text_in(&first["title"], &default_language())
    );
    let english = kiosk.js_string(
        "return document.querySelector('.slide.is-current .title .secondary')?.textContent ?? ''",
    );
    assert_eq!(english, text_in(&first["title"], "en"));
}

#[test]
fn the_window_covers_the_whole_screen_in_both_orientations() {
    for screen in [LANDSCAPE, PORTRAIT] {
        let kiosk = Kiosk::start(screen, &[]);
        let size = kiosk.js("return [window.innerWidth, window.innerHeight]");
        assert_eq!(
            size,
            json!([screen.width, screen.height]),
            "window size on a {} screen",
            screen.name()
        );
        kiosk.screenshot(&format!("{}-first-slide", screen.name()));
    }
}

#[test]
fn slides_advance_by_themselves() {
    let content = ContentCopy::of_defaults("advance");
    let mut settings = content.read_json("settings.json");
    settings["slideSeconds"] = json!(3);
    content.write_json("settings.json", &settings);
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);

    let first = kiosk.slide_key();
    kiosk.wait_until(
        "the slideshow moves on without any input",
        Duration::from_secs(10),
        &format!("return document.getElementById('stage').dataset.slideKey !== '{first}'"),
    );
    let highlights = content.read_json("highlights.json");
    let second = highlights["highlights"][1]["id"].as_str().unwrap();
    assert_eq!(kiosk.slide_key(), format!("highlight:{second}"));
}

#[test]
fn the_first_tap_wakes_the_kiosk_on_the_slide_that_was_up() {
    let kiosk = Kiosk::start(LANDSCAPE, &[]);
    assert_eq!(kiosk.mode(), "attract");
    let slide = kiosk.slide_key();
    assert_eq!(
        kiosk.js("return getComputedStyle(document.getElementById('nav')).display"),
        json!("none"),
        "no bar while nobody uses the kiosk"
    );
    kiosk.tap(LANDSCAPE.width / 2, LANDSCAPE.height / 2);
    kiosk.wait_for_screen("interactive", "home");
    assert_eq!(kiosk.slide_key(), slide, "the tap did not skip the slide");
    assert_ne!(
        kiosk.js("return getComputedStyle(document.getElementById('nav')).display"),
        json!("none"),
        "the bar is there"
    );
}

/// Every slide of the default content, in both orientations: it fits the screen, and a
/// screenshot of it is saved for people to look at. A visitor steps through them (as the
/// slideshow would, but without waiting), so each also has its "read more" button.
#[test]
fn every_slide_fits_the_screen_in_both_orientations() {
    for screen in [LANDSCAPE, PORTRAIT] {
        check_every_slide_fits(screen);
    }
}

fn check_every_slide_fits(screen: Screen) {
    let kiosk = Kiosk::start(screen, &[]);
    kiosk.tap(screen.width / 2, screen.height / 2);
    kiosk.wait_for_screen("interactive", "home");
    let count = kiosk
        .js("return Number(document.getElementById('stage').dataset.slideCount ?? 0)")
        .as_u64()
        .expect("a number of slides");
    let highlights = default_content("highlights.json")["highlights"]
        .as_array()
        .unwrap()
        .len() as u64;
    assert_eq!(count, highlights + 1, "every highlight and the contacts");

    for index in 0..count {
        kiosk.wait_until(
            &format!("slide {index} is on screen"),
            Duration::from_secs(5),
            &format!("return document.getElementById('stage').dataset.slideIndex === '{index}' && document.querySelectorAll('.slide').length === 1"),
        );
        let key = kiosk.slide_key();
        // Nothing may stick out of the slide: the text fits or was scaled down to fit.
        let overflow = kiosk.js("const slide = document.querySelector('.slide.is-current');
             const box = slide.getBoundingClientRect();
             const out = [...slide.querySelectorAll('*')].filter((e) => {
               const r = e.getBoundingClientRect();
               return r.width > 0 && (r.top < box.top - 1 || r.bottom > box.bottom + 1 ||
                                      r.left < box.left - 1 || r.right > box.right + 1);
             });
             return out.map((e) => e.className + ': ' + e.textContent.slice(0, 40));");
        assert_eq!(overflow, json!([]), "{key} overflows on {}", screen.name());
        kiosk.screenshot(&format!(
            "{}-{index:02}-{}",
            screen.name(),
            key.replace(':', "-")
        ));
        kiosk.tap_on("#home-stepper .stepper-forward");
    }
}

#[test]
fn closing_the_kiosk_leaves_no_process_behind() {
    let kiosk = Kiosk::start(LANDSCAPE, &[]);
    let groups = kiosk.process_groups();
    assert!(groups.iter().all(|&pgid| group_is_alive(pgid)));
    drop(kiosk);
    for pgid in groups {
        assert!(!group_is_alive(pgid), "process group {pgid} still running");
    }
}
