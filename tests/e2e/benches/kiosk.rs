//! `make bench`: what the kiosk costs on this machine, measured on the release binary in a
//! private Xvfb: start-up time (by its log, and as seen on the X screen), memory, how long an
//! edited file takes to reach the screen, how quickly a tap is answered, how smoothly a
//! dragged story follows the finger, and how much CPU the slideshow takes when nobody is
//! touching it.
//!
//! Each figure is a median of several runs with its spread, next to a baseline taken in the
//! same run, because this machine's speed varies from minute to minute.
//!
//! The slideshow's CPU is measured beside Chromium showing the same ui/ on the same content.
//!
//! `BENCH_PARTS=tap,drag` (any of start, reload, tap, drag, cpu, pictures) measures only those
//! parts.

use lighthouse_e2e::camera::camera_like;
use lighthouse_e2e::figures::{median, percentile, row};
use lighthouse_e2e::x_screen::{Area, XScreen};
use lighthouse_e2e::{
    first_paint_ms_in, Browser, ContentCopy, Kiosk, PlainKiosk, Touches, Xvfb, LANDSCAPE,
};
use serde_json::json;
use std::time::{Duration, Instant};

const STARTS: usize = 5;
const RELOADS: usize = 9;
const TAPS: usize = 15;
/// Drags of a story measured, each with its baselines.
const DRAGS: usize = 5;
/// How long the attract-mode CPU is measured for: fifteen slides at the default 12 s
/// (`BENCH_CPU_SECONDS` changes it, for a quick look).
fn attract_cpu_time() -> Duration {
    let seconds = std::env::var("BENCH_CPU_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(180);
    Duration::from_secs(seconds)
}
/// Time for WebKit to settle after the first slide before memory is read.
const SETTLE: Duration = Duration::from_secs(5);

/// Whether this run measures `part` (every part unless BENCH_PARTS names some).
fn measures(part: &str) -> bool {
    std::env::var("BENCH_PARTS").map_or(true, |parts| parts.split(',').any(|p| p.trim() == part))
}

fn main() {
    let binary = lighthouse_e2e::kiosk_binary();
    println!("kiosk binary: {}", binary.display());
    if measures("start") {
        startup_and_memory();
    }
    if measures("reload") {
        hot_reload();
    }
    if measures("tap") {
        taps();
    }
    if measures("drag") {
        drag();
    }
    if measures("cpu") {
        cpu();
    }
    if measures("pictures") {
        pictures();
    }
}

fn startup_and_memory() {
    let builtin = startups(&[]);
    let folder = ContentCopy::of_defaults("bench-start");
    let from_folder = startups(&["--content", folder.dir_arg()]);
    println!("\nstart to first slide painted (ms, from the kiosk's own log), {STARTS} starts each");
    row("built-in content (baseline)", &builtin.0);
    row("content folder, checked and watched", &from_folder.0);
    println!(
        "  ratio folder / built-in: {:.2}",
        median(&from_folder.0) / median(&builtin.0)
    );

    println!(
        "\nmemory {SETTLE:?} after the first slide (PSS of every kiosk and WebKit process, MB)"
    );
    row("built-in content", &builtin.1);
    row("content folder", &from_folder.1);

    let (outside, logged) = first_slides_seen_from_outside();
    println!(
        "\nstart to first slide on the X screen (ms, the screen polled from outside every {} ms \
         from just before exec; release build, built-in content), {STARTS} starts",
        POLL_EVERY.as_millis()
    );
    row("the kiosk's own log (baseline)", &logged);
    row("seen on the screen", &outside);
    println!(
        "  ratio seen / logged: {:.2}",
        median(&outside) / median(&logged)
    );
}

/// How often the screen is read while waiting for the first slide.
const POLL_EVERY: Duration = Duration::from_millis(5);
/// A band across the first slide's title at 1920x1080, clear of the splash's lighthouse (in
/// the middle of the screen) and the masthead: light text appears there only with a slide.
/// Thin, so that reading it often does not slow down the start it measures.
const TITLE_AREA: Area = (40, 350, 840, 24);
/// Light pixels in TITLE_AREA that mean a slide's title is drawn (the first slide's title
/// has about 9,600; the splash none).
const TITLE_DRAWN: usize = 1000;

/// Start to the first slide, as a person in front of the screen sees it, beside the time
/// the kiosk logs for the same starts.
fn first_slides_seen_from_outside() -> (Vec<f64>, Vec<f64>) {
    let mut outside = Vec::new();
    let mut logged = Vec::new();
    for _ in 0..STARTS {
        let xvfb = Xvfb::start(LANDSCAPE);
        let screen = XScreen::connect(xvfb.display());
        let started = Instant::now();
        let kiosk = PlainKiosk::start_on(xvfb, &[]);
        while screen.light_pixels(TITLE_AREA) < TITLE_DRAWN {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "no slide on the screen after 30 s\n{}",
                kiosk.log()
            );
            std::thread::sleep(POLL_EVERY);
        }
        outside.push(started.elapsed().as_secs_f64() * 1000.0);
        while first_paint_ms_in(&kiosk.log()).is_none() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "{}",
                kiosk.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        logged.push(first_paint_ms_in(&kiosk.log()).expect("a start-up time"));
    }
    (outside, logged)
}

fn hot_reload() {
    let latencies = reloads();
    println!("\nfile saved to new text painted (ms), {RELOADS} edits");
    row("hot reload", &latencies);
    let debounce = lighthouse_core::watch::RELOAD_DEBOUNCE.as_millis() as f64;
    println!(
        "  of which the deliberate quiet period: {debounce} ms ({:.0}% of the median)",
        100.0 * debounce / median(&latencies)
    );
}

fn taps() {
    let (responses, frames) = tap_responses();
    println!(
        "\ntap to the response painted (ms, input event to the second frame after it), {TAPS} taps"
    );
    row("two frames with nothing to do (baseline)", &frames);
    row("tap on a bar entry, new screen painted", &responses);
    println!(
        "  ratio tap / baseline: {:.2}",
        median(&responses) / median(&frames)
    );
}

fn drag() {
    let frames = drag_frames();
    println!(
        "\nframe interval (ms) while a finger drags a story (60 moves over 1 s, {DRAGS} drags)"
    );
    row("no finger (baseline)", &frames.idle);
    row("full size, moved by script", &frames.scripted);
    row("dragging", &frames.dragging);
    println!(
        "  p95: baseline {:.1} ms, full size moved by script {:.1} ms, dragging (lifted) {:.1} ms",
        percentile(&frames.idle, 95.0),
        percentile(&frames.scripted, 95.0),
        percentile(&frames.dragging, 95.0)
    );
}

fn cpu() {
    println!(
        "\nattract mode CPU over {} s, six camera photos beside the default highlights, % of one core: \
         Chromium --kiosk --disable-gpu (baseline, all its processes) on the same ui/ and content, \
         and the kiosk (its own and WebKit's processes)",
        attract_cpu_time().as_secs()
    );
    let mut still = 0.0;
    for attract in [
        Attract::still(12),
        Attract {
            motion: Some(true),
            ..Attract::still(12)
        },
        Attract::still(3),
    ] {
        let chromium = chromium_attract_cpu(attract);
        let kiosk = attract_cpu(attract, &[]);
        println!(
            "  {:<40} Chromium {chromium:>5.1} %   kiosk {kiosk:>5.1} %   kiosk / Chromium {:.2}",
            attract.describe(),
            kiosk / chromium
        );
        if attract == Attract::still(12) {
            still = kiosk;
        }
    }
    let default = attract_cpu(
        Attract {
            motion: None,
            ..Attract::still(12)
        },
        &[],
    );
    let dmabuf = attract_cpu(
        Attract::still(12),
        &[("WEBKIT_DISABLE_DMABUF_RENDERER", "0")],
    );
    println!(
        "  the kiosk against itself, 12-s slides, photos still ({still:.1} %) as the baseline:"
    );
    println!(
        "    default settings (\"auto\")            {default:>5.1} %   {:.2}x",
        default / still
    );
    println!(
        "    motion off, DMA-BUF renderer forced on {dmabuf:>5.1} %   {:.2}x",
        dmabuf / still
    );
}

/// What the attract-mode slideshow is set to show.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Attract {
    /// `photoMotion`; None leaves it out (so "auto").
    motion: Option<bool>,
    slide_seconds: u32,
}

impl Attract {
    fn still(slide_seconds: u32) -> Attract {
        Attract {
            motion: Some(false),
            slide_seconds,
        }
    }

    fn describe(self) -> String {
        let motion = match self.motion {
            Some(true) => "photo motion on",
            Some(false) => "photos still",
            None => "photo motion \"auto\"",
        };
        format!("{}-s slides, {motion}", self.slide_seconds)
    }

    /// The default content with six camera photos in the gallery, set as `self` says.
    fn content(self, name: &str) -> ContentCopy {
        let content = content_with_photos(name);
        let mut settings = content.read_json("settings.json");
        if let Some(motion) = self.motion {
            settings["photoMotion"] = json!(motion);
        }
        settings["slideSeconds"] = json!(self.slide_seconds);
        content.write_json("settings.json", &settings);
        content
    }

    /// How many slides the content makes: a slide per highlight, per photo, and the contacts.
    fn slides(content: &ContentCopy) -> usize {
        content.read_json("highlights.json")["highlights"]
            .as_array()
            .map_or(0, Vec::len)
            + CAMERA_PHOTOS.len()
            + 1
    }
}

/// Camera photos in the attract-mode content: sizes from 2048 to 6000 px wide, landscape and
/// portrait, as a lobby's album has them.
const CAMERA_PHOTOS: [(u32, u32); 6] = [
    (4032, 3024),
    (3024, 4032),
    (6000, 4000),
    (4608, 3456),
    (2048, 1536),
    (4000, 3000),
];

/// The default content with six camera photos in the gallery.
fn content_with_photos(name: &str) -> ContentCopy {
    let made = lighthouse_e2e::target_dir().join("bench-photos");
    let list: Vec<_> = (0..CAMERA_PHOTOS.len())
        .map(|i| json!({ "file": format!("camera-{i}.jpg"), "caption": format!("Photo {i}") }))
        .collect();
    let content = ContentCopy::of_defaults_with_photos(name, json!(list));
    for (i, (width, height)) in CAMERA_PHOTOS.into_iter().enumerate() {
        let photo = camera_like(&made, &format!("{width}x{height}.jpg"), width, height);
        std::fs::copy(photo, content.dir.join(format!("photos/camera-{i}.jpg")))
            .expect("copy a camera photo");
    }
    content
}

fn tap_responses() -> (Vec<f64>, Vec<f64>) {
    let kiosk = Kiosk::start(LANDSCAPE, &[]);
    kiosk.tap(LANDSCAPE.width / 2, LANDSCAPE.height / 2);
    kiosk.wait_for_screen("interactive", "home");
    let mut responses = Vec::new();
    let mut frames = Vec::new();
    for i in 0..TAPS {
        let screen = if i % 2 == 0 { "highlights" } else { "contact" };
        responses.push(kiosk.timed_go(screen));
        let frame = kiosk
            .session
            .execute_async(
                "const done = arguments[arguments.length - 1]; const t0 = performance.now();
                 requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));",
                json!([]),
            )
            .unwrap();
        frames.push(frame.as_f64().unwrap());
        std::thread::sleep(Duration::from_millis(300));
    }
    (responses, frames)
}

/// Frame intervals (ms) of a story page in three states.
struct DragFrames {
    /// Nothing moves.
    idle: Vec<f64>,
    /// The story, at full size, moved along the same path by a script once a frame: what
    /// drawing an item that large costs, with no touch events and no lift.
    scripted: Vec<f64>,
    /// A finger drags the story (lifted, see ui/js/swipe-follow.js).
    dragging: Vec<f64>,
}

/// Frame intervals while a finger drags a story sideways, while a script moves it, and with
/// nothing moving, each DRAGS times.
fn drag_frames() -> DragFrames {
    let kiosk = Kiosk::start(LANDSCAPE, &[]);
    kiosk.tap(LANDSCAPE.width / 2, LANDSCAPE.height / 2);
    kiosk.wait_for_screen("interactive", "home");
    kiosk.tap_on(".nav-button[data-screen=highlights]");
    kiosk.wait_for_screen("interactive", "highlights");
    kiosk.tap_on(".card");
    kiosk.wait_for_screen("interactive", "story");
    // Each recording has its own number, so a stopped one never adds frames to the next.
    let record = "window.__frames = []; const id = window.__recording = (window.__recording ?? 0) + 1;
        const step = (t) => { if (window.__recording !== id) return; window.__frames.push(t); requestAnimationFrame(step); };
        requestAnimationFrame(step);";
    let intervals = |kiosk: &Kiosk| -> Vec<f64> {
        let times = kiosk.js("window.__recording += 1; return window.__frames");
        let times: Vec<f64> = times
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_f64().unwrap())
            .collect();
        times.windows(2).map(|w| w[1] - w[0]).collect()
    };
    let move_by_script = "const done = arguments[arguments.length - 1];
        const story = document.querySelector('#stage [data-swipe]');
        story.style.willChange = 'transform';
        const start = performance.now();
        const step = (t) => {
            const f = Math.min(1, (t - start) / 1000);
            story.style.transform = `translateX(${-250 * f}px)`;
            if (f < 1) requestAnimationFrame(step);
            else { story.style.transform = ''; story.style.willChange = ''; done(); }
        };
        requestAnimationFrame(step);";
    let mut frames = DragFrames {
        idle: Vec::new(),
        scripted: Vec::new(),
        dragging: Vec::new(),
    };
    for _ in 0..DRAGS {
        kiosk.js(record);
        std::thread::sleep(Duration::from_secs(1));
        frames.idle.extend(intervals(&kiosk));

        kiosk.js(record);
        kiosk
            .session
            .execute_async(move_by_script, json!([]))
            .unwrap();
        frames.scripted.extend(intervals(&kiosk));

        kiosk.js(record);
        kiosk.play_touches(&Touches::swipe(
            (1500.0, 600.0),
            (1250.0, 600.0),
            1000,
            60,
            false,
        ));
        frames.dragging.extend(intervals(&kiosk));
        // The story springs back or gives way to the next one; either is then dragged.
        kiosk.play_touches(&Touches::lift((1250.0, 600.0)));
        std::thread::sleep(Duration::from_secs(1));
    }
    frames
}

/// Every photo is in the slideshow: the moment its cost is what a lobby pays all day.
fn all_slides_shown(slides: usize) -> String {
    format!("return Number(document.getElementById('stage').dataset.slideCount ?? 0) >= {slides}")
}

/// The share of one core the kiosk and WebKit use in attract mode as `attract` says, with
/// `env` for the kiosk.
fn attract_cpu(attract: Attract, env: &[(&str, &str)]) -> f64 {
    attract_cpu_and_pictures(attract, env).0
}

/// [`attract_cpu`], and how many pictures of the screen the kiosk saved meanwhile.
fn attract_cpu_and_pictures(attract: Attract, env: &[(&str, &str)]) -> (f64, usize) {
    let content = attract.content("bench-attract");
    let kiosk = Kiosk::start_with_env(LANDSCAPE, &["--content", content.dir_arg()], env);
    kiosk.wait_until(
        "the photos are in the slideshow",
        Duration::from_secs(60),
        &all_slides_shown(Attract::slides(&content)),
    );
    std::thread::sleep(SETTLE);
    let before = kiosk.cpu_ticks();
    let pictures = pictures_saved(&content.dir.join("status"), attract_cpu_time());
    let used = kiosk.cpu_ticks() - before;
    assert_eq!(kiosk.mode(), "attract");
    (used as f64 / attract_cpu_time().as_secs_f64(), pictures)
}

/// How many times a picture in `folder` is written anew during `time` (looked at each second).
fn pictures_saved(folder: &std::path::Path, time: Duration) -> usize {
    let newest = || {
        std::fs::read_dir(folder)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "jpg"))
            .filter_map(|e| e.metadata().ok()?.modified().ok())
            .max()
    };
    let end = Instant::now() + time;
    let mut last = newest();
    let mut saved = 0;
    while Instant::now() < end {
        std::thread::sleep(
            Duration::from_secs(1).min(end.saturating_duration_since(Instant::now())),
        );
        let now = newest();
        if now != last {
            saved += 1;
            last = now;
        }
    }
    saved
}

/// What the picture of the screen for the fleet page costs: the slideshow with none, with
/// one a minute (the default) and with one every 5 s, whose difference gives one picture's cost.
fn pictures() {
    const EVERY: &str = "LIGHTHOUSE_TEST_PICTURE_SECONDS";
    let time = attract_cpu_time().as_secs_f64();
    println!(
        "\nthe picture of the screen for the fleet page (WebKit's snapshot to a JPEG <= 50 KiB), \
         attract mode, 12-s slides, photos still, over {time:.0} s, % of one core:"
    );
    let (none, _) = attract_cpu_and_pictures(Attract::still(12), &[(EVERY, "0")]);
    let (default, taken) = attract_cpu_and_pictures(Attract::still(12), &[]);
    let (often, many) = attract_cpu_and_pictures(Attract::still(12), &[(EVERY, "5")]);
    println!("  no pictures (baseline)       {none:>5.1} %");
    println!(
        "  one a minute (default)       {default:>5.1} %   {:+.2} points, {:.2}x  ({taken} pictures)",
        default - none,
        default / none
    );
    println!(
        "  one every 5 s                {often:>5.1} %   {:+.2} points, {:.2}x  ({many} pictures)",
        often - none,
        often / none
    );
    if many > 0 {
        println!(
            "  one picture: {:.0} ms of CPU (kiosk and WebKit), from the 5-s run against the baseline",
            (often - none) / 100.0 * time * 1000.0 / many as f64
        );
    }
}

/// The same for Chromium showing the kiosk's ui/ full screen on the same content.
fn chromium_attract_cpu(attract: Attract) -> f64 {
    let content = attract.content("bench-attract-chromium");
    let browser = Browser::kiosk_window(LANDSCAPE, &content.dir);
    browser.wait_until(
        "the photos are in the slideshow",
        &all_slides_shown(Attract::slides(&content)),
    );
    std::thread::sleep(SETTLE);
    let before = browser.cpu_ticks();
    std::thread::sleep(attract_cpu_time());
    let used = browser.cpu_ticks() - before;
    assert_eq!(
        browser.js("return document.getElementById('kiosk').dataset.mode"),
        json!("attract")
    );
    used as f64 / attract_cpu_time().as_secs_f64()
}

/// Start-up times (ms) and memory (MB) over several starts.
fn startups(args: &[&str]) -> (Vec<f64>, Vec<f64>) {
    let mut times = Vec::new();
    let mut memory = Vec::new();
    for _ in 0..STARTS {
        let kiosk = Kiosk::start(LANDSCAPE, args);
        std::thread::sleep(SETTLE);
        times.push(
            kiosk
                .logged_first_paint_ms()
                .expect("the kiosk logs its start-up time"),
        );
        memory.push(kiosk.pss_kb() as f64 / 1024.0);
    }
    (times, memory)
}

fn reloads() -> Vec<f64> {
    let content = ContentCopy::of_defaults("bench-reload");
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let mut highlights = content.read_json("highlights.json");
    let mut latencies = Vec::new();
    for i in 0..RELOADS {
        let title = format!("第{i}次修改");
        highlights["highlights"][0]["title"]["zh"] = json!(title);
        latencies.push(kiosk.timed_save(&content, "highlights.json", &highlights));
        assert_eq!(kiosk.current_title(), title);
        std::thread::sleep(Duration::from_millis(500));
    }
    latencies
}
