// Choosing the words on screen: content text per language with fallback, the kiosk's own
// labels, and dates written the way each language writes them. No DOM here.

/** The kiosk's own words (not content): short labels around the content. */
export const LABELS = {
  zh: {
    contactUs: '联系我们',
    address: '地址',
    postcode: '邮编',
    source: '来源',
    loading: '正在载入',
    loadFailed: '内容暂时无法载入，正在重试',
  },
  en: {
    contactUs: 'Contact Us',
    address: 'Address',
    postcode: 'Postcode',
    source: 'Source',
    loading: 'Loading',
    loadFailed: 'The content could not be loaded; trying again',
  },
};

/**
 * The text of `text` in `lang`. `text` is a plain string (the same in every language) or an
 * object of language code -> string. A missing or empty translation falls back to
 * `fallback`, then to any language given, so the screen never shows a hole.
 */
export function pick(text, lang, fallback) {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  for (const code of [lang, fallback]) {
    const value = text[code];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return Object.values(text).find((value) => typeof value === 'string' && value.trim() !== '') ?? '';
}

/**
 * The languages a slide is shown in: the default language first, then the first other
 * language listed (or null when there is only one).
 */
export function languagePair(settings) {
  const primary = settings.defaultLanguage;
  const secondary = settings.languages.find((lang) => lang !== primary) ?? null;
  return { primary, secondary };
}

/** A kiosk label in `lang`, falling back to English for languages without labels. */
export function label(key, lang) {
  return (LABELS[lang] ?? LABELS.en)[key] ?? LABELS.en[key];
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** `2024-04-22` as `2024年4月22日` or `22 April 2024`; a year alone as `2023年` or `2023`. */
export function formatDate(date, lang) {
  const match = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/.exec(date ?? '');
  if (!match) return date ?? '';
  const [, year, month, day] = match;
  if (!month) return lang === 'zh' ? `${year}年` : year;
  if (lang === 'zh') return `${year}年${Number(month)}月${Number(day)}日`;
  return `${Number(day)} ${MONTHS_EN[Number(month) - 1]} ${year}`;
}

/**
 * The width of `text` in columns: two for a CJK character, one for anything else. The
 * backend measures text the same way (tests/shared-rules/columns.json holds both to it).
 */
export function columns(text) {
  let width = 0;
  for (const char of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(char) ? 2 : 1;
  return width;
}
