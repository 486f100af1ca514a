import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_VISIT, byStaff, countChange } from '../../ui/js/logic/visits.js';

const attract = { mode: 'attract', screen: 'home', item: null, lang: 'zh', lastTouch: null };
const at = (changes) => ({ ...attract, mode: 'interactive', ...changes });

test('a visit lasts from the first touch to the last, counted when the slideshow returns', () => {
  let { events, visit } = countChange(attract, at({ lastTouch: 1000 }), NO_VISIT);
  assert.deepEqual(events, []);
  assert.equal(visit.start, 1000);
  const last = at({ lastTouch: 43_000 });
  ({ events, visit } = countChange(last, { ...attract, lastTouch: 43_000 }, visit));
  assert.deepEqual(events, [{ kind: 'visit', seconds: 42 }]);
  assert.deepEqual(visit, NO_VISIT);
});

test('each screen opened and each language chosen is counted; home is not', () => {
  const visit = { start: 0, staff: false };
  const story = countChange(at({}), at({ screen: 'story', item: 'patent-awards' }), visit);
  assert.deepEqual(story.events, [{ kind: 'screen', screen: 'story', item: 'patent-awards' }]);
  assert.deepEqual(countChange(at({ screen: 'story' }), at({ screen: 'home' }), visit).events, []);
  assert.deepEqual(countChange(at({}), at({ lang: 'en' }), visit).events, [{ kind: 'language', lang: 'en' }]);
});

test('reach mode turned on is counted as a screen of its own; turned off it is not', () => {
  const visit = { start: 0, staff: false };
  assert.deepEqual(countChange(at({}), at({ reach: true }), visit).events, [{ kind: 'screen', screen: 'reach', item: null }]);
  assert.deepEqual(countChange(at({ reach: true }), at({ reach: false }), visit).events, []);
  assert.deepEqual(countChange(at({ reach: true }), at({ reach: true, screen: 'contact' }), visit).events, [
    { kind: 'screen', screen: 'contact', item: null },
  ]);
});

test('a member of staff at the panel is not a visit', () => {
  const started = countChange(attract, at({ lastTouch: 0 }), NO_VISIT).visit;
  const { events } = countChange(at({ lastTouch: 9000 }), attract, byStaff(started));
  assert.deepEqual(events, []);
});
