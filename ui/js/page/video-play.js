// Playing a video slide: it comes on screen only once its first frame is decoded (the
// slide before it stays up meanwhile, so no black frame shows), plays from the start, and
// is watched: a video whose position stops moving, or that cannot be decoded, is reported
// so the slideshow moves past it.
//
// WebKitGTK's media player reads only http(s), file and blob addresses, not the kiosk's
// own `video://` scheme: the page reads the video through it in ranges and plays it from
// a blob, given back as soon as its slide is gone.

/** The longest a video may take to be read and show its first frame before it is given up. */
export const FIRST_FRAME_WAIT_MS = 8000;
/** A video is read this much at a time (the backend never holds more of it at once). */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** A video whose position has not moved for this long has stalled. */
export const STALL_MS = 3000;
const WATCH_EVERY_MS = 250;
/** A video that ends this much (seconds) before its length has lost its last pictures. */
const ENDED_EARLY_S = 0.5;

/**
 * Resolves with null once `video`'s first frame can be drawn, or with why not ('error',
 * or 'no first frame' within FIRST_FRAME_WAIT_MS).
 */
export function firstFrame(video) {
  if (video.readyState >= 2) return Promise.resolve(null);
  return new Promise((resolve) => {
    const done = (why) => {
      clearTimeout(timer);
      video.removeEventListener('loadeddata', loaded);
      video.removeEventListener('error', failed);
      resolve(why);
    };
    const loaded = () => done(null);
    const failed = () => done(decodeError(video));
    const timer = setTimeout(() => done('no first frame'), FIRST_FRAME_WAIT_MS);
    video.addEventListener('loadeddata', loaded);
    video.addEventListener('error', failed);
    load(video).catch((err) => done(`unreadable: ${err.message}`));
  });
}

/** Why `video` failed, as its MediaError says (for the log and the status). */
function decodeError(video) {
  const error = video.error;
  return error ? `error ${error.code}${error.message ? `: ${error.message}` : ''}` : 'error';
}

/** Reads `video`'s source in ranges into a blob, and has it play from there. */
async function load(video) {
  const source = video.dataset.source;
  const parts = [];
  let at = 0;
  let total = Infinity;
  let type = '';
  while (at < total) {
    const answer = await fetch(source, { headers: { Range: `bytes=${at}-${at + CHUNK_BYTES - 1}` } });
    if (!answer.ok) throw new Error(`${source}: ${answer.status}`);
    type = answer.headers.get('content-type') ?? type;
    const bytes = await answer.arrayBuffer();
    if (bytes.byteLength === 0) break;
    parts.push(bytes);
    at += bytes.byteLength;
    const range = /^bytes (\d+)-\d+\/(\d+)$/.exec(answer.headers.get('content-range') ?? '');
    if (range && Number(range[1]) !== at - bytes.byteLength) throw new Error(`asked for ${at - bytes.byteLength}, got ${range[1]}`);
    total = range ? Number(range[2]) : at;
  }
  if (!video.isConnected) return;
  video.src = URL.createObjectURL(new Blob(parts, { type }));
}

/** Gives back the memory of every video in `root` (a slide leaving the screen). */
export function release(root) {
  for (const video of root.querySelectorAll('video')) {
    const blob = video.getAttribute('src');
    video.removeAttribute('src');
    video.load();
    if (blob?.startsWith('blob:')) URL.revokeObjectURL(blob);
  }
}

/**
 * Plays `video` (`seconds` long, as its container says) from the start and watches it
 * until `stop()` is called (its slide left): `onTrouble(why)` once if it fails to decode
 * ('error'), its position stops moving for STALL_MS while it should be playing
 * ('stalled'), or it ends well before its length (its pictures cut short: 'cut short').
 * Returns `stop`.
 */
export function playWatched(video, seconds, onTrouble) {
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
  const startedAt = performance.now();
  const ended = () => {
    if ((performance.now() - startedAt) / 1000 < seconds - ENDED_EARLY_S) trouble('cut short');
  };
  video.addEventListener('error', failed);
  video.addEventListener('ended', ended);
  video.currentTime = 0;
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
