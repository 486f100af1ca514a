// The staff panel as data: closed (null), the keypad for the PIN, or the panel itself. One
// pure function moves it on; what it needs from the backend comes back as an effect for the
// kiosk to carry out, and the answer is fed back in as the next message.

/** The keypad as it opens; the door's rules (how many digits) are asked for first. */
export function opened() {
  return {
    panel: { stage: 'keypad', rules: null, entered: '', message: null, token: null, report: null, confirming: null },
    effect: { call: 'rules' },
  };
}

/**
 * `{panel, effect}` after `message`. Messages from the panel's own buttons: `{type: 'key',
 * key}` (a digit, 'back' or 'ok'), `{type: 'ask', act}` (an action to confirm, or null to
 * cancel), `{type: 'do', act}`, `{type: 'close'}`; answers from the backend: `{type:
 * 'rules', rules}`, `{type: 'unlocked', result}`, `{type: 'report', report}`, `{type:
 * 'done'}` (an action was carried out). Effects: `{call: 'rules'}`, `{call: 'unlock', pin}`,
 * `{call: 'report', token}`, `{call: 'action', token, act}`, `{call: 'close', token}`, or null.
 * A closed panel (null) stays closed.
 */
export function update(panel, message) {
  if (!panel) return { panel: null, effect: null };
  const stay = (changes = {}, effect = null) => ({ panel: { ...panel, ...changes }, effect });
  switch (message.type) {
    case 'rules':
      return stay({ rules: message.rules });
    case 'key':
      return key(panel, message.key, stay);
    case 'unlocked':
      return unlocked(panel, message.result, stay);
    case 'report':
      // No report: the panel's token has lapsed, so the panel closes.
      return message.report ? stay({ report: message.report }) : { panel: null, effect: null };
    case 'ask':
      return stay({ confirming: message.act || null });
    case 'do':
      return stay({ confirming: null }, { call: 'action', token: panel.token, act: message.act });
    case 'done':
      return stay({}, { call: 'report', token: panel.token });
    case 'close':
      return { panel: null, effect: panel.token ? { call: 'close', token: panel.token } : null };
    default:
      return stay();
  }
}

function key(panel, pressed, stay) {
  if (pressed === 'back') return stay({ entered: panel.entered.slice(0, -1) });
  if (pressed === 'ok') return stay({ entered: '' }, { call: 'unlock', pin: panel.entered });
  // Until the rules are known no digit is taken: there is nothing to check it against.
  if (!panel.rules || panel.entered.length >= panel.rules.mostDigits) return stay();
  // A new try: the answer to the last one no longer applies.
  return stay({ entered: panel.entered + pressed, message: null });
}

function unlocked(panel, result, stay) {
  if (!result || result.noPin) return stay({ message: { key: 'noPin' } });
  if (result.token) return stay({ stage: 'panel', token: result.token, message: null }, { call: 'report', token: result.token });
  if (result.lockedSeconds > 0) return stay({ message: { key: 'lockedPin', values: { n: Math.ceil(result.lockedSeconds / 60) } } });
  return stay({ message: { key: 'wrongPin', values: { n: result.attemptsLeft } } });
}
