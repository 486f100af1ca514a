//! Videos in the photos folder: what their container says (codec, picture size, length),
//! read from the file's boxes (MP4) or elements (WebM) without decoding a frame, so `check`
//! can refuse what the kiosk's WebKit cannot play here and warn about what a lobby PC
//! without a GPU cannot decode smoothly.

use crate::messages::Words;
use crate::words;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::Read;
use std::path::Path;

mod mp4;
mod webm;

/// File names the kiosk treats as videos (any case).
pub const VIDEO_EXTENSIONS: [&str; 3] = ["mp4", "m4v", "webm"];
/// The most index data read from a file (an MP4's `moov`, a WebM's header elements).
pub(crate) const MAX_INDEX_BYTES: u64 = 32 * 1024 * 1024;
/// Above this many pixels a second (1080p at 30 frames) a PC without a GPU drops frames.
pub const SMOOTH_PIXELS_PER_SECOND: f64 = 1920.0 * 1080.0 * 30.0;
/// Above this many bits a second the decoder, not the picture, is the bottleneck.
pub const SMOOTH_BITS_PER_SECOND: u64 = 20_000_000;

/// Whether `name` is a video file's name.
pub fn is_video_name(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ext)| {
        VIDEO_EXTENSIONS
            .iter()
            .any(|known| ext.eq_ignore_ascii_case(known))
    })
}

/// What a playable video's container says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VideoInfo {
    /// "MP4" or "WebM".
    pub container: String,
    /// The codec as staff would name it: "H.264", "VP8", "VP9".
    pub codec: String,
    pub width: u32,
    pub height: u32,
    pub seconds: f64,
    /// Pictures a second (0 when the container does not say).
    pub frames_per_second: f64,
    pub bits_per_second: u64,
}

impl VideoInfo {
    /// Whether a PC without a GPU can decode it smoothly (see the two limits above).
    pub fn is_heavy(&self) -> bool {
        let pixels = f64::from(self.width) * f64::from(self.height);
        pixels * self.frames_per_second.max(25.0) > SMOOTH_PIXELS_PER_SECOND
            || self.bits_per_second > SMOOTH_BITS_PER_SECOND
    }
}

/// Why a video cannot be played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VideoProblem {
    /// Neither MP4 nor WebM.
    NotAVideo,
    /// A container the kiosk reads, with a codec WebKit cannot decode here.
    Codec { container: String, codec: String },
    /// Only sound, no picture.
    NoPicture,
    /// The file ends before its container says it does (a copy that stopped).
    CutShort,
    /// The container cannot be read (why, in English, for the log and `check`).
    Damaged(String),
}

impl VideoProblem {
    /// What is wrong with the video, in both languages (what follows its name).
    pub fn words(&self) -> Words {
        match self {
            VideoProblem::NotAVideo => words!("video.not_a_video"),
            VideoProblem::Codec { container, codec } => {
                words!("video.codec", container = container, codec = codec)
            }
            VideoProblem::NoPicture => words!("video.no_picture"),
            VideoProblem::CutShort => words!("video.cut_short"),
            VideoProblem::Damaged(why) => words!("video.damaged", why = why),
        }
    }

    /// What staff can do about it.
    pub fn hint(&self) -> Words {
        match self {
            VideoProblem::CutShort => words!("video.copy_again"),
            _ => words!("video.convert"),
        }
    }
}

/// Reads what `path`'s container says about its picture track.
pub fn probe(path: &Path) -> Result<VideoInfo, VideoProblem> {
    let mut file = File::open(path).map_err(|err| VideoProblem::Damaged(err.to_string()))?;
    let size = file
        .metadata()
        .map_err(|err| VideoProblem::Damaged(err.to_string()))?
        .len();
    let mut start = [0u8; 12];
    let read = read_up_to(&mut file, &mut start)?;
    let start = &start[..read];
    let mut info = if start.starts_with(&[0x1a, 0x45, 0xdf, 0xa3]) {
        webm::read(&mut file, size)?
    } else if start.get(4..8) == Some(b"ftyp") {
        mp4::read(&mut file, size)?
    } else {
        return Err(VideoProblem::NotAVideo);
    };
    if info.seconds > 0.0 {
        info.bits_per_second = (size as f64 * 8.0 / info.seconds) as u64;
    }
    Ok(info)
}

pub(crate) fn read_up_to(file: &mut File, buf: &mut [u8]) -> Result<usize, VideoProblem> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(err) => return Err(VideoProblem::Damaged(err.to_string())),
        }
    }
    Ok(filled)
}

pub(crate) fn damaged(why: &str) -> VideoProblem {
    VideoProblem::Damaged(why.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/videos")
            .join(name)
    }

    #[test]
    fn h264_in_mp4_and_vp8_and_vp9_in_webm_are_read() {
        let h264 = probe(&fixture("moving-h264.mp4")).unwrap();
        assert_eq!(
            (h264.container.as_str(), h264.codec.as_str()),
            ("MP4", "H.264")
        );
        assert_eq!((h264.width, h264.height), (640, 360));
        assert!((h264.seconds - 4.0).abs() < 0.1, "{}", h264.seconds);
        assert!(
            (h264.frames_per_second - 25.0).abs() < 0.5,
            "{}",
            h264.frames_per_second
        );
        assert!(!h264.is_heavy());
        let vp9 = probe(&fixture("moving-vp9.webm")).unwrap();
        assert_eq!(
            (vp9.container.as_str(), vp9.codec.as_str()),
            ("WebM", "VP9")
        );
        assert_eq!((vp9.width, vp9.height), (640, 360));
        assert!((vp9.seconds - 4.0).abs() < 0.1, "{}", vp9.seconds);
        assert_eq!(probe(&fixture("vp8.webm")).unwrap().codec, "VP8");
    }

    #[test]
    fn codecs_webkit_cannot_play_here_are_named() {
        assert_eq!(
            probe(&fixture("hevc.mp4")),
            Err(VideoProblem::Codec {
                container: "MP4".into(),
                codec: "H.265/HEVC".into()
            })
        );
        assert_eq!(
            probe(&fixture("av1.webm")),
            Err(VideoProblem::Codec {
                container: "WebM".into(),
                codec: "AV1".into()
            })
        );
    }

    #[test]
    fn a_picture_at_4k_is_heavy_for_a_pc_without_a_gpu() {
        let uhd = probe(&fixture("uhd-h264.mp4")).unwrap();
        assert_eq!((uhd.width, uhd.height), (3840, 2160));
        assert!(uhd.is_heavy());
    }

    #[test]
    fn a_file_cut_short_and_a_file_that_is_not_a_video_are_told_apart() {
        let dir = std::env::temp_dir().join(format!("lighthouse-video-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let whole = std::fs::read(fixture("moving-h264.mp4")).unwrap();
        let cut = dir.join("cut.mp4");
        std::fs::write(&cut, &whole[..whole.len() / 2]).unwrap();
        let text = dir.join("notes.mp4");
        std::fs::write(&text, b"these are not moving pictures").unwrap();
        let webm = std::fs::read(fixture("moving-vp9.webm")).unwrap();
        let cut_webm = dir.join("cut.webm");
        std::fs::write(&cut_webm, &webm[..40]).unwrap();
        let results = [probe(&cut), probe(&text), probe(&cut_webm)];
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(results[0], Err(VideoProblem::CutShort));
        assert_eq!(results[1], Err(VideoProblem::NotAVideo));
        assert_eq!(results[2], Err(VideoProblem::CutShort));
    }

    #[test]
    fn a_box_claiming_almost_two_to_the_64_bytes_ends_the_walk() {
        let dir =
            std::env::temp_dir().join(format!("lighthouse-video-wrap-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut bytes = vec![0, 0, 0, 16];
        bytes.extend_from_slice(b"ftypisom\0\0\0\0");
        // A 64-bit length that, added to its place, wraps round to 0.
        bytes.extend_from_slice(&[0, 0, 0, 1]);
        bytes.extend_from_slice(b"free");
        bytes.extend_from_slice(&(u64::MAX - 15).to_be_bytes());
        let path = dir.join("wrap.mp4");
        std::fs::write(&path, &bytes).unwrap();
        let found = probe(&path);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(found, Err(VideoProblem::CutShort));
    }

    #[test]
    fn video_names_are_known_by_their_ending() {
        assert!(is_video_name("clip.mp4"));
        assert!(is_video_name("2024/Clip.WEBM"));
        assert!(!is_video_name("clip.jpg"));
        assert!(!is_video_name("mp4"));
    }
}
