//! Photos added by staff while the kiosk runs reach the screen by themselves.

use lighthouse_e2e::{target_dir, workspace_root, ContentCopy, Kiosk, LANDSCAPE};
use serde_json::json;
use std::time::Duration;

#[test]
fn a_photo_added_to_the_folder_appears_without_a_restart() {
    let content = ContentCopy::of_defaults("photo");
    let cache = target_dir().join(format!("e2e-photo-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&cache);
    let cache_arg = cache.to_string_lossy().into_owned();
    let kiosk = Kiosk::start(
        LANDSCAPE,
        &["--content", content.dir_arg(), "--cache", &cache_arg],
    );
    let slides_before = kiosk.js("return document.querySelectorAll('#slide-dots li').length");

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
    let slides_after = kiosk.js("return document.querySelectorAll('#slide-dots li').length");
    assert_eq!(
        slides_after.as_u64(),
        slides_before.as_u64().map(|n| n + 1),
        "a photo slide joined the show"
    );

    // Tap through to the photo slide.
    for _ in 0..20 {
        if kiosk.slide_key() == "photo:air-show.jpg" {
            break;
        }
        kiosk.tap(LANDSCAPE.width / 2, LANDSCAPE.height / 2);
        std::thread::sleep(Duration::from_millis(300));
    }
    assert_eq!(kiosk.slide_key(), "photo:air-show.jpg");
    kiosk.wait_until(
        "the photo slide's picture is loaded",
        Duration::from_secs(5),
        "const img = document.querySelector('.slide.is-current img.photo-full');
         return img !== null && img.complete && img.naturalWidth > 0",
    );
    std::thread::sleep(Duration::from_millis(800));
    kiosk.screenshot("landscape-1920x1080-photo-slide");

    // Nothing outside the cache can be read through the scheme.
    let outside = kiosk.js(
        "return fetch('photo://localhost/../../settings.json').then((r) => r.status).catch(() => 'refused')",
    );
    assert!(
        outside == json!(404) || outside == json!("refused"),
        "got {outside}"
    );
    drop(kiosk);
    let _ = std::fs::remove_dir_all(cache);
}
