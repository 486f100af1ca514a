// The glide of a list after the finger lets go mid-flick, slowing down as a physical list
// would. Plain numbers, no DOM: time is passed in.

/** How quickly a glide dies away: after this long it has gone 63 % of its way. */
export const GLIDE_TIME_MS = 325;
/** Slower flicks than this (px/ms) do not glide at all. */
export const MIN_GLIDE_SPEED = 0.1;

/** How far a flick at `velocity` px/ms has carried the list `elapsed` ms after release. */
export function glideOffset(velocity, elapsed) {
  if (Math.abs(velocity) < MIN_GLIDE_SPEED) return 0;
  return velocity * GLIDE_TIME_MS * (1 - Math.exp(-elapsed / GLIDE_TIME_MS));
}

/** Whether the glide has as good as stopped (less than half a pixel still to go). */
export function glideDone(velocity, elapsed) {
  return Math.abs(velocity * GLIDE_TIME_MS * Math.exp(-elapsed / GLIDE_TIME_MS)) < 0.5;
}
