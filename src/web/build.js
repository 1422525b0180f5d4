// Builds DOM subtrees described by a compact op list from the wasm side (see
// `Batch` in dom.rs), so a list of hundreds of elements costs one call from wasm
// instead of several per element, each decoding its strings. Text and attribute
// values are set through the DOM API (text nodes, setAttribute), never parsed as HTML.
//
// strs: every string of the batch concatenated; lens: their lengths in UTF-16 units;
// ops: [0 tag] open child element, [1 s] className, [2 name value] attribute,
// [3 s] text node, [4] close, [5] push the open element onto `kept` (an Array, or
// undefined when nothing is kept).
export function build_batch(root, strs, lens, ops, kept) {
  const table = new Array(lens.length);
  for (let i = 0, p = 0; i < lens.length; i++) {
    const end = p + lens[i];
    table[i] = strs.substring(p, end);
    p = end;
  }
  const doc = root.ownerDocument;
  // built detached, then attached with one insertion
  const frag = doc.createDocumentFragment();
  const stack = [];
  let cur = frag;
  for (let i = 0; i < ops.length;) {
    switch (ops[i++]) {
      case 0: {
        const e = doc.createElement(table[ops[i++]]);
        cur.appendChild(e);
        stack.push(cur);
        cur = e;
        break;
      }
      case 1: cur.className = table[ops[i++]]; break;
      case 2: cur.setAttribute(table[ops[i]], table[ops[i + 1]]); i += 2; break;
      case 3: cur.append(table[ops[i++]]); break; // a string argument becomes a text node
      case 4: cur = stack.pop(); break;
      case 5: if (kept) kept.push(cur); break;
      default: throw new Error('build_batch: bad op');
    }
  }
  root.appendChild(frag);
}

// Puts the article's new paragraphs in place around the kept ones (render_reusing in
// render.rs). plan: for each paragraph in order, the index of the old child of `root`
// it keeps, or -1 for the next child of `frag`. Old children not kept are removed.
export function patch_children(root, frag, plan) {
  const old = Array.from(root.children);
  const keep = new Uint8Array(old.length);
  for (const k of plan) if (k >= 0) keep[k] = 1;
  for (let i = 0; i < old.length; i++) if (!keep[i]) old[i].remove();
  let prev = null;
  for (const k of plan) {
    let node;
    if (k >= 0) {
      node = old[k];
    } else {
      node = frag.firstChild;
      if (prev) prev.after(node); else root.prepend(node);
    }
    prev = node;
  }
}
