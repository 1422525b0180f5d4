// Helpers shared by the end-to-end tests. Assertions look at what the extractor
// produces in general (a PERSON mark "John Kerry" exists), never at today's exact
// counts, except where the expected value is computed from the page's own data.
import assert from 'node:assert/strict';

/** Opens the page and waits until the analysis is rendered. */
export async function open(page, url) {
  await page.goto(url);
  await ready(page);
}

/** Waits for the status line to say the current text is analysed and rendered. */
export async function ready(page, timeout = 30000) {
  await page.waitForSelector('#status[data-state="ready"]', { timeout });
}

/** Mentions in the article: {m, text, type, entity}, runs of one mention joined. */
export async function mentions(page) {
  return page.$$eval('#article [data-m]', (runs) => {
    const byId = new Map();
    for (const r of runs) {
      const m = r.getAttribute('data-m');
      const cur = byId.get(m) ?? { m, text: '', type: r.getAttribute('data-t'), entity: r.getAttribute('data-e') };
      cur.text += r.textContent;
      byId.set(m, cur);
    }
    return [...byId.values()];
  });
}

/** The claim cards shown in the sidebar. */
export async function cards(page) {
  return page.$$eval('#claims [data-claim]', (els) => els.map((e) => ({
    id: e.getAttribute('data-claim'),
    speaker: e.getAttribute('data-speaker'),
    kind: e.getAttribute('data-kind'),
    who: e.querySelector('.who')?.textContent ?? '',
    content: e.querySelector('.content')?.textContent ?? '',
    pressed: e.getAttribute('aria-pressed'),
    label: e.getAttribute('aria-label'),
  })));
}

/** Types text into the editor the way a paste would and waits for the new analysis. */
export async function paste(page, text, { timeout = 30000 } = {}) {
  if (!(await page.isVisible('#editor'))) await page.click('#edit-btn');
  if (text.length > 100000) {
    // what a paste does: the value changes at once and one input event fires
    // (playwright's fill() types through the input pipeline, far slower for megabytes)
    await page.$eval('#editor', (e, t) => {
      e.value = t;
      e.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, text);
  } else {
    await page.fill('#editor', text);
  }
  await page.click('#edit-done');
  await page.waitForFunction(
    (n) => document.querySelector('#status')?.getAttribute('data-state') === 'ready'
      && document.querySelector('#status')?.getAttribute('data-bytes') === String(n),
    new TextEncoder().encode(text).length,
    { timeout },
  );
}

/** The article's visible text (paragraphs joined by newlines). */
export async function articleText(page) {
  return page.$$eval('#article p', (ps) => ps.map((p) => p.textContent).join('\n'));
}

export { assert };

/** An article written for these tests (not from any outlet). */
export const OTHER_ARTICLE = [
  'Mayor Helena Okafor said on Tuesday that the city of Brampton would open three new flood shelters before winter.',
  '“We will not wait for the next storm to find out where people can sleep,” Okafor said at a news conference.',
  'The Environment Agency warned that river levels in the region had risen by 40 percent since March, although a spokesman declined to say which districts were most at risk.',
  'Councillor David Mensah, who chairs the housing committee, told reporters the shelters would cost about $2 million.',
].join('\n');
