// The editor's page: the draft (every content file's value), the form of the tab open, the
// problems the server finds in the draft as staff type, the preview, save and undo.

import * as api from './api.js';
import { el } from './dom.js';
import { drawHistory } from './history.js';
import { drawScreens } from './screens.js';
import { LANGS, lang, said, setLang, t } from './i18n.js';
import { PhotoLibrary } from './photos.js';
import { stable } from './records.js';
import { Preview, SIZES } from './preview.js';
import { elementFor, showProblems as drawProblems } from './problems.js';
import { SchemaForm } from './schema-form.js';

/** How long typing rests before the draft is checked (and the preview redrawn). */
const CHECK_AFTER_MS = 60;

const TABS = [
  { id: 'highlights', label: 'tabHighlights', file: 'highlights.json' },
  { id: 'photos', label: 'tabPhotos', file: 'photos.json' },
  { id: 'contacts', label: 'tabContacts', file: 'contacts.json' },
  { id: 'settings', label: 'tabSettings', file: 'settings.json' },
  { id: 'screens', label: 'tabScreens', file: null },
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

/** How often the preview is asked whether its text fits. */
const FIT_CHECK_MS = 700;

const $ = (id) => document.getElementById(id);
const library = new PhotoLibrary(() => scheduleCheck());
const preview = new Preview($('preview-holder'));
let form = null;
let checkTimer = 0;

setLang(lang());
start();
setInterval(showFit, FIT_CHECK_MS);

/** Tells staff when the preview had to shrink their text, or cannot fit it at all. */
function showFit() {
  const found = preview.fitNow();
  const note = $('preview-fit');
  const text = !found || found.fit === 'whole'
    ? ''
    : found.fit === 'shrunk'
      ? t('fitShrunk').replace('{percent}', String(Math.round(found.scale * 100)))
      : t('fitOverflows');
  note.textContent = text;
  note.hidden = text === '';
  note.className = `preview-fit ${found?.fit ?? ''}`;
}

async function start() {
  await Promise.all([loadContent(), library.load()]);
  drawChrome();
  drawTab();
  await runCheck();
  document.body.dataset.ready = 'true';
  // The moment the page became usable, for `make bench` (and any browser's profiler).
  performance.mark('editor-ready');
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
      state.saved[file.name] = stable(file.value);
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
    const group = el('div', { className: 'control' });
    group.append(el('label', { htmlFor: id, textContent: t(label) }), box);
    return group;
  };
  controls.replaceChildren(
    el('h2', { textContent: t('preview') }),
    select('previewSize', SIZES.map(([w, h]) => [`${w}x${h}`, `${w} × ${h}`]), preview.size.join('x'), (value) => {
      preview.setSize(value.split('x').map(Number));
    }),
    select('previewLang', LANGS.map((code) => [code, code === 'zh' ? '中文' : 'English']), state.view.lang, (value) => {
      state.view.lang = value;
      showPreview();
    }),
    select('previewScreen', VIEWS.map(([value, label]) => [value, t(label)]), state.view.screen, (value) => {
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
  if (tab.id === 'screens') {
    drawScreens(holder, (published) => {
      const body = published.body ?? {};
      if (published.ok) showStatus(['published', { zh: body.revision, en: body.revision }]);
      else showStatus(body.message ?? null);
      if (body.outcome === 'invalid') {
        state.diagnostics = body.diagnostics;
        showProblems();
      }
    });
    return;
  }
  if (tab.id === 'history') {
    drawHistory(holder, async (restored) => {
      if (!restored.ok) {
        showStatus(restored.body?.message ?? null);
        return;
      }
      await Promise.all([loadContent(), library.load()]);
      showStatus(['restored', ...(restored.body.kept ?? [])]);
      drawTab();
      runCheck();
    });
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

// The preview follows the highlight being edited.
$('form').addEventListener('focusin', () => followFocus());

/** The highlight whose field has the focus becomes the preview's item. */
function followFocus() {
  const field = document.activeElement?.closest?.('#form [data-field]')?.dataset.field ?? '';
  const found = /^highlights\[(\d+)\]/.exec(field);
  if (state.tab !== 'highlights' || !found) return false;
  const id = state.files['highlights.json'].highlights[Number(found[1])]?.id ?? null;
  if (id === state.view.item) return false;
  state.view.item = id;
  if (state.view.screen === 'contact') {
    state.view.screen = 'slide';
    drawPreviewControls();
  }
  showPreview();
  return true;
}

// Ctrl+S (⌘S) saves, as in any editor.
addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
    event.preventDefault();
    saveDraft();
  }
});

function changed() {
  nameNewHighlights();
  // An edited id moves the preview with it.
  state.view.item = null;
  followFocus();
  showStatus(null);
  scheduleCheck();
}

/** New highlights whose id the editor still chooses (from their English title). */
const autoNamed = new WeakSet();

/**
 * A new highlight is named after its English title ("Open day" gives open-day) until staff
 * type a name themselves: an id is not something staff should have to invent.
 */
function nameNewHighlights() {
  const highlights = state.files['highlights.json']?.highlights ?? [];
  const focused = document.activeElement?.closest?.('#form [data-field]')?.dataset.field ?? '';
  highlights.forEach((highlight, index) => {
    if (/^new-/.test(highlight.id ?? '')) autoNamed.add(highlight);
    if (!autoNamed.has(highlight)) return;
    if (focused === `highlights[${index}].id`) {
      autoNamed.delete(highlight);
      return;
    }
    const english = typeof highlight.title === 'string' ? highlight.title : highlight.title?.en ?? '';
    const base = english.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
    if (!base) return;
    let id = base;
    for (let n = 2; highlights.some((other) => other !== highlight && other.id === id); n += 1) id = `${base}-${n}`;
    highlight.id = id;
    const input = document.querySelector(`#form [data-field="highlights[${index}].id"] input`);
    if (input) input.value = id;
  });
}

function dirtyFiles() {
  return Object.keys(state.files).filter((name) => stable(state.files[name]) !== state.saved[name]);
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
  performance.mark('checked');
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
  drawProblems(state.diagnostics, goToField);
  $('save').disabled = hasErrors();
  $('save').title = hasErrors() ? t('errorsBlockSave') : '';
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

/**
 * The status line. `message`: a word key of i18n.js, or the server's words (`{zh, en}`), or
 * a list of either; kept, so a change of language says it again in the other.
 */
function showStatus(message = state.message) {
  state.message = message ?? null;
  const parts = (Array.isArray(message) ? message : [message]).filter(Boolean);
  const text = parts.map((part) => (typeof part === 'string' ? t(part) : said(part))).join(' ');
  $('status').textContent = text || (dirtyFiles().length > 0 ? t('unsaved') : '');
}

async function saveDraft() {
  const names = dirtyFiles();
  if (!names.length) {
    showStatus('nothingToSave');
    return;
  }
  $('conflict').hidden = true;
  showStatus('saving');
  const files = Object.fromEntries(names.map((name) => [name, state.files[name]]));
  const answer = await api.save(files, state.readAs);
  const body = answer.body ?? {};
  if (answer.ok) {
    for (const name of names) state.saved[name] = stable(state.files[name]);
    Object.assign(state.readAs, body.hashes);
    showStatus('saved');
    return;
  }
  if (body.outcome === 'invalid') {
    state.diagnostics = body.diagnostics;
    showProblems();
  }
  if (body.outcome === 'conflict') showConflict(body);
  showStatus(body.message ?? { zh: `HTTP ${answer.status}`, en: `HTTP ${answer.status}` });
}

function showConflict(body) {
  const box = $('conflict');
  const reload = el('button', { type: 'button', textContent: t('reload') });
  reload.addEventListener('click', async () => {
    await loadContent();
    box.hidden = true;
    drawTab();
    showStatus(null);
    runCheck();
  });
  box.replaceChildren(el('h2', { textContent: t('conflictTitle') }), el('p', { textContent: said(body.message) }), reload);
  box.hidden = false;
}
