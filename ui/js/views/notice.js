// A notice staff put on every screen (notice.json): a band under the masthead, or the
// whole screen when it is urgent. Its text is as large as a slide's title, to be read from
// across the lobby.

import { bilingual } from './bilingual.js';
import { el } from './dom.js';
import { label } from '../logic/i18n.js';

export function renderNotice(notice, langs) {
  const { primary, secondary } = langs;
  const heading = el(
    'p',
    { className: 'notice-heading' },
    el('span', { lang: primary }, label('notice', primary)),
    secondary ? el('span', { lang: secondary }, label('notice', secondary)) : null,
  );
  return [heading, bilingual('p', notice.text, langs, 'notice-text')];
}
