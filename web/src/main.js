// The /map page: wires the controls, the API and the drawing together. Test hooks: window.carenetMap.
import { client, takeToken } from "./graphql.js";
import { findByName, loadAnalysis, loadCulture, loadDepartureImpact, loadNames, loadPathways, loadSubgraph } from "./data.js";
import { buildChecks, readForm, setOptions, stateFromUrl, writeForm, writeUrl } from "./filters.js";
import { analysisFocus, pathwayOverlay, renderHandoffs } from "./highlights.js";
import { legendEntries, renderLegend } from "./legend.js";
import { NetworkMap } from "./map.js";
import { CULTURE_SCALE, NO_VALUE, communityColour, cultureBucket } from "./palette.js";
import { DetailsPanel, impactView } from "./panel.js";
import { download, svgText, toPng, toSvg } from "./export.js";
import { layoutKey, loadLayout, saveLayout } from "./cache.js";
import {
  HANDOFF, RING, VIEWS, communityGroups, communityText, loadOverview, overviewRings, pathwayDrawing, pathwayPairs, viewLevel,
} from "./views.js";

const NOUNS = { TEAM: "teams", ORGANISATION: "organisations", PERSON: "leaders" };
const RELOAD_KEYS = ["view", "level", "sizeBy", "system", "place", "wave", "sectors", "levels"];
const $ = (sel) => document.querySelector(sel);

const form = $("#controls");
const statusLine = $("#status");
const mapBox = $("#map");
const query = client({ token: takeToken() });

let state = stateFromUrl();
writeUrl(state); // the link as the map reads it: a value the controls do not offer is dropped
// The first view's data is asked for now, before the drawing (WebGL) is set up, so the two overlap.
let early = state.view === "overview" ? { state, drawing: loadOverview(query, state) } : null;
early?.drawing.catch(() => {}); // a failure is reported when load() takes it
let analysis = null; // the analysis of the drawn level
let orgAnalysis = null; // overview: the organisation-level analysis (brokers, cut points)
let pathways = [];
let pathwaysFor = null;
let pathwayView = null; // pathway view: {handoffs, ...}
let teamSubgraph = null; // pathway view: the teams and ties the pathway is drawn from
let loadSeq = 0;
let pending = Promise.resolve();
let firstRender = null;
let layoutSource = "none";
let cacheKey = null;
let graphVersion = null;
let culture = null; // the culture report for the scope in cultureFor
let cultureFor = null;
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

/** The state as the API sees it: the view decides the level. */
const apiState = () => ({ ...state, level: viewLevel(state) });

const panel = new DetailsPanel($("#panel"), {
  onGoTo: (id) => openNode(id, { centre: true }),
  onImpact: async (id) => {
    try {
      return impactView(await loadDepartureImpact(query, apiState(), [id]));
    } catch (err) {
      return impactView(null);
    }
  },
  culture: (id) => (state.view === "overview" && culture ? cultureFigures(id) : null),
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
panel.onClose = () => {
  map.select(null);
  if (state.focus) {
    state = { ...state, focus: "" };
    writeUrl(state);
  }
};

function setStatus(text, stateName) {
  statusLine.textContent = text;
  statusLine.dataset.state = stateName;
  mapBox.dataset.status = stateName;
}

/** Focus: select the node, dim all but its neighbourhood, open its panel and work out its departure impact. */
function openNode(id, { centre = false } = {}) {
  if (!map.graph.hasNode(id)) return;
  map.select(id, Number(state.depth) || 1);
  if (centre) map.centreOn(id);
  panel.open(map, id);
  mapBox.dataset.focus = id;
  if (state.focus !== id) {
    state = { ...state, focus: id };
    writeUrl(state);
  }
  const impact = $("#impact");
  if (impact && viewLevel(state) !== "PERSON") impact.click();
}

/** An organisation's latest culture figures, and the minimum number of responses for a value to be shown. */
function cultureFigures(id) {
  const org = culture.organisations.find((o) => o.id === id);
  return { minimum: culture.minimumResponses, figures: org ? org.indicators : [] };
}

const periodKey = (p) => (Number.isFinite(Number(p)) ? Number(p) : -Infinity);

/**
 * The chosen indicator over the drawn organisations for its latest survey year: {code, name, year,
 * higherIsBetter, minimum, min, max, fills (id -> colour), shown, missing}; null when none is chosen.
 * Held (suppressed) and missing values are grey; a held value is never read (the API sends null).
 */
function cultureView() {
  if (state.view !== "overview" || !state.culture || !culture) return null;
  const figures = new Map();
  let name = state.culture;
  let higherIsBetter = null;
  let year = null;
  for (const o of culture.organisations) {
    const f = o.indicators.find((x) => x.indicator === state.culture);
    if (!f) continue;
    figures.set(o.id, f);
    name = f.name;
    if (f.higherIsBetter !== null && f.higherIsBetter !== undefined) higherIsBetter = f.higherIsBetter;
    if (year === null || periodKey(f.period) > periodKey(year)) year = f.period;
  }
  const values = new Map();
  map.graph.forEachNode((id) => {
    const f = figures.get(id);
    if (f && !f.suppressed && f.value !== null && f.period === year) values.set(id, f.value);
  });
  const all = [...values.values()];
  const min = all.length ? Math.min(...all) : null;
  const max = all.length ? Math.max(...all) : null;
  const fills = new Map();
  map.graph.forEachNode((id) => {
    fills.set(id, values.has(id) ? CULTURE_SCALE[cultureBucket(values.get(id), min, max)] : NO_VALUE);
  });
  return {
    code: state.culture, name, year, higherIsBetter, minimum: culture.minimumResponses, min, max, fills,
    shown: values.size, missing: map.graph.order - values.size,
  };
}

const num = (v) => String(Number(v.toFixed(2)));

function cultureLegend(view) {
  const n = CULTURE_SCALE.length;
  const step = view.max > view.min ? (view.max - view.min) / n : 0;
  const entries = step
    ? CULTURE_SCALE.map((colour, i) => ({ colour, label: `${num(view.min + i * step)} to ${num(i === n - 1 ? view.max : view.min + (i + 1) * step)}` }))
    : view.min === null ? [] : [{ colour: CULTURE_SCALE[cultureBucket(view.min, view.min, view.max)], label: num(view.min) }];
  entries.push({ colour: NO_VALUE, label: `no value or fewer than ${view.minimum} responses (${view.missing})` });
  const direction = view.higherIsBetter === null ? "direction not recorded"
    : view.higherIsBetter ? "higher is better" : "higher is worse";
  return {
    title: `${view.name}, ${view.year}`,
    entries,
    notes: [
      `Organisations coloured by the staff survey indicator ${view.name} (${view.code}) for ${view.year}, lightest lowest to darkest highest; ${direction}.`,
      "Node size: number of teams. Line width: ties between the two organisations' teams.",
    ],
  };
}

function applyCulture() {
  const view = cultureView();
  map.setFills(view ? view.fills : null);
  const note = $("#culture-status");
  if (note && culture) note.textContent = view ? `${view.shown} organisations with a value for ${view.year}.` : "";
  return view;
}

async function refreshCulture(seq) {
  if (state.view !== "overview") return;
  const key = `${state.system}|${state.place}`;
  if (cultureFor !== key) {
    mapBox.dataset.culture = "loading";
    try {
      const found = await loadCulture(query, state);
      if (seq !== loadSeq) return;
      culture = found;
      cultureFor = key;
    } catch (err) {
      if (seq !== loadSeq) return;
      culture = null;
      cultureFor = null;
      $("#culture-status").textContent = "Staff survey figures unavailable.";
      mapBox.dataset.culture = "unavailable";
      return;
    }
  }
  const codes = new Map();
  for (const o of culture.organisations) for (const f of o.indicators) codes.set(f.indicator, f.name);
  const options = [...codes].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  setOptions(form.elements.culture, options, state.culture);
  applyCulture();
  updateLegend();
  mapBox.dataset.culture = "ready";
}

function legendFor() {
  const notes = [];
  let entries;
  let title = "Sector";
  if (state.view === "communities") {
    title = "Communities";
    const orgNames = new Map();
    map.graph.forEachNode((_, a) => orgNames.set(a.organisation, a.organisationName));
    entries = [...((analysis && analysis.communities) || [])].sort((a, b) => b.size - a.size).slice(0, 12).map((c) => ({
      colour: communityColour(c.id), label: `${c.size} teams: ${communityText(c, orgNames)}`,
    }));
    if (analysis && analysis.communities.some((c) => c.isSilo)) {
      entries.push({ colour: RING.silo, shape: "ring-dash", label: "silo: 80% or more of a community from one organisation" });
    }
    notes.push("Teams are grouped by the community the analysis detected; each group's label gives its largest sector and organisation share.");
  } else {
    entries = legendEntries(map, "sector", null);
    if (state.colourBy === "community" && state.view === "network") {
      title = "Community";
      entries = legendEntries(map, "community", analysis);
    }
  }
  if (state.view === "overview") {
    title = "Organisations by sector";
    if (state.hl.includes("silos")) entries.push({ colour: RING.silo, shape: "ring-dash", label: "silo: its teams form a community with few ties outside it" });
    if (state.hl.includes("brokers")) entries.push({ colour: RING.broker, shape: "ring", label: "broker: among the 5 organisations most often between others" });
    if (state.hl.includes("cutPoints")) entries.push({ colour: RING.cutPoint, shape: "ring", label: "cut point: losing it splits the network" });
    notes.push("Node size: number of teams. Line width: ties between the two organisations' teams. Organisations of one place sit together under its name.");
    const view = cultureView();
    if (view) {
      const c = cultureLegend(view);
      return { entries: [...c.entries, ...entries.filter((e) => e.shape)], title: c.title, notes: c.notes };
    }
  }
  if (state.view === "network" && state.hl.length && analysis) {
    notes.push(`Not greyed: ${state.hl.map((h) => ({ silos: "silo communities", brokers: "brokers", cutPoints: "cut points", bridges: "bridges" })[h]).join(", ")} the analysis found.`);
  }
  if (state.view === "pathway") {
    title = "Pathway hand-offs";
    entries = [
      { colour: HANDOFF.working, shape: "line", label: "working: teams of the two steps have ties" },
      { colour: HANDOFF.weak, shape: "line", label: "weak: a single tie carries the hand-off" },
      { colour: HANDOFF.missing, shape: "line", label: "missing: no tie between the two steps' teams" },
      { colour: HANDOFF.route, shape: "line", label: "shortest route where the direct tie is missing" },
      ...legendEntries(map, "sector", null),
    ];
  } else if (state.view === "network" && state.pathway) {
    entries.push({ colour: HANDOFF.missing, shape: "line", label: "hand-off with no working tie" }, { colour: HANDOFF.working, shape: "line", label: "hand-off with a working tie" });
  }
  return { entries, title, notes };
}

function updateLegend() {
  const { entries, title, notes } = legendFor();
  renderLegend($("#legend"), entries, { title, notes });
  return entries;
}

function caption() {
  const f = [];
  f.push(`View: ${VIEWS.find((v) => v.value === state.view).label}${state.view === "network" ? ` (${NOUNS[state.level]})` : ""}`);
  if (state.system) f.push(`system ${state.system}`);
  if (state.place) f.push(`place ${places.get(state.place) || state.place}`);
  if (state.wave) f.push(`survey wave ${state.wave}`);
  if (state.sectors.length) f.push(`sectors ${state.sectors.join(", ").toLowerCase()}`);
  if (state.view === "pathway" || (state.view === "network" && state.pathway)) {
    const p = pathways.find((x) => x.id === state.pathway);
    if (p) f.push(`pathway ${p.name}`);
  }
  if (state.focus && map.graph.hasNode(state.focus)) f.push(`focus ${map.graph.getNodeAttribute(state.focus, "label")} (${state.depth} ${state.depth === "1" ? "tie" : "ties"} away)`);
  const filters = f.length > 1 ? f.join("; ") : `${f[0]}; no filters`;
  const date = new Date();
  return [
    `${filters}.`,
    `${map.nodeCount().toLocaleString("en-GB")} nodes, ${map.edgeCount().toLocaleString("en-GB")} ties; graph version ${graphVersion}; exported ${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC.`,
  ];
}

const exportOptions = () => ({ legend: updateLegend(), title: "carenet network map", caption: caption() });

function applyHighlights() {
  if (state.view === "overview") {
    const focus = analysisFocus(map, orgAnalysis, state.hl.filter((h) => h === "bridges"));
    map.setFocus(focus);
    map.setRings(overviewRings(map, analysis, orgAnalysis, state.hl));
    mapBox.dataset.rings = String(map.rings.size);
  } else if (state.view === "communities") {
    const rings = new Map();
    for (const c of (analysis && analysis.communities) || []) {
      if (c.isSilo) c.members.forEach((m) => map.graph.hasNode(m) && rings.set(m, [{ colour: RING.silo, dash: true, kind: "silo" }]));
    }
    map.setRings(rings);
  } else if (state.view === "pathway") {
    map.setOverlay(pathwayView ? pathwayPairs(pathwayView.handoffs) : []);
    renderHandoffs($("#pathway-steps"), pathwayView ? { ...pathways.find((p) => p.id === state.pathway), handoffs: pathwayView.handoffs } : null);
  } else {
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
  }
  updateLegend();
}

async function refreshPlaces(subgraph) {
  for (const n of subgraph.nodes) {
    if (n.place && n.placeName) places.set(n.place, n.placeName);
    else if (n.place && !places.has(n.place)) places.set(n.place, n.place);
  }
  const unknown = [...places.keys()].filter((p) => places.get(p) === p);
  if (unknown.length) {
    try {
      for (const [uid, v] of await loadNames(query, unknown)) places.set(uid, v.name || uid);
    } catch { /* keep the uids as labels */ }
  }
  const options = [...places].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  setOptions(form.elements.place, options, state.place);
}

async function refreshPathways() {
  if (pathwaysFor !== state.system) {
    pathways = await loadPathways(query, state);
    pathwaysFor = state.system;
    setOptions(form.elements.pathway, pathways.map((p) => ({ value: p.id, label: p.name })), state.pathway);
  }
}

async function refreshAnalysis(seq) {
  const note = $("#analysis-status");
  note.textContent = "Loading the analysis…";
  try {
    if (state.view !== "communities") {
      const [found, orgs] = await Promise.all([
        loadAnalysis(query, state.view === "overview" ? { ...state, level: "TEAM" } : apiState()),
        state.view === "overview" ? loadAnalysis(query, { ...state, level: "ORGANISATION" }) : null,
      ]);
      if (seq !== loadSeq) return;
      analysis = found;
      orgAnalysis = orgs;
    }
    note.textContent = `${analysis.communities.filter((c) => c.isSilo).length} silos, ${analysis.brokers.length} brokers, ${analysis.cutPoints.length} cut points, ${analysis.bridges.length} bridges.`;
    mapBox.dataset.analysis = "ready";
  } catch (err) {
    if (seq !== loadSeq) return;
    note.textContent = "Analysis unavailable.";
    mapBox.dataset.analysis = "unavailable";
  }
  if (state.view !== "pathway") {
    try {
      await refreshPathways();
      mapBox.dataset.pathways = "ready";
    } catch (err) {
      pathways = [];
      mapBox.dataset.pathways = "unavailable";
      $("#pathway-steps").replaceChildren(Object.assign(document.createElement("li"), { textContent: "Pathways unavailable." }));
    }
  }
  if (seq === loadSeq) applyHighlights();
}

/** What a view draws: {subgraph, positions, groupLabels, force} (force: run ForceAtlas2 unless cached). */
async function fetchView(seq) {
  if (state.view === "overview") {
    const ahead = early && early.state === state ? early.drawing : null;
    early = null;
    const { subgraph, groupLabels } = await (ahead || loadOverview(query, state));
    return { subgraph, groupLabels, force: false };
  }
  if (state.view === "communities") {
    const [subgraph, found] = await Promise.all([loadSubgraph(query, apiState()), loadAnalysis(query, apiState())]);
    if (seq === loadSeq) analysis = found;
    return { subgraph, groupLabels: communityGroups(subgraph, found), force: false, maxSize: 6 };
  }
  if (state.view === "pathway") {
    const [subgraph] = await Promise.all([loadSubgraph(query, apiState()), refreshPathways()]);
    mapBox.dataset.pathways = "ready";
    teamSubgraph = subgraph;
    const chosen = pathways.find((p) => p.id === state.pathway) || pathways[0];
    if (!chosen) { pathwayView = null; return { subgraph: { ...subgraph, nodes: [], edges: [] }, groupLabels: [], force: false }; }
    if (state.pathway !== chosen.id) {
      state = { ...state, pathway: chosen.id };
      form.elements.pathway.value = chosen.id;
      writeUrl(state);
    }
    pathwayView = pathwayDrawing(subgraph, chosen);
    return { subgraph: pathwayView.subgraph, positions: pathwayView.positions, groupLabels: pathwayView.labels, force: false };
  }
  return { subgraph: await loadSubgraph(query, apiState()), groupLabels: [], force: true };
}

async function load() {
  const seq = ++loadSeq;
  const level = viewLevel(state);
  const noun = NOUNS[level] || "nodes";
  setStatus(`Loading ${noun}…`, "loading");
  mapBox.dataset.analysis = "loading";
  mapBox.dataset.view = state.view;
  analysis = null;
  orgAnalysis = null;
  const started = performance.now();
  let drawn;
  try {
    drawn = await fetchView(seq);
  } catch (err) {
    if (seq === loadSeq) setStatus(`The map could not be loaded: ${err.message}`, "error");
    return;
  }
  if (seq !== loadSeq) return;
  const { subgraph, groupLabels } = drawn;
  const fetched = performance.now();
  performance.mark("carenet:fetched");
  panel.close();
  graphVersion = subgraph.graphVersion;
  cacheKey = layoutKey({ ...state, level });
  const cached = drawn.force ? loadLayout(cacheKey, graphVersion) : null;
  layoutSource = cached ? "cache" : drawn.force ? "force" : "computed";
  map.colourBy = state.view === "communities" ? "community" : state.view === "network" ? state.colourBy : "sector";
  if (state.view !== "overview") map.fills = null;
  map.setData(subgraph, level, { positions: cached || drawn.positions || null, groupLabels, spread: drawn.spread || 1, maxSize: drawn.maxSize });
  mapBox.dataset.layoutSource = layoutSource;
  mapBox.dataset.nodeCount = String(map.nodeCount());
  mapBox.dataset.edgeCount = String(map.edgeCount());
  mapBox.dataset.level = level;
  mapBox.dataset.graphVersion = subgraph.graphVersion;
  mapBox.dataset.fetchMs = String(Math.round(fetched - started));
  mapBox.dataset.drawMs = String(Math.round(performance.now() - fetched));
  const shown = `${map.nodeCount().toLocaleString("en-GB")} ${noun} and ${map.edgeCount().toLocaleString("en-GB")} ties`;
  setStatus(subgraph.truncated
    ? `Showing ${shown}: the first ${map.nodeCount().toLocaleString("en-GB")} of ${subgraph.totalNodes.toLocaleString("en-GB")}. Narrow the filters to see the rest.`
    : `Showing ${shown}.`, "ready");
  updateLegend();
  resolveReady();
  if (layoutSource === "force") {
    map.layout.start(Math.min(2000 + map.nodeCount(), 8000));
    setLayoutButton(true);
  }
  refreshPlaces(subgraph);
  await refreshCulture(seq);
  await refreshAnalysis(seq);
  if (seq === loadSeq && state.focus && map.graph.hasNode(state.focus)) openNode(state.focus, { centre: true });
}

function setLayoutButton(running) {
  const button = $("#layout-toggle");
  button.setAttribute("aria-pressed", String(running));
  button.textContent = running ? "Stop layout" : "Run layout";
}
map.layout.onStop = ((inner) => () => {
  inner();
  setLayoutButton(false);
  if (cacheKey && graphVersion !== null && map.graph.order) {
    mapBox.dataset.layoutSaved = String(saveLayout(cacheKey, graphVersion, map.graph));
  }
})(map.layout.onStop);

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
  count.textContent = hits.length ? `${hits.length} found${hits.length > 20 ? " (first 20 listed)" : ""}` : "nothing found in this view";
  list.prepend(count);
  if (viewLevel(state) !== "TEAM") searchTeams(needle, ++searchSeq);
  return hits;
}

let searchSeq = 0;

/** Teams not drawn in this view, found through the API: a click opens one in the network view. */
async function searchTeams(needle, seq) {
  let found;
  try {
    found = await findByName(query, state, "TEAM", needle);
  } catch {
    return;
  }
  if (seq !== searchSeq || !found.nodes.length) return;
  const list = $("#search-results");
  const head = Object.assign(document.createElement("li"), { className: "hint", textContent: `Teams (${found.totalNodes}), opened in the network view:` });
  list.append(head);
  for (const n of found.nodes) {
    const button = Object.assign(document.createElement("button"), { type: "button", className: "link", textContent: `${n.label}` });
    button.dataset.team = n.id;
    button.addEventListener("click", () => {
      state = { ...state, view: "network", level: "TEAM", focus: n.id };
      writeForm(form, state);
      writeUrl(state);
      pending = load();
    });
    const li = document.createElement("li");
    li.append(button, Object.assign(document.createElement("span"), { className: "hint", textContent: ` ${n.organisationName || ""}` }));
    list.append(li);
  }
}

form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("change", (event) => {
  if (event.target.name === "search") return;
  const before = state;
  state = readForm(form, state);
  if (before.view !== state.view) state.focus = "";
  writeForm(form, state);
  writeUrl(state);
  if (RELOAD_KEYS.some((k) => JSON.stringify(before[k]) !== JSON.stringify(state[k]))
      || (state.view === "pathway" && before.pathway !== state.pathway)) {
    if (before.system !== state.system) pathwaysFor = null;
    pending = load();
  } else if (before.depth !== state.depth) {
    if (map.selected) openNode(map.selected);
  } else if (before.culture !== state.culture) {
    applyCulture();
    updateLegend();
    if (map.selected) panel.open(map, map.selected);
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
$("#export-png").addEventListener("click", async () => download(await toPng(map, exportOptions()), "carenet-map.png"));
$("#export-svg").addEventListener("click", () => download(toSvg(map, exportOptions()), "carenet-map.svg"));
$("#layout-toggle").addEventListener("click", () => {
  if (map.layout.running) map.layout.stop();
  else { map.layout.start(8000); setLayoutButton(true); }
});

buildChecks(form);
writeForm(form, state);
if (state.system) setOptions(form.elements.system, [], state.system);
if (state.wave) setOptions(form.elements.wave, [], state.wave);
if (state.pathway) setOptions(form.elements.pathway, [], state.pathway);
if (state.culture) setOptions(form.elements.culture, [], state.culture);
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
  layoutSource: () => layoutSource,
  labelled: () => [...map.labels],
  rings: () => map.ringShapes(),
  groupLabels: () => map.groupLabelShapes(),
  near: () => (map.near ? [...map.near] : null),
  handoffs: () => (pathwayView ? pathwayView.handoffs.map(({ fromStep, toStep, status, ties, route }) => ({ fromStep, toStep, status, ties, route })) : null),
  teamSubgraph: () => teamSubgraph,
  search,
  pngSize: async () => (await toPng(map, exportOptions())).size,
  svgText: () => svgText(map, exportOptions()),
  renderer: map.renderer,
  culture: () => {
    const v = cultureView();
    return v ? { code: v.code, name: v.name, year: v.year, min: v.min, max: v.max, scale: CULTURE_SCALE, noValue: NO_VALUE } : null;
  },
};
