// Icons: small drawings from ui/img/, painted in the text colour of where they sit.

import { el } from './dom.js';

/** `name` is one of the icons in ui/img/ (home, highlights, photos, contact, back, forward, close, touch, reach). */
export function icon(name) {
  return el('span', { className: `icon icon-${name}`, 'aria-hidden': 'true' });
}
