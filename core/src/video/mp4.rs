//! Reading an MP4 (ISO base media) file's boxes: the movie's length and its picture
//! track's codec, size and frame count, from `moov` wherever it is in the file.

use super::{damaged, read_up_to, VideoInfo, VideoProblem, MAX_INDEX_BYTES};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

/// Walks the top-level boxes to `moov` (wherever it is), then reads its picture track.
pub(super) fn read(file: &mut File, size: u64) -> Result<VideoInfo, VideoProblem> {
    let mut at = 0u64;
    let mut moov = None;
    while at + 8 <= size {
        file.seek(SeekFrom::Start(at))
            .map_err(|e| VideoProblem::Damaged(e.to_string()))?;
        let mut head = [0u8; 16];
        let read = read_up_to(file, &mut head)?;
        let (kind, header_len, box_len) = box_header(&head[..read], size - at)?;
        // Checked: a crafted 64-bit length must not wrap round to an earlier place.
        let end = at.checked_add(box_len).filter(|end| *end <= size);
        let Some(end) = end else {
            return Err(VideoProblem::CutShort);
        };
        if &kind == b"moov" {
            if box_len > MAX_INDEX_BYTES {
                return Err(damaged("its index is too large"));
            }
            let mut body = vec![0u8; (box_len - header_len) as usize];
            file.seek(SeekFrom::Start(at + header_len))
                .map_err(|e| VideoProblem::Damaged(e.to_string()))?;
            file.read_exact(&mut body)
                .map_err(|_| VideoProblem::CutShort)?;
            moov = Some(body);
        }
        at = end;
    }
    let moov = moov.ok_or(VideoProblem::CutShort)?;
    movie(&moov)
}

/// A box's type, header length and whole length, from its first bytes; `left`: the bytes
/// from its start to the end of what holds it (a length of 0 means "to the end").
fn box_header(head: &[u8], left: u64) -> Result<([u8; 4], u64, u64), VideoProblem> {
    if head.len() < 8 {
        return Err(VideoProblem::CutShort);
    }
    let short = u64::from(u32::from_be_bytes([head[0], head[1], head[2], head[3]]));
    let kind = [head[4], head[5], head[6], head[7]];
    let (header_len, len) = match short {
        0 => (8, left),
        1 => {
            let long = head.get(8..16).ok_or(VideoProblem::CutShort)?;
            (16, u64::from_be_bytes(long.try_into().expect("8 bytes")))
        }
        n => (8, n),
    };
    if len < header_len {
        return Err(damaged("a box has an impossible length"));
    }
    Ok((kind, header_len, len))
}

/// The boxes directly inside `body`, as (type, contents).
/// A box inside another: its type and its contents.
type Child<'a> = ([u8; 4], &'a [u8]);

fn children(body: &[u8]) -> Result<Vec<Child<'_>>, VideoProblem> {
    let mut found = Vec::new();
    let mut at = 0usize;
    while at + 8 <= body.len() {
        let left = (body.len() - at) as u64;
        let (kind, header_len, len) = box_header(&body[at..], left)?;
        if len > left {
            return Err(damaged("a box runs past the one holding it"));
        }
        found.push((kind, &body[at + header_len as usize..at + len as usize]));
        at += len as usize;
    }
    Ok(found)
}

fn child<'a>(body: &'a [u8], kind: &[u8; 4]) -> Result<Option<&'a [u8]>, VideoProblem> {
    Ok(children(body)?
        .into_iter()
        .find(|(k, _)| k == kind)
        .map(|(_, b)| b))
}

fn be_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn be_u64(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_be_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

/// The movie's length and its first picture track's codec, size and frame count.
fn movie(moov: &[u8]) -> Result<VideoInfo, VideoProblem> {
    let mvhd = child(moov, b"mvhd")?.ok_or_else(|| damaged("it has no movie header"))?;
    let (timescale, duration) = if mvhd.first() == Some(&1) {
        (be_u32(mvhd, 20), be_u64(mvhd, 24))
    } else {
        (be_u32(mvhd, 12), be_u32(mvhd, 16).map(u64::from))
    };
    let seconds = match (timescale, duration) {
        (Some(scale), Some(length)) if scale > 0 => length as f64 / f64::from(scale),
        _ => return Err(damaged("its movie header cannot be read")),
    };
    for (kind, trak) in children(moov)? {
        if &kind != b"trak" {
            continue;
        }
        let Some(mdia) = child(trak, b"mdia")? else {
            continue;
        };
        let handler = child(mdia, b"hdlr")?.and_then(|h| h.get(8..12));
        if handler != Some(b"vide") {
            continue;
        }
        let stbl = child(mdia, b"minf")?
            .map(|minf| child(minf, b"stbl"))
            .transpose()?
            .flatten()
            .ok_or_else(|| damaged("its picture track has no sample table"))?;
        let stsd = child(stbl, b"stsd")?.ok_or_else(|| damaged("it names no codec"))?;
        // Version and flags, the entry count, then the first entry: its length and type,
        // 6 reserved bytes, a reference index, 16 bytes, then the width and the height.
        let entry = stsd.get(8..).ok_or_else(|| damaged("it names no codec"))?;
        let fourcc = entry
            .get(4..8)
            .ok_or_else(|| damaged("it names no codec"))?;
        let width = entry.get(32..34).map(|b| u16::from_be_bytes([b[0], b[1]]));
        let height = entry.get(34..36).map(|b| u16::from_be_bytes([b[0], b[1]]));
        let frames: u64 = child(stbl, b"stts")?
            .map(|stts| {
                let count = be_u32(stts, 4).unwrap_or(0) as usize;
                (0..count)
                    .filter_map(|i| be_u32(stts, 8 + i * 8).map(u64::from))
                    .sum()
            })
            .unwrap_or(0);
        let codec = match fourcc {
            b"avc1" | b"avc3" => "H.264".to_owned(),
            other => {
                return Err(VideoProblem::Codec {
                    container: "MP4".into(),
                    codec: mp4_codec_name(other),
                })
            }
        };
        return Ok(VideoInfo {
            container: "MP4".into(),
            codec,
            width: u32::from(width.unwrap_or(0)),
            height: u32::from(height.unwrap_or(0)),
            seconds,
            frames_per_second: if seconds > 0.0 {
                frames as f64 / seconds
            } else {
                0.0
            },
            bits_per_second: 0,
        });
    }
    Err(VideoProblem::NoPicture)
}

fn mp4_codec_name(fourcc: &[u8]) -> String {
    match fourcc {
        b"hvc1" | b"hev1" => "H.265/HEVC".into(),
        b"av01" => "AV1".into(),
        b"vp09" => "VP9 in MP4".into(),
        b"mp4v" => "MPEG-4 Part 2".into(),
        b"apcn" | b"apch" | b"apcs" | b"apco" | b"ap4h" => "Apple ProRes".into(),
        other => format!("\"{}\"", String::from_utf8_lossy(other).trim()),
    }
}
