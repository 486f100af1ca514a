import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Slideshow, buildPlaylist } from '../../ui/js/logic/slideshow.js';

const readJson = (name) => JSON.parse(readFileSync(new URL(`../../assets/content/${name}`, import.meta.url)));
const defaults = () => {
  const highlights = readJson('highlights.json');
  return {
    settings: readJson('settings.json'),
    sources: highlights.sources,
    highlights: highlights.highlights,
    photos: readJson('photos.json').photos,
    contacts: readJson('contacts.json'),
  };
};

const slides = (...seconds) => seconds.map((s, i) => ({ key: `s${i}`, seconds: s }));

test('the playlist is every highlight in file order, then the contacts', () => {
  const content = defaults();
  const playlist = buildPlaylist(content);
  assert.deepEqual(
    playlist.map((slide) => slide.key),
    [...content.highlights.map((h) => `highlight:${h.id}`), 'contacts'],
  );
});

test('a highlight may stay up longer than the default', () => {
  const content = defaults();
  content.highlights[1].durationSeconds = 30;
  const playlist = buildPlaylist(content);
  assert.equal(playlist[0].seconds, content.settings.slideSeconds);
  assert.equal(playlist[1].seconds, 30);
});

test('a slide is due when its time is up, and the show wraps round', () => {
  const show = new Slideshow(slides(10, 5), 1000);
  assert.equal(show.msLeft(1000), 10_000);
  assert.equal(show.msLeft(8000), 3000);
  assert.equal(show.msLeft(20_000), 0);
  assert.equal(show.advance(11_000).key, 's1');
  assert.equal(show.msLeft(12_000), 4000);
  assert.equal(show.advance(16_000).key, 's0');
});

test('new content keeps the slide on screen and the time it has had', () => {
  const show = new Slideshow(slides(10, 10, 10), 0);
  show.advance(100);
  const moved = show.replaceSlides([{ key: 'new', seconds: 10 }, ...slides(10, 10, 10)], 5000);
  assert.equal(moved, false);
  assert.equal(show.current.key, 's1');
  assert.equal(show.msLeft(5100), 5000);
});

test('when the slide on screen is removed, the show moves on without running past the end', () => {
  const show = new Slideshow(slides(10, 10, 10), 0);
  show.advance(0);
  show.advance(0);
  const moved = show.replaceSlides(slides(10), 3000);
  assert.equal(moved, true);
  assert.equal(show.index, 0);
  assert.equal(show.msLeft(3000), 10_000);
});

test('a page loaded again goes on after the slide the last one ended on', () => {
  assert.equal(new Slideshow(slides(10, 10, 10), 0, 's1').current.key, 's2');
  assert.equal(new Slideshow(slides(10, 10, 10), 0, 's2').current.key, 's0', 'wraps round');
  assert.equal(new Slideshow(slides(10, 10, 10), 0, 'gone').current.key, 's0', 'a slide no longer there');
  assert.equal(new Slideshow(slides(10, 10, 10), 0, null).current.key, 's0', 'a first start');
});

test('an empty slideshow is refused rather than left blank', () => {
  assert.throws(() => new Slideshow([], 0));
});

test('photos join the show only once they are ready', () => {
  const content = defaults();
  content.photos = [{ file: 'a.jpg' }, { file: 'b.jpg' }];
  content.highlights[0].photos = ['b.jpg', 'a.jpg'];
  const ready = { a: { full: 'photo://localhost/a' } };
  const none = buildPlaylist(content, {});
  assert.equal(none.filter((s) => s.kind === 'photo').length, 0);
  assert.equal(none[0].photo, null);

  const some = buildPlaylist(content, { 'a.jpg': ready.a });
  assert.deepEqual(some.filter((s) => s.kind === 'photo').map((s) => s.key), ['photo:a.jpg']);
  assert.equal(some[0].photo, ready.a, 'the first of its photos that is ready');
  assert.equal(some.at(-1).key, 'contacts', 'the contacts stay last');
});
