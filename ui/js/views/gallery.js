// The Photos screen: a thumbnail of every photo, opening the viewer.

import { el } from './dom.js';
import { growingList, scrolling } from './growing-list.js';
import { label, pick } from '../logic/i18n.js';
import { picture } from './highlight.js';

/** `entries`: photos.json entries whose pictures are ready; `photos`: those pictures by file name. */
export function renderGallery(entries, langs, photos) {
  const { primary } = langs;
  return el(
    'section',
    { className: 'screen screen-photos' },
    el('h1', { className: 'screen-title', lang: primary }, label('photos', primary)),
    entries.length
      ? scrolling((scroller) => growingList(scroller, { className: 'thumb-grid' }, entries, (entry) => el(
        'li',
        {},
        el(
          'button',
          { className: 'thumb', type: 'button', action: { type: 'go', screen: 'viewer', item: { set: 'gallery', file: entry.file } } },
          picture(photos[entry.file], 'thumb-photo', true),
          entry.caption ? el('span', { className: 'thumb-caption', lang: primary }, pick(entry.caption, primary, primary)) : null,
        ),
      )))
      : el('p', { className: 'screen-empty', lang: primary }, label('noPhotos', primary)),
  );
}
