// CPU profile of the explorer in headless Chromium (CDP sampling profiler), for finding
// where the time of scripts/bench-web goes. Prints the top functions by self time for
// a cold page load and for warm re-renders of the default article.
// Usage: serve dist/ (scripts/serve or static-server.mjs), then
//   BENCH_URL=http://127.0.0.1:PORT/ node scripts/bench-web-profile.mjs [cold|warm|both]
import { chromium } from 'playwright-core';

const url = process.env.BENCH_URL ?? 'http://127.0.0.1:8080/';
const which = process.argv[2] ?? 'both';
const top = Number(process.env.TOP ?? 30);

function summarize(profile, title) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const name = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    const d = (dt[i + 1] ?? 0) / 1000;
    total += d;
    self.set(name, (self.get(name) ?? 0) + d);
  });
  // inclusive time: each sample counts once for every distinct function on its stack
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  profile.samples.forEach((id, i) => {
    const d = (dt[i + 1] ?? 0) / 1000;
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const f = byId.get(x).callFrame;
      const name = (f.functionName || '(anon)').replace(/::h[0-9a-f]{16}$/, '');
      if (!seen.has(name)) { seen.add(name); incl.set(name, (incl.get(name) ?? 0) + d); }
    }
  });
  const pick = process.env.INCL ? new RegExp(process.env.INCL) : /claimlens::(web|analyze)/;
  console.log(`\n${title}: inclusive time of functions matching ${pick}`);
  for (const [k, v] of [...incl].filter(([k]) => pick.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${v.toFixed(2).padStart(9)} ms  ${k}`);
  }
  if (process.env.CALLERS) {
    // who calls the functions matching CALLERS: the nearest frame of our own code
    const want = new RegExp(process.env.CALLERS);
    const by = new Map();
    profile.samples.forEach((id, i) => {
      const d = (dt[i + 1] ?? 0) / 1000;
      let x = id;
      let hit = false;
      for (; x !== undefined; x = parent.get(x)) {
        const name = byId.get(x).callFrame.functionName;
        if (want.test(name)) hit = true;
        else if (hit && /claimlens::/.test(name)) break;
      }
      if (!hit) return;
      const name = x === undefined ? '(none)' : byId.get(x).callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '');
      by.set(name, (by.get(name) ?? 0) + d);
    });
    console.log(`\n${title}: callers of ${want}`);
    for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${v.toFixed(2).padStart(9)} ms  ${k}`);
  }
  console.log(`\n${title}: ${total.toFixed(1)} ms sampled`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${v.toFixed(2).padStart(9)} ms  ${k}`);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
if (which !== 'warm') {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForSelector('#status[data-state="ready"]');
  const { profile } = await cdp.send('Profiler.stop');
  const st = await page.evaluate(() => ({ ...document.querySelector('#status').dataset,
    wasmReady: performance.getEntriesByName('claimlens-wasm-ready')[0]?.startTime }));
  console.log(JSON.stringify(st));
  summarize(profile, 'cold load');
  await ctx.close();
}
if (which !== 'cold') {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForSelector('#status[data-state="ready"]');
  await page.click('#edit-btn');
  const cdp = await ctx.newCDPSession(page);
  for (let i = 0; i < 5; i++) {
    await page.click('#load-default');
    await page.waitForSelector('#status[data-state="ready"]');
  }
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const n = Number(process.env.N ?? 40);
  for (let i = 0; i < n; i++) {
    await page.evaluate(() => document.querySelector('#status').setAttribute('data-state', 'x'));
    await page.click('#load-default');
    await page.waitForSelector('#status[data-state="ready"]');
  }
  const { profile } = await cdp.send('Profiler.stop');
  summarize(profile, `warm, ${n} re-renders`);
  await ctx.close();
}
await browser.close();
