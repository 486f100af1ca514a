// An item (a slide, a story, a photo) that follows a finger sideways, then either springs
// back or leaves for the next one. Only `transform` and `opacity` change.
//
// While it follows the finger the item is lifted: drawn at LIFTED_SCALE, like a card
// picked up. That is also what keeps it smooth on a computer without a GPU, where WebKit
// paints every pixel the item covers at every frame: a smaller item is fewer pixels.

/** The size of an item following a finger, against its size at rest. */
const LIFTED_SCALE = 0.8;

/**
 * How long an item takes to spring back or leave, in ms: the CSS --settle token, which is
 * 0 where the screen asks for reduced motion.
 */
function settleMs(element) {
  return parseFloat(getComputedStyle(element).getPropertyValue('--settle')) || 0;
}

/**
 * Items following a finger, each with where it goes at the next frame. Kept here rather
 * than in the element's attributes: a changed attribute sends the page back to style.
 */
const following = new WeakMap();

/** Moves `element` to `dx`, at the next frame (several moves within a frame cost one). */
export function follow(element, dx) {
  let move = following.get(element);
  if (!move) {
    // With a GPU, its own layer from the first move, so each frame only moves it.
    element.style.willChange = 'transform';
    element.style.transition = 'none';
    move = { dx, frame: 0 };
    following.set(element, move);
  }
  move.dx = dx;
  if (move.frame) return;
  move.frame = requestAnimationFrame(() => {
    move.frame = 0;
    element.style.transform = `translateX(${move.dx}px) scale(${LIFTED_SCALE})`;
  });
}

export function springBack(element) {
  stopFollowing(element);
  element.style.transition = 'transform var(--settle) ease-out';
  element.style.transform = '';
  setTimeout(() => {
    element.style.willChange = '';
  }, settleMs(element));
}

/**
 * Slides `element` out towards `direction` (+1: the next item comes from the right, so this
 * one leaves to the left), then calls `done`, which puts the new item in place; the new
 * item eases in from the other side.
 */
export function leave(element, direction, done) {
  stopFollowing(element);
  element.style.transition = 'transform var(--settle) ease-in, opacity var(--settle) ease-in';
  element.style.transform = `translateX(${-direction * 40}%) scale(${LIFTED_SCALE})`;
  element.style.opacity = '0';
  setTimeout(done, settleMs(element));
}

/** Eases a freshly drawn item in from the side `direction` points to. */
export function arrive(element, direction) {
  if (!element) return;
  element.style.transition = 'none';
  element.style.transform = `translateX(${direction * 30}%) scale(${LIFTED_SCALE})`;
  element.style.opacity = '0';
  element.getBoundingClientRect();
  element.style.transition = 'transform var(--settle) ease-out, opacity var(--settle) ease-out';
  element.style.transform = '';
  element.style.opacity = '';
}

/** Drops a move still waiting for its frame. */
function stopFollowing(element) {
  const move = following.get(element);
  if (move?.frame) cancelAnimationFrame(move.frame);
  following.delete(element);
}
