//! The processes behind a test kiosk: a private Xvfb server and tauri-driver.
//!
//! Each runs in its own process group. tauri-driver's group also holds WebKitWebDriver, the
//! kiosk and WebKit's helper processes, so killing the group ends the app as well.

use crate::{target_dir, Screen};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a process group gets to exit after SIGTERM before it is sent SIGKILL.
const TERM_GRACE: Duration = Duration::from_secs(5);
/// How long tauri-driver may take to listen on its port.
const DRIVER_READY: Duration = Duration::from_secs(15);

/// A private X server, so tests get the screen size they ask for and never touch the
/// developer's own display.
#[derive(Debug)]
pub struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    pub fn start(screen: Screen) -> Xvfb {
        let log = log_file(&format!("xvfb-{}", screen.name()));
        // -displayfd makes Xvfb pick a free display number itself and print it, so parallel
        // test runs on one machine cannot collide.
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-nolisten",
                "tcp",
                "-noreset",
                "-screen",
                "0",
            ])
            .arg(format!("{}x{}x24", screen.width, screen.height))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .process_group(0)
            .spawn()
            .unwrap_or_else(|err| {
                panic!("cannot start Xvfb ({err}); install it with `make deps-test`")
            });
        let mut line = String::new();
        let stdout = child.stdout.take().expect("Xvfb stdout is piped");
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read Xvfb's display number");
        let number = line.trim();
        assert!(
            !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()),
            "Xvfb did not report a display number (got {line:?})"
        );
        Xvfb {
            display: format!(":{number}"),
            child,
        }
    }

    /// The `DISPLAY` value of this server, e.g. `:3`.
    pub fn display(&self) -> &str {
        &self.display
    }

    pub fn pgid(&self) -> u32 {
        self.child.id()
    }

    /// Captures the whole screen with ImageMagick's `import`.
    pub fn screenshot(&self, path: &Path) {
        let status = Command::new("import")
            .args(["-display", &self.display, "-window", "root"])
            .arg(path)
            .status()
            .unwrap_or_else(|err| {
                panic!("cannot run `import` ({err}); install imagemagick with `make deps-test`")
            });
        assert!(status.success(), "`import` failed for {}", path.display());
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        stop_group(&mut self.child);
    }
}

/// tauri-driver, listening on a free port, with WebKitWebDriver behind it.
#[derive(Debug)]
pub struct Driver {
    child: Child,
    port: u16,
    log: PathBuf,
    home: PathBuf,
}

/// Fresh, private session folders for the kiosk started through the driver on `port`.
pub fn session_home(port: u16) -> PathBuf {
    use std::os::unix::fs::DirBuilderExt;
    let home = target_dir().join("e2e-home").join(port.to_string());
    let _ = std::fs::remove_dir_all(&home);
    for dir in ["runtime", "state", "data"] {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(home.join(dir))
            .expect("create the kiosk's session folders");
    }
    home
}

impl Driver {
    /// Starts tauri-driver for `xvfb`, with `env` added to the kiosk's environment.
    pub fn start(xvfb: &Xvfb, env: &[(&str, &str)]) -> Driver {
        let (port, native_port) = (free_port(), free_port());
        let log = target_dir()
            .join("e2e-logs")
            .join(format!("driver-{port}.log"));
        // The kiosk's own session folders (lock, status file, log files), so test kiosks
        // never meet a kiosk running for real on this machine, nor each other's leftovers.
        let home = session_home(port);
        // A log left by an earlier run on the same port would be read as this kiosk's.
        let _ = std::fs::remove_file(&log);
        let child = Command::new(tauri_driver())
            .arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .env("DISPLAY", xvfb.display())
            // The kiosk chooses WebKit's renderer itself (software rendering under Xvfb).
            .env_remove("WEBKIT_DISABLE_DMABUF_RENDERER")
            .env("XDG_RUNTIME_DIR", home.join("runtime"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_DATA_HOME", home.join("data"))
            // Never the developer's own screen.json.
            .env("XDG_CONFIG_HOME", home.join("config"))
            // Last, so a test may choose any of the above for itself.
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(log_file_at(&log))
            .stderr(log_file_at(&log))
            .process_group(0)
            .spawn()
            .unwrap_or_else(|err| {
                panic!("cannot start tauri-driver ({err}); install it with `make deps-test`")
            });
        let driver = Driver {
            child,
            port,
            log,
            home,
        };
        // tauri-driver listens before WebKitWebDriver behind it does, and fails a session
        // request that comes in between: wait for both.
        let deadline = Instant::now() + DRIVER_READY;
        for listening in [port, native_port] {
            while TcpStream::connect(("127.0.0.1", listening)).is_err() {
                assert!(
                    Instant::now() < deadline,
                    "the WebDriver on port {listening} did not start (log: {})",
                    driver.log.display()
                );
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        driver
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn pgid(&self) -> u32 {
        self.child.id()
    }

    pub fn log_path(&self) -> &Path {
        &self.log
    }

    /// The kiosk's session folders: `runtime` (its lock) and `state` (status, logs).
    pub fn home(&self) -> &Path {
        &self.home
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        stop_group(&mut self.child);
    }
}

/// tauri-driver from `TAURI_DRIVER`, the `PATH`, or cargo's bin folder.
fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let in_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .map(|dir| dir.join("tauri-driver"))
        .find(|path| path.is_file());
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    in_path
        .or_else(|| cargo_home.map(|home| home.join("bin/tauri-driver")))
        .unwrap_or_else(|| PathBuf::from("tauri-driver"))
}

/// SIGTERM to the whole group, SIGKILL to what is left after the grace period.
pub(crate) fn stop_group(child: &mut Child) {
    let pgid = child.id();
    signal_group(pgid, "TERM");
    let deadline = Instant::now() + TERM_GRACE;
    while group_is_alive(pgid) && Instant::now() < deadline {
        let _ = child.try_wait();
        std::thread::sleep(Duration::from_millis(50));
    }
    if group_is_alive(pgid) {
        signal_group(pgid, "KILL");
    }
    let _ = child.wait();
}

fn signal_group(pgid: u32, signal: &str) {
    let _ = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg("--")
        .arg(format!("-{pgid}"))
        .stderr(Stdio::null())
        .status();
}

/// True while any process of group `pgid` is running (zombies waiting to be reaped do not count).
pub fn group_is_alive(pgid: u32) -> bool {
    !group_members(pgid).is_empty()
}

/// `(pid, command name)` of every running process in group `pgid`.
pub fn group_members(pgid: u32) -> Vec<(u32, String)> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
            // "pid (name) state ppid pgrp …": the name may hold spaces and parentheses.
            let (head, rest) = stat.rsplit_once(')')?;
            let name = head.split_once('(')?.1.to_owned();
            let fields: Vec<&str> = rest.split_whitespace().collect();
            (fields.len() > 2 && fields[0] != "Z" && fields[2] == pgid.to_string())
                .then_some((pid, name))
        })
        .collect()
}

/// The proportional set size of process `pid` in kilobytes: its private memory plus its
/// share of memory it shares with others, so summing it over processes counts nothing twice.
pub fn pss_kb(pid: u32) -> Option<u64> {
    rollup_kb(pid, &["Pss:"])
}

/// The memory only process `pid` uses, in kilobytes. Unlike its PSS, it does not change when
/// another process starts or stops sharing the same libraries, so it shows a leak of its own.
pub fn private_kb(pid: u32) -> Option<u64> {
    rollup_kb(pid, &["Private_Clean:", "Private_Dirty:"])
}

/// The sum of `fields` in /proc/PID/smaps_rollup.
fn rollup_kb(pid: u32, fields: &[&str]) -> Option<u64> {
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

/// User and system CPU time of process `pid` so far, in clock ticks (1/100 s).
pub fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    // Fields 14 and 15 of /proc/PID/stat; after the name, the state is field 3.
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

pub(crate) fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("find a free port")
}

fn log_file(name: &str) -> File {
    log_file_at(&target_dir().join("e2e-logs").join(format!("{name}.log")))
}

pub(crate) fn log_file_at(path: &Path) -> File {
    std::fs::create_dir_all(path.parent().expect("log path has a folder"))
        .expect("create the log folder");
    File::options()
        .create(true)
        .append(true)
        .open(path)
        .unwrap_or_else(|err| panic!("open log {}: {err}", path.display()))
}
