// The slideshow's order and timing, as plain state: which slide is up, since when, and
// when the next one is due. Time is passed in, so it is tested without waiting.

/**
 * The slides for `content`: its highlights (the backend sends only those shown today, in
 * the order they are shown), each with its first photo that is ready; then every photo (or
 * video) of photos.json that is ready; then the contacts (always there, so the show is never empty).
 * `photos` maps file names to the pictures the backend has prepared; a photo that is not
 * ready yet is simply left out until it is. `everySlideSeconds` overrides every slide's
 * time (only the soak test sets it, to run months of slides in an hour).
 */
export function buildPlaylist(content, photos = {}, everySlideSeconds = null) {
  const defaultSeconds = everySlideSeconds ?? content.settings.slideSeconds;
  const slides = content.highlights.map((highlight) => ({
    key: `highlight:${highlight.id}`,
    kind: 'highlight',
    item: highlight,
    photo: (highlight.photos ?? []).map((file) => photos[file]).find(Boolean) ?? null,
    seconds: everySlideSeconds ?? highlight.durationSeconds ?? defaultSeconds,
  }));
  for (const photo of content.photos ?? []) {
    const view = photos[photo.file];
    if (!view) continue;
    // A video stays up for its own length unless its entry says how long.
    // (A container that does not say its length: the settings' time.)
    const seconds = view.video
      ? everySlideSeconds ?? photo.durationSeconds ?? (view.videoMs ? Math.max(1, view.videoMs / 1000) : defaultSeconds)
      : defaultSeconds;
    slides.push({ key: `photo:${photo.file}`, kind: view.video ? 'video' : 'photo', item: photo, photo: view, seconds });
  }
  slides.push({ key: 'contacts', kind: 'contacts', item: content.contacts, seconds: defaultSeconds });
  return slides;
}

/**
 * The key of the slide for `changed`, the item new content added or changed first (as the
 * backend's `content-changed` names it: `{highlight: id}` or `{photo: file}`), or null.
 */
export function slideKeyOf(changed) {
  if (changed?.highlight) return `highlight:${changed.highlight}`;
  if (changed?.photo) return `photo:${changed.photo}`;
  return null;
}

export class Slideshow {
  /**
   * @param {Array<{key: string, seconds: number}>} slides  at least one
   * @param {string|null} after  the key of the slide a page shown before this one ended on:
   *   the show goes on from the slide after it (the first one when it is gone or null)
   */
  constructor(slides, now, after = null) {
    if (slides.length === 0) throw new Error('a slideshow needs at least one slide');
    this.slides = slides;
    const last = slides.findIndex((slide) => slide.key === after);
    this.index = last >= 0 ? (last + 1) % slides.length : 0;
    this.shownAt = now;
  }

  get current() {
    return this.slides[this.index];
  }

  /** Milliseconds until the current slide is due to be replaced (never negative). */
  msLeft(now) {
    return Math.max(0, this.current.seconds * 1000 - (now - this.shownAt));
  }

  /** Moves to the slide `key`, if there is one, and restarts its time; whether it did. */
  moveTo(key, now) {
    const index = this.slides.findIndex((slide) => slide.key === key);
    if (index < 0) return false;
    this.index = index;
    this.shownAt = now;
    return true;
  }

  /** Moves to the next slide, wrapping round after the last, and restarts its time. */
  advance(now) {
    this.index = (this.index + 1) % this.slides.length;
    this.shownAt = now;
    return this.current;
  }

  /**
   * Takes a new list of slides (new content) without a jump: the slide on screen stays
   * on screen, with the time it has already had, if the new list still has it.
   * Returns true when the slide on screen has to change.
   */
  replaceSlides(slides, now) {
    if (slides.length === 0) throw new Error('a slideshow needs at least one slide');
    const key = this.current.key;
    const kept = slides.findIndex((slide) => slide.key === key);
    this.slides = slides;
    if (kept >= 0) {
      this.index = kept;
      return false;
    }
    this.index = Math.min(this.index, slides.length - 1);
    this.shownAt = now;
    return true;
  }
}
