// The notice that asks a visitor who seems to have left whether they are still there.

import { el } from './dom.js';
import { label } from '../logic/i18n.js';

export function renderCountdown(seconds, { primary, secondary }) {
  const line = (key, lang, values) => el('span', { className: lang === primary ? 'primary' : 'secondary', lang }, label(key, lang, values));
  const both = (key, values) => [line(key, primary, values), secondary ? line(key, secondary, values) : null];
  return el(
    'div',
    { className: 'countdown-box' },
    el('p', { className: 'countdown-seconds', 'aria-hidden': 'true' }, String(seconds)),
    el('h2', { className: 'countdown-title', id: 'countdown-title' }, both('stillThere')),
    el('p', { className: 'countdown-text' }, both('returning', { n: seconds })),
    el(
      'button',
      { className: 'countdown-button', type: 'button', action: { type: 'stay' } },
      both('keepBrowsing'),
    ),
  );
}
