//! Every screen a visitor can reach, in both languages, at every screen size: nothing is cut
//! off or sticks out, and a screenshot of each is saved for people to look at
//! (`target/e2e-screenshots/<orientation>-<size>-<language>-<screen>.png`).

use lighthouse_e2e::{ContentCopy, Kiosk, Screen, ALL_SCREENS, OUT_OF_PLACE};
use serde_json::{json, Value};
use std::time::Duration;

/// Type shrunk further than it needs: a shown slide (or screen) whose --fit is below 1 though
/// it would fit one step larger. Measured here, apart from the UI's own fitting.
const SHRUNK_TOO_FAR: &str = "
  const out = [];
  for (const s of document.querySelectorAll(`#kiosk [style*='--fit']`)) {
    const inner = s.querySelector('.slide-inner');
    if (!inner || s.clientHeight === 0 || s.closest('[hidden]')) continue;
    const fit = parseFloat(s.style.getPropertyValue('--fit'));
    if (!(fit < 1)) continue;
    const style = getComputedStyle(s);
    const available = s.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    s.style.setProperty('--fit', (fit + 0.05).toFixed(2));
    const fits = inner.getBoundingClientRect().height <= available + 1
      && [...s.querySelectorAll('.figure-value')].every((v) => v.scrollWidth <= v.clientWidth + 1);
    s.style.setProperty('--fit', String(fit));
    if (fits) out.push(`${s.className}: type at ${fit} though it fits at ${(fit + 0.05).toFixed(2)}`);
  }
  return out;";

fn check_and_shoot(kiosk: &Kiosk, screen: Screen, lang: &str, name: &str) {
    // Whatever was moving (a fade, a screen easing in) has settled.
    kiosk.wait_until(
        "the screen has settled",
        Duration::from_secs(5),
        "return document.querySelectorAll('.slide').length <= 1
           && [...document.images].every((img) => img.complete)",
    );
    let out = kiosk.js(OUT_OF_PLACE);
    assert_eq!(out, json!([]), "{name} in {lang} on {}", screen.name());
    let shrunk = kiosk.js(SHRUNK_TOO_FAR);
    assert_eq!(shrunk, json!([]), "{name} in {lang} on {}", screen.name());
    // Every text is marked with its language, Chinese as Simplified Chinese.
    let marked = kiosk.js(
        "return [...new Set([...document.querySelectorAll('[lang]')].map((e) => e.lang))].sort()",
    );
    assert_eq!(
        marked,
        json!(["en", "zh-Hans"]),
        "{name} in {lang} on {}",
        screen.name()
    );
    kiosk.screenshot(&format!("{}-{lang}-{name}", screen.name()));
}

/// A visitor's home screen with `lang` leading (switched to with the bar's language button).
fn home_in(kiosk: &Kiosk, lang: &str) {
    kiosk.choose_language(lang);
    kiosk.go("home");
}

fn tour(screen: Screen) {
    let content = ContentCopy::for_a_tour("tour");
    let kiosk = Kiosk::start(screen, &["--content", content.dir_arg()]);
    kiosk.wait_until(
        "the photos are ready",
        Duration::from_secs(30),
        "return Number(document.getElementById('stage').dataset.slideCount ?? 0) >= 7",
    );
    check_and_shoot(&kiosk, screen, "zh", "attract");
    kiosk.tap(screen.width / 2, screen.height / 2);
    kiosk.wait_for_screen("interactive", "home");
    for lang in ["zh", "en"] {
        home_in(&kiosk, lang);
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
        kiosk.tap(screen.width / 2, screen.height / 2);
        kiosk.wait_for_screen("interactive", "contact");
    }
    let _: Value = kiosk.js("return true");
}

#[test]
fn every_screen_fits_in_both_languages_at_every_size() {
    for screen in ALL_SCREENS {
        tour(screen);
    }
}

/// The default content's highlights repeated (each under a new id) until the slideshow has
/// `slides` slides: the highlights and the contacts.
fn highlights_for(original: &Value, slides: usize) -> Value {
    let shown = original["highlights"].as_array().expect("highlights");
    let mut file = original.clone();
    file["highlights"] = (0..slides - 1)
        .map(|i| {
            let mut highlight = shown[i % shown.len()].clone();
            highlight["id"] = json!(format!("{}-{i}", highlight["id"].as_str().unwrap()));
            highlight
        })
        .collect();
    file
}

/// Nothing in the page, shown or hidden, makes it wider than the screen.
const PAGE_WIDER_THAN_SCREEN: &str = "
  const wide = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  return wide > innerWidth ? `the page is ${wide} px wide on a ${innerWidth} px screen` : null;";

fn many_slides(screen: Screen) {
    let content = ContentCopy::of_defaults("many-slides");
    let original = content.read_json("highlights.json");
    let kiosk = Kiosk::start(screen, &["--content", content.dir_arg()]);
    for slides in [10, 60, 120, 300] {
        content.write_json("highlights.json", &highlights_for(&original, slides));
        kiosk.wait_until(
            &format!("{slides} slides are in the slideshow"),
            Duration::from_secs(30),
            &format!("return document.getElementById('stage').dataset.slideCount === '{slides}'"),
        );
        let name = format!("{slides}-slides");
        check_and_shoot(&kiosk, screen, "zh", &name);
        assert_eq!(
            kiosk.js(PAGE_WIDER_THAN_SCREEN),
            Value::Null,
            "{name} on {}",
            screen.name()
        );
        let position = kiosk.js(
            "const dots = document.querySelectorAll('#slide-position .slide-dots li').length;
             const count = document.querySelector('#slide-position .slide-count')?.textContent ?? '';
             const index = Number(document.getElementById('stage').dataset.slideIndex);
             return { dots, count, index };",
        );
        if slides <= 20 {
            assert_eq!(position["dots"], json!(slides), "{name}: a dot per slide");
        } else {
            assert_eq!(
                position["dots"],
                json!(0),
                "{name}: no dots beyond what fits"
            );
            let index = position["index"].as_u64().expect("the slide's index");
            assert_eq!(
                position["count"],
                json!(format!("{} / {slides}", index + 1)),
                "{name}"
            );
        }
    }
    // A visitor's screens with 300 slides: the bar, the language switch and a story's
    // buttons stay on screen.
    kiosk.tap(screen.width / 2, screen.height / 2);
    kiosk.wait_for_screen("interactive", "home");
    for lang in ["zh", "en"] {
        home_in(&kiosk, lang);
        check_and_shoot(&kiosk, screen, lang, "300-slides-home");
        for (button, name) in &lighthouse_e2e::EVERY_SCREEN[..2] {
            kiosk.tap_on(button);
            kiosk.wait_for_screen("interactive", name);
            check_and_shoot(&kiosk, screen, lang, &format!("300-slides-{name}"));
            assert_eq!(
                kiosk.js(PAGE_WIDER_THAN_SCREEN),
                Value::Null,
                "{name} in {lang} on {}",
                screen.name()
            );
        }
    }
}

#[test]
fn the_masthead_holds_any_number_of_slides_at_every_size() {
    for screen in ALL_SCREENS {
        many_slides(screen);
    }
}
