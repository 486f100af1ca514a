// Telling a tap from a drag or a resting palm. Pointer Events only: touch, pen and mouse
// all arrive the same way, and the pointer type is never relied on.

/** A finger that moves further than this between down and up was dragging, not tapping. */
export const TAP_MAX_MOVE_PX = 24;
/** A press held longer than this is not a tap (a leaning visitor, a cleaning cloth). */
export const TAP_MAX_MS = 800;

/** `down` and `up` are `{x, y, t}` (pixels, milliseconds). */
export function isTap(down, up) {
  if (!down || !up) return false;
  const moved = Math.hypot(up.x - down.x, up.y - down.y);
  return moved <= TAP_MAX_MOVE_PX && up.t - down.t <= TAP_MAX_MS;
}

/** Calls `handler(event)` for every tap on `target`. Returns a function that stops it. */
export function onTap(target, handler) {
  const downs = new Map();
  const point = (event) => ({ x: event.clientX, y: event.clientY, t: event.timeStamp });
  const down = (event) => {
    if (event.isPrimary) downs.set(event.pointerId, point(event));
  };
  const up = (event) => {
    const start = downs.get(event.pointerId);
    downs.delete(event.pointerId);
    if (isTap(start, point(event))) handler(event);
  };
  const cancel = (event) => downs.delete(event.pointerId);
  target.addEventListener('pointerdown', down);
  target.addEventListener('pointerup', up);
  target.addEventListener('pointercancel', cancel);
  return () => {
    target.removeEventListener('pointerdown', down);
    target.removeEventListener('pointerup', up);
    target.removeEventListener('pointercancel', cancel);
  };
}
