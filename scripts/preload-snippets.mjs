#!/usr/bin/env node
// Trunk post-build hook (Trunk.toml): adds a <link rel="modulepreload"> to index.html for
// each wasm-bindgen snippet (e.g. src/web/build.js). The glue imports them, so without
// the hint the browser finds them only after fetching and parsing the glue: one more
// round trip, after the page's first paint, before the wasm can start.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

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
writeFileSync(index, html);
console.log(`preload-snippets: ${files.length} snippet(s) preloaded`);
