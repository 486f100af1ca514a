// Forms drawn from the content files' JSON Schemas (the schemas the kiosk makes from its own
// types), so every field of every file can be edited and a new field needs no new form.
// A form edits one file's value in place and says when it changed; it knows nothing of
// saving or checking.

import { armed, el, textControl } from './dom.js';
import { choiceName, fieldName, lang, t } from './i18n.js';
import { hoursGrid } from './hours-grid.js';
import { duplicateOf, move, titleOf } from './records.js';

/** Fields that hold a whole date (a date picker); `date` may be a year alone, so it is text. */
const DATE_FIELDS = new Set(['from', 'until', 'published']);
/** Text fields long enough for a box of several lines. */
const LONG_FIELDS = new Set(['summary', 'body', 'text', 'address']);
/** Fields staff never see here. */
const HIDDEN_FIELDS = new Set(['$schema', 'staffPinHash']);
/** Fields drawn before their neighbours. */
const FIRST_FIELDS = ['highlights'];

/** `highlights[2].title`: the path as the kiosk's problems name it. */
export function fieldOf(path) {
  return path.reduce((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key), '');
}

export class SchemaForm {
  /**
   * `file`: e.g. 'highlights.json'; `schema`: its JSON Schema; `value`: the file's value,
   * changed in place; `hooks`: `{changed(structural), photoNames(), photoThumb(name)}`.
   */
  constructor(file, schema, value, hooks) {
    this.file = file;
    this.schema = schema;
    this.value = value;
    this.hooks = hooks;
  }

  /** Draws the whole form into `container`. */
  render(container) {
    this.container = container;
    container.replaceChildren(this.#node(this.schema, this.value, [], null));
  }

  #redraw() {
    const scroll = this.container.scrollTop;
    this.render(this.container);
    this.container.scrollTop = scroll;
    this.hooks.changed(true);
  }

  #resolve(schema) {
    if (!schema) return null;
    let node = schema;
    while (node?.$ref) {
      const name = node.$ref.replace('#/$defs/', '');
      const { $ref, ...rest } = node;
      node = { ...this.schema.$defs[name], ...rest, description: rest.description ?? this.schema.$defs[name].description };
    }
    // `X or nothing`: an optional X.
    const options = node.anyOf ?? node.oneOf;
    if (options && options.length === 2 && options.some((o) => o.type === 'null')) {
      const other = options.find((o) => o.type !== 'null');
      const { anyOf, oneOf, ...rest } = node;
      return { ...this.#resolve(other), ...rest, optional: true };
    }
    return node;
  }

  #isText(schema) {
    const options = schema.anyOf;
    return Array.isArray(options) && options.some((o) => o.type === 'string') && options.some((o) => o.type === 'object');
  }

  #choices(schema) {
    if (schema.enum) return schema.enum;
    const options = schema.oneOf ?? schema.anyOf;
    if (options?.every((o) => 'const' in o || o.enum)) return options.flatMap((o) => ('const' in o ? [o.const] : o.enum));
    return null;
  }

  /** The element editing `value` (described by `schema`) at `path`; `key`: its name in its object. */
  #node(rawSchema, value, path, key) {
    const schema = this.#resolve(rawSchema);
    if (this.#isText(schema)) return this.#text(schema, value, path, key);
    const choices = this.#choices(schema);
    if (choices) return this.#select(schema, choices, value, path, key);
    const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
    if (type === 'object' && schema.properties) {
      if (value === undefined || value === null) return this.#absent(schema, path, key);
      if (key === 'openingHours') {
        return hoursGrid(value, (structural) => (structural ? this.#redraw() : this.hooks.changed(false)), fieldOf(path), this.file);
      }
      return this.#object(schema, value, path, key);
    }
    if (type === 'array') return this.#array(schema, value ?? [], path, key);
    if (type === 'boolean') return this.#checkbox(schema, value, path, key);
    if (type === 'integer' || type === 'number') return this.#number(schema, value, path, key);
    if (type === 'string') return this.#string(schema, value, path, key);
    return this.#json(schema, value, path, key);
  }

  // --- Values in the file -----------------------------------------------------------------

  #get(path) {
    return path.reduce((node, key) => node?.[key], this.value);
  }

  #set(path, value, { structural = false } = {}) {
    const parent = this.#get(path.slice(0, -1));
    const key = path[path.length - 1];
    const empty = value === undefined || value === '' || (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);
    if (empty && typeof key === 'string' && !this.#isRequired(path)) delete parent[key];
    else parent[key] = value ?? '';
    this.#retitle(path);
    this.hooks.changed(structural);
  }

  /** Keeps the titles of the records around `path` (a highlight's, a contact's) up to date. */
  #retitle(path) {
    path.forEach((key, i) => {
      if (typeof key !== 'number') return;
      const prefix = path.slice(0, i + 1);
      const node = this.container?.querySelector(`[data-field="${CSS.escape(fieldOf(prefix))}"]`);
      const title = node?.parentElement?.querySelector(':scope > .tools > .record-title');
      if (title) title.textContent = titleOf(this.#get(prefix), key);
    });
  }

  #isRequired(path) {
    const key = path.at(-1);
    if (key === undefined || typeof key === 'number') return true;
    return (this.#schemaAt(path.slice(0, -1))?.required ?? []).includes(key);
  }

  #schemaAt(path) {
    let schema = this.#resolve(this.schema);
    for (const key of path) {
      schema = this.#resolve(typeof key === 'number' ? schema?.items : schema?.properties?.[key]);
      if (!schema) return null;
    }
    return schema;
  }

  // --- Elements -------------------------------------------------------------------------------

  #field(schema, path, key, control, { wide = false } = {}) {
    const wrap = el('div', { className: `field${wide ? ' wide' : ''}` });
    wrap.dataset.file = this.file;
    wrap.dataset.field = fieldOf(path);
    if (key !== null && typeof key !== 'number') {
      const label = el('label', { className: 'field-name', textContent: fieldName(String(key)) });
      const input = control.matches?.('input, select, textarea') ? control : control.querySelector?.('input, select, textarea');
      if (input) {
        input.id ||= `f-${this.file}-${fieldOf(path)}`.replace(/[^\w-]/g, '_');
        label.htmlFor = input.id;
      }
      wrap.append(label);
    }
    if (typeof key === 'number') {
      // An item of a list has no label of its own: it is named by its list and place.
      const name = `${fieldName(String(path.at(-2)))} ${key + 1}`;
      const inputs = control.matches?.('input, select, textarea') ? [control] : [...control.querySelectorAll('input, select, textarea')];
      for (const input of inputs) if (!input.hasAttribute('aria-label')) input.setAttribute('aria-label', name);
    }
    wrap.append(control);
    if (schema.description && lang() === 'en') wrap.append(el('p', { className: 'help', textContent: schema.description.split('\n').join(' ') }));
    return wrap;
  }

  #text(schema, value, path, key) {
    const long = LONG_FIELDS.has(key);
    const box = el('div', { className: 'text-pair' });
    if (typeof value === 'string' && value !== '') {
      const input = textControl(long, value);
      input.addEventListener('input', () => this.#set(path, input.value));
      const split = el('button', { type: 'button', className: 'small', textContent: t('separate') });
      split.addEventListener('click', () => {
        this.#set(path, { zh: input.value, en: input.value }, { structural: true });
        this.#redraw();
      });
      box.append(input, split);
      return this.#field(schema, path, key, box, { wide: long });
    }
    const texts = value && typeof value === 'object' ? value : {};
    for (const code of ['zh', 'en']) {
      const side = el('div', { className: 'text-side' });
      const input = textControl(long, texts[code] ?? '');
      input.lang = code === 'zh' ? 'zh-Hans' : 'en';
      input.id = `f-${this.file}-${fieldOf([...path, code])}`.replace(/[^\w-]/g, '_');
      input.setAttribute('aria-label', `${fieldName(String(key ?? ''))} ${fieldName(code)}`);
      const tag = el('span', { className: 'lang-tag', textContent: code === 'zh' ? '中文' : 'EN' });
      const missing = el('span', { className: 'missing', textContent: t('translationMissing') });
      const mark = () => {
        const other = code === 'zh' ? 'en' : 'zh';
        missing.hidden = !(input.value.trim() === '' && (this.#get(path)?.[other] ?? '').trim() !== '');
      };
      input.addEventListener('input', () => {
        const now = { ...(this.#get(path) && typeof this.#get(path) === 'object' ? this.#get(path) : {}) };
        if (input.value === '') delete now[code];
        else now[code] = input.value;
        this.#set(path, Object.keys(now).length ? now : undefined);
        box.querySelectorAll('input, textarea').forEach((i) => i.dispatchEvent(new Event('mark')));
      });
      input.addEventListener('mark', mark);
      side.append(tag, input, missing);
      box.append(side);
      queueMicrotask(mark);
    }
    return this.#field(schema, path, key, box, { wide: true });
  }

  #string(schema, value, path, key) {
    if (key === 'defaultLanguage' && Array.isArray(this.value.languages)) return this.#select(schema, this.value.languages, value, path, key);
    if (path.at(-2) === 'photos' && typeof path.at(-1) === 'number' && this.file !== 'photos.json') return this.#photoRef(schema, value, path, key);
    const input = textControl(LONG_FIELDS.has(key), value ?? '');
    // A time window's "from" and "until" are times of day; elsewhere they are dates.
    if (DATE_FIELDS.has(key)) input.type = path.at(-3) === 'times' ? 'time' : 'date';
    input.addEventListener('input', () => this.#set(path, input.value));
    return this.#field(schema, path, key, input);
  }

  /** One of a highlight's photos: its thumbnail and a choice from the photo library. */
  #photoRef(schema, value, path, key) {
    const box = el('div', { className: 'photo-ref' });
    const thumb = el('img', { className: 'thumb', alt: '' });
    const show = (name) => {
      const url = this.hooks.photoThumb(name);
      thumb.hidden = !url;
      if (url) thumb.src = url;
    };
    const select = el('select');
    select.setAttribute('aria-label', `${fieldName('photos')} ${Number(key) + 1}`);
    const names = this.hooks.photoNames();
    for (const name of new Set([...(value ? [value] : []), ...names])) select.append(el('option', { value: name, textContent: name }));
    select.value = value ?? '';
    select.addEventListener('change', () => {
      this.#set(path, select.value);
      show(select.value);
    });
    show(value);
    box.append(thumb, select);
    return this.#field(schema, path, null, box);
  }

  #select(schema, choices, value, path, key) {
    const select = el('select');
    if (schema.optional || !this.#isRequired(path)) select.append(el('option', { value: '', textContent: t('notSet') }));
    for (const choice of choices) select.append(el('option', { value: String(choice), textContent: choiceName(typeof key === 'number' ? path.at(-2) : key, choice) }));
    select.value = String(value ?? schema.default ?? '');
    // The file keeps each choice's own type: `true`, not "true".
    select.addEventListener('change', () => this.#set(path, choices.find((c) => String(c) === select.value)));
    return this.#field(schema, path, key, select);
  }

  #number(schema, value, path, key) {
    const input = el('input', { type: 'number', value: value ?? '' });
    if (schema.minimum !== undefined) input.min = schema.minimum;
    if (schema.maximum !== undefined) input.max = schema.maximum;
    if (schema.default !== undefined) input.placeholder = String(schema.default);
    input.addEventListener('input', () => this.#set(path, input.value === '' ? undefined : Number(input.value)));
    return this.#field(schema, path, key, input);
  }

  #checkbox(schema, value, path, key) {
    const input = el('input', { type: 'checkbox', checked: value ?? schema.default ?? false });
    input.addEventListener('change', () => this.#set(path, input.checked));
    return this.#field(schema, path, key, input);
  }

  #json(schema, value, path, key) {
    const input = textControl(true, value === undefined ? '' : JSON.stringify(value, null, 2));
    input.classList.add('code');
    input.addEventListener('change', () => {
      try {
        this.#set(path, input.value.trim() === '' ? undefined : JSON.parse(input.value));
        input.removeAttribute('aria-invalid');
      } catch {
        input.setAttribute('aria-invalid', 'true');
      }
    });
    return this.#field(schema, path, key, input, { wide: true });
  }

  #object(schema, value, path, key) {
    const box = el(key === null || typeof key === 'number' ? 'div' : 'fieldset', { className: 'object' });
    if (box.tagName === 'FIELDSET') box.append(el('legend', { textContent: fieldName(String(key)) }));
    // The list staff came for goes first (a file's highlights before its sources).
    const properties = Object.entries(schema.properties).sort(([a], [b]) => FIRST_FIELDS.indexOf(b) - FIRST_FIELDS.indexOf(a));
    for (const [name, property] of properties) {
      if (HIDDEN_FIELDS.has(name) || property.writeOnly) continue;
      box.append(this.#node(property, value[name], [...path, name], name));
    }
    box.dataset.file = this.file;
    box.dataset.field = fieldOf(path);
    return box;
  }

  /** An optional group of fields that is not there: a button that adds it. */
  #absent(schema, path, key) {
    const add = el('button', { type: 'button', className: 'add', textContent: `+ ${t('add')}: ${fieldName(String(key))}` });
    add.addEventListener('click', () => {
      this.#get(path.slice(0, -1))[path.at(-1)] = this.#emptyOf(schema);
      this.#redraw();
    });
    const wrap = el('div', { className: 'field' });
    wrap.dataset.file = this.file;
    wrap.dataset.field = fieldOf(path);
    wrap.append(add);
    return wrap;
  }

  #array(schema, items, path, key) {
    const box = el('fieldset', { className: 'list' });
    box.dataset.file = this.file;
    box.dataset.field = fieldOf(path);
    box.append(el('legend', { textContent: fieldName(String(key ?? '')) }));
    const itemSchema = this.#resolve(schema.items ?? {});
    const records = itemSchema.type === 'object';
    items.forEach((item, index) => {
      const row = el('div', { className: records ? 'record' : 'row' });
      row.dataset.index = index;
      const tools = el('div', { className: 'tools' });
      if (records) tools.append(el('span', { className: 'record-title', textContent: titleOf(item, index) }));
      tools.append(
        this.#tool('↑', t('moveUp'), index > 0, () => move(items, index, index - 1)),
        this.#tool('↓', t('moveDown'), index < items.length - 1, () => move(items, index, index + 1)),
      );
      if (records) tools.append(this.#tool('⧉', t('duplicate'), true, () => items.splice(index + 1, 0, duplicateOf(item, items))));
      tools.append(this.#tool('✕', t('remove'), true, () => items.splice(index, 1), true));
      if (records) {
        row.draggable = true;
        row.addEventListener('dragstart', (event) => event.dataTransfer.setData('text/x-index', String(index)));
        row.addEventListener('dragover', (event) => event.preventDefault());
        row.addEventListener('drop', (event) => {
          event.preventDefault();
          const from = Number(event.dataTransfer.getData('text/x-index'));
          if (Number.isInteger(from) && from !== index) {
            move(items, from, index);
            this.#redraw();
          }
        });
      }
      row.append(tools, this.#node(schema.items, item, [...path, index], index));
      box.append(row);
    });
    const add = el('button', { type: 'button', className: 'add', textContent: `+ ${key === 'highlights' ? t('addHighlight') : `${t('add')}: ${fieldName(String(key ?? ''))}`}` });
    add.addEventListener('click', () => {
      if (!this.#get(path)) this.#set(path, items, { structural: true });
      const fresh = this.#emptyOf(schema.items);
      if (key === 'highlights') items.unshift(fresh);
      else items.push(fresh);
      this.#redraw();
      const at = key === 'highlights' ? 0 : items.length - 1;
      this.container.querySelector(`[data-field="${fieldOf([...path, at])}"] input, [data-field="${fieldOf([...path, at])}"] textarea, [data-field="${fieldOf([...path, at])}"] select`)?.focus();
    });
    // New highlights go first, where staff look.
    if (key === 'highlights') box.insertBefore(add, box.children[1]);
    else box.append(add);
    return box;
  }

  #tool(symbol, label, enabled, act, confirmFirst = false) {
    const button = el('button', { type: 'button', className: 'tool', textContent: symbol, title: label, disabled: !enabled });
    button.setAttribute('aria-label', label);
    const run = () => {
      act();
      this.#redraw();
    };
    button.addEventListener('click', confirmFirst ? armed(button, label, run) : run);
    return button;
  }

  /** A new, empty value for `schema`: what a new item starts as. */
  #emptyOf(rawSchema) {
    const schema = this.#resolve(rawSchema);
    if (this.#isText(schema)) return { zh: '', en: '' };
    const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
    if (type === 'object' && schema.properties) {
      const value = {};
      for (const name of schema.required ?? []) value[name] = this.#emptyOf(schema.properties[name]);
      if ('id' in schema.properties) value.id = `new-${Date.now().toString(36)}`;
      return value;
    }
    if (type === 'array') return [];
    if (type === 'integer' || type === 'number') return schema.default ?? schema.minimum ?? 0;
    if (type === 'boolean') return schema.default ?? false;
    const choices = this.#choices(schema);
    return choices ? choices[0] : '';
  }
}
