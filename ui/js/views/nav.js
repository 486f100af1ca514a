// The bar a visitor steers with: the screens, reach mode and the language switch.

import { el } from './dom.js';
import { label, languageName } from '../logic/i18n.js';
import { icon } from './icon.js';

/** Which bar entry a screen belongs to: an open story is under Highlights, and so on. */
const SECTION = { home: 'home', highlights: 'highlights', story: 'highlights', photos: 'photos', viewer: 'photos', contact: 'contact' };

/**
 * `state`: the kiosk's mode state; `languages`: the content's languages; `hasPhotos`:
 * whether there is a gallery to show (its entry is left out when not).
 */
export function renderNav(state, languages, hasPhotos) {
  const lang = state.lang;
  const section = SECTION[state.screen];
  const entry = (screen) => el(
    'button',
    {
      className: 'nav-button',
      type: 'button',
      dataset: { screen },
      action: { type: 'go', screen },
      'aria-current': section === screen ? 'page' : null,
    },
    icon(screen),
    el('span', { className: 'nav-label', lang }, label(screen, lang)),
  );
  const entries = ['home', 'highlights', ...(hasPhotos ? ['photos'] : []), 'contact'].map(entry);
  const switcher = languages.length > 1
    ? el(
      'div',
      { className: 'language-switch', role: 'group', 'aria-label': label('language', lang) },
      languages.map((code) => el(
        'button',
        {
          className: 'language-button',
          type: 'button',
          lang: code,
          dataset: { lang: code },
          action: { type: 'language', lang: code },
          'aria-pressed': code === lang ? 'true' : 'false',
        },
        languageName(code),
      )),
    )
    : null;
  // Reach mode: beside the language switch, so the two controls every visitor may need
  // first sit together at the bottom right.
  const reach = el(
    'button',
    {
      className: 'reach-button',
      type: 'button',
      action: { type: 'reach' },
      'aria-pressed': state.reach ? 'true' : 'false',
    },
    icon('reach'),
    el('span', { className: 'nav-label', lang }, label('reach', lang)),
  );
  return [el('div', { className: 'nav-screens' }, entries), el('div', { className: 'nav-end' }, reach, switcher)];
}
