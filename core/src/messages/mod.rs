//! Every sentence the kiosk says to people about their content and itself, in Chinese and
//! English: the one place the texts are written. Code names a message by its key and fills
//! in its `{placeholders}` with the `words!` macro; the tables in this folder hold
//! both languages, and tests fail when a key is missing, unused, or lacks a language, or
//! when the two languages disagree on the placeholders.
//!
//! The words are for office workers, not programmers: "a list", "a text", "the item's
//! name", "the comma after the last item", never "array", "string", "field" or "trailing".

mod content;
mod editor;
mod files;
mod photos;
mod status;

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// A language the kiosk speaks to staff in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The language of a content language code (`zh`, `en`); Chinese for any other.
    pub fn of_code(code: &str) -> Lang {
        if code == "en" {
            Lang::En
        } else {
            Lang::Zh
        }
    }
}

/// One thing said, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "SaidAs")]
pub struct Words {
    pub zh: String,
    pub en: String,
}

/// What a status file holds for a sentence: both languages, or (written by an older
/// version) English only.
#[derive(Deserialize)]
#[serde(untagged)]
enum SaidAs {
    Both { zh: String, en: String },
    English(String),
}

impl From<SaidAs> for Words {
    fn from(said: SaidAs) -> Words {
        match said {
            SaidAs::Both { zh, en } => Words { zh, en },
            SaidAs::English(en) => Words { zh: en.clone(), en },
        }
    }
}

impl Words {
    /// The same words in both languages (a file name, a number).
    pub fn same(text: impl Into<String>) -> Words {
        let text = text.into();
        Words {
            zh: text.clone(),
            en: text,
        }
    }

    pub fn in_lang(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// Both languages on one line, Chinese first: `中文 · English`.
    pub fn both(&self) -> String {
        if self.zh == self.en {
            self.en.clone()
        } else {
            format!("{} · {}", self.zh, self.en)
        }
    }

    /// Joins `parts` with `between` (in each language its own).
    pub fn join(parts: &[Words], between: (&str, &str)) -> Words {
        Words {
            zh: parts
                .iter()
                .map(|w| w.zh.as_str())
                .collect::<Vec<_>>()
                .join(between.0),
            en: parts
                .iter()
                .map(|w| w.en.as_str())
                .collect::<Vec<_>>()
                .join(between.1),
        }
    }
}

/// English, for the log and anything that has one language only.
impl fmt::Display for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// `(key, Chinese, English)`.
type Entry = (&'static str, &'static str, &'static str);

fn table() -> &'static HashMap<&'static str, (&'static str, &'static str)> {
    static TABLE: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| all().map(|(key, zh, en)| (*key, (*zh, *en))).collect())
}

fn all() -> impl Iterator<Item = &'static Entry> {
    [
        content::MESSAGES,
        editor::MESSAGES,
        files::MESSAGES,
        photos::MESSAGES,
        status::MESSAGES,
    ]
    .into_iter()
    .flatten()
}

/// The message `key` with its `{name}` placeholders filled from `values`. A value may be
/// `Words` itself (said in each language) through [`Value`].
pub fn say(key: &str, values: &[(&str, Value)]) -> Words {
    let Some((zh, en)) = table().get(key) else {
        // A key missing from the tables is a bug the tests catch; never a panic on content.
        return Words::same(key);
    };
    Words {
        zh: fill(zh, values, Lang::Zh),
        en: fill(en, values, Lang::En),
    }
}

/// A value put into a message: the same in both languages, or words of its own.
#[derive(Debug, Clone)]
pub enum Value {
    Same(String),
    Said(Words),
}

impl From<&Words> for Value {
    fn from(words: &Words) -> Value {
        Value::Said(words.clone())
    }
}

impl From<Words> for Value {
    fn from(words: Words) -> Value {
        Value::Said(words)
    }
}

macro_rules! same_value {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(value: $t) -> Value {
                Value::Same(value.to_string())
            }
        }
    )*};
}
same_value!(&str, &&str, String, &String, usize, u32, u64, i64, char);

fn fill(template: &str, values: &[(&str, Value)], lang: Lang) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        let text = match value {
            Value::Same(text) => text.as_str(),
            Value::Said(words) => words.in_lang(lang),
        };
        out = out.replace(&format!("{{{name}}}"), text);
    }
    out
}

/// `words!(key, name = value, …)`: the message `key` (a string literal) in both languages.
#[macro_export]
macro_rules! words {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::say(
            $key,
            &[$((stringify!($name), $crate::messages::Value::from($value))),*],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    fn has_chinese(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// `text` without what is in brackets or quotes: an English sentence may quote Chinese
    /// (the menus a Chinese Windows shows, an example of a text in both languages).
    fn outside_brackets(text: &str) -> String {
        let (mut depth, mut quoted, mut out) = (0usize, false, String::new());
        for c in text.chars() {
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' => depth = depth.saturating_sub(1),
                '"' => quoted = !quoted,
                _ if depth == 0 && !quoted => out.push(c),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn every_message_is_in_both_languages_with_the_same_placeholders() {
        let mut keys = BTreeSet::new();
        for (key, zh, en) in all() {
            assert!(keys.insert(*key), "{key} is in the tables twice");
            assert!(
                !zh.trim().is_empty() && !en.trim().is_empty(),
                "{key} lacks a language"
            );
            assert!(has_chinese(zh), "{key}: the Chinese is not Chinese: {zh}");
            assert!(
                !has_chinese(&outside_brackets(en)),
                "{key}: the English has Chinese in it: {en}"
            );
            assert_eq!(placeholders(zh), placeholders(en), "{key}");
        }
    }

    #[test]
    fn every_key_used_in_the_code_is_in_the_tables_and_every_one_there_is_used() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut used = BTreeSet::new();
        let mut sources = String::new();
        for dir in ["core/src", "editor/src", "src-tauri/src"] {
            let mut stack = vec![root.join(dir)];
            while let Some(folder) = stack.pop() {
                for entry in std::fs::read_dir(folder).unwrap().flatten() {
                    let path = entry.path();
                    if path.is_dir() {
                        stack.push(path);
                        continue;
                    }
                    let text = std::fs::read_to_string(&path).unwrap();
                    if !path.starts_with(root.join("core/src/messages")) {
                        sources.push_str(&text);
                    }
                    for rest in text
                        .split("words!(")
                        .chain(text.split("say(").skip(1))
                        .skip(1)
                    {
                        let rest = rest.trim_start();
                        if let Some((key, _)) =
                            rest.strip_prefix('"').and_then(|r| r.split_once('"'))
                        {
                            let is_key = key.bytes().all(|b| {
                                b.is_ascii_lowercase() || b.is_ascii_digit() || b"_.".contains(&b)
                            });
                            if is_key {
                                used.insert(key.to_owned());
                            }
                        }
                    }
                }
            }
        }
        let known: BTreeSet<String> = all().map(|(key, _, _)| (*key).to_owned()).collect();
        let missing: Vec<_> = used.difference(&known).collect();
        // A key may also be chosen first and said later: any mention of it counts.
        let unused: Vec<_> = known
            .iter()
            .filter(|key| !sources.contains(&format!("\"{key}\"")))
            .collect();
        assert!(
            missing.is_empty(),
            "used but not in the tables: {missing:?}"
        );
        assert!(
            unused.is_empty(),
            "in the tables but never used: {unused:?}"
        );
    }

    #[test]
    fn placeholders_are_filled_in_each_language() {
        let values = [
            ("n", Value::from(3usize)),
            (
                "what",
                Value::from(Words {
                    zh: "列表".into(),
                    en: "a list".into(),
                }),
            ),
        ];
        assert_eq!(
            fill("还有 {n} 个{what}", &values, Lang::Zh),
            "还有 3 个列表"
        );
        assert_eq!(
            fill("{n} more in {what}", &values, Lang::En),
            "3 more in a list"
        );
        let words = Words {
            zh: "文字".into(),
            en: "a text".into(),
        };
        assert_eq!(Words::same("x").both(), "x");
        assert_eq!(words.both(), "文字 · a text");
        let old: Words = serde_json::from_str("\"broken\"").unwrap();
        assert_eq!(old, Words::same("broken"), "a status from an older version");
    }
}
