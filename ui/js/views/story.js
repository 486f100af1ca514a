// A highlight's whole story: title, date, the full text, every figure, the quote, every
// photo and the article it comes from. Longer than the screen, it scrolls.

import { el } from './dom.js';
import { columns, formatDate, label, pick } from '../logic/i18n.js';
import { renderCredits } from './credits.js';
import { picture } from './highlight.js';
import { icon } from './icon.js';

/**
 * `position`: `{index, count}` of this highlight among today's; `source`: its article (or
 * undefined); `photos`: the prepared pictures by file name.
 */
export function renderStory(highlight, langs, { position, source, photos }) {
  const { primary, secondary } = langs;
  const text = (value) => pick(value, primary, primary);
  const otherTitle = secondary ? pick(highlight.title, secondary, primary) : '';
  const ready = (highlight.photos ?? []).filter((file) => photos[file]);
  return el(
    'article',
    { className: 'screen screen-story', dataset: { swipe: 'story', item: highlight.id } },
    el(
      'div',
      { className: 'scroll' },
      el(
        'div',
        { className: 'story' },
        el(
          'header',
          { className: 'story-head' },
          el(
            'button',
            { className: 'back-button', type: 'button', action: { type: 'go', screen: 'highlights' } },
            icon('back'),
            el('span', { lang: primary }, label('allHighlights', primary)),
          ),
          highlight.date ? el('p', { className: 'kicker', lang: primary }, formatDate(highlight.date, primary)) : null,
          el('h1', { className: 'story-title', lang: primary }, text(highlight.title)),
          otherTitle && otherTitle !== text(highlight.title)
            ? el('p', { className: 'story-title-other secondary', lang: secondary }, otherTitle)
            : null,
        ),
        el('div', { className: 'story-body', lang: primary }, paragraphs(text(highlight.body))),
        highlight.quote ? renderQuote(highlight.quote, primary) : null,
        el(
          'footer',
          { className: 'story-source' },
          renderCredits(source, { primary, secondary: null }),
        ),
      ),
      el(
        'aside',
        { className: 'story-aside' },
        (highlight.figures ?? []).length
          ? el('ul', { className: 'story-figures' }, highlight.figures.map((figure) => {
            const value = text(figure.value);
            return el(
              'li',
              { className: 'figure' },
              el('span', { className: `figure-value${columns(value) > 6 ? ' is-long' : ''}`, lang: primary }, value),
              el('span', { className: 'figure-label', lang: primary }, text(figure.label)),
            );
          }))
          : null,
        ready.length
          ? el('ul', { className: 'story-photos' }, ready.map((file) => el(
            'li',
            {},
            el(
              'button',
              { className: 'thumb', type: 'button', action: { type: 'go', screen: 'viewer', item: { set: `highlight:${highlight.id}`, file } } },
              picture(photos[file], 'thumb-photo', true),
            ),
          )))
          : null,
      ),
    ),
    renderStepper('story', position, primary),
  );
}

/** The full text, a paragraph for each blank-line-separated part. */
function paragraphs(body) {
  return body.split(/\n\s*\n/).map((part) => el('p', {}, part.trim()));
}

function renderQuote(quote, lang) {
  return el(
    'blockquote',
    { className: 'quote', lang },
    el('p', { className: 'quote-text' }, `“${pick(quote.text, lang, lang)}”`),
    el('p', { className: 'quote-by' }, `— ${pick(quote.name, lang, lang)}, ${pick(quote.role, lang, lang)}`),
  );
}

/**
 * Previous and next buttons around "2 / 4", for visitors who do not swipe. `kind` names
 * what they step through.
 */
export function renderStepper(kind, { index, count }, lang) {
  if (count < 2) return null;
  const step = (delta, name, key) => el(
    'button',
    { className: `stepper-button stepper-${name}`, type: 'button', action: { type: 'step', kind, delta }, 'aria-label': label(key, lang) },
    icon(name),
  );
  return el(
    'div',
    { className: 'stepper' },
    step(-1, 'back', 'previous'),
    el('span', { className: 'stepper-position', lang }, label('itemOf', lang, { i: index + 1, n: count })),
    step(1, 'forward', 'next'),
  );
}
