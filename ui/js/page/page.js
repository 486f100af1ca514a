// The page itself (index.html): draws what the kiosk's state says into its elements, and
// tells the kiosk which action lies under a finger. The only place that knows the page's
// elements; the slides inside the stage are the player's.

import { bilingual } from '../views/bilingual.js';
import { renderClock } from '../views/clock.js';
import { renderCountdown } from '../views/countdown.js';
import { actionOf, el } from '../views/dom.js';
import { fitSlide } from '../views/fit.js';
import { icon } from '../views/icon.js';
import { htmlLang, label } from '../logic/i18n.js';
import { renderNav } from '../views/nav.js';
import { renderNotice } from '../views/notice.js';
import { renderRest } from '../views/rest.js';
import { renderScreen } from '../views/screen.js';
import { renderKeypad, renderPanel } from '../views/staff.js';
import { renderStepper } from '../views/story.js';

export class Page {
  #view;
  #restShown = false;

  constructor(doc = document) {
    const byId = (id) => doc.getElementById(id);
    this.#view = {
      kiosk: byId('kiosk'),
      stage: byId('stage'),
      slides: byId('slides'),
      screen: byId('screen'),
      position: byId('slide-position'),
      credits: byId('credits'),
      progress: byId('progress'),
      hint: byId('touch-hint'),
      homeStepper: byId('home-stepper'),
      masthead: byId('masthead-name'),
      clock: byId('clock'),
      nav: byId('nav'),
      countdown: byId('countdown'),
      notice: byId('notice'),
      rest: byId('rest'),
      staff: byId('staff'),
      splash: byId('splash-message'),
      reachNote: byId('reach-note'),
    };
  }

  /** The elements the player draws the slideshow into. */
  get slideshowElements() {
    const { stage, slides, position, credits, progress } = this.#view;
    return { stage, slides, position, credits, progress };
  }

  /** The page's size in CSS pixels. */
  get size() {
    return { width: innerWidth, height: innerHeight };
  }

  /**
   * The action under the point (x, y): `{action, inStaff}`, where `inStaff` says whether it
   * belongs to the staff panel; null where nothing can be tapped.
   */
  actionAt(x, y) {
    return this.#found(actionOf(document.elementFromPoint(x, y)));
  }

  /** The action of an element a keyboard activated (Enter or Space on a focused control). */
  actionOfElement(element) {
    return this.#found(actionOf(element));
  }

  #found(found) {
    return found ? { action: found.action, inStaff: this.#view.staff.contains(found.element) } : null;
  }

  /** The open screen's element that a sideways drag moves (a story, a photo), if any. */
  get swipeable() {
    return this.#view.screen.querySelector('[data-swipe]');
  }

  /** The screen that moves under a vertical drag at (x, y), if any. */
  scrollerAt(x, y) {
    // Whatever the CSS lets scroll: the lists (.scroll), and in reach mode on a tall screen
    // also the slides and the contacts (reach.css).
    for (let e = document.elementFromPoint(x, y); e && e !== document.body; e = e.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(e).overflowY)) return e;
    }
    return null;
  }

  /** Says the content could not be loaded (the splash stays on screen). */
  showLoadFailed(text) {
    this.#view.splash.textContent = text;
  }

  /**
   * Marks the page with the mode, the screen and the language of `state`; `titleChanged`:
   * the masthead and the hint are drawn again (a new mode or language); `nav`: the bar a
   * visitor steers with, or null while nobody does.
   */
  drawFrame(state, langs, settings, { titleChanged, nav }) {
    const { kiosk, stage } = this.#view;
    kiosk.dataset.mode = state.mode;
    kiosk.dataset.screen = state.screen;
    kiosk.classList.toggle('no-photo-motion', !settings.photoMotion);
    stage.dataset.screen = state.screen;
    stage.dataset.lang = state.lang;
    // On the root element: the type sizes (tokens.css) are worked out there.
    const reachChanged = document.documentElement.hasAttribute('data-reach') !== state.reach;
    document.documentElement.toggleAttribute('data-reach', state.reach);
    if (state.reach && (titleChanged || reachChanged)) this.#view.reachNote.replaceChildren(...reachNote(langs));
    if (titleChanged) {
      document.documentElement.lang = htmlLang(langs.primary);
      this.#view.masthead.replaceChildren(bilingual('div', settings.title, langs, 'masthead-title'));
      this.#view.hint.replaceChildren(...hint(langs));
    }
    if (nav) this.#view.nav.replaceChildren(...renderNav(state, settings.languages, nav.hasGallery));
  }

  /**
   * Puts the screen of `state` in the stage (`data`: `{content, photos, codes}`); with none
   * (home, attract) the slides show.
   */
  showScreen(state, langs, data) {
    const { screen: holder, slides, stage } = this.#view;
    delete stage.dataset.zoom;
    const view = state.mode === 'attract' ? null : renderScreen(state, langs, data);
    holder.replaceChildren(...(view ? [view] : []));
    holder.hidden = view === null;
    slides.hidden = view !== null;
    // A screen that does not scroll (the contacts) shrinks its type to fit instead; it is
    // measured once it is laid out, so after it is shown. So are the slides, which may
    // have been drawn while another screen hid them.
    if (view?.querySelector('.slide-inner')) fitSlide(view);
    if (!view) for (const slide of slides.querySelectorAll('.slide')) fitSlide(slide);
  }

  /**
   * Fits every slide and the open screen again, for a window that changed size (a monitor
   * swapped or rotated while the kiosk runs): their type was fitted to the old size.
   */
  refit() {
    const { screen, slides } = this.#view;
    for (const slide of slides.querySelectorAll('.slide')) fitSlide(slide);
    for (const view of screen.children) if (view.querySelector('.slide-inner')) fitSlide(view);
  }

  /** Previous / next under the slide, for a visitor on home who does not swipe; `position` or null. */
  showHomeStepper(position, lang) {
    const stepper = position ? renderStepper('home', position, lang) : null;
    this.#view.homeStepper.replaceChildren(...(stepper ? [stepper] : []));
  }

  /**
   * The notice over the slideshow and every screen (`notice`: `{text, level}`), or none
   * (null). A band takes room from the stage, so the slides are fitted again when it comes
   * or goes.
   */
  showNotice(notice, langs) {
    const holder = this.#view.notice;
    const wasBand = !holder.hidden && holder.dataset.level !== 'urgent';
    holder.hidden = notice === null;
    holder.dataset.level = notice?.level ?? '';
    holder.replaceChildren(...(notice ? renderNotice(notice, langs) : []));
    const isBand = notice !== null && notice.level !== 'urgent';
    if (wasBand !== isBand) this.refit();
  }

  /** The "still there?" countdown at `seconds` left, or none (null). */
  showCountdown(seconds, langs) {
    const { countdown } = this.#view;
    countdown.hidden = seconds === null;
    countdown.replaceChildren(...(seconds === null ? [] : [renderCountdown(seconds, langs)]));
  }

  /** The clock in the masthead (and on the resting screen while it shows). */
  showClock(date, langs, resting, whenClosed) {
    this.#view.clock.replaceChildren(...renderClock(date, langs));
    if (resting) this.#view.rest.replaceChildren(...renderRest(whenClosed, date, langs));
  }

  /**
   * The resting screen over everything while the building is closed (`whenClosed`: 'black'
   * or 'clock'), or none. Returns whether it has just appeared or gone.
   */
  showRest(resting, whenClosed, date, langs) {
    this.#view.kiosk.dataset.resting = resting ? whenClosed : '';
    if (resting === this.#restShown) return false;
    this.#restShown = resting;
    this.#view.rest.hidden = !resting;
    this.#view.rest.replaceChildren(...(resting ? renderRest(whenClosed, date, langs) : []));
    return true;
  }

  /** The staff panel (see logic/staff-panel.js), or none when `panel` is null; its times by `wallClock`. */
  showStaff(panel, wallClock) {
    const holder = this.#view.staff;
    holder.hidden = panel === null;
    if (!panel) return holder.replaceChildren();
    const { stage, entered, message, report, confirming } = panel;
    holder.replaceChildren(stage === 'panel' && report ? renderPanel(report, confirming, wallClock) : renderKeypad(entered, message));
    holder.dataset.stage = stage;
  }

  /** Marks a screen drawn by the processor, where fades and drifts move in steps (tokens.css). */
  markDrawnOnGpu(gpu) {
    this.#view.kiosk.classList.toggle('cpu-drawn', !gpu);
  }

  /** Moves the fixed elements a few pixels (burn-in). */
  drift([x, y]) {
    this.#view.kiosk.style.setProperty('--drift-x', `${x}px`);
    this.#view.kiosk.style.setProperty('--drift-y', `${y}px`);
  }

  /** Notes when new content reached the screen, so a reload is measured end to end. */
  markContentPainted() {
    requestAnimationFrame(() => {
      this.#view.stage.dataset.contentPaintedAt = String(Date.now());
    });
  }

  /**
   * Notes, once the response to an input is on screen, how long it took (from the input
   * event's time): `make bench` reads it.
   */
  markResponse(startedAt) {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      this.#view.stage.dataset.responseMs = (performance.now() - startedAt).toFixed(1);
    }));
  }

  /** The photo viewer's frame and photo, or null off the viewer. */
  get viewerPhoto() {
    const frame = this.#view.screen.querySelector('.viewer-frame');
    const photo = frame?.querySelector('.viewer-photo');
    return frame && photo ? { frame, photo } : null;
  }

  /** Marks the stage with the viewer's zoom (for tests), or clears it. */
  markZoom(scale) {
    if (scale === null) delete this.#view.stage.dataset.zoom;
    else this.#view.stage.dataset.zoom = scale.toFixed(2);
  }
}

/** What the upper part of a tall screen says while reach mode has moved everything down. */
function reachNote({ primary, secondary }) {
  const line = (lang) => el('p', { className: lang === primary ? 'primary' : 'secondary', lang }, label('reachNote', lang));
  return [icon('reach'), line(primary), secondary ? line(secondary) : null];
}

/** The touch hint under the slideshow, in both languages. */
function hint({ primary, secondary }) {
  const line = (lang) => el('span', { className: lang === primary ? 'primary' : 'secondary', lang }, label('touchHint', lang));
  return [icon('touch'), line(primary), secondary ? line(secondary) : null];
}
