// Export the current view as a picture to keep: SVG built from what is drawn (edges, nodes, the
// labels shown, rings, group labels), with a caption of the view, its filters and the date, and the
// legend; PNG is that SVG rasterised at print resolution (300 dpi across A4 landscape) with the
// resolution recorded in the file (pHYs).

export const PRINT_WIDTH = 3508; // A4 landscape, 297 mm at 300 dpi
const DPI = 300;
const HEADER = 52;

function escapeXml(text) {
  return String(text).replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);
}

/** SVG text of the view. `legend`: [{colour, label, shape}], `caption`: lines under the title. */
export function svgText(map, { legend = [], title = "carenet network map", caption = [] } = {}) {
  const renderer = map.renderer;
  const graph = map.graph;
  renderer.refresh({ skipIndexation: true });
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
  const labelSize = renderer.getSettings().labelSize;

  const f = (v) => v.toFixed(1);
  const legendTop = HEADER + height - 12 - legend.length * 18;
  const legendWidth = Math.min(width - 20, 20 + 7 * Math.max(0, ...legend.map((e) => e.label.length)));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + HEADER}" viewBox="0 0 ${width} ${height + HEADER}" font-family="system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g class="caption" fill="#111">`,
    `<text x="10" y="20" font-size="16" font-weight="600">${escapeXml(title)}</text>`,
    ...caption.map((line, i) => `<text x="10" y="${38 + i * 14}" font-size="12">${escapeXml(line)}</text>`),
    `</g>`,
    `<g class="map" transform="translate(0 ${HEADER})">`,
    `<g class="edges" stroke-linecap="round">`,
    ...edges.map(({ d, s, t }) =>
      `<line x1="${f(s.x)}" y1="${f(s.y)}" x2="${f(t.x)}" y2="${f(t.y)}" stroke="${escapeXml(d.color)}" stroke-width="${f(Math.max(renderer.scaleSize(d.size), 0.5))}"/>`),
    `</g>`,
    `<g class="nodes">`,
    ...nodes.map(({ d, p, r }) =>
      `<circle cx="${f(p.x)}" cy="${f(p.y)}" r="${f(Math.max(r, 1))}" fill="${escapeXml(d.color)}"><title>${escapeXml(d.label || "")}</title></circle>`),
    `</g>`,
    `<g class="rings" fill="none" stroke-width="2.5">`,
    ...map.ringShapes().map((g) =>
      `<circle data-kind="${escapeXml(g.kind || "")}" cx="${f(g.x)}" cy="${f(g.y)}" r="${f(g.r)}" stroke="${escapeXml(g.colour)}"${g.dash ? ' stroke-dasharray="4 3"' : ""}/>`),
    `</g>`,
    `<g class="labels" font-size="${labelSize}" fill="#111">`,
    ...nodes.filter(({ d }) => d.forceLabel && d.label).map(({ d, p, r }) =>
      `<text x="${f(p.x + r + 3)}" y="${f(p.y + labelSize / 3)}">${escapeXml(d.label)}</text>`),
    `</g>`,
    `<g class="groups" font-size="13" font-weight="600" text-anchor="middle" fill="#222" stroke="#fff" stroke-width="4" paint-order="stroke">`,
    ...map.groupLabelShapes().map((g) => `<text x="${f(g.x)}" y="${f(g.y)}">${escapeXml(g.text)}</text>`),
    `</g>`,
    `</g>`,
    `<g class="legend" font-size="12">`,
    legend.length ? `<rect x="6" y="${legendTop - 6}" width="${legendWidth}" height="${legend.length * 18 + 8}" fill="#fff" fill-opacity="0.92" stroke="#ccc"/>` : "",
    ...legend.flatMap(({ label, colour, shape }, i) => {
      const y = legendTop + i * 18;
      const mark = shape === "ring" || shape === "ring-dash"
        ? `<circle cx="16" cy="${y + 6}" r="5.5" fill="none" stroke="${escapeXml(colour)}" stroke-width="2.5"${shape === "ring-dash" ? ' stroke-dasharray="3 2"' : ""}/>`
        : shape === "line"
          ? `<rect x="8" y="${y + 4}" width="16" height="4" fill="${escapeXml(colour)}"/>`
          : `<rect x="10" y="${y}" width="12" height="12" fill="${escapeXml(colour)}"/>`;
      return [mark, `<text x="30" y="${y + 10}" fill="#111">${escapeXml(label)}</text>`];
    }),
    `</g>`,
    `</svg>`,
  ];
  return parts.join("\n");
}

export function toSvg(map, options) {
  return new Blob([svgText(map, options)], { type: "image/svg+xml" });
}

const CRC = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
})();

/** The PNG with a pHYs chunk (pixels per metre) after its IHDR, so it prints at `dpi`. */
export function withDpi(bytes, dpi = DPI) {
  const ppm = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, ppm);
  view.setUint32(12, ppm);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, CRC(chunk.subarray(4, 17)));
  const at = 8 + 25; // signature + IHDR (length, type, 13 bytes, crc)
  const out = new Uint8Array(bytes.length + chunk.length);
  out.set(bytes.subarray(0, at), 0);
  out.set(chunk, at);
  out.set(bytes.subarray(at), at + chunk.length);
  return out;
}

/** PNG of the view at print resolution: the SVG drawn onto a canvas PRINT_WIDTH pixels wide. */
export async function toPng(map, options) {
  const text = svgText(map, options);
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = PRINT_WIDTH / img.width;
    const out = document.createElement("canvas");
    out.width = Math.round(img.width * scale);
    out.height = Math.round(img.height * scale);
    const ctx = out.getContext("2d");
    ctx.drawImage(img, 0, 0, out.width, out.height);
    const blob = await new Promise((resolve) => out.toBlob(resolve, "image/png"));
    const bytes = withDpi(new Uint8Array(await blob.arrayBuffer()));
    return new Blob([bytes], { type: "image/png" });
  } finally {
    URL.revokeObjectURL(url);
  }
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
