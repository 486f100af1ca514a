// The composition root: wires the backend, the kiosk on screen and visitor input together.

import { IdleCursor } from './cursor.js';
import { listenForGestures } from './input.js';
import { label } from './i18n.js';
import { Kiosk } from './kiosk.js';
import * as platform from './platform.js';

const {
  heartbeat, loadContactCodes, loadContent, loadOpening, loadPhotos, onContentChanged, onOpeningChanged,
  onPhotosChanged, reportFirstPaint,
} = platform;

/** How long to wait before asking for the content again after a failure. */
const RETRY_MS = 5000;
/** How often the page tells the backend it is alive (the backend's limit is 30 s). */
const HEARTBEAT_MS = 5000;
/**
 * Photos arrive one by one while the backend prepares them; asking for them at most this
 * often redraws the screen a few times instead of once per photo.
 */
const PHOTOS_COALESCE_MS = 400;

const byId = (id) => document.getElementById(id);

const cursor = new IdleCursor(document.documentElement, 5);
const kiosk = new Kiosk({
  kiosk: byId('kiosk'),
  stage: byId('stage'),
  slides: byId('slides'),
  screen: byId('screen'),
  dots: byId('slide-dots'),
  credits: byId('credits'),
  progress: byId('progress'),
  hint: byId('touch-hint'),
  homeStepper: byId('home-stepper'),
  masthead: byId('masthead-name'),
  clock: byId('clock'),
  nav: byId('nav'),
  countdown: byId('countdown'),
  rest: byId('rest'),
  staff: byId('staff'),
}, {
  onSlideChange: () => {
    heartbeat('attract', true);
    platform.count({ kind: 'slide' });
  },
  count: platform.count,
  restDisplay: platform.restDisplay,
  staffUnlock: platform.staffUnlock,
  staffReport: platform.staffReport,
  staffAction: platform.staffAction,
  staffClose: platform.staffClose,
});
listenForGestures(document, (gesture, event) => kiosk.gesture(gesture, event), cursor);
setInterval(() => heartbeat(kiosk.mode, false), HEARTBEAT_MS);
// A control pressed from a keyboard (Enter, Space) clicks with no pointer: detail is 0.
document.addEventListener('click', (event) => {
  if (event.detail === 0) kiosk.activate(event.target, event);
});

onOpeningChanged((opening) => kiosk.setOpening(opening));
onContentChanged(async ({ revision }) => {
  try {
    const [content, codes, opening] = await Promise.all([loadContent(), loadContactCodes(), loadOpening()]);
    kiosk.setContent(content, revision);
    kiosk.setCodes(codes);
    kiosk.setOpening(opening);
    cursor.seconds = content.settings.cursorHideSeconds;
    // When the new content reached the screen: lets the reload time be measured end to end.
    requestAnimationFrame(() => {
      byId('stage').dataset.contentPaintedAt = String(Date.now());
    });
  } catch (err) {
    // The content on screen stays; the next change will try again.
    console.error('loading new content failed', err);
  }
});
let photosPending = false;
onPhotosChanged(() => {
  if (photosPending) return;
  photosPending = true;
  setTimeout(() => {
    photosPending = false;
    showPhotos();
  }, PHOTOS_COALESCE_MS);
});
start();

/** Asks for the photos that are ready and hands them to the kiosk. */
async function showPhotos() {
  try {
    kiosk.setPhotos(await loadPhotos());
  } catch (err) {
    console.error('loading photos failed', err);
  }
}

async function start() {
  for (;;) {
    try {
      const content = await loadContent();
      kiosk.setContent(content, 0);
      loadOpening().then((opening) => kiosk.setOpening(opening), (err) => console.error('loading the opening hours failed', err));
      cursor.seconds = content.settings.cursorHideSeconds;
      heartbeat(kiosk.mode, false);
      // Two frames: the first lays the slide out, the second is the one that paints it.
      requestAnimationFrame(() => requestAnimationFrame(reportFirstPaint));
      // Codes and photos come after the first slide: they must never hold it up.
      loadContactCodes().then((codes) => kiosk.setCodes(codes), (err) => console.error('loading contact codes failed', err));
      showPhotos();
      return;
    } catch (err) {
      console.error('loading content failed', err);
      byId('splash-message').textContent = `${label('loadFailed', 'zh')} · ${label('loadFailed', 'en')}`;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
