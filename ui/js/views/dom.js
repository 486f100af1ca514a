// Building elements. Content text only ever becomes text nodes, never HTML, so nothing a
// member of staff types can change the page's structure. What a tap on an element means is
// kept beside it as data (its action), never written into the page for a controller to
// parse back.

import { htmlLang } from '../logic/i18n.js';

/** The action of each element that has one. */
const actions = new WeakMap();

/**
 * `el('p', {className: 'x', lang: 'en', dataset: {k: 'v'}, action: {type: 'go', …}}, 'text',
 * child, null)`. Strings become text nodes; null, undefined and false children are skipped;
 * `lang` takes a content language code (`zh` is marked `zh-Hans`).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'className') node.className = value;
    else if (name === 'action') actions.set(node, value);
    else if (name === 'lang') node.lang = htmlLang(value);
    else node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** The action of `node` or of the nearest element around it that has one: `{action, element}`, or null. */
export function actionOf(node) {
  for (let element = node; element; element = element.parentElement) {
    const action = actions.get(element);
    if (action) return { action, element };
  }
  return null;
}
