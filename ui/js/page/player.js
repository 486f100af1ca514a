// Puts the slideshow on screen: renders the current slide, changes to the next one when it
// is due (unless a visitor has paused it), and keeps the position, the progress bar and the
// credits in step.

import { Slideshow, buildPlaylist } from '../logic/slideshow.js';
import { renderCredits } from '../views/credits.js';
import { renderPosition } from '../views/position.js';
import { fitSlide } from '../views/fit.js';
import { renderSlide } from '../views/slide.js';
import { firstFrame, playWatched, release } from './video-play.js';

/**
 * Every slide's time, when the page is opened as `index.html?slideMs=N`: the backend does so
 * only for the soak test (LIGHTHOUSE_TEST_SLIDE_MS), to run months of slides in an hour.
 */
const TEST_SLIDE_SECONDS = Number(new URLSearchParams(globalThis.location?.search ?? '').get('slideMs')) / 1000 || null;

/** The progress bar moves in steps this long: a quiet bar, and one small repaint a step. */
const PROGRESS_STEP_MS = 1000;
/**
 * A slide asked for before it exists (a new photo whose picture is still being prepared) is
 * shown when it appears within this long; after that it waits its turn like any other.
 */
const WANTED_FOR_MS = 60 * 1000;
/** A slide with pictures waits at most this long for them to be decoded before it fades in. */
const PICTURE_WAIT_MS = 800;

export class Player {
  #view;
  #show = null;
  #content = null;
  #photos = {};
  #codes = null;
  #langs = null;
  #interactive = false;
  #paused = false;
  #timer = 0;
  #progressTimer = 0;
  #revision = 0;
  #shown = 0;
  /** A slide to show as soon as it exists: `{key, until}`, or null. */
  #wanted = null;
  #now;
  #onAdvance;
  #onVideoSkipped;
  /** Videos that stalled or could not be decoded: left out until new content comes. */
  #skippedVideos = new Set();
  /** Stops watching the video on screen, if one plays. */
  #stopVideo = () => {};
  /** A video slide is being read: its time starts when its first frame is on screen. */
  #videoComing = false;

  /**
   * `view`: `{stage, slides, position, credits, progress}` elements of index.html (the stage
   * carries the slide's key, index and count as data, for tests and benchmarks). `now` is the clock
   * (milliseconds), replaceable for tests. `onAdvance()` is called whenever the slideshow
   * has moved on by itself; `onVideoSkipped(file, why)` when a video was left out.
   */
  constructor(view, now = () => performance.now(), onAdvance = () => {}, onVideoSkipped = () => {}) {
    this.#view = view;
    this.#now = now;
    this.#onAdvance = onAdvance;
    this.#onVideoSkipped = onVideoSkipped;
  }

  /** The slide on screen, or null before there is content. */
  get current() {
    return this.#show?.current ?? null;
  }

  get slides() {
    return this.#show?.slides ?? [];
  }

  /** Shows `content` in `langs`; new content replaces the old without restarting the slideshow. */
  setContent(content, revision, langs) {
    this.#content = content;
    this.#skippedVideos.clear();
    this.#revision = revision;
    this.#langs = langs;
    this.#rebuild();
  }

  /** Takes the photos that are ready (by file name); the slideshow keeps its place. */
  setPhotos(photos) {
    this.#photos = photos;
    if (this.#content) this.#rebuild();
  }

  /** Takes the contact QR codes; the contacts slide shows them once it is redrawn. */
  setCodes(codes) {
    this.#codes = codes;
    if (this.#show?.current.kind === 'contacts') this.#display({ fade: false });
  }

  /** Redraws the slide on screen in `langs`; `interactive` adds what a visitor can tap. */
  setLanguages(langs, interactive) {
    this.#langs = langs;
    this.#interactive = interactive;
    if (this.#show) this.#display({ fade: false });
  }

  /** Holds the slide on screen while a visitor uses the kiosk. */
  pause() {
    this.#paused = true;
    clearTimeout(this.#timer);
    clearTimeout(this.#progressTimer);
    this.#stopVideo();
    this.#stopVideo = () => {};
    this.#video?.pause();
  }

  /** The video on screen, if the slide up is one. */
  get #video() {
    return this.element?.querySelector('video') ?? null;
  }

  /** Goes on with the slideshow; the slide on screen gets its full time again. */
  resume() {
    this.#paused = false;
    if (!this.#show) return;
    this.#show.shownAt = this.#now();
    this.#schedule();
    // The video on screen, if it is the current slide's (not one still being read).
    const video = this.#video;
    const slide = this.#show.current;
    if (video && slide.kind === 'video' && video.dataset.file === slide.item.file) this.#play(video, slide, video.currentTime);
  }

  /** Shows the slide `delta` places on (wrapping round): a visitor swiped or stepped. */
  step(delta) {
    if (!this.#show) return;
    const count = this.#show.slides.length;
    this.#show.index = (this.#show.index + delta + count) % count;
    this.#show.shownAt = this.#now();
    this.#display({ fade: true });
    this.#schedule();
  }

  /**
   * Shows the slide `key` now (staff saved it a moment ago), or as soon as it appears;
   * the slideshow goes on from there.
   */
  show(key) {
    this.#wanted = key ? { key, until: this.#now() + WANTED_FOR_MS } : null;
    this.#showWanted();
  }

  #showWanted() {
    const wanted = this.#wanted;
    if (!wanted || !this.#show) return;
    // Already on screen (an edit of the slide up now): redrawn in place, nothing to move.
    if (this.#now() > wanted.until || this.#show.current.key === wanted.key) {
      this.#wanted = null;
      return;
    }
    if (!this.#show.moveTo(wanted.key, this.#now())) return;
    this.#wanted = null;
    this.#display({ fade: true });
    this.#schedule();
  }

  /** The element of the slide on screen (for a finger to drag). */
  get element() {
    return this.#view.slides.querySelector('.slide.is-current');
  }

  #rebuild() {
    const photos = Object.fromEntries(Object.entries(this.#photos).filter(([file]) => !this.#skippedVideos.has(file)));
    const slides = buildPlaylist(this.#content, photos, TEST_SLIDE_SECONDS);
    if (!this.#show) {
      const after = lastSlideShown();
      this.#show = new Slideshow(slides, this.#now(), after);
      this.#view.stage.dataset.resumedAfter = after ?? '';
      this.#display({ fade: false });
    } else {
      const moved = this.#show.replaceSlides(slides, this.#now());
      // The same slide with new words is swapped in place: a fade would look like a flash.
      this.#display({ fade: moved });
    }
    this.#view.stage.dataset.revision = String(this.#revision);
    this.#schedule();
    // A slide asked for that has just appeared, unless a visitor is using the kiosk.
    if (!this.#paused) this.#showWanted();
  }

  #advance() {
    this.#show.advance(this.#now());
    this.#display({ fade: true });
    this.#schedule();
    this.#onAdvance();
  }

  #schedule() {
    clearTimeout(this.#timer);
    clearTimeout(this.#progressTimer);
    if (this.#paused || this.#videoComing) return;
    this.#timer = setTimeout(() => this.#advance(), this.#show.msLeft(this.#now()));
    this.#showProgress();
  }

  /** Moves the progress bar to how much of the slide's time has passed, a step at a time. */
  #showProgress() {
    const slide = this.#show.current;
    const total = slide.seconds * 1000;
    const done = Math.min(1, 1 - this.#show.msLeft(this.#now()) / total);
    this.#view.progress.style.transform = `scaleX(${done.toFixed(3)})`;
    if (done < 1 && !this.#paused) {
      this.#progressTimer = setTimeout(() => this.#showProgress(), PROGRESS_STEP_MS);
    }
  }

  /** Plays the video of `slide` now on screen, watched, while its slide is up. */
  #play(video, slide, from = 0) {
    this.#stopVideo();
    this.#stopVideo = () => {};
    // Held where it is while a visitor uses the kiosk, like any slide.
    if (this.#paused) {
      video.currentTime = from;
      return;
    }
    this.#stopVideo = playWatched(video, slide.photo.videoMs / 1000, (why) => this.#skipVideo(slide, why), from);
  }

  /** Leaves out the video of `slide` (`why`: 'stalled' or 'error') and moves on past it. */
  #skipVideo(slide, why) {
    const file = slide.item.file;
    if (this.#skippedVideos.has(file)) return;
    console.error(`video ${file} skipped: ${why}`);
    this.#skippedVideos.add(file);
    this.#onVideoSkipped(file, why);
    this.#rebuild();
  }

  #display({ fade }) {
    const { stage, slides, position, credits } = this.#view;
    const slide = this.#show.current;
    const next = renderSlide(slide, this.#langs, { codes: this.#codes, interactive: this.#interactive });
    next.style.setProperty('--slide-duration', `${slide.seconds}s`);
    const previous = [...slides.querySelectorAll('.slide')];
    const animate = fade && this.#content.settings.transition === 'fade';
    if (!animate) next.style.transition = 'none';
    slides.append(next);
    fitSlide(next);
    const shown = ++this.#shown;
    const pictures = [...next.querySelectorAll('img')];
    const commit = () => {
      // A later slide may have been asked for while this one's pictures were decoding.
      if (shown !== this.#shown) {
        next.remove();
        release(next);
        return false;
      }
      next.getBoundingClientRect(); // commit the starting opacity so the fade runs
      this.#stopVideo();
      this.#stopVideo = () => {};
      next.classList.add('is-current');
      for (const old of previous) {
        old.classList.remove('is-current');
        const leave = () => {
          old.remove();
          release(old);
        };
        if (animate) setTimeout(leave, fadeMs() + 100);
        else leave();
      }
      stage.querySelector('.splash')?.remove();
      return true;
    };
    // Never show a video before its first frame: the slide before it stays up meanwhile.
    const video = next.querySelector('video');
    this.#videoComing = video !== null;
    if (video) {
      // The same video drawn again (new words, a visit beginning): it goes on from where it was.
      const playing = previous.find((old) => old.classList.contains('is-current'))?.querySelector('video');
      const from = playing?.dataset.file === video.dataset.file ? playing.currentTime : 0;
      firstFrame(video).then((why) => {
        if (shown !== this.#shown) {
          next.remove();
          release(next);
          return;
        }
        this.#videoComing = false;
        if (why === null) {
          commit();
          // Its time starts when it starts playing, so the slide ends when the video does.
          this.#show.shownAt = this.#now() - from * 1000;
          this.#schedule();
          this.#play(video, slide, from);
        } else {
          next.remove();
          release(next);
          this.#skipVideo(slide, why);
        }
      });
    // Never fade to a slide whose picture is still a blank box.
    } else if (pictures.length && animate) {
      const decoded = Promise.all(pictures.map((img) => img.decode().catch(() => {})));
      Promise.race([decoded, new Promise((resolve) => setTimeout(resolve, PICTURE_WAIT_MS))]).then(commit);
    } else {
      commit();
    }
    stage.dataset.slideKey = slide.key;
    stage.dataset.slideIndex = String(this.#show.index);
    stage.dataset.slideCount = String(this.#show.slides.length);
    rememberSlideShown(slide.key);

    position.replaceChildren(...renderPosition(this.#show.index, this.#show.slides.length));
    const source = this.#content.sources.find((s) => s.id === slide.item?.source);
    credits.replaceChildren(...renderCredits(source, this.#langs));
  }
}

// The backend loads the page again now and then (every few hundred slides, or above the
// memory ceiling). The session's storage outlives the page, so the new page goes on from
// the slide after the last one shown instead of starting the show again; a new start of
// the kiosk has a new session, and begins at the first slide.
const LAST_SLIDE_KEY = 'lighthouse.lastSlide';

function lastSlideShown() {
  try {
    return sessionStorage.getItem(LAST_SLIDE_KEY);
  } catch {
    return null;
  }
}

function rememberSlideShown(key) {
  try {
    sessionStorage.setItem(LAST_SLIDE_KEY, key);
  } catch {
    // Without storage a page loaded again starts at the first slide; nothing else changes.
  }
}

/** The cross-fade duration from the design tokens, in milliseconds. */
function fadeMs() {
  const value = getComputedStyle(document.documentElement).getPropertyValue('--fade').trim();
  return value.endsWith('ms') ? parseFloat(value) : parseFloat(value) * 1000 || 0;
}
