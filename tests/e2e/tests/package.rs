//! The .deb that `make package` builds, taken apart: the files a lobby PC needs, a systemd
//! unit that never gives up, and the packages it depends on. Runs from `make package`,
//! which names the package in LIGHTHOUSE_DEB.

use std::path::{Path, PathBuf};
use std::process::Command;

fn package() -> PathBuf {
    let path = std::env::var_os("LIGHTHOUSE_DEB")
        .map(PathBuf::from)
        .expect("LIGHTHOUSE_DEB names the .deb to check (make package sets it)");
    assert!(path.is_file(), "{} is not there", path.display());
    path
}

fn dpkg_deb(args: &[&str], deb: &Path) -> String {
    let output = Command::new("dpkg-deb")
        .args(args)
        .arg(deb)
        .output()
        .expect("run dpkg-deb");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_package_declares_what_the_kiosk_needs() {
    let deb = package();
    let field = |name: &str| {
        dpkg_deb(&["-f"], &deb)
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")).map(str::to_owned))
            .unwrap_or_default()
    };
    assert_eq!(field("Package"), "lighthouse-kiosk");
    let depends = field("Depends");
    for needed in [
        "libwebkit2gtk-4.1-0",
        "fonts-noto-cjk",
        "fonts-noto-color-emoji",
        "x11-xserver-utils",
    ] {
        assert!(depends.contains(needed), "Depends: {depends}");
    }
}

#[test]
fn the_package_holds_the_binary_the_default_content_and_a_unit_that_never_gives_up() {
    let deb = package();
    let root = std::env::temp_dir().join(format!("lighthouse-deb-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let output = Command::new("dpkg-deb")
        .arg("-x")
        .arg(&deb)
        .arg(&root)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    use std::os::unix::fs::PermissionsExt;
    let binary = root.join("usr/bin/lighthouse-kiosk");
    assert!(
        binary.metadata().unwrap().permissions().mode() & 0o111 != 0,
        "executable"
    );
    // The binary in the package works: it checks the default content it ships with.
    let check = Command::new(&binary)
        .arg("check")
        .arg(root.join("usr/share/lighthouse-kiosk/default-content"))
        .env_remove("DISPLAY")
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    // The office editor ships as a unit IT enables on purpose: it serves the network.
    let editor =
        std::fs::read_to_string(root.join("usr/lib/systemd/user/lighthouse-editor.service"))
            .unwrap();
    assert!(
        editor.contains("ExecStart=/usr/bin/lighthouse-kiosk edit --listen"),
        "{editor}"
    );
    let unit = std::fs::read_to_string(root.join("usr/lib/systemd/user/lighthouse-kiosk.service"))
        .unwrap();
    for line in [
        "ExecStart=/usr/bin/lighthouse-kiosk",
        "Restart=always",
        "RestartSec=",
        "StartLimitIntervalSec=0",
        "WantedBy=graphical-session.target",
    ] {
        assert!(
            unit.lines().any(|l| l.starts_with(line)),
            "the unit has {line}:\n{unit}"
        );
    }
    let desktop =
        std::fs::read_to_string(root.join("usr/share/applications/lighthouse-kiosk.desktop"))
            .unwrap();
    assert!(desktop.contains("Exec=lighthouse-kiosk"), "{desktop}");
    assert!(root
        .join("usr/share/icons/hicolor/256x256/apps/lighthouse-kiosk.png")
        .is_file());
    assert!(root
        .join("usr/share/doc/lighthouse-kiosk/README.md")
        .is_file());
    std::fs::remove_dir_all(root).unwrap();
}

fn apt_get(args: &[&str]) {
    let output = Command::new("apt-get")
        .args(["--yes", "--allow-downgrades", "--no-install-recommends"])
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .output()
        .expect("run apt-get");
    assert!(
        output.status.success(),
        "apt-get {args:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn installed_version() -> String {
    let output = Command::new("dpkg-query")
        .args(["--show", "--showformat=${Version}", "lighthouse-kiosk"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The same package as `deb` under a later version, as the next release would be.
fn next_release(deb: &Path, work: &Path) -> (PathBuf, String) {
    let tree = work.join("next");
    let _ = std::fs::remove_dir_all(&tree);
    lighthouse_e2e::process::run_ok(Command::new("dpkg-deb").arg("-R").arg(deb).arg(&tree));
    let control_path = tree.join("DEBIAN/control");
    let control = std::fs::read_to_string(&control_path).unwrap();
    let version = control
        .lines()
        .find_map(|l| l.strip_prefix("Version: "))
        .unwrap()
        .to_owned();
    let next = format!("{version}+next1");
    std::fs::write(
        &control_path,
        control.replace(&format!("Version: {version}"), &format!("Version: {next}")),
    )
    .unwrap();
    let built = work.join("lighthouse-kiosk-next.deb");
    lighthouse_e2e::process::run_ok(
        Command::new("dpkg-deb")
            .args(["--root-owner-group", "-b"])
            .arg(&tree)
            .arg(&built),
    );
    (built, next)
}

/// Waits until the kiosk has put its first slide on screen (the log says so).
fn wait_for_first_slide(kiosk: &lighthouse_e2e::PlainKiosk, times: usize) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while kiosk.log().matches("first slide painted").count() < times {
        assert!(
            std::time::Instant::now() < deadline,
            "no slide on screen: {}",
            kiosk.log()
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// Installs the package on this machine (run it in a throwaway one:
/// `../shared/tools/fresh-machine.sh . 'make package'`), runs it, installs the next version
/// over the running kiosk and then this one again, and purges it: the kiosk restarts into
/// each, and nothing of the kiosk user's is lost.
#[test]
fn a_new_version_installs_over_a_running_kiosk_and_purging_keeps_the_content() {
    use std::time::Duration;
    let deb = package();
    let work = std::env::temp_dir().join(format!("lighthouse-upgrade-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let (next, next_version) = next_release(&deb, &work);

    apt_get(&["install", deb.to_str().unwrap()]);
    let first_version = installed_version();
    let program = Path::new("/usr/bin/lighthouse-kiosk");
    let content = lighthouse_e2e::ContentCopy::of_defaults("package-upgrade");
    let cache = work.join("cache");
    let args = [
        "--content",
        content.dir_arg(),
        "--cache",
        cache.to_str().unwrap(),
    ];
    let xvfb = lighthouse_e2e::Xvfb::start(lighthouse_e2e::LANDSCAPE);
    let mut kiosk = lighthouse_e2e::PlainKiosk::start_program(program, xvfb, &args);
    wait_for_first_slide(&kiosk, 1);
    let before = loop {
        if let Some(status) = kiosk.status() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(200));
    };

    for (package, version, runs) in [
        (&next, next_version.as_str(), 2),
        (&deb, first_version.as_str(), 3),
    ] {
        apt_get(&["install", package.to_str().unwrap()]);
        assert_eq!(installed_version(), version);
        let ended = kiosk
            .wait_for_exit(Duration::from_secs(60))
            .unwrap_or_else(|| panic!("the kiosk kept the old program: {}", kiosk.log()));
        assert_eq!(ended.code(), Some(65), "{}", kiosk.log());
        // What systemd does next: the program again, in the same session.
        kiosk.start_again(program, &args);
        wait_for_first_slide(&kiosk, runs);
        let after = kiosk.status().expect("a status");
        assert_eq!(
            after.content.revision_shown, before.content.revision_shown,
            "the same content on screen after installing {version}"
        );
    }
    let log = kiosk.log();
    assert_eq!(
        log.matches("restarting into the new version").count(),
        2,
        "{log}"
    );

    apt_get(&["purge", "lighthouse-kiosk"]);
    assert!(!program.exists(), "the program is gone");
    assert!(!Path::new("/usr/share/lighthouse-kiosk").exists());
    assert!(
        content.dir.join("highlights.json").is_file()
            && kiosk
                .home()
                .join("state/lighthouse-kiosk/status.json")
                .is_file(),
        "the content folder and the kiosk user's files stay"
    );
    std::fs::remove_dir_all(&work).unwrap();
}
