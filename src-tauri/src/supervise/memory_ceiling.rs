//! What to do when the kiosk's memory is above the ceiling in the settings. A reload in the
//! same web process is the gentle step, but it does not give back everything WebKit keeps
//! (`make soak` shows the total creeping up across reloads until the web process itself is
//! replaced). So each measurement still above the ceiling after a step takes the next one:
//! a reload, then a new web process, then, if even a fresh process is above it, the ceiling
//! is lower than this content needs: that is said once and nothing more is tried for an hour,
//! rather than reloading every half minute for ever.

use std::time::{Duration, Instant};

/// How long the kiosk leaves a ceiling alone once even a new web process stayed above it.
pub const PAUSE_WHEN_TOO_LOW: Duration = Duration::from_secs(60 * 60);

/// The step to take for one measurement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Nothing,
    /// Load the page again in the same web process.
    Reload,
    /// Load the page again in a new web process.
    NewProcess,
    /// A new web process did not bring it under the ceiling: say so and wait an hour.
    CeilingTooLow,
}

#[derive(Debug, Default)]
pub struct MemoryCeiling {
    last_step: Option<Step>,
    paused_until: Option<Instant>,
}

impl MemoryCeiling {
    /// The step for a measurement of `used_mib` against `ceiling_mib` at `now`. Call it only
    /// when the step asked for last time has been taken (the page was loaded again).
    pub fn step(&mut self, used_mib: u64, ceiling_mib: u64, now: Instant) -> Step {
        if used_mib <= ceiling_mib {
            self.last_step = None;
            self.paused_until = None;
            return Step::Nothing;
        }
        if self.paused_until.is_some_and(|until| now < until) {
            return Step::Nothing;
        }
        let step = match self.last_step {
            None | Some(Step::Nothing) | Some(Step::CeilingTooLow) => Step::Reload,
            Some(Step::Reload) => Step::NewProcess,
            Some(Step::NewProcess) => Step::CeilingTooLow,
        };
        if step == Step::CeilingTooLow {
            self.paused_until = Some(now + PAUSE_WHEN_TOO_LOW);
        }
        self.last_step = Some(step);
        step
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn under_the_ceiling_nothing_is_done() {
        let mut ceiling = MemoryCeiling::default();
        assert_eq!(ceiling.step(900, 1024, Instant::now()), Step::Nothing);
        assert_eq!(ceiling.step(1024, 1024, Instant::now()), Step::Nothing);
    }

    #[test]
    fn above_it_a_reload_comes_first_then_a_new_process() {
        let mut ceiling = MemoryCeiling::default();
        let now = Instant::now();
        assert_eq!(ceiling.step(1100, 1024, now), Step::Reload);
        assert_eq!(ceiling.step(1090, 1024, now), Step::NewProcess);
    }

    #[test]
    fn a_reload_that_brought_it_under_starts_the_steps_again() {
        let mut ceiling = MemoryCeiling::default();
        let now = Instant::now();
        assert_eq!(ceiling.step(1100, 1024, now), Step::Reload);
        assert_eq!(ceiling.step(700, 1024, now), Step::Nothing);
        assert_eq!(ceiling.step(1100, 1024, now), Step::Reload);
    }

    #[test]
    fn when_a_new_process_is_still_above_it_the_kiosk_says_so_and_waits_an_hour() {
        let mut ceiling = MemoryCeiling::default();
        let start = Instant::now();
        assert_eq!(ceiling.step(300, 100, start), Step::Reload);
        assert_eq!(ceiling.step(300, 100, start), Step::NewProcess);
        assert_eq!(ceiling.step(300, 100, start), Step::CeilingTooLow);
        let minute = Duration::from_secs(60);
        assert_eq!(ceiling.step(300, 100, start + minute), Step::Nothing);
        assert_eq!(ceiling.step(300, 100, start + 59 * minute), Step::Nothing);
        assert_eq!(
            ceiling.step(300, 100, start + PAUSE_WHEN_TOO_LOW),
            Step::Reload
        );
    }
}
