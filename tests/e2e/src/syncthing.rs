//! Real Syncthing instances for the tests, on loopback only: each with its own config
//! folder and ports, no discovery, relays or reporting, started and stopped by the test.
//! Devices and folders are set up with `syncthing cli`, the same commands the README gives.

use crate::process::{free_port, run_ok, stop_group, SpawnLogged};
use crate::target_dir;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// The folder every instance shares in the tests.
pub const FOLDER: &str = "lighthouse-content";

#[derive(Debug)]
pub struct Syncthing {
    pub name: String,
    child: Child,
    home: PathBuf,
    gui: u16,
    pub listen: u16,
    api_key: String,
    pub device_id: String,
}

impl Syncthing {
    /// A fresh instance called `name`.
    pub fn start(name: &str) -> Syncthing {
        let home = target_dir()
            .join("e2e-syncthing")
            .join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&home);
        run_ok(
            Command::new("syncthing")
                .args([
                    "generate",
                    "--no-default-folder",
                    "--skip-port-probing",
                    "--home",
                ])
                .arg(&home),
        );
        let (gui, listen) = (free_port(), free_port());
        let config = home.join("config.xml");
        let text = std::fs::read_to_string(&config).expect("syncthing wrote its config");
        let api_key = between(&text, "<apikey>", "</apikey>")
            .expect("an API key")
            .to_owned();
        // Loopback only, nothing announced, relayed, reported or upgraded.
        let text = text
            .replace(
                "<address>127.0.0.1:8384</address>",
                &format!("<address>127.0.0.1:{gui}</address>"),
            )
            .replace(
                "<listenAddress>default</listenAddress>",
                &format!("<listenAddress>tcp://127.0.0.1:{listen}</listenAddress>"),
            )
            .replace(
                "<globalAnnounceEnabled>true",
                "<globalAnnounceEnabled>false",
            )
            .replace("<localAnnounceEnabled>true", "<localAnnounceEnabled>false")
            .replace("<relaysEnabled>true", "<relaysEnabled>false")
            .replace("<natEnabled>true", "<natEnabled>false")
            .replace("<startBrowser>true", "<startBrowser>false")
            .replace("<urAccepted>0", "<urAccepted>-1")
            .replace("<autoUpgradeIntervalH>12", "<autoUpgradeIntervalH>0")
            .replace(
                "<crashReportingEnabled>true",
                "<crashReportingEnabled>false",
            );
        std::fs::write(&config, text).unwrap();
        let device_id = String::from_utf8(
            Command::new("syncthing")
                .args(["serve", "--device-id", "--home"])
                .arg(&home)
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap()
        .trim()
        .to_owned();
        let log = target_dir()
            .join("e2e-logs")
            .join(format!("syncthing-{name}-{gui}.log"));
        let child = Command::new("syncthing")
            .args(["serve", "--no-browser", "--no-restart", "--home"])
            .arg(&home)
            .env("STNOUPGRADE", "1")
            .spawn_logged(&log, "syncthing");
        let instance = Syncthing {
            name: name.to_owned(),
            child,
            home,
            gui,
            listen,
            api_key,
            device_id,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while instance.get("/rest/system/ping").is_none() {
            assert!(
                Instant::now() < deadline,
                "syncthing {name} did not start (log: {})",
                log.display()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        instance
    }

    /// `syncthing cli config …` against this instance.
    pub fn cli(&self, args: &[&str]) {
        let mut command = Command::new("syncthing");
        command
            .arg("cli")
            .arg("--home")
            .arg(&self.home)
            .arg("config")
            .args(args);
        run_ok(&mut command);
    }

    /// Shares `path` as the test folder with `peers`, which are told how to reach this one.
    pub fn share(&self, path: &Path, peers: &[&Syncthing]) {
        for peer in peers {
            let address = format!("tcp://127.0.0.1:{}", peer.listen);
            // Syncthing 1.19's `devices add --addresses` crashes; the address is added apart.
            self.cli(&[
                "devices",
                "add",
                "--device-id",
                &peer.device_id,
                "--name",
                &peer.name,
            ]);
            self.cli(&["devices", &peer.device_id, "addresses", "add", &address]);
        }
        let path = path.to_string_lossy();
        self.cli(&[
            "folders",
            "add",
            "--id",
            FOLDER,
            "--label",
            "Lighthouse content",
            "--path",
            &path,
            "--fswatcher-delays",
            "1",
        ]);
        for peer in peers {
            self.cli(&[
                "folders",
                FOLDER,
                "devices",
                "add",
                "--device-id",
                &peer.device_id,
            ]);
        }
    }

    /// Whether `peer` has everything this instance has of the folder.
    pub fn peer_in_sync(&self, peer: &Syncthing) -> bool {
        self.get(&format!(
            "/rest/db/completion?folder={FOLDER}&device={}",
            peer.device_id
        ))
        .is_some_and(|c| {
            c["completion"].as_f64() == Some(100.0) && c["needBytes"].as_u64() == Some(0)
        })
    }

    /// Whether this instance has nothing left to fetch or scan in the folder.
    pub fn idle(&self) -> bool {
        self.get(&format!("/rest/db/status?folder={FOLDER}"))
            .is_some_and(|s| s["state"] == "idle" && s["needFiles"].as_u64() == Some(0))
    }

    /// Asks for the folder to be scanned now (instead of waiting for the file watcher).
    pub fn scan(&self) {
        let _ = ureq::post(&format!(
            "http://127.0.0.1:{}/rest/db/scan?folder={FOLDER}",
            self.gui
        ))
        .set("X-API-Key", &self.api_key)
        .call();
    }

    fn get(&self, path: &str) -> Option<Value> {
        ureq::get(&format!("http://127.0.0.1:{}{path}", self.gui))
            .set("X-API-Key", &self.api_key)
            .timeout(Duration::from_secs(5))
            .call()
            .ok()?
            .into_json()
            .ok()
    }
}

impl Drop for Syncthing {
    fn drop(&mut self) {
        stop_group(&mut self.child);
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = text[from..].find(end)? + from;
    Some(&text[from..to])
}
