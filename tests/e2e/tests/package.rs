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
