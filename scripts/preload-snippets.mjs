#!/usr/bin/env node
// Trunk post-build hook (Trunk.toml): adds a <link rel="modulepreload"> to index.html for
// each wasm-bindgen snippet (e.g. src/web/build.js). The glue imports them, so without
// the hint the browser finds them only after fetching and parsing the glue: one more
// round trip, after the page's first paint, before the wasm can start.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('preload-snippets: TRUNK_STAGING_DIR is not set');
const snippets = join(dir, 'snippets');
const files = existsSync(snippets)
  ? readdirSync(snippets, { recursive: true }).filter((f) => f.endsWith('.js')).sort()
  : [];
const index = join(dir, 'index.html');
let html = readFileSync(index, 'utf8');
const anchor = '<link rel="modulepreload" href="claimlens.js">';
if (!html.includes(anchor)) throw new Error(`preload-snippets: ${anchor} not found in index.html`);
const links = files
  .map((f) => `snippets/${f.split('\\').join('/')}`)
  .filter((href) => !html.includes(`href="${href}"`))
  .map((href) => `\n  <link rel="modulepreload" href="${href}">`)
  .join('');
html = html.replace(anchor, anchor + links);

// The page's comments are for its source, not its download: the stylesheet ships without
// comments and runs of white space (about 1.2 kB gzip of the 1.5 MB budget), index.html
// without its comments. Only comments and white space go, never a character next to a
// ':' (".a :hover" and ".a:hover" differ), so the rules are unchanged. Trunk's own
// minifier cannot be used: it fails on the wasm-bindgen glue. The stylesheet's
// integrity hash is recomputed to match.
const cssPath = join(dir, 'style.css');
if (existsSync(cssPath)) {
  const css = readFileSync(cssPath, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .trim() + '\n';
  writeFileSync(cssPath, css);
  const hash = createHash('sha384').update(css).digest('base64');
  const before = html;
  html = html.replace(/(<link rel="stylesheet" href="\/style\.css" integrity=")sha384-[^"]*"/, `$1sha384-${hash}"`);
  if (html === before && html.includes('style.css" integrity=')) throw new Error('preload-snippets: style.css integrity not updated');
}
html = html.replace(/\n?[ \t]*<!--[\s\S]*?-->/g, '');
writeFileSync(index, html);
console.log(`preload-snippets: ${files.length} snippet(s) preloaded; style.css and index.html without comments`);
