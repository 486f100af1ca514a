// The lists a visitor moves through: the stories, the gallery, and the photos of one story.
// Only photos that are ready count: a photo still being prepared is not shown yet.

/** The ids of the stories, in the order they are shown. */
export function storyIds(content) {
  return content.highlights.map((h) => h.id);
}

/** The gallery's entries whose photos are ready. */
export function galleryEntries(content, photos) {
  // Videos play in the slideshow only: the gallery is for pictures to look at closely.
  return (content.photos ?? []).filter((entry) => photos[entry.file] && !photos[entry.file].video);
}

/** The files of a viewer set that are ready: the gallery, or one highlight's (`highlight:<id>`). */
export function viewerFiles(content, photos, set) {
  const files = set?.startsWith('highlight:')
    ? content.highlights.find((h) => `highlight:${h.id}` === set)?.photos ?? []
    : galleryEntries(content, photos).map((entry) => entry.file);
  return files.filter((file) => photos[file]);
}

/**
 * The item `delta` places on from `current` in `list`, going round at either end; null when
 * `current` is not in the list or there is nothing to move to.
 */
export function stepped(list, current, delta) {
  const index = list.indexOf(current);
  if (index < 0 || list.length < 2) return null;
  return list[(index + delta + list.length) % list.length];
}
