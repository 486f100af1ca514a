//! `lighthouse-kiosk edit [DIR]`: the browser editor of a content folder (lighthouse-editor),
//! started from the command line, with the browser opened at its login link.

use super::say_line;
use crate::args::Args;
use crate::exit;
use std::net::SocketAddr;
use std::path::Path;

pub fn run(
    args: &Args,
    dir: Option<&std::path::PathBuf>,
    listen: Option<SocketAddr>,
    open_browser: bool,
) -> anyhow::Result<i32> {
    let Some(dir) = dir else {
        anyhow::bail!(
            "name the content folder to edit: lighthouse-kiosk edit DIR (the built-in content cannot be changed; `lighthouse-kiosk init DIR` makes a copy)"
        );
    };
    let options = lighthouse_editor::Options {
        dir: dir.clone(),
        listen,
        cache: args.cache_dir().join("editor"),
    };
    lighthouse_editor::run(options, |started| announce(dir, started, open_browser))?;
    Ok(exit::OK)
}

fn announce(dir: &Path, started: &lighthouse_editor::Started, open_browser: bool) {
    match &started.login_link {
        Some(link) => {
            say_line(&format!(
                "editing {} at {link}\n(open that link in a browser on this PC; it works once. Ctrl-C stops the editor)",
                dir.display()
            ));
            if open_browser {
                // No browser (a server without a desktop) is fine: the link is printed.
                let _ = std::process::Command::new("xdg-open")
                    .arg(link)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn();
            }
        }
        None => say_line(&format!(
            "editing {} at http://{} for the office network (plain HTTP; staff log in with the staff PIN). Ctrl-C stops the editor",
            dir.display(),
            started.address
        )),
    }
}
