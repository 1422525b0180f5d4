#!/usr/bin/env node
// End-to-end tests of the explorer in Debian's Chromium, driven by playwright-core
// (no browser download). Expects dist/ served at E2E_URL (scripts/test does that).
// Each test gets a fresh browser context (fresh storage); screenshots of failures and
// of the default view go to test-artifacts/.
import { mkdirSync, copyFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { tests as basics } from './explorer.test.mjs';
import { tests as editing } from './editing.test.mjs';
import { tests as safety } from './safety.test.mjs';

const url = process.env.E2E_URL ?? 'http://127.0.0.1:8080/';
const only = process.env.E2E_ONLY ?? '';
const artifacts = new URL('../../test-artifacts/', import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });

// playwright's launch() starts Chromium with a fresh temporary --user-data-dir of its own.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});

let passed = 0;
let failed = 0;
const all = [...basics, ...editing, ...safety].filter((t) => t.name.includes(only));
for (const t of all) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const t0 = Date.now();
  try {
    await t.run({ browser, context, page, url, artifacts, errors });
    const pageErrors = errors.filter((e) => !/favicon|dbus/i.test(e));
    if (pageErrors.length && !t.allowErrors) throw new Error('page errors: ' + pageErrors.join(' | '));
    passed++;
    console.log(`ok   ${t.name} (${Date.now() - t0} ms)`);
  } catch (err) {
    failed++;
    console.log(`FAIL ${t.name} (${Date.now() - t0} ms)\n     ${String(err.stack ?? err).split('\n').slice(0, 6).join('\n     ')}`);
    const shot = artifacts + 'fail-' + t.name.replace(/\W+/g, '-') + '.png';
    await page.screenshot({ path: shot, fullPage: false }).catch(() => {});
    console.log(`     screenshot: ${shot}`);
  }
  await context.close();
}
await browser.close();

if (process.env.UPDATE_SCREENSHOT && failed === 0) {
  mkdirSync(new URL('../../docs/', import.meta.url).pathname, { recursive: true });
  copyFileSync(artifacts + 'readme.png', new URL('../../docs/screenshot.png', import.meta.url).pathname);
  console.log('updated docs/screenshot.png');
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
