// The map's views: what each one loads and how it is drawn. Every view is a URL (?view=...):
//   overview     organisations sized by their teams, grouped by place, ties between their teams summed;
//                silo and broker organisations ringed (the default view)
//   network      teams, organisations or leaders as they are (the level switch), laid out by force
//   communities  teams grouped by detected community, each community labelled with its make-up
//   pathway      one care pathway's steps in order, each hand-off working, weak or missing
// Focus (?focus=<id>&depth=1|2) works in every view.
import { sectorLabel } from "./palette.js";

export const VIEWS = [
  { value: "overview", label: "System overview" },
  { value: "network", label: "Network" },
  { value: "communities", label: "Communities" },
  { value: "pathway", label: "Care pathway" },
];

export const RING = { silo: "#b00000", broker: "#111111", cutPoint: "#6a3d9a" };
export const HANDOFF = { working: "#222222", weak: "#E69F00", missing: "#e00000", route: "#0072B2" };

const OVERVIEW = `
query MapOverview($filter: OverviewFilter) {
  systemOverview(filter: $filter) {
    truncated graphVersion
    nodes { id: uid label sector: sectorCode place placeName teams innerTies outerTies }
    edges { id: key source target teamTies organisationTies weight }
  }
}`;

/** The level the API is asked about in a view. */
export function viewLevel(state) {
  if (state.view === "overview") return "ORGANISATION";
  if (state.view === "communities" || state.view === "pathway") return "TEAM";
  return state.level;
}

const pct = (share) => `${Math.round((share || 0) * 100)}%`;

export async function loadOverview(query, state) {
  const filter = {};
  if (state.system) filter.system = state.system;
  if (state.place) filter.place = state.place;
  if (state.wave) filter.wave = state.wave;
  if (state.sectors.length) filter.sectors = state.sectors;
  const o = (await query(OVERVIEW, { filter })).systemOverview;
  const degree = new Map();
  for (const e of o.edges) {
    degree.set(e.source, (degree.get(e.source) || 0) + 1);
    degree.set(e.target, (degree.get(e.target) || 0) + 1);
  }
  const nodes = o.nodes.map((n) => ({
    ...n, kind: "ORGANISATION", organisation: n.id, organisationName: n.label, size: n.teams,
    degree: degree.get(n.id) || 0, betweenness: null, brokerage: null, community: null, group: `p${n.place || "-"}`,
  }));
  const edges = o.edges.map((e) => ({ ...e, kinds: [], drawSize: 0.5 + 1.4 * Math.log2(1 + e.weight) }));
  const byPlace = new Map();
  for (const n of nodes) {
    const key = n.place || "";
    if (!byPlace.has(key)) byPlace.set(key, { text: n.placeName || (n.place ? n.place : "System-wide (no place)"), members: [] });
    byPlace.get(key).members.push(n.id);
  }
  return {
    subgraph: { nodes, edges, totalNodes: nodes.length, truncated: o.truncated, graphVersion: o.graphVersion },
    groupLabels: [...byPlace.values()],
  };
}

/**
 * Findings of the overview: silo organisations (the largest organisation of a silo community of
 * teams) and broker organisations (the organisation-level analysis' brokers), as rings.
 */
export function overviewRings(map, teamAnalysis, orgAnalysis, hl) {
  const rings = new Map();
  const add = (id, ring) => {
    if (!map.graph.hasNode(id)) return;
    if (!rings.has(id)) rings.set(id, []);
    rings.get(id).push(ring);
  };
  if (hl.includes("silos") && teamAnalysis) {
    for (const c of teamAnalysis.communities) if (c.isSilo && c.largestOrganisation) add(c.largestOrganisation, { colour: RING.silo, dash: true, kind: "silo" });
  }
  if (hl.includes("brokers") && orgAnalysis) {
    for (const b of orgAnalysis.brokers.filter((x) => x.betweenness > 0).slice(0, 5)) add(b.id, { colour: RING.broker, kind: "broker" });
  }
  if (hl.includes("cutPoints") && orgAnalysis) for (const id of orgAnalysis.cutPoints) add(id, { colour: RING.cutPoint, kind: "cutPoint" });
  return rings;
}

/** Communities view: each team's community from the analysis; a label per community. */
export function communityGroups(subgraph, analysis) {
  const orgNames = new Map(subgraph.nodes.map((n) => [n.organisation, n.organisationName]));
  const member = new Map();
  for (const c of analysis.communities) for (const m of c.members) member.set(m, c.id);
  for (const n of subgraph.nodes) {
    n.community = member.has(n.id) ? member.get(n.id) : null;
    n.group = n.community === null ? "none" : `c${n.community}`;
  }
  const labels = analysis.communities.filter((c) => c.size >= 3).map((c) => ({
    text: communityText(c, orgNames),
    members: c.members,
    silo: c.isSilo,
  }));
  return labels;
}

export function communityText(c, orgNames) {
  const sector = c.largestSector ? `${pct(c.largestSectorShare)} ${sectorLabel(c.largestSector).toLowerCase()}` : "";
  const org = c.largestOrganisation ? `${pct(c.largestOrganisationShare)} ${orgNames.get(c.largestOrganisation) || c.largestOrganisation}` : "";
  return `${c.isSilo ? "⚠ silo: " : ""}${[sector, org].filter(Boolean).join(" · ")}`;
}

/** A hand-off's state: missing (no tie), weak (one tie carries it), working. */
export function handoffStatus(handoff, tieCount) {
  if (!handoff.hasTie) return "missing";
  const shared = handoff.fromTeams.some((t) => handoff.toTeams.includes(t));
  return !shared && tieCount <= 1 ? "weak" : "working";
}

/**
 * Pathway view: the pathway's teams in columns, one per step in order, and the teams of the
 * shortest route of every missing hand-off between their columns. Returns the drawing's data,
 * positions, step labels and the hand-offs with their state.
 */
export function pathwayDrawing(subgraph, pathway) {
  const byId = new Map(subgraph.nodes.map((n) => [n.id, n]));
  const steps = [...pathway.steps].sort((a, b) => a.position - b.position);
  const positions = {};
  const column = new Map(steps.map((s, i) => [s.id, i]));
  const shown = new Set();
  const labels = [];
  const GAP_X = 240;
  const GAP_Y = 36;
  steps.forEach((s, i) => {
    const teams = s.teams.filter((t) => byId.has(t) && !shown.has(t));
    const lift = i % 2 ? GAP_Y * 2 : 0; // alternate columns up and down so labels clear the hand-off lines
    teams.forEach((t, j) => { positions[t] = [i * GAP_X, lift + (j - (teams.length - 1) / 2) * GAP_Y]; shown.add(t); });
    labels.push({ text: `${s.position}. ${s.name}`, members: s.teams.filter((t) => byId.has(t)) });
  });
  const pairKey = (a, b) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const weight = new Map(subgraph.edges.map((e) => [pairKey(e.source, e.target), e.weight || 1]));
  const handoffs = pathway.handoffs.map((h) => {
    let ties = 0;
    const tied = [];
    for (const a of h.fromTeams) {
      for (const b of h.toTeams) {
        const w = weight.get(pairKey(a, b)) || 0;
        if (w && a !== b) tied.push([a, b]);
        ties += w;
      }
    }
    const status = handoffStatus(h, ties);
    const route = status === "missing" && h.shortestPath ? h.shortestPath : null;
    if (route) {
      const x0 = column.get(h.fromStep) ?? 0;
      const inner = route.filter((t) => byId.has(t) && !shown.has(t));
      inner.forEach((t, k) => {
        positions[t] = [x0 * GAP_X + ((k + 1) * GAP_X) / (inner.length + 1), -220 - k * 20];
        shown.add(t);
      });
    }
    return { ...h, ties, tied, status, route };
  });
  const nodes = subgraph.nodes.filter((n) => shown.has(n.id)).map((n) => ({ ...n, size: 1 }));
  const edges = subgraph.edges.filter((e) => shown.has(e.source) && shown.has(e.target));
  return {
    subgraph: { ...subgraph, nodes, edges, totalNodes: nodes.length, truncated: false },
    positions, labels, handoffs,
  };
}

/** Overlay edges of the pathway view: hand-offs coloured by state, the routes round missing ones. */
export function pathwayPairs(handoffs, MAX = 40) {
  const pairs = [];
  for (const h of handoffs) {
    let n = 0;
    const candidates = h.status === "missing" ? h.fromTeams.flatMap((a) => h.toTeams.map((b) => [a, b])) : h.tied;
    for (const [from, to] of candidates) {
      if (n++ >= MAX) break;
      pairs.push({ from, to, broken: h.status === "missing", colour: HANDOFF[h.status], status: h.status });
    }
    if (h.route) {
      for (let i = 0; i + 1 < h.route.length; i++) pairs.push({ from: h.route[i], to: h.route[i + 1], broken: false, colour: HANDOFF.route, status: "route" });
    }
  }
  return pairs;
}
