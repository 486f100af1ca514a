// The problems the server finds in the draft: listed above the form, each a link to its
// field, and shown again at the field itself, in the editor's language.

import { el } from './dom.js';
import { fieldName, said, t } from './i18n.js';

/** Lists `diagnostics` and marks each at its field; `goTo(diagnostic)` follows a link. */
export function showProblems(diagnostics, goTo) {
  for (const old of document.querySelectorAll('#form .problem-at')) old.remove();
  for (const old of document.querySelectorAll('#form [aria-invalid]')) old.removeAttribute('aria-invalid');
  const items = diagnostics.map((diagnostic) => {
    const where = [diagnostic.file, diagnostic.field ? describeField(diagnostic.field) : ''].filter(Boolean).join(' · ');
    const text = `${said(diagnostic.message)}${diagnostic.hint ? ` — ${said(diagnostic.hint)}` : ''}`;
    const item = el('li', { className: diagnostic.severity });
    const jump = el('button', { type: 'button', className: 'link', textContent: where });
    jump.addEventListener('click', () => goTo(diagnostic));
    item.append(jump, el('span', { textContent: ` ${text}` }));
    placeAtField(diagnostic, text);
    return item;
  });
  const heading = el('h2', { textContent: `${t('problems')}: ${items.length || t('noProblems')}` });
  const list = el('ul');
  list.append(...items);
  document.getElementById('problems').replaceChildren(heading, list);
}

/** `highlights[2].title` in words: "Highlights 3 › Title". */
function describeField(field) {
  return field
    .split('.')
    .map((part) => {
      const found = /^([^[]+)(?:\[(\d+)\])?$/.exec(part);
      if (!found) return part;
      return found[2] === undefined ? fieldName(found[1]) : `${fieldName(found[1])} ${Number(found[2]) + 1}`;
    })
    .join(' › ');
}

/** The form element a problem belongs to: its field's, else its nearest enclosing one's. */
export function elementFor(diagnostic) {
  const find = (field) => document.querySelector(`#form [data-file="${diagnostic.file}"][data-field="${CSS.escape(field)}"]`);
  let field = diagnostic.field ?? '';
  for (;;) {
    const found = find(field);
    if (found || field === '') return found;
    const shorter = field.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    field = shorter === field ? '' : shorter;
  }
}

function placeAtField(diagnostic, text) {
  const target = elementFor(diagnostic);
  if (!target) return;
  target.append(el('p', { className: `problem-at ${diagnostic.severity}`, textContent: text }));
  if (diagnostic.severity !== 'error') return;
  const inputs = ':scope > input, :scope > textarea, :scope > select, :scope > .text-pair input, :scope > .text-pair textarea';
  target.querySelectorAll(inputs).forEach((input) => input.setAttribute('aria-invalid', 'true'));
}
