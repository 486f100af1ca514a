// The kiosk's controller: keeps the mode state (logic/modes.js) and the staff panel's
// (logic/staff-panel.js), feeds them the visitor's gestures and the passing of time, and
// has the page and the player draw what they say. It decides nothing itself and touches no
// element: the page says what was tapped, as data.

import { languagePair, languagesLedBy } from './logic/i18n.js';
import { galleryEntries, stepped, storyIds, viewerFiles } from './logic/items.js';
import { attract, isResting, next, nextTickAt, secondsLeft } from './logic/modes.js';
import { slideKeyOf } from './logic/slideshow.js';
import { WallClock } from './logic/wall-clock.js';
import { StaffDoor, drift } from './logic/staff-door.js';
import * as staffPanel from './logic/staff-panel.js';
import { NO_VISIT, byStaff, countChange } from './logic/visits.js';

/** Fixed elements move a few pixels this often (burn-in). */
const DRIFT_EVERY_MS = 3 * 60 * 1000;

export class Kiosk {
  #page;
  #player;
  #hands;
  #backend;
  #now;
  #wallClock;
  #content = null;
  #photos = {};
  #codes = null;
  #state = null;
  #opening = { open: true, whenClosed: 'black' };
  #tickTimer = 0;
  #clockTimer = 0;
  /** Whether the tap of the gesture under way is spent (it woke the kiosk). */
  #tapSpent = false;
  #door = new StaffDoor();
  #staff = null;
  #staffTimer = 0;
  #visit = NO_VISIT;
  #driftStep = 0;
  /** The slide of the item the last new content added or changed first. */
  #lastChange = null;

  /**
   * `page`: the Page (page/page.js); `player`: the slideshow's Player; `hands`: what
   * builds the Manipulation (page/manipulation.js) from `(swipeableOn, step)`; `backend`:
   * what the kiosk tells the backend (`onSlideChange()`, `count(event)`, `restDisplay()`,
   * and the staff panel's `staffDoor`, `staffUnlock`, `staffReport`, `staffAction`,
   * `staffClose`). `now` (ms) and `wallClock` (logic/wall-clock.js: the kiosk's own clock
   * and time zone) are the time, replaceable for tests.
   */
  constructor(page, player, hands, backend = {}, now = () => performance.now(), wallClock = new WallClock()) {
    this.#page = page;
    this.#player = player;
    this.#backend = backend;
    this.#now = now;
    this.#wallClock = wallClock;
    this.#hands = hands(
      (screen) => (screen === 'home' ? this.#player.element : this.#page.swipeable),
      (kind, delta) => this.#step(kind, delta),
    );
    setInterval(() => {
      this.#driftStep += 1;
      this.#page.drift(drift(this.#driftStep));
    }, DRIFT_EVERY_MS);
  }

  /**
   * What the kiosk is doing: 'attract', 'interactive', 'countdown', or 'resting' while the
   * building is closed ('starting' before content).
   */
  get mode() {
    if (this.#resting) return 'resting';
    return this.#state?.mode ?? 'starting';
  }

  /**
   * New content from the backend; the first call puts the slideshow on screen. `changed`:
   * the item it adds or changes first, shown at once on the slideshow (staff who save a
   * change see it without waiting for its turn).
   */
  setContent(content, revision, changed = null) {
    const first = this.#content === null;
    this.#content = content;
    if (first || !content.settings.languages.includes(this.#state.lang)) {
      this.#state = attract(content.settings);
    }
    this.#player.setContent(content, revision, this.#langs());
    this.#render(first ? null : this.#state, { force: true });
    if (first) this.#tickClock();
    if (changed) {
      this.#lastChange = slideKeyOf(changed);
      if (this.#state.mode === 'attract' && !this.#resting) this.#player.show(this.#lastChange);
    }
  }

  /**
   * The browser editor's preview shows `screen`: 'slide' (the slideshow, on `item`'s slide
   * when it has one), 'story' (`item`'s story) or 'contact', in `lang`.
   */
  preview({ screen, item = null, lang }) {
    if (!this.#content) return;
    const before = this.#state;
    const settings = this.#content.settings;
    const language = settings.languages.includes(lang) ? lang : settings.defaultLanguage;
    this.#state = screen === 'slide'
      ? { ...attract(settings), lang: language }
      : { ...this.#state, mode: 'interactive', screen, item: screen === 'story' ? item : null, lang: language, lastTouch: this.#now() };
    this.#render(before, { force: true });
    if (screen === 'slide' && item) this.#player.show(slideKeyOf({ highlight: item }));
    this.#scheduleTick();
  }

  setPhotos(photos) {
    this.#photos = photos;
    this.#player.setPhotos(photos);
    if (this.#content) this.#render(this.#state, { force: true });
  }

  setCodes(codes) {
    this.#codes = codes;
    this.#player.setCodes(codes);
    if (this.#content && ['contact', 'closed'].includes(this.#state.screen)) this.#render(this.#state, { force: true });
  }

  /** The building opened or closed (`{open, whenClosed}` from the backend). */
  setOpening(opening) {
    this.#opening = opening;
    if (this.#content) this.#dispatch({ type: 'opening', open: opening.open });
  }

  /** One gesture from input.js; `timeStamp`: when the input event that completed it came. */
  gesture(gesture, timeStamp) {
    if (!this.#content) return;
    const screen = this.#state.screen;
    const hands = this.#hands;
    const handlers = {
      press: () => this.#press(timeStamp),
      tap: () => this.#tap(gesture, timeStamp),
      doubletap: () => hands.doubleTap(screen, gesture),
      dragstart: () => hands.dragStart(screen, gesture),
      drag: () => hands.drag(gesture),
      dragend: () => hands.dragEnd(gesture),
      dragcancel: () => hands.dragCancel(),
      pinchstart: () => hands.pinchStart(screen),
      pinch: () => hands.pinch(gesture),
      pinchend: () => hands.pinchEnd(),
      longpress: () => {
        const { width, height } = this.#page.size;
        this.#door.longPress(gesture.x, gesture.y, gesture.ms, this.#now(), width, height);
      },
      release: () => this.#dispatch({ type: 'release' }),
    };
    handlers[gesture.type]?.();
  }

  /** A control activated from a keyboard (Enter, Space): the same as a tap on it. */
  activate(found, timeStamp) {
    if (!found || !this.#content) return;
    const wasAttract = this.#state.mode === 'attract';
    this.#dispatch({ type: 'touch' });
    if (!wasAttract) this.#perform(found, timeStamp);
  }

  // --- Taps ---------------------------------------------------------------------------------

  #press(timeStamp) {
    this.#hands.press();
    // The first touch wakes the kiosk on the slide that was up; it does nothing else, so a
    // control that appears under the finger is not pressed by it.
    this.#tapSpent = this.#state.mode === 'attract';
    this.#dispatch({ type: 'touch' });
    this.#page.markResponse(timeStamp);
  }

  #tap({ x, y }, timeStamp) {
    const { width, height } = this.#page.size;
    if (this.#door.tap(x, y, this.#now(), width, height)) {
      this.#visit = byStaff(this.#visit);
      this.#staffUpdate(staffPanel.opened());
      return;
    }
    if (!this.#tapSpent) this.#perform(this.#page.actionAt(x, y), timeStamp);
  }

  /** Carries out a tapped action (`{action, inStaff}` from the page). */
  #perform(found, startedAt) {
    if (!found) return;
    const { action, inStaff } = found;
    // While the staff panel is open only its own controls answer.
    if (this.#staff) {
      if (inStaff && action.type === 'staff') this.#staffMessage(action.message);
      return;
    }
    if (action.type === 'go') this.#dispatch({ type: 'go', screen: action.screen, item: action.item ?? null });
    if (action.type === 'language') this.#dispatch({ type: 'language', lang: action.lang });
    if (action.type === 'reach') this.#dispatch({ type: 'reach' });
    if (action.type === 'step') this.#step(action.kind, action.delta);
    // 'stay' (the countdown's button) needs nothing more: the touch has already cancelled it.
    this.#page.markResponse(startedAt);
  }

  /** Moves `delta` items on among the slides, the stories or the photos. */
  #step(kind, delta) {
    if (kind === 'home') {
      this.#player.step(delta);
      this.#showHomeStepper();
      return;
    }
    const content = this.#content;
    if (kind === 'story') {
      const id = stepped(storyIds(content), this.#state.item, delta);
      if (id !== null) this.#dispatch({ type: 'go', screen: 'story', item: id });
      return;
    }
    const set = this.#state.item?.set;
    const file = stepped(viewerFiles(content, this.#photos, set), this.#state.item?.file, delta);
    if (file !== null) this.#dispatch({ type: 'go', screen: 'viewer', item: { set, file } });
  }

  // --- State and drawing ------------------------------------------------------------------

  #dispatch(event) {
    const before = this.#state;
    this.#state = next(before, event, this.#now(), this.#content.settings);
    if (this.#state !== before) {
      this.#count(before, this.#state);
      this.#render(before);
    }
    this.#scheduleTick();
  }

  #count(before, after) {
    const { events, visit } = countChange(before, after, this.#visit);
    this.#visit = visit;
    for (const event of events) this.#backend.count?.(event);
    // The slideshow is back: whatever a visitor (or staff) left open closes.
    if (this.#staff && after.mode === 'attract') this.#staffUpdate({ panel: null, effect: this.#closing() });
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
    const langs = this.#langs();
    const interactive = state.mode !== 'attract';
    const changed = (key) => force || before === null || before[key] !== state[key];
    const modeChanged = before === null || (before.mode !== 'attract') !== interactive;
    const data = { content: this.#content, photos: this.#photos, codes: this.#codes, opening: this.#opening };
    this.#showRest();
    this.#page.drawFrame(state, langs, this.#content.settings, {
      titleChanged: modeChanged || changed('lang'),
      nav: interactive ? { hasGallery: galleryEntries(this.#content, this.#photos).length > 0 } : null,
    });
    if (modeChanged || changed('lang')) this.#showClock();
    if (modeChanged || changed('lang') || force) this.#player.setLanguages(langs, interactive);
    if (modeChanged && interactive) this.#player.pause();
    else if (modeChanged && !this.#resting) this.#player.resume();
    this.#showHomeStepper();
    if (force || modeChanged || changed('lang')) this.#page.showNotice(this.#content.notice ?? null, langs);
    // Reach mode changes the room and the type: the screen is drawn and fitted again.
    if (modeChanged || changed('screen') || changed('item') || changed('lang') || changed('reach')) {
      this.#hands.reset();
      this.#page.showScreen(state, langs, data);
    }
    this.#page.showCountdown(secondsLeft(state, this.#now(), this.#content.settings), langs);
  }

  /** Previous / next under the slide a visitor is looking at, for those who do not swipe. */
  #showHomeStepper() {
    const { slides, current } = this.#player;
    const show = this.#state.mode !== 'attract' && this.#state.screen === 'home' && current;
    this.#page.showHomeStepper(show ? { index: slides.indexOf(current), count: slides.length } : null, this.#state.lang);
  }

  #showClock() {
    this.#page.showClock(this.#wallClock.now(), this.#langs(), this.#resting, this.#opening.whenClosed);
  }

  /** Whether the screen rests now (the building is closed, nobody woke it). */
  get #resting() {
    return this.#state !== null && isResting(this.#state, this.#now());
  }

  /** The resting screen, over everything, while the building is closed. */
  #showRest() {
    const resting = this.#resting;
    const { whenClosed } = this.#opening;
    if (!this.#page.showRest(resting, whenClosed, this.#wallClock.now(), this.#langs())) return;
    if (resting) {
      this.#player.pause();
      if (whenClosed === 'black') this.#backend.restDisplay?.();
    } else if (this.#state.mode === 'attract') {
      this.#player.resume();
    }
  }

  /** Keeps the clock right, waking once a minute just after the minute turns. */
  #tickClock() {
    clearTimeout(this.#clockTimer);
    this.#showClock();
    const date = this.#wallClock.now();
    const untilNextMinute = 60_000 - (date.getUTCSeconds() * 1000 + date.getUTCMilliseconds()) + 50;
    this.#clockTimer = setTimeout(() => this.#tickClock(), untilNextMinute);
  }

  // --- The staff panel ----------------------------------------------------------------------

  /** A message for the staff panel (a button, or the backend's answer). */
  #staffMessage(message) {
    this.#staffUpdate(staffPanel.update(this.#staff, message));
  }

  /** The effect that closes an open panel on the backend's side, if one is open. */
  #closing() {
    return this.#staff?.token ? { call: 'close', token: this.#staff.token } : null;
  }

  /** Shows the panel as `panel` says, then carries out `effect`, feeding its answer back. */
  async #staffUpdate({ panel, effect }) {
    this.#staff = panel;
    this.#page.showStaff(panel, this.#wallClock);
    clearTimeout(this.#staffTimer);
    // Left untouched, the panel closes itself.
    const idleSeconds = panel?.rules?.panelIdleSeconds;
    if (idleSeconds) this.#staffTimer = setTimeout(() => this.#staffMessage({ type: 'close' }), idleSeconds * 1000);
    if (!effect) return;
    const backend = this.#backend;
    const answer = {
      rules: async () => ({ type: 'rules', rules: await backend.staffDoor?.() }),
      unlock: async () => ({ type: 'unlocked', result: await backend.staffUnlock?.(effect.pin) }),
      report: async () => ({ type: 'report', report: await backend.staffReport?.(effect.token) }),
      action: async () => {
        if (effect.act === 'next') this.#player.step(1);
        else if (effect.act === 'changed') this.#player.show(this.#lastChange);
        else await backend.staffAction?.(effect.token, effect.act);
        return { type: 'done' };
      },
      close: async () => {
        backend.staffClose?.();
        return null;
      },
    }[effect.call];
    const message = await answer?.();
    if (message) this.#staffMessage(message);
  }
}
