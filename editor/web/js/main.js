// The editor's page: the draft (every content file's value), the form of the tab open, the
// problems the server finds in the draft as staff type, the preview, save and undo.

import * as api from './api.js';
import { LANGS, fieldName, lang, said, setLang, t } from './i18n.js';
import { PhotoLibrary } from './photos.js';
import { Preview, SIZES } from './preview.js';
import { SchemaForm, el } from './schema-form.js';

/** How long typing rests before the draft is checked (and the preview redrawn). */
const CHECK_AFTER_MS = 60;

const TABS = [
  { id: 'highlights', label: 'tabHighlights', file: 'highlights.json' },
  { id: 'photos', label: 'tabPhotos', file: 'photos.json' },
  { id: 'contacts', label: 'tabContacts', file: 'contacts.json' },
  { id: 'settings', label: 'tabSettings', file: 'settings.json' },
  { id: 'history', label: 'tabHistory', file: null },
];
const VIEWS = [['slide', 'viewSlide'], ['story', 'viewStory'], ['contact', 'viewContact']];

const state = {
  files: {},
  readAs: {},
  schemas: {},
  saved: {},
  broken: {},
  diagnostics: [],
  content: null,
  tab: 'highlights',
  view: { screen: 'slide', item: null, lang: lang() },
  checking: 0,
  message: '',
};

const $ = (id) => document.getElementById(id);
const library = new PhotoLibrary(() => scheduleCheck());
const preview = new Preview($('preview-holder'));
let form = null;
let checkTimer = 0;

setLang(lang());
start();

async function start() {
  await Promise.all([loadContent(), library.load()]);
  drawChrome();
  drawTab();
  await runCheck();
  document.body.dataset.ready = 'true';
}

async function loadContent() {
  const answer = await api.readContent();
  const body = answer.body;
  state.schemas = body.schemas;
  $('folder').textContent = body.folder;
  for (const file of body.files) {
    state.readAs[file.name] = file.hash;
    if (file.value === null) {
      state.broken[file.name] = true;
      delete state.files[file.name];
    } else {
      delete state.broken[file.name];
      state.files[file.name] = file.value;
      state.saved[file.name] = JSON.stringify(file.value);
    }
  }
  state.diagnostics = body.diagnostics;
}

// --- The frame around the form --------------------------------------------------------------

function drawChrome() {
  document.title = t('appTitle');
  $('title').textContent = t('appTitle');
  $('save').textContent = t('save');
  $('logout').textContent = t('logout');
  $('logout').hidden = false;
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang()));
  const tabs = $('tabs');
  tabs.replaceChildren(
    ...TABS.map((tab) => {
      const button = el('button', { type: 'button', role: 'tab', textContent: t(tab.label), id: `tab-${tab.id}` });
      button.setAttribute('aria-selected', String(tab.id === state.tab));
      button.setAttribute('aria-controls', 'form');
      button.addEventListener('click', () => {
        state.tab = tab.id;
        drawChrome();
        drawTab();
      });
      return button;
    }),
  );
  drawPreviewControls();
  showStatus();
}

function drawPreviewControls() {
  const controls = $('preview-controls');
  const select = (label, options, value, pick) => {
    const id = `preview-${label}`;
    const box = el('select', { id });
    for (const [optionValue, text] of options) box.append(el('option', { value: optionValue, textContent: text }));
    box.value = value;
    box.addEventListener('change', () => pick(box.value));
    return [el('label', { htmlFor: id, textContent: t(label) }), box];
  };
  controls.replaceChildren(
    el('h2', { textContent: t('preview') }),
    ...select('previewSize', SIZES.map(([w, h]) => [`${w}x${h}`, `${w} × ${h}`]), preview.size.join('x'), (value) => {
      preview.setSize(value.split('x').map(Number));
    }),
    ...select('previewLang', LANGS.map((code) => [code, code === 'zh' ? '中文' : 'English']), state.view.lang, (value) => {
      state.view.lang = value;
      showPreview();
    }),
    ...select('previewScreen', VIEWS.map(([value, label]) => [value, t(label)]), state.view.screen, (value) => {
      state.view.screen = value;
      showPreview();
    }),
  );
}

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    setLang(button.dataset.lang);
    drawChrome();
    drawTab();
    showProblems();
  });
}
$('save').addEventListener('click', () => saveDraft());
$('logout').addEventListener('click', async () => {
  await api.logout();
  location.assign('/login');
});
addEventListener('beforeunload', (event) => {
  if (dirtyFiles().length) event.preventDefault();
});

// --- The tab's form -------------------------------------------------------------------------

function drawTab() {
  const holder = $('form');
  const tab = TABS.find((one) => one.id === state.tab);
  holder.setAttribute('aria-labelledby', `tab-${tab.id}`);
  if (tab.id === 'history') {
    drawHistory(holder);
    return;
  }
  const parts = [];
  if (tab.id === 'photos') {
    const libraryBox = el('section', { className: 'photos-box' });
    library.render(libraryBox, usedPhotos());
    parts.push(libraryBox);
  }
  const formBox = el('section', { className: 'form-box' });
  if (state.broken[tab.file]) {
    formBox.append(el('p', { className: 'problem', textContent: `${tab.file}: ${t('brokenFile')}` }));
  } else {
    form = new SchemaForm(tab.file, state.schemas[tab.file.replace('.json', '.schema.json')], state.files[tab.file], {
      changed: () => changed(),
      photoNames: () => library.names(),
      photoThumb: (name) => library.thumb(name),
    });
    form.render(formBox);
  }
  holder.replaceChildren(...parts, formBox);
  showProblems();
}

function usedPhotos() {
  const used = new Set();
  for (const highlight of state.files['highlights.json']?.highlights ?? []) for (const name of highlight.photos ?? []) used.add(name);
  for (const photo of state.files['photos.json']?.photos ?? []) used.add(photo.file);
  return used;
}

$('form').addEventListener('focusin', (event) => {
  const field = event.target.closest('[data-field]')?.dataset.field ?? '';
  const found = /^highlights\[(\d+)\]/.exec(field);
  if (state.tab !== 'highlights' || !found) return;
  const id = state.files['highlights.json'].highlights[Number(found[1])]?.id ?? null;
  if (id !== state.view.item) {
    state.view.item = id;
    if (state.view.screen === 'contact') state.view.screen = 'slide';
    drawPreviewControls();
    showPreview();
  }
});

function changed() {
  showStatus();
  scheduleCheck();
}

function dirtyFiles() {
  return Object.keys(state.files).filter((name) => JSON.stringify(state.files[name]) !== state.saved[name]);
}

// --- Checking as staff type -----------------------------------------------------------------

function scheduleCheck() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(runCheck, CHECK_AFTER_MS);
}

async function runCheck() {
  const asked = ++state.checking;
  const answer = await api.check(state.files);
  if (asked !== state.checking || !answer.ok) return;
  state.diagnostics = answer.body.diagnostics;
  if (answer.body.content) state.content = answer.body.content;
  showProblems();
  showStatus();
  showPreview();
  document.body.dataset.checked = String(asked);
}

function hasErrors() {
  return state.diagnostics.some((d) => d.severity === 'error');
}

function showPreview() {
  $('preview-stale').hidden = !hasErrors();
  $('preview-stale').textContent = t('previewStale');
  if (state.content) preview.show(state.content, library.views(), { ...state.view });
}

function showProblems() {
  const list = $('problems');
  for (const old of document.querySelectorAll('#form .problem-at')) old.remove();
  for (const old of document.querySelectorAll('#form [aria-invalid]')) old.removeAttribute('aria-invalid');
  const items = state.diagnostics.map((diagnostic) => {
    const where = [diagnostic.file, diagnostic.field ? describeField(diagnostic.field) : ''].filter(Boolean).join(' · ');
    const text = `${said(diagnostic.message)}${diagnostic.hint ? ` — ${said(diagnostic.hint)}` : ''}`;
    const item = el('li', { className: diagnostic.severity });
    const jump = el('button', { type: 'button', className: 'link', textContent: where });
    jump.addEventListener('click', () => goToField(diagnostic));
    item.append(jump, el('span', { textContent: ` ${text}` }));
    placeAtField(diagnostic, text);
    return item;
  });
  const heading = el('h2', { textContent: `${t('problems')}: ${items.length || t('noProblems')}` });
  const problems = el('ul');
  problems.append(...items);
  list.replaceChildren(heading, problems);
  $('save').disabled = hasErrors();
  $('save').title = hasErrors() ? t('errorsBlockSave') : '';
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
function elementFor(diagnostic) {
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
  const note = el('p', { className: `problem-at ${diagnostic.severity}`, textContent: text });
  target.append(note);
  if (diagnostic.severity === 'error') target.querySelectorAll(':scope > input, :scope > textarea, :scope > select, :scope > .text-pair input, :scope > .text-pair textarea').forEach((input) => input.setAttribute('aria-invalid', 'true'));
}

function goToField(diagnostic) {
  const tab = TABS.find((one) => one.file === diagnostic.file);
  if (tab && tab.id !== state.tab) {
    state.tab = tab.id;
    drawChrome();
    drawTab();
  }
  const target = elementFor(diagnostic);
  target?.scrollIntoView({ block: 'center' });
  target?.querySelector('input, textarea, select')?.focus();
}

// --- Saving ---------------------------------------------------------------------------------

function showStatus(message = state.message) {
  state.message = message;
  const dirty = dirtyFiles().length > 0;
  $('status').textContent = message || (dirty ? t('unsaved') : '');
}

async function saveDraft() {
  const names = dirtyFiles();
  if (!names.length) {
    showStatus(t('nothingToSave'));
    return;
  }
  $('conflict').hidden = true;
  showStatus(t('saving'));
  const files = Object.fromEntries(names.map((name) => [name, state.files[name]]));
  const answer = await api.save(files, state.readAs);
  const body = answer.body ?? {};
  if (answer.ok) {
    for (const name of names) state.saved[name] = JSON.stringify(state.files[name]);
    Object.assign(state.readAs, body.hashes);
    showStatus(t('saved'));
    return;
  }
  if (body.outcome === 'invalid') {
    state.diagnostics = body.diagnostics;
    showProblems();
  }
  if (body.outcome === 'conflict') showConflict(body);
  showStatus(said(body.message) || `HTTP ${answer.status}`);
}

function showConflict(body) {
  const box = $('conflict');
  const reload = el('button', { type: 'button', textContent: t('reload') });
  reload.addEventListener('click', async () => {
    await loadContent();
    box.hidden = true;
    drawTab();
    showStatus('');
    runCheck();
  });
  box.replaceChildren(el('h2', { textContent: t('conflictTitle') }), el('p', { textContent: said(body.message) }), reload);
  box.hidden = false;
}

// --- History and undo -----------------------------------------------------------------------

async function drawHistory(holder) {
  const answer = await api.history();
  const records = answer.ok ? answer.body : [];
  const why = { save: 'whySave', deletePhoto: 'whyDeletePhoto', restore: 'whyRestore' };
  const list = el('ol', { className: 'history' });
  for (const record of records) {
    const item = el('li');
    item.dataset.record = record.id;
    const what = [...record.files, ...record.photos.map((name) => `photos/${name}`)].join(', ');
    item.append(el('time', { textContent: record.at.replace('T', ' '), dateTime: record.at }), el('span', { textContent: ` ${t(why[record.why])}: ${what} ` }));
    const button = el('button', { type: 'button', textContent: t('restore') });
    button.addEventListener('click', async () => {
      const restored = await api.restore(record.id);
      if (!restored.ok) {
        showStatus(said(restored.body?.message));
        return;
      }
      await Promise.all([loadContent(), library.load()]);
      const kept = (restored.body.kept ?? []).map(said).join(' ');
      showStatus(`${t('restored')} ${kept}`);
      drawTab();
      runCheck();
    });
    item.append(button);
    list.append(item);
  }
  holder.replaceChildren(el('p', { textContent: t('historyIntro') }), records.length ? list : el('p', { textContent: t('historyEmpty') }));
}

