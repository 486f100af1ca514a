// Building elements. Content text only ever becomes text nodes, never HTML, so nothing a
// member of staff types can change the page's structure.

/**
 * `el('p', {className: 'x', lang: 'en', dataset: {k: 'v'}}, 'text', child, null)`.
 * Strings become text nodes; null, undefined and false children are skipped.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'className') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}
