//! A visitor at the real kiosk: waking it, finding a highlight and reading all of it,
//! switching the language, swiping and zooming with fingers, taking a number away by QR
//! code, and walking off.

use lighthouse_core::contact_codes::tel_uri;
use lighthouse_e2e::{default_content, text_in, ContentCopy, Kiosk, Touches, LANDSCAPE};
use serde_json::{json, Value};
use std::time::Duration;

/// The kiosk woken by a first tap, on `args`' content.
fn woken(args: &[&str]) -> Kiosk {
    let kiosk = Kiosk::start(LANDSCAPE, args);
    kiosk.tap(LANDSCAPE.width / 2, LANDSCAPE.height / 2);
    kiosk.wait_for_screen("interactive", "home");
    kiosk
}

fn text(kiosk: &Kiosk, selector: &str) -> String {
    kiosk.js_string(&format!(
        "return document.querySelector({})?.textContent ?? ''",
        json!(selector)
    ))
}

#[test]
fn every_bar_entry_opens_its_screen_and_a_highlight_its_whole_story() {
    let kiosk = woken(&[]);
    for screen in ["highlights", "contact", "home"] {
        kiosk.tap_on(&format!(".nav-button[data-screen={screen}]"));
        kiosk.wait_for_screen("interactive", screen);
    }
    assert_eq!(
        kiosk.js("return document.querySelector('.nav-button[data-screen=photos]') === null"),
        json!(true),
        "no Photos entry when the content has no photos"
    );

    let highlights = default_content("highlights.json");
    let patent = highlights["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["quote"].is_object())
        .expect("a highlight with a quote");
    let id = patent["id"].as_str().unwrap();
    kiosk.go("highlights");
    kiosk.tap_on(&format!(".card[data-item={id}]"));
    kiosk.wait_for_screen("interactive", "story");
    assert_eq!(
        text(&kiosk, ".story-title"),
        text_in(&patent["title"], "zh")
    );
    assert_eq!(
        text(&kiosk, ".story-body"),
        text_in(&patent["body"], "zh"),
        "the whole body"
    );
    let figures = kiosk.js("return document.querySelectorAll('.story-figures .figure').length");
    assert_eq!(figures, json!(patent["figures"].as_array().unwrap().len()));
    let quote = text(&kiosk, ".story .quote");
    assert!(
        quote.contains(&text_in(&patent["quote"]["text"], "zh")),
        "{quote}"
    );
    assert!(
        quote.contains(&text_in(&patent["quote"]["name"], "zh")),
        "{quote}"
    );
    assert!(
        quote.contains(&text_in(&patent["quote"]["role"], "zh")),
        "{quote}"
    );
    let source = text(&kiosk, ".story-source");
    assert!(
        source.contains("Zoey") && source.contains("Deng Guoshen"),
        "{source}"
    );
}

#[test]
fn the_language_switch_changes_every_text_on_screen_at_once() {
    let kiosk = woken(&[]);
    kiosk.go("highlights");
    assert_eq!(text(&kiosk, ".screen-title"), "亮点");
    kiosk.tap_on(".language-button[data-lang=en]");
    kiosk.wait_until(
        "English leads",
        Duration::from_secs(5),
        "return document.getElementById('stage').dataset.lang === 'en'",
    );
    assert_eq!(text(&kiosk, ".screen-title"), "Highlights");
    assert_eq!(text(&kiosk, ".nav-button[data-screen=contact]"), "Contact");
    let first = &default_content("highlights.json")["highlights"][0];
    assert_eq!(text(&kiosk, ".card-title"), text_in(&first["title"], "en"));
    let title = default_content("settings.json")["title"]["en"].clone();
    assert_eq!(
        text(&kiosk, ".masthead-title .primary"),
        title.as_str().unwrap()
    );
    // Nothing a visitor reads on the screen is in Chinese any more, except the switch's own
    // name for Chinese and the lines that follow the English as its second language.
    let chinese = kiosk.js("return [...document.querySelectorAll('.stage *, .nav *')]
           .filter((e) => !e.closest('[hidden]') && !e.closest('.secondary'))
           .filter((e) => e.children.length === 0 && /[\\u4e00-\\u9fff]/.test(e.textContent))
           .filter((e) => !e.closest('.language-button'))
           .map((e) => e.textContent)");
    assert_eq!(chinese, json!([]));
}

#[test]
fn left_alone_the_kiosk_counts_down_and_returns_to_the_slideshow_in_the_default_language() {
    let content = ContentCopy::of_defaults("idle");
    let mut settings = content.read_json("settings.json");
    settings["idleSeconds"] = json!(10);
    content.write_json("settings.json", &settings);
    let kiosk = woken(&["--content", content.dir_arg()]);
    kiosk.tap_on(".language-button[data-lang=en]");
    kiosk.go("contact");

    kiosk.wait_until(
        "the countdown is shown",
        Duration::from_secs(15),
        "return document.getElementById('kiosk').dataset.mode === 'countdown'",
    );
    let seconds = text(&kiosk, ".countdown-seconds");
    assert!(
        ["20", "19"].contains(&seconds.as_str()),
        "counts down from 20: {seconds}"
    );
    // A touch keeps the visitor where they were.
    kiosk.tap(100, 300);
    kiosk.wait_for_screen("interactive", "contact");

    kiosk.wait_until(
        "the slideshow is back",
        Duration::from_secs(40),
        "return document.getElementById('kiosk').dataset.mode === 'attract'",
    );
    assert_eq!(kiosk.screen_name(), "home");
    assert_eq!(
        kiosk.js_string("return document.getElementById('stage').dataset.lang"),
        "zh"
    );
    assert_eq!(
        kiosk.js_string("return document.querySelector('.masthead-title .primary').lang"),
        "zh-Hans"
    );
}

#[test]
fn every_phone_number_has_a_qr_code_that_reads_as_its_tel_link() {
    let kiosk = woken(&[]);
    kiosk.go("contact");
    kiosk.wait_until(
        "the codes are drawn",
        Duration::from_secs(5),
        "return document.querySelectorAll('.contact-phone svg.qr').length > 0",
    );
    let contacts = default_content("contacts.json");
    let numbers: Vec<String> = contacts["entries"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["phones"].as_array().unwrap().iter())
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    let shown = kiosk.js(
        "return [...document.querySelectorAll('.contact-phone')].map((phone) => {
           const r = phone.querySelector('svg.qr').getBoundingClientRect();
           return [phone.querySelector('.contact-number').textContent, r.left, r.top, r.width, r.height];
         })",
    );
    let shown = shown.as_array().unwrap();
    assert_eq!(
        shown
            .iter()
            .map(|s| s[0].as_str().unwrap())
            .collect::<Vec<_>>(),
        numbers,
        "every number of the content, in order"
    );
    let path = kiosk.screenshot("landscape-1920x1080-qr-check");
    let screen = image::open(&path).unwrap().to_luma8();
    for row in shown {
        let number = row[0].as_str().unwrap();
        let read = read_qr(&screen, &row.as_array().unwrap()[1..]);
        assert_eq!(read, tel_uri(number), "the code beside {number} calls it");
        assert!(read.starts_with("tel:+86-757-"), "{read}");
    }
    // The code that saves every number: a vCard with each of them.
    let card = kiosk.js(
        "const r = document.querySelector('svg.qr-card').getBoundingClientRect();
         return [r.left, r.top, r.width, r.height]",
    );
    let vcard = read_qr(&screen, card.as_array().unwrap());
    assert!(
        vcard.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\n"),
        "{vcard}"
    );
    assert!(
        vcard.contains("佛山国家高新技术产业开发区"),
        "UTF-8 read back: {vcard}"
    );
    for number in &numbers {
        assert!(
            vcard.contains(tel_uri(number).trim_start_matches("tel:")),
            "{number}"
        );
    }
}

/// The text of the QR code at `rect` ([left, top, width, height]) of a screenshot.
fn read_qr(screen: &image::GrayImage, rect: &[Value]) -> String {
    let [left, top, width, height] = [0, 1, 2, 3].map(|i| rect[i].as_f64().unwrap());
    let cut = image::imageops::crop_imm(
        screen,
        left.floor() as u32,
        top.floor() as u32,
        width.ceil() as u32,
        height.ceil() as u32,
    )
    .to_image();
    let mut prepared = rqrr::PreparedImage::prepare(cut);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one code at {rect:?}");
    grids[0].decode().expect("the code reads").1
}

/// The default content with two photos in the gallery.
fn with_photos() -> ContentCopy {
    ContentCopy::of_defaults_with_two_photos("fingers")
}

#[test]
fn a_story_follows_the_finger_then_springs_back_or_gives_way_to_the_next() {
    let kiosk = woken(&[]);
    kiosk.tap_on(".nav-button[data-screen=highlights]");
    kiosk.tap_on(".card");
    kiosk.wait_for_screen("interactive", "story");
    let first = kiosk.js_string("return document.querySelector('[data-swipe]').dataset.item");

    // Half a swipe: the story moves with the finger, and goes back when it lets go.
    kiosk.play_touches(&Touches::swipe(
        (1200.0, 600.0),
        (1100.0, 605.0),
        200,
        8,
        false,
    ));
    // The story follows on the next frame, not within the event itself, lifted (smaller).
    kiosk.wait_until(
        "the story follows the finger",
        Duration::from_secs(1),
        "return document.querySelector('[data-swipe]').style.transform === 'translateX(-100px) scale(0.8)'",
    );
    kiosk.play_touches(&Touches::lift((1100.0, 605.0)));
    kiosk.wait_until(
        "the story springs back",
        Duration::from_secs(2),
        "return document.querySelector('[data-swipe]').style.transform === ''",
    );
    assert_eq!(
        kiosk.js_string("return document.querySelector('[data-swipe]').dataset.item"),
        first
    );

    // A whole swipe to the left: the next story.
    kiosk.play_touches(&Touches::swipe(
        (1500.0, 600.0),
        (700.0, 600.0),
        300,
        10,
        true,
    ));
    kiosk.wait_until(
        "the next story is shown",
        Duration::from_secs(3),
        &format!("return document.querySelector('[data-swipe]')?.dataset.item !== '{first}'"),
    );
    let second = &default_content("highlights.json")["highlights"][1]["id"];
    assert_eq!(
        kiosk.js("return document.querySelector('[data-swipe]').dataset.item"),
        *second
    );
    assert_eq!(kiosk.screen_name(), "story", "a swipe is not also a tap");
}

#[test]
fn a_swipe_over_a_card_or_a_long_press_opens_nothing() {
    let kiosk = woken(&[]);
    kiosk.go("highlights");
    let (x, y) = kiosk.centre_of(".card");
    let (x, y) = (f64::from(x), f64::from(y));
    kiosk.play_touches(&Touches::swipe((x, y), (x - 300.0, y), 200, 8, true));
    let mut press = Touches::swipe((x, y), (x, y), 1000, 2, true);
    kiosk.play_touches(&press);
    press = Touches::swipe((x, y), (x + 5.0, y), 100, 2, true);
    assert_eq!(kiosk.screen_name(), "highlights");
    // A short touch in the same place is a tap and does open it: the test can fail.
    kiosk.play_touches(&press);
    kiosk.wait_for_screen("interactive", "story");
}

#[test]
fn two_fingers_or_a_double_tap_zoom_the_photo_and_never_the_page() {
    let content = with_photos();
    let kiosk = woken(&["--content", content.dir_arg()]);
    kiosk.wait_until(
        "the photos are ready",
        Duration::from_secs(20),
        "return document.querySelector('.nav-button[data-screen=photos]') !== null",
    );
    // Two fingers on a story change nothing: the page never zooms.
    kiosk.tap_on(".nav-button[data-screen=highlights]");
    kiosk.tap_on(".card");
    kiosk.wait_for_screen("interactive", "story");
    kiosk.play_touches(&Touches::pinch((960.0, 500.0), 200.0, 600.0, 300, 8));
    assert_eq!(
        kiosk.js("return [window.visualViewport?.scale ?? 1, document.getElementById('stage').dataset.zoom ?? null]"),
        json!([1, null])
    );

    kiosk.tap_on(".nav-button[data-screen=photos]");
    kiosk.tap_on(".thumb");
    kiosk.wait_for_screen("interactive", "viewer");
    kiosk.wait_until(
        "the photo is loaded",
        Duration::from_secs(5),
        "const img = document.querySelector('.viewer-photo'); return img.complete && img.naturalWidth > 0",
    );
    let (x, y) = kiosk.centre_of(".viewer-frame");
    let centre = (f64::from(x), f64::from(y));
    kiosk.play_touches(&Touches::pinch(centre, 200.0, 500.0, 300, 10));
    let zoom: f64 = kiosk
        .js_string("return document.getElementById('stage').dataset.zoom")
        .parse()
        .unwrap();
    assert!((2.4..=2.6).contains(&zoom), "pinched to 2.5x: {zoom}");
    assert_eq!(
        kiosk.js("return window.visualViewport?.scale ?? 1"),
        json!(1)
    );

    // A double tap shows the whole photo again; another zooms back in.
    let tap = Touches::swipe(centre, centre, 40, 1, true);
    kiosk.play_touches(&tap);
    kiosk.play_touches(&tap);
    assert_eq!(
        kiosk.js_string("return document.getElementById('stage').dataset.zoom"),
        "1.00"
    );
    kiosk.play_touches(&tap);
    kiosk.play_touches(&tap);
    assert_eq!(
        kiosk.js_string("return document.getElementById('stage').dataset.zoom"),
        "2.50"
    );
    assert_eq!(kiosk.screen_name(), "viewer", "zooming is not closing");
}
