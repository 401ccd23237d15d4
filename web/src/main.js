// The /map page: wires the controls, the API and the drawing together. Test hooks: window.carenetMap.
import { client, takeToken } from "./graphql.js";
import { loadAnalysis, loadDepartureImpact, loadNames, loadPathways, loadSubgraph } from "./data.js";
import { buildChecks, readForm, setOptions, stateFromUrl, writeForm, writeUrl } from "./filters.js";
import { analysisFocus, pathwayOverlay, renderHandoffs } from "./highlights.js";
import { legendEntries, renderLegend } from "./legend.js";
import { NetworkMap } from "./map.js";
import { DetailsPanel, impactView } from "./panel.js";
import { download, toPng, toSvg } from "./export.js";

const NOUNS = { TEAM: "teams", ORGANISATION: "organisations", PERSON: "leaders" };
const RELOAD_KEYS = ["level", "sizeBy", "system", "place", "wave", "sectors", "levels"];
const $ = (sel) => document.querySelector(sel);

const form = $("#controls");
const statusLine = $("#status");
const mapBox = $("#map");
const query = client({ token: takeToken() });

let state = stateFromUrl();
let analysis = null;
let pathways = [];
let pathwaysFor = null;
let loadSeq = 0;
let pending = Promise.resolve();
let firstRender = null;
const names = new Map();
const places = new Map();
let resolveReady;
const ready = new Promise((resolve) => { resolveReady = resolve; });

const map = new NetworkMap(mapBox, {
  onClickNode: (id) => openNode(id),
  onClickStage: () => panel.close(),
  onRender: (m) => {
    if (firstRender === null && m.graph.order > 0) {
      firstRender = performance.now();
      mapBox.dataset.firstRenderMs = String(Math.round(firstRender));
    }
  },
});

const panel = new DetailsPanel($("#panel"), {
  onGoTo: (id) => openNode(id, { centre: true }),
  onImpact: async (id) => {
    try {
      return impactView(await loadDepartureImpact(query, state, [id]));
    } catch (err) {
      return impactView(null);
    }
  },
  placeName: async (uid) => {
    if (!names.has(uid)) {
      try {
        for (const [k, v] of await loadNames(query, [uid])) names.set(k, v.name);
      } catch {
        names.set(uid, null);
      }
    }
    return names.get(uid);
  },
});
panel.onClose = () => map.select(null);

function setStatus(text, stateName) {
  statusLine.textContent = text;
  statusLine.dataset.state = stateName;
  mapBox.dataset.status = stateName;
}

function openNode(id, { centre = false } = {}) {
  if (!map.graph.hasNode(id)) return;
  map.select(id);
  if (centre) map.centreOn(id);
  panel.open(map, id);
}

function updateLegend() {
  const entries = legendEntries(map, state.colourBy, analysis);
  renderLegend($("#legend"), entries, { overlay: Boolean(state.pathway), title: state.colourBy === "community" ? "Community" : "Sector" });
  return entries;
}

function applyHighlights() {
  const focus = analysisFocus(map, analysis, state.hl);
  const chosen = pathways.find((p) => p.id === state.pathway);
  if (chosen) {
    const overlay = pathwayOverlay(chosen);
    overlay.nodes.forEach((n) => map.graph.hasNode(n) && focus.nodes.add(n));
    map.setOverlay(overlay.pairs);
  } else {
    map.setOverlay([]);
  }
  renderHandoffs($("#pathway-steps"), chosen);
  map.setFocus(focus);
  updateLegend();
}

async function refreshPlaces(subgraph) {
  for (const n of subgraph.nodes) if (n.place && !places.has(n.place)) places.set(n.place, n.place);
  const unknown = [...places.keys()].filter((p) => places.get(p) === p);
  if (unknown.length) {
    try {
      for (const [uid, v] of await loadNames(query, unknown)) places.set(uid, v.name || uid);
    } catch { /* keep the uids as labels */ }
  }
  const options = [...places].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  setOptions(form.elements.place, options, state.place);
}

async function refreshAnalysis(seq) {
  const note = $("#analysis-status");
  analysis = null;
  note.textContent = "Loading the analysis…";
  try {
    const found = await loadAnalysis(query, state);
    if (seq !== loadSeq) return;
    analysis = found;
    note.textContent = `${analysis.communities.filter((c) => c.isSilo).length} silos, ${analysis.brokers.length} brokers, ${analysis.cutPoints.length} cut points, ${analysis.bridges.length} bridges.`;
    mapBox.dataset.analysis = "ready";
  } catch (err) {
    if (seq !== loadSeq) return;
    note.textContent = "Analysis unavailable.";
    mapBox.dataset.analysis = "unavailable";
  }
  try {
    if (pathwaysFor !== state.system) {
      pathways = await loadPathways(query, state);
      pathwaysFor = state.system;
      setOptions(form.elements.pathway, pathways.map((p) => ({ value: p.id, label: p.name })), state.pathway);
    }
    mapBox.dataset.pathways = "ready";
  } catch (err) {
    pathways = [];
    mapBox.dataset.pathways = "unavailable";
    $("#pathway-steps").replaceChildren(Object.assign(document.createElement("li"), { textContent: "Pathways unavailable." }));
  }
  if (seq === loadSeq) applyHighlights();
}

async function load() {
  const seq = ++loadSeq;
  const noun = NOUNS[state.level] || "nodes";
  setStatus(`Loading ${noun}…`, "loading");
  mapBox.dataset.analysis = "loading";
  const started = performance.now();
  let subgraph;
  try {
    subgraph = await loadSubgraph(query, state);
  } catch (err) {
    if (seq === loadSeq) setStatus(`The map could not be loaded: ${err.message}`, "error");
    return;
  }
  if (seq !== loadSeq) return;
  const fetched = performance.now();
  panel.close();
  map.setData(subgraph, state.level);
  mapBox.dataset.nodeCount = String(map.nodeCount());
  mapBox.dataset.edgeCount = String(map.edgeCount());
  mapBox.dataset.level = state.level;
  mapBox.dataset.graphVersion = subgraph.graphVersion;
  mapBox.dataset.fetchMs = String(Math.round(fetched - started));
  mapBox.dataset.drawMs = String(Math.round(performance.now() - fetched));
  const shown = `${map.nodeCount().toLocaleString("en-GB")} ${noun} and ${map.edgeCount().toLocaleString("en-GB")} ties`;
  setStatus(subgraph.truncated
    ? `Showing ${shown}: the first ${map.nodeCount().toLocaleString("en-GB")} of ${subgraph.totalNodes.toLocaleString("en-GB")}. Narrow the filters to see the rest.`
    : `Showing ${shown}.`, "ready");
  updateLegend();
  resolveReady();
  map.layout.start(Math.min(2000 + map.nodeCount(), 8000));
  setLayoutButton(true);
  refreshPlaces(subgraph);
  await refreshAnalysis(seq);
}

function setLayoutButton(running) {
  const button = $("#layout-toggle");
  button.setAttribute("aria-pressed", String(running));
  button.textContent = running ? "Stop layout" : "Run layout";
}
map.layout.onStop = ((inner) => () => { inner(); setLayoutButton(false); })(map.layout.onStop);

function search(text) {
  const list = $("#search-results");
  list.replaceChildren();
  const needle = text.trim().toLowerCase();
  if (needle.length < 2) { map.setSearchHits([]); return []; }
  const hits = map.graph.filterNodes((_, a) => a.label.toLowerCase().includes(needle));
  map.setSearchHits(hits);
  for (const id of hits.slice(0, 20)) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link";
    button.dataset.node = id;
    button.textContent = map.graph.getNodeAttribute(id, "label");
    button.addEventListener("click", () => openNode(id, { centre: true }));
    const li = document.createElement("li");
    li.append(button);
    list.append(li);
  }
  const count = document.createElement("li");
  count.className = "hint";
  count.textContent = hits.length ? `${hits.length} found${hits.length > 20 ? " (first 20 listed)" : ""}` : "nothing found";
  list.prepend(count);
  return hits;
}

form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("change", (event) => {
  if (event.target.name === "search") return;
  const before = state;
  state = readForm(form, state);
  writeForm(form, state);
  writeUrl(state);
  if (RELOAD_KEYS.some((k) => JSON.stringify(before[k]) !== JSON.stringify(state[k]))) {
    if (before.system !== state.system) pathwaysFor = null;
    pending = load();
  } else if (before.colourBy !== state.colourBy) {
    map.setColourBy(state.colourBy);
    updateLegend();
  } else {
    applyHighlights();
  }
});
form.elements.search.addEventListener("input", (event) => search(event.target.value));
form.elements.search.addEventListener("keydown", (event) => {
  if (event.key !== "Enter") return;
  event.preventDefault();
  const first = $("#search-results button");
  if (first) first.click();
});
mapBox.addEventListener("keydown", (event) => {
  if (map.handleKey(event.key)) event.preventDefault();
});
$("#export-png").addEventListener("click", async () => download(await toPng(map.renderer), "carenet-map.png"));
$("#export-svg").addEventListener("click", () => download(toSvg(map.renderer, map.graph, updateLegend()), "carenet-map.svg"));
$("#layout-toggle").addEventListener("click", () => {
  if (map.layout.running) map.layout.stop();
  else { map.layout.start(8000); setLayoutButton(true); }
});

buildChecks(form);
writeForm(form, state);
if (state.system) setOptions(form.elements.system, [], state.system);
if (state.wave) setOptions(form.elements.wave, [], state.wave);
pending = load();

window.carenetMap = {
  ready,
  idle: () => pending,
  nodeCount: () => map.nodeCount(),
  edgeCount: () => map.edgeCount(),
  nodeIds: () => map.graph.nodes(),
  node: (id) => (map.graph.hasNode(id) ? { ...map.graph.getNodeAttributes(id) } : null),
  clickNode: (id) => openNode(id),
  screenPosition: (id) => map.screenPosition(id),
  overlayEdges: () => map.overlayEdges(),
  state: () => ({ ...state }),
  firstRenderMs: () => firstRender,
  layoutRunning: () => map.layout.running,
  stopLayout: () => map.layout.stop(),
  search,
  pngSize: async () => (await toPng(map.renderer)).size,
  svgText: () => toSvg(map.renderer, map.graph, updateLegend()).text(),
  renderer: map.renderer,
};
