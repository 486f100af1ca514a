// An item (a slide, a story, a photo) that follows a finger sideways, then either springs
// back or leaves for the next one. Only `transform` and `opacity` change.

/** How long an item takes to spring back or leave, in ms (the CSS --settle token). */
const SETTLE_MS = 220;

export function follow(element, dx) {
  element.style.transition = 'none';
  element.style.transform = `translateX(${dx}px)`;
}

export function springBack(element) {
  element.style.transition = `transform ${SETTLE_MS}ms ease-out`;
  element.style.transform = '';
}

/**
 * Slides `element` out towards `direction` (+1: the next item comes from the right, so this
 * one leaves to the left), then calls `done`, which puts the new item in place; the new
 * item eases in from the other side.
 */
export function leave(element, direction, done) {
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
