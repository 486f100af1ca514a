// Recognising what fingers do, from a plain stream of points. No DOM here: `input.js` turns
// whatever the engine sends (Touch Events, Pointer Events, mouse) into points
// `{id, x, y, t, phase}` with phase 'down' | 'move' | 'up' | 'cancel', and this turns them
// into gestures. The pointer type is never looked at.
//
// One gesture runs from the first finger down to the last finger up, and is counted once:
// a press that became a drag or a pinch never also ends as a tap.

/** A finger that moves further than this between down and up was dragging, not tapping. */
export const TAP_MAX_MOVE_PX = 24;
/** A press held longer than this is a long press (a leaning visitor, a cleaning cloth): never a tap. */
export const TAP_MAX_MS = 800;
/** How far a finger moves before a drag begins; its direction then decides the axis. */
export const DRAG_START_PX = 12;
/** A second tap this soon and this near the first is a double tap. */
export const DOUBLE_TAP_MS = 350;
export const DOUBLE_TAP_PX = 48;
/** Velocity is measured over the last this many milliseconds of a drag. */
const VELOCITY_WINDOW_MS = 100;

/**
 * Feed it points; it returns the gestures they complete, as objects with a `type`:
 * - `press` {x, y}: the first finger of a gesture touched (the screen reacts at once)
 * - `tap` {x, y}, `doubletap` {x, y}: a short press in place (a double tap is also a tap)
 * - `longpress` {x, y, ms}: a press held too long (for `ms`); no visitor control answers it
 * - `dragstart` {axis, x, y}, `drag` {axis, dx, dy, x, y}, `dragend` {axis, dx, dy, vx, vy}
 *   (`axis` is 'x' or 'y', velocities in px/ms), `dragcancel` when a second finger joins
 * - `pinchstart` {x, y}, `pinch` {scale, x, y, dx, dy} (centre and how far it moved),
 *   `pinchend`
 * - `release`: the last finger left
 */
export class GestureRecognizer {
  #fingers = new Map();
  /** 'idle' | 'press' | 'drag' | 'pinch' | 'spent' (a pinch ended; wait for all fingers up). */
  #state = 'idle';
  #axis = null;
  #pinch = null;
  #lastTap = null;

  feed(point) {
    switch (point.phase) {
      case 'down':
        return this.#down(point);
      case 'move':
        return this.#move(point);
      case 'up':
        return this.#up(point, false);
      case 'cancel':
        return this.#up(point, true);
      default:
        return [];
    }
  }

  /** True while any finger is on the screen. */
  get active() {
    return this.#fingers.size > 0;
  }

  #down({ id, x, y, t }) {
    if (this.#fingers.has(id)) return [];
    this.#fingers.set(id, { x0: x, y0: y, t0: t, x, y, t, trail: [{ x, y, t }] });
    if (this.#fingers.size === 1) {
      this.#state = 'press';
      return [{ type: 'press', x, y }];
    }
    const events = [];
    if (this.#state === 'drag') events.push({ type: 'dragcancel' });
    if (this.#fingers.size === 2 && this.#state !== 'spent') {
      this.#state = 'pinch';
      this.#pinch = this.#spread();
      events.push({ type: 'pinchstart', x: this.#pinch.x, y: this.#pinch.y });
    } else {
      this.#state = 'spent';
    }
    return events;
  }

  #move({ id, x, y, t }) {
    const finger = this.#fingers.get(id);
    if (!finger) return [];
    finger.x = x;
    finger.y = y;
    finger.t = t;
    finger.trail.push({ x, y, t });
    while (finger.trail.length > 2 && t - finger.trail[0].t > VELOCITY_WINDOW_MS) finger.trail.shift();
    const dx = x - finger.x0;
    const dy = y - finger.y0;
    if (this.#state === 'press' && Math.hypot(dx, dy) > DRAG_START_PX) {
      this.#state = 'drag';
      this.#axis = Math.abs(dx) >= Math.abs(dy) ? 'x' : 'y';
      return [{ type: 'dragstart', axis: this.#axis, x: finger.x0, y: finger.y0 }, this.#dragEvent(finger)];
    }
    if (this.#state === 'drag') return [this.#dragEvent(finger)];
    if (this.#state === 'pinch') {
      const now = this.#spread();
      const scale = this.#pinch.distance > 0 ? now.distance / this.#pinch.distance : 1;
      return [{ type: 'pinch', scale, x: now.x, y: now.y, dx: now.x - this.#pinch.x, dy: now.y - this.#pinch.y }];
    }
    return [];
  }

  #up({ id, x, y, t }, cancelled) {
    const finger = this.#fingers.get(id);
    if (!finger) return [];
    finger.x = x ?? finger.x;
    finger.y = y ?? finger.y;
    finger.t = t ?? finger.t;
    this.#fingers.delete(id);
    const events = [];
    if (this.#state === 'press' && !cancelled) events.push(...this.#pressEnded(finger));
    if (this.#state === 'drag') {
      const { vx, vy } = velocity(finger);
      events.push(cancelled
        ? { type: 'dragcancel' }
        : { type: 'dragend', axis: this.#axis, dx: finger.x - finger.x0, dy: finger.y - finger.y0, vx, vy });
    }
    if (this.#state === 'pinch') {
      events.push({ type: 'pinchend' });
      this.#state = 'spent';
    }
    if (this.#fingers.size === 0) {
      this.#state = 'idle';
      this.#axis = null;
      this.#pinch = null;
      events.push({ type: 'release' });
    } else if (this.#state !== 'spent') {
      this.#state = 'spent';
    }
    return events;
  }

  /** A single finger lifted without dragging: a tap, a double tap, or a long press. */
  #pressEnded(finger) {
    const { x0: x, y0: y } = finger;
    const moved = Math.hypot(finger.x - x, finger.y - y);
    if (finger.t - finger.t0 > TAP_MAX_MS) {
      return moved > TAP_MAX_MOVE_PX ? [] : [{ type: 'longpress', x, y, ms: finger.t - finger.t0 }];
    }
    if (moved > TAP_MAX_MOVE_PX) return [];
    const last = this.#lastTap;
    const double = last !== null && finger.t - last.t <= DOUBLE_TAP_MS
      && Math.hypot(x - last.x, y - last.y) <= DOUBLE_TAP_PX;
    this.#lastTap = double ? null : { x, y, t: finger.t };
    const tap = { type: 'tap', x, y };
    return double ? [tap, { type: 'doubletap', x, y }] : [tap];
  }

  #dragEvent(finger) {
    return { type: 'drag', axis: this.#axis, dx: finger.x - finger.x0, dy: finger.y - finger.y0, x: finger.x, y: finger.y };
  }

  /** The centre of the first two fingers and the distance between them. */
  #spread() {
    const [a, b] = [...this.#fingers.values()];
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, distance: Math.hypot(a.x - b.x, a.y - b.y) };
  }
}

/** Speed over the last stretch of a finger's path, in px/ms. */
function velocity(finger) {
  const first = finger.trail[0];
  const last = finger.trail[finger.trail.length - 1];
  const ms = last.t - first.t;
  if (ms <= 0) return { vx: 0, vy: 0 };
  return { vx: (last.x - first.x) / ms, vy: (last.y - first.y) / ms };
}

/** A drag further than this part of the item's width changes the item... */
export const SWIPE_DISTANCE = 0.25;
/** ...and so does a quick flick of at least this speed (px/ms), however short. */
export const SWIPE_SPEED = 0.5;

/**
 * Where a horizontal drag of `dx` px at speed `vx` settles, for an item `width` wide:
 * +1 the next item (the finger went left), -1 the previous one, 0 back where it was.
 */
export function settle(dx, vx, width) {
  const far = Math.abs(dx) > width * SWIPE_DISTANCE;
  const quick = Math.abs(vx) > SWIPE_SPEED && Math.sign(vx) === Math.sign(dx);
  if (!far && !quick) return 0;
  return dx < 0 ? 1 : -1;
}
