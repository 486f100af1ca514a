// The contacts: each park and office with its phone numbers, each number with a QR code a
// phone camera opens as a call, and one code that saves every number as a contact. Shown
// as a slide in the slideshow and as the Contact screen.

import { el } from './dom.js';
import { label, pick } from '../logic/i18n.js';
import { bilingual } from './bilingual.js';
import { qrCode } from './qr.js';

/**
 * `codes`: the `contact_codes` answer (or null while it is on its way: the numbers are
 * shown without codes until it comes). `className`: `slide slide-contacts` or
 * `screen screen-contact`.
 */
export function renderContacts(contacts, langs, codes, className) {
  const { primary, secondary } = langs;
  const both = (key) => [
    el('span', { className: 'primary', lang: primary }, label(key, primary)),
    secondary ? el('span', { className: 'secondary', lang: secondary }, label(key, secondary)) : null,
  ];
  const card = codes?.cards?.[primary] ?? codes?.cards?.[secondary];
  const body = el(
    'div',
    { className: 'slide-inner contacts' },
      el(
        'header',
        { className: 'contacts-head' },
        el('h1', { className: 'title' }, both('contactUs')),
        bilingual('p', contacts.organisation, langs, 'contacts-org'),
      ),
      el('ul', { className: 'contact-grid' }, contacts.entries.map((entry) => renderEntry(entry, langs, codes))),
      el(
        'aside',
        { className: 'contact-card contact-all' },
        card ? qrCode(card.drawing, label('scanToSave', primary), 'qr qr-card') : null,
        card ? el('p', { className: 'contact-all-label' }, both('scanToSave')) : null,
        el(
          'dl',
          { className: 'contacts-address' },
          el('dt', {}, both('address')),
          el('dd', {}, pick(contacts.address.text, primary, primary)),
          el('dt', {}, both('postcode')),
          el('dd', {}, contacts.address.postcode),
        ),
      ),
  );
  // As a slide and as a screen, type and codes shrink together until it fits (see fit.js).
  return el('article', { className }, body);
}

function renderEntry(entry, langs, codes) {
  return el(
    'li',
    { className: 'contact-card' },
    bilingual('h2', entry.name, langs, 'contact-name'),
    el('ul', { className: 'contact-phones' }, entry.phones.map((phone) => {
      const code = codes?.phones?.[phone];
      return el(
        'li',
        { className: 'contact-phone' },
        code ? qrCode(code.drawing, `${label('scanToCall', langs.primary)}: ${phone}`, 'qr qr-phone') : null,
        el('span', { className: 'contact-number', dataset: code ? { uri: code.uri } : {} }, phone),
      );
    })),
  );
}
