// What the kiosk is doing, as plain data: the slideshow for passers-by (attract), a visitor
// browsing (interactive), or a visitor who seems to have left (countdown). One pure
// function moves it on; time is passed in, so it is tested without waiting, and the views
// only draw what it says.

/** How long the "still there?" notice counts down before the slideshow returns (WCAG 2.2.1 asks for 20 s). */
export const COUNTDOWN_SECONDS = 20;

/** A touch on the resting screen (the building is closed) wakes it for this long. */
export const WAKE_MS = 3 * 60 * 1000;

/**
 * The screens a visitor can be on. `story` and `viewer` show one item of a list; `closed`
 * is what a touch wakes a resting screen to (the hours and the contacts).
 */
export const SCREENS = ['home', 'highlights', 'story', 'photos', 'viewer', 'contact', 'closed'];

/**
 * The kiosk as nobody has touched it: the slideshow, in the default language. `closed`:
 * the building is closed (by its opening hours), so the screen rests unless woken.
 */
export function attract(settings, closed = false) {
  return { mode: 'attract', screen: 'home', item: null, lang: settings.defaultLanguage, lastTouch: null, closed, awakeUntil: null, reach: false };
}

/** Whether the screen rests (black, or a dimmed clock): closed, and nobody woke it. */
export function isResting(state, now) {
  return state.closed && state.mode === 'attract' && !(state.awakeUntil > now);
}

/**
 * The state after `event` at `now` (ms). Events:
 * - `{type: 'touch'}`: a finger (or pen, or mouse) touched the screen
 * - `{type: 'release'}`: the last finger left it (it still counts as being used)
 * - `{type: 'go', screen, item?}`: the visitor opened a screen (and an item on it)
 * - `{type: 'language', lang}`: the visitor chose a language
 * - `{type: 'reach'}`: the visitor turned reach mode on or off (everything a visitor
 *   touches within reach of a seated person; it lasts until the slideshow returns)
 * - `{type: 'tick'}`: time passed
 * Unknown events and events that make no sense in the current mode change nothing.
 */
export function next(state, event, now, settings) {
  switch (event.type) {
    case 'touch':
      // On a resting screen a touch wakes it to the hours and the contacts: a visitor who
      // came at the wrong time can still take a number away.
      if (isResting(state, now)) return { ...state, mode: 'interactive', screen: 'closed', item: null, lastTouch: now };
      // The first touch never misses: it wakes the kiosk on the slide that was up.
      if (state.mode === 'attract') return { ...state, mode: 'interactive', screen: 'home', item: null, lastTouch: now };
      return { ...state, mode: 'interactive', lastTouch: now };
    case 'release':
      return state.mode === 'attract' ? state : { ...state, mode: 'interactive', lastTouch: now };
    case 'go':
      if (state.mode === 'attract' || !SCREENS.includes(event.screen)) return state;
      return { ...state, mode: 'interactive', screen: event.screen, item: event.item ?? null, lastTouch: now };
    case 'language':
      if (state.mode === 'attract' || !settings.languages.includes(event.lang)) return state;
      return { ...state, mode: 'interactive', lang: event.lang, lastTouch: now };
    case 'reach':
      if (state.mode === 'attract') return state;
      return { ...state, mode: 'interactive', reach: !state.reach, lastTouch: now };
    case 'tick':
      return tick(state, now, settings);
    case 'opening':
      if (state.closed === !event.open) return state;
      // Opening time makes the "closed now" card untrue: the visitor is brought home.
      if (event.open && state.screen === 'closed') return { ...state, closed: false, screen: 'home', item: null };
      return { ...state, closed: !event.open };
    default:
      return state;
  }
}

function tick(state, now, settings) {
  if (state.mode === 'attract') {
    return state.awakeUntil !== null && now >= state.awakeUntil ? { ...state, awakeUntil: null } : state;
  }
  const idle = now - state.lastTouch;
  // Back to the slideshow; a screen woken while closed stays awake a while after a visit
  // that went further than the "closed now" card, and sleeps again at once after one that did not.
  if (idle >= (settings.idleSeconds + COUNTDOWN_SECONDS) * 1000) {
    const stayAwake = state.closed && state.screen !== 'closed';
    return { ...attract(settings, state.closed), awakeUntil: stayAwake ? now + WAKE_MS : null };
  }
  if (idle >= settings.idleSeconds * 1000) return { ...state, mode: 'countdown' };
  return state;
}

/** Whole seconds left on the countdown (20 … 1), or null when none is running. */
export function secondsLeft(state, now, settings) {
  if (state.mode !== 'countdown') return null;
  const end = state.lastTouch + (settings.idleSeconds + COUNTDOWN_SECONDS) * 1000;
  return Math.max(1, Math.ceil((end - now) / 1000));
}

/**
 * When the next tick can change something (ms), or null: the start of the countdown, then
 * each second of it (its number changes), then its end.
 */
export function nextTickAt(state, now, settings) {
  if (state.mode === 'attract') return state.awakeUntil;
  const countdownAt = state.lastTouch + settings.idleSeconds * 1000;
  if (now < countdownAt) return countdownAt;
  const end = countdownAt + COUNTDOWN_SECONDS * 1000;
  const elapsed = now - countdownAt;
  return Math.min(end, countdownAt + (Math.floor(elapsed / 1000) + 1) * 1000);
}
