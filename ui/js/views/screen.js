// The screen a visitor has open (home is the slideshow itself, drawn by the player).

import { galleryEntries, storyIds, viewerFiles } from '../logic/items.js';
import { renderClosed } from './closed.js';
import { renderContacts } from './contacts.js';
import { renderGallery } from './gallery.js';
import { renderHighlightList } from './highlight-list.js';
import { renderStory } from './story.js';
import { renderViewer } from './viewer.js';

/**
 * The screen for `state` in `langs`, from `data` (`{content, photos, codes, opening}`), or
 * null for home. A story or photo that has left the content shows its list instead.
 */
export function renderScreen(state, langs, { content, photos, codes, opening }) {
  switch (state.screen) {
    case 'highlights':
      return renderHighlightList(content.highlights, langs, photos);
    case 'story': {
      const index = storyIds(content).indexOf(state.item);
      if (index < 0) return renderHighlightList(content.highlights, langs, photos);
      const highlight = content.highlights[index];
      return renderStory(highlight, langs, {
        position: { index, count: content.highlights.length },
        source: content.sources.find((s) => s.id === highlight.source),
        photos,
      });
    }
    case 'photos':
      return renderGallery(galleryEntries(content, photos), langs, photos);
    case 'viewer': {
      const set = state.item?.set ?? 'gallery';
      const files = viewerFiles(content, photos, set);
      const index = files.indexOf(state.item?.file);
      if (index < 0) return renderGallery(galleryEntries(content, photos), langs, photos);
      const file = files[index];
      const entry = content.photos.find((p) => p.file === file) ?? { file };
      const back = set.startsWith('highlight:')
        ? { back: 'story', backItem: set.slice('highlight:'.length) }
        : { back: 'photos' };
      return renderViewer(entry, photos[file], langs, { position: { index, count: files.length }, ...back });
    }
    case 'contact':
      return renderContacts(content.contacts, langs, codes, 'screen screen-contact');
    case 'closed':
      return renderClosed(opening, content.contacts, langs, codes);
    default:
      return null;
  }
}
