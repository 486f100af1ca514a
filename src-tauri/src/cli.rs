//! The commands that run without a window: `check`, `init` and `prepare`.

use crate::args::{Format, StatsFormat};
use crate::status::{self, Verdict};
use lighthouse_core::model::{CONTENT_FILES, PHOTOS_DIR};
use lighthouse_core::photo_cache::{prepare_all, wanted, Outcome, PhotoCache, PHOTO_WORKERS};
use lighthouse_core::pipeline::Size;
use lighthouse_core::{defaults, report, schema, today, ContentSource};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

/// Exit status: the content is valid (warnings allowed).
pub const EXIT_VALID: i32 = 0;
/// Exit status: the content has errors.
pub const EXIT_INVALID: i32 = 1;
/// Exit status: the command could not do its job (no such folder, cannot write, …).
pub const EXIT_FAILED: i32 = 2;
/// Exit status of `status`: the kiosk runs, with problems.
pub const EXIT_DEGRADED: i32 = 1;
/// Exit status of `status`: the kiosk is not running.
pub const EXIT_NOT_RUNNING: i32 = 3;

/// `lighthouse-kiosk check`: prints every problem (of `screen`'s settings too, when named);
/// returns the exit status.
pub fn check(source: &ContentSource, screen: Option<&Path>, format: Format) -> i32 {
    let mut report = match source.load(today()) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_FAILED;
        }
    };
    if let Some(screen) = screen {
        let contacts = report.content.as_ref().map(|c| &c.contacts);
        let (_, problems) = lighthouse_core::screen::load(screen, contacts);
        if problems.iter().any(lighthouse_core::Diagnostic::is_error) {
            report.content = None;
        }
        report.diagnostics.extend(problems);
    }
    match format {
        Format::Human => print!("{}", report::human(&report, &source.to_string())),
        Format::Json => print!("{}", report::json(&report)),
    }
    if report.content.is_some() {
        EXIT_VALID
    } else {
        EXIT_INVALID
    }
}

/// `lighthouse-kiosk init DIR`: writes the default content, its schemas and an empty photos
/// folder. Never overwrites: staff's work in an existing folder is left alone.
pub fn init(dir: &Path) -> i32 {
    let existing: Vec<&str> = CONTENT_FILES
        .into_iter()
        .filter(|name| dir.join(name).exists())
        .collect();
    if !existing.is_empty() {
        eprintln!(
            "error: {} already has {}; init never overwrites content (choose an empty folder)",
            dir.display(),
            existing.join(", ")
        );
        return EXIT_FAILED;
    }
    let written = std::fs::create_dir_all(dir.join(PHOTOS_DIR))
        .and_then(|()| {
            defaults::FILES
                .iter()
                .try_for_each(|(name, text)| std::fs::write(dir.join(name), text))
        })
        .and_then(|()| schema::write_schemas(dir));
    match written {
        Ok(()) => {
            println!(
                "wrote the default content to {}\n\
                 edit the JSON files there, put photos in {}/, then start the kiosk with --content {}",
                dir.display(),
                dir.join(PHOTOS_DIR).display(),
                dir.display()
            );
            EXIT_VALID
        }
        Err(err) => {
            eprintln!("error: cannot write {}: {err}", dir.display());
            EXIT_FAILED
        }
    }
}

/// `lighthouse-kiosk prepare`: makes the derivatives of every photo the content shows (the
/// same photos the kiosk would prepare, so it finds them all done); prints each refused
/// photo and a summary.
pub fn prepare(source: &ContentSource, screen: Size, cache_dir: PathBuf) -> i32 {
    let ContentSource::Dir(dir) = source else {
        eprintln!("error: the built-in content has no photos; name a content folder");
        return EXIT_FAILED;
    };
    let report = match source.load(today()) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_FAILED;
        }
    };
    let Some(content) = &report.content else {
        print!("{}", report::human(&report, &source.to_string()));
        eprintln!(
            "error: the kiosk would not show this content until its errors are fixed; \
             fix them and run prepare again"
        );
        return EXIT_INVALID;
    };
    let photos = wanted(dir, content);
    let cache = PhotoCache::open(cache_dir, screen);
    let started = Instant::now();
    let counts = Mutex::new((0usize, 0usize, 0usize));
    prepare_all(&cache, &photos, PHOTO_WORKERS, &|name, outcome| {
        let mut counts = counts.lock().unwrap_or_else(PoisonError::into_inner);
        match outcome {
            Outcome::Cached(_) => counts.0 += 1,
            Outcome::Made(_) => counts.1 += 1,
            Outcome::Refused(reason) => {
                counts.2 += 1;
                println!("{PHOTOS_DIR}/{name}: {reason}");
            }
        }
    });
    let (cached, made, refused) = counts.into_inner().unwrap_or_default();
    println!(
        "prepared {} photos for a {screen} screen in {:.1} s: {made} made, {cached} already there, {refused} refused (cache: {})",
        cached + made,
        started.elapsed().as_secs_f64(),
        cache.dir().display()
    );
    if refused == 0 {
        EXIT_VALID
    } else {
        EXIT_INVALID
    }
}

/// `lighthouse-kiosk status`: how the running kiosk is doing, from its status file.
pub fn status(path: &Path, format: Format) -> i32 {
    let now = crate::health::now_ms();
    let found = match status::read(path) {
        None => {
            println!(
                "Lighthouse Kiosk is not running (no status at {})",
                path.display()
            );
            return EXIT_NOT_RUNNING;
        }
        Some(Err(err)) => {
            eprintln!("error: cannot read the status {}: {err}", path.display());
            return EXIT_FAILED;
        }
        Some(Ok(found)) => found,
    };
    let verdict = found.verdict(now);
    match format {
        Format::Json => println!(
            "{}",
            serde_json::json!({
                "verdict": match &verdict {
                    Verdict::Healthy => "healthy",
                    Verdict::Degraded(_) => "degraded",
                    Verdict::NotRunning(_) => "not running",
                },
                "status": found,
            })
        ),
        Format::Human => print!("{}", status_in_words(&found, &verdict)),
    }
    match verdict {
        Verdict::Healthy => EXIT_VALID,
        Verdict::Degraded(_) => EXIT_DEGRADED,
        Verdict::NotRunning(_) => EXIT_NOT_RUNNING,
    }
}

/// The status as a few lines for someone at a terminal.
fn status_in_words(found: &status::Status, verdict: &Verdict) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let time = |ms: u64| {
        chrono::DateTime::from_timestamp_millis(ms as i64)
            .map(|t| {
                t.with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string()
            })
            .unwrap_or_default()
    };
    let heading = match verdict {
        Verdict::Healthy => "healthy".to_owned(),
        Verdict::Degraded(problems) => format!("running with problems: {}", problems.join("; ")),
        Verdict::NotRunning(why) => format!("not running ({why})"),
    };
    let _ = writeln!(out, "Lighthouse Kiosk {}: {heading}", found.version);
    let _ = writeln!(
        out,
        "  started {} (up {}), pid {}, showing {}",
        time(found.started_at_ms),
        status::words(std::time::Duration::from_secs(found.uptime_seconds)),
        found.pid,
        if found.mode.is_empty() {
            "nothing yet"
        } else {
            &found.mode
        }
    );
    let content = &found.content;
    let _ = writeln!(
        out,
        "  content: {}, revision {}, checked {}: {}",
        content.source,
        content.revision,
        time(content.checked_at_ms),
        match (&content.folder_error, content.showing_older_content) {
            (Some(err), _) => format!("cannot be read ({err}); the last good content is on screen"),
            (None, true) => format!(
                "{} error(s); the last good content is on screen",
                content.errors
            ),
            (None, false) if content.warnings > 0 =>
                format!("shown, {} warning(s)", content.warnings),
            (None, false) => "shown".to_owned(),
        }
    );
    for problem in &content.problems {
        for line in problem.lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    let photos = &found.photos;
    let _ = writeln!(
        out,
        "  photos: {} ready, {} waiting, {} refused",
        photos.ready,
        photos.waiting,
        photos.refused.len()
    );
    for (name, reason) in &photos.refused {
        let _ = writeln!(out, "    {PHOTOS_DIR}/{name}: {reason}");
    }
    let total: u64 = found.memory.iter().map(|p| p.pss_kib).sum();
    let each: Vec<String> = found
        .memory
        .iter()
        .map(|p| format!("{} {} MiB", p.name, p.pss_kib / 1024))
        .collect();
    let _ = writeln!(out, "  memory: {} MiB ({})", total / 1024, each.join(", "));
    if found.web_view_restarts.is_empty() {
        let _ = writeln!(out, "  web view: never restarted");
    } else {
        let _ = writeln!(
            out,
            "  web view restarted {} time(s):",
            found.web_view_restarts.len()
        );
        for restart in found.web_view_restarts.iter().rev().take(10) {
            let _ = writeln!(out, "    {} {}", time(restart.at_ms), restart.reason);
        }
    }
    let _ = writeln!(out, "  renderer: {}", found.renderer);
    let _ = writeln!(out, "  log: {}", found.log_file);
    out
}

/// `lighthouse-kiosk pin`: reads a PIN and prints the settings line that sets it.
pub fn pin() -> i32 {
    let pin = match std::env::var("LIGHTHOUSE_PIN") {
        Ok(pin) => pin,
        Err(_) => {
            eprint!("PIN for the staff panel (4 to 8 digits): ");
            let mut line = String::new();
            if std::io::stdin().read_line(&mut line).is_err() {
                eprintln!("error: no PIN was given");
                return EXIT_FAILED;
            }
            line
        }
    };
    match lighthouse_core::pin::hash_pin(pin.trim()) {
        Ok(hash) => {
            println!("\"staffPinHash\": \"{hash}\",");
            eprintln!("add this line to settings.json (inside its {{ }}), then save it");
            EXIT_VALID
        }
        Err(err) => {
            eprintln!("error: {err}");
            EXIT_FAILED
        }
    }
}

/// `lighthouse-kiosk stats`: the visitor counts per day and per screen.
pub fn stats(
    path: &Path,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
    format: StatsFormat,
) -> i32 {
    use lighthouse_core::counts::Counts;
    let counts = match Counts::load(path) {
        Ok(counts) => counts,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_FAILED;
        }
    };
    let days: Vec<_> = counts.between(from, to).collect();
    match format {
        StatsFormat::Json => {
            let days: std::collections::BTreeMap<_, _> = days.into_iter().collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&days).unwrap_or_default()
            );
        }
        StatsFormat::Csv => {
            println!(
                "day,slides,visits,average visit (s),screens opened,contact codes shown,languages"
            );
            for (day, c) in &days {
                println!(
                    "{day},{},{},{},{},{},{}",
                    c.slides,
                    c.visits,
                    average(c.visit_seconds, c.visits),
                    c.screens.values().sum::<u64>(),
                    c.codes_shown,
                    languages(&c.languages, " ")
                );
            }
        }
        StatsFormat::Table => {
            if days.is_empty() {
                println!("nothing counted yet ({})", path.display());
                return EXIT_VALID;
            }
            println!(
                "{:<10}  {:>6}  {:>6}  {:>9}  {:>7}  {:>5}  languages",
                "day", "slides", "visits", "avg visit", "screens", "codes"
            );
            for (day, c) in &days {
                println!(
                    "{day}  {:>6}  {:>6}  {:>8}s  {:>7}  {:>5}  {}",
                    c.slides,
                    c.visits,
                    average(c.visit_seconds, c.visits),
                    c.screens.values().sum::<u64>(),
                    c.codes_shown,
                    languages(&c.languages, ", ")
                );
            }
            let mut screens: std::collections::BTreeMap<&str, u64> = Default::default();
            for (_, c) in &days {
                for (screen, n) in &c.screens {
                    *screens.entry(screen).or_default() += n;
                }
            }
            println!("\nscreens opened, {} day(s)", days.len());
            for (screen, n) in screens {
                println!("  {screen:<40} {n:>6}");
            }
        }
    }
    EXIT_VALID
}

fn average(total: u64, count: u64) -> u64 {
    total.checked_div(count).unwrap_or(0)
}

fn languages(counts: &std::collections::BTreeMap<String, u64>, between: &str) -> String {
    counts
        .iter()
        .map(|(lang, n)| format!("{lang} {n}"))
        .collect::<Vec<_>>()
        .join(between)
}

/// `lighthouse-kiosk publish DIR`: checks the folder, then writes its manifest last.
pub fn publish(dir: &Path) -> i32 {
    use lighthouse_core::manifest;
    let report = match lighthouse_core::load_dir(dir, today()) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_FAILED;
        }
    };
    if report.content.is_none() {
        print!("{}", report::human(&report, &dir.display().to_string()));
        eprintln!("error: not published: the screens would not show this content; fix the errors above first");
        return EXIT_INVALID;
    }
    let written = manifest::build(dir, &manifest::Hashes::default())
        .and_then(|m| manifest::write(dir, &m).map(|()| m));
    match written {
        Ok(manifest) => {
            println!(
                "published {} as revision {}: {} files ({} warning(s))",
                dir.display(),
                manifest.revision,
                manifest.files.len(),
                report.warnings()
            );
            EXIT_VALID
        }
        Err(err) => {
            eprintln!(
                "error: cannot write {}: {err}",
                dir.join(manifest::MANIFEST_FILE).display()
            );
            EXIT_FAILED
        }
    }
}

/// `lighthouse-kiosk fleet [DIR]`: every screen's line, from the statuses in DIR/status/.
pub fn fleet(source: &ContentSource) -> i32 {
    let ContentSource::Dir(dir) = source else {
        eprintln!("error: name the shared content folder");
        return EXIT_FAILED;
    };
    let screens = status::read_fleet(dir);
    if screens.is_empty() {
        println!(
            "no screen has reported in {}",
            dir.join(lighthouse_core::manifest::STATUS_DIR).display()
        );
        return EXIT_FAILED;
    }
    let now = crate::health::now_ms();
    let mut all_well = true;
    println!(
        "{:<16} {:<10} {:<13} state",
        "screen", "last seen", "revision"
    );
    for (name, found) in screens {
        let line = match found {
            Ok(found) => {
                let seen = status::words(std::time::Duration::from_millis(
                    now.saturating_sub(found.updated_at_ms),
                ));
                let verdict = found.fleet_verdict(now);
                let state = match &verdict {
                    Verdict::Healthy => "healthy".to_owned(),
                    Verdict::Degraded(problems) => problems.join("; "),
                    Verdict::NotRunning(why) => format!("not reporting ({why})"),
                };
                all_well &= verdict == Verdict::Healthy;
                format!(
                    "{name:<16} {:<10} {:<13} {state}",
                    format!("{seen} ago"),
                    found.content.revision_shown()
                )
            }
            Err(err) => {
                all_well = false;
                format!(
                    "{name:<16} {:<10} {:<13} its status cannot be read: {err}",
                    "?", "?"
                )
            }
        };
        println!("{line}");
    }
    if all_well {
        EXIT_VALID
    } else {
        EXIT_DEGRADED
    }
}
