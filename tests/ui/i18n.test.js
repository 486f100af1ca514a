import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { columns, formatDate, label, languagePair, pick } from '../../ui/js/i18n.js';

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
