//! The content library against real content folders: the default content, and one broken
//! folder per kind of mistake (tests/fixtures/<case>/) with the report expected for it
//! stored beside it, in English (expected.txt) and in Chinese (expected.zh.txt).
//! `UPDATE_EXPECT=1 cargo test` (`make fixtures`) rewrites those files; read the difference
//! before committing it.

use chrono::NaiveDate;
use lighthouse_core::messages::Lang;
use lighthouse_core::{load_dir, load_embedded_defaults, report, Text};
use std::path::{Path, PathBuf};

/// Fixtures are checked as on this day, so "expired" does not depend on when tests run.
fn fixture_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn every_fixture_reports_what_it_expects() {
    let fixtures = repo().join("tests/fixtures");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("tests/fixtures exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "only {} fixtures", cases.len());

    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut mismatches = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let report = load_dir(case, fixture_day()).expect("a fixture folder can be read");
        let actual = report::human(&report, &name, Lang::En);
        for (lang, file) in [(Lang::En, "expected.txt"), (Lang::Zh, "expected.zh.txt")] {
            let actual = report::human(&report, &name, lang);
            let expected_path = case.join(file);
            if update {
                std::fs::write(&expected_path, &actual).unwrap();
                continue;
            }
            let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
            if actual != expected {
                mismatches.push(format!(
                    "--- {name}/{file}: expected\n{expected}--- {name}/{file}: got\n{actual}"
                ));
            }
        }
        // A fixture named valid* must be valid; every other one must find something.
        if name.starts_with("valid") {
            assert!(report.diagnostics.is_empty(), "{name}: {actual}");
        } else {
            assert!(!report.diagnostics.is_empty(), "{name} found nothing wrong");
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn the_default_content_folder_is_valid_and_matches_the_built_in_copy() {
    let day = fixture_day();
    let folder = load_dir(&repo().join("assets/content"), day).unwrap();
    // Only the PIN each kiosk must set for itself is missing.
    let problems: Vec<String> = folder.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems.len(),
        1,
        "assets/content has problems: {problems:?}"
    );
    assert!(problems[0].contains("no staff PIN is set"), "{problems:?}");
    assert_eq!(folder.content, load_embedded_defaults(day).content);
}

/// The default content is the zone's real content: every figure, quote and number of the
/// source article and contact list must be there.
#[test]
fn the_default_content_has_every_fact_of_the_seed() {
    let content = load_embedded_defaults(fixture_day()).content.unwrap();
    let en = |text: &Text| text.get("en", "zh").to_owned();

    let phones: Vec<&str> = content
        .contacts
        .entries
        .iter()
        .flat_map(|entry| entry.phones.iter().map(String::as_str))
        .collect();
    assert_eq!(content.contacts.entries.len(), 6);
    assert_eq!(
        phones,
        [
            "0757-86683830",
            "0757-86682797",
            "0757-82210575",
            "0757-86316675",
            "0757-26363972",
            "0757-88881609",
            "0757-87388225"
        ]
    );
    assert_eq!(content.contacts.address.postcode, "528222");
    assert!(en(&content.contacts.address.text).starts_with("2 Markham Road"));

    let figures: Vec<String> = content
        .highlights
        .iter()
        .flat_map(|h| h.figures.iter().map(|f| en(&f.value)))
        .collect();
    for value in [
        "10",
        "24",
        "72.7%",
        "152",
        "≈70%",
        "86%",
        "61",
        "≈400 million yuan",
        "20",
    ] {
        assert!(
            figures.iter().any(|f| f == value),
            "figure {value} missing from {figures:?}"
        );
    }
    let quoted: Vec<String> = content
        .highlights
        .iter()
        .filter_map(|h| h.quote.as_ref())
        .map(|q| en(&q.name))
        .collect();
    assert_eq!(quoted, ["Hu Xuejun", "Li Yaoyang"]);

    let source = &content.sources[0];
    assert_eq!(
        en(&source.headline),
        "Accelerating Intellectual Property Utilization to Foster New Productive Forces"
    );
    assert_eq!(source.published, "2024-05-11");
    let credited: Vec<String> = source
        .credits
        .iter()
        .flat_map(|c| c.names.iter().map(en))
        .collect();
    assert_eq!(
        credited,
        [
            "Zoey",
            "Eddie",
            "Lynn",
            "Foshan News Media Center",
            "Deng Guoshen"
        ]
    );
    assert!(content
        .highlights
        .iter()
        .any(|h| h.date.as_deref() == Some("2024-04-22")));
}
