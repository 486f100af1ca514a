//! The kiosk behind a lobby screen nobody watches: a visitor cannot leave it or break it,
//! it comes back from its own faults, and it says how it is doing.

use lighthouse_core::proc::descriptors_and_threads;
use lighthouse_e2e::{kiosk_binary, ContentCopy, Kiosk, Xvfb, LANDSCAPE};
use serde_json::json;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Leaves a mark in the page: gone after a reload or a navigation.
fn mark(kiosk: &Kiosk) {
    kiosk.js("window.__mark = 'still here'");
}

/// True once the page was loaded again (the mark is gone) and shows a slide.
const A_FRESH_PAGE_SHOWS_A_SLIDE: &str =
    "return window.__mark === undefined && document.querySelector('.slide.is-current') !== null";

fn marked(kiosk: &Kiosk) -> bool {
    kiosk.js("return window.__mark === 'still here' && location.protocol === 'tauri:'")
        == json!(true)
}

#[test]
fn no_script_link_or_new_window_takes_the_screen_elsewhere() {
    let kiosk = Kiosk::start(LANDSCAPE, &[]);
    mark(&kiosk);
    assert_eq!(
        kiosk.js("return window.open('https://example.org/', '_blank') === null"),
        json!(true),
        "a script cannot open a window"
    );
    kiosk.js(
        "const a = document.createElement('a'); a.href = 'https://example.org/'; a.target = '_blank';
         document.body.append(a); a.click(); a.remove();",
    );
    // Asked last: the page's requests reach the kiosk in order, so once this one is refused
    // (and logged), the link's was decided before it and nothing is left that could take
    // the screen.
    kiosk.js("location.href = 'https://example.org/'");
    kiosk.wait_for_log_line(
        "refused to leave the kiosk's page for https://example.org/",
        Duration::from_secs(5),
    );
    assert!(
        marked(&kiosk),
        "the kiosk's page is still the one on screen"
    );
    assert!(kiosk.js("return document.querySelector('.slide.is-current') !== null") == json!(true));
}

#[test]
fn no_menu_and_no_browser_key_does_anything() {
    let kiosk = Kiosk::start(LANDSCAPE, &[]);
    kiosk.tap(LANDSCAPE.width / 2, LANDSCAPE.height / 2);
    kiosk.wait_for_screen("interactive", "home");
    kiosk.go("highlights");
    mark(&kiosk);
    let before = kiosk.screenshot("landscape-1920x1080-before-keys");

    // A right click (as a long press arrives) and every browser key.
    xdotool(&kiosk, &["mousemove", "700", "500", "click", "3"]);
    let keys = [
        "ctrl+r",
        "F5",
        "ctrl+w",
        "ctrl+q",
        "ctrl+p",
        "ctrl+f",
        "ctrl+plus",
        "ctrl+minus",
        "ctrl+u",
        "F12",
        "alt+F4",
        "alt+Left",
    ];
    for key in keys {
        xdotool(&kiosk, &["key", key]);
    }
    // The kiosk says of each key it ignored so; once all are, none can still act.
    kiosk.wait_until_log(
        "every browser key is ignored",
        Duration::from_secs(5),
        |log| {
            log.lines()
                .filter(|l| l.contains(": key ") && l.trim_end().ends_with(" ignored"))
                .count()
                >= keys.len()
        },
    );
    let after = kiosk.screenshot("landscape-1920x1080-after-keys");
    assert!(marked(&kiosk), "the page was neither reloaded nor left");
    assert_eq!(kiosk.screen_name(), "highlights");
    assert_eq!(
        kiosk.js("return [innerWidth, innerHeight, devicePixelRatio]"),
        json!([1920, 1080, 1]),
        "not zoomed"
    );
    // Nothing opened over the page: no menu, no find bar, no print dialog. (The clock may
    // have moved on a minute, so the masthead is left out.)
    let (before, after) = (
        image::open(before).unwrap().to_rgb8(),
        image::open(after).unwrap().to_rgb8(),
    );
    let changed = (120..LANDSCAPE.height)
        .flat_map(|y| (0..LANDSCAPE.width).map(move |x| (x, y)))
        .filter(|&(x, y)| before.get_pixel(x, y) != after.get_pixel(x, y))
        .count();
    assert!(changed < 200, "{changed} pixels changed below the masthead");
}

/// Runs xdotool on the kiosk's X server.
fn xdotool(kiosk: &Kiosk, args: &[&str]) {
    let status = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", kiosk.display())
        .status()
        .expect("run xdotool (make deps-test installs it)");
    assert!(status.success(), "xdotool {args:?}");
}

#[test]
fn a_second_start_says_so_and_leaves_the_first_alone() {
    let kiosk = Kiosk::start(LANDSCAPE, &[]);
    mark(&kiosk);
    let second = Command::new(kiosk_binary())
        .env("DISPLAY", kiosk.display())
        .envs(kiosk.session_env())
        .stdin(Stdio::null())
        .output()
        .expect("start a second kiosk");
    let said = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(2), "{said}");
    assert!(said.contains("already running"), "{said}");
    assert!(marked(&kiosk), "the first kiosk carries on");
}

#[test]
fn a_killed_web_process_is_replaced_and_the_slideshow_goes_on_within_10_s() {
    let content = ContentCopy::of_defaults("crash");
    let mut settings = content.read_json("settings.json");
    settings["slideSeconds"] = json!(3);
    content.write_json("settings.json", &settings);
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let web = kiosk.pids_named("WebKitWebProces");
    assert_eq!(web.len(), 1, "one web process: {web:?}");
    let killed = Instant::now();
    assert!(Command::new("kill")
        .args(["-KILL", &web[0].to_string()])
        .status()
        .unwrap()
        .success());
    kiosk.wait_for_log_line("the web process ended", Duration::from_secs(10));
    let back = a_new_web_process_changes_the_screen(&kiosk, &web, killed);
    eprintln!("a new frame reached the screen {back:?} after the web process was killed");
}

#[test]
fn a_hung_page_is_given_a_new_web_process_and_the_slideshow_goes_on() {
    let content = ContentCopy::of_defaults("hung");
    let mut settings = content.read_json("settings.json");
    settings["slideSeconds"] = json!(3);
    content.write_json("settings.json", &settings);
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let web = kiosk.pids_named("WebKitWebProces");
    // A script that never gives the page back: no heartbeat, no slide, no reply to a reload.
    kiosk.js("setTimeout(() => { for (;;) {} }, 100); return null;");
    let line = kiosk.wait_for_log_line(
        "loading the page again in a new web process",
        Duration::from_secs(50),
    );
    assert!(line.contains("hung"), "{line}");
    let back = a_new_web_process_changes_the_screen(&kiosk, &web, Instant::now());
    eprintln!("a new frame reached the screen {back:?} after the hung page was ended");
    // Counted once, with why: the kiosk's own ending of the process is not a second crash.
    let restarts = kiosk.status_report().unwrap().web_view_restarts;
    assert_eq!(restarts.len(), 1, "{restarts:?}");
    assert!(restarts[0].reason.contains("(hung)"), "{restarts:?}");
    assert!(!kiosk.log().contains("the web process ended"));
    // Healed: reported as what it was, and no problem now the page answers again.
    let deadline = Instant::now() + Duration::from_secs(30);
    let healed = loop {
        let (code, printed) = status(&kiosk.status_file());
        if code == Some(0) && printed.contains("recovered") {
            break printed;
        }
        assert!(
            Instant::now() < deadline,
            "status never said healthy and recovered:\n{printed}"
        );
        std::thread::sleep(Duration::from_millis(500));
    };
    assert!(
        healed.contains(": healthy") && healed.contains("(hung)"),
        "{healed}"
    );
}

/// Waits (10 s at most from `since`) for a web process that is not one of `old` and for the
/// screen to change: WebDriver's session ends with the page, and a dead page's last frame
/// stays on screen, so only a change reaching the X screen proves the slideshow is back. Then
/// checks it keeps moving. Returns how long after `since` the screen first changed.
fn a_new_web_process_changes_the_screen(kiosk: &Kiosk, old: &[u32], since: Instant) -> Duration {
    let deadline = since + Duration::from_secs(10);
    let mut previous = stage_pixels(kiosk);
    let back = loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = stage_pixels(kiosk);
        let fresh_process = kiosk
            .pids_named("WebKitWebProces")
            .iter()
            .any(|pid| !old.contains(pid));
        let changed = now != previous;
        previous = now;
        if fresh_process && changed {
            break since.elapsed();
        }
        assert!(
            Instant::now() < deadline,
            "nothing changed on screen within 10 s"
        );
    };
    // And it keeps moving: the frame it came back with is followed by another slide within a
    // slide's time (a page that only went blank would stay as it is).
    let deadline = Instant::now() + Duration::from_secs(10);
    while stage_pixels(kiosk) == previous {
        assert!(Instant::now() < deadline, "the slideshow does not go on");
        std::thread::sleep(Duration::from_millis(500));
    }
    back
}

/// The middle of the screen, where the slides are, as raw pixels.
fn stage_pixels(kiosk: &Kiosk) -> Vec<u8> {
    let shot = kiosk.screenshot("landscape-1920x1080-crash-check");
    image::open(shot)
        .unwrap()
        .crop_imm(0, 200, LANDSCAPE.width, 700)
        .to_rgb8()
        .into_raw()
}

#[test]
fn above_its_memory_ceiling_the_kiosk_reloads_then_renews_the_web_process_then_says_the_ceiling_is_too_low(
) {
    let content = ContentCopy::of_defaults("ceiling");
    let mut settings = content.read_json("settings.json");
    settings["slideSeconds"] = json!(3);
    settings["memoryLimitMiB"] = json!(100);
    content.write_json("settings.json", &settings);
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    mark(&kiosk);
    let line = kiosk.wait_for_log_line("loading the page again: memory", Duration::from_secs(45));
    assert!(line.contains("above the ceiling of 100 MiB"), "{line}");
    kiosk.wait_until(
        "a fresh page shows a slide",
        Duration::from_secs(10),
        A_FRESH_PAGE_SHOWS_A_SLIDE,
    );
    // The fresh page goes on from the slide after the one the old page ended on.
    let resumed_after =
        kiosk.js_string("return document.getElementById('stage').dataset.resumedAfter ?? ''");
    assert_ne!(resumed_after, "", "the fresh page started the show again");
    let first = kiosk.slide_key();
    assert_ne!(first, resumed_after);
    if resumed_after != "contacts" {
        assert_ne!(
            kiosk.js_string("return document.getElementById('stage').dataset.slideIndex"),
            "0",
            "after {resumed_after}, the show began again at its first slide"
        );
    }
    kiosk.wait_until(
        "the slideshow moves on",
        Duration::from_secs(10),
        &format!("return document.getElementById('stage').dataset.slideKey !== '{first}'"),
    );
    // The status says why.
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let status = std::fs::read_to_string(kiosk.status_file()).unwrap_or_default();
        if status.contains("above the ceiling of 100 MiB") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the status never showed the reload: {status}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    // No page of this content fits in 100 MiB, so the reload was not enough: at the next
    // measurement (every 30 s) the page gets a new web process, and when even that stays
    // above, the kiosk says the ceiling is too low and stops trying, the slideshow going on.
    let web = kiosk.pids_named("WebKitWebProces");
    let line = kiosk.wait_for_log_line("in a new web process", Duration::from_secs(45));
    assert!(line.contains("after a reload"), "{line}");
    a_new_web_process_changes_the_screen(&kiosk, &web, Instant::now());
    let line = kiosk.wait_for_log_line("lower than this content needs", Duration::from_secs(45));
    assert!(line.contains("memoryLimitMiB"), "{line}");
    // Two more measurements (the status says when each was taken) find it still above, and
    // neither loads the page again.
    let restarts = kiosk.log().matches("loading the page again").count();
    let measured = || {
        kiosk
            .status_report()
            .and_then(|s| s.memory_measured_at_ms)
            .unwrap_or(0)
    };
    for _ in 0..2 {
        let before = measured();
        let deadline = Instant::now() + Duration::from_secs(45);
        while measured() == before {
            assert!(
                Instant::now() < deadline,
                "the memory is no longer measured"
            );
            std::thread::sleep(Duration::from_millis(500));
        }
    }
    assert_eq!(
        kiosk.log().matches("loading the page again").count(),
        restarts,
        "the kiosk went on loading the page again after saying the ceiling is too low"
    );
}

#[test]
fn when_its_display_goes_away_the_kiosk_exits_non_zero() {
    let xvfb = Xvfb::start(LANDSCAPE);
    let home = lighthouse_e2e::process::session_home(0);
    let mut kiosk = Command::new(kiosk_binary())
        .env("DISPLAY", xvfb.display())
        .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
        .env("XDG_RUNTIME_DIR", home.join("runtime"))
        .env("XDG_STATE_HOME", home.join("state"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the kiosk");
    // Wait until it is up: its status file appears once it runs.
    let status = home.join("state/lighthouse-kiosk/status.json");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !status.exists() {
        assert!(Instant::now() < deadline, "the kiosk never started");
        assert!(
            kiosk.try_wait().unwrap().is_none(),
            "the kiosk stopped by itself"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(xvfb);
    let deadline = Instant::now() + Duration::from_secs(10);
    let code = loop {
        if let Some(exit) = kiosk.try_wait().unwrap() {
            break exit.code();
        }
        assert!(
            Instant::now() < deadline,
            "the kiosk kept running without a display"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(code.is_some_and(|c| c != 0), "exit status {code:?}");
}

/// Runs `lighthouse-kiosk status` on `file`; returns its exit code and what it printed.
fn status(file: &std::path::Path) -> (Option<i32>, String) {
    let output = Command::new(kiosk_binary())
        .args(["status", "--lang", "en", "--status-file"])
        .arg(file)
        .env_remove("DISPLAY")
        .output()
        .expect("run status");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn status_tells_a_healthy_kiosk_a_degraded_one_and_none() {
    let content = ContentCopy::of_defaults("status");
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let file = kiosk.status_file();
    let wait_for = |what: &str, code: i32| -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let (got, printed) = status(&file);
            if got == Some(code) {
                return printed;
            }
            assert!(
                Instant::now() < deadline,
                "status never said {what}: {got:?}\n{printed}"
            );
            std::thread::sleep(Duration::from_millis(300));
        }
    };
    let healthy = wait_for("healthy", 0);
    assert!(healthy.contains(": healthy"), "{healthy}");
    // Memory measured when asked, not a figure from before the first measurement.
    assert!(!healthy.contains("memory: 0 MiB"), "{healthy}");
    assert!(healthy.contains("measured 0 s ago"), "{healthy}");
    assert!(
        healthy.contains(&format!("content: {}", content.dir.display())),
        "{healthy}"
    );
    assert!(healthy.contains("web view: never restarted"), "{healthy}");
    assert!(healthy.contains("memory: "), "{healthy}");

    // A broken edit: the kiosk keeps the last good content and says what is wrong.
    content.write_text("highlights.json", "{ \"highlights\": [ }");
    let degraded = wait_for("degraded", 1);
    assert!(degraded.contains("running with problems"), "{degraded}");
    assert!(
        degraded.contains("highlights.json line 1,"),
        "the problem as check prints it:\n{degraded}"
    );

    drop(kiosk);
    let (code, printed) = status(&file);
    assert_eq!(code, Some(3), "{printed}");
    assert!(printed.contains("not running"), "{printed}");
    let (code, _) = status(std::path::Path::new("/nonexistent/status.json"));
    assert_eq!(code, Some(3));
}

#[test]
fn the_mouse_pointer_hides_when_still_and_at_a_touch() {
    let content = ContentCopy::of_defaults("cursor");
    let mut settings = content.read_json("settings.json");
    settings["cursorHideSeconds"] = json!(1);
    content.write_json("settings.json", &settings);
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let hidden = "return document.documentElement.classList.contains('cursor-hidden')";
    assert_eq!(kiosk.js(hidden), json!(true), "hidden from the start");
    xdotool(
        &kiosk,
        &["mousemove", "300", "300", "mousemove", "320", "310"],
    );
    kiosk.wait_until(
        "the pointer shows",
        Duration::from_secs(3),
        &hidden.replace("return ", "return !"),
    );
    kiosk.wait_until("the pointer hides again", Duration::from_secs(3), hidden);
    xdotool(&kiosk, &["mousemove", "400", "400"]);
    kiosk.wait_until(
        "the pointer shows",
        Duration::from_secs(3),
        &hidden.replace("return ", "return !"),
    );
    kiosk.play_touches(&lighthouse_e2e::Touches::swipe(
        (500.0, 500.0),
        (500.0, 500.0),
        50,
        1,
        true,
    ));
    assert_eq!(kiosk.js(hidden), json!(true), "a touch hides it at once");
}

#[test]
fn loading_the_page_again_leaves_no_thread_or_descriptor_behind() {
    let kiosk = Kiosk::start(LANDSCAPE, &[]);
    // Open descriptors and threads of the web process(es) together.
    let web_process = || -> (usize, usize) {
        kiosk
            .pids_named("WebKitWebProces")
            .into_iter()
            .map(descriptors_and_threads)
            .fold((0, 0), |sum, one| (sum.0 + one.0, sum.1 + one.1))
    };
    // The page is loaded again the way the renewal and the memory ceiling do it, in the
    // same web process; the first time counts as part of starting.
    let load_again = || {
        mark(&kiosk);
        // Scheduled, so this script returns before its page goes away.
        kiosk.js("setTimeout(() => location.reload(), 0)");
        kiosk.wait_until(
            "the page is back with a slide",
            Duration::from_secs(20),
            A_FRESH_PAGE_SHOWS_A_SLIDE,
        );
        // Counted once the web process has settled: the same counts half a second apart.
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut last = web_process();
        loop {
            std::thread::sleep(Duration::from_millis(500));
            let now = web_process();
            if now == last {
                break;
            }
            assert!(Instant::now() < deadline, "the web process never settled");
            last = now;
        }
    };
    load_again();
    let before = web_process();
    for _ in 0..6 {
        load_again();
    }
    let after = web_process();
    assert!(
        after.0 <= before.0 + 2 && after.1 <= before.1 + 2,
        "six more loads of the page left descriptors {} -> {} and threads {} -> {} in the web process",
        before.0,
        after.0,
        before.1,
        after.1
    );
}
