//! `make bench` (photos): the photo pipeline against vipsthumbnail and ImageMagick on the
//! same 24-megapixel photos in the same run, plus throughput, memory, quality and the warm
//! start. Run with `cargo bench -p lighthouse-core --bench photos`.
//!
//! Each tool runs as its own process under GNU time, so all are measured the same way: CPU
//! time (user + system) and peak memory (maximum resident set). The task for every tool is
//! the same: one picture fitting 1920x1080 at quality 85, and one 480-pixel thumbnail.

use lighthouse_core::photo_cache::{prepare_all, PhotoCache};
use lighthouse_core::pipeline::{render, Size};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const SCREEN: Size = Size {
    width: 1920,
    height: 1080,
};
/// Camera photos to measure: 6000x4000, quality 90, made from a real photograph.
const PHOTOS: usize = 4;
const ROUNDS: usize = 5;
const WARM_PHOTOS: usize = 1000;

fn main() {
    // Re-invoked by itself to measure one photo in a process of its own.
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--render-one") {
        let rendered = render(Path::new(&args[i + 1]), SCREEN).expect("render");
        let out = PathBuf::from(&args[i + 2]);
        std::fs::write(out.with_extension("full.jpg"), rendered.full.jpeg).unwrap();
        std::fs::write(out.with_extension("thumb.jpg"), rendered.thumbnail.jpeg).unwrap();
        return;
    }
    if args.iter().any(|a| a == "--list") || args.iter().any(|a| a == "--test") {
        return; // cargo test/bench probing the binary
    }

    let work = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-photos");
    std::fs::create_dir_all(&work).unwrap();
    let sources = camera_photos(&work);
    let out = work.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let me = std::env::current_exe().unwrap();
    let me_for_table = me.clone();

    println!("\nper 24-megapixel JPEG -> 1920x1080 q85 + 480px thumbnail, one process each, {} photos x {ROUNDS} rounds", sources.len());
    println!(
        "  {:<44} {:>10} {:>10} {:>10}",
        "tool", "CPU ms", "ratio", "peak MB"
    );
    let tools: Vec<(&str, CommandsFor)> = vec![
        (
            "vipsthumbnail 8.14 (baseline)",
            Box::new(|src, dst| {
                vec![
                    cmd(&[
                        "vipsthumbnail",
                        s(src),
                        "--size",
                        "1920x1080",
                        "-o",
                        &format!("{}[Q=85]", s(&dst.with_extension("full.jpg"))),
                    ]),
                    cmd(&[
                        "vipsthumbnail",
                        s(&dst.with_extension("full.jpg")),
                        "--size",
                        "480x480",
                        "-o",
                        &format!("{}[Q=80]", s(&dst.with_extension("thumb.jpg"))),
                    ]),
                ]
            }),
        ),
        (
            "lighthouse pipeline",
            Box::new(move |src, dst| {
                vec![cmd(&[s(&me_for_table), "--render-one", s(src), s(dst)])]
            }),
        ),
        (
            "ImageMagick convert -resize",
            Box::new(|src, dst| imagemagick(src, dst, &[])),
        ),
        (
            "ImageMagick with a jpeg:size hint",
            Box::new(|src, dst| imagemagick(src, dst, &["-define", "jpeg:size=3840x2160"])),
        ),
    ];
    let mut baseline = 0.0;
    for (name, commands) in &tools {
        let mut cpu = Vec::new();
        let mut peak: f64 = 0.0;
        for _ in 0..ROUNDS {
            for (i, src) in sources.iter().enumerate() {
                let dst = out.join(format!("{}-{i}", name.split_whitespace().next().unwrap()));
                let (ms, mb) = commands(src, &dst)
                    .iter()
                    .fold((0.0, 0.0f64), |(ms, mb), c| {
                        let (m, b) = timed(c);
                        (ms + m, mb.max(b))
                    });
                cpu.push(ms);
                peak = peak.max(mb);
            }
        }
        let median = median(&cpu);
        if baseline == 0.0 {
            baseline = median;
        }
        println!(
            "  {name:<44} {median:>10.0} {:>10.2} {peak:>10.0}",
            median / baseline
        );
    }

    // Quality: each tool's picture against a full-resolution Lanczos3 reference of the same
    // size; and, for scale, that reference itself saved at quality 85 with half-resolution
    // colour (4:2:0), as most tools save by default.
    println!(
        "\nquality against a full-resolution Lanczos3 reference (PSNR, dB, median of {} photos)",
        sources.len()
    );
    let mut ceiling = Vec::new();
    let mut scores: Vec<(String, Vec<f64>)> = tools
        .iter()
        .map(|(name, _)| (name.to_string(), Vec::new()))
        .collect();
    for (i, src) in sources.iter().enumerate() {
        let mut reference_for: Option<(u32, u32, Vec<u8>)> = None;
        for (name, values) in scores.iter_mut() {
            let file = out.join(format!(
                "{}-{i}.full.jpg",
                name.split_whitespace().next().unwrap()
            ));
            let picture = image::open(&file).unwrap().to_rgb8();
            let (w, h) = picture.dimensions();
            if reference_for.as_ref().map(|r| (r.0, r.1)) != Some((w, h)) {
                reference_for = Some((w, h, reference(src, w, h)));
            }
            let reference = &reference_for.as_ref().unwrap().2;
            values.push(psnr_db(picture.as_raw(), reference));
        }
        let (w, h, reference) = reference_for.unwrap();
        let mut jpeg = Vec::new();
        jpeg_encoder::Encoder::new(&mut jpeg, 85)
            .encode(&reference, w as u16, h as u16, jpeg_encoder::ColorType::Rgb)
            .unwrap();
        let decoded = image::load_from_memory(&jpeg).unwrap().to_rgb8();
        ceiling.push(psnr_db(decoded.as_raw(), &reference));
    }
    for (name, values) in &scores {
        println!("  {name:<44} {:>10.1}", median(values));
    }
    println!(
        "  {:<44} {:>10.1}",
        "(reference saved at q85, 4:2:0 colour)",
        median(&ceiling)
    );

    // Other formats, one process each: peak memory matters most here.
    println!("\nother 24-megapixel formats, lighthouse pipeline");
    for format in ["png", "webp"] {
        let src = other_format(&work, &sources[0], format);
        let (ms, mb) = timed(&cmd(&[
            s(&me),
            "--render-one",
            s(&src),
            s(&out.join(format!("fmt-{format}"))),
        ]));
        println!("  {format:<44} {ms:>10.0} ms CPU {mb:>10.0} MB peak");
    }

    // Throughput with both cores, in one process, as the kiosk runs it.
    let cache_dir = work.join("cache");
    let _ = std::fs::remove_dir_all(&cache_dir);
    let cache = PhotoCache::open(cache_dir.clone(), SCREEN);
    let many: Vec<(String, PathBuf)> = (0..ROUNDS)
        .flat_map(|r| {
            sources
                .iter()
                .enumerate()
                .map(move |(i, p)| (format!("{r}-{i}"), p.clone()))
        })
        .map(|(name, path)| {
            let copy = work.join(format!("copy-{name}.jpg"));
            std::fs::copy(&path, &copy).unwrap();
            (name, copy)
        })
        .collect();
    let started = Instant::now();
    prepare_all(&cache, &many, 2, &|_, _| {});
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "\nthroughput, 2 workers: {:.1} photos/s ({} photos in {seconds:.2} s)",
        many.len() as f64 / seconds,
        many.len()
    );

    // Warm start: everything cached; only metadata is read.
    let warm = work.join("warm");
    let _ = std::fs::remove_dir_all(&warm);
    std::fs::create_dir_all(&warm).unwrap();
    let small = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/photos/orientation-1.jpg");
    let photos: Vec<(String, PathBuf)> = (0..WARM_PHOTOS)
        .map(|i| {
            let path = warm.join(format!("{i}.jpg"));
            std::fs::copy(&small, &path).unwrap();
            (format!("{i}.jpg"), path)
        })
        .collect();
    let warm_cache = PhotoCache::open(work.join("warm-cache"), SCREEN);
    prepare_all(&warm_cache, &photos, 2, &|_, _| {});
    let mut times = Vec::new();
    for _ in 0..7 {
        let started = Instant::now();
        let decoded = std::sync::atomic::AtomicUsize::new(0);
        prepare_all(&warm_cache, &photos, 2, &|_, outcome| {
            if !matches!(outcome, lighthouse_core::photo_cache::Outcome::Cached(_)) {
                decoded.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        });
        assert_eq!(decoded.into_inner(), 0, "a warm start decodes nothing");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "warm start, {WARM_PHOTOS} cached photos: median {:.1} ms (min {:.1}), nothing decoded",
        median(&times),
        times.iter().copied().fold(f64::INFINITY, f64::min)
    );
    let _ = std::fs::remove_dir_all(&warm);
}

/// ImageMagick's two commands, with `hint` options before the source is read.
fn imagemagick(src: &Path, dst: &Path, hint: &[&str]) -> Vec<Vec<String>> {
    let full = dst.with_extension("full.jpg");
    let mut first = vec!["convert"];
    first.extend_from_slice(hint);
    first.extend_from_slice(&[
        s(src),
        "-auto-orient",
        "-resize",
        "1920x1080",
        "-quality",
        "85",
        s(&full),
    ]);
    let thumbnail = dst.with_extension("thumb.jpg");
    vec![
        cmd(&first),
        cmd(&[
            "convert",
            s(&full),
            "-resize",
            "480x480",
            "-quality",
            "80",
            s(&thumbnail),
        ]),
    ]
}

/// The command lines one tool runs to turn a source photo into the two pictures at `dst`.
type CommandsFor = Box<dyn Fn(&Path, &Path) -> Vec<Vec<String>>>;

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn cmd(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|p| p.to_string()).collect()
}

/// Runs `command` under GNU time: (CPU milliseconds, peak megabytes).
fn timed(command: &[String]) -> (f64, f64) {
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%U %S %M"])
        .args(command)
        .output()
        .expect("GNU time is installed (make bench installs it)");
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    let last = stderr.lines().last().unwrap_or_default();
    let v: Vec<f64> = last
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    assert_eq!(v.len(), 3, "unexpected time output: {stderr}");
    ((v[0] + v[1]) * 1000.0, v[2] / 1024.0)
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

/// Makes the test photos once: a real photograph enlarged to 6000x4000 with fine noise
/// (about what a camera sensor adds at base ISO, so it compresses like a camera photo),
/// flipped or recoloured for variety, at quality 90. With much stronger noise (high ISO),
/// every tool's picture scores about 4 dB lower against the reference, equally.
fn camera_photos(work: &Path) -> Vec<PathBuf> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/photos/camera.jpg");
    (0..PHOTOS)
        .map(|i| {
            let path = work.join(format!("camera-{i}.jpg"));
            if !path.exists() {
                let flip = ["-flop", "-flip", "-negate", "-modulate"][i];
                let extra: &[&str] = if flip == "-modulate" {
                    &["-modulate", "100,140"]
                } else {
                    &[flip]
                };
                let status = Command::new("convert")
                    .arg(&base)
                    .args(extra)
                    .args([
                        "-resize",
                        "6000x4000!",
                        "-attenuate",
                        "0.15",
                        "+noise",
                        "Gaussian",
                        "-quality",
                        "90",
                        "-sampling-factor",
                        "2x2",
                    ])
                    .arg(&path)
                    .status()
                    .expect("ImageMagick is installed");
                assert!(status.success());
            }
            path
        })
        .collect()
}

fn other_format(work: &Path, jpeg: &Path, format: &str) -> PathBuf {
    let path = work.join(format!("camera.{format}"));
    if !path.exists() {
        let status = Command::new("convert")
            .arg(jpeg)
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success());
    }
    path
}

/// The full-resolution decode resized with Lanczos3 to `width`x`height`.
fn reference(src: &Path, width: u32, height: u32) -> Vec<u8> {
    use fast_image_resize::{images::Image, PixelType, Resizer};
    let full = image::open(src).unwrap().to_rgb8();
    let source = Image::from_vec_u8(
        full.width(),
        full.height(),
        full.into_raw(),
        PixelType::U8x3,
    )
    .unwrap();
    let mut target = Image::new(width, height, PixelType::U8x3);
    Resizer::new().resize(&source, &mut target, None).unwrap();
    target.into_vec()
}

fn psnr_db(a: &[u8], b: &[u8]) -> f64 {
    let mse = a
        .iter()
        .zip(b)
        .map(|(x, y)| (f64::from(*x) - f64::from(*y)).powi(2))
        .sum::<f64>()
        / a.len() as f64;
    10.0 * (255.0f64 * 255.0 / mse).log10()
}
