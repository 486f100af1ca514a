//! The staff PIN's door, the one rule for every place that asks for the PIN (the panel at the
//! screen, the editor's login): the PIN is checked against the hash in settings.json, five
//! wrong tries in a row lock the door for five minutes, and a right one gives a token nobody
//! could guess.

use std::time::{Duration, Instant};

/// Wrong PINs in a row before the door locks...
pub const ATTEMPTS: u32 = 5;
/// ...and for how long.
pub const LOCKOUT: Duration = Duration::from_secs(5 * 60);

/// What one try at the door gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tried {
    /// The right PIN: a new token (none when the system gives no randomness: the door
    /// stays shut rather than open with a weak one).
    Opened(Option<String>),
    /// A wrong PIN; this many tries are left before the lock.
    Wrong { attempts_left: u32 },
    /// Locked, for this long still.
    Locked(Duration),
    /// No PIN is set in settings.json: nobody can come in.
    NoPin,
}

/// The count of wrong tries and the lock. Held behind the caller's own lock.
#[derive(Debug, Default)]
pub struct Door {
    failures: u32,
    locked_until: Option<Instant>,
}

impl Door {
    /// Tries `pin` against `hash` (the settings' staffPinHash, if any) at `now`.
    pub fn try_pin(&mut self, pin: &str, hash: Option<&str>, now: Instant) -> Tried {
        if let Some(until) = self.locked_until {
            if now < until {
                return Tried::Locked(until - now);
            }
            self.locked_until = None;
            self.failures = 0;
        }
        let Some(hash) = hash else {
            return Tried::NoPin;
        };
        if crate::pin::verify_pin(pin, hash) {
            self.failures = 0;
            return Tried::Opened(new_token());
        }
        self.failures += 1;
        if self.failures >= ATTEMPTS {
            self.locked_until = Some(now + LOCKOUT);
            return Tried::Locked(LOCKOUT);
        }
        Tried::Wrong {
            attempts_left: ATTEMPTS - self.failures,
        }
    }
}

/// 128 bits from the system's random source, as hex; `None` when it gives none.
pub fn new_token() -> Option<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).ok()?;
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether `given` is `expected`, compared in a time that does not depend on where they
/// first differ (so a token cannot be guessed a character at a time by timing).
pub fn same_token(given: &str, expected: &str) -> bool {
    let (a, b) = (given.as_bytes(), expected.as_bytes());
    if a.is_empty() || a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_wrong_pins_lock_the_door_even_to_the_right_one_until_the_lock_ends() {
        let hash = crate::pin::hash_pin("2468").unwrap();
        let mut door = Door::default();
        let start = Instant::now();
        for left in (1..ATTEMPTS).rev() {
            assert_eq!(
                door.try_pin("0000", Some(&hash), start),
                Tried::Wrong {
                    attempts_left: left
                }
            );
        }
        assert_eq!(
            door.try_pin("0000", Some(&hash), start),
            Tried::Locked(LOCKOUT)
        );
        let later = start + Duration::from_secs(60);
        assert_eq!(
            door.try_pin("2468", Some(&hash), later),
            Tried::Locked(LOCKOUT - Duration::from_secs(60))
        );
        let after = start + LOCKOUT;
        assert!(matches!(
            door.try_pin("2468", Some(&hash), after),
            Tried::Opened(Some(token)) if token.len() == 32
        ));
        assert_eq!(
            door.try_pin("0000", Some(&hash), after),
            Tried::Wrong {
                attempts_left: ATTEMPTS - 1
            },
            "a right PIN starts the count again"
        );
    }

    #[test]
    fn without_a_pin_nobody_comes_in() {
        assert_eq!(
            Door::default().try_pin("1234", None, Instant::now()),
            Tried::NoPin
        );
    }

    #[test]
    fn tokens_match_whole_or_not_at_all() {
        let token = new_token().unwrap();
        assert!(same_token(&token, &token));
        assert!(!same_token(&token[..31], &token));
        assert!(!same_token("", ""));
        assert_ne!(new_token().unwrap(), token);
    }
}
