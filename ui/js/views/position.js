// Where the slideshow is: a dot per slide while the dots fit in the masthead beside the
// name and the clock (at every screen size), and beyond that a count ("7 / 300") with a short
// track, so any number of slides takes the same small room.

import { el } from './dom.js';

/** The most slides shown as dots; more are shown as a count. */
export const DOTS_AT_MOST = 20;

/** The position of slide `index` (from 0) among `total`, as elements for the masthead. */
export function renderPosition(index, total) {
  if (total <= DOTS_AT_MOST) {
    return [
      el(
        'ol',
        { className: 'slide-dots' },
        ...Array.from({ length: total }, (_, i) => el('li', { className: i === index ? 'is-current' : null })),
      ),
    ];
  }
  const through = total > 1 ? index / (total - 1) : 1;
  const marker = el('span', { className: 'slide-track-mark' });
  marker.style.setProperty('--through', through.toFixed(4));
  return [
    el('span', { className: 'slide-count' }, `${index + 1} / ${total}`),
    el('span', { className: 'slide-track' }, marker),
  ];
}
