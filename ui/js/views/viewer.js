// The photo viewer: one photo as large as the screen allows, to swipe through and zoom
// into, with its caption and credit.

import { el } from './dom.js';
import { formatDate, label, pick } from '../logic/i18n.js';
import { picture } from './highlight.js';
import { icon } from './icon.js';
import { renderStepper } from './story.js';

/**
 * `entry`: `{file, caption?, credit?, date?}`; `photo`: its prepared picture; `position`:
 * `{index, count}` in the set being viewed; `back`: the screen the close button returns to.
 */
export function renderViewer(entry, photo, langs, { position, back, backItem }) {
  const { primary } = langs;
  const details = [
    entry.credit ? pick(entry.credit, primary, primary) : null,
    entry.date ? formatDate(entry.date, primary) : null,
  ].filter(Boolean);
  return el(
    'section',
    { className: 'screen screen-viewer', dataset: { swipe: 'viewer', item: entry.file } },
    el('div', { className: 'viewer-frame' }, picture(photo, 'viewer-photo')),
    el(
      'div',
      { className: 'viewer-bar' },
      el(
        'div',
        { className: 'viewer-caption', lang: primary },
        entry.caption ? el('p', { className: 'viewer-caption-text' }, pick(entry.caption, primary, primary)) : null,
        details.length ? el('p', { className: 'viewer-credit' }, details.join(' · ')) : null,
      ),
      renderStepper('viewer', position, primary),
    ),
    el(
      'button',
      {
        className: 'close-button',
        type: 'button',
        action: { type: 'go', screen: back, item: backItem ?? null },
        'aria-label': label('close', primary),
      },
      icon('close'),
    ),
  );
}
