// The legend: sector colours with counts, or communities with their make-up; the overlay's line colours.
import { BROKEN, SECTORS, WORKING, communityColour, sectorKey } from "./palette.js";

function item(colour, text, { line = false, shape = null } = {}) {
  const li = document.createElement("li");
  const swatch = document.createElement("span");
  const kind = shape || (line ? "line" : "dot");
  swatch.className = kind === "dot" ? "swatch" : `swatch ${kind}`;
  li.dataset.shape = kind;
  if (kind === "ring" || kind === "ring-dash") swatch.style.borderColor = colour;
  else swatch.style.background = colour;
  swatch.setAttribute("aria-hidden", "true");
  li.append(swatch, ` ${text}`);
  return li;
}

/** Entries shown, also used by the SVG export. */
export function legendEntries(map, colourBy, analysis) {
  if (colourBy === "community") {
    const communities = (analysis && analysis.communities) || [];
    return [...communities].sort((a, b) => b.size - a.size).slice(0, 12).map((c) => ({
      colour: communityColour(c.id),
      label: `Community ${c.id}: ${c.size}${c.largestSector ? `, mostly ${String(c.largestSector).toLowerCase().replace("_", " ")}` : ""}${c.isSilo ? " (silo)" : ""}`,
    }));
  }
  const counts = new Map();
  map.graph.forEachNode((_, a) => counts.set(sectorKey(a.sector), (counts.get(sectorKey(a.sector)) || 0) + 1));
  return SECTORS.filter((s) => counts.get(s.value)).map((s) => ({ colour: s.colour, label: `${s.label} (${counts.get(s.value)})` }));
}

export function renderLegend(root, entries, { overlay = false, title = "Sector", notes = [] } = {}) {
  const heading = document.createElement("h2");
  heading.textContent = title;
  const list = document.createElement("ul");
  for (const e of entries) list.append(item(e.colour, e.label, { shape: e.shape }));
  if (overlay) {
    list.append(item(BROKEN, "hand-off with no working tie", { line: true }));
    list.append(item(WORKING, "hand-off with a working tie", { line: true }));
  }
  const extra = notes.map((text) => Object.assign(document.createElement("p"), { className: "hint", textContent: text }));
  root.replaceChildren(heading, list, ...extra);
}
