// Loads the wasm core and starts the explorer. An external module script (not
// trunk's inline loader) so the page's CSP can forbid inline scripts.
import init, { start } from './claimlens.js';

init()
  .then(() => {
    performance.mark('claimlens-wasm-ready'); // for scripts/bench-web
    start();
  })
  .catch((err) => {
    const box = document.getElementById('fatal');
    if (box) {
      box.hidden = false;
      box.textContent = 'claimlens could not start in this browser: ' + err;
    }
    console.error(err);
  });
