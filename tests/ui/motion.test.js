import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GLIDE_TIME_MS, glideDone, glideOffset } from '../../ui/js/logic/glide.js';
import { DOUBLE_TAP_SCALE, MAX_SCALE, WHOLE, atEdge, doubleTapped, panned, pinched } from '../../ui/js/logic/zoom.js';

// A 1000x500 picture in a 1000x800 frame.
const box = { frameWidth: 1000, frameHeight: 800, width: 1000, height: 500 };

test('a pinch keeps the spot under the fingers under them', () => {
  // Fingers centred on (750, 400), 250 px right of the frame's centre, spreading to 2x.
  const zoom = pinched(WHOLE, { scale: 2, x: 750, y: 400, dx: 0, dy: 0 }, box);
  assert.equal(zoom.scale, 2);
  // The picture point 250 px right of its centre is now at 2 * 250 + x: still 250.
  assert.equal(2 * 250 + zoom.x, 250);
  assert.equal(zoom.y, 0);
});

test('zoom stays between the whole picture and four times it', () => {
  assert.equal(pinched(WHOLE, { scale: 0.3, x: 500, y: 400, dx: 0, dy: 0 }, box).scale, 1);
  assert.equal(pinched(WHOLE, { scale: 9, x: 500, y: 400, dx: 0, dy: 0 }, box).scale, MAX_SCALE);
});

test('a double tap zooms in at the spot, and a second one shows the whole picture again', () => {
  const zoom = doubleTapped(WHOLE, 600, 400, box);
  assert.equal(zoom.scale, DOUBLE_TAP_SCALE);
  assert.equal(DOUBLE_TAP_SCALE * 100 + zoom.x, 100, 'the tapped spot stays put');
  assert.deepEqual(doubleTapped(zoom, 600, 400, box), WHOLE);
});

test('a zoomed picture pans, but never past its edges', () => {
  const zoom = { scale: 2, x: 0, y: 0 };
  assert.deepEqual(panned(zoom, 300, 0, box), { scale: 2, x: 300, y: 0 });
  assert.deepEqual(panned(zoom, 5000, 5000, box), { scale: 2, x: 500, y: 100 });
  assert.ok(atEdge(panned(zoom, 5000, 0, box), -1, box), 'at its left edge');
  assert.ok(!atEdge(zoom, -1, box));
});

test('at scale 1 the picture does not move at all', () => {
  assert.deepEqual(panned(WHOLE, 300, 300, box), WHOLE);
});

test('a flick glides on and slows to a stop; a slow release does not glide', () => {
  assert.equal(glideOffset(0.05, 100), 0);
  const early = glideOffset(2, 100);
  const late = glideOffset(2, 1000);
  assert.ok(early > 0 && late > early && late < 2 * GLIDE_TIME_MS);
  assert.ok(!glideDone(2, 100));
  assert.ok(glideDone(2, 10 * GLIDE_TIME_MS));
});
