//! Text a visitor reads, given once for every language or once per language.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Visitor-facing text: either `"same in every language"` or `{"zh": "…", "en": "…"}`.
///
/// The UI picks the visitor's language and falls back to the default language, so a
/// missing translation never leaves an empty space on screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Text {
    /// The same text in every language, e.g. a phone number or a name.
    Same(String),
    /// The text in each language, e.g. {"zh": "禅城园", "en": "Chancheng Park"}.
    PerLanguage(IndexMap<String, String>),
}

/// Written by hand (instead of serde's untagged derive) so that a mistake is explained in
/// words staff understand, not as "did not match any variant".
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> serde::de::Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(r#"text: "…" in quotes, or one text per language, e.g. {"zh": "…", "en": "…"}"#)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Text, E> {
        Ok(Text::Same(text.to_owned()))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut texts = IndexMap::new();
        while let Some((lang, text)) = map.next_entry::<String, TextInOneLanguage>()? {
            texts.insert(lang, text.0);
        }
        Ok(Text::PerLanguage(texts))
    }
}

/// The value of one language in `{"zh": "…"}`: it must be text itself.
struct TextInOneLanguage(String);

impl<'de> Deserialize<'de> for TextInOneLanguage {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = TextInOneLanguage;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(r#"the text in that language, in quotes"#)
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
                Ok(TextInOneLanguage(text.to_owned()))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl Text {
    /// The text in `lang`, else in `fallback`, else in any language given.
    pub fn get<'a>(&'a self, lang: &str, fallback: &str) -> &'a str {
        match self {
            Text::Same(text) => text,
            Text::PerLanguage(map) => map
                .get(lang)
                .or_else(|| map.get(fallback))
                .or_else(|| map.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// True when no language has any visible character.
    pub fn is_blank(&self) -> bool {
        match self {
            Text::Same(text) => text.trim().is_empty(),
            Text::PerLanguage(map) => map.values().all(|t| t.trim().is_empty()),
        }
    }

    /// Every version of the text with its language (`None` for text the same in all).
    pub fn versions(&self) -> Vec<(Option<&str>, &str)> {
        match self {
            Text::Same(text) => vec![(None, text.as_str())],
            Text::PerLanguage(map) => map
                .iter()
                .map(|(lang, text)| (Some(lang.as_str()), text.as_str()))
                .collect(),
        }
    }
}

/// How many characters a person counts in `text`: a letter with its accent, an emoji made of
/// several code points, a Chinese character, each one.
pub fn characters(text: &str) -> usize {
    unicode_segmentation::UnicodeSegmentation::graphemes(text, true).count()
}

/// How wide `text` is on screen, in columns: two for a CJK character, one for others.
pub fn columns(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF => 2,
            _ => 1,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Text {
        serde_json::from_str(json).expect("valid text")
    }

    #[test]
    fn a_plain_string_is_the_same_in_every_language() {
        let text = parse(r#""0757-82210575""#);
        assert_eq!(text.get("zh", "zh"), "0757-82210575");
        assert_eq!(text.get("en", "zh"), "0757-82210575");
        assert_eq!(text.versions(), [(None, "0757-82210575")]);
    }

    #[test]
    fn a_missing_translation_falls_back_to_the_default_language() {
        let text = parse(r#"{"zh": "禅城园"}"#);
        assert_eq!(text.get("en", "zh"), "禅城园");
        let text = parse(r#"{"zh": "禅城园", "en": "Chancheng Park"}"#);
        assert_eq!(text.get("en", "zh"), "Chancheng Park");
    }

    #[test]
    fn a_number_is_not_text_and_the_error_says_what_is() {
        let err = serde_json::from_str::<Text>("72.7")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(r#"expected text: "…" in quotes, or one text per language"#),
            "{err}"
        );
        let err = serde_json::from_str::<Text>(r#"{"zh": 5}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("expected the text in that language"), "{err}");
    }

    #[test]
    fn blank_text_is_detected_in_every_form() {
        assert!(parse(r#""  ""#).is_blank());
        assert!(parse(r#"{"zh": "", "en": " "}"#).is_blank());
        assert!(!parse(r#"{"zh": "", "en": "x"}"#).is_blank());
    }

    #[test]
    fn text_is_measured_in_columns_as_the_ui_measures_it() {
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../tests/shared-rules/columns.json")).unwrap();
        assert!(cases.len() > 5);
        for case in cases {
            let text = case["text"].as_str().unwrap();
            assert_eq!(
                columns(text) as u64,
                case["columns"].as_u64().unwrap(),
                "{text}"
            );
        }
    }
}
