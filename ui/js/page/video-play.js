// Playing a video slide: it comes on screen only once its first frame is decoded (the
// slide before it stays up meanwhile, so no black frame shows), plays from the start, and
// is watched: a video whose position stops moving, or that cannot be decoded, is reported
// so the slideshow moves past it.
//
// WebKitGTK's media player reads only http(s), file and blob addresses, not the kiosk's
// own `video://` scheme: the page reads the video through it in ranges and plays it from
// a blob; the two last read are kept, so a slide drawn again does not read its video again.

/** The longest a video may take to be read (a slow disk, a large file) before it is given up. */
export const READ_WAIT_MS = 60_000;
/** The longest a video, once read, may take to show its first frame. */
export const FIRST_FRAME_WAIT_MS = 8000;
/** A video is read this much at a time (the backend never holds more of it at once). */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Videos kept read (by source): the one on screen and the one coming, never more. */
const KEPT = 2;
/** A video whose position has not moved for this long has stalled. */
export const STALL_MS = 3000;
const WATCH_EVERY_MS = 250;
/** A video that ends this much (seconds) before its length has lost its last pictures. */
const ENDED_EARLY_S = 0.5;

/** Blob addresses of the videos read, by source, oldest first. */
const kept = new Map();

/**
 * Resolves with null once `video`'s first frame can be drawn, or with why not ('error …',
 * 'unreadable …', 'no first frame').
 */
export function firstFrame(video) {
  if (video.readyState >= 2) return Promise.resolve(null);
  return new Promise((resolve) => {
    let timer = setTimeout(() => done('unreadable: not read within a minute'), READ_WAIT_MS);
    const done = (why) => {
      clearTimeout(timer);
      video.removeEventListener('loadeddata', loaded);
      video.removeEventListener('error', failed);
      resolve(why);
    };
    const loaded = () => done(null);
    const failed = () => done(decodeError(video));
    video.addEventListener('loadeddata', loaded);
    video.addEventListener('error', failed);
    read(video.dataset.source, video).then((blob) => {
      if (!blob) return;
      clearTimeout(timer);
      timer = setTimeout(() => done('no first frame'), FIRST_FRAME_WAIT_MS);
      video.src = blob;
    }, (err) => done(`unreadable: ${err.message}`));
  });
}

/** Why `video` failed, as its MediaError says (for the log and the status). */
function decodeError(video) {
  const error = video.error;
  return error ? `error ${error.code}${error.message ? `: ${error.message}` : ''}` : 'error';
}

/**
 * The blob address of `source`, read in ranges (or kept from before), for `video`; null
 * when `video` left the page while it was read (nothing more is read for it then).
 */
async function read(source, video) {
  if (kept.has(source)) return kept.get(source);
  const parts = [];
  let at = 0;
  let total = Infinity;
  let type = '';
  while (at < total) {
    if (!video.isConnected) return null;
    const answer = await fetch(source, { headers: { Range: `bytes=${at}-${at + CHUNK_BYTES - 1}` } });
    if (!answer.ok) throw new Error(`${source}: ${answer.status}`);
    type = answer.headers.get('content-type') ?? type;
    const range = /^bytes (\d+)-\d+\/(\d+)$/.exec(answer.headers.get('content-range') ?? '');
    if (range && Number(range[1]) !== at) throw new Error(`asked for byte ${at}, got ${range[1]}`);
    const bytes = await answer.arrayBuffer();
    if (bytes.byteLength === 0) break;
    parts.push(bytes);
    at += bytes.byteLength;
    total = range ? Number(range[2]) : at;
  }
  if (!video.isConnected) return null;
  const blob = URL.createObjectURL(new Blob(parts, { type }));
  kept.set(source, blob);
  // The oldest goes once two are kept: neither the video on screen nor the one coming.
  while (kept.size > KEPT) {
    const [oldest, address] = kept.entries().next().value;
    kept.delete(oldest);
    URL.revokeObjectURL(address);
  }
  return blob;
}

/** Lets go of the videos in `root` (a slide leaving the screen); their blobs stay kept. */
export function release(root) {
  for (const video of root.querySelectorAll('video')) {
    video.removeAttribute('src');
    video.load();
  }
}

/**
 * Plays `video` (`seconds` long, as its container says) from `from` (s) and watches it
 * until `stop()` is called (its slide left): `onTrouble(why)` once if it fails to decode
 * ('error'), its position stops moving for STALL_MS while it should be playing
 * ('stalled'), or it ends well before its length (its pictures cut short: 'cut short').
 * Returns `stop`.
 */
export function playWatched(video, seconds, onTrouble, from = 0) {
  let last = -1;
  let still = 0;
  let over = false;
  const trouble = (why) => {
    if (over) return;
    stop();
    onTrouble(why);
  };
  const failed = () => trouble(decodeError(video));
  // Told by the clock, not the position: where its pictures run out, WebKit jumps the
  // position to the length the container gave and ends it.
  const startedAt = performance.now() - from * 1000;
  const ended = () => {
    if ((performance.now() - startedAt) / 1000 < seconds - ENDED_EARLY_S) trouble('cut short');
  };
  video.addEventListener('error', failed);
  video.addEventListener('ended', ended);
  video.currentTime = from;
  video.play().catch(() => {});
  const timer = setInterval(() => {
    // A video that has ended (and does not loop) rests on its last frame, as it should.
    if (video.ended) return;
    if (video.currentTime !== last) {
      last = video.currentTime;
      still = 0;
      return;
    }
    still += WATCH_EVERY_MS;
    if (still >= STALL_MS) trouble('stalled');
  }, WATCH_EVERY_MS);
  function stop() {
    over = true;
    clearInterval(timer);
    video.removeEventListener('error', failed);
    video.removeEventListener('ended', ended);
  }
  return stop;
}
