import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TAP_MAX_MOVE_PX, TAP_MAX_MS, isTap } from '../../ui/js/gestures.js';

test('a short press in place is a tap', () => {
  assert.ok(isTap({ x: 100, y: 100, t: 0 }, { x: 104, y: 97, t: 120 }));
});

test('a finger that travels is dragging, not tapping', () => {
  assert.ok(!isTap({ x: 100, y: 100, t: 0 }, { x: 100 + TAP_MAX_MOVE_PX + 1, y: 100, t: 120 }));
});

test('a press held too long is not a tap', () => {
  assert.ok(!isTap({ x: 0, y: 0, t: 0 }, { x: 0, y: 0, t: TAP_MAX_MS + 1 }));
});

test('an up without a matching down is not a tap', () => {
  assert.ok(!isTap(undefined, { x: 0, y: 0, t: 0 }));
});
