// The kiosk on screen: keeps the mode state (modes.js), feeds it the visitor's gestures and
// the passing of time, and draws what it says: the slideshow, the screens, the bar, the
// countdown. The decisions live in modes.js and gestures.js; this file only applies them.

import { holdScroll } from './drag-scroll.js';
import { settle } from './gestures.js';
import { bothLabels, label, languagePair, languagesLedBy } from './i18n.js';
import { attract, isResting, next, nextTickAt, secondsLeft } from './modes.js';
import { StaffDoor, drift } from './staff-door.js';
import { Player } from './player.js';
import { arrive, follow, leave, springBack } from './swipe-follow.js';
import { WHOLE, atEdge, doubleTapped, panned, pinched } from './zoom.js';
import { bilingual } from './views/bilingual.js';
import { fitSlide } from './views/fit.js';
import { renderClock } from './views/clock.js';
import { renderContacts } from './views/contacts.js';
import { renderCountdown } from './views/countdown.js';
import { renderGallery } from './views/gallery.js';
import { renderHighlightList } from './views/highlight-list.js';
import { icon } from './views/icon.js';
import { renderNav } from './views/nav.js';
import { renderStepper, renderStory } from './views/story.js';
import { renderRest } from './views/rest.js';
import { renderKeypad, renderPanel } from './views/staff.js';
import { renderViewer } from './views/viewer.js';
import { el } from './dom.js';

/** Fixed elements move a few pixels this often (burn-in). */
const DRIFT_EVERY_MS = 3 * 60 * 1000;
/** The staff panel closes itself after this long untouched. */
const STAFF_IDLE_MS = 60 * 1000;

export class Kiosk {
  #view;
  #player;
  #content = null;
  #photos = {};
  #codes = null;
  #state = null;
  #tickTimer = 0;
  #clockTimer = 0;
  /** What the gesture under way is doing: whether its tap is spent, what it drags or pinches. */
  #gesture = { spent: false, drag: null, pinch: null };
  #glide = null;
  #zoom = WHOLE;
  #now;
  #clock;
  #backend;
  #opening = { open: true, whenClosed: 'black' };
  #door = new StaffDoor();
  /** The staff panel while it is open: `{stage, entered, message, token, report, confirming}`. */
  #staff = null;
  #staffTimer = 0;
  #visitStart = null;
  #driftStep = 0;
  #restShown = false;

  /**
   * `view`: the elements of index.html by role. `backend`: what the kiosk tells the backend
   * (`onSlideChange()` each time the slideshow moves on by itself, `count(event)`,
   * `restDisplay()`, and the staff panel's `staffUnlock`, `staffReport`, `staffAction`,
   * `staffClose`). `now` (ms) and `clock` (a Date) are the time, replaceable for tests.
   */
  constructor(view, backend = {}, now = () => performance.now(), clock = () => new Date()) {
    const { onSlideChange = () => {} } = backend;
    this.#view = view;
    this.#now = now;
    this.#clock = clock;
    this.#backend = backend;
    setInterval(() => this.#drift(), DRIFT_EVERY_MS);
    this.#player = new Player(
      { stage: view.stage, slides: view.slides, dots: view.dots, credits: view.credits, progress: view.progress },
      now,
      onSlideChange,
    );
  }

  /** What the kiosk is doing: 'attract', 'interactive' or 'countdown' ('starting' before content). */
  get mode() {
    return this.#state?.mode ?? 'starting';
  }

  /** New content from the backend; the first call puts the slideshow on screen. */
  setContent(content, revision) {
    const first = this.#content === null;
    this.#content = content;
    if (first || !content.settings.languages.includes(this.#state.lang)) {
      this.#state = attract(content.settings);
    }
    this.#player.setContent(content, revision, this.#langs());
    this.#render(first ? null : this.#state, { force: true });
    if (first) this.#tickClock();
  }

  setPhotos(photos) {
    this.#photos = photos;
    this.#player.setPhotos(photos);
    if (this.#content) this.#render(this.#state, { force: true });
  }

  setCodes(codes) {
    this.#codes = codes;
    this.#player.setCodes(codes);
    if (this.#content && this.#state.screen === 'contact') this.#render(this.#state, { force: true });
  }

  /** The building opened or closed (`{open, whenClosed}` from the backend). */
  setOpening(opening) {
    this.#opening = opening;
    if (this.#content) this.#dispatch({ type: 'opening', open: opening.open });
  }

  /** One gesture from input.js; `event` is the browser event that completed it. */
  gesture(gesture, event) {
    if (!this.#content) return;
    const handlers = {
      press: () => this.#press(event),
      tap: () => this.#tap(gesture, event),
      doubletap: () => this.#doubleTap(gesture),
      dragstart: () => this.#dragStart(gesture),
      drag: () => this.#drag(gesture),
      dragend: () => this.#dragEnd(gesture),
      dragcancel: () => this.#dragCancel(),
      pinchstart: () => this.#pinchStart(),
      pinch: () => this.#pinch(gesture),
      pinchend: () => this.#pinchEnd(),
      longpress: () => this.#door.longPress(gesture.x, gesture.y, gesture.ms, this.#now(), innerWidth, innerHeight),
      release: () => this.#dispatch({ type: 'release' }),
    };
    handlers[gesture.type]?.();
  }

  /** A key press on a focused control (keyboards and switch access): the same as a tap on it. */
  activate(element, event) {
    const control = element?.closest?.('[data-action]');
    if (!control || !this.#content) return;
    const wasAttract = this.#state.mode === 'attract';
    this.#dispatch({ type: 'touch' });
    if (!wasAttract) this.#perform(control, event.timeStamp);
  }

  // --- Gestures ---------------------------------------------------------------------------

  #press(event) {
    this.#glide?.stop();
    this.#glide = null;
    // The first touch wakes the kiosk on the slide that was up; it does nothing else, so a
    // control that appears under the finger is not pressed by it.
    this.#gesture = { spent: this.#state.mode === 'attract', drag: null, pinch: null };
    this.#dispatch({ type: 'touch' });
    this.#markResponse(event.timeStamp);
  }

  #tap({ x, y }, event) {
    if (this.#door.tap(x, y, this.#now(), innerWidth, innerHeight)) {
      this.#openStaff();
      return;
    }
    if (this.#gesture.spent) return;
    const control = document.elementFromPoint(x, y)?.closest('[data-action]');
    if (this.#staff) {
      // While the staff panel is open only its own controls answer.
      if (control?.closest('#staff')) this.#staffControl(control.dataset);
      return;
    }
    if (control) this.#perform(control, event.timeStamp);
  }

  #perform(control, startedAt) {
    const { action, screen, item, set, lang, kind, delta } = control.dataset;
    if (action === 'go') {
      this.#dispatch({ type: 'go', screen, item: set ? { set, file: item } : item ?? null });
    } else if (action === 'language') {
      this.#dispatch({ type: 'language', lang });
    } else if (action === 'step') {
      this.#step(kind, Number(delta));
    }
    // 'stay' (the countdown's button) needs nothing more: the touch has already cancelled it.
    this.#markResponse(startedAt);
  }

  #doubleTap({ x, y }) {
    if (this.#state.screen !== 'viewer') return;
    const box = this.#photoBox();
    if (!box) return;
    const frame = box.frame.getBoundingClientRect();
    this.#setZoom(doubleTapped(this.#zoom, x - frame.left, y - frame.top, box), true);
  }

  #dragStart({ axis, x, y }) {
    const target = document.elementFromPoint(x, y);
    if (this.#state.screen === 'viewer' && this.#zoom.scale > 1) {
      this.#gesture.drag = { kind: 'pan', from: this.#zoom };
    } else if (axis === 'y') {
      const scroller = target?.closest('.scroll');
      if (scroller) this.#gesture.drag = { kind: 'scroll', hold: holdScroll(scroller) };
    } else {
      const element = this.#swipeable();
      if (element) this.#gesture.drag = { kind: 'swipe', element };
    }
  }

  #drag({ dx, dy }) {
    const drag = this.#gesture.drag;
    if (!drag) return;
    if (drag.kind === 'scroll') drag.hold.move(dy);
    if (drag.kind === 'swipe') follow(drag.element, dx);
    if (drag.kind === 'pan') {
      const box = this.#photoBox();
      if (box) this.#setZoom(panned(drag.from, dx, dy, box), false);
    }
  }

  #dragEnd({ dx, vx, vy }) {
    const drag = this.#gesture.drag;
    this.#gesture.drag = null;
    if (!drag) return;
    if (drag.kind === 'scroll') {
      drag.hold.release(vy);
      this.#glide = drag.hold;
    }
    if (drag.kind === 'swipe') {
      const direction = settle(dx, vx, drag.element.getBoundingClientRect().width);
      if (direction === 0) springBack(drag.element);
      else leave(drag.element, direction, () => this.#step(this.#swipeKind(), direction, true));
    }
    if (drag.kind === 'pan') {
      // A picture dragged hard against its edge moves on to the next one.
      const box = this.#photoBox();
      const direction = settle(dx, vx, box?.frameWidth ?? 1);
      if (direction !== 0 && atEdge(this.#zoom, -direction, box)) this.#step('viewer', direction);
    }
  }

  #dragCancel() {
    const drag = this.#gesture.drag;
    this.#gesture.drag = null;
    if (drag?.kind === 'swipe') springBack(drag.element);
  }

  #pinchStart() {
    if (this.#state.screen !== 'viewer') return;
    this.#gesture.pinch = { from: this.#zoom };
  }

  #pinch(gesture) {
    const pinch = this.#gesture.pinch;
    const box = this.#photoBox();
    if (!pinch || !box) return;
    const frame = box.frame.getBoundingClientRect();
    const at = { ...gesture, x: gesture.x - frame.left, y: gesture.y - frame.top };
    this.#setZoom(pinched(pinch.from, at, box), false);
  }

  #pinchEnd() {
    this.#gesture.pinch = null;
  }

  // --- Moving through items ----------------------------------------------------------------

  /** The element a sideways drag moves on this screen, if any. */
  #swipeable() {
    if (this.#state.screen === 'home') return this.#player.element;
    return this.#view.screen.querySelector('[data-swipe]');
  }

  #swipeKind() {
    return this.#state.screen === 'home' ? 'home' : this.#state.screen;
  }

  /** Moves `delta` items on among the slides, the stories or the photos. */
  #step(kind, delta, swiped = false) {
    if (kind === 'home') {
      this.#player.step(delta);
      if (swiped) arrive(this.#player.element, delta);
      this.#showHomeStepper();
      return;
    }
    const list = kind === 'story' ? this.#storyIds() : this.#viewerFiles(this.#state.item?.set);
    const current = kind === 'story' ? this.#state.item : this.#state.item?.file;
    const index = list.indexOf(current);
    if (index < 0 || list.length < 2) return;
    const target = list[(index + delta + list.length) % list.length];
    const item = kind === 'story' ? target : { set: this.#state.item.set, file: target };
    this.#dispatch({ type: 'go', screen: kind, item });
    if (swiped) arrive(this.#view.screen.querySelector('[data-swipe]'), delta);
  }

  #storyIds() {
    return this.#content.highlights.map((h) => h.id);
  }

  /** The photos of a viewer set that are ready: the gallery, or one highlight's. */
  #viewerFiles(set) {
    const files = set?.startsWith('highlight:')
      ? this.#content.highlights.find((h) => `highlight:${h.id}` === set)?.photos ?? []
      : this.#galleryEntries().map((entry) => entry.file);
    return files.filter((file) => this.#photos[file]);
  }

  #galleryEntries() {
    return (this.#content.photos ?? []).filter((entry) => this.#photos[entry.file]);
  }

  // --- Zoom ---------------------------------------------------------------------------------

  /** The viewer's frame and the photo's size in it at scale 1, or null off the viewer. */
  #photoBox() {
    const frame = this.#view.screen.querySelector('.viewer-frame');
    const photo = frame?.querySelector('.viewer-photo');
    if (!frame || !photo) return null;
    const f = frame.getBoundingClientRect();
    const ratio = photo.naturalWidth && photo.naturalHeight
      ? photo.naturalWidth / photo.naturalHeight
      : Number(photo.getAttribute('width')) / Number(photo.getAttribute('height'));
    const width = Math.min(f.width, f.height * ratio);
    return { frame, photo, frameWidth: f.width, frameHeight: f.height, width, height: width / ratio };
  }

  #setZoom(zoom, animate) {
    this.#zoom = zoom;
    const photo = this.#view.screen.querySelector('.viewer-photo');
    if (!photo) return;
    photo.style.transition = animate ? 'transform var(--settle) ease-out' : 'none';
    photo.style.transform = zoom.scale === 1 && zoom.x === 0 && zoom.y === 0
      ? ''
      : `translate(${zoom.x}px, ${zoom.y}px) scale(${zoom.scale})`;
    this.#view.stage.dataset.zoom = zoom.scale.toFixed(2);
  }

  // --- State and drawing ----------------------------------------------------------------------

  #dispatch(event) {
    const before = this.#state;
    this.#state = next(before, event, this.#now(), this.#content.settings);
    if (this.#state !== before) {
      this.#countChanges(before, this.#state);
      this.#render(before);
    }
    this.#scheduleTick();
  }

  /** Counts what a visitor did (see lighthouse_core::counts): visits, screens, languages. */
  #countChanges(before, after) {
    const count = this.#backend.count ?? (() => {});
    if (before.mode === 'attract' && after.mode !== 'attract') this.#visitStart = after.lastTouch;
    if (before.mode !== 'attract' && after.mode === 'attract' && this.#visitStart !== null) {
      count({ kind: 'visit', seconds: Math.round((before.lastTouch - this.#visitStart) / 1000) });
      this.#visitStart = null;
      this.#closeStaff();
    }
    const opened = after.mode !== 'attract' && (before.screen !== after.screen || before.item !== after.item);
    if (opened && after.screen !== 'home') {
      const item = after.screen === 'story' ? after.item : null;
      count({ kind: 'screen', screen: after.screen, item });
    }
    if (before.lang !== after.lang && after.mode !== 'attract') count({ kind: 'language', lang: after.lang });
  }

  #scheduleTick() {
    clearTimeout(this.#tickTimer);
    const at = nextTickAt(this.#state, this.#now(), this.#content.settings);
    if (at === null) return;
    this.#tickTimer = setTimeout(() => this.#dispatch({ type: 'tick' }), Math.max(0, at - this.#now()));
  }

  /** The languages of the screen: both, default first, for passers-by; the visitor's first otherwise. */
  #langs() {
    const settings = this.#content.settings;
    return this.#state.mode === 'attract' ? languagePair(settings) : languagesLedBy(this.#state.lang, settings);
  }

  /** Draws what changed since `before` (everything when it is null, or with `force`). */
  #render(before, { force = false } = {}) {
    const state = this.#state;
    const { kiosk, stage } = this.#view;
    const langs = this.#langs();
    const interactive = state.mode !== 'attract';
    const changed = (key) => force || before === null || before[key] !== state[key];
    const modeChanged = before === null || (before.mode !== 'attract') !== interactive;

    kiosk.dataset.mode = state.mode;
    kiosk.dataset.screen = state.screen;
    this.#showRest();
    kiosk.classList.toggle('no-photo-motion', !this.#content.settings.photoMotion);
    stage.dataset.screen = state.screen;
    stage.dataset.lang = state.lang;
    if (modeChanged || changed('lang')) {
      document.documentElement.lang = langs.primary === 'zh' ? 'zh-Hans' : langs.primary;
      this.#view.masthead.replaceChildren(bilingual('div', this.#content.settings.title, langs, 'masthead-title'));
      this.#view.hint.replaceChildren(...this.#hint(langs));
      this.#showClock();
    }
    if (modeChanged || changed('lang') || force) this.#player.setLanguages(langs, interactive);
    if (modeChanged && interactive) this.#player.pause();
    else if (modeChanged && !this.#resting) this.#player.resume();
    if (interactive) {
      this.#view.nav.replaceChildren(...renderNav(state, this.#content.settings.languages, this.#galleryEntries().length > 0));
    }
    this.#showHomeStepper();
    if (modeChanged || changed('screen') || changed('item') || changed('lang')) this.#showScreen();
    this.#showCountdown();
  }

  #hint({ primary, secondary }) {
    const line = (lang) => el('span', { className: lang === primary ? 'primary' : 'secondary', lang }, label('touchHint', lang));
    return [icon('touch'), line(primary), secondary ? line(secondary) : null];
  }

  /** Puts the current screen in the stage (home is the slideshow itself). */
  #showScreen() {
    const { screen: holder } = this.#view;
    this.#zoom = WHOLE;
    delete this.#view.stage.dataset.zoom;
    const view = this.#state.mode === 'attract' ? null : this.#renderScreen();
    if (view) holder.replaceChildren(view);
    else holder.replaceChildren();
    holder.hidden = view === null;
    this.#view.slides.hidden = view !== null;
    // A screen that does not scroll (the contacts) shrinks its type to fit instead; it is
    // measured once it is laid out, so after it is shown. So are the slides, which may
    // have been drawn while another screen hid them.
    if (view?.querySelector('.slide-inner')) fitSlide(view);
    if (!view) for (const slide of this.#view.slides.querySelectorAll('.slide')) fitSlide(slide);
  }

  #renderScreen() {
    const state = this.#state;
    const langs = this.#langs();
    const content = this.#content;
    switch (state.screen) {
      case 'highlights':
        return renderHighlightList(content.highlights, langs, this.#photos);
      case 'story': {
        const ids = this.#storyIds();
        const index = ids.indexOf(state.item);
        // A story that left the content (staff removed it) shows the list instead.
        if (index < 0) return renderHighlightList(content.highlights, langs, this.#photos);
        const highlight = content.highlights[index];
        return renderStory(highlight, langs, {
          position: { index, count: ids.length },
          source: content.sources.find((s) => s.id === highlight.source),
          photos: this.#photos,
        });
      }
      case 'photos':
        return renderGallery(this.#galleryEntries(), langs, this.#photos);
      case 'viewer': {
        const set = state.item?.set ?? 'gallery';
        const files = this.#viewerFiles(set);
        const index = files.indexOf(state.item?.file);
        if (index < 0) return renderGallery(this.#galleryEntries(), langs, this.#photos);
        const file = files[index];
        const entry = content.photos.find((p) => p.file === file) ?? { file };
        const back = set.startsWith('highlight:')
          ? { back: 'story', backItem: set.slice('highlight:'.length) }
          : { back: 'photos' };
        return renderViewer(entry, this.#photos[file], langs, { position: { index, count: files.length }, ...back });
      }
      case 'contact':
        return renderContacts(content.contacts, langs, this.#codes, 'screen screen-contact');
      default:
        return null;
    }
  }

  /** Previous / next under the slide a visitor is looking at, for those who do not swipe. */
  #showHomeStepper() {
    const slides = this.#player.slides;
    const current = this.#player.current;
    const show = this.#state.mode !== 'attract' && this.#state.screen === 'home' && current;
    const stepper = show
      ? renderStepper('home', { index: slides.indexOf(current), count: slides.length }, this.#state.lang)
      : null;
    this.#view.homeStepper.replaceChildren(...(stepper ? [stepper] : []));
  }

  #showCountdown() {
    const { countdown } = this.#view;
    const seconds = secondsLeft(this.#state, this.#now(), this.#content.settings);
    countdown.hidden = seconds === null;
    if (seconds !== null) countdown.replaceChildren(renderCountdown(seconds, this.#langs()));
    else countdown.replaceChildren();
  }

  #showClock() {
    this.#view.clock.replaceChildren(...renderClock(this.#clock(), this.#langs()));
    if (this.#resting) this.#view.rest.replaceChildren(...renderRest(this.#opening.whenClosed, this.#clock(), this.#langs()));
  }

  /** Whether the screen rests now (the building is closed, nobody woke it). */
  get #resting() {
    return this.#state !== null && isResting(this.#state, this.#now());
  }

  /** The resting screen, over everything, while the building is closed. */
  #showRest() {
    const resting = this.#resting;
    this.#view.kiosk.dataset.resting = resting ? this.#opening.whenClosed : '';
    if (resting === this.#restShown) return;
    this.#restShown = resting;
    this.#view.rest.hidden = !resting;
    if (resting) {
      this.#player.pause();
      this.#view.rest.replaceChildren(...renderRest(this.#opening.whenClosed, this.#clock(), this.#langs()));
      if (this.#opening.whenClosed === 'black') this.#backend.restDisplay?.();
    } else {
      this.#view.rest.replaceChildren();
      if (this.#state.mode === 'attract') this.#player.resume();
    }
  }

  /** Moves the fixed elements a few pixels, so no pixel shows the same thing all day. */
  #drift() {
    this.#driftStep += 1;
    const [x, y] = drift(this.#driftStep);
    this.#view.kiosk.style.setProperty('--drift-x', `${x}px`);
    this.#view.kiosk.style.setProperty('--drift-y', `${y}px`);
  }

  // --- The staff panel ------------------------------------------------------------------

  #openStaff() {
    this.#staff = { stage: 'keypad', entered: '', message: null, token: null, report: null, confirming: null };
    this.#showStaff();
  }

  #closeStaff() {
    if (!this.#staff) return;
    if (this.#staff.token) this.#backend.staffClose?.();
    this.#staff = null;
    clearTimeout(this.#staffTimer);
    this.#showStaff();
  }

  async #staffControl({ action, key, act }) {
    const staff = this.#staff;
    if (action === 'staff-close') return this.#closeStaff();
    if (action === 'staff-key') {
      if (key === 'back') staff.entered = staff.entered.slice(0, -1);
      else if (key !== 'ok' && staff.entered.length < 8) staff.entered += key;
      if (key === 'ok') await this.#tryPin();
    } else if (action === 'staff-ask') {
      staff.confirming = act || null;
    } else if (action === 'staff-do') {
      staff.confirming = null;
      if (act === 'next') this.#player.step(1);
      else await this.#backend.staffAction?.(staff.token, act);
      if (act === 'reload') await new Promise((resolve) => setTimeout(resolve, 1500));
      await this.#refreshStaff();
    }
    this.#showStaff();
  }

  async #tryPin() {
    const staff = this.#staff;
    const result = await this.#backend.staffUnlock?.(staff.entered);
    staff.entered = '';
    if (!result || result.noPin) staff.message = bothLabels('noPin');
    else if (result.token) {
      staff.token = result.token;
      staff.stage = 'panel';
      await this.#refreshStaff();
    } else if (result.lockedSeconds > 0) staff.message = bothLabels('lockedPin', { n: Math.ceil(result.lockedSeconds / 60) });
    else staff.message = bothLabels('wrongPin', { n: result.attemptsLeft });
  }

  async #refreshStaff() {
    if (!this.#staff?.token) return;
    const report = await this.#backend.staffReport?.(this.#staff.token);
    if (!report) return this.#closeStaff();
    this.#staff.report = report;
  }

  #showStaff() {
    const holder = this.#view.staff;
    clearTimeout(this.#staffTimer);
    holder.hidden = this.#staff === null;
    if (!this.#staff) return holder.replaceChildren();
    const { stage, entered, message, report, confirming } = this.#staff;
    holder.replaceChildren(stage === 'panel' && report ? renderPanel(report, confirming) : renderKeypad(entered, message));
    holder.dataset.stage = stage;
    // Left untouched, the panel closes itself.
    this.#staffTimer = setTimeout(() => this.#closeStaff(), STAFF_IDLE_MS);
  }

  /** Keeps the clock right, waking once a minute just after the minute turns. */
  #tickClock() {
    clearTimeout(this.#clockTimer);
    this.#showClock();
    const date = this.#clock();
    const untilNextMinute = 60_000 - (date.getSeconds() * 1000 + date.getMilliseconds()) + 50;
    this.#clockTimer = setTimeout(() => this.#tickClock(), untilNextMinute);
  }

  /**
   * Notes, once the response to an input is on screen, how long it took (from the input
   * event's time): `make bench` reads it.
   */
  #markResponse(startedAt) {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      this.#view.stage.dataset.responseMs = (performance.now() - startedAt).toFixed(1);
    }));
  }
}
