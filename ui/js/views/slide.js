// Picks the view for a slide of the playlist.

import { renderContacts } from './contacts.js';
import { renderHighlight } from './highlight.js';
import { renderPhoto } from './photo.js';

export function renderSlide(slide, langs) {
  switch (slide.kind) {
    case 'highlight':
      return renderHighlight(slide.item, langs, slide.photo);
    case 'photo':
      return renderPhoto(slide.item, slide.photo, langs);
    case 'contacts':
      return renderContacts(slide.item, langs);
    default:
      throw new Error(`no view for slide kind ${slide.kind}`);
  }
}
