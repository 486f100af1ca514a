// The contacts slide: each park and office with its phone numbers, then the address.

import { el } from '../dom.js';
import { label, pick } from '../i18n.js';
import { bilingual } from './bilingual.js';

export function renderContacts(contacts, langs) {
  const { primary, secondary } = langs;
  const both = (key) => (secondary ? `${label(key, primary)} ${label(key, secondary)}` : label(key, primary));
  return el(
    'article',
    { className: 'slide slide-contacts' },
    el(
      'div',
      { className: 'slide-inner' },
      el(
        'h1',
        { className: 'title' },
        el('span', { className: 'primary', lang: primary }, label('contactUs', primary)),
        secondary ? el('span', { className: 'secondary', lang: secondary }, label('contactUs', secondary)) : null,
      ),
      bilingual('p', contacts.organisation, langs, 'contacts-org'),
      el(
        'ul',
        { className: 'contact-grid' },
        contacts.entries.map((entry) =>
          el(
            'li',
            { className: 'contact-card' },
            bilingual('h2', entry.name, langs, 'contact-name'),
            el('ul', { className: 'contact-phones' },
              entry.phones.map((phone) => el('li', { className: 'contact-phone' }, phone))),
          )),
      ),
      el(
        'p',
        { className: 'contacts-address' },
        el('span', { className: 'contacts-address-label' }, both('address')),
        el('span', { className: 'contacts-address-text' }, pick(contacts.address.text, primary, primary)),
        el('span', { className: 'contacts-address-label' }, both('postcode')),
        el('span', { className: 'contacts-address-text' }, contacts.address.postcode),
      ),
    ),
  );
}
