// The mouse pointer, out of sight on a touch screen: hidden a few seconds after the mouse
// last moved, and at once when a finger touches.

/** Hides the pointer over `root` after `seconds` without mouse movement. */
export class IdleCursor {
  #root;
  #ms;
  #timer = 0;

  constructor(root, seconds) {
    this.#root = root;
    this.#ms = seconds * 1000;
    this.hide();
  }

  set seconds(seconds) {
    this.#ms = seconds * 1000;
  }

  /** The mouse moved: show the pointer, and hide it again after a while. */
  moved() {
    this.#root.classList.remove('cursor-hidden');
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.hide(), this.#ms);
  }

  /** A finger touched, or time is up. */
  hide() {
    clearTimeout(this.#timer);
    this.#root.classList.add('cursor-hidden');
  }
}
