//! Reading one JSON content file so that every problem, even one found long after parsing,
//! can be reported at its line and column.
//!
//! serde_json knows positions only while it parses. [`JsonFile`] therefore keeps the text and
//! an index from each value's path (`highlights[2].until`) to where it starts, and parses
//! single items on their own, so one bad highlight does not hide the problems of another.

use crate::diagnostic::Diagnostic;
use crate::json_words;
use crate::messages::Words;
use crate::words;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashMap;
use std::ops::Range;

/// A parsed content file: its name, its text and where each value sits in it.
#[derive(Debug)]
pub struct JsonFile {
    pub name: String,
    text: String,
    line_starts: Vec<usize>,
    spans: HashMap<String, Span>,
    pub value: Value,
}

#[derive(Debug, Clone)]
struct Span {
    /// Byte offset of the key (`"until": …`) for object members, else of the value.
    key: usize,
    value: Range<usize>,
}

impl JsonFile {
    /// Parses `text`; a file that is not JSON at all gives its one syntax error.
    pub fn parse(name: &str, text: &str) -> Result<JsonFile, Diagnostic> {
        // Some Windows editors start UTF-8 files with a byte order mark; it is not a mistake.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).to_owned();
        let value: Value = serde_json::from_str(&text).map_err(|err| {
            // serde counts columns in bytes; diagnostics count characters.
            let offset = offset_in(&text, err.line(), err.column().max(1));
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let column = text[line_start..offset].chars().count() + 1;
            let message = serde_message(&err);
            if let Some((found, wanted)) = full_width_near(&text, offset) {
                return Diagnostic::error(
                    name,
                    words!("json.full_width", found = found, wanted = wanted),
                )
                .at(err.line(), column)
                .hint(words!("json.full_width.hint", wanted = wanted));
            }
            let here = text[offset..].trim_start().chars().next();
            let ends_early = err.classify() == serde_json::error::Category::Eof;
            let (said, hint) = json_words::syntax(&message, here, ends_early);
            Diagnostic::error(name, said)
                .at(err.line(), column)
                .hint(hint)
        })?;
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let spans = Indexer::index(&text);
        Ok(JsonFile {
            name: name.to_owned(),
            text,
            line_starts,
            spans,
            value,
        })
    }

    /// The file's text (without a byte order mark).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where the value at `path` is in the text (byte offsets), when it is there.
    pub fn value_range(&self, path: &str) -> Option<Range<usize>> {
        self.spans.get(path).map(|span| span.value.clone())
    }

    /// The top level of the file is an object, `{ … }`, as every content file must be.
    pub fn is_object(&self) -> bool {
        self.value.is_object()
    }

    /// The value at `path` (`""` is the whole file) as a `T`, with serde's error placed at
    /// its real line and column in the file.
    pub fn deserialize<T: DeserializeOwned>(&self, path: &str) -> Result<T, Diagnostic> {
        let range = self
            .spans
            .get(path)
            .map(|span| span.value.clone())
            .unwrap_or(0..self.text.len());
        let slice = &self.text[range.clone()];
        serde_json::from_str(slice).map_err(|err| {
            let offset = range.start + offset_in(slice, err.line(), err.column());
            let (said, hint) = json_words::data(&serde_message(&err));
            let diagnostic = self.error_at_offset(offset, said);
            match hint {
                Some(hint) => diagnostic.hint(hint),
                None => diagnostic,
            }
        })
    }

    /// An error about the value at `path`, placed at it (or at the nearest enclosing value
    /// when it is absent, e.g. a missing field).
    pub fn error(&self, path: &str, message: Words) -> Diagnostic {
        self.place(Diagnostic::error(&self.name, message), path)
    }

    /// A warning about the value at `path`.
    pub fn warning(&self, path: &str, message: Words) -> Diagnostic {
        self.place(Diagnostic::warning(&self.name, message), path)
    }

    fn place(&self, diagnostic: Diagnostic, path: &str) -> Diagnostic {
        let diagnostic = if path.is_empty() {
            diagnostic
        } else {
            diagnostic.field(path)
        };
        let (line, column) = self.position(self.offset_of(path));
        diagnostic.at(line, column)
    }

    fn error_at_offset(&self, offset: usize, message: Words) -> Diagnostic {
        let (line, column) = self.position(offset);
        Diagnostic::error(&self.name, message).at(line, column)
    }

    /// Byte offset where `path` starts, falling back to its parents.
    fn offset_of(&self, path: &str) -> usize {
        let mut path = path;
        loop {
            if let Some(span) = self.spans.get(path) {
                return span.key;
            }
            match parent(path) {
                Some(up) => path = up,
                None => return 0,
            }
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = self.text[line_start..offset].chars().count() + 1;
        (line, column)
    }

    /// Paths of the items of the top-level array `key` (`highlights[0]`, …); empty when
    /// there is no such array.
    pub fn items(&self, key: &str) -> Vec<String> {
        match self.value.get(key) {
            Some(Value::Array(items)) => (0..items.len()).map(|i| format!("{key}[{i}]")).collect(),
            _ => Vec::new(),
        }
    }
}

/// The path enclosing `path`: `a[1].b` -> `a[1]` -> `a` -> ``.
fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

/// Chinese input methods type full-width punctuation that looks like JSON's own: the one at
/// `offset` (or just before it, past spaces), with the character JSON wants instead.
fn full_width_near(text: &str, offset: usize) -> Option<(char, char)> {
    const LOOKALIKES: [(char, char); 12] = [
        ('，', ','),
        ('：', ':'),
        ('“', '"'),
        ('”', '"'),
        ('「', '"'),
        ('」', '"'),
        ('｛', '{'),
        ('｝', '}'),
        ('［', '['),
        ('］', ']'),
        ('【', '['),
        ('】', ']'),
    ];
    let lookalike = |c: char| LOOKALIKES.iter().find(|(found, _)| *found == c).copied();
    let after = text[offset..].chars().next();
    let before = text[..offset].trim_end().chars().next_back();
    after
        .and_then(lookalike)
        .or_else(|| before.and_then(lookalike))
}

/// serde_json ends its messages with " at line L column C"; diagnostics show that themselves.
fn serde_message(err: &serde_json::Error) -> String {
    let message = err.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}

/// Byte offset in `text` of serde's 1-based line and column (column counted in bytes).
fn offset_in(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut offset = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Walks JSON text that serde_json has already accepted, recording where each value is.
/// It never panics on odd input: it simply stops indexing.
struct Indexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    spans: HashMap<String, Span>,
}

impl<'a> Indexer<'a> {
    fn index(text: &'a str) -> HashMap<String, Span> {
        let mut indexer = Indexer {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            spans: HashMap::new(),
        };
        indexer.value(String::new(), None);
        indexer.spans
    }

    fn peek(&mut self) -> Option<u8> {
        while let Some(b) = self.bytes.get(self.pos) {
            if b.is_ascii_whitespace() {
                self.pos += 1;
            } else {
                return Some(*b);
            }
        }
        None
    }

    fn value(&mut self, path: String, key: Option<usize>) -> Option<()> {
        let start = {
            self.peek()?;
            self.pos
        };
        match self.bytes[start] {
            b'{' => {
                self.pos += 1;
                loop {
                    match self.peek()? {
                        b'}' => {
                            self.pos += 1;
                            break;
                        }
                        b',' => self.pos += 1,
                        b'"' => {
                            let key_start = self.pos;
                            let name = self.string()?;
                            if self.peek()? != b':' {
                                return None;
                            }
                            self.pos += 1;
                            let child = if path.is_empty() {
                                name
                            } else {
                                format!("{path}.{name}")
                            };
                            self.value(child, Some(key_start))?;
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.pos += 1;
                let mut index = 0;
                loop {
                    match self.peek()? {
                        b']' => {
                            self.pos += 1;
                            break;
                        }
                        b',' => self.pos += 1,
                        _ => {
                            self.value(format!("{path}[{index}]"), None)?;
                            index += 1;
                        }
                    }
                }
            }
            b'"' => {
                self.string()?;
            }
            _ => {
                while let Some(b) = self.bytes.get(self.pos) {
                    if b",]} \t\r\n".contains(b) {
                        break;
                    }
                    self.pos += 1;
                }
            }
        }
        self.spans.insert(
            path,
            Span {
                key: key.unwrap_or(start),
                value: start..self.pos,
            },
        );
        Some(())
    }

    /// Reads a string literal and returns its text, escapes decoded.
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        self.pos += 1;
        loop {
            match self.bytes.get(self.pos)? {
                b'\\' => self.pos += 2,
                b'"' => break,
                _ => self.pos += 1,
            }
        }
        self.pos += 1;
        serde_json::from_str(self.text.get(start..self.pos)?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    const TEXT: &str = "{\n  \"title\": \"灯塔\",\n  \"items\": [\n    {\"id\": \"a\"},\n    {\"id\": 7}\n  ]\n}\n";

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Item {
        id: String,
    }

    #[test]
    fn values_are_found_by_path_with_their_line_and_column() {
        let file = JsonFile::parse("t.json", TEXT).unwrap();
        let d = file.error("items[1].id", Words::same("x"));
        assert_eq!((d.line, d.column), (Some(5), Some(6)));
        let d = file.error("title", Words::same("x"));
        assert_eq!((d.line, d.column), (Some(2), Some(3)));
    }

    #[test]
    fn an_absent_value_is_placed_at_its_parent() {
        let file = JsonFile::parse("t.json", TEXT).unwrap();
        let d = file.error("items[0].until", Words::same("x"));
        assert_eq!((d.line, d.column), (Some(4), Some(5)));
        assert_eq!(d.field.as_deref(), Some("items[0].until"));
    }

    #[test]
    fn an_item_parsed_alone_reports_its_error_where_it_is_in_the_file() {
        let file = JsonFile::parse("t.json", TEXT).unwrap();
        assert_eq!(file.items("items"), ["items[0]", "items[1]"]);
        assert!(file.deserialize::<Item>("items[0]").is_ok());
        let err = file.deserialize::<Item>("items[1]").unwrap_err();
        assert_eq!(
            err.message.en,
            "this should be a text in quotes, not a whole number"
        );
        assert_eq!(err.message.zh, "这里应是加引号的文字，却写了整数");
        assert_eq!((err.line, err.column), (Some(5), Some(12)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = JsonFile::parse("t.json", "{\"标题\": \"灯塔\", \"x\": 1}").unwrap();
        let d = file.error("x", Words::same("x"));
        assert_eq!((d.line, d.column), (Some(1), Some(14)));
    }

    #[test]
    fn a_syntax_error_column_counts_characters() {
        let err = JsonFile::parse("t.json", "{\"title\": \"灯塔\" \"x\": 1}").unwrap_err();
        assert_eq!((err.line, err.column), (Some(1), Some(16)));
    }

    #[test]
    fn a_syntax_error_is_placed_and_explained() {
        let err = JsonFile::parse("t.json", "{\n  \"a\": 1\n  \"b\": 2\n}").unwrap_err();
        assert_eq!((err.line, err.column), (Some(3), Some(3)));
        assert_eq!(err.message.en, "a comma, or the closing }, should be here");
        assert!(err.hint.is_some());
    }
}

#[cfg(test)]
mod syntax_tests {
    use super::*;

    fn problem(text: &str) -> Diagnostic {
        JsonFile::parse("t.json", text).unwrap_err()
    }

    #[test]
    fn a_chinese_comma_is_named_as_such() {
        let p = problem("{\"a\": 1， \"b\": 2}");
        assert_eq!(
            p.message.en,
            "\"，\" is Chinese (full-width) punctuation; the file needs \",\" here"
        );
        assert_eq!(p.message.zh, "“，”是中文（全角）标点；这里要用英文标点“,”");
        assert_eq!((p.line, p.column), (Some(1), Some(8)));
    }

    #[test]
    fn curly_quotes_and_a_full_width_colon_are_named_too() {
        assert!(problem("{\"a\": “text”}")
            .message
            .en
            .starts_with("\"“\" is Chinese"));
        assert!(problem("{\"a\"： 1}")
            .message
            .en
            .starts_with("\"：\" is Chinese"));
    }

    #[test]
    fn an_unclosed_object_before_the_next_is_not_called_a_missing_comma() {
        let hint = |json: &str| problem(json).hint.map(|h| h.en).unwrap_or_default();
        for json in [
            "{\"list\": [{\"a\": 1,\n {\"a\": 2}]}",
            "{\"list\": [{\"a\": 1\n]}",
        ] {
            assert!(hint(json).contains("} is probably missing"), "{json}");
        }
        let json = "{\"a\": 1\n \"b\": 2}";
        assert!(hint(json).contains("comma is probably missing"), "{json}");
    }
}
