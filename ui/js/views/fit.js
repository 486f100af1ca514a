// Shrinks a slide's type until it fits the screen, so long staff text is never cut off.

/** The smallest scale used: below it text is too small to read, so it may overflow instead. */
const MIN_FIT = 0.55;
const FIT_STEP = 0.05;

/**
 * Sets the slide's --fit to the largest scale (1, 0.95, …) at which it fits: no taller than
 * the slide, and no figure wider than its column (figures never wrap). Returns the scale.
 */
export function fitSlide(slide) {
  const inner = slide.querySelector('.slide-inner');
  if (!inner) return 1;
  const style = getComputedStyle(slide);
  const available = slide.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  const figures = [...slide.querySelectorAll('.figure-value')];
  const tooTall = () => inner.getBoundingClientRect().height > available + 1;
  const tooWide = () => figures.some((value) => value.scrollWidth > value.clientWidth + 1);
  let fit = 1;
  slide.style.setProperty('--fit', '1');
  while ((tooTall() || tooWide()) && fit - FIT_STEP >= MIN_FIT) {
    fit -= FIT_STEP;
    slide.style.setProperty('--fit', fit.toFixed(2));
  }
  return fit;
}
