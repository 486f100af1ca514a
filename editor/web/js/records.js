// The records of a list (highlights, contacts, photos' captions): moved, copied, named.

import { lang, t } from './i18n.js';

/** Moves the item at `from` to `to`. */
export function move(items, from, to) {
  const [item] = items.splice(from, 1);
  items.splice(to, 0, item);
}

/** A copy of `item` for the same list, with an id no other item has. */
export function duplicateOf(item, items) {
  const copy = structuredClone(item);
  if (typeof copy.id === 'string') {
    let n = 2;
    while (items.some((other) => other.id === `${item.id}-${n}`)) n += 1;
    copy.id = `${item.id}-${n}`;
  }
  return copy;
}

/** What names a record in its list: its title or name, in the editor's language. */
export function titleOf(item, index) {
  const text = item?.title ?? item?.name ?? item?.headline ?? item?.file ?? item?.id;
  const shown = typeof text === 'string' ? text : text?.[lang()] || text?.zh || text?.en;
  return `${index + 1}. ${shown || t('untitled')}`;
}

/** A value as text that does not depend on the order of its keys (a text typed zh last is no change). */
export function stable(value) {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${stable(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
