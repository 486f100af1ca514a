// The hidden way into the staff panel: a long press (3 s) in the top-left corner, then a tap
// in the top-right corner within a few seconds. No visitor does that by chance, and neither
// corner holds a control. Plain logic: positions, durations and time are passed in.

/** How long the first press is held. */
export const HOLD_MS = 3000;
/** How soon after it the second corner must be tapped. */
export const THEN_WITHIN_MS = 5000;
/** A corner is this share of the screen's shorter side, from each edge. */
export const CORNER = 0.12;

export class StaffDoor {
  #armedUntil = -Infinity;

  /** A long press ended at (x, y) after `ms`, on a `width` x `height` screen. */
  longPress(x, y, ms, now, width, height) {
    const corner = CORNER * Math.min(width, height);
    if (ms >= HOLD_MS && x <= corner && y <= corner) this.#armedUntil = now + THEN_WITHIN_MS;
  }

  /** A tap at (x, y): true when it opens the door (the tap then does nothing else). */
  tap(x, y, now, width, height) {
    const corner = CORNER * Math.min(width, height);
    const opens = now <= this.#armedUntil && x >= width - corner && y <= corner;
    this.#armedUntil = -Infinity;
    return opens;
  }
}

/** Where fixed elements sit, a few pixels off, to spare the screen from burn-in. */
export const DRIFT_STEPS = [[0, 0], [2, 1], [3, -1], [1, -2], [-1, -2], [-3, 0], [-2, 2], [0, 3]];

/** The drift for step `n` of the cycle. */
export function drift(n) {
  return DRIFT_STEPS[((n % DRIFT_STEPS.length) + DRIFT_STEPS.length) % DRIFT_STEPS.length];
}
