//! Several screens, one content folder, copied by real Syncthing: staff edit and publish on
//! one PC (A), two kiosks (B, C) receive it. An edit reaches the screens within seconds of
//! Syncthing finishing; a large photo and the highlight naming it never show an error on the
//! way; a deletion propagates; `fleet` lists every screen with the content it shows. The
//! README's other two set-ups, rsync and git, deliver a publication whole too.

use lighthouse_core::status::Status;
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

fn revision_shown(status: &Status) -> &str {
    &status.content.revision_shown
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

    let b_screen = screen_file(
        "lobby",
        json!({"name": "lobby", "leadContact": "Shunde Park"}),
    );
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
        let errors = errors_since(&log, from);
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
            .args(["fleet", "--lang", "en"])
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
    // The fleet page shows both screens with the pictures they took of themselves.
    let page = lighthouse_e2e::target_dir().join("e2e-screenshots/fleet.html");
    std::fs::create_dir_all(page.parent().unwrap()).unwrap();
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        a.scan();
        let output = Command::new(kiosk_binary())
            .args(["fleet", "--lang", "en", "--html"])
            .arg(&page)
            .arg(&staff.dir)
            .output()
            .unwrap();
        let html = std::fs::read_to_string(&page).unwrap_or_default();
        let pictures = html.matches("src=\"data:image/jpeg;base64,").count();
        if pictures == 2 && html.contains("<h2>lobby</h2>") && html.contains("<h2>nanhai-park</h2>")
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the fleet page never showed both screens' pictures ({pictures}): {output:?}"
        );
        std::thread::sleep(Duration::from_secs(2));
    }
    // One shared folder, each screen its own: B's park leads its contacts, C has its name.
    assert_eq!(
        kiosk_b.js("return window.__TAURI__.core.invoke('content').then((c) => c.contacts.entries.map((e) => e.name.en))")
            [0],
        "Shunde Park"
    );
    assert_eq!(kiosk_c.status().unwrap().screen, "nanhai-park");
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

/// The two other set-ups of the README, as it gives them: `rsync --delay-updates` pushed into
/// a screen's folder, and `git pull` of a published folder. Each delivers a new photo and the
/// highlight naming it; the screen shows the new revision with no error on the way.
#[test]
fn a_publication_copied_by_rsync_or_pulled_by_git_is_shown_whole() {
    let staff = ContentCopy::of_defaults("copy-staff");
    let git = |dir: &Path, args: &[&str]| {
        run(Command::new("git")
            .args(["-c", "user.name=Staff", "-c", "user.email=staff@localhost"])
            .arg("-C")
            .arg(dir)
            .args(args))
    };
    publish(&staff.dir);
    git(&staff.dir, &["init", "--quiet"]);
    git(&staff.dir, &["add", "--all"]);
    git(&staff.dir, &["commit", "--quiet", "-m", "first"]);

    let by_rsync = empty_folder("rsync-screen");
    let by_git = target_dir()
        .join("e2e-sync")
        .join(format!("git-screen-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&by_git);
    let rsync = || {
        run(Command::new("rsync")
            .args(["-a", "--delete", "--delay-updates", "--exclude", "status/"])
            .arg(format!("{}/", staff.dir.display()))
            .arg(format!("{}/", by_rsync.display())))
    };
    rsync();
    run(Command::new("git")
        .args(["clone", "--quiet"])
        .arg(&staff.dir)
        .arg(&by_git));
    let screens = [
        (
            "rsync",
            PlainKiosk::start(LANDSCAPE, &["--content", &by_rsync.to_string_lossy()]),
        ),
        (
            "git",
            PlainKiosk::start(PORTRAIT, &["--content", &by_git.to_string_lossy()]),
        ),
    ];
    for (how, kiosk) in &screens {
        shows_soon(how, kiosk, &revision_of(&staff.dir));
    }
    let logs_before: Vec<usize> = screens.iter().map(|(_, k)| k.log().len()).collect();

    large_photo(&staff.dir.join("photos/arrival.jpg"));
    let mut highlights = staff.read_json("highlights.json");
    highlights["highlights"][0]["title"]["zh"] = json!("复制或拉取而来");
    highlights["highlights"][0]["photos"] = json!(["arrival.jpg"]);
    staff.write_json("highlights.json", &highlights);
    let edited = publish(&staff.dir);
    git(&staff.dir, &["add", "--all"]);
    git(
        &staff.dir,
        &["commit", "--quiet", "-m", "a photo and its highlight"],
    );
    rsync();
    git(&by_git, &["pull", "--quiet", "--ff-only"]);

    for ((how, kiosk), from) in screens.iter().zip(logs_before) {
        shows_soon(how, kiosk, &edited);
        let log = kiosk.log();
        let errors = errors_since(&log, from);
        assert!(
            errors.is_empty(),
            "{how}: errors on the way:\n{}",
            errors.join("\n")
        );
    }
}

fn shows_soon(how: &str, kiosk: &PlainKiosk, revision: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while kiosk
        .status()
        .is_none_or(|s| revision_shown(&s) != revision)
    {
        assert!(
            Instant::now() < deadline,
            "the screen fed by {how} never showed {revision}: {:?}",
            kiosk.status()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The error lines of `log` after its first `from` bytes.
fn errors_since(log: &str, from: usize) -> Vec<&str> {
    log[from.min(log.len())..]
        .lines()
        .filter(|l| l.contains("ERROR"))
        .collect()
}

fn revision_of(dir: &Path) -> String {
    let manifest = lighthouse_e2e::read_json(&dir.join("manifest.json"));
    manifest["revision"].as_str().unwrap().to_owned()
}

fn run(command: &mut Command) {
    let output = command.output().unwrap_or_else(|err| {
        panic!("cannot run {command:?} ({err}); `make deps-test` installs it")
    });
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
