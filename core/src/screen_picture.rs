//! A small picture of what a screen shows, for the fleet page: the page as WebKit drew it,
//! shrunk and kept as a JPEG no bigger than [`MOST_BYTES`], so it travels with the screen's
//! status through a shared folder without weighing on it. Pure: pixels in, bytes out.

use fast_image_resize::{images::Image, PixelType, Resizer};

/// The widest a picture is: a slide's title is still readable on the fleet page.
pub const WIDTH: u32 = 480;
/// The most a picture may weigh.
pub const MOST_BYTES: usize = 50 * 1024;
/// Qualities tried in turn until the picture is small enough.
const QUALITIES: [u8; 4] = [75, 60, 45, 30];

/// Why no picture could be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PictureError {
    #[error("the snapshot is {0}x{1} pixels, too small to show anything")]
    Empty(u32, u32),
    #[error("the snapshot's pixels do not fill its rows")]
    ShortRows,
    #[error("the picture cannot be made: {0}")]
    Failed(String),
}

/// The picture of a snapshot given as rows of 32-bit pixels in the byte order B, G, R, X
/// (cairo's ARGB32 on a little-endian PC), `stride` bytes apart.
pub fn from_bgrx(
    width: u32,
    height: u32,
    stride: usize,
    pixels: &[u8],
) -> Result<Vec<u8>, PictureError> {
    if width == 0 || height == 0 {
        return Err(PictureError::Empty(width, height));
    }
    let row = width as usize * 4;
    if stride < row || pixels.len() < stride * (height as usize - 1) + row {
        return Err(PictureError::ShortRows);
    }
    let mut rgb = Vec::with_capacity(width as usize * height as usize * 3);
    for line in pixels.chunks(stride).take(height as usize) {
        for pixel in line[..row].chunks_exact(4) {
            rgb.extend_from_slice(&[pixel[2], pixel[1], pixel[0]]);
        }
    }
    let (small_width, small_height) = if width > WIDTH {
        (
            WIDTH,
            (u64::from(height) * u64::from(WIDTH) / u64::from(width)).max(1) as u32,
        )
    } else {
        (width, height)
    };
    let failed = |err: &dyn std::fmt::Display| PictureError::Failed(err.to_string());
    let source = Image::from_vec_u8(width, height, rgb, PixelType::U8x3).map_err(|e| failed(&e))?;
    let mut small = Image::new(small_width, small_height, PixelType::U8x3);
    Resizer::new()
        .resize(&source, &mut small, None)
        .map_err(|e| failed(&e))?;
    let mut smallest = Vec::new();
    for quality in QUALITIES {
        let mut jpeg = Vec::new();
        jpeg_encoder::Encoder::new(&mut jpeg, quality)
            .encode(
                small.buffer(),
                small_width as u16,
                small_height as u16,
                jpeg_encoder::ColorType::Rgb,
            )
            .map_err(|e| failed(&e))?;
        if jpeg.len() <= MOST_BYTES {
            return Ok(jpeg);
        }
        smallest = jpeg;
    }
    Err(PictureError::Failed(format!(
        "{} bytes even at the lowest quality",
        smallest.len()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `height` rows of noise (the hardest to compress), `stride` bytes each.
    fn noisy_screen(height: u32, stride: usize) -> Vec<u8> {
        let mut state = 0x2545_f491_u32;
        (0..stride * height as usize)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state as u8
            })
            .collect()
    }

    #[test]
    fn a_full_hd_screen_becomes_a_small_jpeg_under_the_limit() {
        let pixels = noisy_screen(1080, 1920 * 4 + 64);
        let jpeg = from_bgrx(1920, 1080, 1920 * 4 + 64, &pixels).unwrap();
        assert!(jpeg.len() <= MOST_BYTES, "{} bytes", jpeg.len());
        let picture = image::load_from_memory(&jpeg).unwrap();
        assert_eq!((picture.width(), picture.height()), (480, 270));
    }

    #[test]
    fn the_colours_keep_their_places() {
        // One pure red screen, written as B, G, R, X.
        let pixels: Vec<u8> = [0u8, 0, 255, 255].repeat(64 * 32);
        let jpeg = from_bgrx(64, 32, 64 * 4, &pixels).unwrap();
        let picture = image::load_from_memory(&jpeg).unwrap().into_rgb8();
        let [r, g, b] = picture.get_pixel(10, 10).0;
        assert!(r > 240 && g < 20 && b < 20, "{r} {g} {b}");
    }

    #[test]
    fn a_snapshot_with_too_few_pixels_is_refused() {
        assert_eq!(from_bgrx(0, 10, 0, &[]), Err(PictureError::Empty(0, 10)));
        assert_eq!(from_bgrx(4, 4, 16, &[0; 20]), Err(PictureError::ShortRows));
    }
}
