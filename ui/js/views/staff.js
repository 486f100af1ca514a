// The staff panel: a keypad for the PIN, then, over the slideshow, how the kiosk is doing
// and what staff can do about it. Every label in both languages; nothing here is content.

import { el } from './dom.js';
import { bothLabels, formatStamp, label } from '../logic/i18n.js';
import { icon } from './icon.js';

/**
 * The keypad, with `entered` digits so far and a `message` (wrong PIN, locked…) as
 * `{key, values}` of i18n.js's labels.
 */
export function renderKeypad(entered, message) {
  const key = (value, text = value) => el(
    'button',
    { className: 'keypad-key', type: 'button', dataset: { key: value }, action: { type: 'staff', message: { type: 'key', key: value } } },
    text,
  );
  return el(
    'div',
    { className: 'staff-box keypad', role: 'dialog', 'aria-labelledby': 'staff-title' },
    el('h2', { className: 'staff-title', id: 'staff-title' }, bothLabels('enterPin')),
    el('p', { className: 'keypad-dots', 'aria-label': `${entered.length}` }, '●'.repeat(entered.length) || ' '),
    el('p', { className: 'staff-message', role: 'status' }, message ? bothLabels(message.key, message.values) : ''),
    el(
      'div',
      { className: 'keypad-keys' },
      ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => key(d)),
      key('back', '⌫'),
      key('0'),
      key('ok', 'OK'),
    ),
    closeButton(),
  );
}

/** The panel itself, from the backend's `staff_report`; `confirming`: an action to confirm. */
export function renderPanel(report, confirming, wallClock) {
  const { status, opening, today, counting } = report;
  const content = status.content;
  const row = (key, value) => el('div', { className: 'staff-row' }, el('dt', {}, bothLabels(key)), el('dd', {}, value));
  const stamp = (ms) => formatStamp(wallClock.at(ms));
  const checked = stamp(content.checkedAtMs);
  const problems = content.problems.length
    ? el('pre', { className: 'staff-problems' }, content.problems.map((p) => `${p.zh}\n${p.en}`).join('\n\n'))
    : null;
  const refused = Object.entries(status.photos.refused);
  const full = status.diskFull;
  const diskFull = full
    ? el('pre', { className: 'staff-problems disk-full' }, ['zh', 'en'].map((lang) => label('diskFull', lang, {
      path: full.path, free: full.freeMib, since: stamp(full.sinceMs),
    })).join('\n'))
    : null;
  const memory = status.memory.reduce((sum, p) => sum + p.pssKib, 0);
  const hours = opening.hasHours
    ? `${opening.today.join(', ') || label('none', 'zh')} · ${bothLabels(opening.open ? 'openNow' : 'closedNow')}`
    : bothLabels('alwaysOpen');
  return el(
    'div',
    { className: 'staff-box panel', role: 'dialog', 'aria-labelledby': 'staff-title' },
    el('h2', { className: 'staff-title', id: 'staff-title' }, bothLabels('staffPanel')),
    el(
      'dl',
      { className: 'staff-facts' },
      row('version', status.version),
      row('contentFolder', content.source),
      row('lastReload', `${checked} · r${content.revision} · ${bothLabels(content.showingOlderContent ? 'contentBroken' : 'contentOk')}`),
      row('onScreen', onScreen(content, stamp)),
    ),
    diskFull,
    problems,
    content.waitingFor?.length
      ? el('pre', { className: 'staff-problems' }, `${bothLabels('waitingForPublication')}\n${content.waitingFor.join('\n')}`)
      : null,
    el('p', { className: 'staff-line' }, bothLabels('photosLine', {
      ready: status.photos.ready, waiting: status.photos.waiting, refused: refused.length,
    })),
    refused.length
      ? el('pre', { className: 'staff-problems' }, refused.map(([name, why]) => `photos/${name} ${why}`).join('\n'))
      : null,
    el(
      'dl',
      { className: 'staff-facts' },
      row('uptime', duration(status.uptimeSeconds)),
      row('memory', `${Math.round(memory / 1024)} MiB`),
      row('restarts', status.webViewRestarts.length
        ? status.webViewRestarts.slice(-3).map((r) => r.reason).join('; ')
        : label('none', 'zh')),
      row('hoursToday', hours),
      row('countsToday', counting
        ? bothLabels('countsLine', { slides: today.slides, visits: today.visits, codes: today.codesShown })
        : bothLabels('countingOff')),
    ),
    confirming
      ? el(
        'div',
        { className: 'staff-confirm' },
        el('p', {}, `${bothLabels(ACTIONS[confirming])}?`),
        el('button', { className: 'staff-button is-danger', type: 'button', action: { type: 'staff', message: { type: 'do', act: confirming } } }, bothLabels('confirm')),
        el('button', { className: 'staff-button', type: 'button', action: { type: 'staff', message: { type: 'ask', act: null } } }, bothLabels('cancel')),
      )
      : el(
        'div',
        { className: 'staff-actions' },
        Object.entries(ACTIONS).map(([act, key]) => el(
          'button',
          { className: 'staff-button', type: 'button', dataset: { act }, action: { type: 'staff', message: { type: 'ask', act } } },
          bothLabels(key),
        )),
      ),
    closeButton(),
  );
}

/** The panel's actions and their labels; each asks to confirm first. */
const ACTIONS = { reload: 'reloadNow', changed: 'showChanged', next: 'nextSlide', restart: 'restartKiosk', exit: 'exitKiosk' };

function closeButton() {
  return el(
    'button',
    { className: 'close-button', type: 'button', action: { type: 'staff', message: { type: 'close' } }, 'aria-label': bothLabels('close') },
    icon('close'),
  );
}

/** What is on screen, and when it was accepted. */
function onScreen({ shown }, stamp) {
  const at = shown.acceptedAtMs ? stamp(shown.acceptedAtMs) : '';
  const key = { folder: 'shownFolder', kept: 'shownKept' }[shown.from] ?? 'shownBuiltIn';
  return bothLabels(key, { at });
}

/** `3 h 12 min`. */
function duration(seconds) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h ? `${h} h ${m} min` : `${m} min`;
}
