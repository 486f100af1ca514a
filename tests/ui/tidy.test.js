// Rules of the UI that no tool checks, checked here so they stay true.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ui = fileURLToPath(new URL('../../ui/', import.meta.url));

/** Every file under `dir` whose name ends with `extension`, as [path, text]. */
function files(dir, extension) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith(extension))
    .map((name) => [relative(ui, join(dir, name)), readFileSync(join(dir, name), 'utf8')]);
}

/** Comments say why; only code is checked. */
const withoutComments = (text) => text
  .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''))
  .replace(/^\s*\/\/.*$/gm, '');

test('only platform.js talks to the backend', () => {
  const offenders = files(ui, '.js')
    .filter(([path, text]) => path !== join('js', 'platform.js') && withoutComments(text).includes('__TAURI__'))
    .map(([path]) => path);
  assert.deepEqual(offenders, []);
});

test('no script writes HTML: staff text reaches the page as text only', () => {
  const offenders = files(ui, '.js')
    .filter(([, text]) => /\b(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write/.test(withoutComments(text)))
    .map(([path]) => path);
  assert.deepEqual(offenders, []);
});

test('every colour in the CSS comes from tokens.css', () => {
  const colour = /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|(?<![-\w])(white|black|red|blue|green|gray|grey|yellow|orange)(?![-\w])/i;
  const offenders = files(join(ui, 'css'), '.css')
    .filter(([path]) => path !== join('css', 'tokens.css'))
    .flatMap(([path, text]) => withoutComments(text).split('\n')
      .map((line, i) => [`${path}:${i + 1}`, line])
      .filter(([, line]) => colour.test(line)))
    .map(([where, line]) => `${where}: ${line.trim()}`);
  assert.deepEqual(offenders, []);
});

test('only the page and the views touch the DOM; the kiosk and its logic do not', () => {
  // main.js is the composition root: it hands the document to the page and the input.
  const domFolders = [join('js', 'views'), join('js', 'page')];
  const dom = /\b(document|window|globalThis\.document|requestAnimationFrame|getComputedStyle|innerWidth|innerHeight|HTMLElement|querySelector(All)?|getElementById|elementFromPoint|getBoundingClientRect|addEventListener|classList|dataset|textContent|replaceChildren)\b/;
  const offenders = files(join(ui, 'js'), '.js')
    .filter(([path]) => path !== join('js', 'main.js') && !domFolders.some((folder) => path.startsWith(folder)))
    .filter(([, text]) => dom.test(withoutComments(text)))
    .map(([path, text]) => `${path}: ${withoutComments(text).match(dom)[0]}`);
  assert.deepEqual(offenders, []);
});

/** The modules `entry` (a path under ui/) imports, directly or not, as paths under ui/. */
function importedBy(entry) {
  const found = new Set();
  const visit = (path) => {
    const text = withoutComments(readFileSync(join(ui, path), 'utf8'));
    for (const [, target] of text.matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)) {
      const module = relative(ui, join(ui, path, '..', target));
      if (!found.has(module)) {
        found.add(module);
        visit(module);
      }
    }
  };
  visit(entry);
  return found;
}

test('index.html preloads every module the page imports, and nothing else', () => {
  const html = readFileSync(join(ui, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(([, href]) => join(href));
  const imported = [...importedBy(join('js', 'main.js'))];
  assert.deepEqual(imported.filter((path) => !preloaded.includes(path)), [], 'imported but not preloaded');
  assert.deepEqual(preloaded.filter((path) => !imported.includes(path)), [], 'preloaded but never imported');
});
