//! Text a visitor reads, given once for every language or once per language.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Visitor-facing text: either `"same in every language"` or `{"zh": "…", "en": "…"}`.
///
/// The UI picks the visitor's language and falls back to the default language, so a
/// missing translation never leaves an empty space on screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    Same(String),
    PerLanguage(BTreeMap<String, String>),
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

    /// The languages this text is written in; `None` means "the same in all of them".
    pub fn languages(&self) -> Option<impl Iterator<Item = &str>> {
        match self {
            Text::Same(_) => None,
            Text::PerLanguage(map) => Some(map.keys().map(String::as_str)),
        }
    }
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
        assert!(text.languages().is_none());
    }

    #[test]
    fn a_missing_translation_falls_back_to_the_default_language() {
        let text = parse(r#"{"zh": "禅城园"}"#);
        assert_eq!(text.get("en", "zh"), "禅城园");
        let text = parse(r#"{"zh": "禅城园", "en": "Chancheng Park"}"#);
        assert_eq!(text.get("en", "zh"), "Chancheng Park");
    }

    #[test]
    fn blank_text_is_detected_in_every_form() {
        assert!(parse(r#""  ""#).is_blank());
        assert!(parse(r#"{"zh": "", "en": " "}"#).is_blank());
        assert!(!parse(r#"{"zh": "", "en": "x"}"#).is_blank());
    }
}
