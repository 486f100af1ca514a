//! Photos added by staff while the kiosk runs reach the screen by themselves, and photos
//! prepared ahead of time are not made again.

use lighthouse_core::hashes::HASHES_FILE;
use lighthouse_e2e::{
    kiosk_binary, target_dir, workspace_root, ContentCopy, Kiosk, ALL_SCREENS, LANDSCAPE,
};
use serde_json::json;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

/// A fresh, empty photo cache folder for one test.
fn fresh_cache(name: &str) -> PathBuf {
    let cache = target_dir().join(format!("e2e-{name}-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&cache);
    cache
}

/// Adds the test photograph to `content`, in photos.json and on the first highlight.
fn add_photo(content: &ContentCopy) {
    std::fs::copy(
        workspace_root().join("tests/photos/camera.jpg"),
        content.dir.join("photos/air-show.jpg"),
    )
    .unwrap();
    let mut photos = content.read_json("photos.json");
    photos["photos"] = json!([{
        "file": "air-show.jpg",
        "caption": { "zh": "航展上的飞机", "en": "An aircraft at an air show" },
        "credit": "Test photograph"
    }]);
    content.write_json("photos.json", &photos);
    let mut highlights = content.read_json("highlights.json");
    highlights["highlights"][0]["photos"] = json!(["air-show.jpg"]);
    content.write_json("highlights.json", &highlights);
}

#[test]
fn a_photo_added_to_the_folder_appears_without_a_restart() {
    let content = ContentCopy::of_defaults("photo");
    let cache = fresh_cache("photo");
    let cache_arg = cache.to_string_lossy().into_owned();
    let kiosk = Kiosk::start(
        LANDSCAPE,
        &["--content", content.dir_arg(), "--cache", &cache_arg],
    );
    let slides_before =
        kiosk.js("return Number(document.getElementById('stage').dataset.slideCount ?? 0)");

    add_photo(&content);

    // The highlight on screen gains its photo, loaded through the photo:// scheme.
    kiosk.wait_until(
        "the photo is shown on the highlight",
        Duration::from_secs(20),
        "const img = document.querySelector('.slide.is-current img.highlight-photo');
         return img !== null && img.src.startsWith('photo://') && img.complete && img.naturalWidth > 0",
    );
    assert_eq!(
        kiosk.js(
            "return document.querySelector('.slide.is-current img.highlight-photo').naturalWidth"
        ),
        json!(800),
        "the photo is its own size, not enlarged"
    );
    kiosk.screenshot("landscape-1920x1080-highlight-with-photo");
    let slides_after =
        kiosk.js("return Number(document.getElementById('stage').dataset.slideCount ?? 0)");
    assert_eq!(
        slides_after.as_u64(),
        slides_before.as_u64().map(|n| n + 1),
        "a photo slide joined the show"
    );

    // Wake the kiosk, then step back to the photo slide (the last before the contacts),
    // each step once the one before has shown its slide.
    kiosk.tap(LANDSCAPE.width / 2, LANDSCAPE.height / 2);
    kiosk.wait_for_screen("interactive", "home");
    for _ in 0..20 {
        if kiosk.slide_key() == "photo:air-show.jpg" {
            break;
        }
        let index = kiosk.js_string("return document.getElementById('stage').dataset.slideIndex");
        kiosk.tap_on("#home-stepper .stepper-back");
        kiosk.wait_until(
            "the step shows another slide",
            Duration::from_secs(5),
            &format!("return document.getElementById('stage').dataset.slideIndex !== '{index}'"),
        );
    }
    assert_eq!(kiosk.slide_key(), "photo:air-show.jpg");
    kiosk.wait_until(
        "the photo slide's picture is loaded and the fade is over",
        Duration::from_secs(5),
        "const img = document.querySelector('.slide.is-current img.photo-full');
         return img !== null && img.complete && img.naturalWidth > 0
           && document.querySelectorAll('.slide').length === 1",
    );
    kiosk.screenshot("landscape-1920x1080-photo-slide");

    // Photo motion "auto" (the default) follows the renderer: still where the CPU draws the
    // screen, as under Xvfb; `true` in the file moves photos anyway, without a restart.
    let renderer = kiosk.status_report().expect("a status file").renderer;
    let gpu = !renderer.contains("WEBKIT_DISABLE_DMABUF_RENDERER=1");
    assert_eq!(
        kiosk.js("return !document.getElementById('kiosk').classList.contains('no-photo-motion')"),
        json!(gpu),
        "photo motion by default with the renderer: {renderer}"
    );
    let mut settings = content.read_json("settings.json");
    settings["photoMotion"] = json!(true);
    content.write_json("settings.json", &settings);
    kiosk.wait_until(
        "photos move once the settings say true",
        Duration::from_secs(10),
        "return !document.getElementById('kiosk').classList.contains('no-photo-motion')",
    );
    // Where the processor draws the screen, fades and the drift move in steps; with a GPU
    // they are smooth.
    kiosk.wait_until(
        "the page knows what draws the screen",
        Duration::from_secs(5),
        &format!(
            "return document.getElementById('kiosk').classList.contains('cpu-drawn') === {}",
            !gpu
        ),
    );
    let timing = kiosk.js(
        "const style = getComputedStyle(document.querySelector('.slide.is-current .photo-full'));
         return ['--fade-timing', '--drift-timing'].map((name) => style.getPropertyValue(name).trim())",
    );
    let stepped = timing
        .as_array()
        .expect("two timings")
        .iter()
        .map(|t| t.as_str().unwrap_or_default().starts_with("steps"))
        .collect::<Vec<_>>();
    assert_eq!(
        stepped,
        [!gpu, !gpu],
        "the fade and the drift stepped only without a GPU: {timing} ({renderer})"
    );
    drop(kiosk);
    let _ = std::fs::remove_dir_all(cache);
}

/// `prepare` and the kiosk choose the same photos and the same cache files: a kiosk started
/// after `prepare` finds everything made and decodes nothing, and reads no photo to hash it.
#[test]
fn a_kiosk_started_after_prepare_decodes_nothing() {
    let content = ContentCopy::of_defaults("prepared");
    add_photo(&content);
    // A photo in the folder that nothing shows: neither side should make it.
    std::fs::copy(
        workspace_root().join("tests/photos/gray.jpg"),
        content.dir.join("photos/unused.jpg"),
    )
    .unwrap();
    let cache = fresh_cache("prepared");
    let cache_arg = cache.to_string_lossy().into_owned();
    let prepare = Command::new(kiosk_binary())
        .args(["prepare", content.dir_arg(), "--size", "1920x1080"])
        .args(["--cache", &cache_arg, "--lang", "en"])
        .env_remove("DISPLAY")
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&prepare.stdout);
    assert_eq!(prepare.status.code(), Some(0), "{printed}");
    assert!(printed.contains("1 made, 0 already there"), "{printed}");
    let prepared = cache_files(&cache);
    let derivatives = prepared
        .keys()
        .filter(|name| name.ends_with(".jpg"))
        .count();
    assert_eq!(derivatives, 2, "a picture and a thumbnail: {prepared:?}");
    assert!(
        prepared.contains_key(HASHES_FILE),
        "prepare keeps the content's hashes for the kiosk: {prepared:?}"
    );

    let kiosk = Kiosk::start(
        LANDSCAPE,
        &["--content", content.dir_arg(), "--cache", &cache_arg],
    );
    let pass = kiosk.wait_for_log_line(" refused, ", Duration::from_secs(20));
    assert!(
        pass.contains("photos: 1 ready, 0 refused, 0 decoded"),
        "{pass}"
    );
    assert!(pass.contains("0 unused cache files removed"), "{pass}");
    assert_eq!(
        cache_files(&cache),
        prepared,
        "the cache was left as prepare made it (the hashes too: none was new to the kiosk)"
    );
    drop(kiosk);
    let _ = std::fs::remove_dir_all(cache);
}

/// Every file in the cache folder with its modification time.
fn cache_files(cache: &Path) -> BTreeMap<String, SystemTime> {
    std::fs::read_dir(cache)
        .unwrap()
        .flatten()
        .map(|entry| {
            let modified = entry.metadata().unwrap().modified().unwrap();
            (entry.file_name().to_string_lossy().into_owned(), modified)
        })
        .collect()
}

/// A gallery of many photos builds and reads only the thumbnails near the screen; the rest
/// are built and loaded as a visitor scrolls to them.
#[test]
fn the_gallery_builds_and_loads_only_the_thumbnails_near_the_screen() {
    const PHOTOS: usize = 120;
    let photos: Vec<_> = (0..PHOTOS)
        .map(|i| json!({ "file": format!("album-{i:03}.jpg"), "caption": format!("{i}") }))
        .collect();
    let content = ContentCopy::of_defaults_with_photos("album", json!(photos));
    let cache = fresh_cache("album");
    let cache_arg = cache.to_string_lossy().into_owned();
    let kiosk = Kiosk::start(
        LANDSCAPE,
        &["--content", content.dir_arg(), "--cache", &cache_arg],
    );
    kiosk.wait_until(
        "every photo is ready",
        Duration::from_secs(60),
        &format!("return window.__TAURI__.core.invoke('photos').then((p) => Object.keys(p.ready).length === {PHOTOS})"),
    );
    kiosk.tap(LANDSCAPE.width / 2, LANDSCAPE.height / 2);
    kiosk.wait_for_screen("interactive", "home");
    kiosk.go("photos");
    let loaded = "return [...document.querySelectorAll('.thumb-photo')]
                    .filter((img) => img.complete && img.naturalWidth > 0).length";
    kiosk.wait_until(
        "the first thumbnails are shown",
        Duration::from_secs(10),
        &format!("{loaded} > 0"),
    );
    let built = "return document.querySelectorAll('.thumb-photo').length";
    let first_built = kiosk.js(built).as_u64().expect("a count");
    let first = kiosk.js(loaded).as_u64().expect("a count");
    println!("{first_built} of {PHOTOS} thumbnails built and {first} loaded before any scrolling");
    assert!(
        first_built < PHOTOS as u64 / 2 && first <= first_built,
        "{first_built} of {PHOTOS} thumbnails built, {first} loaded, before any scrolling"
    );
    // Scrolled to the end again and again, as a visitor's swipes do: the rest is built as it
    // comes near, in order, up to the last photo.
    kiosk.wait_until(
        "every photo has its place once scrolled to the end",
        Duration::from_secs(20),
        &format!(
            "const scroller = document.querySelector('.screen-photos .scroll');
             scroller.scrollTop = scroller.scrollHeight;
             const captions = [...document.querySelectorAll('.thumb-caption')].map((c) => c.textContent);
             return captions.length === {PHOTOS} && captions.every((c, i) => c === String(i))"
        ),
    );
    kiosk.js("document.querySelector('.thumb-grid li:last-child').scrollIntoView()");
    kiosk.wait_until(
        "the last thumbnail loads once scrolled to",
        Duration::from_secs(10),
        "const img = document.querySelector('.thumb-grid li:last-child .thumb-photo');
         return img.complete && img.naturalWidth > 0",
    );
    drop(kiosk);
    let _ = std::fs::remove_dir_all(cache);
}

/// Where photos are set to move, a photo slide in the slideshow drifts at every screen size:
/// each screenshot is taken between two different steps of the drift, so it shows the photo
/// in motion, not a page that stopped.
#[test]
fn a_photo_slide_drifts_at_every_size() {
    let content = ContentCopy::of_defaults_with_two_photos("drifting");
    // One highlight and 3-s slides: the first photo slide comes after three seconds.
    let mut highlights = content.read_json("highlights.json");
    highlights["highlights"] = json!([highlights["highlights"][0]]);
    content.write_json("highlights.json", &highlights);
    let mut settings = content.read_json("settings.json");
    settings["photoMotion"] = json!(true);
    settings["slideSeconds"] = json!(3);
    content.write_json("settings.json", &settings);
    let cache = fresh_cache("drifting");
    for screen in ALL_SCREENS {
        let kiosk = Kiosk::start(
            screen,
            &[
                "--content",
                content.dir_arg(),
                "--cache",
                cache.to_str().unwrap(),
            ],
        );
        let transform = "const img = document.querySelector('.slide.is-current img.photo-full');
             return img && img.complete && document.querySelectorAll('.slide').length === 1
               ? getComputedStyle(img).transform : null;";
        kiosk.wait_until(
            "a photo slide is up, its fade over",
            Duration::from_secs(15),
            &format!("return (() => {{ {transform} }})() !== null"),
        );
        let first = kiosk.js(transform);
        kiosk.wait_until(
            "the photo takes its next step",
            Duration::from_secs(2),
            &format!("return (() => {{ {transform} }})() !== {first}"),
        );
        assert_eq!(kiosk.mode(), "attract");
        assert!(
            kiosk.slide_key().starts_with("photo:"),
            "a photo slide at {}: {}",
            screen.name(),
            kiosk.slide_key()
        );
        kiosk.screenshot(&format!("{}-photo-slide-drifting", screen.name()));
    }
    let _ = std::fs::remove_dir_all(cache);
}
