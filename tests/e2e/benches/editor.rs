//! `make bench`, the browser editor's part: how soon the editor is usable after it starts,
//! how soon a keystroke reaches the preview, how soon a 24-megapixel camera photo is a
//! thumbnail on the page, and the editor server's memory. The release binary serves; Chromium
//! (headless) is the staff member's browser.
//!
//! Each figure is a median of several runs next to a baseline taken in the same run: the
//! login page (a static page from the same server), the draft's check answered (the server's
//! part of a keystroke), a 1-megapixel photo.

use lighthouse_e2e::camera::camera_like;
use lighthouse_e2e::editor::EditorPage;
use lighthouse_e2e::figures::{median, row};
use lighthouse_e2e::ContentCopy;
use serde_json::json;
use std::path::Path;
use std::time::{Duration, Instant};

const STARTS: usize = 5;
const KEYSTROKES: usize = 15;
const UPLOADS: usize = 3;

fn main() {
    println!("kiosk binary: {}", lighthouse_e2e::kiosk_binary().display());
    startup();
    keystrokes_and_uploads();
}

fn startup() {
    let content = ContentCopy::of_defaults("bench-editor-start");
    let mut usable = Vec::new();
    let mut login = Vec::new();
    for _ in 0..STARTS {
        let page = EditorPage::open(&content.dir, 1366, 768);
        // From the editor's start (its process) to the page drawn, checked and previewed.
        usable.push(
            page.js("return performance.getEntriesByName('editor-ready')[0].startTime + performance.timeOrigin")
                .as_f64()
                .unwrap()
                - page.started_epoch_ms(),
        );
        page.session
            .navigate(&format!("{}/login", page.base))
            .unwrap();
        page.wait_until(
            "the login page",
            "return document.readyState === 'complete'",
        );
        login.push(
            page.js("const t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd - t.startTime")
                .as_f64()
                .unwrap(),
        );
    }
    println!("\neditor start to page usable (ms), {STARTS} starts");
    row("login page loaded (baseline)", &login);
    row("editor started to page usable", &usable);
    println!(
        "  ratio usable / login page: {:.1}",
        median(&usable) / median(&login)
    );
}

fn keystrokes_and_uploads() {
    let content = ContentCopy::of_defaults("bench-editor-work");
    let page = EditorPage::open(&content.dir, 1920, 1080);
    let idle_pss = page.editor_pss_kib();
    page.click("#preview-previewScreen option[value=\"slide\"]");
    let title = "[data-field=\"highlights[0].title\"] input[lang=\"zh-Hans\"]";
    page.click(title);
    let mut to_check = Vec::new();
    let mut to_preview = Vec::new();
    // A mark no title holds, typed first and not timed, so each keystroke's text is its own.
    page.type_into(title, "Zq");
    let mut typed = String::from("Zq");
    for i in 0..KEYSTROKES {
        let letter = char::from(b'a' + (i % 26) as u8);
        typed.push(letter);
        // The page notes when the key went down, when the draft's check came back (the
        // page marks it), and when the preview's slide first showed the new text.
        page.js(&format!(
            "const now = () => performance.timeOrigin + performance.now();
             window.bench = {{ key: null, preview: null }};
             addEventListener('keydown', () => {{ bench.key ??= now(); }}, {{ capture: true, once: true }});
             const frame = document.querySelector('.preview-holder iframe');
             const shows = () => frame.contentDocument.querySelector('.slide.is-current .title')?.textContent.includes({typed:?}) === true;
             const watch = new MutationObserver(() => {{
               if (!shows()) return;
               bench.preview = frame.contentWindow.performance.timeOrigin + frame.contentWindow.performance.now();
               watch.disconnect();
             }});
             watch.observe(frame.contentDocument.body, {{ subtree: true, childList: true, characterData: true }});"
        ));
        page.type_into(title, &letter.to_string());
        page.wait_until(
            "the preview shows the keystroke",
            "return bench.preview !== null",
        );
        let key = page
            .js("return bench.key")
            .as_f64()
            .expect("the key was seen");
        let checked = page
            .js("return performance.getEntriesByName('checked').at(-1).startTime + performance.timeOrigin")
            .as_f64()
            .unwrap();
        to_check.push(checked - key);
        to_preview.push(page.js("return bench.preview").as_f64().unwrap() - key);
        std::thread::sleep(Duration::from_millis(150));
    }
    println!("\nkeystroke to preview updated (ms), {KEYSTROKES} keystrokes, 1920x1080 slide");
    row("keystroke to the draft checked (baseline)", &to_check);
    row("keystroke to the preview redrawn", &to_preview);
    println!(
        "  ratio preview / check: {:.2}",
        median(&to_preview) / median(&to_check)
    );

    let dir = lighthouse_e2e::target_dir().join("bench-editor-photos");
    std::fs::create_dir_all(&dir).unwrap();
    let mut small = Vec::new();
    let mut large = Vec::new();
    page.click("#tab-photos");
    for i in 0..UPLOADS {
        small.push(upload(
            &page,
            &camera_like(&dir, &format!("small-{i}.jpg"), 1200, 800),
        ));
        large.push(upload(
            &page,
            &camera_like(&dir, &format!("camera-{i}.jpg"), 6000, 4000),
        ));
    }
    println!("\nphoto chosen to its thumbnail shown (ms), {UPLOADS} uploads each");
    row("1-megapixel photo (baseline)", &small);
    row("24-megapixel photo", &large);
    println!(
        "  ratio 24 MP / 1 MP: {:.1}",
        median(&large) / median(&small)
    );
    println!("\nthe editor server's memory (PSS, MiB)");
    println!(
        "  idle, after the page loaded          {:>7.1}",
        idle_pss as f64 / 1024.0
    );
    println!(
        "  after {} uploads and {KEYSTROKES} checks      {:>7.1}",
        UPLOADS * 2,
        page.editor_pss_kib() as f64 / 1024.0
    );
}

/// Chooses `photo` in the file picker; the time from the choice to its thumbnail drawn.
fn upload(page: &EditorPage, photo: &Path) -> f64 {
    let name = photo.file_name().unwrap().to_string_lossy().into_owned();
    page.js(
        "window.chosenAt = null;
         document.getElementById('photo-files').addEventListener('change',
           () => { window.chosenAt = performance.timeOrigin + performance.now(); }, { once: true });",
    );
    let started = Instant::now();
    page.choose_files("#photo-files", &[photo.to_owned()]);
    let shown = format!(
        "const img = [...document.querySelectorAll('.library [data-photo] img')].find((i) => i.alt === {});
         return !!img && img.complete && img.naturalWidth > 0;",
        json!(name)
    );
    page.wait_for("the thumbnail is shown", Duration::from_secs(60), &shown);
    let now = page
        .js("return performance.timeOrigin + performance.now()")
        .as_f64()
        .unwrap();
    let chosen = page
        .js("return window.chosenAt")
        .as_f64()
        .unwrap_or(now - started.elapsed().as_secs_f64() * 1000.0);
    now - chosen
}
