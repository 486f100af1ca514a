//! Content many times larger than the default, for the benchmarks: the default highlights
//! repeated as many times as asked (each with its own id and a long body in both languages,
//! made of the real bodies), and as many different camera-like photos in the gallery.

use crate::camera::numbered_camera_like;
use crate::{target_dir, ContentCopy};
use serde_json::{json, Value};

/// The photos' size: a phone's picture scaled down, so 1,500 of them fit on a disk.
const PHOTO_SIZE: (u32, u32) = (1600, 1200);

/// The default content with `highlights` highlights and `photos` photos.
pub fn large_content(name: &str, highlights: usize, photos: usize) -> ContentCopy {
    let content = ContentCopy::of_defaults(name);
    let mut file = content.read_json("highlights.json");
    file["highlights"] = json!(many_highlights(&file["highlights"], highlights));
    content.write_json("highlights.json", &file);

    let made = target_dir().join("bench-photos").join("numbered");
    let list: Vec<Value> = (0..photos)
        .map(|i| {
            let file = format!("photo-{i:04}.jpg");
            let number = u32::try_from(i).expect("a photo number");
            let (width, height) = PHOTO_SIZE;
            let photo = numbered_camera_like(&made, &file, number, width, height);
            // A link, not a copy: the same bytes, no second gigabyte on the disk.
            std::fs::hard_link(&photo, content.dir.join("photos").join(&file))
                .or_else(|_| std::fs::copy(&photo, content.dir.join("photos").join(&file)).map(drop))
                .expect("put a photo in the content folder");
            json!({ "file": file, "caption": { "zh": format!("照片 {}", i + 1), "en": format!("Photo {}", i + 1) } })
        })
        .collect();
    let mut file = content.read_json("photos.json");
    file["photos"] = json!(list);
    content.write_json("photos.json", &file);
    content
}

/// `count` highlights made from `originals` in turn, each with a body three originals long.
fn many_highlights(originals: &Value, count: usize) -> Vec<Value> {
    let originals = originals.as_array().expect("a list of highlights");
    (0..count)
        .map(|i| {
            let mut highlight = originals[i % originals.len()].clone();
            let id = highlight["id"].as_str().expect("an id");
            highlight["id"] = json!(format!("{id}-{i}"));
            for lang in ["zh", "en"] {
                let body: Vec<&str> = (0..3)
                    .filter_map(|k| originals[(i + k) % originals.len()]["body"][lang].as_str())
                    .collect();
                highlight["body"][lang] = json!(body.join("\n\n"));
            }
            highlight
        })
        .collect()
}
