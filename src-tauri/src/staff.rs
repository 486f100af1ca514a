//! The staff panel at the screen: its door is the PIN (`lighthouse_core::door`, the same
//! rule as the editor's login, checked here, never in the page), and an open panel is a
//! token that lapses after a minute untouched.

use lighthouse_core::door::{same_token, Door, Tried, ATTEMPTS};
use lighthouse_core::pin::PIN_DIGITS;
use serde::Serialize;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// An open panel untouched this long closes (its token stops working).
pub const PANEL_IDLE: Duration = Duration::from_secs(60);

#[derive(Debug, Default)]
pub struct Staff {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    door: Door,
    session: Option<(String, Instant)>,
}

/// What the keypad and the panel must know of the door's rules (asked by the UI, so the
/// rules are written here only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DoorRules {
    pub fewest_digits: usize,
    pub most_digits: usize,
    /// An open panel untouched this long closes.
    pub panel_idle_seconds: u64,
}

pub fn rules() -> DoorRules {
    DoorRules {
        fewest_digits: *PIN_DIGITS.start(),
        most_digits: *PIN_DIGITS.end(),
        panel_idle_seconds: PANEL_IDLE.as_secs(),
    }
}

/// What a PIN try gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unlock {
    /// The panel's token when the PIN was right.
    pub token: Option<String>,
    pub attempts_left: u32,
    /// While locked: how long still.
    pub locked_seconds: u64,
    /// No PIN is set in settings.json: nobody can open the panel.
    pub no_pin: bool,
}

impl Staff {
    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Tries `pin` against `hash` (the settings' staffPinHash, if any).
    pub fn unlock(&self, pin: &str, hash: Option<&str>) -> Unlock {
        let mut inner = self.inner();
        let now = Instant::now();
        let closed = Unlock {
            token: None,
            attempts_left: ATTEMPTS,
            locked_seconds: 0,
            no_pin: false,
        };
        match inner.door.try_pin(pin, hash, now) {
            Tried::Opened(token) => {
                match &token {
                    Some(_) => log::info!("the staff panel was opened"),
                    None => log::error!(
                        "the staff panel stays closed: the system gives no random numbers for its token"
                    ),
                }
                inner.session = token.clone().map(|token| (token, now));
                Unlock { token, ..closed }
            }
            Tried::Wrong { attempts_left } => {
                log::warn!("a wrong staff PIN ({} in a row)", ATTEMPTS - attempts_left);
                Unlock {
                    attempts_left,
                    ..closed
                }
            }
            Tried::Locked(left) => {
                if left == lighthouse_core::door::LOCKOUT {
                    log::warn!(
                        "the staff panel is locked for {} minutes",
                        left.as_secs() / 60
                    );
                }
                Unlock {
                    attempts_left: 0,
                    locked_seconds: left.as_secs() + u64::from(left.subsec_nanos() > 0),
                    ..closed
                }
            }
            Tried::NoPin => Unlock {
                no_pin: true,
                ..closed
            },
        }
    }

    /// Whether `token` is the open panel's (and keeps it open a minute more).
    pub fn allows(&self, token: &str) -> bool {
        let mut inner = self.inner();
        match &mut inner.session {
            Some((open, used)) if same_token(token, open) && used.elapsed() < PANEL_IDLE => {
                *used = Instant::now();
                true
            }
            _ => false,
        }
    }

    pub fn close(&self) {
        self.inner().session = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_pin_opens_a_wrong_one_counts_down_and_five_lock() {
        let hash = lighthouse_core::pin::hash_pin("2468").unwrap();
        let staff = Staff::default();
        let opened = staff.unlock("2468", Some(&hash));
        let token = opened.token.expect("opened");
        assert_eq!(token.len(), 32);
        assert!(staff.allows(&token));
        assert!(!staff.allows("not the token"));
        assert!(!staff.allows(""), "an empty token opens nothing");
        assert!(
            !staff.allows(&token[..31]),
            "nor does part of the right one"
        );
        assert_ne!(
            staff.unlock("2468", Some(&hash)).token,
            Some(token.clone()),
            "every opening has a new token"
        );
        assert!(!staff.allows(&token), "the previous token no longer works");
        for left in (1..ATTEMPTS).rev() {
            assert_eq!(staff.unlock("0000", Some(&hash)).attempts_left, left);
        }
        let locked = staff.unlock("0000", Some(&hash));
        assert_eq!(
            locked.locked_seconds,
            lighthouse_core::door::LOCKOUT.as_secs()
        );
        let still = staff.unlock("2468", Some(&hash));
        assert_eq!(still.token, None, "even the right PIN waits out the lock");
        assert!(still.locked_seconds > 0);
    }

    #[test]
    fn without_a_pin_nobody_opens_the_panel() {
        let staff = Staff::default();
        let tried = staff.unlock("1234", None);
        assert!(tried.no_pin);
        assert_eq!(tried.token, None);
        assert!(!staff.allows(""), "with no panel open, no token opens one");
        assert!(!staff.allows("00000000000000000000000000000000"));
    }
}
