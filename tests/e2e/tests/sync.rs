//! Several screens, one content folder, copied by real Syncthing: staff edit and publish on
//! one PC (A), two kiosks (B, C) receive it. An edit reaches the screens within seconds of
//! Syncthing finishing; a large photo and the highlight naming it never show an error on the
//! way; a deletion propagates; `fleet` lists every screen with the content it shows.

use lighthouse_e2e::syncthing::Syncthing;
use lighthouse_e2e::{
    kiosk_binary, target_dir, ContentCopy, Kiosk, PlainKiosk, LANDSCAPE, PORTRAIT,
};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn publish(dir: &Path) -> String {
    let output = Command::new(kiosk_binary())
        .arg("publish")
        .arg(dir)
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{printed}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    printed
        .split("as revision ")
        .nth(1)
        .unwrap()
        .split(':')
        .next()
        .unwrap()
        .to_owned()
}

fn empty_folder(name: &str) -> PathBuf {
    let dir = target_dir()
        .join("e2e-sync")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Waits until both kiosks' Syncthing have everything A has; returns when.
fn wait_for_sync(a: &Syncthing, peers: &[&Syncthing]) -> Instant {
    a.scan();
    let deadline = Instant::now() + Duration::from_secs(90);
    // The folder must first be seen as changed, then complete on every peer.
    std::thread::sleep(Duration::from_millis(500));
    while !(a.idle() && peers.iter().all(|p| a.peer_in_sync(p) && p.idle())) {
        assert!(Instant::now() < deadline, "Syncthing did not finish");
        std::thread::sleep(Duration::from_millis(200));
    }
    Instant::now()
}

fn screen_file(name: &str, json: Value) -> String {
    let path = target_dir()
        .join("e2e-sync")
        .join(format!("screen-{name}-{}.json", std::process::id()));
    std::fs::write(&path, json.to_string()).unwrap();
    path.to_string_lossy().into_owned()
}

fn revision_shown(status: &Value) -> String {
    status["content"]["revisionShown"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn one_folder_synced_to_two_screens() {
    let staff = ContentCopy::of_defaults("sync-staff");
    let (b_dir, c_dir) = (empty_folder("kiosk-b"), empty_folder("kiosk-c"));
    let (a, b, c) = (
        Syncthing::start("a"),
        Syncthing::start("b"),
        Syncthing::start("c"),
    );
    a.share(&staff.dir, &[&b, &c]);
    b.share(&b_dir, &[&a]);
    c.share(&c_dir, &[&a]);
    let first = publish(&staff.dir);
    wait_for_sync(&a, &[&b, &c]);

    let b_screen = screen_file("lobby", json!({"name": "lobby"}));
    let c_screen = screen_file(
        "nanhai",
        json!({"name": "nanhai-park", "orientation": "portrait", "leadContact": "Nanhai Park"}),
    );
    let b_dir_arg = b_dir.to_string_lossy().into_owned();
    let c_dir_arg = c_dir.to_string_lossy().into_owned();
    let kiosk_b = Kiosk::start(LANDSCAPE, &["--content", &b_dir_arg, "--screen", &b_screen]);
    let kiosk_c = PlainKiosk::start(PORTRAIT, &["--content", &c_dir_arg, "--screen", &c_screen]);
    let c_shows = |revision: &str, within: Duration| {
        let deadline = Instant::now() + within;
        loop {
            if kiosk_c
                .status()
                .is_some_and(|s| revision_shown(&s) == revision)
            {
                return Instant::now();
            }
            assert!(
                Instant::now() < deadline,
                "kiosk C never showed {revision}: {:?}",
                kiosk_c.status()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    };
    c_shows(&first, Duration::from_secs(30));

    // An edit, published: on both screens within 10 s of Syncthing finishing.
    let mut highlights = staff.read_json("highlights.json");
    highlights["highlights"][0]["title"]["zh"] = json!("同步到每块屏幕");
    staff.write_json("highlights.json", &highlights);
    let edited = publish(&staff.dir);
    let synced = wait_for_sync(&a, &[&b, &c]);
    kiosk_b.wait_until(
        "the edit is on screen B",
        Duration::from_secs(10),
        "return document.querySelector('.slide.is-current .title .primary')?.textContent === '同步到每块屏幕'",
    );
    let on_b = synced.elapsed();
    let on_c = c_shows(&edited, Duration::from_secs(10)).duration_since(synced);
    eprintln!("after Syncthing finished: on screen B in {on_b:?}, C shows it {on_c:?} later");

    // A large photo and the highlight naming it, published together: no error on the way.
    let log_before = (kiosk_b.log().len(), kiosk_c.log().len());
    large_photo(&staff.dir.join("photos/hall.jpg"));
    highlights["highlights"][0]["photos"] = json!(["hall.jpg"]);
    staff.write_json("highlights.json", &highlights);
    let with_photo = publish(&staff.dir);
    wait_for_sync(&a, &[&b, &c]);
    c_shows(&with_photo, Duration::from_secs(10));
    kiosk_b.wait_until(
        "the photo is on the highlight on screen B",
        Duration::from_secs(30),
        "const img = document.querySelector('.slide.is-current img.highlight-photo'); return img !== null && img.complete && img.naturalWidth > 0",
    );
    for (name, log, from) in [
        ("B", kiosk_b.log(), log_before.0),
        ("C", kiosk_c.log(), log_before.1),
    ] {
        let errors: Vec<&str> = log[from.min(log.len())..]
            .lines()
            .filter(|l| l.contains("ERROR"))
            .collect();
        assert!(
            errors.is_empty(),
            "screen {name} logged errors while the photo arrived:\n{}",
            errors.join("\n")
        );
    }

    // A highlight deleted on A leaves both screens.
    let gone = highlights["highlights"][1]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    highlights["highlights"].as_array_mut().unwrap().remove(1);
    staff.write_json("highlights.json", &highlights);
    let deleted = publish(&staff.dir);
    wait_for_sync(&a, &[&b, &c]);
    c_shows(&deleted, Duration::from_secs(10));
    kiosk_b.wait_until(
        "the highlight is gone from screen B",
        Duration::from_secs(10),
        &format!("return window.__TAURI__.core.invoke('content').then((c) => !c.highlights.some((h) => h.id === '{gone}'))"),
    );

    // Every screen's status came back to A: fleet lists both, on the latest revision.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        a.scan();
        let output = Command::new(kiosk_binary())
            .arg("fleet")
            .arg(&staff.dir)
            .output()
            .unwrap();
        let printed = String::from_utf8_lossy(&output.stdout).into_owned();
        let lines: Vec<&str> = printed.lines().collect();
        let up_to_date = |name: &str| {
            lines
                .iter()
                .any(|l| l.starts_with(name) && l.contains(&deleted) && l.ends_with("healthy"))
        };
        if up_to_date("lobby") && up_to_date("nanhai-park") && output.status.code() == Some(0) {
            eprintln!("{printed}");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "fleet never listed both screens up to date:\n{printed}"
        );
        std::thread::sleep(Duration::from_secs(1));
    }
    // C's own park leads its contacts.
    let c_status = kiosk_c.status().unwrap();
    assert_eq!(c_status["screen"], "nanhai-park");
}

/// A real, large JPEG (about 8 MB): noise, which compresses badly.
fn large_photo(path: &Path) {
    let mut seed = 12345u32;
    let picture = image::RgbImage::from_fn(3000, 2000, |x, y| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let noise = (seed >> 16) as u8;
        image::Rgb([(x / 12) as u8 ^ noise, (y / 8) as u8, noise])
    });
    picture
        .save_with_format(path, image::ImageFormat::Jpeg)
        .unwrap();
}
