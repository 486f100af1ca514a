//! Problems found in the content, as data: where, what, and how to fix it.

use crate::messages::{Lang, Words};
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in one content file.
///
/// Rendered the way compilers do (`highlights.json:12:7: error: …`), so staff and editors
/// can jump straight to the spot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    /// The file's name inside the content folder, e.g. `highlights.json`.
    pub file: String,
    /// 1-based line and column, when the position is known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The JSON path of the value concerned, e.g. `highlights[2].id`, when known.
    pub field: Option<String>,
    pub severity: Severity,
    pub message: Words,
    /// How to fix it, when there is something useful to say.
    pub hint: Option<Words>,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, message: Words) -> Self {
        Diagnostic {
            file: file.into(),
            line: None,
            column: None,
            field: None,
            severity: Severity::Error,
            message,
            hint: None,
        }
    }

    pub fn warning(file: impl Into<String>, message: Words) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn hint(mut self, hint: Words) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl Diagnostic {
    /// The problem in `lang`, the way `check` prints it: where (the file, and the line and
    /// column in words), what, and the hint on a line of its own.
    pub fn in_lang(&self, lang: Lang) -> String {
        let severity = match (self.severity, lang) {
            (Severity::Warning, Lang::Zh) => "提醒",
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Error, Lang::En) => "error",
        };
        let place = match (self.line, self.column, lang) {
            (Some(line), Some(column), Lang::Zh) => {
                format!("{} 第 {line} 行第 {column} 列", self.file)
            }
            (Some(line), Some(column), Lang::En) => {
                format!("{} line {line}, column {column}", self.file)
            }
            _ => self.file.clone(),
        };
        let (colon, hint) = match lang {
            Lang::Zh => ("：", "建议"),
            Lang::En => (": ", "hint"),
        };
        let mut out = format!("{place}{colon}{severity}{colon}");
        // With a line and column the editor shows the spot; without, name the item.
        if let (None, Some(field)) = (self.line, &self.field) {
            out.push_str(&format!("{field}{colon}"));
        }
        out.push_str(self.message.in_lang(lang));
        if let Some(words) = &self.hint {
            out.push_str(&format!("\n  {hint}{colon}{}", words.in_lang(lang)));
        }
        out
    }

    /// The problem in both languages, Chinese first, as the staff panel and `status` show it.
    pub fn in_both(&self) -> Words {
        Words {
            zh: self.in_lang(Lang::Zh),
            en: self.in_lang(Lang::En),
        }
    }
}

/// English, for the log.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Diagnostic {
        Diagnostic::error(
            "highlights.json",
            Words {
                zh: "这里缺少逗号".into(),
                en: "a comma is missing".into(),
            },
        )
        .at(12, 7)
        .hint(Words {
            zh: "在上一项后面加一个逗号".into(),
            en: "add a comma after the item before".into(),
        })
    }

    #[test]
    fn says_where_in_words_in_each_language() {
        assert_eq!(
            example().in_lang(Lang::En),
            "highlights.json line 12, column 7: error: a comma is missing\n  hint: add a comma after the item before"
        );
        assert_eq!(
            example().in_lang(Lang::Zh),
            "highlights.json 第 12 行第 7 列：错误：这里缺少逗号\n  建议：在上一项后面加一个逗号"
        );
    }

    #[test]
    fn names_the_item_when_the_position_is_unknown() {
        let d = Diagnostic::error("settings.json", Words::same("3")).field("slideSeconds");
        assert_eq!(d.to_string(), "settings.json: error: slideSeconds: 3");
    }
}
