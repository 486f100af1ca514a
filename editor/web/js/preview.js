// The preview: the kiosk's own UI (served at /ui/) in a frame the size of the chosen
// screen, scaled down to fit, fed the checked draft as messages (see ui/js/platform.js).

/** The screens staff check a change on. */
export const SIZES = [
  [1920, 1080],
  [1080, 1920],
  [3840, 2160],
  [1280, 800],
];

/** The preview holds a view still: one slide, no countdown back to the slideshow. */
const STILL_SECONDS = { slideSeconds: 600, idleSeconds: 3600 };

export class Preview {
  #frame;
  #holder;
  #ready = false;
  #pending = null;
  #revision = 0;
  size = SIZES[0];

  constructor(holder) {
    this.#holder = holder;
    this.#frame = document.createElement('iframe');
    this.#frame.title = 'preview';
    this.#frame.src = '/ui/index.html?preview';
    this.#frame.addEventListener('load', () => {
      this.#ready = true;
      if (this.#pending) this.#post(this.#pending);
    });
    holder.append(this.#frame);
    new ResizeObserver(() => this.#fit()).observe(holder);
  }

  setSize([width, height]) {
    this.size = [width, height];
    this.#fit();
  }

  /** Shows `content` (the checked draft) with `photos`, on `show` (`{screen, item, lang}`). */
  show(content, photos, show) {
    const settings = { ...content.settings, ...STILL_SECONDS, defaultLanguage: show.lang };
    if (!settings.languages.includes(show.lang)) settings.languages = [...settings.languages, show.lang];
    this.#revision += 1;
    const message = { type: 'draft', revision: this.#revision, content: { ...content, settings }, photos, show };
    if (this.#ready) this.#post(message);
    else this.#pending = message;
  }

  /**
   * Whether the text on the preview's screen fits: `{fit: 'whole'|'shrunk'|'overflows',
   * scale}`, or null when nothing fitted is shown.
   */
  fitNow() {
    const doc = this.#frame.contentDocument;
    const screen = doc?.getElementById('screen');
    const shown = screen && !screen.hidden ? screen.querySelector('[data-fit]') : doc?.querySelector('.slide.is-current[data-fit]');
    if (!shown) return null;
    return { fit: shown.dataset.fit, scale: Number(shown.style.getPropertyValue('--fit') || 1) };
  }

  /** The frame's document (tests and the fit check read it). */
  get document() {
    return this.#frame.contentDocument;
  }

  #post(message) {
    this.#frame.contentWindow.postMessage(message, location.origin);
  }

  #fit() {
    const [width, height] = this.size;
    const box = this.#holder.getBoundingClientRect();
    // As wide as the pane, and never taller than most of the window.
    const scale = Math.min(box.width / width, (innerHeight * 0.75) / height, 1);
    this.#frame.style.width = `${width}px`;
    this.#frame.style.height = `${height}px`;
    this.#frame.style.transform = `scale(${scale})`;
    this.#frame.style.left = `${Math.max(0, (box.width - width * scale) / 2)}px`;
    this.#holder.style.setProperty('--preview-height', `${Math.ceil(height * scale)}px`);
  }
}
