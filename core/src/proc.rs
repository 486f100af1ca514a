//! What Linux says about processes in `/proc`: the one place that reads it, for the kiosk
//! (its own memory and age), `status` (whether the kiosk still runs) and the tests.

/// Clock ticks per second in `/proc/PID/stat` (USER_HZ, 100 on every Linux the kiosk runs on).
pub const TICKS_PER_SECOND: u64 = 100;

/// The fields of `/proc/PID/stat` the kiosk uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stat {
    pub pid: u32,
    /// The kernel's name for it (`comm`, at most 15 characters).
    pub name: String,
    /// `R`, `S`, `Z` (a zombie), …
    pub state: char,
    pub parent: u32,
    pub group: u32,
    /// User and system CPU time, in ticks.
    pub cpu_ticks: u64,
    /// When it started, in ticks since boot.
    pub started_ticks: u64,
}

impl Stat {
    /// Whether it still runs (a zombie or a dead process does not).
    pub fn is_running(&self) -> bool {
        !matches!(self.state, 'Z' | 'X')
    }
}

/// Process `pid`'s stat, or `None` once it is gone.
pub fn stat(pid: u32) -> Option<Stat> {
    parse_stat(&std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?)
}

/// "pid (name) state ppid pgrp …": the name may hold spaces and parentheses, so the fields
/// are counted from its last ')'.
fn parse_stat(text: &str) -> Option<Stat> {
    let (head, rest) = text.rsplit_once(')')?;
    let (pid, name) = head.split_once(" (")?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After the name, field 3 of the man page (the state) is fields[0].
    let field = |n: usize| fields.get(n - 3).copied();
    let number = |n: usize| field(n)?.parse::<u64>().ok();
    Some(Stat {
        pid: pid.trim().parse().ok()?,
        name: name.to_owned(),
        state: field(3)?.chars().next()?,
        parent: u32::try_from(number(4)?).ok()?,
        group: u32::try_from(number(5)?).ok()?,
        cpu_ticks: number(14)? + number(15)?,
        started_ticks: number(22)?,
    })
}

/// Every process there is now.
pub fn all() -> Vec<Stat> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| stat(entry.file_name().to_str()?.parse().ok()?))
        .collect()
}

/// `root` and every process it started, and they started, … (WebKit's web and network
/// processes, for the kiosk), `root` first.
pub fn family(root: u32) -> Vec<u32> {
    let everyone = all();
    let mut family = vec![root];
    let mut i = 0;
    while i < family.len() {
        let parent = family[i];
        family.extend(
            everyone
                .iter()
                .filter(|p| p.parent == parent)
                .map(|p| p.pid),
        );
        i += 1;
    }
    family
}

/// The program's file name (`WebKitWebProcess`), not the kernel's 15-character name.
pub fn program_name(pid: u32) -> Option<String> {
    let command = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    let program = command.split(|&b| b == 0).next()?;
    let name = String::from_utf8_lossy(program);
    let name = name.rsplit('/').next().unwrap_or_default().trim();
    if name.is_empty() {
        return stat(pid).map(|s| s.name);
    }
    Some(name.to_owned())
}

/// The proportional set size of process `pid`, in KiB: its private memory plus its share
/// of what it shares with others, so a sum over processes counts nothing twice.
pub fn pss_kib(pid: u32) -> Option<u64> {
    rollup_kib(pid, &["Pss:"])
}

/// The memory only process `pid` uses, in KiB. Unlike its PSS, it does not change when
/// another process starts or stops sharing the same libraries, so it shows a leak of its own.
pub fn private_kib(pid: u32) -> Option<u64> {
    rollup_kib(pid, &["Private_Clean:", "Private_Dirty:"])
}

fn rollup_kib(pid: u32, fields: &[&str]) -> Option<u64> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    fields
        .iter()
        .map(|field| {
            let line = rollup.lines().find(|line| line.starts_with(field))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .sum()
}

/// How many files process `pid` has open and how many threads it runs (zeros once it is gone).
pub fn descriptors_and_threads(pid: u32) -> (usize, usize) {
    let count = |dir: String| std::fs::read_dir(dir).map_or(0, |entries| entries.count());
    (
        count(format!("/proc/{pid}/fd")),
        count(format!("/proc/{pid}/task")),
    )
}

/// Milliseconds since this process was started (exec), from the kernel's own record, so the
/// time spent loading libraries before `main` counts too. Resolution: 10 ms.
pub fn own_age_ms() -> Option<u64> {
    let started = stat(std::process::id())?.started_ticks;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let age = uptime - started as f64 / TICKS_PER_SECOND as f64;
    (age >= 0.0).then(|| (age * 1000.0).round() as u64)
}

/// Whether `pid` runs a program whose kernel name starts with `name` (not a zombie, nor
/// another program that got its number since).
pub fn is_running_as(pid: u32, name: &str) -> bool {
    stat(pid).is_some_and(|s| s.is_running() && s.name.starts_with(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_spaces_and_parentheses_is_read_whole() {
        let line = "4242 (Web Content (1)) S 1 4242 4242 0 -1 4194560 1 0 0 0 7 3 0 0 20 0 \
                    12 0 98765 1000 10 18446744073709551615";
        let stat = parse_stat(line).unwrap();
        assert_eq!(stat.pid, 4242);
        assert_eq!(stat.name, "Web Content (1)");
        assert_eq!(stat.state, 'S');
        assert_eq!((stat.parent, stat.group), (1, 4242));
        assert_eq!(stat.cpu_ticks, 10);
        assert_eq!(stat.started_ticks, 98765);
    }

    #[test]
    fn this_process_is_seen_with_its_memory_and_age() {
        let me = std::process::id();
        assert_eq!(family(me)[0], me);
        assert!(pss_kib(me).unwrap() > 0);
        assert!(own_age_ms().is_some());
        assert!(stat(me).unwrap().is_running());
        assert!(!is_running_as(me, "not-this-program"));
    }
}
