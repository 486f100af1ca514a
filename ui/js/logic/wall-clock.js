// The time as the backend tells it: the page shows the clock and stamps times by the
// kiosk's own clock and time zone, never by its engine's idea of them (which may read the
// time zone differently, and knows nothing of a test clock). A "wall" Date holds the local
// wall time in its UTC fields; format it with the UTC getters only.

export class WallClock {
  #now;
  /** The backend's wall time minus the engine's clock, in ms. */
  #skew;
  #offsetMinutes;

  /** `now()` is the engine's clock (ms since 1970); until told, the engine's zone is used. */
  constructor(now = () => Date.now()) {
    this.#now = now;
    this.#offsetMinutes = -new Date(now()).getTimezoneOffset();
    this.#skew = this.#offsetMinutes * 60_000;
  }

  /** Takes the backend's `{wallMs, utcOffsetMinutes}`. */
  set({ wallMs, utcOffsetMinutes }) {
    this.#skew = wallMs - this.#now();
    this.#offsetMinutes = utcOffsetMinutes;
  }

  /** The wall time now. */
  now() {
    return new Date(this.#now() + this.#skew);
  }

  /** The wall time of an instant given in ms since 1970 (a time the backend stamped). */
  at(ms) {
    return new Date(ms + this.#offsetMinutes * 60_000);
  }
}
