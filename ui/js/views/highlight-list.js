// The Highlights screen: every highlight shown today, as cards that open its story.

import { el } from './dom.js';
import { growingList, scrolling } from './growing-list.js';
import { formatDate, label, pick } from '../logic/i18n.js';
import { picture } from './highlight.js';

/** `photos`: the prepared pictures by file name. */
export function renderHighlightList(highlights, langs, photos) {
  const { primary } = langs;
  return el(
    'section',
    { className: 'screen screen-highlights' },
    el('h1', { className: 'screen-title', lang: primary }, label('highlights', primary)),
    scrolling((scroller) => growingList(scroller, { className: 'card-grid' }, highlights, (highlight) => {
      const photo = (highlight.photos ?? []).map((file) => photos[file]).find(Boolean);
      return el(
        'li',
        {},
        el(
          'button',
          { className: 'card', type: 'button', dataset: { item: highlight.id }, action: { type: 'go', screen: 'story', item: highlight.id } },
          photo ? picture(photo, 'card-photo', true) : null,
          highlight.date ? el('p', { className: 'kicker', lang: primary }, formatDate(highlight.date, primary)) : null,
          el('h2', { className: 'card-title', lang: primary }, pick(highlight.title, primary, primary)),
          el('p', { className: 'card-summary', lang: primary }, pick(highlight.summary, primary, primary)),
        ),
      );
    })),
  );
}
