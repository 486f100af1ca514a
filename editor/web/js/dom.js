// Small helpers for drawing the editor's page.

import { t } from './i18n.js';

/** A new element with `props` set. */
export function el(tag, props = {}) {
  return Object.assign(document.createElement(tag), props);
}

/**
 * A click handler that asks first, without a modal dialog: the first click turns the button
 * into "Delete? click again" for a few seconds; the second carries out `act`.
 */
export function armed(button, label, act) {
  let timer = 0;
  return () => {
    if (button.dataset.armed === 'true') {
      clearTimeout(timer);
      act();
      return;
    }
    const before = button.textContent;
    button.dataset.armed = 'true';
    button.textContent = t('confirmDelete');
    button.setAttribute('aria-label', `${label}: ${t('confirmDelete')}`);
    timer = setTimeout(() => {
      button.dataset.armed = 'false';
      button.textContent = before;
      button.setAttribute('aria-label', label);
    }, 5000);
  };
}

/** A box to type text in: several lines when `long`. */
export function textControl(long, value) {
  const input = long ? el('textarea', { rows: 3 }) : el('input', { type: 'text' });
  input.value = value;
  return input;
}
