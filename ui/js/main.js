// The composition root: wires the backend, the player and visitor input together.

import { onTap } from './gestures.js';
import { label } from './i18n.js';
import { loadContent, loadPhotos, onContentChanged, onPhotosChanged, reportFirstPaint } from './platform.js';
import { Player } from './player.js';

/** How long to wait before asking for the content again after a failure. */
const RETRY_MS = 5000;
/**
 * Photos arrive one by one while the backend prepares them; asking for them at most this
 * often redraws the slide on screen a few times instead of once per photo.
 */
const PHOTOS_COALESCE_MS = 400;

const byId = (id) => document.getElementById(id);

preventBrowserGestures();
const player = new Player({
  stage: byId('stage'),
  dots: byId('slide-dots'),
  credits: byId('credits'),
  masthead: byId('masthead-name'),
});
onTap(document, () => player.next());
onContentChanged(async ({ revision }) => {
  try {
    player.setContent(await loadContent(), revision);
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

/** Asks for the photos that are ready and hands them to the player. */
async function showPhotos() {
  try {
    player.setPhotos(await loadPhotos());
  } catch (err) {
    console.error('loading photos failed', err);
  }
}

async function start() {
  for (;;) {
    try {
      player.setContent(await loadContent());
      // Two frames: the first lays the slide out, the second is the one that paints it.
      requestAnimationFrame(() => requestAnimationFrame(reportFirstPaint));
      // Photos come after the first slide: they must never hold it up.
      showPhotos();
      return;
    } catch (err) {
      console.error('loading content failed', err);
      byId('splash-message').textContent = `${label('loadFailed', 'zh')} · ${label('loadFailed', 'en')}`;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

/** A kiosk is not a browser: no context menu on long press, no dragging images or text. */
function preventBrowserGestures() {
  for (const type of ['contextmenu', 'dragstart', 'selectstart']) {
    document.addEventListener(type, (event) => event.preventDefault());
  }
}
