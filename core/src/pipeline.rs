//! Turning one photo file into what the screen needs: a picture sized to the monitor and a
//! gallery thumbnail, upright, in 8-bit sRGB, as JPEG, with no metadata.
//!
//! JPEGs (nearly every camera photo) take a fast path: decoded by libjpeg-turbo directly at
//! a few eighths of their size in the DCT domain (the fewest eighths that still cover the
//! target), resized with a Lanczos3 filter, turned upright only once small, and encoded.
//! A JPEG libjpeg-turbo will not read is tried by jpeg-decoder, also scaled. Everything
//! else (PNG, WebP, GIF, CMYK or damaged JPEGs) goes through the image crate under strict
//! limits.

mod decode;

use crate::photos::{check_file_size, one_line, PhotoError, MAX_PHOTO_PIXELS};
use decode::{turns_sideways, Decoded};
use fast_image_resize::{images::Image, PixelType, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, RgbImage};
use std::path::Path;

/// Bumped whenever the output for the same input changes in a way a visitor would see (a
/// fix, a new size), so old derivatives are redone; a decoder that gives the same picture
/// within rounding does not bump it, as every photo would be prepared again for nothing.
pub const PIPELINE_VERSION: u32 = 1;
/// The longest side of a gallery thumbnail, in pixels.
pub const THUMBNAIL_SIDE: u32 = 480;
/// JPEG quality of the full-screen picture: indistinguishable from the source at screen size.
pub const FULL_QUALITY: u8 = 85;
pub const THUMBNAIL_QUALITY: u8 = 80;
/// The most memory a decoder may allocate for one picture: enough for the largest photo
/// `check` accepts (120 megapixels of RGBA), so what `check` passes the kiosk can show; a
/// decompression bomb is refused by its header before anything is allocated.
pub const MAX_DECODE_BYTES: u64 = MAX_PHOTO_PIXELS * 4 + 32 * 1024 * 1024;

/// A size in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

impl Size {
    pub fn new(width: u32, height: u32) -> Size {
        Size { width, height }
    }

    fn swapped(self) -> Size {
        Size::new(self.height, self.width)
    }

    /// The largest size with this one's shape that fits inside `bounds`, enlarged if need
    /// be: how big the screen draws a photo.
    pub fn fill_to(self, bounds: Size) -> Size {
        let scale = (bounds.width as f64 / self.width as f64)
            .min(bounds.height as f64 / self.height as f64);
        Size::new(
            ((self.width as f64 * scale).round() as u32).max(1),
            ((self.height as f64 * scale).round() as u32).max(1),
        )
    }

    /// The largest size with this one's shape that fits inside `bounds`; never larger than
    /// this one (photos are not enlarged).
    pub fn fit_inside(self, bounds: Size) -> Size {
        let scale = (bounds.width as f64 / self.width as f64)
            .min(bounds.height as f64 / self.height as f64)
            .min(1.0);
        Size::new(
            ((self.width as f64 * scale).round() as u32).max(1),
            ((self.height as f64 * scale).round() as u32).max(1),
        )
    }
}

impl std::str::FromStr for Size {
    type Err = String;
    /// `1920x1080`.
    fn from_str(text: &str) -> Result<Size, String> {
        let (w, h) = text
            .split_once(['x', 'X'])
            .ok_or_else(|| format!("\"{text}\" is not a size like 1920x1080"))?;
        let parse = |n: &str| n.trim().parse::<u32>().ok().filter(|n| *n > 0);
        match (parse(w), parse(h)) {
            (Some(width), Some(height)) => Ok(Size::new(width, height)),
            _ => Err(format!("\"{text}\" is not a size like 1920x1080")),
        }
    }
}

impl std::fmt::Display for Size {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}x{}", self.width, self.height)
    }
}

/// One encoded picture.
#[derive(Debug, Clone)]
pub struct Encoded {
    pub jpeg: Vec<u8>,
    pub size: Size,
}

/// Both pictures made from one photo.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub full: Encoded,
    pub thumbnail: Encoded,
}

fn damaged(err: impl std::fmt::Display) -> PhotoError {
    let message = err.to_string();
    if message.contains("limit") || message.contains("Limit") {
        return PhotoError::Damaged(format!("decoding would need too much memory: {message}"));
    }
    PhotoError::Damaged(one_line(&message))
}

/// Makes the screen picture (fit inside `screen`) and the thumbnail of the photo at `path`.
pub fn render(path: &Path, screen: Size) -> Result<Rendered, PhotoError> {
    check_file_size(std::fs::metadata(path)?.len())?;
    let bytes = std::fs::read(path)?;
    render_bytes(&bytes, screen)
}

/// As [`render`], from the file's bytes.
pub fn render_bytes(bytes: &[u8], screen: Size) -> Result<Rendered, PhotoError> {
    if crate::photos::is_heif(bytes) {
        return Err(PhotoError::Heic);
    }
    let decoded = decode::decode(bytes, screen)?;
    finish(decoded, screen)
}

/// Resizes to the screen size, makes the thumbnail from that (a much smaller source than
/// the decoded photo, and just as sharp at 480 pixels), turns both upright, encodes both.
fn finish(decoded: Decoded, screen: Size) -> Result<Rendered, PhotoError> {
    let sideways = turns_sideways(decoded.orientation);
    let upright = if sideways {
        decoded.size.swapped()
    } else {
        decoded.size
    };
    let full_size = upright.fit_inside(screen);
    let thumbnail_size = upright.fit_inside(Size::new(THUMBNAIL_SIDE, THUMBNAIL_SIDE));
    let stored = |size: Size| if sideways { size.swapped() } else { size };

    let mut resizer = Resizer::new();
    let source = Image::from_vec_u8(
        decoded.size.width,
        decoded.size.height,
        decoded.rgb,
        PixelType::U8x3,
    )
    .map_err(damaged)?;
    let full = resize(&mut resizer, source, stored(full_size))?;
    let thumbnail = resize(&mut resizer, full.copy(), stored(thumbnail_size))?;
    Ok(Rendered {
        full: encode(full, decoded.orientation, FULL_QUALITY)?,
        thumbnail: encode(thumbnail, decoded.orientation, THUMBNAIL_QUALITY)?,
    })
}

/// `image` resized (Lanczos3) to `size`, or as it is when it already has that size.
fn resize(
    resizer: &mut Resizer,
    image: Image<'static>,
    size: Size,
) -> Result<Image<'static>, PhotoError> {
    if (image.width(), image.height()) == (size.width, size.height) {
        return Ok(image);
    }
    let mut resized = Image::new(size.width, size.height, PixelType::U8x3);
    resizer
        .resize(&image, &mut resized, None)
        .map_err(damaged)?;
    Ok(resized)
}

/// Turns `image` upright and encodes it as JPEG.
fn encode(
    image: Image<'static>,
    orientation: Orientation,
    quality: u8,
) -> Result<Encoded, PhotoError> {
    let rgb = RgbImage::from_raw(image.width(), image.height(), image.into_vec())
        .ok_or_else(|| damaged("resize produced the wrong size"))?;
    let mut picture = DynamicImage::ImageRgb8(rgb);
    picture.apply_orientation(orientation);
    let rgb = picture.into_rgb8();
    let size = Size::new(rgb.width(), rgb.height());
    let mut jpeg = Vec::with_capacity((size.width * size.height / 4) as usize);
    let mut encoder = jpeg_encoder::Encoder::new(&mut jpeg, quality);
    // Full-resolution colour (4:4:4): the pictures are small, and coloured edges (text on
    // a banner, a red logo) stay crisp instead of bleeding.
    encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::F_1_1);
    encoder
        .encode(
            rgb.as_raw(),
            size.width as u16,
            size.height as u16,
            jpeg_encoder::ColorType::Rgb,
        )
        .map_err(damaged)?;
    Ok(Encoded { jpeg, size })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_shrink_to_fit_and_never_grow() {
        let screen = Size::new(1920, 1080);
        assert_eq!(
            Size::new(6000, 4000).fit_inside(screen),
            Size::new(1620, 1080)
        );
        assert_eq!(
            Size::new(4000, 6000).fit_inside(screen),
            Size::new(720, 1080)
        );
        assert_eq!(Size::new(800, 600).fit_inside(screen), Size::new(800, 600));
    }

    #[test]
    fn sizes_are_read_as_staff_write_them() {
        assert_eq!("1080x1920".parse::<Size>(), Ok(Size::new(1080, 1920)));
        assert!("1080".parse::<Size>().is_err());
        assert!("0x10".parse::<Size>().is_err());
    }
}
