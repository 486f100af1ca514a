fn main() {
    // The UI is embedded at compile time: rebuild when any of its files change, including
    // files that did not exist at the previous build.
    println!("cargo:rerun-if-changed=../ui");
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "content",
            "contact_codes",
            "photos",
            "status",
            "first_paint",
            "heartbeat",
            "count",
            "opening",
            "clock",
            "drawn_on_gpu",
            "rest_display",
            "staff_door",
            "staff_unlock",
            "staff_report",
            "staff_action",
            "staff_close",
            "video_skipped",
        ]),
    ))
    .expect("failed to run tauri-build");
}
