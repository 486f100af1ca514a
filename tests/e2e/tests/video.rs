//! Video slides, played by the real kiosk from real files (tests/videos): a video
//! plays (the X screen changes inside its box), the slideshow moves on after it without a
//! black frame in between, a damaged or stalled video is skipped and named in the status,
//! and the `video://` scheme answers ranges and refuses paths out of the photos folder.

use lighthouse_e2e::x_screen::{Area, XScreen};
use lighthouse_e2e::{workspace_root, ContentCopy, Kiosk, Screen, ALL_SCREENS, LANDSCAPE};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn fixture(name: &str) -> std::path::PathBuf {
    workspace_root().join("tests/videos").join(name)
}

/// The default content cut to two highlights, with `videos` (`(file in photos/, fixture)`)
/// in photos.json, 3-second slides.
fn content(name: &str, videos: &[(&str, &str)]) -> ContentCopy {
    let content = ContentCopy::of_defaults(name);
    let mut entries = Vec::new();
    for (file, from) in videos {
        std::fs::copy(fixture(from), content.dir.join("photos").join(file)).expect("copy a video");
        entries.push(json!({
            "file": file,
            "caption": { "zh": "测试视频：移动的图案", "en": "Test video: a moving pattern" },
            "credit": "Lighthouse Kiosk tests"
        }));
    }
    let mut photos = content.read_json("photos.json");
    photos["photos"] = Value::Array(entries);
    content.write_json("photos.json", &photos);
    let mut highlights = content.read_json("highlights.json");
    highlights["highlights"].as_array_mut().unwrap().truncate(2);
    content.write_json("highlights.json", &highlights);
    let mut settings = content.read_json("settings.json");
    settings["slideSeconds"] = json!(3);
    content.write_json("settings.json", &settings);
    content
}

fn wait_for_slide(kiosk: &Kiosk, key: &str, within: Duration) {
    kiosk.wait_until(
        &format!("the slide {key} is on screen"),
        within,
        &format!(
            "return document.getElementById('stage').dataset.slideKey === {key:?}
               && document.querySelector('.slide.is-current') !== null
               && document.querySelectorAll('.slide').length === 1"
        ),
    );
}

/// Samples the stage every 30 ms on its own X connection until stopped: the largest share
/// of black pixels seen, and when.
struct BlackWatch {
    stop: Arc<AtomicBool>,
    worst: Arc<Mutex<(f64, usize)>>,
    thread: Option<std::thread::JoinHandle<usize>>,
}

impl BlackWatch {
    fn start(display: &str, area: Area) -> BlackWatch {
        let stop = Arc::new(AtomicBool::new(false));
        let worst = Arc::new(Mutex::new((0.0, 0)));
        let screen = XScreen::connect(display);
        let (stop_in, worst_in) = (stop.clone(), worst.clone());
        let thread = std::thread::spawn(move || {
            let mut samples = 0;
            while !stop_in.load(Ordering::Relaxed) {
                let share = screen.black_share(area);
                samples += 1;
                let mut worst = worst_in.lock().unwrap();
                if share > worst.0 {
                    *worst = (share, samples);
                }
                drop(worst);
                std::thread::sleep(Duration::from_millis(30));
            }
            samples
        });
        BlackWatch {
            stop,
            worst,
            thread: Some(thread),
        }
    }

    /// (the largest black share, the samples taken)
    fn finish(mut self) -> (f64, usize) {
        self.stop.store(true, Ordering::Relaxed);
        let samples = self.thread.take().unwrap().join().unwrap();
        (self.worst.lock().unwrap().0, samples)
    }
}

#[test]
fn a_video_slide_plays_and_hands_over_without_a_black_frame() {
    let content = content(
        "video-plays",
        &[
            ("opening.mp4", "moving-h264.mp4"),
            ("opening.webm", "moving-vp9.webm"),
        ],
    );
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let watch = BlackWatch::start(kiosk.display(), kiosk.area_of("#stage"));
    let screen = XScreen::connect(kiosk.display());
    for (key, next) in [
        ("photo:opening.mp4", "photo:opening.webm"),
        ("photo:opening.webm", "contacts"),
    ] {
        wait_for_slide(&kiosk, key, Duration::from_secs(40));
        let area = kiosk.area_of(".slide.is-current video");
        let before = screen.pixels(area);
        let at = kiosk.js("return document.querySelector('.slide.is-current video').currentTime");
        kiosk.wait_until(
            "the video has played on a second",
            Duration::from_secs(3),
            &format!(
                "return document.querySelector('.slide.is-current video').currentTime >= {} + 1",
                at.as_f64().unwrap()
            ),
        );
        let after = screen.pixels(area);
        let changed = before
            .chunks_exact(4)
            .zip(after.chunks_exact(4))
            .filter(|(a, b)| a != b)
            .count();
        assert!(
            changed > before.len() / 4 / 20,
            "{key}: only {changed} pixels changed in a second of video"
        );
        kiosk.screenshot(&format!("{}-video-{key}", LANDSCAPE.name()).replace(':', "-"));
        // It stays up for its own length (4 s), then the show goes on.
        let started = Instant::now();
        wait_for_slide(&kiosk, next, Duration::from_secs(8));
        assert!(started.elapsed() < Duration::from_secs(6));
    }
    let (worst, samples) = watch.finish();
    println!("black share at worst {worst:.3} over {samples} samples");
    assert!(samples > 100, "the screen was sampled: {samples}");
    assert!(
        worst < 0.5,
        "a frame {:.0} % black was seen on the stage",
        worst * 100.0
    );
    let status = kiosk.wait_for_status("no video was skipped", Duration::from_secs(1), |_| true);
    let _ = status;
    let skipped = kiosk.status_report().map(|s| s.videos.skipped);
    assert_eq!(skipped.unwrap_or(0), 0, "no video was skipped");
}

#[test]
fn a_video_slide_fits_at_every_size() {
    let content = content("video-sizes", &[("opening.mp4", "moving-h264.mp4")]);
    for screen in ALL_SCREENS {
        shoot_at(screen, &content);
    }
}

fn shoot_at(screen: Screen, content: &ContentCopy) {
    let kiosk = Kiosk::start(screen, &["--content", content.dir_arg()]);
    wait_for_slide(&kiosk, "photo:opening.mp4", Duration::from_secs(40));
    kiosk.wait_until(
        "the video plays",
        Duration::from_secs(3),
        "return document.querySelector('.slide.is-current video').currentTime > 0.5",
    );
    assert_eq!(
        kiosk.js(lighthouse_e2e::OUT_OF_PLACE),
        json!([]),
        "{}",
        screen.name()
    );
    kiosk.screenshot(&format!("{}-video", screen.name()));
}

#[test]
fn a_damaged_or_stalled_video_is_skipped_and_named_in_the_status() {
    // Cut in half: the container says so, so it is refused before it is shown.
    let whole = std::fs::read(fixture("moving-h264.mp4")).unwrap();
    let webm = std::fs::read(fixture("moving-vp9.webm")).unwrap();
    let content = content("video-broken", &[("fine.mp4", "moving-h264.mp4")]);
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    wait_for_slide(&kiosk, "photo:fine.mp4", Duration::from_secs(40));
    // Cut in half: its container says so, and `check` refuses it like a damaged photo
    // (the content on screen stays; the status names the file and what to do).
    std::fs::write(
        content.dir.join("photos/cut.mp4"),
        &whole[..whole.len() / 2],
    )
    .unwrap();
    let mut photos = content.read_json("photos.json");
    let list = photos["photos"].as_array_mut().unwrap();
    list.insert(
        0,
        json!({ "file": "cut.mp4", "caption": "A damaged test video" }),
    );
    content.write_json("photos.json", &photos);
    let status = kiosk.wait_for_status("cut.mp4 is named", Duration::from_secs(10), |s| {
        s["diagnostics"].to_string().contains("photos/cut.mp4")
    });
    assert!(
        status["diagnostics"].to_string().contains("copy it again"),
        "{status}"
    );
    // Its header whole, its pictures cut after a third: it passes the check, and stops
    // playing where its pictures end.
    std::fs::write(
        content.dir.join("photos/stalls.webm"),
        &webm[..webm.len() / 3],
    )
    .unwrap();
    photos["photos"][0] = json!({ "file": "stalls.webm", "caption": "A damaged test video" });
    content.write_json("photos.json", &photos);
    wait_for_slide(&kiosk, "photo:stalls.webm", Duration::from_secs(40));
    let shown = Instant::now();
    kiosk.wait_until(
        "the stalled video is left behind",
        Duration::from_secs(8),
        "return document.getElementById('stage').dataset.slideKey !== 'photo:stalls.webm'",
    );
    println!("left behind after {:?}", shown.elapsed());
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let status = kiosk.status_report().unwrap();
        if status.videos.skipped_files.contains_key("stalls.webm") {
            println!("videos: {:?}", status.videos);
            break;
        }
        assert!(Instant::now() < deadline, "not named: {:?}", status.videos);
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(kiosk.log().contains("stalls.webm"), "the log names it");
    // New content gives a skipped video another chance: the status forgets it, then it is
    // shown again, skipped again and named again.
    photos["photos"][0]["caption"] = json!("A damaged test video, again");
    content.write_json("photos.json", &photos);
    wait_for_videos(&kiosk, "the status forgets the skip", |v| v.skipped == 0);
    wait_for_slide(&kiosk, "photo:stalls.webm", Duration::from_secs(40));
    wait_for_videos(&kiosk, "it is named again", |v| {
        v.skipped == 1 && v.skipped_files.contains_key("stalls.webm")
    });
}

/// Waits until the status file's `videos` pass `check`.
fn wait_for_videos(
    kiosk: &Kiosk,
    what: &str,
    check: impl Fn(&lighthouse_core::status::VideoCounts) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let status = kiosk.status_report().expect("a status file");
        if check(&status.videos) {
            return;
        }
        assert!(Instant::now() < deadline, "{what}: {:?}", status.videos);
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn the_video_scheme_answers_ranges_and_refuses_paths_out_of_the_photos_folder() {
    let content = content("video-scheme", &[("opening.mp4", "moving-h264.mp4")]);
    let kiosk = Kiosk::start(LANDSCAPE, &["--content", content.dir_arg()]);
    let whole = std::fs::read(fixture("moving-h264.mp4")).unwrap();
    let answer = kiosk
        .session
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch('video://localhost/opening.mp4', { headers: { Range: 'bytes=100-199' } })
               .then(async (r) => done({ status: r.status, range: r.headers.get('content-range'),
                                         bytes: [...new Uint8Array(await r.arrayBuffer())] }),
                     (e) => done({ error: String(e) }));",
            json!([]),
        )
        .expect("fetch a range");
    assert_eq!(answer["status"], json!(206), "{answer}");
    assert_eq!(
        answer["range"],
        json!(format!("bytes 100-199/{}", whole.len()))
    );
    assert_eq!(answer["bytes"], json!(whole[100..200].to_vec()));
    for hostile in [
        "video://localhost/../settings.json",
        "video://localhost/%2e%2e/settings.json",
        "video://localhost/..%2Fsettings.json",
        "video://localhost/%2Fetc%2Fpasswd",
    ] {
        let answer = kiosk
            .session
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 fetch(arguments[0]).then(async (r) => done({ status: r.status, length: (await r.arrayBuffer()).byteLength }),
                                          (e) => done({ error: String(e) }));",
                json!([hostile]),
            )
            .expect("fetch");
        assert!(
            answer["error"].is_string() || answer["length"] == json!(0),
            "{hostile}: {answer}"
        );
    }
}
