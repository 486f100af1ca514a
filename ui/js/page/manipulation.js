// Things moved under a finger: a list scrolled (and left to glide), an item swiped to the
// next one, a photo zoomed, panned and pushed past its edge. The decisions are the pure
// recognisers' (logic/gestures.js, logic/zoom.js); this applies them to the elements.

import { settle } from '../logic/gestures.js';
import { WHOLE, atEdge, doubleTapped, panned, pinched } from '../logic/zoom.js';
import { holdScroll } from './drag-scroll.js';
import { arrive, follow, leave, springBack } from './swipe-follow.js';

export class Manipulation {
  #page;
  #swipeableOn;
  #step;
  /** What the drag under way moves: `{kind: 'scroll' | 'swipe' | 'pan', …}`, or null. */
  #drag = null;
  /** The zoom when the pinch under way began, or null. */
  #pinchFrom = null;
  #glide = null;
  #zoom = WHOLE;

  /**
   * `page`: the Page. `swipeableOn(screen)`: the element a sideways drag moves on `screen`.
   * `step(kind, direction)`: moves on to the next item (+1) or the previous one (-1) once a
   * swipe has taken the old one away.
   */
  constructor(page, swipeableOn, step) {
    this.#page = page;
    this.#swipeableOn = swipeableOn;
    this.#step = step;
  }

  /** A finger went down: a list still gliding stops under it. */
  press() {
    this.#glide?.stop();
    this.#glide = null;
  }

  /** A new screen: whatever was zoomed or moved is left behind. */
  reset() {
    this.#zoom = WHOLE;
    this.#drag = null;
    this.#pinchFrom = null;
  }

  doubleTap(screen, { x, y }) {
    const box = screen === 'viewer' ? this.#photoBox() : null;
    if (!box) return;
    const frame = box.frame.getBoundingClientRect();
    this.#setZoom(doubleTapped(this.#zoom, x - frame.left, y - frame.top, box), true);
  }

  dragStart(screen, { axis, x, y }) {
    if (screen === 'viewer' && this.#zoom.scale > 1) {
      this.#drag = { kind: 'pan', from: this.#zoom };
    } else if (axis === 'y') {
      const scroller = this.#page.scrollerAt(x, y);
      if (scroller) this.#drag = { kind: 'scroll', hold: holdScroll(scroller) };
    } else {
      const element = this.#swipeableOn(screen);
      if (element) this.#drag = { kind: 'swipe', element, screen };
    }
  }

  drag({ dx, dy }) {
    const drag = this.#drag;
    if (drag?.kind === 'scroll') drag.hold.move(dy);
    if (drag?.kind === 'swipe') follow(drag.element, dx);
    if (drag?.kind === 'pan') {
      const box = this.#photoBox();
      if (box) this.#setZoom(panned(drag.from, dx, dy, box), false);
    }
  }

  dragEnd({ dx, vx, vy }) {
    const drag = this.#drag;
    this.#drag = null;
    if (drag?.kind === 'scroll') {
      drag.hold.release(vy);
      this.#glide = drag.hold;
    }
    if (drag?.kind === 'swipe') {
      const direction = settle(dx, vx, drag.element.getBoundingClientRect().width);
      const kind = drag.screen === 'home' ? 'home' : drag.screen;
      if (direction === 0) springBack(drag.element);
      else {
        leave(drag.element, direction, () => {
          this.#step(kind, direction);
          // The next item eases in from the side the finger came from.
          arrive(this.#swipeableOn(drag.screen), direction);
        });
      }
    }
    if (drag?.kind === 'pan') {
      // A picture dragged hard against its edge moves on to the next one.
      const box = this.#photoBox();
      const direction = settle(dx, vx, box?.frameWidth ?? 1);
      if (direction !== 0 && atEdge(this.#zoom, -direction, box)) this.#step('viewer', direction);
    }
  }

  dragCancel() {
    const drag = this.#drag;
    this.#drag = null;
    if (drag?.kind === 'swipe') springBack(drag.element);
  }

  pinchStart(screen) {
    if (screen === 'viewer') this.#pinchFrom = this.#zoom;
  }

  pinch(gesture) {
    const box = this.#photoBox();
    if (!this.#pinchFrom || !box) return;
    const frame = box.frame.getBoundingClientRect();
    const at = { ...gesture, x: gesture.x - frame.left, y: gesture.y - frame.top };
    this.#setZoom(pinched(this.#pinchFrom, at, box), false);
  }

  pinchEnd() {
    this.#pinchFrom = null;
  }

  /** The viewer's frame and the photo's size in it at scale 1, or null off the viewer. */
  #photoBox() {
    const found = this.#page.viewerPhoto;
    if (!found) return null;
    const { frame, photo } = found;
    const f = frame.getBoundingClientRect();
    const ratio = photo.naturalWidth && photo.naturalHeight
      ? photo.naturalWidth / photo.naturalHeight
      : Number(photo.getAttribute('width')) / Number(photo.getAttribute('height'));
    const width = Math.min(f.width, f.height * ratio);
    return { frame, photo, frameWidth: f.width, frameHeight: f.height, width, height: width / ratio };
  }

  #setZoom(zoom, animate) {
    this.#zoom = zoom;
    const photo = this.#page.viewerPhoto?.photo;
    if (!photo) return;
    photo.style.transition = animate ? 'transform var(--settle) ease-out' : 'none';
    photo.style.transform = zoom.scale === 1 && zoom.x === 0 && zoom.y === 0
      ? ''
      : `translate(${zoom.x}px, ${zoom.y}px) scale(${zoom.scale})`;
    this.#page.markZoom(zoom.scale);
  }
}
