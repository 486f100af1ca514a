//! The editor's pages and the kiosk's own UI (for the preview) are built into the binary;
//! a change to either builds it again.

fn main() {
    println!("cargo:rerun-if-changed=web");
    println!("cargo:rerun-if-changed=../ui");
}
