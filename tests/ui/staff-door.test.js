import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DRIFT_STEPS, HOLD_MS, StaffDoor, THEN_WITHIN_MS, drift } from '../../ui/js/logic/staff-door.js';

const [W, H] = [1920, 1080];

test('a long press top left, then a tap top right, opens the door', () => {
  const door = new StaffDoor();
  door.longPress(20, 30, HOLD_MS + 10, 1000, W, H);
  assert.ok(door.tap(W - 20, 40, 2000, W, H));
});

test('a short press, the wrong corner or a late tap opens nothing', () => {
  const door = new StaffDoor();
  door.longPress(20, 30, HOLD_MS - 10, 0, W, H);
  assert.ok(!door.tap(W - 20, 40, 100, W, H), 'the press was too short');
  door.longPress(W / 2, 30, HOLD_MS, 0, W, H);
  assert.ok(!door.tap(W - 20, 40, 100, W, H), 'not in a corner');
  door.longPress(20, 30, HOLD_MS, 0, W, H);
  assert.ok(!door.tap(W - 20, H - 20, 100, W, H), 'the second tap is top right, not bottom right');
  door.longPress(20, 30, HOLD_MS, 0, W, H);
  assert.ok(!door.tap(W - 20, 40, THEN_WITHIN_MS + 1, W, H), 'too late');
});

test('any other tap in between disarms it', () => {
  const door = new StaffDoor();
  door.longPress(20, 30, HOLD_MS, 0, W, H);
  assert.ok(!door.tap(500, 500, 100, W, H));
  assert.ok(!door.tap(W - 20, 40, 200, W, H));
});

test('fixed elements drift a few pixels, round and round', () => {
  assert.deepEqual(drift(0), [0, 0]);
  assert.deepEqual(drift(DRIFT_STEPS.length), [0, 0]);
  for (const [x, y] of DRIFT_STEPS) assert.ok(Math.abs(x) <= 3 && Math.abs(y) <= 3);
});
