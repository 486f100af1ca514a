//! `make bench`, large content: what a content folder many times the default's size costs
//! the kiosk, each figure beside the same figure for content of the default's size, measured
//! in the same run on the release binary.
//!
//! The large folder has 300 highlights (the default ones in turn, with bodies three times as
//! long) and 1,500 different photos; the baseline has the 8 default highlights and 15 photos.
//! Both are made by `lighthouse_e2e::large` (the photos once, kept under target/).

use lighthouse_e2e::figures::{median, percentile, row};
use lighthouse_e2e::large::large_content;
use lighthouse_e2e::process::run_ok;
use lighthouse_e2e::{kiosk_binary, target_dir, ContentCopy, Kiosk, LANDSCAPE};
use serde_json::json;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const CHECKS: usize = 5;
const STARTS: usize = 3;
const RELOADS: usize = 5;
/// Time for WebKit to settle after the first slide before memory is read.
const SETTLE: Duration = Duration::from_secs(5);

/// One content folder and what it holds.
struct Sized {
    name: &'static str,
    content: ContentCopy,
    highlights: usize,
    photos: usize,
}

impl Sized {
    fn items(&self) -> f64 {
        (self.highlights + self.photos) as f64
    }
}

fn main() {
    println!("kiosk binary: {}", kiosk_binary().display());
    let sizes = [
        Sized {
            name: "default size (baseline)",
            content: large_content("bench-size-default", 8, 15),
            highlights: 8,
            photos: 15,
        },
        Sized {
            name: "large",
            content: large_content("bench-size-large", 300, 1500),
            highlights: 300,
            photos: 1500,
        },
    ];
    let [small, large] = &sizes;
    println!(
        "\ncontent: {} highlights and {} photos (baseline), {} highlights and {} photos (large)",
        small.highlights, small.photos, large.highlights, large.photos
    );

    println!("\n`check` of the folder (ms), {CHECKS} runs each");
    let checks: Vec<Vec<f64>> = sizes.iter().map(|s| checks(&s.content.dir)).collect();
    compare(&sizes, &checks);

    println!("\nfirst `prepare` of every photo into an empty cache, at 1920x1080 (one run each)");
    let caches: Vec<_> = sizes
        .iter()
        .map(|s| {
            let cache = target_dir().join(format!("bench-size-cache-{}", s.photos));
            let _ = std::fs::remove_dir_all(&cache);
            let started = Instant::now();
            run_ok(
                Command::new(kiosk_binary())
                    .arg("prepare")
                    .arg(&s.content.dir)
                    .arg("--cache")
                    .arg(&cache),
            );
            let seconds = started.elapsed().as_secs_f64();
            println!(
                "  {:<38} {seconds:>7.1} s   {:>6.1} photos/s",
                s.name,
                s.photos as f64 / seconds
            );
            cache
        })
        .collect();

    let mut starts = Vec::new();
    let mut memory_at_start = Vec::new();
    let mut memory_after_browsing = Vec::new();
    let mut to_list = Vec::new();
    let mut to_gallery = Vec::new();
    let mut scrolling_list = Vec::new();
    let mut scrolling_gallery = Vec::new();
    for (s, cache) in sizes.iter().zip(&caches) {
        let run = starts_and_browsing(&s.content.dir, cache);
        starts.push(run.first_slide);
        memory_at_start.push(run.memory_at_start);
        memory_after_browsing.push(run.memory_after_browsing);
        to_list.push(run.to_list);
        to_gallery.push(run.to_gallery);
        scrolling_list.push(run.scrolling_list);
        scrolling_gallery.push(run.scrolling_gallery);
    }
    println!("\nstart to first slide painted (ms, the kiosk's own log; photos prepared), {STARTS} starts each");
    compare_whole(&sizes, &starts);
    println!("\nmemory {SETTLE:?} after the first slide (PSS of the kiosk and WebKit, MB)");
    compare_whole(&sizes, &memory_at_start);
    println!("\nmemory after a visitor opened every screen (PSS, MB)");
    compare_whole(&sizes, &memory_after_browsing);
    println!("\ntap to the highlights list painted (ms, the page's own measure: the tap's input event to the second frame after it)");
    compare_whole(&sizes, &to_list);
    println!("\ntap to the gallery painted (ms, the same measure)");
    compare_whole(&sizes, &to_gallery);
    for (screen, frames) in [
        ("highlights list", &scrolling_list),
        ("gallery", &scrolling_gallery),
    ] {
        println!(
            "\nframe interval while the {screen} scrolls {SCROLL_PX} px (or as far as it goes) in {SCROLL_MS} ms (ms, every frame of {STARTS} scrolls)"
        );
        compare_frames(&sizes, frames);
    }

    println!("\nhighlights.json saved to the new text painted (ms), {RELOADS} edits each");
    let reloads: Vec<Vec<f64>> = sizes
        .iter()
        .zip(&caches)
        .map(|(s, cache)| reloads(&s.content, cache))
        .collect();
    compare(&sizes, &reloads);
}

/// Rows for a figure that should grow with the content: with the time per item.
fn compare(sizes: &[Sized], values: &[Vec<f64>]) {
    for (s, v) in sizes.iter().zip(values) {
        row(s.name, v);
    }
    let ratio = median(&values[1]) / median(&values[0]);
    let per_item = ratio / (sizes[1].items() / sizes[0].items());
    println!(
        "  ratio large / baseline: {ratio:.2} for {:.0}x the items; per item: {per_item:.2}",
        sizes[1].items() / sizes[0].items()
    );
}

/// Rows of frame intervals, with the slowest frames (p95) beside the median.
fn compare_frames(sizes: &[Sized], values: &[Vec<f64>]) {
    for (s, v) in sizes.iter().zip(values) {
        row(s.name, v);
    }
    let [small, large] = [&values[0], &values[1]];
    println!(
        "  p95: baseline {:.1} ms, large {:.1} ms; ratio of medians large / baseline: {:.2}",
        percentile(small, 95.0),
        percentile(large, 95.0),
        median(large) / median(small)
    );
}

/// Rows for a figure that should hardly grow with the content.
fn compare_whole(sizes: &[Sized], values: &[Vec<f64>]) {
    for (s, v) in sizes.iter().zip(values) {
        row(s.name, v);
    }
    println!(
        "  ratio large / baseline: {:.2}",
        median(&values[1]) / median(&values[0])
    );
}

fn checks(dir: &Path) -> Vec<f64> {
    (0..CHECKS)
        .map(|_| {
            let started = Instant::now();
            run_ok(Command::new(kiosk_binary()).arg("check").arg(dir));
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect()
}

struct Browsing {
    first_slide: Vec<f64>,
    memory_at_start: Vec<f64>,
    memory_after_browsing: Vec<f64>,
    to_list: Vec<f64>,
    to_gallery: Vec<f64>,
    /// Frame intervals while the list, then the gallery, scroll (see [`scroll_frames`]).
    scrolling_list: Vec<f64>,
    scrolling_gallery: Vec<f64>,
}

/// How far and how fast the open screen is scrolled: a visitor's long fling.
const SCROLL_PX: u32 = 4000;
const SCROLL_MS: u32 = 2000;

/// The intervals (ms) between the frames painted while the open screen scrolls down
/// SCROLL_PX in SCROLL_MS, moved by script each frame, then back to the top. A long list
/// scrolls past the items built at first, so the frames include those built on the way.
/// A screen that cannot scroll that far (the default content's) scrolls as far as it can
/// in the same time, so every frame moves it and is painted, as with the large content.
fn scroll_frames(kiosk: &Kiosk) -> Vec<f64> {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const scroller = document.querySelector('#screen .scroll');
         const distance = Math.min({SCROLL_PX}, scroller.scrollHeight - scroller.clientHeight);
         const frames = [];
         const start = performance.now();
         const step = (t) => {{
             frames.push(t);
             const f = Math.min(1, Math.max(0, (t - start) / {SCROLL_MS}));
             scroller.scrollTop = distance * f;
             if (f < 1) requestAnimationFrame(step);
             else {{ scroller.scrollTop = 0; requestAnimationFrame(() => done({{ frames, distance }})); }}
         }};
         requestAnimationFrame(step);"
    );
    let times = kiosk
        .session
        .execute_async(&script, json!([]))
        .expect("scroll the open screen");
    let distance = times["distance"].as_f64().expect("distance scrolled");
    assert!(distance > 0.0, "the open screen does not scroll");
    let times: Vec<f64> = times["frames"]
        .as_array()
        .expect("frame times")
        .iter()
        .filter_map(serde_json::Value::as_f64)
        .collect();
    times.windows(2).map(|w| w[1] - w[0]).collect()
}

/// Starts the kiosk on `dir` several times; each time reads its start-up time and memory,
/// then opens every screen as a visitor would and reads memory again.
fn starts_and_browsing(dir: &Path, cache: &Path) -> Browsing {
    let mut run = Browsing {
        first_slide: Vec::new(),
        memory_at_start: Vec::new(),
        memory_after_browsing: Vec::new(),
        to_list: Vec::new(),
        to_gallery: Vec::new(),
        scrolling_list: Vec::new(),
        scrolling_gallery: Vec::new(),
    };
    let args = [
        "--content",
        dir.to_str().expect("a UTF-8 path"),
        "--cache",
        cache.to_str().expect("a UTF-8 path"),
    ];
    for _ in 0..STARTS {
        let kiosk = Kiosk::start(LANDSCAPE, &args);
        std::thread::sleep(SETTLE);
        run.first_slide.push(
            kiosk
                .logged_first_paint_ms()
                .expect("the kiosk logs its start-up time"),
        );
        run.memory_at_start.push(kiosk.pss_kb() as f64 / 1024.0);
        kiosk.tap(LANDSCAPE.width / 2, LANDSCAPE.height / 2);
        kiosk.wait_for_screen("interactive", "home");
        run.to_list.push(kiosk.timed_go("highlights"));
        run.scrolling_list.extend(scroll_frames(&kiosk));
        kiosk.tap_on(".card");
        kiosk.wait_for_screen("interactive", "story");
        run.to_gallery.push(kiosk.timed_go("photos"));
        run.scrolling_gallery.extend(scroll_frames(&kiosk));
        kiosk.tap_on(".thumb");
        kiosk.wait_for_screen("interactive", "viewer");
        kiosk.go("contact");
        std::thread::sleep(SETTLE);
        run.memory_after_browsing
            .push(kiosk.pss_kb() as f64 / 1024.0);
    }
    run
}

fn reloads(content: &ContentCopy, cache: &Path) -> Vec<f64> {
    let kiosk = Kiosk::start(
        LANDSCAPE,
        &[
            "--content",
            content.dir_arg(),
            "--cache",
            cache.to_str().expect("a UTF-8 path"),
        ],
    );
    let mut highlights = content.read_json("highlights.json");
    let original = highlights.clone();
    let mut latencies = Vec::new();
    for i in 0..RELOADS {
        highlights["highlights"][0]["title"]["zh"] = json!(format!("第{i}次修改"));
        latencies.push(kiosk.timed_save(content, "highlights.json", &highlights));
        std::thread::sleep(Duration::from_millis(500));
    }
    content.write_json("highlights.json", &original);
    latencies
}
