// A video slide: the video as large as the screen allows, muted, with its caption and credit.

import { el } from './dom.js';
import { framed } from './photo.js';

/**
 * `entry`: its photos.json entry; `view`: what the backend says of it (`video` URL, size).
 * It plays only once its slide is shown (page/video-play.js); until then it loads its
 * first frame. `loops`: its slide lasts longer than the video.
 */
export function renderVideo(entry, view, langs, loops) {
  // Attributes, not properties, so the first load already knows it is muted and may
  // start without a gesture.
  const video = el('video', {
    className: 'photo-full',
    muted: '',
    playsinline: '',
    // Not 'auto': with it WebKit's GStreamer player buffers a blob through a temporary
    // file, which fed the decoder broken data for one start in two of a 7 MB video here.
    preload: 'metadata',
    loop: loops ? '' : null,
    disablepictureinpicture: '',
    width: view.width,
    height: view.height,
    // Where it comes from; page/video-play.js loads it (WebKitGTK's player cannot read
    // the kiosk's own URL schemes itself).
    dataset: { file: entry.file, source: view.video },
  });
  video.muted = true;
  return framed('slide slide-photo slide-video', video, entry, langs);
}
