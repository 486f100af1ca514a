//! The staff panel's PIN: 4 to 8 digits, kept in settings.json only as an Argon2id hash (the
//! settings file may be read by anyone who can read the content folder).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// The fewest and most digits a PIN has.
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=8;

/// Why a PIN cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PinError {
    #[error("a PIN is {} to {} digits, and only digits", PIN_DIGITS.start(), PIN_DIGITS.end())]
    NotDigits,
    #[error("the PIN could not be hashed: {0}")]
    Hash(String),
}

/// The hash to keep in settings.json for `pin`.
pub fn hash_pin(pin: &str) -> Result<String, PinError> {
    if !PIN_DIGITS.contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PinError::NotDigits);
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|err| PinError::Hash(err.to_string()))
}

/// Whether `pin` is the PIN `hash` was made from.
pub fn verify_pin(pin: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Whether `text` is a hash as [`hash_pin`] writes it.
pub fn is_pin_hash(text: &str) -> bool {
    PasswordHash::new(text).is_ok_and(|hash| hash.algorithm.as_str() == "argon2id")
}

/// `settings` (the text of settings.json) with `hash` as its staff PIN: the value replaced
/// where there is one, else added as the last item with the file's own indentation. Every
/// other byte of the file stays as it was. `Err` when the text is not a settings object.
pub fn settings_with_pin(settings: &str, hash: &str) -> Result<String, String> {
    const KEY: &str = "staffPinHash";
    let file = crate::json::JsonFile::parse(crate::model::SETTINGS_FILE, settings)
        .map_err(|problem| problem.to_string())?;
    if !file.is_object() {
        return Err("settings.json does not hold one { … }".to_owned());
    }
    let quoted = serde_json::to_string(hash).map_err(|err| err.to_string())?;
    let text = file.text();
    let written = match file.value_range(KEY) {
        Some(range) => format!("{}{quoted}{}", &text[..range.start], &text[range.end..]),
        None => {
            let close = text.rfind('}').ok_or("no closing }")?;
            let last = text[..close].trim_end();
            let indent = text
                .lines()
                .skip(1)
                .find_map(|line| {
                    line.strip_suffix(line.trim_start())
                        .filter(|_| line.trim_start().starts_with('"'))
                })
                .unwrap_or("  ");
            let comma = if last.ends_with('{') { "" } else { "," };
            format!(
                "{last}{comma}\n{indent}\"{KEY}\": {quoted}\n{}",
                &text[close..]
            )
        }
    };
    let check = crate::json::JsonFile::parse(crate::model::SETTINGS_FILE, &written)
        .map_err(|problem| problem.to_string())?;
    if check.value.get(KEY).and_then(|v| v.as_str()) != Some(hash) {
        return Err("the PIN could not be put into settings.json".to_owned());
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_added_as_the_last_item_or_replaced_and_nothing_else_changes() {
        let settings = "{\n    \"title\": \"灯塔\",\n    \"languages\": [\"zh\"]\n}\n";
        let added = settings_with_pin(settings, "$argon2id$new").unwrap();
        assert_eq!(
            added,
            "{\n    \"title\": \"灯塔\",\n    \"languages\": [\"zh\"],\n    \"staffPinHash\": \"$argon2id$new\"\n}\n"
        );
        let replaced = settings_with_pin(&added, "$argon2id$newer").unwrap();
        assert_eq!(replaced, added.replace("$argon2id$new", "$argon2id$newer"));
        assert_eq!(
            settings_with_pin("{}", "h").unwrap(),
            "{\n  \"staffPinHash\": \"h\"\n}"
        );
        assert!(settings_with_pin("[1]", "h").is_err());
        assert!(settings_with_pin("{ broken", "h").is_err());
    }

    #[test]
    fn the_pin_opens_and_nothing_else_does() {
        let hash = hash_pin("2468").unwrap();
        assert!(is_pin_hash(&hash));
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_pin("2468", &hash));
        assert!(!verify_pin("2469", &hash));
        assert!(!verify_pin("", &hash));
        assert_ne!(hash_pin("2468").unwrap(), hash, "a fresh salt each time");
    }

    #[test]
    fn only_4_to_8_digits_make_a_pin() {
        assert_eq!(hash_pin("123"), Err(PinError::NotDigits));
        assert_eq!(hash_pin("12a4"), Err(PinError::NotDigits));
        assert_eq!(hash_pin("123456789"), Err(PinError::NotDigits));
        assert!(!is_pin_hash("1234"));
    }
}
