//! What the lobby PC itself says about its health, for the status: the memory it has left
//! and how warm it runs. Linux only (/proc and /sys); `None` where the PC does not say.

use std::path::Path;

/// The memory the kernel could give programs now (MemAvailable), in MiB.
pub fn memory_available_mib() -> Option<u64> {
    memory_available_in(&std::fs::read_to_string("/proc/meminfo").ok()?)
}

fn memory_available_in(meminfo: &str) -> Option<u64> {
    let line = meminfo.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

/// The warmest of the PC's thermal zones, in degrees Celsius (none on a PC, or a virtual
/// machine, that reports none).
pub fn temperature_c() -> Option<f32> {
    warmest_in(Path::new("/sys/class/thermal"))
}

fn warmest_in(thermal: &Path) -> Option<f32> {
    std::fs::read_dir(thermal)
        .ok()?
        .flatten()
        .filter(|zone| {
            zone.file_name()
                .to_string_lossy()
                .starts_with("thermal_zone")
        })
        .filter_map(|zone| std::fs::read_to_string(zone.path().join("temp")).ok())
        .filter_map(|text| text.trim().parse::<i64>().ok())
        // The kernel reports millidegrees; a zone without a sensor reports nonsense.
        .filter(|milli| (-40_000..150_000).contains(milli))
        .map(|milli| milli as f32 / 1000.0)
        .reduce(f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn available_memory_is_read_from_meminfo() {
        let meminfo =
            "MemTotal:       24576000 kB\nMemFree:  100 kB\nMemAvailable:   20480000 kB\n";
        assert_eq!(memory_available_in(meminfo), Some(20000));
        assert_eq!(memory_available_in("MemTotal: 1 kB\n"), None);
    }

    #[test]
    fn the_warmest_zone_counts_and_a_zone_without_a_sensor_does_not() {
        let dir = std::env::temp_dir().join(format!("lighthouse-thermal-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (zone, milli) in [
            ("thermal_zone0", "41000"),
            ("thermal_zone1", "57500"),
            ("thermal_zone2", "-274000"),
        ] {
            std::fs::create_dir_all(dir.join(zone)).unwrap();
            std::fs::write(dir.join(zone).join("temp"), format!("{milli}\n")).unwrap();
        }
        assert_eq!(warmest_in(&dir), Some(57.5));
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(warmest_in(&dir), None);
    }
}
