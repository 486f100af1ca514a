// Scrolling a list or a story by dragging it, and letting it glide on after a flick. The
// page's own scrolling is off (fingers are read by input.js), so the kiosk scrolls itself,
// the same way for a finger, a pen and a mouse.

import { glideDone, glideOffset } from '../logic/glide.js';

/** Takes hold of `element` (a `.scroll`) for one drag. */
export function holdScroll(element) {
  const start = element.scrollTop;
  let frame = 0;
  return {
    /** The finger has moved `dy` px since it touched (down is positive). */
    move(dy) {
      element.scrollTop = start - dy;
    },
    /** The finger let go at `vy` px/ms: glide on from where the list is. */
    release(vy) {
      const from = element.scrollTop;
      const t0 = performance.now();
      const step = (t) => {
        const elapsed = t - t0;
        element.scrollTop = from - glideOffset(vy, elapsed);
        if (!glideDone(vy, elapsed)) frame = requestAnimationFrame(step);
      };
      frame = requestAnimationFrame(step);
    },
    /** A new touch stops a glide where it is. */
    stop() {
      cancelAnimationFrame(frame);
    },
  };
}
