// The composition root: wires the backend, the page, the slideshow and visitor input to the
// kiosk's controller.

import { Kiosk } from './kiosk.js';
import { bothLabels } from './logic/i18n.js';
import { WallClock } from './logic/wall-clock.js';
import { IdleCursor } from './page/cursor.js';
import { listenForGestures } from './page/input.js';
import { Manipulation } from './page/manipulation.js';
import { Page } from './page/page.js';
import { Player } from './page/player.js';
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

/** How often the kiosk's clock and time zone are asked again (a change of summer time). */
const CLOCK_CHECK_MS = 60 * 1000;

const page = new Page(document);
const wallClock = new WallClock();
const cursor = new IdleCursor(document.documentElement);
const player = new Player(page.slideshowElements, () => performance.now(), () => {
  heartbeat('attract', true);
  platform.count({ kind: 'slide' });
}, platform.videoSkipped);
const kiosk = new Kiosk(page, player, (swipeableOn, step) => new Manipulation(page, swipeableOn, step), {
  count: platform.count,
  restDisplay: platform.restDisplay,
  staffDoor: platform.staffDoor,
  staffUnlock: platform.staffUnlock,
  staffReport: platform.staffReport,
  staffAction: platform.staffAction,
  staffClose: platform.staffClose,
}, () => performance.now(), wallClock);
const askTheClock = () => platform.loadClock().then((clock) => wallClock.set(clock), (err) => console.error('loading the clock failed', err));
setInterval(askTheClock, CLOCK_CHECK_MS);
platform.drawnOnGpu().then((gpu) => page.markDrawnOnGpu(gpu), (err) => console.error('asking for the renderer failed', err));
listenForGestures(
  document,
  (gesture, event) => kiosk.gesture(gesture, event.timeStamp),
  (element, event) => kiosk.activate(page.actionOfElement(element), event.timeStamp),
  cursor,
);
setInterval(() => heartbeat(kiosk.mode, false), HEARTBEAT_MS);
// A monitor swapped or rotated while the kiosk runs resizes the window (the backend follows
// the monitor); type fitted to the old size is fitted again once the resizing settles.
let refitFrame = 0;
addEventListener('resize', () => {
  cancelAnimationFrame(refitFrame);
  refitFrame = requestAnimationFrame(() => page.refit());
});

addEventListener('message', (event) => platform.receiveMessage(event));
onOpeningChanged((opening) => kiosk.setOpening(opening));
onContentChanged(async ({ revision, changed }) => {
  try {
    const [content, codes, opening] = await Promise.all([loadContent(), loadContactCodes(), loadOpening()]);
    kiosk.setContent(content, revision, changed);
    kiosk.setCodes(codes);
    kiosk.setOpening(opening);
    cursor.seconds = content.settings.cursorHideSeconds;
    showPreviewView();
    page.markContentPainted();
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
    showPreviewView();
  } catch (err) {
    console.error('loading photos failed', err);
  }
}

/** In the editor's preview, the screen the editor asks for. */
function showPreviewView() {
  const view = platform.previewView();
  if (view) kiosk.preview(view);
}

async function start() {
  // Asked together: the clock is needed before the first slide is drawn, not before it is asked for.
  const clockSet = askTheClock();
  for (;;) {
    try {
      const content = await loadContent();
      await clockSet;
      kiosk.setContent(content, 0);
      showPreviewView();
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
      page.showLoadFailed(bothLabels('loadFailed'));
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
