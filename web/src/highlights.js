// What the analytics found, as sets of nodes and edges to highlight, and the pathway overlay.

const MAX_PAIRS_PER_HANDOFF = 40;

/** Union of the chosen highlights (silos, brokers, cut points, bridges) as {nodes, edges}. */
export function analysisFocus(map, analysis, chosen) {
  const nodes = new Set();
  const edges = new Set();
  if (!analysis) return { nodes, edges };
  const add = (id) => map.graph.hasNode(id) && nodes.add(id);
  if (chosen.includes("silos")) {
    for (const c of analysis.communities || []) if (c.isSilo) c.members.forEach(add);
  }
  if (chosen.includes("brokers")) (analysis.brokers || []).forEach((b) => add(b.id));
  if (chosen.includes("cutPoints")) (analysis.cutPoints || []).forEach(add);
  if (chosen.includes("bridges")) {
    for (const { source, target } of analysis.bridges || []) {
      const between = map.edgesBetween(source, target);
      if (!between.length) continue;
      between.forEach((e) => edges.add(e));
      add(source);
      add(target);
    }
  }
  return { nodes, edges };
}

/** The overlay for one pathway: nodes of its steps and the hand-off pairs, broken or not. */
export function pathwayOverlay(pathway) {
  const nodes = new Set();
  const pairs = [];
  for (const step of pathway.steps) step.teams.forEach((t) => nodes.add(t));
  for (const h of pathway.handoffs) {
    let n = 0;
    for (const from of h.fromTeams) {
      for (const to of h.toTeams) {
        if (n++ >= MAX_PAIRS_PER_HANDOFF) break;
        pairs.push({ from, to, broken: !h.hasTie });
      }
    }
    if (h.hasTie && h.shortestPath) h.shortestPath.forEach((id) => nodes.add(id));
  }
  return { nodes, pairs };
}

/** Render the hand-offs as an ordered list: screen readers hear "no working tie" as text, not colour. */
export function renderHandoffs(list, pathway) {
  list.replaceChildren();
  if (!pathway) return;
  const steps = new Map(pathway.steps.map((s) => [s.id, s]));
  const ordered = [...pathway.handoffs].sort((a, b) => (steps.get(a.fromStep)?.position ?? 0) - (steps.get(b.fromStep)?.position ?? 0));
  for (const h of ordered) {
    const from = steps.get(h.fromStep);
    const to = steps.get(h.toStep);
    const li = document.createElement("li");
    const status = h.status || (h.hasTie ? "working" : "missing");
    li.className = { working: "handoff ok", weak: "handoff weak", missing: "handoff broken" }[status];
    li.dataset.fromStep = h.fromStep;
    li.dataset.toStep = h.toStep;
    li.dataset.broken = String(!h.hasTie);
    li.dataset.status = status;
    const mark = document.createElement("span");
    mark.className = "mark";
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = { working: "✓", weak: "!", missing: "✕" }[status];
    const text = document.createElement("span");
    text.className = "names";
    text.textContent = `${from ? from.name : h.fromStep} → ${to ? to.name : h.toStep}`;
    const verdict = document.createElement("strong");
    verdict.textContent = { working: "working tie", weak: "weak: a single tie", missing: "no working tie" }[status];
    li.append(mark, " ", text, ": ", verdict);
    if (status === "missing" && h.status) {
      const hops = h.route ? h.route.length - 1 : 0;
      li.append(h.route ? ` (shortest route: ${hops} ${hops === 1 ? "tie" : "ties"}, drawn in blue)` : " (no route at all)");
    }
    list.append(li);
  }
}
