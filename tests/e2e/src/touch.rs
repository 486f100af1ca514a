//! Fingers on the real app. WebKitWebDriver turns touch actions into mouse events, so
//! swipes and pinches are played into the page as Touch Events instead, made the way
//! WebKit makes them (`document.createTouch`), with real time between the steps.

use serde_json::{json, Value};

/// One moment of a gesture: which fingers are down where, and which of them changed.
#[derive(Debug, Clone)]
struct Step {
    /// Milliseconds after the previous step.
    wait_ms: u32,
    kind: &'static str,
    fingers: Vec<(u32, f64, f64)>,
    changed: Vec<u32>,
}

/// A gesture as Touch Events, played by [`crate::Kiosk::play_touches`].
#[derive(Debug, Clone, Default)]
pub struct Touches {
    steps: Vec<Step>,
}

impl Touches {
    /// One finger from `from` to `to` over `ms`, in `moves` steps; lifted at the end unless
    /// `lift` is false (to look at the screen while it is still down).
    pub fn swipe(from: (f64, f64), to: (f64, f64), ms: u32, moves: u32, lift: bool) -> Touches {
        let mut touches = Touches::default();
        touches.push(0, "touchstart", vec![(1, from.0, from.1)], vec![1]);
        for i in 1..=moves {
            let f = f64::from(i) / f64::from(moves);
            let at = (from.0 + (to.0 - from.0) * f, from.1 + (to.1 - from.1) * f);
            touches.push(ms / moves, "touchmove", vec![(1, at.0, at.1)], vec![1]);
        }
        if lift {
            touches.push(16, "touchend", vec![(1, to.0, to.1)], vec![1]);
        }
        touches
    }

    /// Lifts finger 1 at `at`.
    pub fn lift(at: (f64, f64)) -> Touches {
        let mut touches = Touches::default();
        touches.push(0, "touchend", vec![(1, at.0, at.1)], vec![1]);
        touches
    }

    /// Two fingers about `centre`, `from` px apart, moving to `to` px apart over `ms`.
    pub fn pinch(centre: (f64, f64), from: f64, to: f64, ms: u32, moves: u32) -> Touches {
        let pair = |spread: f64| {
            vec![
                (1, centre.0 - spread / 2.0, centre.1),
                (2, centre.0 + spread / 2.0, centre.1),
            ]
        };
        let mut touches = Touches::default();
        touches.push(0, "touchstart", vec![pair(from)[0]], vec![1]);
        touches.push(20, "touchstart", pair(from), vec![2]);
        for i in 1..=moves {
            let spread = from + (to - from) * f64::from(i) / f64::from(moves);
            touches.push(ms / moves, "touchmove", pair(spread), vec![1, 2]);
        }
        touches.push(16, "touchend", pair(to), vec![2]);
        touches.push(16, "touchend", vec![pair(to)[0]], vec![1]);
        touches
    }

    fn push(
        &mut self,
        wait_ms: u32,
        kind: &'static str,
        fingers: Vec<(u32, f64, f64)>,
        changed: Vec<u32>,
    ) {
        self.steps.push(Step {
            wait_ms,
            kind,
            fingers,
            changed,
        });
    }

    /// The steps as JSON for the page's player.
    pub(crate) fn to_json(&self) -> Value {
        Value::Array(
            self.steps
                .iter()
                .map(|s| {
                    json!({
                        "wait": s.wait_ms,
                        "type": s.kind,
                        "fingers": s.fingers.iter().map(|(id, x, y)| json!({"id": id, "x": x, "y": y})).collect::<Vec<_>>(),
                        "changed": s.changed,
                    })
                })
                .collect(),
        )
    }
}

/// Plays `steps` (from [`Touches::to_json`]) into the page; calls back when done. Fingers
/// that lift (`touchend`) leave `touches` but are in `changedTouches`, as in WebKit.
pub(crate) const PLAYER: &str = r#"
const [steps, done] = [arguments[0], arguments[arguments.length - 1]];
const targets = (window.__e2eTouchTargets ??= new Map());
const touch = (f) => {
  if (!targets.has(f.id)) targets.set(f.id, document.elementFromPoint(f.x, f.y) ?? document.body);
  return document.createTouch(window, targets.get(f.id), f.id, f.x, f.y, f.x, f.y);
};
const play = (i) => {
  if (i >= steps.length) return done(true);
  const step = steps[i];
  setTimeout(() => {
    const all = step.fingers.map(touch);
    const changed = all.filter((t) => step.changed.includes(t.identifier));
    const ending = step.type === 'touchend' || step.type === 'touchcancel';
    const down = ending ? all.filter((t) => !step.changed.includes(t.identifier)) : all;
    const list = (ts) => document.createTouchList(...ts);
    const event = new TouchEvent(step.type, {
      touches: list(down), targetTouches: list(down), changedTouches: list(changed),
      cancelable: true, bubbles: true,
    });
    changed[0].target.dispatchEvent(event);
    if (ending) for (const t of changed) targets.delete(t.identifier);
    play(i + 1);
  }, step.wait);
};
play(0);
"#;
