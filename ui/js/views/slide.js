// Picks the view for a slide of the playlist.

import { el } from './dom.js';
import { label } from '../logic/i18n.js';
import { renderContacts } from './contacts.js';
import { renderHighlight } from './highlight.js';
import { icon } from './icon.js';
import { renderPhoto } from './photo.js';
import { renderVideo } from './video.js';

/**
 * `codes`: the contact QR codes (or null). `interactive`: a visitor is browsing, so a
 * highlight offers its full story.
 */
export function renderSlide(slide, langs, { codes = null, interactive = false } = {}) {
  switch (slide.kind) {
    case 'highlight': {
      const view = renderHighlight(slide.item, langs, slide.photo);
      if (interactive) view.querySelector('.slide-text').append(readMore(slide.item.id, langs.primary));
      return view;
    }
    case 'photo':
      return renderPhoto(slide.item, slide.photo, langs);
    case 'video':
      return renderVideo(slide.item, slide.photo, langs, slide.seconds * 1000 > slide.photo.videoMs + 500);
    case 'contacts':
      return renderContacts(slide.item, langs, codes, 'slide slide-contacts');
    default:
      throw new Error(`no view for slide kind ${slide.kind}`);
  }
}

function readMore(id, lang) {
  return el(
    'button',
    { className: 'read-more', type: 'button', action: { type: 'go', screen: 'story', item: id } },
    el('span', { lang }, label('readMore', lang)),
    icon('forward'),
  );
}
