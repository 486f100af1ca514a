import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatStamp, formatTime } from '../../ui/js/logic/i18n.js';
import { WallClock } from '../../ui/js/logic/wall-clock.js';

test('the time shown is the backend\'s wall time, whatever the engine thinks the zone is', () => {
  let engine = Date.UTC(2026, 10, 30, 9, 59, 50); // the engine's clock (ms since 1970)
  const clock = new WallClock(() => engine);
  // The backend: 17:59:50 local (a test clock, or a POSIX TZ the engine cannot read), UTC+8.
  clock.set({ wallMs: Date.UTC(2026, 10, 30, 17, 59, 50), utcOffsetMinutes: 480 });
  assert.equal(formatTime(clock.now()), '17:59');
  engine += 15_000;
  assert.equal(formatTime(clock.now()), '18:00', 'and it runs on with the engine\'s clock');
  // A time the backend stamped (ms since 1970) is shown in the backend's zone.
  assert.equal(formatStamp(clock.at(Date.UTC(2026, 11, 3, 1, 2, 3))), '2026/12/3 09:02:03');
});
