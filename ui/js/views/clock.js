// The masthead clock: the time, and today's date in each language on screen.

import { el } from './dom.js';
import { formatTime, formatToday } from '../logic/i18n.js';

export function renderClock(date, { primary, secondary }) {
  return [
    el('span', { className: 'clock-time' }, formatTime(date)),
    el(
      'span',
      { className: 'clock-day' },
      el('span', { className: 'primary', lang: primary }, formatToday(date, primary)),
      secondary ? el('span', { className: 'secondary', lang: secondary }, formatToday(date, secondary)) : null,
    ),
  ];
}
