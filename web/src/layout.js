// Positions: an instant grouped layout for the first render, then ForceAtlas2 in a web worker
// (graphology-layout-forceatlas2/worker) so the page never freezes, stopped after a time budget.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";

const GOLDEN = Math.PI * (3 - Math.sqrt(5));

/** Sunflower (phyllotaxis) points: i-th of n in a disc of the given radius, evenly spread. */
function sunflower(i, n, radius) {
  const r = radius * Math.sqrt((i + 0.5) / Math.max(n, 1));
  const a = i * GOLDEN;
  return [r * Math.cos(a), r * Math.sin(a)];
}

export function groupOf(attrs) {
  if (attrs.group !== undefined) return attrs.group;
  if (attrs.community !== null && attrs.community !== undefined) return `c${attrs.community}`;
  return `o${attrs.organisation || attrs.sector || "?"}`;
}

/**
 * Place every node without a remembered position: groups (communities, else organisations) are
 * discs laid out on a larger sunflower, biggest first; nodes spread evenly inside their group.
 * O(n), deterministic, so the first render never waits for a force layout.
 */
export function seedPositions(graph, remembered, spread = 1) {
  const groups = new Map();
  graph.forEachNode((node, attrs) => {
    const key = groupOf(attrs);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(node);
  });
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
  const total = graph.order || 1;
  let index = 0;
  for (const members of ordered) {
    const [cx, cy] = sunflower(index++, ordered.length, Math.sqrt(total) * 12 * spread);
    const radius = Math.sqrt(members.length) * 4 * spread;
    members.sort();
    members.forEach((node, i) => {
      const known = remembered.get(node);
      if (graph.getNodeAttribute(node, "placed")) {
        // positioned by the caller (a cached layout)
      } else if (known) {
        graph.mergeNodeAttributes(node, known);
      } else {
        const [x, y] = sunflower(i, members.length, radius);
        graph.mergeNodeAttributes(node, { x: cx + x, y: cy + y });
      }
    });
  }
}

export function remember(graph, remembered) {
  graph.forEachNode((node, attrs) => remembered.set(node, { x: attrs.x, y: attrs.y }));
}

/**
 * ForceAtlas2 in a web worker on a copy of the graph; positions are copied to the drawn graph at most
 * every `frameMs` (one redraw each), so a large graph does not redraw on every iteration. Stops itself
 * after `budgetMs`.
 */
export class WorkerLayout {
  constructor(graph, { onStop = () => {} } = {}) {
    this.graph = graph;
    this.onStop = onStop;
    this.fa2 = null;
    this.shadow = null;
    this.timer = null;
    this.ticker = null;
  }

  get running() {
    return Boolean(this.fa2 && this.fa2.isRunning());
  }

  /** While a large graph is laid out its edges are not drawn: software WebGL redraws them slowly. */
  get hidingEdges() {
    return this.running && this.graph.size > 5000;
  }

  start(budgetMs = 4000) {
    this.stop();
    if (this.graph.order < 2) return;
    const shadow = new Graph({ type: "undirected", multi: true, allowSelfLoops: true });
    this.graph.forEachNode((node, a) => shadow.addNode(node, { x: a.x, y: a.y, size: a.size }));
    this.graph.forEachEdge((edge, a, s, t) => {
      if (!a.overlay) shadow.addEdgeWithKey(edge, s, t);
    });
    const settings = forceAtlas2.inferSettings(shadow);
    settings.barnesHutOptimize = shadow.order > 500;
    this.shadow = shadow;
    this.fa2 = new FA2Layout(shadow, { settings, getEdgeWeight: null });
    this.fa2.start();
    const frameMs = Math.min(1000, Math.max(200, shadow.order / 5));
    this.ticker = setInterval(() => this.copy(), frameMs);
    this.timer = setTimeout(() => this.stop(), budgetMs);
  }

  copy() {
    const shadow = this.shadow;
    if (!shadow) return;
    this.graph.updateEachNodeAttributes((node, a) => {
      if (shadow.hasNode(node)) {
        const p = shadow.getNodeAttributes(node);
        a.x = p.x;
        a.y = p.y;
      }
      return a;
    }, { attributes: ["x", "y"] });
  }

  stop() {
    clearTimeout(this.timer);
    clearInterval(this.ticker);
    this.timer = null;
    this.ticker = null;
    if (this.fa2) {
      this.fa2.kill();
      this.fa2 = null;
      this.copy();
      this.shadow = null;
      this.onStop();
    }
  }
}
