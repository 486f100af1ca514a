//! The photo pipeline on real files: pictures with a known look (tests/photos/), the
//! derivative cache, and every file of the real-world corpus in ../shared/corpus.

use lighthouse_core::photo_cache::{prepare_all, Outcome, PhotoCache};
use lighthouse_core::pipeline::{render, render_bytes, Size};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::Duration;

const SCREEN: Size = Size {
    width: 1920,
    height: 1080,
};

fn photos() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/photos")
}

/// The colours of the four quadrants' centres of a 120x80 picture.
fn quadrants(jpeg_or_png: &[u8]) -> [[u8; 3]; 4] {
    let image = image::load_from_memory(jpeg_or_png).unwrap().to_rgb8();
    assert_eq!(
        image.dimensions(),
        (120, 80),
        "the picture kept its upright size"
    );
    [(30, 20), (90, 20), (30, 60), (90, 60)].map(|(x, y)| image.get_pixel(x, y).0)
}

fn assert_close(got: [[u8; 3]; 4], want: [[u8; 3]; 4], tolerance: u8, what: &str) {
    for (q, (g, w)) in got.iter().zip(want.iter()).enumerate() {
        for c in 0..3 {
            assert!(
                g[c].abs_diff(w[c]) <= tolerance,
                "{what}: quadrant {q} is {g:?}, expected about {w:?}"
            );
        }
    }
}

fn reference() -> [[u8; 3]; 4] {
    quadrants(&std::fs::read(photos().join("upright.png")).unwrap())
}

#[test]
fn all_eight_exif_orientations_come_out_upright() {
    let want = reference();
    for n in 1..=8 {
        let rendered = render(&photos().join(format!("orientation-{n}.jpg")), SCREEN).unwrap();
        assert_eq!(rendered.full.size, Size::new(120, 80), "orientation {n}");
        assert_close(
            quadrants(&rendered.full.jpeg),
            want,
            24,
            &format!("orientation {n}"),
        );
    }
}

#[test]
fn cmyk_16_bit_and_palette_pictures_keep_their_colours() {
    let want = reference();
    for (file, tolerance) in [
        ("cmyk.jpg", 40),
        ("sixteen-bit.png", 12),
        ("palette.png", 40),
    ] {
        let rendered = render(&photos().join(file), SCREEN).unwrap();
        assert_close(quadrants(&rendered.full.jpeg), want, tolerance, file);
    }
}

#[test]
fn a_grayscale_picture_stays_gray() {
    let rendered = render(&photos().join("gray.jpg"), SCREEN).unwrap();
    for [r, g, b] in quadrants(&rendered.full.jpeg) {
        assert!(
            r.abs_diff(g) <= 3 && g.abs_diff(b) <= 3,
            "{r},{g},{b} is not gray"
        );
    }
}

#[test]
fn transparent_parts_show_the_kiosk_background() {
    let rendered = render(&photos().join("half-transparent.png"), SCREEN).unwrap();
    let got = quadrants(&rendered.full.jpeg);
    let want = reference();
    assert_close(
        [got[0], got[0], got[2], got[2]],
        [want[0], want[0], want[2], want[2]],
        24,
        "opaque half",
    );
    assert_close(
        [got[1], got[1], got[3], got[3]],
        [[8, 33, 63]; 4],
        12,
        "transparent half",
    );
}

/// A camera-sized JPEG, made here: 4000x3000 with detail everywhere.
fn camera_jpeg() -> Vec<u8> {
    let (w, h) = (4000u16, 3000u16);
    let pixels: Vec<u8> = (0..h as u32)
        .flat_map(|y| {
            (0..w as u32).flat_map(move |x| {
                let v = (x * 7 + y * 13) ^ (x * y / 97);
                [
                    (v & 0xff) as u8,
                    ((v >> 3) & 0xff) as u8,
                    ((x + y) & 0xff) as u8,
                ]
            })
        })
        .collect();
    let mut jpeg = Vec::new();
    jpeg_encoder::Encoder::new(&mut jpeg, 90)
        .encode(&pixels, w, h, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    jpeg
}

#[test]
fn a_camera_photo_is_sized_to_the_screen_and_a_thumbnail() {
    let jpeg = camera_jpeg();
    let rendered = render_bytes(&jpeg, SCREEN).unwrap();
    assert_eq!(rendered.full.size, Size::new(1440, 1080));
    assert_eq!(rendered.thumbnail.size, Size::new(480, 360));
    let portrait = render_bytes(&jpeg, Size::new(1080, 1920)).unwrap();
    assert_eq!(portrait.full.size, Size::new(1080, 810));
    let decoded = image::load_from_memory(&rendered.full.jpeg).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (1440, 1080));
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lighthouse-photos-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs one pass and returns (cached, made, refused) counts.
fn pass(cache: &PhotoCache, photos: &[(String, PathBuf)]) -> (usize, usize, usize) {
    let counts = Mutex::new((0, 0, 0));
    prepare_all(cache, photos, 2, &|_, outcome| {
        let mut c = counts.lock().unwrap();
        match outcome {
            Outcome::Cached(_) => c.0 += 1,
            Outcome::Made(_) => c.1 += 1,
            Outcome::Refused(_) => c.2 += 1,
        }
    });
    counts.into_inner().unwrap()
}

#[test]
fn the_cache_decodes_each_photo_once_and_follows_changes() {
    let source = temp("source");
    let cache_dir = temp("cache");
    for n in 1..=4 {
        std::fs::copy(
            photos().join(format!("orientation-{n}.jpg")),
            source.join(format!("{n}.jpg")),
        )
        .unwrap();
    }
    let list = |names: &[u32]| -> Vec<(String, PathBuf)> {
        names
            .iter()
            .map(|n| (format!("{n}.jpg"), source.join(format!("{n}.jpg"))))
            .collect()
    };
    let cache = PhotoCache::open(cache_dir.clone(), SCREEN);
    assert_eq!(pass(&cache, &list(&[1, 2, 3, 4])), (0, 4, 0), "first start");
    assert_eq!(
        pass(&cache, &list(&[1, 2, 3, 4])),
        (4, 0, 0),
        "second start decodes nothing"
    );

    // Replaced in place, as a file manager does; its time is set apart explicitly, because
    // two writes within one tick of the file system's clock would share one.
    let before = std::fs::metadata(source.join("2.jpg"))
        .unwrap()
        .modified()
        .unwrap();
    std::fs::copy(photos().join("gray.jpg"), source.join("2.jpg")).unwrap();
    std::fs::File::options()
        .write(true)
        .open(source.join("2.jpg"))
        .unwrap()
        .set_modified(before + Duration::from_secs(1))
        .unwrap();
    assert_eq!(
        pass(&cache, &list(&[1, 2, 3, 4])),
        (3, 1, 0),
        "a changed photo is redone"
    );

    // Photo 4 is gone: its derivatives (and the old ones of photo 2) are cleaned away.
    let listing = cache.listing();
    let keep = list(&[1, 2, 3])
        .iter()
        .map(|(_, path)| cache.lookup(&listing, path).unwrap().key)
        .collect();
    assert_eq!(
        cache.remove_unused(&keep),
        4,
        "two pictures each for two stale keys"
    );
    assert_eq!(std::fs::read_dir(&cache_dir).unwrap().count(), 6);

    // A different screen is a different set of derivatives.
    let portrait = PhotoCache::open(cache_dir.clone(), Size::new(1080, 1920));
    assert_eq!(pass(&portrait, &list(&[1])), (0, 1, 0));
    std::fs::remove_dir_all(source).unwrap();
    std::fs::remove_dir_all(cache_dir).unwrap();
}

#[test]
fn an_unusable_cache_folder_is_bypassed_not_fatal() {
    let blocked = temp("blocked").join("a-file");
    std::fs::write(&blocked, b"not a folder").unwrap();
    let cache = PhotoCache::open(blocked.join("photos"), SCREEN);
    assert_ne!(cache.dir(), blocked.join("photos"));
    let photo = vec![("1.jpg".to_owned(), photos().join("orientation-1.jpg"))];
    assert_eq!(pass(&cache, &photo).2, 0, "the photo was still made");
}

#[test]
fn a_cache_folder_lost_while_running_is_made_again_or_reported_as_the_caches_fault() {
    let root = temp("lost");
    let cache = PhotoCache::open(root.join("cache"), SCREEN);
    let photo = photos().join("orientation-1.jpg");
    std::fs::remove_dir_all(root.join("cache")).unwrap();
    assert!(
        cache.make(&photo).is_ok(),
        "a deleted cache folder is made again"
    );

    // A file where the folder was: the photo is not blamed, and the cache says when it is
    // usable again.
    std::fs::remove_dir_all(root.join("cache")).unwrap();
    std::fs::write(root.join("cache"), b"a file in the way").unwrap();
    let err = cache.make(&photos().join("gray.jpg")).unwrap_err();
    assert!(err.is_cache_problem(), "{err}");
    assert!(err.to_string().contains("photo cache"), "{err}");
    assert!(!cache.is_writable());
    std::fs::remove_file(root.join("cache")).unwrap();
    assert!(cache.is_writable());
    assert!(cache.make(&photos().join("gray.jpg")).is_ok());
    std::fs::remove_dir_all(root).unwrap();
}

/// The folder of real-world image files the corpus test walks. `make test` sets it to the
/// corpus kept beside the repository, when there is one.
const CORPUS: &str = "LIGHTHOUSE_CORPUS";
/// Set to 1 where the corpus must be there (CI): then a missing corpus fails the test
/// instead of skipping it.
const REQUIRE_CORPUS: &str = "LIGHTHOUSE_REQUIRE_CORPUS";

/// Every file of the real-world corpus yields a picture or a one-line reason; none crashes,
/// hangs, or takes the memory of a decompression bomb.
#[test]
fn every_corpus_file_is_shown_or_refused_in_one_line() {
    let required = std::env::var(REQUIRE_CORPUS).is_ok_and(|v| v == "1");
    let corpus = std::env::var_os(CORPUS).map(PathBuf::from);
    let entries = match corpus.as_deref().map(std::fs::read_dir) {
        Some(Ok(entries)) => entries,
        missing => {
            let why = match (missing, &corpus) {
                (Some(Err(err)), Some(dir)) => format!("{} cannot be read ({err})", dir.display()),
                _ => format!("{CORPUS} is not set"),
            };
            assert!(
                !required,
                "the photo corpus is required ({REQUIRE_CORPUS}=1), but {why}"
            );
            println!("skipped: the photo corpus test, because {why}");
            return;
        }
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(files.len() > 400, "the corpus has {} files", files.len());
    let (mut shown, mut refused) = (0, 0);
    for file in &files {
        let (tx, rx) = mpsc::channel();
        let path = file.clone();
        std::thread::spawn(move || {
            let _ = tx.send(render(&path, SCREEN).map(|_| ()).map_err(|e| e.to_string()));
        });
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(Ok(())) => shown += 1,
            Ok(Err(reason)) => {
                assert!(
                    !reason.contains('\n') && !reason.is_empty(),
                    "{}: {reason:?}",
                    file.display()
                );
                refused += 1;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => panic!("{} hung", file.display()),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                panic!("{} crashed the decoder", file.display())
            }
        }
    }
    let peak_mb = peak_rss_kb() / 1024;
    eprintln!("corpus: {shown} shown, {refused} refused, peak memory {peak_mb} MB");
    // Seven files no decoder can read (cut-off PNGs and GIFs, a zero-width GIF, ...);
    // every other one is shown, damaged or not.
    assert!(refused <= 7, "{refused} refused, {shown} shown");
    assert!(peak_mb < 1024, "peak memory {peak_mb} MB");
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
