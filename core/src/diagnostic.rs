//! Problems found in the content, as data: where, what, and how to fix it.

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
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line: None,
            column: None,
            field: None,
            severity: Severity::Error,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Self {
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

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, ":{line}:{column}")?;
        }
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, ": {severity}: ")?;
        // With a line and column the editor shows the spot; without, name the field.
        if let (None, Some(field)) = (self.line, &self.field) {
            write!(f, "{field}: ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_a_compiler_message() {
        let d = Diagnostic::error("highlights.json", "expected `,` or `}`")
            .at(12, 7)
            .hint("a comma is missing after the previous value");
        assert_eq!(
            d.to_string(),
            "highlights.json:12:7: error: expected `,` or `}`\n  hint: a comma is missing after the previous value"
        );
    }

    #[test]
    fn names_the_field_when_the_position_is_unknown() {
        let d =
            Diagnostic::error("settings.json", "must be between 3 and 600").field("slideSeconds");
        assert_eq!(
            d.to_string(),
            "settings.json: error: slideSeconds: must be between 3 and 600"
        );
    }
}
