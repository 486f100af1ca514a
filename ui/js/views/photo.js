// A photo slide: the picture as large as the screen allows, with its caption and credit.

import { el } from './dom.js';
import { formatDate, pick } from '../logic/i18n.js';
import { bilingual } from './bilingual.js';
import { picture } from './highlight.js';

export function renderPhoto(entry, photo, langs) {
  return framed('slide slide-photo', picture(photo, 'photo-full'), entry, langs);
}

/**
 * A slide of class `className` showing `media` (a picture, a video) as large as the screen
 * allows, above the caption and credit of `entry` (its photos.json entry).
 */
export function framed(className, media, entry, langs) {
  const details = [
    entry.credit ? pick(entry.credit, langs.primary, langs.primary) : null,
    entry.date ? formatDate(entry.date, langs.primary) : null,
  ].filter(Boolean);
  return el(
    'article',
    { className },
    el(
      'figure',
      { className: 'slide-inner photo-frame' },
      media,
      entry.caption || details.length
        ? el(
          'figcaption',
          { className: 'photo-caption' },
          entry.caption ? bilingual('div', entry.caption, langs, 'photo-caption-text') : null,
          details.length ? el('p', { className: 'photo-credit' }, details.join(' · ')) : null,
        )
        : null,
    ),
  );
}
