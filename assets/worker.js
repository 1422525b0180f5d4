// Web Worker: runs the same wasm core off the main thread so long texts never
// freeze the page. Messages: {id, text} in; {id, json, ms} or {id, error} out.
import init, { analyze_json } from './claimlens.js';

const ready = init();

self.onmessage = async (event) => {
  const { id, text } = event.data;
  try {
    await ready;
    const t0 = performance.now();
    const json = analyze_json(text);
    self.postMessage({ id, json, ms: performance.now() - t0 });
  } catch (err) {
    // After a trap the instance is unusable; the page starts a fresh worker.
    self.postMessage({ id, error: String(err) });
  }
};
