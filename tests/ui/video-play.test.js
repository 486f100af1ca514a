import { test, mock } from 'node:test';
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

function watched(seconds = 4) {
  const video = new Video();
  const troubles = [];
  const stop = playWatched(video, seconds, (why) => troubles.push(why));
  return { video, troubles, stop };
}

test('a video whose position stops moving is reported once, after STALL_MS', () => {
  mock.timers.enable({ apis: ['setInterval'] });
  try {
    const { video, troubles } = watched();
    for (let ms = 0; ms < 1000; ms += 250) {
      video.currentTime += 0.25;
      mock.timers.tick(250);
    }
    assert.deepEqual(troubles, [], 'moving: fine');
    mock.timers.tick(STALL_MS - 250);
    assert.deepEqual(troubles, [], 'not yet');
    mock.timers.tick(500);
    assert.deepEqual(troubles, ['stalled']);
    mock.timers.tick(10_000);
    assert.deepEqual(troubles, ['stalled'], 'said once');
  } finally {
    mock.timers.reset();
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
  mock.timers.enable({ apis: ['setInterval'] });
  try {
    const { video, troubles, stop } = watched(0);
    video.ended = true;
    video.dispatchEvent(new Event('ended'));
    mock.timers.tick(STALL_MS * 3);
    assert.deepEqual(troubles, [], 'it ended where it should and rests there');
    stop();
    const left = watched();
    left.stop();
    mock.timers.tick(STALL_MS * 3);
    left.video.dispatchEvent(new Event('error'));
    assert.deepEqual(left.troubles, []);
  } finally {
    mock.timers.reset();
  }
});
