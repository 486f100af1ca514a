//! The processes behind a test kiosk: a private Xvfb server and tauri-driver.
//!
//! Each runs in its own process group. tauri-driver's group also holds WebKitWebDriver, the
//! kiosk and WebKit's helper processes, so killing the group ends the app as well.

use crate::{target_dir, Screen};
use lighthouse_core::proc;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
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
            .envs(kiosk_session_env(&home))
            // Last, so a test may choose any of the above for itself.
            .envs(env.iter().copied())
            .spawn_logged(&log, "tauri-driver");
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
            wait_for_port(listening, deadline, &driver.log);
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
    proc::all()
        .into_iter()
        .filter(|p| p.group == pgid && p.is_running())
        .map(|p| (p.pid, p.name))
        .collect()
}

/// The kiosk's session folders under `home`: its lock, status, logs and counts, and its
/// screen.json (never the developer's own).
pub(crate) fn kiosk_session_env(home: &Path) -> [(&'static str, PathBuf); 4] {
    [
        ("XDG_RUNTIME_DIR", home.join("runtime")),
        ("XDG_STATE_HOME", home.join("state")),
        ("XDG_DATA_HOME", home.join("data")),
        ("XDG_CONFIG_HOME", home.join("config")),
    ]
}

/// Waits until something listens on `port` of this machine; panics at `deadline`,
/// pointing at the `log` of what should be listening.
pub(crate) fn wait_for_port(port: u16, deadline: Instant, log: &Path) {
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "nothing listens on port {port} (log: {})",
            log.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Starting a helper program the way every test does.
pub(crate) trait SpawnLogged {
    /// Starts the program in a process group of its own (so it and all it starts can be
    /// stopped together), reading nothing, its output appended to `log`.
    fn spawn_logged(&mut self, log: &Path, what: &str) -> Child;
}

impl SpawnLogged for Command {
    fn spawn_logged(&mut self, log: &Path, what: &str) -> Child {
        self.stdin(Stdio::null())
            .stdout(log_file_at(log))
            .stderr(log_file_at(log))
            .process_group(0)
            .spawn()
            .unwrap_or_else(|err| {
                panic!("cannot start {what} ({err}); install it with `make deps-test`")
            })
    }
}

/// Runs `command` to its end; panics with its output unless it succeeds.
pub fn run_ok(command: &mut Command) {
    let output = command
        .output()
        .unwrap_or_else(|err| panic!("cannot run {command:?}: {err}"));
    assert!(
        output.status.success(),
        "{command:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A port nothing listens on, for a helper program to listen on.
///
/// Taken below the system's ephemeral range: a port the system handed out for "any port"
/// and was closed again can be handed out once more (to a browser's debugging port, say)
/// before the helper binds it, and the test would then talk to the wrong program. Below
/// that range only someone asking for the number itself gets it, and within this process
/// no number is given twice.
pub(crate) fn free_port() -> u16 {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let ephemeral_low = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|range| range.split_whitespace().next()?.parse::<u32>().ok())
        .unwrap_or(32768)
        .max(2048);
    let low = ephemeral_low.saturating_sub(8192).max(1024);
    let span = ephemeral_low - low;
    // Processes started at the same time begin at different places.
    let start = std::process::id().wrapping_mul(2_654_435_761) % span;
    for _ in 0..span {
        let offset = (start + NEXT.fetch_add(1, Ordering::Relaxed)) % span;
        let port = u16::try_from(low + offset).expect("ports fit in 16 bits");
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
    panic!("no free port between {low} and {}", low + span);
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
