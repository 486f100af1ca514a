// Puts the slideshow on screen: renders the current slide, changes to the next one when
// it is due, and keeps the masthead, the dots and the credits in step.

import { el } from './dom.js';
import { languagePair } from './i18n.js';
import { Slideshow, buildPlaylist } from './slideshow.js';
import { bilingual } from './views/bilingual.js';
import { renderCredits } from './views/credits.js';
import { fitSlide } from './views/fit.js';
import { renderSlide } from './views/slide.js';

export class Player {
  #view;
  #show = null;
  #content = null;
  #photos = {};
  #langs = null;
  #timer = 0;
  #holdUntil = 0;
  #now;

  /**
   * `view`: `{stage, dots, credits, masthead}` elements of index.html. `now` is the clock
   * (milliseconds), replaceable for tests.
   */
  constructor(view, now = () => performance.now()) {
    this.#view = view;
    this.#now = now;
  }

  /** Shows `content`; new content replaces the old without restarting the slideshow. */
  setContent(content, revision = 0) {
    this.#content = content;
    this.#langs = languagePair(content.settings);
    const slides = buildPlaylist(content, this.#photos);
    this.#view.masthead.replaceChildren(bilingual('div', content.settings.title, this.#langs, 'masthead-title'));
    if (!this.#show) {
      this.#show = new Slideshow(slides, this.#now());
      this.#display({ fade: false });
    } else {
      const moved = this.#show.replaceSlides(slides, this.#now());
      // The same slide with new words is swapped in place: a fade would look like a flash.
      this.#display({ fade: moved });
    }
    this.#view.stage.dataset.revision = String(revision);
    this.#schedule();
  }

  /** Takes the photos that are ready (by file name); the slideshow keeps its place. */
  setPhotos(photos) {
    this.#photos = photos;
    if (this.#content) this.setContent(this.#content, Number(this.#view.stage.dataset.revision));
  }

  /**
   * A visitor tapped: show the next slide now, and hold it while they read. The show moves
   * on by itself again once nobody has touched the screen for `idleSeconds`.
   */
  next() {
    if (!this.#show) return;
    this.#holdUntil = this.#now() + this.#content.settings.idleSeconds * 1000;
    this.#advance();
  }

  #advance() {
    this.#show.advance(this.#now());
    this.#display({ fade: true });
    this.#schedule();
  }

  #schedule() {
    clearTimeout(this.#timer);
    const now = this.#now();
    const wait = Math.max(this.#show.msLeft(now), this.#holdUntil - now);
    this.#timer = setTimeout(() => this.#advance(), wait);
  }

  #display({ fade }) {
    const { stage, dots, credits } = this.#view;
    const slide = this.#show.current;
    const next = renderSlide(slide, this.#langs);
    const previous = [...stage.querySelectorAll('.slide')];
    const animate = fade && this.#content.settings.transition === 'fade';
    if (!animate) next.style.transition = 'none';
    stage.append(next);
    fitSlide(next);
    next.getBoundingClientRect(); // commit the starting opacity so the fade runs
    next.classList.add('is-current');
    for (const old of previous) {
      old.classList.remove('is-current');
      if (animate) setTimeout(() => old.remove(), fadeMs() + 100);
      else old.remove();
    }
    stage.querySelector('.splash')?.remove();
    stage.dataset.slideKey = slide.key;
    stage.dataset.slideIndex = String(this.#show.index);

    dots.replaceChildren(
      ...this.#show.slides.map((_, i) => el('li', { className: i === this.#show.index ? 'is-current' : null })),
    );
    const source = this.#content.sources.find((s) => s.id === slide.item?.source);
    credits.replaceChildren(...renderCredits(source, this.#langs));
  }
}

/** The cross-fade duration from the design tokens, in milliseconds. */
function fadeMs() {
  const value = getComputedStyle(document.documentElement).getPropertyValue('--fade').trim();
  return value.endsWith('ms') ? parseFloat(value) : parseFloat(value) * 1000 || 0;
}
