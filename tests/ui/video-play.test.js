import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STALL_MS, playWatched } from '../../ui/js/page/video-play.js';

/** What the watchdog reads of a video element: its position, whether it ended, its events. */
class Video extends EventTarget {
  currentTime = 0;
  ended = false;
  play() {
    return Promise.resolve();
  }
}

/**
 * setInterval and clearInterval replaced by a clock the test moves (`tick(ms)`), the same
 * on every Node version; `restore()` puts the real ones back.
 */
function manualClock() {
  const real = { setInterval, clearInterval };
  const timers = new Map();
  let now = 0;
  let ids = 0;
  globalThis.setInterval = (fn, ms) => {
    timers.set(++ids, { fn, ms, next: now + ms });
    return ids;
  };
  globalThis.clearInterval = (id) => timers.delete(id);
  return {
    tick(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.values()].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
        if (!due) break;
        now = due.next;
        due.next += due.ms;
        due.fn();
      }
      now = end;
    },
    restore() {
      Object.assign(globalThis, real);
    },
  };
}

function watched(seconds = 4) {
  const video = new Video();
  const troubles = [];
  const stop = playWatched(video, seconds, (why) => troubles.push(why));
  return { video, troubles, stop };
}

test('a video whose position stops moving is reported once, after STALL_MS', () => {
  const clock = manualClock();
  try {
    const { video, troubles } = watched();
    for (let ms = 0; ms < 1000; ms += 250) {
      video.currentTime += 0.25;
      clock.tick(250);
    }
    assert.deepEqual(troubles, [], 'moving: fine');
    clock.tick(STALL_MS - 250);
    assert.deepEqual(troubles, [], 'not yet');
    clock.tick(500);
    assert.deepEqual(troubles, ['stalled']);
    clock.tick(10_000);
    assert.deepEqual(troubles, ['stalled'], 'said once');
  } finally {
    clock.restore();
  }
});

test('a video that fails to decode, or ends long before its length, is reported', () => {
  const broken = watched();
  broken.video.dispatchEvent(new Event('error'));
  assert.deepEqual(broken.troubles, ['error']);
  const cut = watched(4);
  cut.video.ended = true;
  cut.video.dispatchEvent(new Event('ended'));
  assert.deepEqual(cut.troubles, ['cut short']);
  cut.stop();
  broken.stop();
});

test('a video resting on its last frame, or whose slide has gone, is not reported', () => {
  const clock = manualClock();
  try {
    const { video, troubles, stop } = watched(0);
    video.ended = true;
    video.dispatchEvent(new Event('ended'));
    clock.tick(STALL_MS * 3);
    assert.deepEqual(troubles, [], 'it ended where it should and rests there');
    stop();
    const left = watched();
    left.stop();
    clock.tick(STALL_MS * 3);
    left.video.dispatchEvent(new Event('error'));
    assert.deepEqual(left.troubles, []);
  } finally {
    clock.restore();
  }
});
