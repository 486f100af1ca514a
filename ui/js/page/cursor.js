// The mouse pointer, out of sight on a touch screen: hidden a few seconds after the mouse
// last moved, and at once when a finger touches.

/**
 * Hides the pointer over `root` after `seconds` without mouse movement. How many seconds is
 * a setting (cursorHideSeconds), so it is known once the content is: until then a pointer
 * that moved stays in sight.
 */
export class IdleCursor {
  #root;
  #ms = null;
  #timer = 0;

  constructor(root) {
    this.#root = root;
    this.hide();
  }

  set seconds(seconds) {
    this.#ms = seconds * 1000;
    if (!this.#root.classList.contains('cursor-hidden')) this.moved();
  }

  /** The mouse moved: show the pointer, and hide it again after a while. */
  moved() {
    this.#root.classList.remove('cursor-hidden');
    clearTimeout(this.#timer);
    if (this.#ms !== null) this.#timer = setTimeout(() => this.hide(), this.#ms);
  }

  /** A finger touched, or time is up. */
  hide() {
    clearTimeout(this.#timer);
    this.#root.classList.add('cursor-hidden');
  }
}
