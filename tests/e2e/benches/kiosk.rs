//! `make bench`: what the kiosk costs on this machine, measured on the release binary in a
//! private Xvfb: start-up time, memory, and how long an edited file takes to reach the screen.
//!
//! Each figure is a median of several runs with its spread, next to a baseline taken in the
//! same run, because this machine's speed varies from minute to minute.

use lighthouse_e2e::{ContentCopy, Kiosk, LANDSCAPE};
use serde_json::json;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const STARTS: usize = 5;
const RELOADS: usize = 9;
/// Time for WebKit to settle after the first slide before memory is read.
const SETTLE: Duration = Duration::from_secs(5);

fn main() {
    let binary = lighthouse_e2e::kiosk_binary();
    println!("kiosk binary: {}", binary.display());

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

    let latencies = reloads();
    println!("\nfile saved to new text painted (ms), {RELOADS} edits");
    row("hot reload", &latencies);
    let debounce = lighthouse_core::watch::RELOAD_DEBOUNCE.as_millis() as f64;
    println!(
        "  of which the deliberate quiet period: {debounce} ms ({:.0}% of the median)",
        100.0 * debounce / median(&latencies)
    );
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
        let before =
            kiosk.js("return document.getElementById('stage').dataset.contentPaintedAt ?? ''");
        let saved_at = epoch_ms();
        content.write_json("highlights.json", &highlights);
        kiosk.wait_until(
            "the edit is on screen",
            Duration::from_secs(10),
            &format!(
                "return (document.getElementById('stage').dataset.contentPaintedAt ?? '') !== {before}"
            ),
        );
        let painted: f64 = kiosk
            .js_string("return document.getElementById('stage').dataset.contentPaintedAt")
            .parse()
            .unwrap();
        assert_eq!(kiosk.current_title(), title);
        latencies.push(painted - saved_at);
        std::thread::sleep(Duration::from_millis(500));
    }
    latencies
}

fn epoch_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as f64
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

fn row(name: &str, values: &[f64]) {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(0.0, f64::max);
    println!(
        "  {name:<38} median {:>7.1}   min {min:>7.1}   max {max:>7.1}",
        median(values)
    );
}
