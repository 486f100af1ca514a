//! Turning one photo file into what the screen needs: a picture sized to the monitor and a
//! gallery thumbnail, upright, in 8-bit sRGB, as JPEG, with no metadata.
//!
//! JPEGs (nearly every camera photo) take a fast path: decoded directly at 1/2, 1/4 or 1/8
//! scale in the DCT domain (the smallest scale that still covers the target), resized with
//! a Lanczos3 filter, turned upright only once small, and encoded. Everything else (PNG,
//! WebP, GIF, CMYK JPEGs) goes through the image crate under strict decoding limits.

use crate::photos::{
    check_dimensions, check_file_size, is_supported, one_line, PhotoError, MAX_PHOTO_PIXELS,
    MAX_PHOTO_SIDE,
};
use fast_image_resize::{images::Image, PixelType, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage};
use std::io::Cursor;
use std::path::Path;

/// Bumped whenever the output for the same input changes, so old derivatives are redone.
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
/// Transparent parts of a picture are shown over the kiosk's own background colour
/// (`--color-bg` in ui/css/tokens.css; a test holds the two together).
const BACKGROUND: [u8; 3] = [8, 33, 63];

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
    let format = image::guess_format(bytes).map_err(|_| PhotoError::NotAnImage)?;
    if !is_supported(format) {
        return Err(PhotoError::NotAnImage);
    }
    let decoded = if format == image::ImageFormat::Jpeg {
        match decode_jpeg_scaled(bytes, screen)? {
            Some(decoded) => decoded,
            None => decode_any(bytes, screen)?,
        }
    } else {
        decode_any(bytes, screen)?
    };
    finish(decoded, screen)
}

/// A decoded picture in the file's stored orientation, with the turn that makes it upright.
struct Decoded {
    rgb: Vec<u8>,
    size: Size,
    orientation: Orientation,
}

fn turns_sideways(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// The fast path. `None` for JPEGs it leaves to the image crate (CMYK).
fn decode_jpeg_scaled(bytes: &[u8], screen: Size) -> Result<Option<Decoded>, PhotoError> {
    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    decoder.set_max_decoding_buffer_size(MAX_DECODE_BYTES as usize);
    decoder.read_info().map_err(damaged)?;
    let info = decoder.info().ok_or_else(|| damaged("no image header"))?;
    let stored = Size::new(info.width.into(), info.height.into());
    check_dimensions(stored.width, stored.height)?;
    if info.pixel_format == jpeg_decoder::PixelFormat::CMYK32 {
        return Ok(None);
    }
    let orientation = decoder
        .exif_data()
        .and_then(exif_orientation)
        .unwrap_or(Orientation::NoTransforms);
    // The target in the stored orientation: what must be covered after decoding.
    let upright = if turns_sideways(orientation) {
        stored.swapped()
    } else {
        stored
    };
    let target = upright.fit_inside(screen);
    let target = if turns_sideways(orientation) {
        target.swapped()
    } else {
        target
    };
    decoder
        .scale(target.width as u16, target.height as u16)
        .map_err(damaged)?;
    let pixels = decoder.decode().map_err(damaged)?;
    let info = decoder.info().ok_or_else(|| damaged("no image header"))?;
    let size = Size::new(info.width.into(), info.height.into());
    let rgb = match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => pixels,
        jpeg_decoder::PixelFormat::L8 => pixels.iter().flat_map(|&l| [l, l, l]).collect(),
        jpeg_decoder::PixelFormat::L16 => pixels
            .chunks_exact(2)
            .flat_map(|l| [l[0], l[0], l[0]])
            .collect(),
        jpeg_decoder::PixelFormat::CMYK32 => return Ok(None),
    };
    if rgb.len() < size.width as usize * size.height as usize * 3 {
        return Err(damaged("the picture data is incomplete"));
    }
    Ok(Some(Decoded {
        rgb,
        size,
        orientation,
    }))
}

/// Every other picture: the image crate, with limits on size and memory.
fn decode_any(bytes: &[u8], _screen: Size) -> Result<Decoded, PhotoError> {
    let reader = || -> Result<ImageReader<Cursor<&[u8]>>, PhotoError> {
        let mut reader = ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(damaged)?;
        let mut limits = Limits::default();
        limits.max_image_width = Some(MAX_PHOTO_SIDE);
        limits.max_image_height = Some(MAX_PHOTO_SIDE);
        limits.max_alloc = Some(MAX_DECODE_BYTES);
        reader.limits(limits);
        Ok(reader)
    };
    // The header first: an absurd size is refused before anything is allocated for it.
    let (width, height) = reader()?.into_dimensions().map_err(|err| match err {
        image::ImageError::Limits(_) => {
            PhotoError::Damaged("its size is beyond what the kiosk decodes".into())
        }
        other => damaged(other),
    })?;
    check_dimensions(width, height)?;
    let mut decoder = reader()?.into_decoder().map_err(damaged)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let image = DynamicImage::from_decoder(decoder).map_err(damaged)?;
    let size = Size::new(image.width(), image.height());
    let rgb = if image.color().has_alpha() {
        flatten(image.to_rgba8().into_raw())
    } else {
        image.to_rgb8().into_raw()
    };
    Ok(Decoded {
        rgb,
        size,
        orientation,
    })
}

/// RGBA over the kiosk background, as RGB.
fn flatten(rgba: Vec<u8>) -> Vec<u8> {
    rgba.chunks_exact(4)
        .flat_map(|p| {
            let alpha = u16::from(p[3]);
            let mix = |c: u8, bg: u8| {
                ((u16::from(c) * alpha + u16::from(bg) * (255 - alpha) + 127) / 255) as u8
            };
            [
                mix(p[0], BACKGROUND[0]),
                mix(p[1], BACKGROUND[1]),
                mix(p[2], BACKGROUND[2]),
            ]
        })
        .collect()
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

/// The orientation tag of a JPEG's EXIF block, which may still carry the "Exif\0\0" prefix
/// of its APP1 segment.
fn exif_orientation(exif: &[u8]) -> Option<Orientation> {
    Orientation::from_exif_chunk(exif.strip_prefix(b"Exif\0\0").unwrap_or(exif))
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

    #[test]
    fn the_exif_orientation_is_found_in_either_byte_order() {
        // A TIFF header and one IFD entry: orientation (0x0112), SHORT, count 1, value 6.
        let little = b"Exif\0\0II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x06\0\0\0";
        assert_eq!(exif_orientation(little), Some(Orientation::Rotate90));
        let big = b"MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x03\0\0";
        assert_eq!(exif_orientation(big), Some(Orientation::Rotate180));
        assert_eq!(exif_orientation(b"garbage"), None);
    }

    #[test]
    fn transparent_parts_take_the_kiosk_background() {
        assert_eq!(flatten(vec![255, 255, 255, 0]), BACKGROUND.to_vec());
        assert_eq!(flatten(vec![255, 0, 0, 255]), vec![255, 0, 0]);
    }

    #[test]
    fn the_background_is_the_colour_the_ui_paints() {
        let tokens = include_str!("../../ui/css/tokens.css");
        let value = tokens
            .lines()
            .find_map(|line| line.trim().strip_prefix("--color-bg:"))
            .expect("tokens.css defines --color-bg");
        let hex = value.trim().trim_end_matches(';').trim_start_matches('#');
        let rgb: Vec<u8> = (0..3)
            .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap())
            .collect();
        assert_eq!(rgb, BACKGROUND.to_vec(), "--color-bg is #{hex}");
    }
}
