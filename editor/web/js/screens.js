// The Screens tab: every screen that shares the content folder (from the statuses they keep
// in it), their visits per day as a chart, and Publish, which makes the folder's present
// state the one every screen takes whole.

import * as api from './api.js';
import { el } from './dom.js';
import { said, t } from './i18n.js';

/** Days the chart shows, ending today. */
const CHART_DAYS = 14;
const SVG = 'http://www.w3.org/2000/svg';

/** Draws the tab into `holder`; `published(answer)` is told what publishing did. */
export async function drawScreens(holder, published) {
  const answer = await api.fleet();
  const screens = answer.ok ? answer.body : [];
  const publish = el('button', { type: 'button', className: 'primary', id: 'publish', textContent: t('publish') });
  publish.addEventListener('click', async () => published(await api.publish()));
  const parts = [el('p', { textContent: t('publishIntro') }), publish];
  if (!screens.length) {
    parts.push(el('p', { textContent: t('noScreens') }));
    holder.replaceChildren(...parts);
    return;
  }
  const table = el('table', { className: 'screens' });
  const head = el('tr');
  for (const key of ['screenName', 'lastHeard', 'revisionShown', 'screenState', 'visitsToday']) head.append(el('th', { textContent: t(key), scope: 'col' }));
  table.append(head);
  const today = isoDay(new Date());
  for (const screen of screens) {
    const row = el('tr', { className: screen.healthy ? 'healthy' : 'unwell' });
    row.dataset.screen = screen.name;
    row.append(
      el('th', { textContent: screen.name, scope: 'row' }),
      el('td', { textContent: said(screen.lastHeard) || '?' }),
      el('td', { textContent: screen.revisionShown ?? '?' }),
      el('td', { textContent: said(screen.state) }),
      el('td', { textContent: String(screen.days?.[today]?.visits ?? 0) }),
    );
    table.append(row);
  }
  parts.push(table, el('h2', { textContent: t('visitsPerDay') }), chart(screens));
  holder.replaceChildren(...parts);
}

/** `2026-12-03` for a date, in the browser's own time zone (the office's, as the kiosks'). */
function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Visits per day, all screens together, as bars: an SVG drawn here (no chart library). */
function chart(screens) {
  const days = [];
  for (let back = CHART_DAYS - 1; back >= 0; back -= 1) {
    const day = new Date();
    day.setDate(day.getDate() - back);
    days.push(isoDay(day));
  }
  const visits = days.map((day) => screens.reduce((sum, screen) => sum + (screen.days?.[day]?.visits ?? 0), 0));
  const most = Math.max(1, ...visits);
  const [width, height, bar, gap, top, bottom] = [CHART_DAYS * 44, 180, 30, 14, 20, 30];
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${t('visitsPerDay')}: ${days.map((day, i) => `${day} ${visits[i]}`).join(', ')}`);
  days.forEach((day, i) => {
    const x = i * (bar + gap) + gap / 2;
    const tall = Math.round(((height - top - bottom) * visits[i]) / most);
    const rect = document.createElementNS(SVG, 'rect');
    for (const [name, value] of [['x', x], ['y', height - bottom - tall], ['width', bar], ['height', tall], ['class', 'bar']]) rect.setAttribute(name, value);
    const count = document.createElementNS(SVG, 'text');
    for (const [name, value] of [['x', x + bar / 2], ['y', height - bottom - tall - 4], ['class', 'count']]) count.setAttribute(name, value);
    count.textContent = String(visits[i]);
    const label = document.createElementNS(SVG, 'text');
    for (const [name, value] of [['x', x + bar / 2], ['y', height - 10], ['class', 'day']]) label.setAttribute(name, value);
    label.textContent = day.slice(5);
    svg.append(rect, count, label);
  });
  return svg;
}
