//! The fleet page: one self-contained HTML file (pictures inlined, no script, no outside
//! link) with every screen sharing a content folder: its picture, name, state, content
//! revision, problems and when it was last heard from. IT opens it in any browser, mails
//! it, or keeps it. Everything a screen wrote is escaped: a status file is not trusted.

use crate::messages::{Lang, Words};
use base64::Engine;
use std::fmt::Write;

/// How a screen is doing, for the colour of its card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    Well,
    Asleep,
    Problems,
    Silent,
}

impl Health {
    fn class(self) -> &'static str {
        match self {
            Health::Well => "well",
            Health::Asleep => "asleep",
            Health::Problems => "problems",
            Health::Silent => "silent",
        }
    }
}

/// One screen's card.
#[derive(Debug, Clone)]
pub struct Card {
    pub name: String,
    pub health: Health,
    /// The verdict in words.
    pub state: Words,
    pub revision: String,
    pub problems: Vec<Words>,
    pub last_heard: Words,
    /// The picture as JPEG bytes, and how old it is in words.
    pub picture: Option<(Vec<u8>, Words)>,
    pub notice: Option<Words>,
    pub version: String,
}

/// The page's own words.
#[derive(Debug, Clone)]
pub struct Labels {
    pub title: Words,
    pub no_picture: Words,
    pub revision: Words,
    pub last_heard: Words,
    pub notice: Words,
    pub version: Words,
}

/// `text` safe inside HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body { margin: 0; padding: 24px; font: 15px/1.45 system-ui, 'Noto Sans CJK SC', sans-serif; background: #f3f5f8; color: #14213a; }
h1 { font-size: 22px; margin: 0 0 4px; }
.folder { color: #55627a; margin: 0 0 20px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 18px; }
.card { background: #fff; border-radius: 10px; overflow: hidden; border-top: 6px solid #8a94a6; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
.card.well { border-color: #1f8a4c; } .card.asleep { border-color: #5a6b8c; }
.card.problems { border-color: #d08a00; } .card.silent { border-color: #b3261e; }
.card img, .card .none { display: block; width: 100%; aspect-ratio: 16 / 9; object-fit: contain; background: #0b1a30; }
.card .none { display: grid; place-items: center; color: #c9d1de; }
.body { padding: 12px 16px 16px; }
h2 { font-size: 18px; margin: 0 0 2px; overflow-wrap: anywhere; }
.state { font-weight: 600; margin: 0 0 8px; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 0; color: #3a4760; }
dt { color: #6a768c; } dd { margin: 0; overflow-wrap: anywhere; }
ul { margin: 8px 0 0; padding-left: 20px; color: #7a4b00; }
";

/// The whole page, in `lang`, for the shared folder `folder`, written at `written`.
pub fn render(cards: &[Card], labels: &Labels, lang: Lang, folder: &str, written: &str) -> String {
    let say = |w: &Words| escape(w.in_lang(lang));
    let html_lang = match lang {
        Lang::Zh => "zh-Hans",
        Lang::En => "en",
    };
    let mut page = String::new();
    let _ = write!(
        page,
        "<!doctype html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p class=\"folder\">{folder} · {written}</p>\n<div class=\"cards\">\n",
        title = say(&labels.title),
        folder = escape(folder),
        written = escape(written),
    );
    for card in cards {
        let picture = match &card.picture {
            Some((jpeg, age)) => format!(
                "<img src=\"data:image/jpeg;base64,{}\" alt=\"{}\" title=\"{}\">",
                base64::engine::general_purpose::STANDARD.encode(jpeg),
                escape(&card.name),
                say(age)
            ),
            None => format!("<div class=\"none\">{}</div>", say(&labels.no_picture)),
        };
        let _ = write!(
            page,
            "<section class=\"card {class}\">{picture}<div class=\"body\">\
             <h2>{name}</h2><p class=\"state\">{state}</p><dl>\
             <dt>{revision_label}</dt><dd>{revision}</dd>\
             <dt>{heard_label}</dt><dd>{heard}</dd>\
             <dt>{version_label}</dt><dd>{version}</dd>",
            class = card.health.class(),
            name = escape(&card.name),
            state = say(&card.state),
            revision_label = say(&labels.revision),
            revision = escape(&card.revision),
            heard_label = say(&labels.last_heard),
            heard = say(&card.last_heard),
            version_label = say(&labels.version),
            version = escape(&card.version),
        );
        if let Some(notice) = &card.notice {
            let _ = write!(
                page,
                "<dt>{}</dt><dd>{}</dd>",
                say(&labels.notice),
                say(notice)
            );
        }
        page.push_str("</dl>");
        if !card.problems.is_empty() {
            page.push_str("<ul>");
            for problem in &card.problems {
                let _ = write!(page, "<li>{}</li>", say(problem));
            }
            page.push_str("</ul>");
        }
        page.push_str("</div></section>\n");
    }
    page.push_str("</div>\n</body>\n</html>\n");
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Labels {
        let w = |s: &str| Words::same(s.to_owned());
        Labels {
            title: w("Screens"),
            no_picture: w("no picture"),
            revision: w("revision"),
            last_heard: w("last heard"),
            notice: w("notice"),
            version: w("version"),
        }
    }

    fn card(name: &str, picture: Option<Vec<u8>>) -> Card {
        Card {
            name: name.to_owned(),
            health: Health::Well,
            state: Words::same("healthy".to_owned()),
            revision: "a9f89850aebf".to_owned(),
            problems: vec![],
            last_heard: Words::same("5 s ago".to_owned()),
            picture: picture.map(|jpeg| (jpeg, Words::same("20 s".to_owned()))),
            notice: None,
            version: "0.1.0".to_owned(),
        }
    }

    #[test]
    fn every_screen_gets_a_card_with_its_picture_inlined() {
        let page = render(
            &[
                card("lobby", Some(vec![0xff, 0xd8, 0xff])),
                card("hall", None),
            ],
            &labels(),
            Lang::En,
            "/srv/content",
            "2026-12-04 15:00",
        );
        assert_eq!(page.matches("<section class=\"card well\">").count(), 2);
        assert!(
            page.contains("src=\"data:image/jpeg;base64,/9j/\""),
            "{page}"
        );
        assert!(page.contains("<div class=\"none\">no picture</div>"));
        assert!(!page.contains("http"), "nothing is fetched from elsewhere");
    }

    #[test]
    fn what_a_status_file_says_is_escaped() {
        let mut hostile = card("<script>alert(1)</script>", None);
        hostile.problems = vec![Words::same("\"><img src=x onerror=alert(1)>".to_owned())];
        let page = render(&[hostile], &labels(), Lang::En, "a&b", "now");
        assert!(!page.contains("<script>"), "{page}");
        assert!(!page.contains("<img src=x"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("a&amp;b"));
    }
}
