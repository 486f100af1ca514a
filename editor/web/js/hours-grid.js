// The opening hours as a week: a row per day with its opening times (from, to), the
// building's closed dates, and what the screen shows while closed. It edits the settings'
// `openingHours` value in place and says when it changed.

import { armed, el } from './dom.js';
import { fieldName, t } from './i18n.js';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * The week's grid for `hours` (changed in place). `changed(structural)`: a value changed
 * (structural: rows came or went, so the form is drawn again). `field`: the path prefix of
 * the problems that belong here, e.g. `openingHours`.
 */
export function hoursGrid(hours, changed, field, file) {
  const box = el('fieldset', { className: 'hours' });
  box.dataset.file = file;
  box.dataset.field = field;
  box.append(el('legend', { textContent: fieldName('openingHours') }));
  const table = el('table', { className: 'week' });
  for (const day of DAYS) {
    const times = (hours[day] ??= []);
    const row = el('tr');
    row.dataset.file = file;
    row.dataset.field = `${field}.${day}`;
    row.append(el('th', { scope: 'row', textContent: fieldName(day) }));
    const cell = el('td');
    if (!times.length) cell.append(el('span', { className: 'closed', textContent: t('closedAllDay') }));
    times.forEach((range, index) => {
      const [from = '', to = ''] = range.split('-');
      const span = el('span', { className: 'range' });
      const start = timeInput(from, `${fieldName(day)} ${index + 1} ${t('opensAt')}`);
      const end = timeInput(to, `${fieldName(day)} ${index + 1} ${t('closesAt')}`);
      const write = () => {
        times[index] = `${start.value.trim()}-${end.value.trim()}`;
        changed(false);
      };
      start.addEventListener('input', write);
      end.addEventListener('input', write);
      const remove = el('button', { type: 'button', className: 'tool', textContent: '✕', title: t('remove') });
      remove.setAttribute('aria-label', `${fieldName(day)} ${index + 1}: ${t('remove')}`);
      remove.addEventListener('click', armed(remove, t('remove'), () => {
        times.splice(index, 1);
        changed(true);
      }));
      span.append(start, '–', end, remove);
      cell.append(span);
    });
    const add = el('button', { type: 'button', className: 'small', textContent: `+ ${t('addTimes')}` });
    add.setAttribute('aria-label', `${fieldName(day)}: ${t('addTimes')}`);
    add.addEventListener('click', () => {
      times.push(times.length ? '13:30-18:00' : '09:00-17:00');
      changed(true);
    });
    cell.append(add);
    row.append(cell);
    table.append(row);
  }
  box.append(table);

  const closed = (hours.closedDates ??= []);
  const dates = el('div', { className: 'closed-dates' });
  dates.dataset.file = file;
  dates.dataset.field = `${field}.closedDates`;
  dates.append(el('span', { className: 'field-name', textContent: fieldName('closedDates') }));
  closed.forEach((date, index) => {
    const input = el('input', { type: 'date', value: date });
    input.setAttribute('aria-label', `${fieldName('closedDates')} ${index + 1}`);
    input.addEventListener('input', () => {
      closed[index] = input.value;
      changed(false);
    });
    const remove = el('button', { type: 'button', className: 'tool', textContent: '✕', title: t('remove') });
    remove.setAttribute('aria-label', `${fieldName('closedDates')} ${index + 1}: ${t('remove')}`);
    remove.addEventListener('click', () => {
      closed.splice(index, 1);
      changed(true);
    });
    const one = el('span', { className: 'range' });
    one.dataset.file = file;
    one.dataset.field = `${field}.closedDates[${index}]`;
    one.append(input, remove);
    dates.append(one);
  });
  const addDate = el('button', { type: 'button', className: 'small', textContent: `+ ${t('addClosedDate')}` });
  addDate.addEventListener('click', () => {
    closed.push(new Date().toISOString().slice(0, 10));
    changed(true);
  });
  dates.append(addDate);
  box.append(dates);

  const when = el('select', { id: 'when-closed' });
  for (const [value, label] of [['black', 'whenClosedBlack'], ['clock', 'whenClosedClock']]) when.append(el('option', { value, textContent: t(label) }));
  when.value = hours.whenClosed ?? 'black';
  when.addEventListener('change', () => {
    hours.whenClosed = when.value;
    changed(false);
  });
  const whenBox = el('div', { className: 'field' });
  whenBox.dataset.file = file;
  whenBox.dataset.field = `${field}.whenClosed`;
  whenBox.append(el('label', { className: 'field-name', htmlFor: 'when-closed', textContent: fieldName('whenClosed') }), when);
  box.append(whenBox);
  return box;
}

function timeInput(value, label) {
  const input = el('input', { type: 'text', value, inputMode: 'numeric', placeholder: '09:00', size: 5, maxLength: 5, className: 'time' });
  input.setAttribute('aria-label', label);
  return input;
}
