//! Choosing how WebKit draws, before GTK starts. With no GPU (a virtual machine, Xvfb,
//! llvmpipe) WebKit's DMA-BUF renderer draws in software and spends most of a core on every
//! transition; switched off, the same slideshow takes a few per cent. With a GPU it stays
//! on. A choice IT made in the environment always wins.

use std::path::Path;

/// WebKitGTK's switch for its DMA-BUF renderer.
const DMABUF_SWITCH: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
/// Where a GPU's render nodes appear.
const DRI_DIR: &str = "/dev/dri";

/// How this screen draws: in words for the log and the status, and whether a GPU does the
/// drawing (what photo motion's "auto" follows).
#[derive(Debug, Clone)]
pub struct Renderer {
    pub words: String,
    pub gpu: bool,
}

/// Sets the renderer; returns what was chosen. Must run before any other thread starts (it
/// may set an environment variable).
pub fn choose() -> Renderer {
    let gpu_present = has_gpu(Path::new(DRI_DIR));
    if let Some(value) = std::env::var_os(DMABUF_SWITCH) {
        // WebKit turns the DMA-BUF renderer off for any value but "0".
        let dmabuf_on = value == "0";
        return Renderer {
            words: format!(
                "{DMABUF_SWITCH}={} set by the environment",
                value.to_string_lossy()
            ),
            gpu: dmabuf_on && gpu_present,
        };
    }
    if gpu_present {
        Renderer {
            words: "WebKit's default (DMA-BUF) renderer: a GPU render node is present".to_owned(),
            gpu: true,
        }
    } else {
        // Edition 2021: setting a variable is safe while no other thread reads the
        // environment, which holds here (called first thing in the kiosk, before GTK).
        std::env::set_var(DMABUF_SWITCH, "1");
        Renderer {
            words: format!("{DMABUF_SWITCH}=1: no GPU render node in {DRI_DIR}, so software rendering without DMA-BUF"),
            gpu: false,
        }
    }
}

/// Whether `dri` holds a render node this user can open (renderD128, …).
fn has_gpu(dri: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dri) else {
        return false;
    };
    entries.flatten().any(|entry| {
        entry.file_name().to_string_lossy().starts_with("renderD")
            && std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(entry.path())
                .is_ok()
    })
}

/// The version of WebKitGTK installed, as the package manager has it ("2.50.1-1~deb12u1");
/// "" where it cannot be told. Asked once.
pub fn webkit_version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| {
        std::process::Command::new("dpkg-query")
            .args(["--show", "--showformat=${Version}", "libwebkit2gtk-4.1-0"])
            .output()
            .ok()
            .filter(|out| out.status.success())
            .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_render_node_means_no_gpu() {
        assert!(!has_gpu(Path::new("/nonexistent/dri")));
        let dir = std::env::temp_dir().join(format!("lighthouse-dri-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("card0"), b"").unwrap();
        assert!(!has_gpu(&dir), "a card without a render node");
        std::fs::write(dir.join("renderD128"), b"").unwrap();
        assert!(has_gpu(&dir), "a render node that opens");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
