// A highlight slide: date, title, summary, an optional quote, and the figures beside them.

import { el } from './dom.js';
import { columns, formatDate, pick } from '../logic/i18n.js';
import { bilingual } from './bilingual.js';

/**
 * Figure values wider than this get the smaller figure type. Counted in columns: a
 * Chinese character is as wide as two digits.
 */
const LONG_FIGURE_COLUMNS = 6;

/** `photo`: the prepared picture of the highlight's first ready photo, or null. */
export function renderHighlight(highlight, langs, photo = null) {
  const figures = highlight.figures ?? [];
  const hasFigures = figures.length > 0;
  const hasAside = hasFigures || photo !== null;
  return el(
    'article',
    { className: `slide slide-highlight${hasAside ? ' has-figures' : ''}` },
    el(
      'div',
      { className: 'slide-inner' },
      el(
        'div',
        { className: 'slide-text' },
        highlight.date ? renderDate(highlight.date, langs) : null,
        bilingual('h1', highlight.title, langs, 'title'),
        bilingual('div', highlight.summary, langs, 'summary'),
        highlight.quote ? renderQuote(highlight.quote, langs) : null,
      ),
      hasAside
        ? el(
          'div',
          { className: 'slide-aside' },
          photo ? picture(photo, 'highlight-photo') : null,
          hasFigures ? el('ul', { className: 'figures' }, figures.map((f) => renderFigure(f, langs))) : null,
        )
        : null,
    ),
  );
}

/**
 * An <img> of a prepared picture (its thumbnail when `thumbnail`); its size is known before
 * it loads, so layout never jumps.
 */
export function picture(photo, className, thumbnail = false) {
  const [src, width, height] = thumbnail
    ? [photo.thumbnail, photo.thumbnailWidth, photo.thumbnailHeight]
    : [photo.full, photo.width, photo.height];
  // Lists and the gallery can hold hundreds of thumbnails: each is read and decoded only
  // when it comes near the screen. (`loading` before `src`: a source set first starts to load.)
  return el('img', { className, loading: thumbnail ? 'lazy' : null, src, width, height, alt: '', decoding: 'async' });
}

function renderDate(date, { primary, secondary }) {
  // A year alone reads the same in both languages; write it once.
  const fullDate = date.includes('-');
  return el(
    'p',
    { className: 'kicker' },
    el('span', { className: 'primary', lang: primary }, formatDate(date, primary)),
    secondary && fullDate ? el('span', { className: 'secondary', lang: secondary }, formatDate(date, secondary)) : null,
  );
}

function renderQuote(quote, langs) {
  const { primary, secondary } = langs;
  const text = bilingual('div', quote.text, langs, 'quote-text');
  for (const span of text.children) span.textContent = `“${span.textContent}”`;
  const role = pick(quote.role, primary, primary);
  const otherRole = secondary ? pick(quote.role, secondary, primary) : '';
  return el(
    'blockquote',
    { className: 'quote' },
    text,
    el(
      'p',
      { className: 'quote-by' },
      `— ${pick(quote.name, primary, primary)}, ${role}`,
      otherRole && otherRole !== role ? el('span', { className: 'secondary', lang: secondary }, ` · ${otherRole}`) : null,
    ),
  );
}

function renderFigure(figure, langs) {
  const value = bilingual('span', figure.value, langs, 'figure-value');
  if (columns(pick(figure.value, langs.primary, langs.primary)) > LONG_FIGURE_COLUMNS) {
    value.classList.add('is-long');
  }
  return el('li', { className: 'figure' }, value, bilingual('span', figure.label, langs, 'figure-label'));
}
