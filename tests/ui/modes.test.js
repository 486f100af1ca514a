import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  COUNTDOWN_SECONDS, WAKE_MS, attract, isResting, next, nextTickAt, secondsLeft,
} from '../../ui/js/logic/modes.js';

const settings = { defaultLanguage: 'zh', languages: ['zh', 'en'], idleSeconds: 60 };
const at = (seconds) => seconds * 1000;

/** Plays `events` ([seconds, event]) from the attract state; returns every state. */
function play(events) {
  let state = attract(settings);
  return events.map(([seconds, event]) => (state = next(state, event, at(seconds), settings)));
}

test('the kiosk starts in attract mode on the slideshow, in the default language', () => {
  assert.deepEqual(attract(settings), {
    mode: 'attract', screen: 'home', item: null, lang: 'zh', lastTouch: null, closed: false, awakeUntil: null, reach: false,
  });
});

test('the first touch anywhere wakes the kiosk on the slide that was up', () => {
  const [woken] = play([[5, { type: 'touch' }]]);
  assert.equal(woken.mode, 'interactive');
  assert.equal(woken.screen, 'home');
  assert.equal(woken.lastTouch, at(5));
});

test('screens and languages change only once someone is using the kiosk', () => {
  const [ignored] = play([[1, { type: 'go', screen: 'contact' }]]);
  assert.equal(ignored.mode, 'attract');
  const states = play([
    [1, { type: 'touch' }],
    [2, { type: 'go', screen: 'story', item: 'base-unveiled' }],
    [3, { type: 'language', lang: 'en' }],
  ]);
  assert.deepEqual(states.at(-1), {
    mode: 'interactive', screen: 'story', item: 'base-unveiled', lang: 'en', lastTouch: at(3), closed: false, awakeUntil: null, reach: false,
  });
});

test('reach mode is turned on and off by a visitor, stays on for the visit and ends with it', () => {
  const [ignored] = play([[1, { type: 'reach' }]]);
  assert.equal(ignored.reach, false, 'nobody is using the kiosk: the slideshow stays as it is');
  const states = play([
    [0, { type: 'touch' }],
    [1, { type: 'reach' }],
    [2, { type: 'go', screen: 'contact' }],
    [3, { type: 'language', lang: 'en' }],
    [4, { type: 'reach' }],
    [5, { type: 'reach' }],
    [5 + 60 + COUNTDOWN_SECONDS, { type: 'tick' }],
  ]);
  assert.equal(states[1].reach, true);
  assert.equal(states[1].lastTouch, at(1), 'turning it on is a touch');
  assert.equal(states[3].reach, true, 'it stays on from screen to screen and across languages');
  assert.equal(states[4].reach, false);
  assert.equal(states[5].reach, true);
  assert.deepEqual(states.at(-1), attract(settings), 'the slideshow returns without it');
});

test('a screen or a language the kiosk does not have is refused', () => {
  const states = play([[1, { type: 'touch' }], [2, { type: 'go', screen: 'settings' }], [3, { type: 'language', lang: 'fr' }]]);
  assert.equal(states.at(-1).screen, 'home');
  assert.equal(states.at(-1).lang, 'zh');
});

test('left alone, the kiosk counts down for 20 seconds, then resets everything', () => {
  const states = play([
    [0, { type: 'touch' }],
    [1, { type: 'go', screen: 'viewer', item: 'a.jpg' }],
    [2, { type: 'language', lang: 'en' }],
    [61, { type: 'tick' }],
    [62, { type: 'tick' }],
    [62 + COUNTDOWN_SECONDS - 1, { type: 'tick' }],
    [62 + COUNTDOWN_SECONDS, { type: 'tick' }],
  ]);
  assert.equal(states[3].mode, 'interactive', 'not yet idle for 60 s');
  assert.equal(states[4].mode, 'countdown');
  assert.equal(secondsLeft(states[4], at(62), settings), 20);
  assert.equal(states[5].mode, 'countdown');
  assert.equal(secondsLeft(states[5], at(81), settings), 1);
  assert.deepEqual(states[6], attract(settings), 'language, screen and item are reset');
});

test('a touch during the countdown cancels it and keeps the visitor where they were', () => {
  const states = play([
    [0, { type: 'touch' }],
    [1, { type: 'go', screen: 'contact' }],
    [65, { type: 'tick' }],
    [70, { type: 'touch' }],
    [100, { type: 'tick' }],
  ]);
  assert.equal(states[2].mode, 'countdown');
  assert.equal(states[3].mode, 'interactive');
  assert.equal(states[3].screen, 'contact');
  assert.equal(states[4].mode, 'interactive', 'the idle time starts again from the touch');
});

test('the next tick is due when the countdown starts, then every second, then at its end', () => {
  const [woken] = play([[10, { type: 'touch' }]]);
  assert.equal(nextTickAt(woken, at(11), settings), at(70));
  const counting = next(woken, { type: 'tick' }, at(70), settings);
  assert.equal(nextTickAt(counting, at(70), settings), at(71));
  assert.equal(nextTickAt(counting, at(75.5), settings), at(76));
  assert.equal(nextTickAt(counting, at(89.9), settings), at(90));
  assert.equal(nextTickAt(attract(settings), at(1), settings), null);
});

test('no countdown is shown while nobody is counting down', () => {
  const [woken] = play([[0, { type: 'touch' }]]);
  assert.equal(secondsLeft(woken, at(1), settings), null);
});

test('while the building is closed a touch wakes the screen to the closed card, then it sleeps again', () => {
  let state = next(attract(settings), { type: 'opening', open: false }, at(0), settings);
  assert.ok(isResting(state, at(1)));
  state = next(state, { type: 'touch' }, at(10), settings);
  assert.equal(state.mode, 'interactive');
  assert.equal(state.screen, 'closed', 'the hours and the contacts');
  assert.ok(!isResting(state, at(11)));
  state = next(state, { type: 'tick' }, at(10 + 60 + COUNTDOWN_SECONDS), settings);
  assert.equal(state.mode, 'attract');
  assert.ok(isResting(state, at(91)), 'asleep again at once');
});

test('a visit that goes on from the closed card keeps the screen awake a while after', () => {
  let state = next(attract(settings), { type: 'opening', open: false }, at(0), settings);
  state = next(state, { type: 'touch' }, at(10), settings);
  state = next(state, { type: 'go', screen: 'highlights' }, at(12), settings);
  state = next(state, { type: 'tick' }, at(12 + 60 + COUNTDOWN_SECONDS), settings);
  assert.equal(state.mode, 'attract');
  assert.ok(!isResting(state, at(100)), 'awake a while after the visit');
  assert.equal(nextTickAt(state, at(100), settings), at(92) + WAKE_MS);
  state = next(state, { type: 'tick' }, at(92) + WAKE_MS, settings);
  assert.ok(isResting(state, at(93) + WAKE_MS), 'then resting again');
});

test('opening time brings a visitor on the closed card home', () => {
  let state = next(attract(settings), { type: 'opening', open: false }, at(0), settings);
  state = next(state, { type: 'touch' }, at(10), settings);
  state = next(state, { type: 'opening', open: true }, at(11), settings);
  assert.equal(state.screen, 'home');
  assert.equal(state.closed, false);
});

test('opening time ends the rest', () => {
  let state = next(attract(settings), { type: 'opening', open: false }, at(0), settings);
  state = next(state, { type: 'opening', open: true }, at(5), settings);
  assert.ok(!isResting(state, at(6)));
  assert.equal(state, next(state, { type: 'opening', open: true }, at(7), settings), 'no change, same state');
});

test('lifting the finger keeps a visit going but never starts one', () => {
  const [woken] = play([[5, { type: 'touch' }]]);
  assert.equal(next(woken, { type: 'release' }, at(9), settings).lastTouch, at(9));
  assert.equal(next(attract(settings), { type: 'release' }, at(9), settings).mode, 'attract');
});
