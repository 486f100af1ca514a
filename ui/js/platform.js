// The only module that talks to the kiosk's backend (window.__TAURI__). Outside the kiosk,
// e.g. the repository served by any static web server and ui/ opened in a browser, it
// reads the default content files instead, so the UI can be worked on without building.
// In the browser editor's preview (`index.html?preview`, framed by the editor's page) the
// content, photos and screen to show come from the editor, as messages.

const tauri = globalThis.__TAURI__;

/** The editor's preview: its latest draft, and whoever waits for it. */
const preview = !tauri && new URLSearchParams(location.search).has('preview') ? previewChannel() : null;

function previewChannel() {
  return { draft: null, waiting: [], onContent: [], onPhotos: [] };
}

/**
 * A message to the page (main.js hands each one here): in the editor's preview, a new
 * draft from the editor's page (same origin only) is shown.
 */
export function receiveMessage({ origin, data }) {
  if (!preview || origin !== location.origin || data?.type !== 'draft') return;
  const first = preview.draft === null;
  preview.draft = data;
  for (const resolve of preview.waiting.splice(0)) resolve(data);
  if (first) return;
  preview.onContent.forEach((handler) => handler({ revision: data.revision, changed: null }));
  preview.onPhotos.forEach((handler) => handler());
}

function previewDraft() {
  return preview.draft ? Promise.resolve(preview.draft) : new Promise((resolve) => preview.waiting.push(resolve));
}

/** In the editor's preview, the screen it asks for (`{screen, item, lang}`); else null. */
export function previewView() {
  return preview?.draft?.show ?? null;
}

/** The content to show: `{settings, sources, highlights, contacts}`. */
export async function loadContent() {
  if (tauri) return tauri.core.invoke('content');
  if (preview) return (await previewDraft()).content;
  const read = async (name) => {
    const response = await fetch(new URL(`../../assets/content/${name}`, import.meta.url));
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return response.json();
  };
  const [settings, highlights, photos, contacts, settingsSchema] = await Promise.all(
    ['settings.json', 'highlights.json', 'photos.json', 'contacts.json', 'schema/settings.schema.json'].map(read),
  );
  return {
    settings: { ...schemaDefaults(settingsSchema), ...settings },
    sources: highlights.sources ?? [],
    highlights: highlights.highlights,
    photos: photos.photos,
    contacts,
  };
}

/**
 * The default of every setting, as the backend's schema states them (the schema is made
 * from the backend's own types, so the defaults are written in one place only).
 */
function schemaDefaults(schema) {
  return Object.fromEntries(
    Object.entries(schema.properties)
      .filter(([, property]) => 'default' in property)
      .map(([name, property]) => [name, property.default]),
  );
}

/** Events sent by the backend, by the names src-tauri/src/events.rs gives them (a test there holds the two equal). */
const EVENT_CONTENT_CHANGED = 'content-changed';
const EVENT_PHOTOS_CHANGED = 'photos-changed';
const EVENT_SCHEDULE_CHANGED = 'schedule-changed';

/**
 * The photos ready to show, by file name: `{full, width, height, thumbnail, …}`. Outside
 * the kiosk there are none (photos are prepared by the backend).
 */
export async function loadPhotos() {
  if (preview) return (await previewDraft()).photos;
  if (!tauri) return {};
  const status = await tauri.core.invoke('photos');
  return status.ready;
}

/**
 * The contact screen's QR codes: `{phones: {number: {uri, drawing}}, cards: {lang: {vcard,
 * drawing}}}`. Outside the kiosk there are none (the backend makes them).
 */
export async function loadContactCodes() {
  if (!tauri) return null;
  return tauri.core.invoke('contact_codes');
}

/**
 * The kiosk's clock: `{wallMs, utcOffsetMinutes}` (see logic/wall-clock.js). Outside the
 * kiosk, the browser's own.
 */
export async function loadClock() {
  if (tauri) return tauri.core.invoke('clock');
  const utcOffsetMinutes = -new Date().getTimezoneOffset();
  return { wallMs: Date.now() + utcOffsetMinutes * 60_000, utcOffsetMinutes };
}

/**
 * Whether a GPU draws the screen. Outside the kiosk, yes: a browser moves a fading or
 * drifting layer with its own compositor instead of repainting it.
 */
export async function drawnOnGpu() {
  if (!tauri) return true;
  return tauri.core.invoke('drawn_on_gpu');
}

/** Whether the building is open: `{open, whenClosed, today, hasHours}`. Outside the kiosk, always open. */
export async function loadOpening() {
  if (!tauri) return { open: true, whenClosed: 'black', today: [], hasHours: false };
  return tauri.core.invoke('opening');
}

/** Calls `handler(opening)` when the building opens or closes. */
export function onOpeningChanged(handler) {
  tauri?.event.listen(EVENT_SCHEDULE_CHANGED, (event) => handler(event.payload));
}

/** The building is closed and the woken screen has had its time: the display may rest. */
export function restDisplay() {
  tauri?.core.invoke('rest_display').catch((err) => console.error('rest_display', err));
}

/** The slideshow left out the video `file` (`why`: 'stalled' or 'error'): logged and counted. */
export function videoSkipped(file, why) {
  tauri?.core.invoke('video_skipped', { file, why }).catch((err) => console.error('video_skipped', err));
}

/** Counts something (see lighthouse_core::counts::Event): `{kind: 'slide'}`, … */
export function count(event) {
  tauri?.core.invoke('count', { event }).catch((err) => console.error('count', err));
}

/**
 * The staff door's rules, `{fewestDigits, mostDigits, panelIdleSeconds}`; outside the kiosk
 * there is no door (null).
 */
export async function staffDoor() {
  return tauri ? tauri.core.invoke('staff_door') : null;
}

/** Tries a staff PIN: `{token, attemptsLeft, lockedSeconds, noPin}`. */
export async function staffUnlock(pin) {
  if (!tauri) return { token: null, attemptsLeft: 0, lockedSeconds: 0, noPin: true };
  return tauri.core.invoke('staff_unlock', { pin });
}

/** What the staff panel shows, or null once its token has lapsed. */
export async function staffReport(token) {
  return tauri ? tauri.core.invoke('staff_report', { token }) : null;
}

/** A confirmed staff action: 'reload', 'restart' or 'exit'. */
export async function staffAction(token, action) {
  return tauri ? tauri.core.invoke('staff_action', { token, action }) : false;
}

export function staffClose() {
  tauri?.core.invoke('staff_close').catch((err) => console.error('staff_close', err));
}

/** Calls `handler()` whenever photos become ready or go away. */
export function onPhotosChanged(handler) {
  preview?.onPhotos.push(handler);
  tauri?.event.listen(EVENT_PHOTOS_CHANGED, () => handler());
}

/** Calls `handler({revision})` whenever the content changes. Outside the kiosk it never does. */
export function onContentChanged(handler) {
  preview?.onContent.push(handler);
  tauri?.event.listen(EVENT_CONTENT_CHANGED, (event) => handler(event.payload));
}

/**
 * Tells the backend the page is alive and what it is doing (`mode`), and whether a slide
 * has just changed in the slideshow: the one moment the backend may load the page afresh
 * without anybody noticing.
 */
export function heartbeat(mode, betweenSlides) {
  tauri?.core.invoke('heartbeat', { mode, betweenSlides }).catch((err) => console.error('heartbeat', err));
}

/** Tells the backend the first slide is on screen (it logs the start-up time). */
export function reportFirstPaint() {
  tauri?.core.invoke('first_paint').catch((err) => console.error('first_paint', err));
}
