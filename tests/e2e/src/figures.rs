//! How the benchmarks state a figure: a median of several runs with its spread, in one
//! layout for every bench.

use std::time::{SystemTime, UNIX_EPOCH};

/// Now, as milliseconds since 1970 (the page's `Date.now()` clock).
pub fn epoch_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// The value `p` per cent of `values` are at or below (nearest rank).
pub fn percentile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

pub fn median(values: &[f64]) -> f64 {
    percentile(values, 50.0)
}

/// One line: `name`, the median of `values`, the least and the most.
pub fn row(name: &str, values: &[f64]) {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(0.0, f64::max);
    println!(
        "  {name:<42} median {:>7.1}   min {min:>7.1}   max {max:>7.1}",
        median(values)
    );
}
