// A long list (the gallery's 1,500 photos, years of highlights) built a few screens at a
// time: the first items at once, the next ones as the visitor scrolls near the end. A tap
// on the gallery then costs the same at 15 photos or 1,500.

import { el } from './dom.js';

/** Built at once: more than the largest screen shows. */
const FIRST = 48;
/** Built each time the end comes near. */
const MORE = 48;

/**
 * A `<ul>` (`props` as for `el`) of `renderItem(item)` for each of `items`, inside the
 * element `scroller` that scrolls it. Items past the first are added when the list's end
 * comes within a screen of `scroller`'s visible part.
 */
export function growingList(scroller, props, items, renderItem) {
  const list = el('ul', props, items.slice(0, FIRST).map(renderItem));
  if (items.length <= FIRST) return list;
  let built = FIRST;
  const end = el('li', { className: 'list-end', 'aria-hidden': 'true' });
  list.append(end);
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    const more = items.slice(built, built + MORE).map(renderItem);
    built += more.length;
    end.before(...more);
    observer.unobserve(end);
    if (built < items.length) observer.observe(end); // told again at once if still near
    else end.remove();
  }, { root: scroller, rootMargin: '0px 0px 100% 0px' });
  observer.observe(end);
  return list;
}

/** The scrolling part of a screen, holding what `fill(scroller)` builds in it. */
export function scrolling(fill) {
  const scroller = el('div', { className: 'scroll' });
  scroller.append(fill(scroller));
  return scroller;
}
