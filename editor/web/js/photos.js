// The photo library: every photo of the folder with its thumbnail, upload by drag and drop
// or a file picker (several at once, each with its progress), and delete (into the history).

import * as api from './api.js';
import { said, t } from './i18n.js';
import { armed, el } from './dom.js';

export class PhotoLibrary {
  /** `photos`: the listing (`[{name, view, problem}]`); `changed()`: the listing changed. */
  constructor(changed) {
    this.photos = [];
    this.changed = changed;
  }

  async load() {
    const answer = await api.listPhotos();
    if (answer.ok) this.photos = answer.body;
    return this;
  }

  names() {
    return this.photos.filter((photo) => photo.view).map((photo) => photo.name);
  }

  thumb(name) {
    return this.photos.find((photo) => photo.name === name)?.view?.thumbnail ?? null;
  }

  /** The ready photos as the kiosk's UI takes them: `{name: {full, width, …}}`. */
  views() {
    return Object.fromEntries(this.photos.filter((photo) => photo.view).map((photo) => [photo.name, photo.view]));
  }

  render(container, used) {
    const input = el('input', { type: 'file', multiple: true, accept: 'image/jpeg,image/png,image/webp,image/gif,.heic,.heif', id: 'photo-files' });
    const drop = el('label', { className: 'drop', htmlFor: 'photo-files', textContent: t('dropHere') });
    const progress = el('ul', { className: 'uploads' });
    input.className = 'visually-hidden';
    input.addEventListener('change', () => this.#upload([...input.files], progress, container, used));
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      this.#upload([...event.dataTransfer.files], progress, container, used);
    });
    const grid = el('ul', { className: 'library' });
    for (const photo of this.photos) {
      const item = el('li', { className: 'photo' });
      item.dataset.photo = photo.name;
      if (photo.view) item.append(el('img', { src: photo.view.thumbnail, alt: photo.name, loading: 'lazy' }));
      item.append(el('span', { className: 'photo-name', textContent: photo.name }));
      if (used.has(photo.name)) item.append(el('span', { className: 'badge', textContent: t('inUse') }));
      if (photo.problem) item.append(el('span', { className: 'problem', textContent: said(photo.problem) }));
      const remove = el('button', { type: 'button', className: 'small', textContent: t('deletePhoto') });
      remove.addEventListener('click', armed(remove, t('deletePhoto'), async () => {
        const answer = await api.deletePhoto(photo.name);
        if (!answer.ok) this.problem = said(answer.body?.message);
        await this.load();
        this.render(container, used);
        this.changed();
      }));
      item.append(remove);
      grid.append(item);
    }
    container.replaceChildren(el('h2', { textContent: t('uploadPhotos') }), input, drop, progress, grid);
  }

  async #upload(files, progress, container, used) {
    for (const file of files) {
      const row = el('li');
      const bar = el('progress', { max: 1, value: 0 });
      const note = el('span', { textContent: `${t('uploading')}: ${file.name}` });
      row.append(bar, note);
      progress.append(row);
      const answer = await api.upload(file, (fraction) => {
        bar.value = fraction;
      });
      bar.value = 1;
      if (answer.ok) {
        note.textContent = `${t('uploaded')}: ${file.name}`;
        row.dataset.uploaded = file.name;
      } else {
        note.textContent = [said(answer.body?.message) || `HTTP ${answer.status}`, said(answer.body?.hint)].filter(Boolean).join(' — ');
        row.className = 'problem';
      }
    }
    await this.load();
    const keep = [...progress.children];
    this.render(container, used);
    container.querySelector('.uploads').append(...keep);
    this.changed();
  }
}
