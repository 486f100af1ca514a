fn main() {
    let started = std::time::Instant::now();
    std::process::exit(lighthouse_kiosk::run(started));
}
