// An item (a slide, a story, a photo) that follows a finger sideways, then either springs
// back or leaves for the next one. Only `transform` and `opacity` change, and the item is
// its own compositing layer while it moves, so following the finger repaints nothing.

/** How long an item takes to spring back or leave, in ms (the CSS --settle token). */
const SETTLE_MS = 220;

/** Moves `element` to `dx`, at the next frame (several moves within a frame cost one). */
export function follow(element, dx) {
  element.style.willChange = 'transform';
  element.style.transition = 'none';
  element.dataset.followX = String(dx);
  if (element.dataset.followFrame) return;
  element.dataset.followFrame = String(requestAnimationFrame(() => {
    delete element.dataset.followFrame;
    if (element.dataset.followX !== undefined) element.style.transform = `translateX(${element.dataset.followX}px)`;
  }));
}

export function springBack(element) {
  stopFollowing(element);
  element.style.transition = `transform ${SETTLE_MS}ms ease-out`;
  element.style.transform = '';
  setTimeout(() => {
    element.style.willChange = '';
  }, SETTLE_MS);
}

/**
 * Slides `element` out towards `direction` (+1: the next item comes from the right, so this
 * one leaves to the left), then calls `done`, which puts the new item in place; the new
 * item eases in from the other side.
 */
export function leave(element, direction, done) {
  stopFollowing(element);
  element.style.transition = `transform ${SETTLE_MS}ms ease-in, opacity ${SETTLE_MS}ms ease-in`;
  element.style.transform = `translateX(${-direction * 40}%)`;
  element.style.opacity = '0';
  setTimeout(done, SETTLE_MS);
}

/** Eases a freshly drawn item in from the side `direction` points to. */
export function arrive(element, direction) {
  if (!element) return;
  element.style.transition = 'none';
  element.style.transform = `translateX(${direction * 30}%)`;
  element.style.opacity = '0';
  element.getBoundingClientRect();
  element.style.transition = `transform ${SETTLE_MS}ms ease-out, opacity ${SETTLE_MS}ms ease-out`;
  element.style.transform = '';
  element.style.opacity = '';
}

/** Drops a move still waiting for its frame. */
function stopFollowing(element) {
  if (element.dataset.followFrame) cancelAnimationFrame(Number(element.dataset.followFrame));
  delete element.dataset.followFrame;
  delete element.dataset.followX;
}
