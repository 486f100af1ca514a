// Zooming a photo in the viewer, as plain numbers: `{scale, x, y}`, where x and y move the
// picture's centre away from the frame's centre (px). The picture is drawn with
// `translate(x, y) scale(scale)` around its own centre. No DOM here.

export const MIN_SCALE = 1;
export const MAX_SCALE = 4;
/** A double tap zooms to this, or back to the whole picture. */
export const DOUBLE_TAP_SCALE = 2.5;

export const WHOLE = Object.freeze({ scale: 1, x: 0, y: 0 });

/**
 * The zoom while two fingers pinch: `from` is the zoom when they touched, `pinch` the
 * gesture (scale since then, centre, and how far the centre moved), `box` the frame and the
 * picture's size at scale 1 (`{frameWidth, frameHeight, width, height}`, both centred).
 * The spot under the fingers stays under them.
 */
export function pinched(from, pinch, box) {
  const scale = clamp(from.scale * pinch.scale, MIN_SCALE, MAX_SCALE);
  // Where the pinch started, from the frame's centre.
  const px = pinch.x - pinch.dx - box.frameWidth / 2;
  const py = pinch.y - pinch.dy - box.frameHeight / 2;
  const x = px + pinch.dx - (scale * (px - from.x)) / from.scale;
  const y = py + pinch.dy - (scale * (py - from.y)) / from.scale;
  return contained({ scale, x, y }, box);
}

/** A double tap at (x, y) on the frame: zoom in there, or back out to the whole picture. */
export function doubleTapped(from, x, y, box) {
  if (from.scale > MIN_SCALE) return WHOLE;
  const px = x - box.frameWidth / 2;
  const py = y - box.frameHeight / 2;
  const scale = DOUBLE_TAP_SCALE;
  return contained({ scale, x: px - scale * (px - from.x), y: py - scale * (py - from.y) }, box);
}

/** One finger dragging a zoomed picture by (dx, dy) since `from`. */
export function panned(from, dx, dy, box) {
  return contained({ scale: from.scale, x: from.x + dx, y: from.y + dy }, box);
}

/** Keeps the picture covering the frame where it is larger than it, and centred where not. */
export function contained(zoom, box) {
  const limit = (size, frame) => Math.max(0, (size * zoom.scale - frame) / 2);
  const x = clamp(zoom.x, -limit(box.width, box.frameWidth), limit(box.width, box.frameWidth));
  const y = clamp(zoom.y, -limit(box.height, box.frameHeight), limit(box.height, box.frameHeight));
  return { scale: zoom.scale, x: x + 0, y: y + 0 };
}

/** Whether a zoomed picture can still move towards `direction` (-1 left edge, +1 right edge) on x. */
export function atEdge(zoom, direction, box) {
  const limit = Math.max(0, (box.width * zoom.scale - box.frameWidth) / 2);
  return direction < 0 ? zoom.x >= limit - 0.5 : zoom.x <= -limit + 0.5;
}

function clamp(value, min, max) {
  return Math.min(max, Math.max(min, value));
}
