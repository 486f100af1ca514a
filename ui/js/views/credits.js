// The foot of a slide: where its highlight was published and who made it.

import { el } from './dom.js';
import { formatDate, label, pick } from '../logic/i18n.js';

/** One line per language naming the source article, its date and its credits. */
export function renderCredits(source, { primary, secondary }) {
  if (!source) return [];
  return [primary, secondary].filter(Boolean).map((lang) => {
    const headline = pick(source.headline, lang, primary);
    const title = lang === 'zh' ? `《${headline}》` : `“${headline}”`;
    const credits = (source.credits ?? []).map((credit) => {
      const names = credit.names.map((name) => pick(name, lang, primary));
      return `${pick(credit.role, lang, primary)} ${names.join(lang === 'zh' ? '、' : ', ')}`;
    });
    const colon = lang === 'zh' ? '：' : ': ';
    const parts = [`${label('source', lang)}${colon}${title} ${formatDate(source.published, lang)}`, ...credits];
    return el('p', { className: lang === primary ? 'primary' : 'secondary', lang }, parts.join(' · '));
  });
}
