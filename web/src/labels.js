// Label selection: which node labels to draw so that no two overlap on screen. Greedy: the
// highlighted first, then the biggest nodes; a label is kept when its box (text measured with the
// font sigma draws it in) touches no box already kept. Recomputed when the camera or positions change.

const PAD = 2;
let measurer = null;

function textWidth(text, font) {
  if (!measurer) measurer = document.createElement("canvas").getContext("2d");
  measurer.font = font;
  return measurer.measureText(text).width;
}

/** The box sigma's default label renderer fills: text starts size + 3 right of the centre. */
export function labelBox(renderer, d) {
  const s = renderer.getSettings();
  const p = renderer.framedGraphToViewport(d);
  const r = renderer.scaleSize(d.size);
  const font = `${s.labelWeight} ${s.labelSize}px ${s.labelFont}`;
  const x = p.x + r + 3;
  const baseline = p.y + s.labelSize / 3;
  return { x1: x, y1: baseline - s.labelSize * 0.8, x2: x + textWidth(d.label, font), y2: baseline + s.labelSize * 0.25 };
}

/** The box of a centred group label drawn with its baseline at y. */
export function groupBox(text, x, y, font) {
  const w = textWidth(text, font);
  return { x1: x - w / 2, y1: y - 12, x2: x + w / 2, y2: y + 4 };
}

export function overlaps(a, b, pad = PAD) {
  return a.x1 < b.x2 + pad && b.x1 < a.x2 + pad && a.y1 < b.y2 + pad && b.y1 < a.y2 + pad;
}

/**
 * Node ids whose labels can all be drawn without overlapping, at most `max`, plus nothing off screen.
 * `first` (a Set) is tried before the rest (selection, search hits).
 */
export function chooseLabels(renderer, graph, { first = new Set(), max = 400, occupied = [] } = {}) {
  const { width, height } = renderer.getDimensions();
  const candidates = [];
  graph.forEachNode((node) => {
    const d = renderer.getNodeDisplayData(node);
    if (!d || d.hidden || !d.label) return;
    candidates.push({ node, d, rank: (first.has(node) ? 1e9 : 0) + (d.zIndex || 0) * 1e6 + d.size });
  });
  candidates.sort((a, b) => b.rank - a.rank || (a.node < b.node ? -1 : 1));
  const kept = [];
  const boxes = [];
  // a coarse grid of the kept boxes, so each test looks at a few neighbours only
  const cell = 120;
  const grid = new Map();
  const cells = (b) => {
    const out = [];
    for (let i = Math.floor(b.x1 / cell); i <= Math.floor(b.x2 / cell); i++) {
      for (let j = Math.floor(b.y1 / cell); j <= Math.floor(b.y2 / cell); j++) out.push(`${i},${j}`);
    }
    return out;
  };
  for (const box of occupied) cells(box).forEach((k) => (grid.get(k) || grid.set(k, []).get(k)).push(box));
  for (const { node, d } of candidates) {
    if (kept.length >= max) break;
    const box = labelBox(renderer, d);
    if (box.x1 < 0 || box.x2 > width || box.y1 < 0 || box.y2 > height) continue; // whole labels only
    const keys = cells(box);
    if (keys.some((k) => (grid.get(k) || []).some((other) => overlaps(box, other)))) continue;
    kept.push(node);
    boxes.push(box);
    keys.forEach((k) => (grid.get(k) || grid.set(k, []).get(k)).push(box));
  }
  return new Set(kept);
}
