// The one place fingers, pens and mice come in. Whatever the engine sends becomes one
// stream of points for the GestureRecognizer, each finger counted once:
//
// - Engines that give a finger as Touch Events (WebKitGTK) are read from those, with
//   listeners that are not passive, so the page itself never scrolls, zooms or sends the
//   mouse events it would otherwise make up when the finger lifts.
// - Engines that give a finger as Pointer Events too (Chromium sends both, pointer first)
//   are read from the pointer events; the touch events of the same finger are then only
//   stopped, not read again.
// - A mouse or a pen arrives as Pointer Events only.
//
// The pointer type is never looked at: which stream a finger is read from is decided by
// what arrives, and when.

import { GestureRecognizer } from '../logic/gestures.js';

/**
 * A touch that starts this close to a pointer that has just gone down, in place and in
 * time, is the same finger seen twice.
 */
const SAME_FINGER_PX = 2;
const SAME_FINGER_MS = 100;
/**
 * Mouse events an engine makes up after a touch ends arrive within this long, where that
 * finger was.
 */
const AFTER_TOUCH_MS = 1000;
const AFTER_TOUCH_PX = 32;

/**
 * Calls `onGesture(gesture, event)` for every gesture on `root` (see gestures.js),
 * `onActivate(element, event)` when a control is activated from a keyboard (Enter, Space:
 * a click with no pointer), and `cursor.moved()` / `cursor.hide()` when a mouse moves / a
 * finger touches. Also stops what a browser would do by itself with fingers: zoom, scroll,
 * select, drag images, open a menu.
 */
export function listenForGestures(root, onGesture, onActivate, cursor) {
  const recognizer = new GestureRecognizer();
  const feed = (point, event) => {
    for (const gesture of recognizer.feed(point)) onGesture(gesture, event);
  };
  const followedPointers = new Set();
  const recentPointerDowns = [];
  const touchesSeenAsPointers = new Set();
  // Fingers read from Touch Events, and where and when the last of them moved: a mouse
  // press there a moment later is the engine's own copy of that finger.
  const touchFingers = new Set();
  let lastTouchFinger = { x: 0, y: 0, t: -Infinity };
  const copiesATouch = (event) => event.timeStamp - lastTouchFinger.t < AFTER_TOUCH_MS
    && Math.hypot(event.clientX - lastTouchFinger.x, event.clientY - lastTouchFinger.y) <= AFTER_TOUCH_PX;

  // Pointer Events: mouse, pen, and fingers on engines that map them.
  const pointer = (phase) => (event) => {
    const id = `p${event.pointerId}`;
    if (phase === 'down') {
      if (touchFingers.size > 0 || copiesATouch(event)) return;
      if (event.button > 0) return;
      followedPointers.add(id);
      recentPointerDowns.push({ x: event.clientX, y: event.clientY, t: event.timeStamp });
      if (recentPointerDowns.length > 10) recentPointerDowns.shift();
    } else if (!followedPointers.has(id)) {
      return;
    }
    if (phase === 'up' || phase === 'cancel') followedPointers.delete(id);
    feed({ id, phase, x: event.clientX, y: event.clientY, t: event.timeStamp }, event);
  };
  // A pointer moving with nothing pressed is a mouse (a finger is never in the air).
  root.addEventListener('pointermove', (event) => {
    if (event.buttons === 0 && !copiesATouch(event)) cursor.moved();
  });
  root.addEventListener('pointerdown', pointer('down'));
  root.addEventListener('pointermove', pointer('move'));
  root.addEventListener('pointerup', pointer('up'));
  root.addEventListener('pointercancel', pointer('cancel'));

  // Touch Events: fingers on engines that do not map them to pointers.
  const touch = (phase) => (event) => {
    if (event.cancelable) event.preventDefault();
    if (phase === 'down') cursor.hide();
    const ends = phase === 'up' || phase === 'cancel';
    for (const finger of event.changedTouches) {
      const id = `t${finger.identifier}`;
      if (phase === 'down' && isAlsoAPointer(finger, event.timeStamp)) touchesSeenAsPointers.add(id);
      if (touchesSeenAsPointers.has(id)) {
        if (ends) touchesSeenAsPointers.delete(id);
        continue;
      }
      if (phase === 'down') touchFingers.add(id);
      if (!touchFingers.has(id)) continue;
      if (ends) touchFingers.delete(id);
      lastTouchFinger = { x: finger.clientX, y: finger.clientY, t: event.timeStamp };
      feed({ id, phase, x: finger.clientX, y: finger.clientY, t: event.timeStamp }, event);
    }
  };
  const isAlsoAPointer = (finger, t) => recentPointerDowns.some((down) => t - down.t <= SAME_FINGER_MS
    && Math.abs(down.x - finger.clientX) <= SAME_FINGER_PX && Math.abs(down.y - finger.clientY) <= SAME_FINGER_PX);
  const active = { passive: false };
  root.addEventListener('touchstart', touch('down'), active);
  root.addEventListener('touchmove', touch('move'), active);
  root.addEventListener('touchend', touch('up'), active);
  root.addEventListener('touchcancel', touch('cancel'), active);

  root.addEventListener('click', (event) => {
    if (event.detail === 0) onActivate(event.target, event);
  });

  preventBrowserGestures(root);
}

/** A kiosk is not a browser: no menus, selections, dragged images, or zoom of the page. */
function preventBrowserGestures(root) {
  const stop = (event) => event.preventDefault();
  for (const type of ['contextmenu', 'selectstart', 'dragstart', 'dblclick', 'gesturestart', 'gesturechange', 'gestureend']) {
    root.addEventListener(type, stop);
  }
  // Ctrl + wheel, and a touchpad pinch (which arrives as one), would zoom the page.
  root.addEventListener('wheel', (event) => {
    if (event.ctrlKey) event.preventDefault();
  }, { passive: false });
}
