//! Who is logged in. A session is a random token in an HttpOnly, SameSite=Strict cookie; it
//! ends after an hour without a request, after a working day in any case, and when the
//! editor stops (sessions live in memory only).

use lighthouse_core::door::{self, Door, Tried};
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// The cookie that carries the session.
pub const COOKIE: &str = "lighthouse_editor";
/// A session left alone this long ends...
pub const IDLE: Duration = Duration::from_secs(60 * 60);
/// ...and any session ends after this long.
pub const LONGEST: Duration = Duration::from_secs(10 * 60 * 60);

#[derive(Debug, Default)]
pub struct Sessions {
    live: HashMap<String, Session>,
    /// The one-time key of the local login link, until it is used.
    login_key: Option<String>,
    /// The PIN door: five wrong PINs lock it for five minutes.
    pub door: Door,
}

#[derive(Debug, Clone, Copy)]
struct Session {
    started: Instant,
    last_seen: Instant,
}

impl Sessions {
    /// A new one-time login key (replacing any unused one).
    pub fn new_login_key(&mut self) -> Option<String> {
        self.login_key = door::new_token();
        self.login_key.clone()
    }

    /// Uses the login key: right once, never again.
    pub fn use_login_key(&mut self, given: &str) -> bool {
        let right = self
            .login_key
            .as_deref()
            .is_some_and(|key| door::same_token(given, key));
        if right {
            self.login_key = None;
        }
        right
    }

    /// Tries the PIN against `hash` (settings.json's); a new session token when it opens.
    pub fn try_pin(&mut self, pin: &str, hash: Option<&str>, now: Instant) -> Tried {
        self.door.try_pin(pin, hash, now)
    }

    /// Starts a session; its token, or `None` when the system gives no randomness.
    pub fn open(&mut self, now: Instant) -> Option<String> {
        let token = door::new_token()?;
        self.start(token.clone(), now);
        Some(token)
    }

    /// Starts a session under `token` (one the door gave).
    pub fn start(&mut self, token: String, now: Instant) {
        self.live.retain(|_, session| session.is_alive(now));
        self.live.insert(
            token,
            Session {
                started: now,
                last_seen: now,
            },
        );
    }

    /// Whether `token` is a live session; a request keeps it alive.
    pub fn touch(&mut self, token: &str, now: Instant) -> bool {
        let found = self
            .live
            .iter_mut()
            .find(|(live, _)| door::same_token(token, live));
        match found {
            Some((_, session)) if session.is_alive(now) => {
                session.last_seen = now;
                true
            }
            _ => false,
        }
    }

    pub fn close(&mut self, token: &str) {
        self.live.retain(|live, _| !door::same_token(token, live));
    }
}

impl Session {
    fn is_alive(&self, now: Instant) -> bool {
        now.duration_since(self.last_seen) < IDLE && now.duration_since(self.started) < LONGEST
    }
}

/// The `Set-Cookie` value that starts a session in the browser.
pub fn set_cookie(token: &str) -> String {
    format!(
        "{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}",
        LONGEST.as_secs()
    )
}

/// The `Set-Cookie` value that ends it.
pub fn clear_cookie() -> String {
    format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0")
}

/// The session token in a `Cookie` header, if there is one.
pub fn token_in(cookie_header: &str) -> Option<&str> {
    cookie_header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_login_key_works_once() {
        let mut sessions = Sessions::default();
        let key = sessions.new_login_key().unwrap();
        assert!(!sessions.use_login_key("0123"));
        assert!(sessions.use_login_key(&key));
        assert!(!sessions.use_login_key(&key));
    }

    #[test]
    fn a_session_ends_when_left_alone_and_after_a_working_day() {
        let mut sessions = Sessions::default();
        let start = Instant::now();
        let token = sessions.open(start).unwrap();
        assert!(sessions.touch(&token, start + IDLE / 2));
        assert!(!sessions.touch(&token, start + IDLE / 2 + IDLE));
        let token = sessions.open(start).unwrap();
        let mut now = start;
        while now < start + LONGEST - IDLE / 2 {
            now += IDLE / 2;
            assert!(sessions.touch(&token, now));
        }
        assert!(!sessions.touch(&token, start + LONGEST));
        assert!(!sessions.touch("not-a-token", start));
    }

    #[test]
    fn the_cookie_is_found_among_others() {
        assert_eq!(token_in("a=1; lighthouse_editor=abc; b=2"), Some("abc"));
        assert_eq!(token_in("lighthouse_editorx=abc"), None);
        assert!(set_cookie("t").contains("HttpOnly; SameSite=Strict"));
    }
}
