// Text shown in the default language, with the second language beneath it.

import { el } from './dom.js';
import { pick } from '../logic/i18n.js';

/**
 * `<tag class=className><span class=primary>…</span><span class=secondary>…</span></tag>`.
 * The second language is left out when it would only repeat the first (text that is the
 * same in every language, or a missing translation that fell back).
 */
export function bilingual(tag, text, { primary, secondary }, className) {
  const first = pick(text, primary, primary);
  const second = secondary ? pick(text, secondary, primary) : '';
  return el(
    tag,
    { className },
    el('span', { className: 'primary', lang: primary }, first),
    second && second !== first ? el('span', { className: 'secondary', lang: secondary }, second) : null,
  );
}
