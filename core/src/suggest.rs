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

/// The photo of `candidates` that `name` was probably meant to be: one in the same folder
/// whose own name (without its extension) is close. A shared folder or extension is no
/// likeness: `open-day/visitors.jpg` is not `open-day/Nikon_D70.jpg`.
pub fn closest_photo<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    fn split(path: &str) -> (&str, String) {
        let (folder, file) = path.rsplit_once('/').unwrap_or(("", path));
        let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
        (folder, stem.to_lowercase())
    }
    let (folder, stem) = split(name);
    candidates
        .into_iter()
        .filter_map(|candidate| {
            let (their_folder, their_stem) = split(candidate);
            (their_folder == folder).then(|| (candidate, strsim::jaro_winkler(&stem, &their_stem)))
        })
        .filter(|(_, score)| *score >= 0.85)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_names_for_chinese_and_english_are_recognised() {
        let languages = ["zh".to_owned(), "en".to_owned()];
        assert_eq!(closest_language("cn", &languages), Some("zh"));
        assert_eq!(closest_language("English", &languages), Some("en"));
        assert_eq!(closest_language("fr", &languages), None);
    }

    #[test]
    fn a_photo_is_matched_by_its_own_name_in_its_own_folder() {
        let photos = [
            "open-day/Nikon_D70.jpg",
            "open-day/visitor.jpg",
            "hall/visitors.jpg",
        ];
        assert_eq!(
            closest_photo("open-day/visitors.jpg", photos),
            Some("open-day/visitor.jpg")
        );
        assert_eq!(closest_photo("open-day/guests.jpg", photos), None);
        assert_eq!(
            closest_photo("open-day/visitors.jpg", ["open-day/Nikon_D70.jpg"]),
            None
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
