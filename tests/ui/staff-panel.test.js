import { test } from 'node:test';
import assert from 'node:assert/strict';
import { opened, update } from '../../ui/js/logic/staff-panel.js';

const RULES = { fewestDigits: 4, mostDigits: 8, panelIdleSeconds: 60 };

/** The panel after `messages`, from a freshly opened keypad whose rules have come. */
function after(...messages) {
  let { panel } = opened();
  ({ panel } = update(panel, { type: 'rules', rules: RULES }));
  let effect = null;
  for (const message of messages) ({ panel, effect } = update(panel, message));
  return { panel, effect };
}

const key = (k) => ({ type: 'key', key: k });

test('the keypad asks for the rules first, and takes no digit before they come', () => {
  const { panel, effect } = opened();
  assert.deepEqual(effect, { call: 'rules' });
  assert.equal(update(panel, key('1')).panel.entered, '');
});

test('digits are taken up to the most a PIN has; back removes one; OK sends the PIN', () => {
  const nine = Array.from('123456789', key);
  assert.equal(after(...nine).panel.entered, '12345678');
  assert.equal(after(key('1'), key('2'), key('back')).panel.entered, '1');
  const { panel, effect } = after(key('2'), key('4'), key('6'), key('8'), key('ok'));
  assert.deepEqual(effect, { call: 'unlock', pin: '2468' });
  assert.equal(panel.entered, '');
});

test('the answer opens the panel with a token, or says why not', () => {
  const open = after({ type: 'unlocked', result: { token: 't', attemptsLeft: 5, lockedSeconds: 0, noPin: false } });
  assert.equal(open.panel.stage, 'panel');
  assert.deepEqual(open.effect, { call: 'report', token: 't' });
  const wrong = after({ type: 'unlocked', result: { token: null, attemptsLeft: 3, lockedSeconds: 0, noPin: false } });
  assert.deepEqual(wrong.panel.message, { key: 'wrongPin', values: { n: 3 } });
  const locked = after({ type: 'unlocked', result: { token: null, attemptsLeft: 0, lockedSeconds: 300, noPin: false } });
  assert.deepEqual(locked.panel.message, { key: 'lockedPin', values: { n: 5 } });
  assert.deepEqual(after({ type: 'unlocked', result: null }).panel.message, { key: 'noPin' });
  assert.equal(after({ type: 'unlocked', result: null }, key('1')).panel.message, null, 'a new try clears it');
});

test('an action is confirmed, carried out with the token, then the report is asked again', () => {
  const open = after({ type: 'unlocked', result: { token: 't', attemptsLeft: 5, lockedSeconds: 0, noPin: false } });
  const asked = update(open.panel, { type: 'ask', act: 'reload' });
  assert.equal(asked.panel.confirming, 'reload');
  const done = update(asked.panel, { type: 'do', act: 'reload' });
  assert.deepEqual(done.effect, { call: 'action', token: 't', act: 'reload' });
  assert.equal(done.panel.confirming, null);
  assert.deepEqual(update(done.panel, { type: 'done' }).effect, { call: 'report', token: 't' });
});

test('closing tells the backend only when a token was given; a lapsed token closes the panel', () => {
  assert.deepEqual(after({ type: 'close' }), { panel: null, effect: null });
  const open = after({ type: 'unlocked', result: { token: 't', attemptsLeft: 5, lockedSeconds: 0, noPin: false } });
  assert.deepEqual(update(open.panel, { type: 'close' }), { panel: null, effect: { call: 'close', token: 't' } });
  assert.equal(update(open.panel, { type: 'report', report: null }).panel, null);
  assert.deepEqual(update(null, key('1')), { panel: null, effect: null });
});
