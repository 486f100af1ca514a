//! Whether photo slides move: `"auto"` (the default), `true` or `false` in settings.json.
//!
//! Without a GPU, WebKit repaints every moving pixel on the CPU, each frame: a photo drifting
//! across most of the screen costs over half a core all day, while the still slideshow
//! costs a few per cent. With a GPU, the compositor moves the photo for almost nothing. So
//! `"auto"` lets photos move only where the screen draws on a GPU; staff who want motion
//! anyway (or never) say `true` or `false`.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// What a value of `photoMotion` may be, as serde says it when another is found (and
/// `json_words` puts it in words).
pub const EXPECTED: &str = r#"true, false or "auto""#;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PhotoMotion {
    /// On where the screen draws on a GPU, off where the CPU draws it.
    #[default]
    Auto,
    /// Photo slides always move.
    On,
    /// Photo slides stay still.
    Off,
}

impl PhotoMotion {
    /// Whether photos move on a screen that draws on a GPU (`gpu`) or on the CPU.
    pub fn moves(self, gpu: bool) -> bool {
        match self {
            PhotoMotion::Auto => gpu,
            PhotoMotion::On => true,
            PhotoMotion::Off => false,
        }
    }

    /// The choice made for this screen: `On` or `Off`, never `Auto`.
    pub fn decided(self, gpu: bool) -> PhotoMotion {
        if self.moves(gpu) {
            PhotoMotion::On
        } else {
            PhotoMotion::Off
        }
    }
}

/// As the file says it: `"auto"`, `true` or `false`.
impl Serialize for PhotoMotion {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            PhotoMotion::Auto => serializer.serialize_str("auto"),
            PhotoMotion::On => serializer.serialize_bool(true),
            PhotoMotion::Off => serializer.serialize_bool(false),
        }
    }
}

impl<'de> Deserialize<'de> for PhotoMotion {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PhotoMotionVisitor)
    }
}

struct PhotoMotionVisitor;

impl serde::de::Visitor<'_> for PhotoMotionVisitor {
    type Value = PhotoMotion;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_bool<E: serde::de::Error>(self, on: bool) -> Result<PhotoMotion, E> {
        Ok(if on {
            PhotoMotion::On
        } else {
            PhotoMotion::Off
        })
    }

    fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<PhotoMotion, E> {
        match word {
            "auto" => Ok(PhotoMotion::Auto),
            // "true" in quotes: said as the value in quotes, with its fix.
            "true" | "false" => Err(E::invalid_type(
                serde::de::Unexpected::Str(word),
                &"a boolean",
            )),
            other => Err(E::unknown_variant(other, &["auto", "true", "false"])),
        }
    }
}

impl JsonSchema for PhotoMotion {
    fn schema_name() -> Cow<'static, str> {
        "PhotoMotion".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "oneOf": [
                { "const": "auto", "description": "Photos move where the screen has a GPU to move them, and stay still where the CPU would have to repaint them." },
                { "const": true, "description": "Photos always move." },
                { "const": false, "description": "Photos stay still." }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_follows_the_gpu_and_the_words_written_stay() {
        assert!(PhotoMotion::Auto.moves(true));
        assert!(!PhotoMotion::Auto.moves(false));
        assert_eq!(PhotoMotion::On.decided(false), PhotoMotion::On);
        assert_eq!(PhotoMotion::Off.decided(true), PhotoMotion::Off);
        assert_eq!(PhotoMotion::Auto.decided(false), PhotoMotion::Off);
        for (file, motion) in [
            ("\"auto\"", PhotoMotion::Auto),
            ("true", PhotoMotion::On),
            ("false", PhotoMotion::Off),
        ] {
            assert_eq!(serde_json::from_str::<PhotoMotion>(file).unwrap(), motion);
            assert_eq!(serde_json::to_string(&motion).unwrap(), file);
        }
    }

    #[test]
    fn a_word_that_is_not_a_choice_is_named_with_the_choices() {
        let wrong = serde_json::from_str::<PhotoMotion>("\"yes\"").unwrap_err();
        assert!(
            wrong.to_string().contains("unknown variant `yes`"),
            "{wrong}"
        );
        let quoted = serde_json::from_str::<PhotoMotion>("\"true\"").unwrap_err();
        assert!(
            quoted.to_string().contains("expected a boolean"),
            "{quoted}"
        );
        let number = serde_json::from_str::<PhotoMotion>("1").unwrap_err();
        assert!(number.to_string().contains("invalid type"), "{number}");
    }
}
