// The screen while the building is closed: black, or a dimmed clock.

import { el } from './dom.js';
import { formatTime, formatToday } from '../logic/i18n.js';

export function renderRest(whenClosed, date, { primary, secondary }) {
  if (whenClosed !== 'clock') return [];
  return [
    el(
      'div',
      { className: 'rest-clock' },
      el('p', { className: 'rest-time' }, formatTime(date)),
      el('p', { className: 'rest-day', lang: primary }, formatToday(date, primary)),
      secondary ? el('p', { className: 'rest-day', lang: secondary }, formatToday(date, secondary)) : null,
    ),
  ];
}
