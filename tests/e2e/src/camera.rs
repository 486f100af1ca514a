//! Camera-sized photos for the benchmarks, made on the spot (the repository carries no
//! large files).

use std::path::{Path, PathBuf};

/// `dir/name`, a JPEG of `width` x `height` with the detail of a photo (not flat colour,
/// which would compress to nothing); made once, kept for the next run.
pub fn camera_like(dir: &Path, name: &str, width: u32, height: u32) -> PathBuf {
    numbered_camera_like(dir, name, 0, width, height)
}

/// The same, picture number `number`: each number gives other pixels, so a folder of them
/// is an album of different photos, not one picture under many names.
pub fn numbered_camera_like(
    dir: &Path,
    name: &str,
    number: u32,
    width: u32,
    height: u32,
) -> PathBuf {
    let path = dir.join(name);
    if !path.exists() {
        std::fs::create_dir_all(dir).expect("create the photo folder");
        let picture = image::RgbImage::from_fn(width, height, |x, y| {
            let x = x.wrapping_add(number.wrapping_mul(7));
            let noise = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503)) >> 24;
            image::Rgb([
                (x / 8 % 256) as u8 ^ noise as u8,
                (y / 8 % 256) as u8,
                ((x + y) / 16 % 256) as u8 ^ (number % 256) as u8,
            ])
        });
        picture.save(&path).expect("save a camera-like photo");
    }
    path
}
