//! `make soak`: months of running in about an hour (the README says what it does and when
//! it fails). The faults and the checks are the tables and functions below; the figures
//! that judge growth are the constants, each with why.

use lighthouse_core::proc::{descriptors_and_threads, private_kib, pss_kib, stat};
use lighthouse_core::status::Status;
use lighthouse_e2e::{target_dir, ContentCopy, PlainKiosk, LANDSCAPE};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const SLIDE_MS: u32 = 400;
const SAMPLE_EVERY: Duration = Duration::from_secs(5);
/// Faults come round this many times in a run, one kind after the other.
const FAULT_ROUNDS: u64 = 3;
/// After a fault is undone, the kiosk must be back to normal within this long.
const RECOVERY: Duration = Duration::from_secs(20);
/// Growth is judged on the medians of two windows this many transitions long, one after
/// warming up and one at the end. The page is renewed every 300 slides, so memory rises and
/// falls in a saw-tooth: a window of two whole teeth gives the same median wherever it starts.
const JUDGED_WINDOW: u64 = 600;
/// A replacement web process keeps seven more files open than the first one (WebKit's watch
/// on memory pressure: /proc/meminfo, /proc/zoneinfo, its cgroup's memory files), once: after
/// the first round of faults, descriptors may wobble by this many, not climb.
const DESCRIPTOR_WOBBLE: usize = 3;

#[derive(Debug, Clone)]
struct Sample {
    seconds: f64,
    transitions: u64,
    /// All the kiosk's processes together.
    pss_mib: f64,
    /// The private memory of the kiosk's own process, which (unlike WebKit's) is never started
    /// again. Its PSS would rise and fall as WebKit processes come and go sharing libraries.
    main_private_mib: f64,
    cpu_percent: f64,
    fds: usize,
    threads: usize,
    blank: bool,
    same_as_before: bool,
}

fn main() {
    let target: u64 = std::env::var("SOAK_TRANSITIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let out = target_dir().join("soak");
    std::fs::create_dir_all(&out).unwrap();
    let content = ContentCopy::of_defaults_with_two_photos("soak");
    let mut settings = content.read_json("settings.json");
    settings["transition"] = json!("none");
    content.write_json("settings.json", &settings);
    let good_highlights = std::fs::read_to_string(content.dir.join("highlights.json")).unwrap();
    let cache = out.join("cache");
    let _ = std::fs::remove_dir_all(&cache);
    let cache_arg = cache.to_string_lossy().into_owned();

    std::env::set_var("LIGHTHOUSE_TEST_SLIDE_MS", SLIDE_MS.to_string());
    let mut kiosk = PlainKiosk::start(
        LANDSCAPE,
        &["--content", content.dir_arg(), "--cache", &cache_arg],
    );
    let started = Instant::now();
    wait(Duration::from_secs(30), "the kiosk reports", || {
        kiosk.status().is_some()
    })
    .unwrap_or_else(|why| panic!("{why}\n{}", kiosk.log()));

    // Every fault comes round FAULT_ROUNDS times, from 16 % of the run to 75 % of it; the
    // last quarter is quiet, so the end of the run shows what weeks of plain slides leave
    // behind, and so is the start, where growth is measured from (from 10 %, for
    // JUDGED_WINDOW transitions; a fault that runs the kiosk's binary beside it shares its
    // pages and lowers its PSS for a while).
    let fault_every = (target * 59 / 100 / (FAULT_ROUNDS * FAULTS.len() as u64)).max(1);
    let faults_total = FAULT_ROUNDS * FAULTS.len() as u64;
    // 400 ms slides take target × 0.4 s; far more than that means the slideshow stalled.
    let deadline = Instant::now()
        + Duration::from_millis(target * u64::from(SLIDE_MS) * 2)
        + Duration::from_secs(600);
    let mut samples: Vec<Sample> = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    let mut faults_done = 0u64;
    let mut last_screen: Vec<u8> = Vec::new();
    let mut same_in_a_row = 0;
    let mut last_cpu = (Instant::now(), group_cpu(&kiosk));
    let mut recoveries: Vec<(String, f64)> = Vec::new();
    // Transitions when every kind of fault had come once, and when the last one was over.
    let mut first_round_done: Option<u64> = None;
    let mut faults_over: Option<u64> = None;
    loop {
        std::thread::sleep(SAMPLE_EVERY);
        if !kiosk.is_running() {
            failures.push(format!(
                "the kiosk exited at {:.0} s",
                started.elapsed().as_secs_f64()
            ));
            break;
        }
        if Instant::now() > deadline {
            failures.push(format!(
                "{target} transitions were not shown in time: the slideshow stalled"
            ));
            break;
        }
        let transitions = slides_shown(&kiosk);
        let screen = kiosk.screen_pixels();
        if screen.is_empty() {
            failures.push(format!(
                "no screenshot at {:.0} s",
                started.elapsed().as_secs_f64()
            ));
            continue;
        }
        let blank = is_blank(&screen);
        let same = screen == last_screen;
        same_in_a_row = if same { same_in_a_row + 1 } else { 0 };
        last_screen = screen;
        let cpu_now = (Instant::now(), group_cpu(&kiosk));
        let cpu_percent = cpu_used(&last_cpu.1, &cpu_now.1) as f64
            / cpu_now.0.duration_since(last_cpu.0).as_secs_f64();
        last_cpu = cpu_now;
        let (pss, fds, threads) = group_resources(&kiosk);
        let sample = Sample {
            seconds: started.elapsed().as_secs_f64(),
            transitions,
            pss_mib: pss as f64 / 1024.0,
            main_private_mib: private_kib(kiosk.pid()).unwrap_or(0) as f64 / 1024.0,
            cpu_percent,
            fds,
            threads,
            blank,
            same_as_before: same,
        };
        if blank {
            failures.push(format!(
                "blank screen at {:.0} s ({transitions} transitions)",
                sample.seconds
            ));
        }
        if same_in_a_row >= 3 {
            failures.push(format!(
                "the screen did not change for {} samples at {:.0} s",
                same_in_a_row + 1,
                sample.seconds
            ));
        }
        samples.push(sample);
        if transitions >= target {
            break;
        }
        // The next fault, once enough transitions have passed.
        if faults_done < faults_total
            && transitions >= target * 16 / 100 + faults_done * fault_every
        {
            let name = FAULTS[(faults_done as usize) % FAULTS.len()];
            let took = inject(name, &kiosk, &content.dir, &cache, &good_highlights);
            match took {
                Ok(seconds) => recoveries.push((name.to_owned(), seconds)),
                Err(why) => failures.push(format!("{name}: {why}")),
            }
            faults_done += 1;
            if faults_done == FAULTS.len() as u64 {
                first_round_done = Some(slides_shown(&kiosk));
            }
            if faults_done == faults_total {
                faults_over = Some(slides_shown(&kiosk));
            }
            last_screen.clear();
        }
    }

    let growth = Growth::of(&samples, target / 10, first_round_done, faults_over);
    match &growth {
        Some(growth) => failures.extend(growth.failures()),
        None => failures.push("too few samples after warming up to judge growth".to_owned()),
    }
    let report = report(&samples, growth.as_ref(), &recoveries, &failures, &out);
    print!("{report}");
    std::fs::write(out.join("report.txt"), &report).unwrap();
    drop(kiosk);
    assert!(
        failures.is_empty(),
        "the soak failed:\n{}",
        failures.join("\n")
    );
}

/// Every fault, in the order they come round.
const FAULTS: [&str; 9] = [
    "a good edit",
    "a broken edit, then fixed",
    "the folder deleted, then restored",
    "a photo removed while shown, then back",
    "a photo replaced by garbage, then fixed",
    "the photo cache made unusable, then restored",
    "the web process killed",
    "100 saves in a second",
    "a publication arriving file by file",
];

/// Causes fault `name` and undoes it; returns how long the kiosk took to be well again.
fn inject(
    name: &str,
    kiosk: &PlainKiosk,
    dir: &Path,
    cache: &Path,
    good: &str,
) -> Result<f64, String> {
    let revision = |k: &PlainKiosk| {
        k.status()
            .map(|s| s.content.revision_shown)
            .unwrap_or_default()
    };
    let before = revision(kiosk);
    let restarts = |k: &PlainKiosk| k.status().map_or(0, |s| s.web_view_restarts.len());
    let restarts_before = restarts(kiosk);
    let photo = dir.join("photos/one.jpg");
    let aside = dir.with_extension("aside");
    match name {
        "a good edit" => {
            let edited = good.replacen(
                "佛山创新灯塔高价值专利成果转化基地揭牌",
                &format!("揭牌 {before}"),
                1,
            );
            save(dir, "highlights.json", &edited);
            expect(kiosk, "the edit is shown", |s| {
                s.content.revision_shown != before
            })?;
            save(dir, "highlights.json", good);
        }
        "a broken edit, then fixed" => {
            save(dir, "highlights.json", "{ broken");
            expect(kiosk, "the broken edit is noticed", |s| {
                s.content.showing_older_content
            })?;
            save(dir, "highlights.json", good);
        }
        "the folder deleted, then restored" => {
            std::fs::rename(dir, &aside).map_err(|e| e.to_string())?;
            expect(kiosk, "the missing folder is noticed", |s| {
                s.content.folder_error.is_some()
            })?;
            std::fs::rename(&aside, dir).map_err(|e| e.to_string())?;
        }
        "a photo removed while shown, then back" => {
            let bytes = std::fs::read(&photo).map_err(|e| e.to_string())?;
            std::fs::remove_file(&photo).map_err(|e| e.to_string())?;
            expect(kiosk, "the missing photo is noticed", |s| {
                s.content.showing_older_content
            })?;
            std::fs::write(&photo, bytes).map_err(|e| e.to_string())?;
        }
        "a photo replaced by garbage, then fixed" => {
            let bytes = std::fs::read(&photo).map_err(|e| e.to_string())?;
            std::fs::write(&photo, b"this is not a photo at all").map_err(|e| e.to_string())?;
            expect(kiosk, "the damaged photo is noticed", |s| {
                s.content.showing_older_content
            })?;
            std::fs::write(&photo, bytes).map_err(|e| e.to_string())?;
        }
        "the photo cache made unusable, then restored" => {
            let away = cache.with_extension("away");
            std::fs::rename(cache, &away).map_err(|e| e.to_string())?;
            std::fs::write(cache, b"a file where the cache folder was")
                .map_err(|e| e.to_string())?;
            // A changed photo makes the kiosk try to write to the cache.
            let bytes = std::fs::read(&photo).map_err(|e| e.to_string())?;
            std::fs::write(&photo, &bytes).map_err(|e| e.to_string())?;
            std::thread::sleep(Duration::from_secs(3));
            std::fs::remove_file(cache).map_err(|e| e.to_string())?;
            std::fs::rename(&away, cache).map_err(|e| e.to_string())?;
        }
        "the web process killed" => {
            let web: Vec<u32> = kiosk.pids_named("WebKitWebProces");
            if web.is_empty() {
                return Err("no web process to kill".to_owned());
            }
            for pid in &web {
                let _ = std::process::Command::new("kill")
                    .args(["-KILL", &pid.to_string()])
                    .status();
            }
            // Its page loaded again, and answering.
            expect(kiosk, "the page is loaded again", |s| {
                s.web_view_restarts.len() > restarts_before
            })?;
        }
        "a publication arriving file by file" => {
            // Published elsewhere with a new title; here the manifest comes first, then the
            // highlights: until both are in, the screen keeps what it shows.
            let staging = dir.with_extension("staging");
            let _ = std::fs::remove_dir_all(&staging);
            copy_folder(dir, &staging).map_err(|e| e.to_string())?;
            let edited = good.replacen(
                "佛山创新灯塔高价值专利成果转化基地揭牌",
                &format!("发布 {before}"),
                1,
            );
            save(&staging, "highlights.json", &edited);
            publish(&staging)?;
            std::fs::copy(staging.join("manifest.json"), dir.join("manifest.json"))
                .map_err(|e| e.to_string())?;
            expect(kiosk, "the screen waits for the rest", |s| {
                !s.content.waiting_for.is_empty()
            })?;
            if revision(kiosk) != before {
                return Err("a half-arrived publication was shown".to_owned());
            }
            save(dir, "highlights.json", &edited);
            let published = lighthouse_e2e::read_json(&staging.join("manifest.json"))["revision"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            expect(kiosk, "the publication is shown", |s| {
                s.content.revision_shown == published
            })?;
            // Back to an unpublished folder for the faults that follow.
            std::fs::remove_file(dir.join("manifest.json")).map_err(|e| e.to_string())?;
            save(dir, "highlights.json", good);
            let _ = std::fs::remove_dir_all(&staging);
        }
        "100 saves in a second" => {
            for i in 0..100 {
                let edited = good.replacen(
                    "佛山创新灯塔高价值专利成果转化基地揭牌",
                    &format!("连续保存 {i}"),
                    1,
                );
                save(dir, "highlights.json", &edited);
                std::thread::sleep(Duration::from_millis(10));
            }
            save(dir, "highlights.json", good);
        }
        other => return Err(format!("no such fault {other}")),
    }
    let undone = Instant::now();
    let undone_ms = since_1970_ms();
    // Faults undone by a change to the content end with a load after it.
    let checks_content = !matches!(
        name,
        "the web process killed" | "the photo cache made unusable, then restored"
    );
    expect(kiosk, "well again", |s| {
        !s.content.showing_older_content
            && s.content.folder_error.is_none()
            && s.content.waiting_for.is_empty()
            && s.photos.refused.is_empty()
            && s.mode == "attract"
            && s.seconds_since_heartbeat.is_some_and(|h| h < 10)
            && (!checks_content || s.content.checked_at_ms >= undone_ms)
    })?;
    // And alive: two new pictures in a row, neither blank.
    for _ in 0..2 {
        let first = kiosk.screen_pixels();
        wait(RECOVERY, "the screen changes", || {
            let now = kiosk.screen_pixels();
            !now.is_empty() && now != first && !is_blank(&now)
        })
        .map_err(|_| "the screen stopped changing".to_owned())?;
    }
    Ok(undone.elapsed().as_secs_f64())
}

fn since_1970_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

fn publish(dir: &Path) -> Result<(), String> {
    let output = std::process::Command::new(lighthouse_e2e::kiosk_binary())
        .arg("publish")
        .arg(dir)
        .output()
        .map_err(|e| e.to_string())?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "publish failed: {}",
            String::from_utf8_lossy(&output.stdout)
        ))
    }
}

/// The content files of `from` (JSON files and photos/), into a new folder `to`.
fn copy_folder(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to.join("photos"))?;
    for folder in ["", "photos"] {
        for entry in std::fs::read_dir(from.join(folder))? {
            let entry = entry?;
            let name = entry.file_name();
            let skip = name.to_string_lossy().starts_with('.') || name == "manifest.json";
            if entry.file_type()?.is_file() && !skip {
                std::fs::copy(entry.path(), to.join(folder).join(&name))?;
            }
        }
    }
    Ok(())
}

fn save(dir: &Path, name: &str, text: &str) {
    let temporary = dir.join(format!(".{name}.saving"));
    if std::fs::write(&temporary, text).is_ok() {
        let _ = std::fs::rename(&temporary, dir.join(name));
    }
}

fn expect(kiosk: &PlainKiosk, what: &str, check: impl Fn(&Status) -> bool) -> Result<(), String> {
    wait(RECOVERY, what, || kiosk.status().is_some_and(|s| check(&s))).map_err(|_| {
        format!(
            "not {what} within {RECOVERY:?}; status: {:?}",
            kiosk.status()
        )
    })
}

fn wait(limit: Duration, what: &str, mut done: impl FnMut() -> bool) -> Result<(), String> {
    let deadline = Instant::now() + limit;
    while !done() {
        if Instant::now() > deadline {
            return Err(format!("timed out waiting until {what}"));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Ok(())
}

/// Slides shown so far, from the kiosk's own counts (written every 15 s).
fn slides_shown(kiosk: &PlainKiosk) -> u64 {
    let Ok(text) = std::fs::read_to_string(kiosk.counts_file()) else {
        return 0;
    };
    let counts: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    counts["days"].as_object().map_or(0, |days| {
        days.values()
            .map(|d| d["slides"].as_u64().unwrap_or(0))
            .sum()
    })
}

/// CPU ticks so far of every kiosk process, by process id.
fn group_cpu(kiosk: &PlainKiosk) -> HashMap<u32, u64> {
    kiosk
        .app_pids()
        .into_iter()
        .filter_map(|pid| Some((pid, stat(pid)?.cpu_ticks)))
        .collect()
}

/// Ticks used between two readings; a process that started in between counts from zero,
/// one that was killed in between counts not at all.
fn cpu_used(before: &HashMap<u32, u64>, now: &HashMap<u32, u64>) -> u64 {
    now.iter()
        .map(|(pid, ticks)| ticks.saturating_sub(before.get(pid).copied().unwrap_or(0)))
        .sum()
}

/// PSS (KiB), open descriptors and threads of every kiosk process together.
fn group_resources(kiosk: &PlainKiosk) -> (u64, usize, usize) {
    let pids = kiosk.app_pids();
    let pss = pids.iter().filter_map(|&p| pss_kib(p)).sum();
    let (fds, threads) = pids
        .iter()
        .map(|&p| descriptors_and_threads(p))
        .fold((0, 0), |sum, one| (sum.0 + one.0, sum.1 + one.1));
    (pss, fds, threads)
}

/// How the kiosk changed from just after warming up to the end of the run: the medians of a
/// window at each end, so one sample taken just after a web process restart (small) or
/// during a reload (large) does not decide it.
struct Growth {
    pss: (f64, f64),
    main_private: (f64, f64),
    /// The kiosk's own private memory at the start and the end of the quiet last quarter.
    main_private_quiet: Option<(f64, f64)>,
    fds: (usize, usize),
    /// Descriptors just after the first round of faults, once a web process was replaced.
    fds_after_first_round: Option<usize>,
    threads: (usize, usize),
}

impl Growth {
    fn of(
        samples: &[Sample],
        warm_after: u64,
        first_round_done: Option<u64>,
        faults_over: Option<u64>,
    ) -> Option<Growth> {
        let end = samples.last()?.transitions;
        let within = |from: u64, to: u64| -> Vec<&Sample> {
            samples
                .iter()
                .filter(|s| (from..to).contains(&s.transitions))
                .collect()
        };
        let first = within(warm_after, warm_after + JUDGED_WINDOW);
        let last = within(end.saturating_sub(JUDGED_WINDOW), end + 1);
        if first.len() < 5 || last.len() < 5 || warm_after + JUDGED_WINDOW > end {
            return None;
        }
        let median = |window: &[&Sample], value: &dyn Fn(&Sample) -> f64| {
            let mut values: Vec<f64> = window.iter().map(|s| value(s)).collect();
            values.sort_by(f64::total_cmp);
            values[values.len() / 2]
        };
        let pair = |value: &dyn Fn(&Sample) -> f64| (median(&first, value), median(&last, value));
        let fds = pair(&|s| s.fds as f64);
        let threads = pair(&|s| s.threads as f64);
        let fds_after_first_round = first_round_done.and_then(|at| {
            let after: Vec<&Sample> = samples
                .iter()
                .filter(|s| s.transitions >= at)
                .take(10)
                .collect();
            (!after.is_empty()).then(|| median(&after, &|s| s.fds as f64) as usize)
        });
        let main_private_quiet = faults_over.and_then(|at| {
            let quiet = within(at, at + JUDGED_WINDOW);
            (quiet.len() >= 5).then(|| {
                let value = |s: &Sample| s.main_private_mib;
                (median(&quiet, &value), median(&last, &value))
            })
        });
        Some(Growth {
            pss: pair(&|s| s.pss_mib),
            main_private_quiet,
            main_private: pair(&|s| s.main_private_mib),
            fds: (fds.0 as usize, fds.1 as usize),
            fds_after_first_round,
            threads: (threads.0 as usize, threads.1 as usize),
        })
    }

    fn pss_percent(&self) -> f64 {
        100.0 * (self.pss.1 - self.pss.0) / self.pss.0
    }

    fn main_private_percent(&self) -> f64 {
        100.0 * (self.main_private.1 - self.main_private.0) / self.main_private.0
    }

    /// Memory may grow under 10 %; descriptors and threads may wobble by a few, not climb.
    fn failures(&self) -> Vec<String> {
        let mut failures = Vec::new();
        if self.pss_percent() >= 10.0 {
            failures.push(format!(
                "memory grew {:.1} % ({:.1} -> {:.1} MiB)",
                self.pss_percent(),
                self.pss.0,
                self.pss.1
            ));
        }
        if let Some((quiet, end)) = self.main_private_quiet {
            if end > quiet * 1.03 {
                failures.push(format!(
                    "the kiosk's own memory climbed while nothing happened: {quiet:.1} -> {end:.1} MiB"
                ));
            }
        }
        let fds_before_end = self.fds_after_first_round.unwrap_or(self.fds.0);
        if self.fds.1 > fds_before_end + DESCRIPTOR_WOBBLE || self.fds.1 > self.fds.0 + 10 {
            failures.push(format!(
                "open descriptors climbed: {} after warming up, {fds_before_end} after the first round of faults, {} at the end",
                self.fds.0, self.fds.1
            ));
        }
        if self.threads.1 > self.threads.0 + 8 {
            failures.push(format!(
                "threads grew from {} to {}",
                self.threads.0, self.threads.1
            ));
        }
        failures
    }
}

fn is_blank(pixels: &[u8]) -> bool {
    pixels.chunks(3).all(|p| p == &pixels[..3])
}

fn report(
    samples: &[Sample],
    growth: Option<&Growth>,
    recoveries: &[(String, f64)],
    failures: &[String],
    out: &Path,
) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "soak: {} samples over {:.0} min",
        samples.len(),
        samples.last().map_or(0.0, |s| s.seconds / 60.0)
    );
    let _ = writeln!(
        text,
        "{:>11} {:>8} {:>9} {:>10} {:>6} {:>5} {:>8} {:>6}",
        "transitions", "minutes", "PSS MiB", "own MiB", "CPU %", "fds", "threads", "blank"
    );
    let step = (samples.len() / 20).max(1);
    for s in samples.iter().step_by(step).chain(samples.last()) {
        let _ = writeln!(
            text,
            "{:>11} {:>8.1} {:>9.1} {:>10.1} {:>6.1} {:>5} {:>8} {:>6}",
            s.transitions,
            s.seconds / 60.0,
            s.pss_mib,
            s.main_private_mib,
            s.cpu_percent,
            s.fds,
            s.threads,
            if s.blank { "yes" } else { "no" }
        );
    }
    let _ = writeln!(
        text,
        "(PSS: every kiosk and WebKit process; own: the kiosk process's private memory)"
    );
    if let Some(growth) = growth {
        let _ = writeln!(
            text,
            "\nmedians of the {JUDGED_WINDOW} transitions after warming up and of the last {JUDGED_WINDOW}:\n  PSS {:.1} -> {:.1} MiB ({:+.1} %), the kiosk's own {:.1} -> {:.1} MiB ({:+.1} %; {} over the quiet last quarter),\n  descriptors {} -> {} ({} after the first round of faults), threads {} -> {}",
            growth.pss.0,
            growth.pss.1,
            growth.pss_percent(),
            growth.main_private.0,
            growth.main_private.1,
            growth.main_private_percent(),
            growth
                .main_private_quiet
                .map_or("not measured".to_owned(), |(a, b)| format!("{a:.1} -> {b:.1} MiB")),
            growth.fds.0,
            growth.fds.1,
            growth.fds_after_first_round.map_or("none".to_owned(), |n| n.to_string()),
            growth.threads.0,
            growth.threads.1
        );
    }
    let _ = writeln!(
        text,
        "\nfaults (time from undoing each to a well, changing screen):"
    );
    for (name, seconds) in recoveries {
        let _ = writeln!(text, "  {name:<46} {seconds:>5.1} s");
    }
    let frozen = samples.iter().filter(|s| s.same_as_before).count();
    let _ = writeln!(
        text,
        "\nsamples identical to the one before: {frozen} (3 in a row would fail)"
    );
    let _ = writeln!(
        text,
        "{}",
        if failures.is_empty() {
            "PASS".to_owned()
        } else {
            format!("FAIL:\n  {}", failures.join("\n  "))
        }
    );
    write_csv(samples, &out.join("samples.csv"));
    plot(samples, &out.join("memory.svg"));
    let png = out.join("memory.png");
    let converted = std::process::Command::new("convert")
        .arg(out.join("memory.svg"))
        .arg(&png)
        .status();
    let _ = writeln!(
        text,
        "table: {}  plot: {}",
        out.join("samples.csv").display(),
        if converted.is_ok_and(|s| s.success()) {
            png
        } else {
            out.join("memory.svg")
        }
        .display()
    );
    text
}

fn write_csv(samples: &[Sample], path: &PathBuf) {
    let mut csv = String::from(
        "seconds,transitions,pss_mib,kiosk_private_mib,cpu_percent,fds,threads,blank,same_as_before\n",
    );
    for s in samples {
        let _ = writeln!(
            csv,
            "{:.1},{},{:.1},{:.1},{:.1},{},{},{},{}",
            s.seconds,
            s.transitions,
            s.pss_mib,
            s.main_private_mib,
            s.cpu_percent,
            s.fds,
            s.threads,
            s.blank,
            s.same_as_before
        );
    }
    std::fs::write(path, csv).unwrap();
}

/// Memory over transitions, as a small SVG with its axes labelled.
fn plot(samples: &[Sample], path: &PathBuf) {
    let (w, h, left, bottom, top, right) = (900.0, 480.0, 70.0, 50.0, 30.0, 20.0);
    let max_x = samples
        .iter()
        .map(|s| s.transitions)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let max_y = samples
        .iter()
        .map(|s| s.pss_mib)
        .fold(0.0, f64::max)
        .max(1.0)
        * 1.15;
    let x = |t: f64| left + (w - left - right) * t / max_x;
    let y = |m: f64| h - bottom - (h - bottom - top) * m / max_y;
    let line = |value: &dyn Fn(&Sample) -> f64| {
        samples
            .iter()
            .map(|s| format!("{:.1},{:.1}", x(s.transitions as f64), y(value(s))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut svg = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' width='{w}' height='{h}' font-family='sans-serif' font-size='13'>\
         <rect width='100%' height='100%' fill='white'/>\
         <text x='{left}' y='20'>Lighthouse Kiosk soak: memory (MiB) over slide transitions</text>\
         <line x1='{left}' y1='{}' x2='{}' y2='{}' stroke='black'/><line x1='{left}' y1='{top}' x2='{left}' y2='{}' stroke='black'/>",
        h - bottom, w - right, h - bottom, h - bottom
    );
    for i in 0..=5 {
        let value = max_y * f64::from(i) / 5.0;
        let _ = write!(svg, "<text x='8' y='{:.0}'>{value:.0}</text><line x1='{left}' y1='{0:.0}' x2='{}' y2='{0:.0}' stroke='#ddd'/>", y(value), w - right);
        let t = max_x * f64::from(i) / 5.0;
        let _ = write!(
            svg,
            "<text x='{:.0}' y='{}'>{t:.0}</text>",
            x(t) - 12.0,
            h - bottom + 20.0
        );
    }
    let _ = write!(
        svg,
        "<text x='{:.0}' y='{}'>transitions</text>",
        w / 2.0,
        h - 8.0
    );
    for (colour, label, points, row) in [
        (
            "#1565c0",
            "every process (kiosk and WebKit)",
            line(&|s| s.pss_mib),
            0.0,
        ),
        (
            "#c62828",
            "the kiosk's own process (private)",
            line(&|s| s.main_private_mib),
            1.0,
        ),
    ] {
        let _ = write!(
            svg,
            "<polyline fill='none' stroke='{colour}' stroke-width='2' points='{points}'/>\
             <rect x='{}' y='{}' width='14' height='4' fill='{colour}'/><text x='{}' y='{}'>{label}</text>",
            w - 300.0,
            top + 10.0 + 18.0 * row,
            w - 280.0,
            top + 15.0 + 18.0 * row
        );
    }
    svg.push_str("</svg>");
    std::fs::write(path, svg).unwrap();
}
