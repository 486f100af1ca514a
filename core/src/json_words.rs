//! serde_json's messages, said in the words of someone who edits a file by hand: "a text in
//! quotes", "a whole number", "a list [ … ]", "the comma after the last item"; never
//! "string", "u32", "sequence" or "trailing comma". Each comes in both languages, with a hint
//! that says what to type.

use crate::messages::Words;
use crate::suggest::closest;
use crate::words;

/// A syntax error (the file is not JSON): what is wrong and how to fix it. `here` is the
/// character at the spot, `ends_early` whether the file ended in the middle of something.
pub fn syntax(message: &str, here: Option<char>, ends_early: bool) -> (Words, Words) {
    if ends_early {
        return (words!("json.ends_early"), words!("json.ends_early.hint"));
    }
    match message {
        "trailing comma" => (
            words!("json.comma_after_last"),
            words!("json.comma_after_last.hint"),
        ),
        // A `]` where the end of an object was due: the object before it was never closed.
        m if m.starts_with("expected `,` or `}`") && here == Some(']') => (
            words!("json.comma_or_brace"),
            words!("json.brace_missing.hint"),
        ),
        m if m.starts_with("expected `,` or `}`") => (
            words!("json.comma_or_brace"),
            words!("json.comma_missing.hint"),
        ),
        m if m.starts_with("expected `,` or `]`") => (
            words!("json.comma_or_bracket"),
            words!("json.comma_missing.hint"),
        ),
        "key must be a string" if here == Some('{') => (
            words!("json.name_expected"),
            words!("json.item_not_closed.hint"),
        ),
        "key must be a string" => (
            words!("json.name_expected"),
            words!("json.name_expected.hint"),
        ),
        m if m.starts_with("expected `:`") => (words!("json.colon"), words!("json.colon.hint")),
        m if m.starts_with("control character") => (
            words!("json.line_break_in_text"),
            words!("json.line_break_in_text.hint"),
        ),
        m if m.starts_with("invalid escape") => {
            (words!("json.backslash"), words!("json.backslash.hint"))
        }
        m if m.starts_with("trailing characters") => (
            words!("json.after_the_end"),
            words!("json.after_the_end.hint"),
        ),
        m if m.starts_with("expected value") || m.starts_with("expected ident") => {
            (words!("json.value_expected"), words!("json.look_here.hint"))
        }
        other => (
            words!("json.other", message = other),
            words!("json.look_here.hint"),
        ),
    }
}

/// A value of the wrong kind, a missing or unknown name (the file is JSON, but not what the
/// kiosk reads): what is wrong, and a hint when there is a useful one.
pub fn data(message: &str) -> (Words, Option<Words>) {
    if let Some(name) = between(message, "missing field `", "`") {
        return (
            words!("json.missing", name = name),
            Some(words!("json.missing.hint", name = name)),
        );
    }
    if let Some(name) = between(message, "duplicate field `", "`") {
        return (
            words!("json.twice", name = name),
            Some(words!("remove_one")),
        );
    }
    for (prefix, key) in [
        ("unknown field `", "json.unknown_name"),
        ("unknown variant `", "json.unknown_value"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            return unknown(rest, key);
        }
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return wrong_kind(rest);
    }
    if message.starts_with("data did not match any variant of untagged enum Text") {
        return (
            words!("json.not_a_text"),
            Some(words!("json.not_a_text.hint")),
        );
    }
    (words!("json.other", message = message), None)
}

/// "titel`, expected one of `id`, `title`" after "unknown field `".
fn unknown(rest: &str, key: &str) -> (Words, Option<Words>) {
    let Some((word, allowed)) = rest.split_once('`') else {
        return (words!("json.other", message = rest), None);
    };
    // `$schema` is for editors; staff never need to be told about it.
    let allowed: Vec<&str> = allowed
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|a| *a != "$schema")
        .collect();
    let message = match key {
        "json.unknown_name" => words!("json.unknown_name", name = word),
        _ => words!("json.unknown_value", name = word),
    };
    let hint = if allowed.is_empty() {
        words!("json.nothing_allowed.hint", name = word)
    } else {
        match closest(word, allowed.iter().copied()) {
            Some(name) => words!("did_you_mean", name = name),
            None => words!("json.allowed.hint", list = allowed.join(", ")),
        }
    };
    (message, Some(hint))
}

/// `string "12", expected u32` after "invalid type: ".
fn wrong_kind(rest: &str) -> (Words, Option<Words>) {
    let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
    let (found_kind, found_text) = kind_found(found);
    let expected_kind = kind_expected(expected);
    let message = words!(
        "json.wrong_kind",
        expected = &expected_kind,
        found = &found_kind
    );
    let hint = match (found.starts_with("string"), expected) {
        (true, "u32" | "u64" | "i64" | "u8" | "u16") => Some(words!("json.number_in_quotes.hint")),
        (true, "a boolean") => Some(words!("json.boolean_in_quotes.hint")),
        (true, "a sequence") => Some(words!(
            "json.one_in_a_list.hint",
            text = found_text.unwrap_or("…")
        )),
        _ => None,
    };
    (message, hint)
}

/// What serde found, in words, and for a text what it said.
fn kind_found(found: &str) -> (Words, Option<&str>) {
    if let Some(text) = found.strip_prefix("string \"") {
        let text = text.strip_suffix('"').unwrap_or(text);
        return (words!("json.kind.text_saying", text = text), Some(text));
    }
    let kind = match found.split_whitespace().next().unwrap_or("") {
        "integer" => words!("json.kind.whole_number"),
        "floating" => words!("json.kind.decimal"),
        "boolean" => words!("json.kind.true_or_false"),
        "map" => words!("json.kind.group"),
        "sequence" => words!("json.kind.list"),
        "null" | "unit" => words!("json.kind.null"),
        other => Words::same(other),
    };
    (kind, None)
}

/// What serde expected, in words.
fn kind_expected(expected: &str) -> Words {
    match expected {
        "u32" | "u64" | "i64" | "u8" | "u16" => words!("json.kind.whole_number"),
        "a boolean" => words!("json.kind.true_or_false"),
        crate::photo_motion::EXPECTED => words!("json.kind.true_false_or_auto"),
        "a string" => words!("json.kind.text"),
        "a sequence" => words!("json.kind.list"),
        "a map" => words!("json.kind.group"),
        e if e.starts_with("struct ") => words!("json.kind.group"),
        e if e.starts_with("text: ") => words!("json.kind.text_or_per_language"),
        e if e.starts_with("the text in that language") => words!("json.kind.text"),
        other => Words::same(other),
    }
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    text.strip_prefix(start)?
        .split_once(end)
        .map(|(inside, _)| inside)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_name_gets_the_intended_one() {
        let (message, hint) =
            data("unknown field `titel`, expected one of `id`, `title`, `summary`");
        assert!(message.en.contains("titel"), "{message:?}");
        assert!(hint.unwrap().en.contains("\"title\""));
    }

    #[test]
    fn when_nothing_is_close_the_allowed_values_are_listed() {
        let (_, hint) = data("unknown variant `wipe`, expected `fade` or `none`");
        assert!(hint.unwrap().en.contains("fade, none"));
    }

    #[test]
    fn a_number_in_quotes_is_a_text_where_a_whole_number_belongs() {
        let (message, hint) = data("invalid type: string \"12\", expected u32");
        assert!(message.en.contains("a whole number"), "{message:?}");
        assert!(message.zh.contains("整数"), "{message:?}");
        assert!(!message.en.contains("u32") && !message.en.contains("string"));
        assert!(hint.unwrap().en.contains("without quotes"));
    }

    #[test]
    fn programmer_words_never_reach_staff() {
        for message in [
            "invalid type: sequence, expected a string",
            "invalid type: map, expected a sequence",
            "invalid type: string \"x\", expected a sequence",
            "missing field `title`",
        ] {
            let (said, _) = data(message);
            for word in ["sequence", "string", "map", "field", "struct", "u32"] {
                assert!(!said.en.contains(word), "{message}: {said:?}");
            }
        }
        let (said, hint) = syntax("trailing comma", Some(']'), false);
        assert!(
            !said.en.contains("trailing") && hint.en.contains("comma"),
            "{said:?}"
        );
    }
}
