import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DOUBLE_TAP_MS, GestureRecognizer, TAP_MAX_MOVE_PX, TAP_MAX_MS, settle,
} from '../../ui/js/logic/gestures.js';

/** Feeds `points` ([id, phase, x, y, t]) and returns the types of every gesture seen. */
function play(points, recognizer = new GestureRecognizer()) {
  return points.flatMap(([id, phase, x, y, t]) => recognizer.feed({ id, phase, x, y, t }));
}
const types = (events) => events.map((e) => e.type);

/** A finger moving from (x0, y0) to (x1, y1) in `steps` moves over `ms`. */
function slide(id, x0, y0, x1, y1, ms, t0 = 0, steps = 10) {
  const points = [[id, 'down', x0, y0, t0]];
  for (let i = 1; i <= steps; i += 1) {
    points.push([id, 'move', x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps, t0 + (ms * i) / steps]);
  }
  points.push([id, 'up', x1, y1, t0 + ms]);
  return points;
}

test('a short press in place is a tap', () => {
  const events = play([['f', 'down', 100, 100, 0], ['f', 'move', 103, 98, 50], ['f', 'up', 104, 97, 120]]);
  assert.deepEqual(types(events), ['press', 'tap', 'release']);
  assert.deepEqual(events[1], { type: 'tap', x: 100, y: 100 });
});

test('the first finger down is reported at once, before anything is recognised', () => {
  assert.deepEqual(play([['f', 'down', 5, 5, 0]]), [{ type: 'press', x: 5, y: 5 }]);
});

test('a finger that travels is dragging, not tapping', () => {
  const events = play(slide('f', 100, 100, 100 + TAP_MAX_MOVE_PX * 4, 100, 300));
  assert.ok(!types(events).includes('tap'));
  assert.deepEqual(types(events).slice(0, 2), ['press', 'dragstart']);
  assert.equal(events.find((e) => e.type === 'dragstart').axis, 'x');
  assert.equal(types(events).at(-2), 'dragend');
});

test('a swipe to the left reports its distance and speed', () => {
  const events = play(slide('f', 800, 500, 400, 510, 200));
  const end = events.find((e) => e.type === 'dragend');
  assert.equal(end.axis, 'x');
  assert.equal(end.dx, -400);
  assert.ok(end.vx < -1.5 && end.vx > -2.5, `vx ${end.vx}`);
});

test('a mostly vertical drag is a scroll on the y axis', () => {
  const events = play(slide('f', 500, 800, 520, 300, 400));
  assert.equal(events.find((e) => e.type === 'dragstart').axis, 'y');
  const drags = events.filter((e) => e.type === 'drag');
  assert.equal(drags.at(-1).dy, -500);
});

test('a press held too long is a long press and never a tap', () => {
  const events = play([['f', 'down', 10, 10, 0], ['f', 'up', 10, 10, TAP_MAX_MS + 1]]);
  assert.deepEqual(types(events), ['press', 'longpress', 'release']);
  assert.equal(events[1].ms, TAP_MAX_MS + 1);
});

test('two quick taps in one place are a double tap; the first is still a tap at once', () => {
  const recognizer = new GestureRecognizer();
  const first = play([['a', 'down', 300, 300, 0], ['a', 'up', 300, 300, 80]], recognizer);
  assert.deepEqual(types(first), ['press', 'tap', 'release']);
  const second = play([['b', 'down', 310, 305, 200], ['b', 'up', 310, 305, 260]], recognizer);
  assert.deepEqual(types(second), ['press', 'tap', 'doubletap', 'release']);
  const third = play([['c', 'down', 310, 305, 400], ['c', 'up', 310, 305, 450]], recognizer);
  assert.deepEqual(types(third), ['press', 'tap', 'release'], 'a third tap starts over');
});

test('taps too far apart in time or place are two taps', () => {
  const recognizer = new GestureRecognizer();
  play([['a', 'down', 300, 300, 0], ['a', 'up', 300, 300, 50]], recognizer);
  const late = play([['b', 'down', 300, 300, 60 + DOUBLE_TAP_MS], ['b', 'up', 300, 300, 100 + DOUBLE_TAP_MS]], recognizer);
  assert.ok(!types(late).includes('doubletap'));
  const far = play([['c', 'down', 600, 300, 200 + DOUBLE_TAP_MS], ['c', 'up', 600, 300, 220 + DOUBLE_TAP_MS]], recognizer);
  assert.ok(!types(far).includes('doubletap'));
});

test('two fingers spreading apart are a pinch that zooms in, and never a tap or a swipe', () => {
  const events = play([
    ['a', 'down', 400, 400, 0],
    ['b', 'down', 500, 400, 10],
    ['a', 'move', 350, 400, 50],
    ['b', 'move', 550, 400, 50],
    ['a', 'move', 300, 400, 100],
    ['b', 'move', 600, 400, 100],
    ['a', 'up', 300, 400, 150],
    ['b', 'up', 600, 400, 160],
  ]);
  assert.deepEqual([...new Set(types(events))], ['press', 'pinchstart', 'pinch', 'pinchend', 'release']);
  const last = events.filter((e) => e.type === 'pinch').at(-1);
  assert.equal(last.scale, 3);
  assert.equal(last.x, 450);
});

test('a second finger joining a drag cancels it', () => {
  const events = play([
    ['a', 'down', 100, 100, 0],
    ['a', 'move', 200, 100, 50],
    ['b', 'down', 400, 400, 60],
    ['a', 'up', 200, 100, 100],
    ['b', 'up', 400, 400, 110],
  ]);
  assert.deepEqual(types(events), ['press', 'dragstart', 'drag', 'dragcancel', 'pinchstart', 'pinchend', 'release']);
});

test('after a pinch the finger left behind neither taps nor drags', () => {
  const events = play([
    ['a', 'down', 100, 100, 0],
    ['b', 'down', 300, 100, 10],
    ['b', 'up', 300, 100, 60],
    ['a', 'move', 400, 100, 100],
    ['a', 'up', 400, 100, 120],
  ]);
  assert.deepEqual(types(events), ['press', 'pinchstart', 'pinchend', 'release']);
});

test('a cancelled touch (the system took it) ends without a tap', () => {
  const events = play([['f', 'down', 10, 10, 0], ['f', 'cancel', 10, 10, 50]]);
  assert.deepEqual(types(events), ['press', 'release']);
});

test('points for an unknown finger are ignored', () => {
  assert.deepEqual(play([['x', 'move', 1, 1, 0], ['x', 'up', 1, 1, 1]]), []);
});

test('a swipe settles on the next item, the previous one, or springs back', () => {
  const width = 1000;
  assert.equal(settle(-300, -0.1, width), 1, 'far enough to the left');
  assert.equal(settle(300, 0.1, width), -1, 'far enough to the right');
  assert.equal(settle(-100, -0.1, width), 0, 'too short and slow: back');
  assert.equal(settle(-100, -0.9, width), 1, 'short but quick');
  assert.equal(settle(-100, 0.9, width), 0, 'a flick back the other way');
});
