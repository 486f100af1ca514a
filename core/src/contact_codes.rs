//! QR codes visitors take away: one per phone number (a `tel:` link that a phone camera
//! offers to call) and one vCard of the whole zone per language (every number at once,
//! saved as a contact).
//!
//! Text other than ASCII is put in a byte segment behind the ECI designator for UTF-8: many
//! phone scanners read a Kanji-mode segment, or a byte segment without the designator, as
//! garbage.

use crate::model::{ContactsFile, Content};
use qrcode::bits::Bits;
use qrcode::types::QrError;
use qrcode::{Color, EcLevel, QrCode, Version};
use serde::Serialize;
use std::collections::BTreeMap;

/// Every number in the content is in mainland China: "0757-…" is dialled from abroad, and
/// so from a visitor's own phone, as "+86 757 …".
const COUNTRY_CODE: &str = "86";
/// The ECI designator of UTF-8.
const ECI_UTF8: u32 = 26;
/// Error correction for the small `tel:` codes: room to spare, so use a stronger level.
const PHONE_EC: EcLevel = EcLevel::M;
/// The vCard is long; a lower level keeps its modules large enough to scan from half a
/// metre. A screen is never torn or smudged the way paper is.
const VCARD_EC: EcLevel = EcLevel::L;

/// One QR code as a drawing: `modules` squares a side (without the quiet zone), the dark
/// ones as one SVG path in module units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QrDrawing {
    pub modules: u32,
    pub path: String,
}

/// A phone number's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneCode {
    /// What the code holds, e.g. `tel:+86-757-86683830`.
    pub uri: String,
    pub drawing: QrDrawing,
}

/// The zone's card in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CardCode {
    /// The vCard 3.0 text the code holds.
    pub vcard: String,
    pub drawing: QrDrawing,
}

/// Every code of the contact screen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactCodes {
    /// By phone number as the content writes it.
    pub phones: BTreeMap<String, PhoneCode>,
    /// By language code.
    pub cards: BTreeMap<String, CardCode>,
}

/// The codes for `content`'s contacts. A text too long for any QR code (far beyond what
/// `check` lets through) is left out and logged rather than failing the screen.
pub fn contact_codes(content: &Content) -> ContactCodes {
    let mut codes = ContactCodes::default();
    let contacts = &content.contacts;
    for phone in contacts.entries.iter().flat_map(|e| &e.phones) {
        let uri = tel_uri(phone);
        if let Some(drawing) = drawn(&uri, PHONE_EC, phone) {
            codes
                .phones
                .insert(phone.clone(), PhoneCode { uri, drawing });
        }
    }
    let fallback = &content.settings.default_language;
    for lang in &content.settings.languages {
        let vcard = vcard(contacts, lang, fallback);
        if let Some(drawing) = drawn(&vcard, VCARD_EC, &format!("the {lang} contact card")) {
            codes
                .cards
                .insert(lang.clone(), CardCode { vcard, drawing });
        }
    }
    codes
}

/// `text` drawn as a QR code, or `None` (logged, naming `what`) when it cannot be.
fn drawn(text: &str, ec: EcLevel, what: &str) -> Option<QrDrawing> {
    encode(text, ec)
        .map_err(|err| log::error!("no QR code for {what}: {err}"))
        .ok()
}

/// `phone` as a `tel:` URI in international form (RFC 3966, "-" between groups):
/// `0757-86683830` -> `tel:+86-757-86683830`, `138 0000 0000` -> `tel:+86-138-0000-0000`.
/// A short local number without its area code cannot be made international and is kept.
pub fn tel_uri(phone: &str) -> String {
    let groups: Vec<&str> = phone
        .split(|c: char| !c.is_ascii_digit())
        .filter(|group| !group.is_empty())
        .collect();
    let digits: String = groups.concat();
    if phone.trim_start().starts_with('+') {
        return format!("tel:+{}", groups.join("-"));
    }
    // A leading 0 is the trunk prefix, dropped after the country code; mobile numbers are
    // eleven digits starting with 1.
    let national = if let Some(first) = groups.first().and_then(|g| g.strip_prefix('0')) {
        Some(
            [first]
                .into_iter()
                .chain(groups[1..].iter().copied())
                .collect::<Vec<_>>(),
        )
    } else if digits.len() == 11 && digits.starts_with('1') {
        Some(groups.clone())
    } else {
        None
    };
    match national {
        Some(groups) => {
            let groups: Vec<&str> = groups.into_iter().filter(|g| !g.is_empty()).collect();
            format!("tel:+{COUNTRY_CODE}-{}", groups.join("-"))
        }
        None => format!("tel:{digits}"),
    }
}

/// The zone as a vCard 3.0 in `lang`: its name, every number labelled with its park or
/// office, and the address.
pub fn vcard(contacts: &ContactsFile, lang: &str, fallback: &str) -> String {
    let name = escape(contacts.organisation.get(lang, fallback));
    let mut lines = vec![
        "BEGIN:VCARD".to_owned(),
        "VERSION:3.0".to_owned(),
        format!("N:{name};;;;"),
        format!("FN:{name}"),
        format!("ORG:{name}"),
    ];
    let numbers = contacts
        .entries
        .iter()
        .flat_map(|entry| entry.phones.iter().map(move |phone| (entry, phone)));
    for (i, (entry, phone)) in numbers.enumerate() {
        // A numbered group ties each number to its label (read by most address books).
        let uri = tel_uri(phone);
        let number = uri.trim_start_matches("tel:");
        lines.push(format!("item{}.TEL;TYPE=WORK,VOICE:{number}", i + 1));
        lines.push(format!(
            "item{}.X-ABLabel:{}",
            i + 1,
            escape(entry.name.get(lang, fallback))
        ));
    }
    // The address is one line of text in the content, so it goes whole into the street
    // part: post box; extended; street; city; region; postcode; country.
    lines.push(format!(
        "ADR;TYPE=WORK:;;{};;;{};",
        escape(contacts.address.text.get(lang, fallback)),
        escape(&contacts.address.postcode)
    ));
    lines.push("END:VCARD".to_owned());
    lines.join("\r\n") + "\r\n"
}

/// A vCard text value: backslash, comma, semicolon and line breaks escaped.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | ',' | ';' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            _ => escaped.push(c),
        }
    }
    escaped
}

/// The smallest QR code holding `text` at `ec`: ASCII as the encoder finds most compact,
/// anything else as UTF-8 bytes behind the UTF-8 designator.
pub fn encode(text: &str, ec: EcLevel) -> Result<QrDrawing, QrError> {
    let code = if text.is_ascii() {
        QrCode::with_error_correction_level(text, ec)?
    } else {
        utf8_code(text, ec)?
    };
    Ok(drawing(&code))
}

fn utf8_code(text: &str, ec: EcLevel) -> Result<QrCode, QrError> {
    for version in 1..=40 {
        let mut bits = Bits::new(Version::Normal(version));
        let fits = bits
            .push_eci_designator(ECI_UTF8)
            .and_then(|()| bits.push_byte_data(text.as_bytes()))
            .and_then(|()| bits.push_terminator(ec));
        match fits {
            Ok(()) => return QrCode::with_bits(bits, ec),
            Err(QrError::DataTooLong) => continue,
            Err(other) => return Err(other),
        }
    }
    Err(QrError::DataTooLong)
}

/// The dark modules as rectangles, one per run in a row, each placed relative to the one
/// before.
fn drawing(code: &QrCode) -> QrDrawing {
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::from("M0 0");
    // Where the pen is: after "z" it is back at the start of the run just drawn.
    let (mut pen_x, mut pen_y) = (0i64, 0i64);
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Light {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] == Color::Dark {
                x += 1;
            }
            let run = x - start;
            let (start, y) = (start as i64, y as i64);
            path.push_str(&format!("m{} {}h{run}v1h-{run}z", start - pen_x, y - pen_y));
            (pen_x, pen_y) = (start, y);
        }
    }
    QrDrawing {
        modules: width as u32,
        path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load_embedded_defaults;

    #[test]
    fn phone_numbers_become_international_tel_links() {
        assert_eq!(tel_uri("0757-86683830"), "tel:+86-757-86683830");
        assert_eq!(tel_uri("(0757) 8668 3830"), "tel:+86-757-8668-3830");
        assert_eq!(tel_uri("138 0013 8000"), "tel:+86-138-0013-8000");
        assert_eq!(tel_uri("+86 757 8668 3830"), "tel:+86-757-8668-3830");
        assert_eq!(tel_uri("86683830"), "tel:86683830");
    }

    #[test]
    fn the_card_holds_every_number_with_its_park_and_the_address() {
        let content = load_embedded_defaults(chrono::NaiveDate::MIN)
            .content
            .unwrap();
        let card = vcard(&content.contacts, "en", "zh");
        assert!(card.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\n"));
        assert!(card.ends_with("END:VCARD\r\n"));
        assert!(card.contains("item2.TEL;TYPE=WORK,VOICE:+86-757-86682797\r\n"));
        assert!(card.contains("item3.X-ABLabel:Chancheng Park\r\n"));
        assert!(card.contains("ADR;TYPE=WORK:;;2 Markham Road\\, Shishan\\,"));
        assert!(card.contains(";;;528222;\r\n"));
        let numbers = content
            .contacts
            .entries
            .iter()
            .flat_map(|e| &e.phones)
            .count();
        assert_eq!(card.matches(".TEL;").count(), numbers);
    }

    #[test]
    fn chinese_text_is_utf8_bytes_behind_the_utf8_designator() {
        let code = utf8_code("禅城园", EcLevel::M).unwrap();
        // Mode indicator 0111 (ECI), designator 26, then 0100 (byte mode).
        let mut bits = Bits::new(code.version());
        bits.push_eci_designator(ECI_UTF8).unwrap();
        bits.push_byte_data("禅城园".as_bytes()).unwrap();
        bits.push_terminator(EcLevel::M).unwrap();
        let expected = QrCode::with_bits(bits, EcLevel::M).unwrap();
        assert_eq!(expected.to_colors(), code.to_colors());
        let plain = QrCode::with_error_correction_level("禅城园".as_bytes(), EcLevel::M).unwrap();
        assert_ne!(
            plain.to_colors(),
            code.to_colors(),
            "the designator is there"
        );
        assert_eq!(read_back(&code), "禅城园");
    }

    /// What a scanner reads from `code`, drawn 4 pixels a module with a quiet zone.
    fn read_back(code: &QrCode) -> String {
        let (width, scale, quiet) = (code.width(), 4, 4);
        let side = (width + 2 * quiet) * scale;
        let colors = code.to_colors();
        let picture = image::GrayImage::from_fn(side as u32, side as u32, |x, y| {
            let (mx, my) = (x as usize / scale, y as usize / scale);
            let dark = (quiet..quiet + width).contains(&mx)
                && (quiet..quiet + width).contains(&my)
                && colors[(my - quiet) * width + mx - quiet] == Color::Dark;
            image::Luma([if dark { 0 } else { 255 }])
        });
        let mut prepared = rqrr::PreparedImage::prepare(picture);
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1);
        grids[0].decode().expect("the code reads").1
    }

    #[test]
    fn the_card_reads_back_whole_from_its_code() {
        let content = load_embedded_defaults(chrono::NaiveDate::MIN)
            .content
            .unwrap();
        let card = vcard(&content.contacts, "zh", "zh");
        let code = utf8_code(&card, VCARD_EC).unwrap();
        assert_eq!(read_back(&code), card);
    }

    #[test]
    fn every_number_and_every_language_has_a_code() {
        let content = load_embedded_defaults(chrono::NaiveDate::MIN)
            .content
            .unwrap();
        let codes = contact_codes(&content);
        let numbers = content
            .contacts
            .entries
            .iter()
            .flat_map(|e| &e.phones)
            .count();
        assert_eq!(codes.phones.len(), numbers);
        assert_eq!(codes.cards.keys().collect::<Vec<_>>(), ["en", "zh"]);
        for code in codes.phones.values() {
            assert!(code.drawing.modules <= 29, "a tel: link is a small code");
        }
        let card = &codes.cards["zh"].drawing;
        // Sent to the UI once per content change: tens of kilobytes at most.
        assert!(card.path.len() < 40_000, "{} bytes", card.path.len());
    }
}
