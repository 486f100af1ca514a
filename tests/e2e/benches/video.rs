//! `make bench`, videos: what a 1080p H.264 video slide costs without a GPU (the kiosk's
//! and WebKit's processes, % of one core), beside a still highlight slide of the same length
//! measured in the same run, and the longest gap between the video's last frame and the next
//! slide's first, as seen on the X screen.
//!
//! The video is made with ffmpeg's moving test pattern (`make bench` installs ffmpeg):
//! 1920x1080, 30 frames a second, 10 s, H.264 at 6 Mbit/s, as `check` advises.

use lighthouse_e2e::figures::median;
use lighthouse_e2e::x_screen::{Area, XScreen};
use lighthouse_e2e::{ContentCopy, Kiosk, LANDSCAPE};
use serde_json::json;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const CYCLES: usize = 3;
const VIDEO_SECONDS: u32 = 10;

fn main() {
    let video = video_1080p();
    let content = ContentCopy::of_defaults("bench-video");
    std::fs::copy(&video, content.dir.join("photos/clip.mp4")).expect("copy the video");
    let mut photos = content.read_json("photos.json");
    photos["photos"] = json!([{ "file": "clip.mp4", "caption": "1080p H.264 test pattern" }]);
    content.write_json("photos.json", &photos);
    let mut highlights = content.read_json("highlights.json");
    highlights["highlights"].as_array_mut().unwrap().truncate(1);
    content.write_json("highlights.json", &highlights);
    let mut settings = content.read_json("settings.json");
    settings["slideSeconds"] = json!(VIDEO_SECONDS);
    settings["photoMotion"] = json!(false);
    content.write_json("settings.json", &settings);

    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let (mut video_cpu, mut still_cpu, mut gaps) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..CYCLES {
        // The highlight before the video: a still slide of the same length, the baseline.
        wait_for(&kiosk, "highlight:", Duration::from_secs(30));
        still_cpu.push(cpu_while_on(&kiosk, "highlight:"));
        wait_for(&kiosk, "photo:clip.mp4", Duration::from_secs(30));
        let stage = kiosk.area_of("#stage");
        let changes = ScreenChanges::start(kiosk.display(), strips(stage));
        video_cpu.push(cpu_while_on(&kiosk, "photo:clip.mp4"));
        let switched = Instant::now();
        // The next slide has faded in by now.
        std::thread::sleep(Duration::from_millis(1500));
        gaps.push(changes.gap_around(switched));
    }
    println!("\na 1080p H.264 video slide ({VIDEO_SECONDS} s, 6 Mbit/s), no GPU, {CYCLES} cycles, medians:");
    let (video, still) = (median(&video_cpu), median(&still_cpu));
    println!(
        "  CPU, % of one core: video slide {video:.1} %, still highlight slide {still:.1} % (baseline), {:.1}x",
        video / still.max(0.1)
    );
    let longest = gaps.iter().copied().fold(0.0, f64::max);
    println!(
        "  gap between the video's last frame and the next slide's first: median {:.0} ms, longest {longest:.0} ms",
        median(&gaps)
    );
}

/// The 1080p clip, made once in target/bench-videos.
fn video_1080p() -> PathBuf {
    let dir = lighthouse_e2e::target_dir().join("bench-videos");
    std::fs::create_dir_all(&dir).expect("make the folder");
    let path = dir.join("1080p-h264.mp4");
    if path.exists() {
        return path;
    }
    let made = std::process::Command::new("ffmpeg")
        .args(["-v", "error", "-y", "-f", "lavfi", "-i"])
        .arg(format!(
            "testsrc2=size=1920x1080:rate=30:duration={VIDEO_SECONDS}"
        ))
        .args([
            "-c:v", "libx264", "-b:v", "6M", "-pix_fmt", "yuv420p", "-an",
        ])
        .args(["-movflags", "+faststart"])
        .arg(&path)
        .status()
        .expect("run ffmpeg (`make bench` installs it)");
    assert!(made.success(), "ffmpeg could not make the video");
    path
}

fn slide_key(kiosk: &Kiosk) -> String {
    kiosk.slide_key()
}

fn wait_for(kiosk: &Kiosk, key_start: &str, within: Duration) {
    kiosk.wait_until(
        &format!("a slide {key_start}… is on screen"),
        within,
        &format!(
            "return (document.getElementById('stage').dataset.slideKey ?? '').startsWith({key_start:?})
               && document.querySelectorAll('.slide').length === 1"
        ),
    );
}

/// The share of one core the kiosk and WebKit use while the slide whose key starts with
/// `key_start` stays on screen (from now until it changes).
fn cpu_while_on(kiosk: &Kiosk, key_start: &str) -> f64 {
    let (start, ticks) = (Instant::now(), kiosk.cpu_ticks());
    while slide_key(kiosk).starts_with(key_start) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let used = kiosk.cpu_ticks() - ticks;
    used as f64 / start.elapsed().as_secs_f64()
}

/// Three thin strips across the stage (at a quarter, half and three quarters of its
/// height): small enough to read every few milliseconds, wide enough to cross both the
/// video's moving pattern and the next slide's text.
fn strips((x, y, width, height): Area) -> Vec<Area> {
    [1, 2, 3]
        .iter()
        .map(|q| (x, y + (i32::from(height) * q / 4) as i16, width, 2))
        .collect()
}

/// When the strips changed, read on their own X connection every few milliseconds.
struct ScreenChanges {
    stop: Arc<AtomicBool>,
    changes: Arc<Mutex<Vec<Instant>>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl ScreenChanges {
    fn start(display: &str, areas: Vec<Area>) -> ScreenChanges {
        let screen = XScreen::connect(display);
        let stop = Arc::new(AtomicBool::new(false));
        let changes = Arc::new(Mutex::new(Vec::new()));
        let (stop_in, changes_in) = (stop.clone(), changes.clone());
        let thread = std::thread::spawn(move || {
            let mut last: Vec<Vec<u8>> = Vec::new();
            while !stop_in.load(Ordering::Relaxed) {
                let now: Vec<Vec<u8>> = areas.iter().map(|a| screen.pixels(*a)).collect();
                if now != last {
                    changes_in.lock().unwrap().push(Instant::now());
                    last = now;
                }
                std::thread::sleep(Duration::from_millis(3));
            }
        });
        ScreenChanges {
            stop,
            changes,
            thread: Some(thread),
        }
    }

    /// The longest stillness (ms) between the last change before `switched` (the video's
    /// last frame) and the first after it (the next slide coming in).
    fn gap_around(mut self, switched: Instant) -> f64 {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.take().unwrap().join().unwrap();
        let changes = self.changes.lock().unwrap();
        let last_frame = changes.iter().filter(|t| **t <= switched).max();
        let next_first = changes.iter().filter(|t| **t > switched).min();
        match (last_frame, next_first) {
            (Some(a), Some(b)) => b.duration_since(*a).as_secs_f64() * 1000.0,
            _ => f64::NAN,
        }
    }
}
