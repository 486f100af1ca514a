//! "Did you mean …?" for misspelt field names and values.

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|candidate| {
            let score = strsim::jaro_winkler(&word_lower, &candidate.to_lowercase());
            (candidate, score)
        })
        .filter(|(_, score)| *score >= 0.8)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(candidate, _)| candidate)
}

/// Language codes staff often write for the ones the kiosk uses.
const LANGUAGE_ALIASES: [(&str, &str); 12] = [
    ("cn", "zh"),
    ("chs", "zh"),
    ("zh-cn", "zh"),
    ("zh_cn", "zh"),
    ("zh-hans", "zh"),
    ("chinese", "zh"),
    ("中文", "zh"),
    ("eng", "en"),
    ("en-us", "en"),
    ("en-gb", "en"),
    ("english", "en"),
    ("英文", "en"),
];

/// The language code of `languages` that `code` was probably meant to be.
pub fn closest_language<'a>(code: &str, languages: &'a [String]) -> Option<&'a str> {
    let lower = code.to_lowercase();
    let alias = LANGUAGE_ALIASES
        .iter()
        .find(|(alias, _)| *alias == lower)
        .map(|(_, lang)| *lang);
    languages
        .iter()
        .map(String::as_str)
        .find(|lang| Some(*lang) == alias)
        .or_else(|| closest(code, languages.iter().map(String::as_str)))
}

/// serde's words for JSON types, and the words staff know them by.
const TYPE_WORDS: [(&str, &str); 7] = [
    ("expected u32", "expected a whole number"),
    ("expected a boolean", "expected true or false"),
    ("expected a sequence", "expected a list [ … ]"),
    ("expected a string", "expected text in quotes"),
    ("invalid type: map", "invalid type: an object { … }"),
    ("invalid type: sequence", "invalid type: a list [ … ]"),
    ("expected struct", "expected an object { … } for"),
];

/// serde's message in the words staff know.
pub fn plain_serde_message(message: &str) -> String {
    TYPE_WORDS
        .iter()
        .fold(message.to_owned(), |message, (serde_words, plain)| {
            message.replace(serde_words, plain)
        })
}

/// A hint for serde's messages: the likely intended field or value name, the list of
/// allowed ones, or how to fix a wrong type.
pub fn hint_for_serde_message(message: &str) -> Option<String> {
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return Some(format!(
            "add \"{field}\" to this item (see the other items for an example)"
        ));
    }
    if message.starts_with("invalid type: string") && message.contains("expected a whole number") {
        return Some("write the number without quotes, e.g. 12".to_owned());
    }
    if message.starts_with("invalid type: string") && message.contains("expected true or false") {
        return Some("write true or false without quotes".to_owned());
    }
    if let Some(rest) = message.strip_prefix("invalid type: string \"") {
        if message.contains("expected a list") {
            let text = rest.split('"').next().unwrap_or("…");
            return Some(format!(
                "write a list in square brackets, even for one: [\"{text}\"]"
            ));
        }
    }
    let (what, rest) = if let Some(rest) = message.strip_prefix("unknown field `") {
        ("field", rest)
    } else if let Some(rest) = message.strip_prefix("unknown variant `") {
        ("value", rest)
    } else {
        return None;
    };
    let (word, rest) = rest.split_once('`')?;
    let allowed: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    if allowed.is_empty() {
        return Some(format!("remove the {what} `{word}`: none is allowed here"));
    }
    // `$schema` is for editors; staff never need to be told about it.
    let allowed: Vec<&str> = allowed.into_iter().filter(|a| *a != "$schema").collect();
    Some(match closest(word, allowed.iter().copied()) {
        Some(name) => format!("did you mean `{name}`?"),
        None => format!("allowed here: {}", allowed.join(", ")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_intended_field() {
        assert_eq!(
            hint_for_serde_message(
                "unknown field `titel`, expected one of `id`, `title`, `summary`"
            )
            .as_deref(),
            Some("did you mean `title`?")
        );
    }

    #[test]
    fn lists_the_allowed_values_when_nothing_is_close() {
        assert_eq!(
            hint_for_serde_message("unknown variant `wipe`, expected `fade` or `none`").as_deref(),
            Some("allowed here: fade, none")
        );
    }

    #[test]
    fn other_messages_get_no_hint() {
        assert_eq!(hint_for_serde_message("trailing comma"), None);
    }

    #[test]
    fn common_names_for_chinese_and_english_are_recognised() {
        let languages = ["zh".to_owned(), "en".to_owned()];
        assert_eq!(closest_language("cn", &languages), Some("zh"));
        assert_eq!(closest_language("English", &languages), Some("en"));
        assert_eq!(closest_language("fr", &languages), None);
    }

    #[test]
    fn serde_type_names_become_plain_words() {
        assert_eq!(
            plain_serde_message("invalid type: string \"12\", expected u32"),
            "invalid type: string \"12\", expected a whole number"
        );
    }

    #[test]
    fn case_differences_are_typos_too() {
        assert_eq!(
            closest("DefaultLanguage", ["defaultLanguage", "languages"]),
            Some("defaultLanguage")
        );
        assert_eq!(closest("xyz", ["defaultLanguage"]), None);
    }
}
