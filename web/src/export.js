// Export the current view: PNG from sigma's own canvases, SVG built here from the drawn positions.

const LAYERS = ["edges", "nodes", "edgeLabels", "labels", "hovers", "hoverNodes"];

function escapeXml(text) {
  return String(text).replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);
}

/** PNG of the view as drawn, on a white background. Renders first: WebGL buffers are read in the same task. */
export function toPng(renderer) {
  renderer.refresh({ skipIndexation: true });
  const canvases = renderer.getCanvases();
  const first = canvases.nodes || Object.values(canvases)[0];
  const out = document.createElement("canvas");
  out.width = first.width;
  out.height = first.height;
  const ctx = out.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  for (const layer of LAYERS) if (canvases[layer]) ctx.drawImage(canvases[layer], 0, 0, out.width, out.height);
  return new Promise((resolve) => out.toBlob(resolve, "image/png"));
}

/** SVG of the view: every drawn edge and node at its screen position, forced labels, and the legend. */
export function toSvg(renderer, graph, legend = []) {
  const { width, height } = renderer.getDimensions();
  const px = (d) => renderer.framedGraphToViewport(d);
  const edges = [];
  graph.forEachEdge((edge, _a, source, target) => {
    const d = renderer.getEdgeDisplayData(edge);
    const s = renderer.getNodeDisplayData(source);
    const t = renderer.getNodeDisplayData(target);
    if (!d || d.hidden || !s || !t || s.hidden || t.hidden) return;
    edges.push({ z: d.zIndex || 0, d, s: px(s), t: px(t) });
  });
  edges.sort((a, b) => a.z - b.z);
  const nodes = [];
  graph.forEachNode((node) => {
    const d = renderer.getNodeDisplayData(node);
    if (!d || d.hidden) return;
    nodes.push({ z: d.zIndex || 0, d, p: px(d), r: renderer.scaleSize(d.size) });
  });
  nodes.sort((a, b) => a.z - b.z);

  const f = (v) => v.toFixed(1);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g class="edges" stroke-linecap="round">`,
    ...edges.map(({ d, s, t }) =>
      `<line x1="${f(s.x)}" y1="${f(s.y)}" x2="${f(t.x)}" y2="${f(t.y)}" stroke="${escapeXml(d.color)}" stroke-width="${f(Math.max(renderer.scaleSize(d.size), 0.5))}"/>`),
    `</g>`,
    `<g class="nodes">`,
    ...nodes.map(({ d, p, r }) =>
      `<circle cx="${f(p.x)}" cy="${f(p.y)}" r="${f(Math.max(r, 1))}" fill="${escapeXml(d.color)}"><title>${escapeXml(d.label || "")}</title></circle>`),
    `</g>`,
    `<g class="labels" font-size="12" fill="#111">`,
    ...nodes.filter(({ d }) => (d.forceLabel || d.highlighted) && d.label).map(({ d, p, r }) =>
      `<text x="${f(p.x + r + 3)}" y="${f(p.y + 4)}">${escapeXml(d.label)}</text>`),
    `</g>`,
    `<g class="legend" font-size="12">`,
    ...legend.flatMap(({ label, colour }, i) => [
      `<rect x="10" y="${10 + i * 18}" width="12" height="12" fill="${escapeXml(colour)}"/>`,
      `<text x="28" y="${20 + i * 18}" fill="#111">${escapeXml(label)}</text>`,
    ]),
    `</g>`,
    `</svg>`,
  ];
  return new Blob([parts.join("\n")], { type: "image/svg+xml" });
}

export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
