//! What a lobby PC does to the kiosk: its disk fills up (and `status` must still tell the
//! truth), its disk is slow after a reboot, its monitor is changed while it runs, its content
//! holds text no one expected.

use lighthouse_e2e::{kiosk_binary, target_dir, ContentCopy, Kiosk, PlainKiosk, LANDSCAPE};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A small disk of its own (tmpfs), unmounted when dropped.
struct SmallDisk {
    dir: PathBuf,
}

impl SmallDisk {
    fn mount(name: &str, size: &str) -> SmallDisk {
        let dir = target_dir().join(format!("e2e-disk-{name}-{}", std::process::id()));
        let _ = Command::new("umount").arg(&dir).output();
        std::fs::create_dir_all(&dir).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .output()
            .expect("run mount");
        assert!(
            mounted.status.success(),
            "a tmpfs could not be mounted (the e2e tests run as root, as CI does): {}",
            String::from_utf8_lossy(&mounted.stderr)
        );
        SmallDisk { dir }
    }

    /// Fills what is left of the disk with one file; returns it.
    fn fill(&self) -> PathBuf {
        let filler = self.dir.join("filler");
        let _ = Command::new("dd")
            .args(["if=/dev/zero", "bs=64k"])
            .arg(format!("of={}", filler.display()))
            .output();
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.dir).output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// `lighthouse-kiosk status` in English, in the kiosk's session, on `status_file`.
fn status(session: &[(&str, PathBuf)], status_file: &Path) -> (Option<i32>, String) {
    let output = Command::new(kiosk_binary())
        .args(["status", "--lang", "en", "--status-file"])
        .arg(status_file)
        .envs(session.iter().map(|(k, v)| (*k, v)))
        .env_remove("DISPLAY")
        .output()
        .expect("run status");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

fn status_saying(
    session: &[(&str, PathBuf)],
    status_file: &Path,
    what: &str,
    check: impl Fn(Option<i32>, &str) -> bool,
) -> String {
    let deadline = Instant::now() + Duration::from_secs(40);
    loop {
        let (code, printed) = status(session, status_file);
        if check(code, &printed) {
            return printed;
        }
        assert!(
            Instant::now() < deadline,
            "status never said {what}: {code:?}\n{printed}"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

#[test]
fn on_a_full_disk_the_kiosk_runs_on_and_status_says_why_then_that_room_is_back() {
    let disk = SmallDisk::mount("full", "8m");
    let content = ContentCopy::of_defaults_with_two_photos("disk-full");
    lighthouse_e2e::staff::add_pin(&content);
    let home = disk.dir.as_path();
    let env = [
        ("XDG_STATE_HOME", home.join("state")),
        ("XDG_DATA_HOME", home.join("data")),
        ("XDG_CACHE_HOME", home.join("cache")),
    ];
    let env_args: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.to_str().unwrap())).collect();
    let kiosk = Kiosk::start_with_env(LANDSCAPE, &["--content", content.dir_arg()], &env_args);
    let status_file = home.join("state/lighthouse-kiosk/status.json");
    let mut session: Vec<(&str, PathBuf)> = kiosk.session_env().into_iter().collect();
    session.retain(|(k, _)| *k == "XDG_RUNTIME_DIR");
    status_saying(&session, &status_file, "healthy", |code, _| code == Some(0));

    let filler = disk.fill();
    // Running, by its process and lock; and why it cannot say more.
    let full = status_saying(&session, &status_file, "the disk is full", |_, printed| {
        printed.contains("the disk is full")
    });
    assert!(full.contains("running with problems"), "{full}");
    assert!(!full.contains("not running"), "{full}");
    kiosk.wait_for_log_line("the disk is full", Duration::from_secs(30));
    // Said once, however many writes fail meanwhile (the status every 10 s, the counts).
    let deadline = Instant::now() + Duration::from_secs(25);
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_secs(5));
        assert_eq!(
            kiosk.log().matches("the disk is full").count(),
            1,
            "{}",
            kiosk.log()
        );
    }
    assert!(
        kiosk.js("return document.querySelector('.slide.is-current') !== null")
            == serde_json::json!(true),
        "the slideshow goes on"
    );
    // Staff at the screen see it too, in both languages.
    lighthouse_e2e::staff::open_the_door(&kiosk);
    lighthouse_e2e::staff::unlock(&kiosk);
    let panel = lighthouse_e2e::staff::staff_text(&kiosk);
    assert!(
        panel.contains("磁盘已满") && panel.contains("The disk is full ("),
        "{panel}"
    );
    kiosk.screenshot("landscape-1920x1080-staff-panel-disk-full");

    std::fs::remove_file(filler).unwrap();
    kiosk.wait_for_log_line("there is room on the disk again", Duration::from_secs(30));
    status_saying(&session, &status_file, "healthy again", |code, _| {
        code == Some(0)
    });
    // No half-written file was left behind anywhere on the disk.
    let leftovers: Vec<String> = walk(home)
        .into_iter()
        .filter(|p| p.ends_with(".writing"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Every file under `dir`, as paths.
fn walk(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path.display().to_string());
            }
        }
    }
    found
}

/// Every text of the slide or screen on show that runs past its own box or its slide's: a
/// word too long for its column would.
const TEXT_OUT_OF_PLACE: &str = "
    const stage = document.getElementById('stage').getBoundingClientRect();
    const out = [];
    for (const el of document.querySelectorAll('#stage *')) {
      if (el.offsetParent === null || !el.textContent.trim()) continue;
      const box = el.getBoundingClientRect();
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible')
        out.push(el.className + ' overflows itself');
      if (box.right > stage.right + 1 || box.left < stage.left - 1)
        out.push(el.className + ' leaves the stage');
    }
    return out;";

#[test]
fn text_nobody_expected_stays_in_its_column_and_emoji_are_drawn_at_every_size() {
    let content = ContentCopy::of_defaults("odd-text");
    let mut highlights = content.read_json("highlights.json");
    let first = &mut highlights["highlights"][0];
    first["title"] = serde_json::json!({
        "zh": "灯塔\u{202e}基地揭牌 🎉",
        "en": "The base is unveiled 🎉"
    });
    let word = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen".repeat(7);
    first["summary"] = serde_json::json!({ "zh": word.clone(), "en": word });
    content.write_json("highlights.json", &highlights);

    for screen in lighthouse_e2e::ALL_SCREENS {
        let kiosk = Kiosk::start(screen, &["--content", content.dir_arg()]);
        kiosk.wait_until(
            "the first highlight is on screen",
            Duration::from_secs(10),
            "return document.getElementById('stage').dataset.slideKey === 'highlight:base-unveiled'",
        );
        let out = kiosk.js(TEXT_OUT_OF_PLACE);
        let shot = kiosk.screenshot(&format!("{}-zh-odd-text", screen.name()));
        assert_eq!(out, serde_json::json!([]), "{}: {out}", screen.name());
        // The emoji is drawn in colour, not as an empty box: its own box holds pixels of a
        // colour no part of the kiosk's palette has (the party popper's red and blue).
        let rect = kiosk.js(
            "const title = document.querySelector('.slide.is-current .title .primary');
             const range = document.createRange();
             const text = title.firstChild;
             range.setStart(text, text.length - 2); range.setEnd(text, text.length);
             const r = range.getBoundingClientRect();
             return [r.left, r.top, r.width, r.height];",
        );
        let [x, y, w, h] = [0, 1, 2, 3].map(|i| rect[i].as_f64().unwrap().max(0.0) as u32);
        let picture = image::open(&shot).unwrap().to_rgb8();
        let colourful = (x..x + w)
            .flat_map(|px| (y..y + h).map(move |py| (px, py)))
            .filter(|&(px, py)| px < picture.width() && py < picture.height())
            .map(|(px, py)| picture.get_pixel(px, py).0)
            .filter(|[r, g, b]| (*r > 150 && *g < 90 && *b < 120) || (*b > 150 && *r < 100))
            .count();
        assert!(
            colourful > 20,
            "{}: the emoji has {colourful} coloured pixels",
            screen.name()
        );
    }
}

/// The slide's text after fitting: `[--fit, its height, the height it has]`.
const FITTED: &str = "
    const s = document.querySelector('.slide.is-current');
    const st = getComputedStyle(s);
    const room = s.clientHeight - parseFloat(st.paddingTop) - parseFloat(st.paddingBottom);
    return [Number(s.style.getPropertyValue('--fit')),
            s.querySelector('.slide-inner').getBoundingClientRect().height, room];";

#[test]
fn a_highlight_with_every_text_at_its_length_limit_fits_the_smallest_screen() {
    // The limits `check` warns above, in columns (a Chinese character counts two): title 80,
    // summary 400, a figure's value 20 and label 120. Both languages at once, as the
    // slideshow shows them.
    let content = ContentCopy::of_defaults("at-the-limit");
    let mut highlights = content.read_json("highlights.json");
    let text = |zh: &str, en: &str, columns: usize| {
        serde_json::json!({
            "zh": zh.chars().cycle().take(columns / 2).collect::<String>(),
            "en": en.chars().cycle().take(columns).collect::<String>(),
        })
    };
    let first = &mut highlights["highlights"][0];
    first["title"] = text("灯塔基地揭牌", "Lighthouse base opens ", 80);
    first["summary"] = text("高价值专利成果转化", "patent results reach industry ", 400);
    first["figures"] = serde_json::json!([
        { "value": "1,234,567 yuan a day", "label": text("项成果", "results shown ", 120) },
        { "value": "72.7%", "label": text("中国专利奖", "of the awards ", 120) }
    ]);
    content.write_json("highlights.json", &highlights);
    let check = std::process::Command::new(kiosk_binary())
        .args(["check", content.dir_arg(), "--lang", "en"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(
        !said.contains("too long"),
        "at the limit is not too long:\n{said}"
    );

    for screen in lighthouse_e2e::ALL_SCREENS {
        let kiosk = Kiosk::start(screen, &["--content", content.dir_arg()]);
        kiosk.wait_until(
            "the first highlight is on screen",
            Duration::from_secs(10),
            "return document.getElementById('stage').dataset.slideKey === 'highlight:base-unveiled'",
        );
        let fitted = kiosk.js(FITTED);
        kiosk.screenshot(&format!("{}-zh-texts-at-the-limit", screen.name()));
        let (scale, height, room) = (
            fitted[0].as_f64().unwrap(),
            fitted[1].as_f64().unwrap(),
            fitted[2].as_f64().unwrap(),
        );
        assert!(
            height <= room + 1.0,
            "{}: {height} > {room} at --fit {scale}",
            screen.name()
        );
        let widths = kiosk.js(
            "return [...document.querySelectorAll('.slide.is-current .figure')].map((f) =>
               [f.clientWidth, f.scrollWidth, f.querySelector('.figure-value').scrollWidth])",
        );
        assert_eq!(
            kiosk.js(TEXT_OUT_OF_PLACE),
            serde_json::json!([]),
            "{}: --fit {scale}, figures [width, content, value]: {widths}",
            screen.name()
        );
    }
}

#[test]
fn the_page_shows_the_backends_time_whatever_tz_says() {
    // A POSIX time zone string (not a zone name), and the kiosk's test clock: the page must
    // show 17:59 or 18:00 on 30 November, the backend's local time, not its own guess.
    let kiosk = Kiosk::start_with_env(
        LANDSCAPE,
        &[],
        &[("TZ", "CST-8"), ("LIGHTHOUSE_CLOCK", "2026-11-30T17:59:50")],
    );
    let clock = kiosk.js_string("return document.getElementById('clock').textContent");
    assert!(
        (clock.contains("17:59") || clock.contains("18:00")) && clock.contains("11月30日"),
        "the page's clock: {clock}"
    );
}

/// The sizes of the full-screen pictures in the photo cache `dir`, from their names
/// (`<key>.full.<w>x<h>.jpg`).
fn full_photo_sizes(dir: &Path) -> Vec<(u32, u32)> {
    walk(dir)
        .iter()
        .filter_map(|path| {
            let name = Path::new(path).file_name()?.to_str()?;
            let size = name.split(".full.").nth(1)?.strip_suffix(".jpg")?;
            let (w, h) = size.split_once('x')?;
            Some((w.parse().ok()?, h.parse().ok()?))
        })
        .collect()
}

/// For a test that changes the monitor: the default content with two photos larger than
/// every screen (so each is drawn at the screen's own size), an empty photo cache, and an X
/// screen large enough both ways round whose monitor is set to landscape to begin with.
fn monitor_that_can_turn(
    name: &str,
) -> (
    ContentCopy,
    PathBuf,
    lighthouse_e2e::Xvfb,
    lighthouse_e2e::randr::ScreenSize,
) {
    use lighthouse_e2e::{randr::ScreenSize, Screen, Xvfb};
    let content = ContentCopy::of_defaults_with_two_photos(name);
    let large = image::RgbImage::from_fn(2400, 1600, |x, y| {
        image::Rgb([(x / 10) as u8, (y / 7) as u8, ((x + y) / 16) as u8])
    });
    for file in ["one.jpg", "two.jpg"] {
        large.save(content.dir.join("photos").join(file)).unwrap();
    }
    let cache = target_dir().join(format!("e2e-{name}-cache"));
    let _ = std::fs::remove_dir_all(&cache);
    let xvfb = Xvfb::start(Screen {
        width: 1920,
        height: 1920,
    });
    let monitor = ScreenSize::connect(xvfb.display());
    monitor.set(1920, 1080);
    (content, cache, xvfb, monitor)
}

/// The log line of a photo pass that made both photos anew.
const REMADE: &str = "photos: 2 ready, 0 refused, 2 decoded";

#[test]
fn when_the_monitor_changes_the_kiosk_covers_the_new_one_and_remakes_its_photos() {
    use lighthouse_e2e::{PORTRAIT, SMALL};
    let (content, cache, xvfb, monitor) = monitor_that_can_turn("monitor-change");
    let args = [
        "--content",
        content.dir_arg(),
        "--cache",
        cache.to_str().unwrap(),
    ];
    let kiosk = Kiosk::start_on_screen(xvfb, LANDSCAPE, &args);
    kiosk.wait_until_log("the first photo pass", Duration::from_secs(30), |log| {
        log.contains("photos: 2 ready")
    });

    for screen in [PORTRAIT, SMALL, LANDSCAPE] {
        let (w, h) = (screen.width, screen.height);
        let passes_before = kiosk.log().matches(REMADE).count();
        monitor.set(w as u16, h as u16);
        kiosk.wait_until(
            &format!("the page is {w}x{h}"),
            Duration::from_secs(5),
            &format!("return innerWidth === {w} && innerHeight === {h}"),
        );
        kiosk.wait_for_log_line(&format!("to {w}x{h} px at (0, 0)"), Duration::from_secs(2));
        // Every photo is made again for the new size, and only the new pictures are kept.
        kiosk.wait_until_log(
            "a photo pass at the new size",
            Duration::from_secs(30),
            |log| log.matches(REMADE).count() > passes_before,
        );
        let sizes = full_photo_sizes(&cache);
        assert_eq!(sizes.len(), 2, "{}: {sizes:?}", screen.name());
        assert!(
            sizes
                .iter()
                .all(|&(pw, ph)| pw <= w && ph <= h && (pw == w || ph == h)),
            "{}: photos {sizes:?}",
            screen.name()
        );
        // The slide's type is fitted to the new size: nothing runs out of its box.
        kiosk.wait_until(
            "a slide fitted to the new size",
            Duration::from_secs(5),
            &format!("return (() => {{ {TEXT_OUT_OF_PLACE} }})().length === 0"),
        );
        kiosk.screenshot(&format!("{}-monitor-changed", screen.name()));
        // `status` names the new display, and that it changed while the kiosk ran.
        let session: Vec<(&str, PathBuf)> = kiosk.session_env().into_iter().collect();
        status_saying(
            &session,
            &kiosk.status_file(),
            "the new display",
            |_, printed| printed.contains(&format!("display: {w}x{h} px (changed at ")),
        );
    }
}

/// A content file that answers only when the test says so: a named pipe standing where the
/// file should be, like a disk that takes its time after a reboot. A read of it waits until
/// [`SlowFile::answer`], which gives that reader the file's text and puts the file itself
/// back in its place for every later reader.
struct SlowFile {
    path: PathBuf,
    text: String,
    answering: Option<std::thread::JoinHandle<()>>,
}

impl SlowFile {
    fn instead_of(path: PathBuf) -> SlowFile {
        let text = std::fs::read_to_string(&path).expect("read the content file");
        std::fs::remove_file(&path).unwrap();
        let made = Command::new("mkfifo")
            .arg(&path)
            .status()
            .expect("run mkfifo");
        assert!(made.success(), "mkfifo {}", path.display());
        SlowFile {
            path,
            text,
            answering: None,
        }
    }

    fn answer(&mut self) {
        let (path, text) = (self.path.clone(), self.text.clone());
        self.answering = Some(std::thread::spawn(move || {
            // Opens once the kiosk waits to read (or at once, if it already does).
            let mut pipe = std::fs::OpenOptions::new()
                .write(true)
                .open(&path)
                .expect("open the pipe");
            // Before the text goes down the pipe: whoever reads after this one finds the file.
            let file = path.with_file_name(".arrived.json");
            std::fs::write(&file, &text).unwrap();
            std::fs::rename(&file, &path).unwrap();
            let _ = pipe.write_all(text.as_bytes());
        }));
    }
}

impl Drop for SlowFile {
    /// A test that failed before the kiosk read leaves the answer waiting for a reader.
    fn drop(&mut self) {
        if let Some(answering) = self.answering.take() {
            if !answering.is_finished() {
                let _ = std::fs::File::open(&self.path);
            }
            let _ = answering.join();
        }
    }
}

/// How many of the screen's sampled pixels are the lighthouse's red (ui/img/lighthouse.svg),
/// which the page's splash draws large in the middle of the screen.
fn lighthouse_red_pixels(rgb: &[u8]) -> usize {
    const RED: [i32; 3] = [0xe2, 0x48, 0x3d];
    rgb.chunks_exact(3)
        .filter(|p| (0..3).all(|i| (i32::from(p[i]) - RED[i]).abs() <= 24))
        .count()
}

/// After a reboot a large content folder can take seconds to read. The window and its splash
/// come at once, before the content; the first slide follows when the content arrives.
#[test]
fn on_a_slow_disk_the_splash_shows_until_the_content_arrives() {
    let content = ContentCopy::of_defaults("slow-disk");
    let mut highlights = SlowFile::instead_of(content.dir.join("highlights.json"));
    let mut kiosk = PlainKiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while lighthouse_red_pixels(&kiosk.screen_pixels()) < 100 {
        assert!(
            kiosk.is_running() && Instant::now() < deadline,
            "no window while the content was still being read\n{}",
            kiosk.log()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let splash = kiosk.screenshot("slow-disk-splash-before-content");
    let log = kiosk.log();
    assert!(
        !log.contains("content loaded") && !log.contains("first slide painted"),
        "the content was read before the window showed, so this proves nothing:\n{log}"
    );

    highlights.answer();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !kiosk.log().contains("first slide painted") {
        assert!(
            kiosk.is_running() && Instant::now() < deadline,
            "no slide once the content came\n{}",
            kiosk.log()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    kiosk.screenshot("slow-disk-first-slide");
    let red = lighthouse_red_pixels(&kiosk.screen_pixels());
    assert!(
        red < 100,
        "the splash is still on screen ({red} red pixels)"
    );
    drop(kiosk);
    drop(highlights);
    println!("splash: {}", splash.display());
}

/// A monitor swapped while the content is still being read (the window is open by then):
/// the kiosk covers the new one and makes its photos for it, as it does later on.
#[test]
fn a_monitor_changed_while_the_content_loads_is_followed() {
    let (content, cache, xvfb, monitor) = monitor_that_can_turn("monitor-change-loading");
    let mut highlights = SlowFile::instead_of(content.dir.join("highlights.json"));
    let args = [
        "--content",
        content.dir_arg(),
        "--cache",
        cache.to_str().unwrap(),
    ];
    let mut kiosk = PlainKiosk::start_on(xvfb, &args);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !kiosk.log().contains("covering monitor") {
        assert!(
            kiosk.is_running() && Instant::now() < deadline,
            "no window\n{}",
            kiosk.log()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    monitor.set(1080, 1920);
    highlights.answer();

    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let sizes = full_photo_sizes(&cache);
        let portrait = |&(w, h): &(u32, u32)| w <= 1080 && h <= 1920 && (w == 1080 || h == 1920);
        if sizes.len() == 2 && sizes.iter().all(portrait) {
            break;
        }
        assert!(
            kiosk.is_running() && Instant::now() < deadline,
            "the photos are still {sizes:?}, not made for the new 1080x1920 monitor\n{}",
            kiosk.log()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        kiosk
            .log()
            .contains("changed to 1080x1920 px at (0, 0) while the kiosk started"),
        "{}",
        kiosk.log()
    );
    kiosk.screenshot("monitor-changed-while-loading");
    drop(kiosk);
    drop(highlights);
}

#[test]
fn a_new_version_installed_under_the_running_kiosk_takes_over_at_a_slide_boundary() {
    // The kiosk runs from a file of its own, which an "upgrade" then replaces the way dpkg
    // does: a new file written beside it and renamed over it.
    let folder = target_dir().join(format!("e2e-upgrade-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let program = folder.join("lighthouse-kiosk");
    std::fs::copy(kiosk_binary(), &program).unwrap();
    let content = ContentCopy::of_defaults("upgrade");
    let mut kiosk = PlainKiosk::start_program(
        &program,
        lighthouse_e2e::Xvfb::start(LANDSCAPE),
        &["--content", content.dir_arg()],
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while !kiosk.log().contains("first slide painted") {
        assert!(
            Instant::now() < deadline,
            "the kiosk never showed a slide: {}",
            kiosk.log()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(kiosk.is_running());

    let unpacked = folder.join("lighthouse-kiosk.dpkg-new");
    std::fs::copy(kiosk_binary(), &unpacked).unwrap();
    std::fs::rename(&unpacked, &program).unwrap();

    let ended = kiosk
        .wait_for_exit(Duration::from_secs(60))
        .unwrap_or_else(|| panic!("the kiosk never took the new version: {}", kiosk.log()));
    assert_eq!(ended.code(), Some(65), "{}", kiosk.log());
    let log = kiosk.log();
    let noticed = log.find("a new version of").expect("the log says why");
    let restarted = log.find("restarting into the new version at a slide boundary");
    assert!(restarted.is_some_and(|at| at > noticed), "{log}");
    std::fs::remove_dir_all(&folder).unwrap();
}
