import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  LABELS, columns, formatDate, formatTime, formatToday, htmlLang, label, languageName, languagePair, languagesLedBy, pick,
} from '../../ui/js/logic/i18n.js';

test('Chinese is marked as Simplified Chinese, so its glyphs and its reading are right', () => {
  assert.equal(htmlLang('zh'), 'zh-Hans');
  assert.equal(htmlLang('en'), 'en');
});

test('a plain string is the same in every language', () => {
  assert.equal(pick('0757-82210575', 'en', 'zh'), '0757-82210575');
});

test('the visitor language is used when it is there', () => {
  assert.equal(pick({ zh: '禅城园', en: 'Chancheng Park' }, 'en', 'zh'), 'Chancheng Park');
});

test('a missing or blank translation falls back to the default language', () => {
  assert.equal(pick({ zh: '禅城园' }, 'en', 'zh'), '禅城园');
  assert.equal(pick({ zh: '禅城园', en: '  ' }, 'en', 'zh'), '禅城园');
});

test('with neither language present any written one is shown rather than nothing', () => {
  assert.equal(pick({ fr: 'Parc' }, 'en', 'zh'), 'Parc');
  assert.equal(pick(undefined, 'en', 'zh'), '');
});

test('the default language comes first, then the first other language', () => {
  assert.deepEqual(languagePair({ languages: ['en', 'zh'], defaultLanguage: 'zh' }), { primary: 'zh', secondary: 'en' });
  assert.deepEqual(languagePair({ languages: ['zh'], defaultLanguage: 'zh' }), { primary: 'zh', secondary: null });
});

test('dates are written the way each language writes them', () => {
  assert.equal(formatDate('2024-04-22', 'zh'), '2024年4月22日');
  assert.equal(formatDate('2024-04-22', 'en'), '22 April 2024');
  assert.equal(formatDate('2023', 'zh'), '2023年');
  assert.equal(formatDate('2023', 'en'), '2023');
  assert.equal(formatDate('sometime', 'en'), 'sometime');
});

test('labels fall back to English for a language without labels', () => {
  assert.equal(label('contactUs', 'zh'), '联系我们');
  assert.equal(label('contactUs', 'fr'), 'Contact Us');
});

test('text is measured in columns as the backend measures it', () => {
  const cases = JSON.parse(readFileSync(new URL('../shared-rules/columns.json', import.meta.url)));
  assert.ok(cases.length > 5);
  for (const { text, columns: expected } of cases) assert.equal(columns(text), expected, text);
});

test("the visitor's language leads, the other follows", () => {
  const settings = { languages: ['zh', 'en'], defaultLanguage: 'zh' };
  assert.deepEqual(languagesLedBy('en', settings), { primary: 'en', secondary: 'zh' });
});

test('labels fill in their numbers', () => {
  assert.equal(label('returning', 'en', { n: 20 }), 'Returning to the slideshow in 20 s');
  assert.equal(label('returning', 'zh', { n: 5 }), '5 秒后返回首页');
  assert.equal(label('itemOf', 'en', { i: 2, n: 7 }), '2 of 7');
});

test('every label exists in every language the kiosk speaks', () => {
  const keys = Object.keys(LABELS.en).sort();
  for (const [lang, labels] of Object.entries(LABELS)) assert.deepEqual(Object.keys(labels).sort(), keys, lang);
});

test('each language is named in itself', () => {
  assert.equal(languageName('zh'), '中文');
  assert.equal(languageName('en'), 'English');
  assert.equal(languageName('fr'), 'FR');
});

test('the clock shows the time and the day in each language', () => {
  // A wall time (the kiosk's local time in the UTC fields: see logic/wall-clock.js).
  const date = new Date(Date.UTC(2026, 10, 28, 9, 5));
  assert.equal(formatTime(date), '09:05');
  assert.equal(formatToday(date, 'zh'), '11月28日 星期六');
  assert.equal(formatToday(date, 'en'), 'Saturday 28 November');
});
