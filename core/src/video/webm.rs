//! Reading a WebM (Matroska) file's first elements: the segment's info (its length) and
//! tracks (the picture's codec and size); the clusters of pictures are not read.

use super::{VideoInfo, VideoProblem, MAX_INDEX_BYTES};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

const SEGMENT: u32 = 0x1853_8067;
const INFO: u32 = 0x1549_A966;
const TIMECODE_SCALE: u32 = 0x2A_D7B1;
const DURATION: u32 = 0x4489;
const TRACKS: u32 = 0x1654_AE6B;
const TRACK_ENTRY: u32 = 0xAE;
const TRACK_TYPE: u32 = 0x83;
const CODEC_ID: u32 = 0x86;
const DEFAULT_DURATION: u32 = 0x23_E383;
const VIDEO: u32 = 0xE0;
const PIXEL_WIDTH: u32 = 0xB0;
const PIXEL_HEIGHT: u32 = 0xBA;
const CLUSTER: u32 = 0x1F43_B675;

/// A variable-length number at the start of `bytes`: (value, length). Element ids keep
/// their length marker; sizes drop it, and a size of all ones means "unknown".
fn vint(bytes: &[u8], keep_marker: bool) -> Option<(u64, usize)> {
    let first = *bytes.first()?;
    let len = first.leading_zeros() as usize + 1;
    if len > 8 || bytes.len() < len {
        return None;
    }
    let mut value = if keep_marker {
        u64::from(first)
    } else {
        u64::from(first) & ((1u64 << (8 - len)) - 1)
    };
    for byte in &bytes[1..len] {
        value = (value << 8) | u64::from(*byte);
    }
    if !keep_marker && value == (1u64 << (7 * len)) - 1 {
        value = u64::MAX;
    }
    Some((value, len))
}

/// The elements directly inside `body`, as (id, contents); an element of unknown size
/// runs to the end of `body`.
fn elements(body: &[u8]) -> Vec<(u32, &[u8])> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < body.len() {
        let Some((id, id_len)) = vint(&body[at..], true) else {
            break;
        };
        let Some((size, size_len)) = vint(&body[at + id_len..], false) else {
            break;
        };
        let start = at + id_len + size_len;
        let end = if size == u64::MAX {
            body.len()
        } else {
            start.saturating_add(size as usize).min(body.len())
        };
        found.push((id as u32, &body[start.min(end)..end]));
        if id as u32 == CLUSTER {
            break;
        }
        at = end;
    }
    found
}

fn uint(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .take(8)
        .fold(0, |v, b| (v << 8) | u64::from(*b))
}

fn float(bytes: &[u8]) -> Option<f64> {
    match bytes.len() {
        4 => Some(f64::from(f32::from_be_bytes(bytes.try_into().ok()?))),
        8 => Some(f64::from_be_bytes(bytes.try_into().ok()?)),
        _ => None,
    }
}

/// Reads the start of a WebM file: the segment's info (length) and tracks (codec, size).
pub(super) fn read(file: &mut File, size: u64) -> Result<VideoInfo, VideoProblem> {
    let mut head = Vec::new();
    file.seek(SeekFrom::Start(0))
        .map_err(|e| VideoProblem::Damaged(e.to_string()))?;
    file.take(size.min(MAX_INDEX_BYTES).min(4 * 1024 * 1024))
        .read_to_end(&mut head)
        .map_err(|e| VideoProblem::Damaged(e.to_string()))?;
    let top = elements(&head);
    let segment = top
        .iter()
        .find(|(id, _)| *id == SEGMENT)
        .map(|(_, body)| *body)
        .ok_or(VideoProblem::CutShort)?;
    let parts = elements(segment);
    let part = |wanted: u32| parts.iter().find(|(id, _)| *id == wanted).map(|(_, b)| *b);
    let info = part(INFO).ok_or(VideoProblem::CutShort)?;
    let info = elements(info);
    let scale = info
        .iter()
        .find(|(id, _)| *id == TIMECODE_SCALE)
        .map_or(1_000_000, |(_, b)| uint(b));
    let duration = info
        .iter()
        .find(|(id, _)| *id == DURATION)
        .and_then(|(_, b)| float(b))
        .unwrap_or(0.0);
    let seconds = duration * scale as f64 / 1e9;
    let tracks = part(TRACKS).ok_or(VideoProblem::CutShort)?;
    for (id, entry) in elements(tracks) {
        if id != TRACK_ENTRY {
            continue;
        }
        let fields = elements(entry);
        let field = |wanted: u32| fields.iter().find(|(id, _)| *id == wanted).map(|(_, b)| *b);
        if field(TRACK_TYPE).map(uint) != Some(1) {
            continue;
        }
        let codec_id = field(CODEC_ID)
            .map(|b| String::from_utf8_lossy(b).trim_end_matches('\0').to_owned())
            .unwrap_or_default();
        let container = "WebM".to_owned();
        let codec = match codec_id.as_str() {
            "V_VP8" => "VP8".to_owned(),
            "V_VP9" => "VP9".to_owned(),
            "V_AV1" => {
                return Err(VideoProblem::Codec {
                    container,
                    codec: "AV1".into(),
                })
            }
            "V_MPEG4/ISO/AVC" => {
                return Err(VideoProblem::Codec {
                    container,
                    codec: "H.264 in WebM".into(),
                })
            }
            "V_MPEGH/ISO/HEVC" => {
                return Err(VideoProblem::Codec {
                    container,
                    codec: "H.265/HEVC".into(),
                })
            }
            other => {
                return Err(VideoProblem::Codec {
                    container,
                    codec: format!("\"{other}\""),
                })
            }
        };
        let video = field(VIDEO).map(elements).unwrap_or_default();
        let pixels = |wanted: u32| {
            video
                .iter()
                .find(|(id, _)| *id == wanted)
                .map_or(0, |(_, b)| uint(b) as u32)
        };
        let frame_ns = field(DEFAULT_DURATION).map(uint).unwrap_or(0);
        return Ok(VideoInfo {
            container,
            codec,
            width: pixels(PIXEL_WIDTH),
            height: pixels(PIXEL_HEIGHT),
            seconds,
            frames_per_second: if frame_ns > 0 {
                1e9 / frame_ns as f64
            } else {
                0.0
            },
            bits_per_second: 0,
        });
    }
    Err(VideoProblem::NoPicture)
}
