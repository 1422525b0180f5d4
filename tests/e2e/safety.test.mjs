// Pasted markup stays text; nothing leaves 127.0.0.1.
import { assert, open, paste } from './lib.mjs';

async function download(page, what) {
  if (!(await page.isVisible('[data-export="json"]'))) await page.click('#export-menu summary');
  const pending = page.waitForEvent('download');
  await page.click(`[data-export="${what}"]`);
  const file = await pending;
  const { readFile } = await import('node:fs/promises');
  return { name: file.suggestedFilename(), body: await readFile(await file.path(), 'utf8') };
}

export const tests = [
  {
    name: 'exports: JSON, CSV, displaCy and brat agree with the analysis',
    async run({ page, url }) {
      await open(page, url);
      const json = JSON.parse((await download(page, 'json')).body);
      const text = (await download(page, 'text')).body;
      assert.equal(json.length, [...text].length, 'length in code points');
      const kerry = json.mentions.find((m) => m.text === 'John Kerry');
      assert.ok(kerry, 'JSON has the John Kerry mention');
      assert.equal([...text].slice(kerry.start, kerry.end).join(''), 'John Kerry', 'offsets are code points');
      const ents = (await download(page, 'entities-csv')).body.trim().split('\n');
      assert.equal(ents[0], 'id,label,type,salience,mentions,references,aliases,related');
      assert.equal(ents.length, json.entities.length + 1);
      const claims = await download(page, 'claims-csv');
      assert.ok(claims.body.startsWith('id,kind,polarity,confidence,'));
      assert.equal(claims.name, 'claimlens-claims.csv');
      const displacy = JSON.parse((await download(page, 'displacy')).body);
      assert.equal(displacy[0].text, text);
      assert.equal(displacy[0].ents.length, json.mentions.length);
      assert.ok(displacy[0].ents.some((e) => e.label === 'PERSON' && [...text].slice(e.start, e.end).join('') === 'John Kerry'));
      // Esc closes the menu (and gives the focus back to its button), as does a click elsewhere
      await page.click('#export-menu summary');
      await page.focus('[data-export="json"]');
      await page.keyboard.press('Escape');
      assert.equal(await page.$eval('#export-menu', (m) => m.open), false, 'Esc closes the export menu');
      assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY');
      await page.click('#export-menu summary');
      await page.click('#article');
      assert.equal(await page.$eval('#export-menu', (m) => m.open), false, 'a click elsewhere closes it');
      const ann = (await download(page, 'brat')).body.trim().split('\n');
      for (const line of ann.filter((l) => l.startsWith('T'))) {
        const [, spec, covered] = line.split('\t');
        const pieces = spec.split(' ').slice(1).join(' ').split(';').map((p) => p.split(' ').map(Number));
        assert.equal(pieces.map(([s, e]) => [...text].slice(s, e).join('')).join(' '), covered, line);
      }
    },
  },
  {
    name: 'pasted <img onerror> and <script> show as text and run nothing',
    async run({ page, url }) {
      const dialogs = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
      await open(page, url);
      const evil = '<img src=x onerror=alert(1)> Kerry said <script>alert(2)</script> it was fine.\n'
        + '“<svg onload=alert(3)>,” John Kerry said. <iframe src="javascript:alert(4)"></iframe>';
      await paste(page, evil);
      const text = await page.$eval('#article', (a) => a.textContent);
      assert.ok(text.includes('<img src=x onerror=alert(1)>'));
      assert.ok(text.includes('<script>alert(2)</script>'));
      assert.equal(await page.$$eval('#article img, #article script, #article svg, #article iframe, #claims img, #claims script', (e) => e.length), 0);
      // sidebar cards and exports carry it as text too
      await page.click('#tab-claims');
      await page.waitForTimeout(300);
      assert.deepEqual(dialogs, [], 'no dialog opened');
    },
  },
  {
    name: 'no request leaves 127.0.0.1 (load, analysis in the worker, exports, share)',
    async run({ context, page, url }) {
      const origin = new URL(url).origin;
      const outside = [];
      const afterLoad = [];
      let loaded = false;
      await context.route('**/*', (route) => {
        const u = route.request().url();
        if (loaded) afterLoad.push(u);
        if (u.startsWith(origin + '/') || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
        outside.push(u);
        return route.abort();
      });
      page.on('request', (r) => {
        const u = r.url();
        if (!(u.startsWith(origin + '/') || u.startsWith('data:') || u.startsWith('blob:'))) outside.push(u);
      });
      await open(page, url);
      loaded = true;
      await paste(page, 'Kerry said the talks would resume. Visit https://example.com/x.png and http://10.0.0.1/.');
      await page.click('#export-menu summary');
      const download = page.waitForEvent('download');
      await page.click('[data-export="json"]');
      const file = await download;
      const body = await (await import('node:fs/promises')).readFile(await file.path(), 'utf8');
      const json = JSON.parse(body);
      assert.equal(json.version, '1.0');
      assert.ok(Array.isArray(json.claims) && Array.isArray(json.mentions));
      await page.click('#share-btn');
      await page.hover('#article [data-m]');
      assert.deepEqual(outside, [], 'no request outside 127.0.0.1');
      // after load, only the worker's own scripts (with the glue's DOM-building
      // snippet, which it imports) and wasm may be fetched
      const unexpected = afterLoad.filter((u) => !/\/(worker\.js|claimlens\.js|claimlens_bg\.wasm|snippets\/claimlens-[0-9a-f]+\/src\/web\/build\.js)$/.test(u));
      assert.deepEqual(unexpected, [], 'no request after load except the worker assets');
    },
  },
];
