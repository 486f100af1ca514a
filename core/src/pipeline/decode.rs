//! From a photo file's bytes to RGB pixels in the file's stored orientation, at the smallest
//! size that still covers the screen.

use super::{damaged, Size, MAX_DECODE_BYTES};
use crate::photos::{check_dimensions, is_supported, PhotoError, MAX_PHOTO_SIDE};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use std::io::Cursor;

/// A progressive JPEG is drawn in scans; a camera's has about ten. A file made of thousands
/// would take minutes to decode, so beyond this it is refused as damaged.
const MAX_SCANS: u32 = 500;
/// Transparent parts of a picture are shown over the kiosk's own background colour
/// (`--color-bg` in ui/css/tokens.css; a test holds the two together).
const BACKGROUND: [u8; 3] = [8, 33, 63];

/// The picture in `bytes`, decoded to cover `screen`.
pub(super) fn decode(bytes: &[u8], screen: Size) -> Result<Decoded, PhotoError> {
    let format = image::guess_format(bytes).map_err(|_| PhotoError::NotAnImage)?;
    if !is_supported(format) {
        return Err(PhotoError::NotAnImage);
    }
    if format == image::ImageFormat::Jpeg {
        if let Some(decoded) = decode_jpeg_scaled(bytes, screen)? {
            return Ok(decoded);
        }
    }
    decode_any(bytes)
}

/// A decoded picture in the file's stored orientation, with the turn that makes it upright.
pub(super) struct Decoded {
    pub rgb: Vec<u8>,
    pub size: Size,
    pub orientation: Orientation,
}

pub(super) fn turns_sideways(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// The fast path. `None` for JPEGs it leaves to the image crate (CMYK, or damaged).
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
    // Each decoder reads past slips the others stop at (libjpeg-turbo: stray bytes before a
    // marker, a bad colour profile, 16-bit samples; jpeg-decoder: a cut-off file), so a
    // damaged photo is shown if any of them can, the image crate being the last.
    let decoded =
        decode_at_scale(bytes, stored, target).or_else(|_| decode_tolerantly(decoder, target));
    let Ok((rgb, size)) = decoded else {
        return Ok(None);
    };
    Ok(Some(Decoded {
        rgb,
        size,
        orientation,
    }))
}

/// The picture `decoder` has read the header of, as RGB, decoded by jpeg-decoder at the
/// smallest of 1/8, 1/4, 1/2 or whole size that covers `target`.
fn decode_tolerantly(
    mut decoder: jpeg_decoder::Decoder<&[u8]>,
    target: Size,
) -> Result<(Vec<u8>, Size), PhotoError> {
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
        jpeg_decoder::PixelFormat::CMYK32 => return Err(damaged("unexpected CMYK data")),
    };
    if rgb.len() < size.width as usize * size.height as usize * 3 {
        return Err(damaged("the picture data is incomplete"));
    }
    Ok((rgb, size))
}

/// The fewest eighths of its size at which libjpeg-turbo can decode a picture of `stored`
/// size that still covers `target` (resizing down from there keeps every detail).
fn eighths_covering(stored: Size, target: Size) -> usize {
    (1..=8)
        .find(|&n| {
            let factor = turbojpeg::ScalingFactor::new(n, 8);
            factor.scale(stored.width as usize) >= target.width as usize
                && factor.scale(stored.height as usize) >= target.height as usize
        })
        .unwrap_or(8)
}

/// The picture in `bytes` (of `stored` size) as RGB, decoded at the smallest scale that
/// covers `target`.
fn decode_at_scale(
    bytes: &[u8],
    stored: Size,
    target: Size,
) -> Result<(Vec<u8>, Size), PhotoError> {
    let factor = turbojpeg::ScalingFactor::new(eighths_covering(stored, target), 8);
    let mut decompressor = turbojpeg::Decompressor::new().map_err(damaged)?;
    decompressor.set_scan_limit(MAX_SCANS).map_err(damaged)?;
    decompressor.set_scaling_factor(factor).map_err(damaged)?;
    let header = decompressor
        .read_header(bytes)
        .map_err(damaged)?
        .scaled(factor);
    let mut rgb = vec![0; header.width * header.height * 3];
    let image = turbojpeg::Image {
        pixels: rgb.as_mut_slice(),
        width: header.width,
        pitch: header.width * 3,
        height: header.height,
        format: turbojpeg::PixelFormat::RGB,
    };
    decompressor.decompress(bytes, image).map_err(damaged)?;
    Ok((rgb, Size::new(header.width as u32, header.height as u32)))
}

/// Every other picture: the image crate, with limits on size and memory.
fn decode_any(bytes: &[u8]) -> Result<Decoded, PhotoError> {
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

/// The orientation tag of a JPEG's EXIF block, which may still carry the "Exif\0\0" prefix
/// of its APP1 segment.
fn exif_orientation(exif: &[u8]) -> Option<Orientation> {
    Orientation::from_exif_chunk(exif.strip_prefix(b"Exif\0\0").unwrap_or(exif))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let tokens = include_str!("../../../ui/css/tokens.css");
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

    #[test]
    fn a_camera_photo_is_decoded_at_the_fewest_eighths_covering_the_screen() {
        let screen_part = Size::new(1620, 1080);
        // 2/8 of 6000x4000 is 1500x1000, too small; 3/8 is 2250x1500.
        assert_eq!(eighths_covering(Size::new(6000, 4000), screen_part), 3);
        assert_eq!(eighths_covering(Size::new(1620, 1080), screen_part), 8);
        assert_eq!(eighths_covering(Size::new(3240, 2160), screen_part), 4);
    }
}
