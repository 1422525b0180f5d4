// Editing, share links and bad input.
import { OTHER_ARTICLE, articleText, assert, cards, mentions, open, paste, ready } from './lib.mjs';

/** Seven speakers in one short text, written for this test. */
const MANY_SPEAKERS = [
  'Finance Minister Laura Bexley said on Monday that inflation would fall below 3 percent by June.',
  'Opposition leader Marcus Oyelaran told reporters the forecast was “a fantasy built on cheap oil.”',
  'The central bank governor, Ines Halvorsen, said rates would stay on hold, while economist Rafael Quintero argued that wages were rising too slowly.',
  '“We see no sign of a slowdown,” said Chen Wei, chief executive of the retailer Northmart.',
  'Mayor Sophie Lindqvist said the city would cut bus fares, but councillor Ade Bankole warned the plan was unfunded.',
].join('\n');

export const tests = [
  {
    name: 'pasting another article updates highlights and sidebar',
    async run({ page, url }) {
      await open(page, url);
      await paste(page, OTHER_ARTICLE);
      assert.equal(await articleText(page), OTHER_ARTICLE);
      const ms = await mentions(page);
      assert.ok(ms.length > 0, 'the new text has entity marks');
      assert.ok(!ms.some((m) => m.text.includes('Kerry')), 'no marks left from the old article');
      const all = await cards(page);
      assert.ok(all.some((c) => c.content.includes('We will not wait for the next storm')), 'the quote is a claim');
      assert.equal(await page.textContent('#count-claims'), String(all.length));
      // the draft survives a reload
      await page.reload();
      await ready(page);
      assert.equal(await articleText(page), OTHER_ARTICLE);
      assert.match(await page.textContent('#notice-text'), /Restored/);
    },
  },
  {
    name: 'awkward texts: right-to-left paragraphs, one claim, many speakers, screen-reader text',
    async run({ page, url }) {
      await open(page, url);
      // the type labels after names are drawn, not read: a screen reader hears the text
      const snapshot = await page.locator('#article').ariaSnapshot();
      const first = await page.$eval('#article p', (p) => p.textContent);
      assert.ok(!/[a-z](PERSON|GPE|ORG|NORP|DATE)\b/.test(snapshot), `no type label glued to a name: ${snapshot.slice(0, 160)}`);
      assert.ok(snapshot.includes(first.slice(0, 60)), 'a paragraph reads as its text');
      // Hebrew and Arabic paragraphs run right to left: the final full stop (last in
      // the text) is drawn left of the first letter; an English paragraph stays left to right
      await paste(page, 'השר אמר כי השיחות יימשכו.\nقال الوزير إن المحادثات ستستمر.\nMinister Anna Berg said the talks would go on.');
      const dirs = await page.$$eval('#article p', (ps) => ps.map((p) => {
        const at = (i) => { const r = document.createRange(); const n = p.firstChild.nodeType === 3 ? p.firstChild : p.firstChild.firstChild; r.setStart(n, i); r.setEnd(n, i + 1); return r.getBoundingClientRect().x; };
        const last = [...p.querySelectorAll('*')].pop()?.lastChild ?? p.lastChild;
        const r = document.createRange(); r.setStart(last, last.length - 1); r.setEnd(last, last.length);
        return r.getBoundingClientRect().x < at(0) ? 'rtl' : 'ltr';
      }));
      assert.deepEqual(dirs, ['rtl', 'rtl', 'ltr']);
      assert.match(await page.textContent('#status-text'), / 1 claim · /, 'one claim, not "1 claims"');
      // many speakers: every row of the who-about-whom matrix has a cell to click (a
      // speaker whose claims are about dates or numbers only gets no empty row)
      await paste(page, MANY_SPEAKERS);
      const rows = await page.$$eval('#matrix tbody tr', (trs) => trs.map((tr) => tr.querySelectorAll('button').length));
      assert.ok(rows.length > 0 && rows.every((n) => n > 0), `buttons per row: ${rows}`);
      await page.click('#tab-entities');
      assert.ok(!(await page.$$eval('#entities [data-entity], #matrix button', (els) => els.map((e) => e.getAttribute('aria-label') + e.textContent)))
        .some((l) => /\b1 (claims|mentions|references|refs)\b/.test(l)), 'singular counts');
    },
  },
  {
    name: 'share link reproduces text, filters and pinned item in a fresh page',
    async run({ browser, page, url }) {
      await open(page, url);
      await paste(page, OTHER_ARTICLE);
      const type = await page.getAttribute('#legend [data-type]', 'data-type');
      await page.click(`#legend [data-type="${type}"]`);
      await page.$eval('#conf', (el) => { el.value = '40'; el.dispatchEvent(new Event('input', { bubbles: true })); });
      await page.click('#kinds [data-kind="assertion"]');
      const card = (await cards(page))[0];
      await page.click(`#claims [data-claim="${card.id}"]`);
      await page.click('#share-btn');
      const link = await page.inputValue('#share-url');
      assert.ok(link.includes('#v=1&t='), link);

      const fresh = await browser.newContext();
      const other = await fresh.newPage();
      await open(other, link);
      assert.equal(await articleText(other), OTHER_ARTICLE);
      assert.equal(await other.getAttribute(`#legend [data-type="${type}"]`, 'aria-pressed'), 'false');
      assert.equal(await other.getAttribute('#kinds [data-kind="assertion"]', 'aria-pressed'), 'false');
      assert.equal(await other.inputValue('#conf'), '40');
      const pinned = (await cards(other)).find((c) => c.pressed === 'true');
      assert.ok(pinned, 'a claim is pinned');
      assert.equal(pinned.content, card.content);
      assert.deepEqual((await cards(other)).map((c) => c.content), (await cards(page)).map((c) => c.content));
      await fresh.close();

      // the default article's link carries no text
      await page.click('#edit-btn');
      await page.click('#load-default');
      await ready(page);
      await page.click('#share-btn');
      assert.ok(!(await page.inputValue('#share-url')).includes('t='), 'no text in the default link');

      // a link past 32 kB warns
      // random letters barely compress: ~60 kB of them make a link well past 32 kB
      const word = () => Array.from({ length: 3 + Math.floor(Math.random() * 7) },
        () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
      const long = Array.from({ length: 10000 }, word).join(' ');
      await paste(page, long);
      await page.click('#share-btn');
      assert.match(await page.textContent('#share-info'), /Warning: links over 32 kB/);
    },
  },
  {
    name: 'corrupted, truncated or unknown-version links show a message and the page works',
    async run({ page, url }) {
      await open(page, url);
      await paste(page, OTHER_ARTICLE);
      await page.click('#share-btn');
      const link = await page.inputValue('#share-url');
      const broken = [link.slice(0, link.length - 25), url + '#v=1&t=%%%not-base64', url + '#v=7&t=abc', url + '#garbage'];
      for (const bad of broken) {
        await page.goto('about:blank');
        await open(page, bad);
        assert.equal(await page.isVisible('#notice'), true, `a message for ${bad.slice(-40)}`);
        assert.match(await page.textContent('#notice-text'), /could not be opened/);
        assert.ok((await mentions(page)).some((m) => m.text === 'John Kerry'), 'default article shown');
        // the typed draft is not lost: the message offers it back
        await page.click('#notice [data-action="undo-default"]');
        await page.waitForFunction((t) => [...document.querySelectorAll('#article p')].map((p) => p.textContent).join('\n') === t, OTHER_ARTICLE);
        await ready(page);
      }
      // still usable: hover lights something
      await page.hover('#article [data-m]');
      assert.ok(await page.$eval('#article', (a) => a.classList.contains('dim')));
    },
  },
  {
    name: 'bad input: empty, junk, unbalanced quotes and 5 MB keep a working page',
    async run({ page, url }) {
      await open(page, url);
      await paste(page, '');
      assert.equal(await page.textContent('#count-claims'), '0');
      const junk = Array.from({ length: 3000 }, (_, i) => String.fromCharCode((i * 7919) % 0xd7ff)).join('')
        + '\u0000\ufffd “He said “never” and then ” ” “ unbalanced';
      await paste(page, junk);
      assert.equal((await articleText(page)).replace(/\n/g, ''), junk.replace(/[\r\n]/g, ''));
      await paste(page, '“Kerry said, “this quote never ends.\nAnd Obama said: “neither does this');
      // past the highlight cap (1 MB): the whole text is analysed, highlights stop at
      // the cap and the reader is told
      const base = OTHER_ARTICLE + '\n';
      const big = base.repeat(Math.ceil(1_300_000 / base.length));
      await paste(page, big, { timeout: 180000 });
      assert.match(await page.textContent('#status-text'), /highlights shown for the first/);
      assert.ok(Number(await page.textContent('#count-claims')) > 0);
      await page.hover('#article [data-m]');
      assert.ok(await page.$eval('#article', (a) => a.classList.contains('dim')));

      // 5 MB: analysed in the worker while the page stays usable, and a newer text
      // replaces the running job instead of waiting behind it
      const huge = base.repeat(Math.ceil(5_000_000 / base.length));
      await page.click('#edit-btn');
      await page.$eval('#editor', (e, t) => {
        e.value = t;
        e.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }, huge);
      // every status (state and text) is recorded: on a loaded machine the analysis may
      // be over, or a render step may have replaced the message, before the test looks
      await page.evaluate(() => {
        const status = document.querySelector('#status');
        const record = () => window.statusLog.push(
          `${status.dataset.state}: ${document.querySelector('#status-text').textContent}`);
        window.statusLog = [];
        new MutationObserver(record).observe(status, {
          attributes: true, childList: true, characterData: true, subtree: true,
        });
      });
      await page.click('#edit-done');
      await page.waitForFunction(
        () => window.statusLog.some((t) => /^analysing: Analysing 5\.0 MB/.test(t)),
        null, { timeout: 60000 },
      );
      // the main thread answers and the highlights on screen (the old text's, or the
      // new text's first chunks) still react to the pointer; hover and check in one
      // task, since the worker may finish and replace the article at any moment
      assert.ok(await page.evaluate(() => {
        const m = document.querySelector('#article [data-m]');
        m.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        return document.querySelector('#article').classList.contains('dim');
      }));
      await page.click('#legend [data-type]');
      // Clear empties megabytes at once (select-all + type would take the browser's
      // editing engine minutes), and Undo brings the text back
      await page.click('#edit-btn');
      await page.click('#editor-clear');
      assert.equal(await page.$eval('#editor', (e) => e.value), '');
      await page.click('#notice [data-action="undo-default"]');
      assert.equal(await page.$eval('#editor', (e) => e.value.length), huge.length);
      await page.click('#editor-clear');
      await paste(page, OTHER_ARTICLE);
      assert.equal(await page.textContent('#count-claims'), String((await cards(page)).length));
    },
  },
];
