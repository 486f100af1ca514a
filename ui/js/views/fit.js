// Shrinks a slide's type until it fits the screen, so long staff text is never cut off.

/** Scales tried, in twentieths: 1, 0.95, … down to 0.55; below that text is too small to read. */
const FIT_STEPS = 20;
const MIN_FIT_STEPS = 11;

/**
 * Sets the slide's --fit to the largest scale (1, 0.95, …) at which it fits: no taller than
 * the slide, and no figure wider than its column (figures never wrap), and its data-fit to
 * 'whole', 'shrunk' or 'overflows' (too long even at the smallest scale). Returns the scale.
 */
export function fitSlide(slide) {
  const inner = slide.querySelector('.slide-inner');
  if (!inner) return 1;
  // Not laid out (drawn behind another screen, after a language change): nothing can be
  // measured, so it is left whole and fitted when it is shown.
  if (slide.clientHeight === 0) {
    slide.style.setProperty('--fit', '1');
    delete slide.dataset.fit;
    return 1;
  }
  const style = getComputedStyle(slide);
  const available = slide.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  const figures = [...slide.querySelectorAll('.figure-value')];
  const tooTall = () => inner.getBoundingClientRect().height > available + 1;
  // A figure's value never wraps: it must fit inside its own box and its figure's column
  // (the box may be drawn wider than the column, over the next figure).
  const overflows = (box) => box.scrollWidth > box.clientWidth + 1;
  const tooWide = () => figures.some((value) => overflows(value) || overflows(value.closest('.figure') ?? value));
  // Whole steps, not repeated subtraction of 0.05, which drifts below the last step.
  let steps = FIT_STEPS;
  slide.style.setProperty('--fit', '1');
  while ((tooTall() || tooWide()) && steps > MIN_FIT_STEPS) {
    steps -= 1;
    slide.style.setProperty('--fit', String(steps / FIT_STEPS));
  }
  // Said on the slide, for the editor's preview to tell staff.
  slide.dataset.fit = tooTall() || tooWide() ? 'overflows' : steps < FIT_STEPS ? 'shrunk' : 'whole';
  return steps / FIT_STEPS;
}
