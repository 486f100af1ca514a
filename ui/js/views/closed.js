// What a touch wakes a resting screen to while the building is closed: that it is closed,
// today's hours and when it opens again, above the contacts with their QR codes, so a
// visitor who came at the wrong time can still take a number away.

import { el } from './dom.js';
import { formatTime, formatToday, label } from '../logic/i18n.js';
import { renderContacts } from './contacts.js';

/** `opening`: `{today, nextOpening}` from the backend, by the kiosk's clock. */
export function renderClosed(opening, contacts, langs, codes) {
  const view = renderContacts(contacts, langs, codes, 'screen screen-contact screen-closed');
  const next = opening.nextOpening ? new Date(`${opening.nextOpening}:00Z`) : null;
  const lines = (lang) => [
    el('p', { className: 'closed-title', lang }, label('closedCard', lang)),
    el(
      'p',
      { className: 'closed-hours', lang },
      opening.today?.length ? label('openToday', lang, { hours: opening.today.join(', ') }) : label('closedToday', lang),
    ),
    next ? el('p', { className: 'closed-next', lang }, label('opensAgain', lang, { day: formatToday(next, lang), time: formatTime(next) })) : null,
  ];
  const { primary, secondary } = langs;
  const banner = el(
    'section',
    { className: 'closed-banner' },
    el('div', { className: 'closed-primary' }, lines(primary)),
    secondary ? el('div', { className: 'closed-secondary' }, lines(secondary)) : null,
  );
  view.querySelector('.slide-inner')?.prepend(banner);
  return view;
}
