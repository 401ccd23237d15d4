// The GraphQL documents the page sends (docs/contracts.md), and small wrappers around them.

const SUBGRAPH = `
query MapSubgraph($filter: SubgraphFilter, $limit: Int, $sizeBy: SizeMetric) {
  subgraph(filter: $filter, limit: $limit, sizeBy: $sizeBy) {
    totalNodes truncated graphVersion
    nodes { id: uid label kind: labelCode sector: sectorCode organisation organisationName place size degree betweenness brokerage community }
    edges { id: key source target kinds: kindCodes personKinds: personKindCodes weight trust }
  }
}`;

const ANALYSIS = `
query MapAnalysis($filter: AnalysisFilter) {
  analysis(filter: $filter) {
    communities { id: number size largestSector: largestSectorCode largestSectorShare largestOrganisation largestOrganisationShare isSilo members }
    brokers(limit: 20) { id: uid name betweenness brokerage }
    cutPoints
    bridges { source target }
  }
}`;

const IMPACT = `
query MapDeparture($filter: AnalysisFilter, $ids: [ID!]!) {
  analysis(filter: $filter) {
    departureImpact(ids: $ids) {
      removed componentsBefore componentsAfter pairsDisconnected efficiencyBefore efficiencyAfter efficiencyChange
    }
  }
}`;

const PATHWAYS = `
query MapPathways($system: ID) {
  pathways(system: $system) {
    id: uid name
    steps { id: uid name position teams }
    handoffs { fromStep toStep fromTeams toTeams hasTie shortestPath }
  }
}`;

const CULTURE = `
query MapCulture($system: ID, $place: ID) {
  culture(system: $system, place: $place) {
    minimumResponses
    organisations { id: uid name indicators { indicator name period value suppressed responses higherIsBetter } }
  }
}`;

/** The staff survey figures per organisation (held values arrive null with suppressed true). */
export async function loadCulture(query, state) {
  return (await query(CULTURE, { system: state.system || null, place: state.place || null })).culture;
}

/** SubgraphFilter from the page state; empty values are left out. */
export function subgraphFilter(state) {
  const f = { level: state.level };
  if (state.system) f.system = state.system;
  if (state.place) f.place = state.place;
  if (state.wave) f.wave = state.wave;
  if (state.sectors.length) f.sectors = state.sectors;
  if (state.level === "PERSON" && state.levels.length) f.levels = state.levels;
  return f;
}

export function analysisFilter(state) {
  const f = { level: state.level };
  if (state.system) f.system = state.system;
  if (state.place) f.place = state.place;
  if (state.wave) f.wave = state.wave;
  return f;
}

/** The subgraph to draw; an edge's `kinds` are its enum names, TieKind or PersonTieKind by the level
 * (each level fills one of the two lists). */
export async function loadSubgraph(query, state) {
  const data = await query(SUBGRAPH, { filter: subgraphFilter(state), limit: state.limit, sizeBy: state.sizeBy });
  const edges = data.subgraph.edges.map(({ personKinds, ...e }) => ({ ...e, kinds: [...e.kinds, ...personKinds] }));
  return { ...data.subgraph, edges };
}

const FIND = `
query MapFind($filter: SubgraphFilter) {
  subgraph(filter: $filter, limit: 20) { totalNodes nodes { id: uid label kind: labelCode organisationName } }
}`;

/** Teams (or organisations) anywhere in the scope whose name contains `text`. */
export async function findByName(query, state, level, text) {
  const filter = { level, search: text };
  if (state.system) filter.system = state.system;
  return (await query(FIND, { filter })).subgraph;
}

export async function loadAnalysis(query, state) {
  return (await query(ANALYSIS, { filter: analysisFilter(state) })).analysis;
}

export async function loadDepartureImpact(query, state, ids) {
  return (await query(IMPACT, { filter: analysisFilter(state), ids })).analysis.departureImpact;
}

export async function loadPathways(query, state) {
  return (await query(PATHWAYS, { system: state.system || null })).pathways;
}

/** Names of a few uids (places, organisations) through `nodeByUid`, 15 aliases per request (the API's limit). */
export async function loadNames(query, uids) {
  const list = [...new Set(uids.filter(Boolean))].slice(0, 150);
  const names = new Map();
  for (let start = 0; start < list.length; start += 15) {
    const chunk = list.slice(start, start + 15);
    const vars = chunk.map((_, i) => `$u${i}: ID!`).join(", ");
    const fields = chunk.map((_, i) => `n${i}: nodeByUid(uid: $u${i}) { uid name }`).join("\n");
    const variables = Object.fromEntries(chunk.map((u, i) => [`u${i}`, u]));
    const data = await query(`query MapNames(${vars}) {\n${fields}\n}`, variables);
    for (const value of Object.values(data)) if (value) names.set(value.uid, { name: value.name });
  }
  return names;
}
