//! `lighthouse-kiosk stats`: the visitor counts per day, and per screen.

use super::say_line;
use crate::args::StatsFormat;
use crate::exit;
use chrono::NaiveDate;
use lighthouse_core::counts::{Counts, DayCounts};
use std::collections::BTreeMap;
use std::path::Path;

pub fn run(
    path: &Path,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    format: StatsFormat,
) -> anyhow::Result<i32> {
    let counts = Counts::load(path)?;
    let days: Vec<_> = counts.between(from, to).collect();
    match format {
        StatsFormat::Json => {
            let days: BTreeMap<_, _> = days.into_iter().collect();
            say_line(&serde_json::to_string_pretty(&days)?);
        }
        StatsFormat::Csv => {
            say_line(
                "day,slides,visits,average visit (s),screens opened,contact codes shown,languages",
            );
            for (day, c) in &days {
                say_line(&format!(
                    "{day},{},{},{},{},{},{}",
                    c.slides,
                    c.visits,
                    average_visit(c),
                    c.screens.values().sum::<u64>(),
                    c.codes_shown,
                    languages(&c.languages, " ")
                ));
            }
        }
        StatsFormat::Table if days.is_empty() => {
            say_line(&format!("nothing counted yet ({})", path.display()));
        }
        StatsFormat::Table => table(&days),
    }
    Ok(exit::OK)
}

fn table(days: &[(&NaiveDate, &DayCounts)]) {
    say_line(&format!(
        "{:<10}  {:>6}  {:>6}  {:>9}  {:>7}  {:>5}  languages",
        "day", "slides", "visits", "avg visit", "screens", "codes"
    ));
    for (day, c) in days {
        say_line(&format!(
            "{day}  {:>6}  {:>6}  {:>8}s  {:>7}  {:>5}  {}",
            c.slides,
            c.visits,
            average_visit(c),
            c.screens.values().sum::<u64>(),
            c.codes_shown,
            languages(&c.languages, ", ")
        ));
    }
    let mut screens: BTreeMap<&str, u64> = BTreeMap::new();
    for (_, c) in days {
        for (screen, n) in &c.screens {
            *screens.entry(screen).or_default() += n;
        }
    }
    say_line(&format!("\nscreens opened, {} day(s)", days.len()));
    for (screen, n) in screens {
        say_line(&format!("  {screen:<40} {n:>6}"));
    }
}

fn average_visit(day: &DayCounts) -> u64 {
    day.visit_seconds.checked_div(day.visits).unwrap_or(0)
}

fn languages(counts: &BTreeMap<String, u64>, between: &str) -> String {
    counts
        .iter()
        .map(|(lang, n)| format!("{lang} {n}"))
        .collect::<Vec<_>>()
        .join(between)
}
