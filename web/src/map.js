// The drawing: a graphology graph rendered by sigma (WebGL), with reducers for every highlight.
import Graph from "graphology";
import Sigma from "sigma";

import { chooseLabels, groupBox, overlaps } from "./labels.js";
import { seedPositions, remember, WorkerLayout } from "./layout.js";
import { BROKEN, DIM, EDGE, EDGE_DIM, HIGHLIGHT_EDGE, WORKING, communityColour, sectorColour } from "./palette.js";

const MIN_SIZE = 2.5;
const MAX_SIZE = 14;
const NEAR_EDGE = "#7a7a7a"; // ties within a focused neighbourhood: visible, not a black mass
const GROUP_FONT = "600 13px system-ui, sans-serif";
// What sigma holds while a new drawing is built: it answers every node and edge added to the graph
// it draws, which costs several times the adding; handed the whole graph at once, it indexes it once.
const ASIDE = new Graph({ type: "undirected" });

function scaleSizes(nodes, top = MAX_SIZE) {
  const max = Math.max(0, ...nodes.map((n) => n.size || 0));
  return (v) => MIN_SIZE + (max > 0 ? Math.sqrt(Math.max(v || 0, 0) / max) : 0) * (top - MIN_SIZE);
}

export class NetworkMap {
  constructor(container, { onClickNode = () => {}, onClickStage = () => {}, onRender = () => {} } = {}) {
    this.container = container;
    this.graph = new Graph({ type: "undirected", multi: true, allowSelfLoops: true });
    this.positions = new Map(); // remembered per level, so a new filter keeps the picture stable
    this.colourBy = "sector";
    this.fills = null; // node id -> colour when colouring by a value (the overview's culture indicator)
    this.focus = null; // {nodes:Set, edges:Set} when something is highlighted
    this.selected = null;
    this.searchHits = new Set();
    this.near = null; // the selected node's neighbourhood (depth 1 or 2), or null
    this.depth = 1;
    this.labels = new Set(); // labels drawn: chosen so that none overlap (labels.js)
    this.rings = new Map(); // node -> [{colour, dash, kind}]: findings drawn as rings round the node
    this.groupLabels = []; // [{text, members}]: places, communities, labelled above their members
    this.layout = new WorkerLayout(this.graph, {
      onStop: () => {
        remember(this.graph, this.positions);
        this.renderer.refresh({ skipIndexation: true }); // draws the edges hidden during a large layout
      },
    });
    this.renderer = new Sigma(this.graph, container, {
      defaultEdgeType: "line",
      renderEdgeLabels: false,
      hideEdgesOnMove: true,
      // Sigma's own label grid can still let labels overlap; only the labels chosen by
      // chooseLabels (forceLabel) are drawn.
      labelRenderedSizeThreshold: Number.MAX_VALUE,
      labelSize: 12,
      labelFont: "system-ui, sans-serif",
      zIndex: true,
      minCameraRatio: 0.02,
      maxCameraRatio: 4,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.renderer.on("clickNode", ({ node }) => onClickNode(node));
    this.renderer.on("clickStage", () => onClickStage());
    this.renderer.createCanvasContext("annotations", { style: { pointerEvents: "none" } });
    this.renderer.resize(true); // sizes the new canvas like the others
    this.renderer.on("afterRender", () => {
      this.drawAnnotations();
      onRender(this);
    });
    this.renderer.getCamera().on("updated", () => this.relabel());
    this.graph.on("eachNodeAttributesUpdated", () => this.relabel());
    // The stage changes size when the details panel opens or closes: keep the canvases matched.
    new ResizeObserver(() => {
      this.renderer.resize();
      this.renderer.refresh({ skipIndexation: true });
    }).observe(container);
    this.renderer.on("enterNode", () => container.classList.add("pointer"));
    this.renderer.on("leaveNode", () => container.classList.remove("pointer"));
  }

  /**
   * Replace the drawing with a subgraph from the API. `positions` ({id: [x, y]}) places the nodes it
   * names (a cached or computed layout); the rest are seeded by group.
   */
  setData(subgraph, level, { positions = null, groupLabels = [], spread = 1, maxSize = MAX_SIZE } = {}) {
    performance.mark("carenet:setData");
    this.layout.stop();
    if (this.level && this.level !== level) this.positions.clear();
    this.level = level;
    this.renderer.setGraph(ASIDE);
    this.graph.clear();
    const size = scaleSizes(subgraph.nodes, maxSize);
    for (const n of subgraph.nodes) {
      this.graph.addNode(n.id, { ...n, metric: n.size, size: size(n.size), label: n.label, x: 0, y: 0 });
    }
    for (const e of subgraph.edges) {
      if (!this.graph.hasNode(e.source) || !this.graph.hasNode(e.target)) continue;
      const size = e.drawSize || 0.6 + Math.min(e.weight || 1, 4) * 0.3;
      this.graph.addEdgeWithKey(e.id, e.source, e.target, { ...e, size });
    }
    if (positions) {
      this.graph.updateEachNodeAttributes((node, a) => {
        const p = positions[node];
        if (p) { a.x = p[0]; a.y = p[1]; a.placed = true; }
        return a;
      });
    }
    performance.mark("carenet:graphBuilt");
    seedPositions(this.graph, this.positions, spread);
    performance.mark("carenet:placed");
    this.groupLabels = groupLabels;
    this.rings = new Map();
    this.near = null;
    this.selected = null;
    this.focus = null;
    this.searchHits = new Set();
    this.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.renderer.setGraph(this.graph); // indexes and draws it
    performance.mark("carenet:drawn");
    this.relabel(true);
    performance.mark("carenet:labelled");
  }

  /** Choose the labels again (after the next frame, once per frame at most); `now` does it at once. */
  relabel(now = false) {
    if (now) {
      cancelAnimationFrame(this.relabelFrame);
      this.relabelFrame = null;
      const first = new Set([...this.searchHits, ...(this.selected ? [this.selected] : [])]);
      const occupied = this.groupLabelShapes().map((g) => g.box);
      this.labels = chooseLabels(this.renderer, this.graph, { first, occupied });
      this.renderer.refresh({ skipIndexation: true });
      return;
    }
    if (this.relabelFrame) return;
    this.relabelFrame = requestAnimationFrame(() => {
      this.relabelFrame = null;
      this.relabel(true);
    });
  }

  /** Findings drawn as rings: Map(node -> [{colour, dash, kind}]). */
  setRings(rings) {
    this.rings = rings;
    this.renderer.refresh({ skipIndexation: true });
  }

  /** Group labels and rings on their own canvas above sigma's, in viewport pixels. */
  drawAnnotations() {
    const canvas = this.renderer.getCanvases().annotations;
    if (!canvas) return;
    const ctx = canvas.getContext("2d");
    const ratio = canvas.width / Math.max(1, this.renderer.getDimensions().width);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    for (const ring of this.ringShapes()) {
      ctx.beginPath();
      ctx.setLineDash(ring.dash ? [4, 3] : []);
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = ring.colour;
      ctx.arc(ring.x, ring.y, ring.r, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    ctx.font = GROUP_FONT;
    ctx.textAlign = "center";
    ctx.lineJoin = "round";
    for (const g of this.groupLabelShapes()) {
      ctx.lineWidth = 4;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(g.text, g.x, g.y);
      ctx.fillStyle = "#222";
      ctx.fillText(g.text, g.x, g.y);
    }
    ctx.textAlign = "start";
  }

  /** Rings in viewport pixels (also drawn by the SVG export). */
  ringShapes() {
    const out = [];
    for (const [node, rings] of this.rings) {
      const d = this.graph.hasNode(node) && this.renderer.getNodeDisplayData(node);
      if (!d || d.hidden || d.color === DIM) continue;
      const p = this.renderer.framedGraphToViewport(d);
      rings.forEach((ring, i) => out.push({
        node, kind: ring.kind, x: p.x, y: p.y, r: this.renderer.scaleSize(d.size) + 3 + 3.5 * i, colour: ring.colour, dash: Boolean(ring.dash),
      }));
    }
    return out;
  }

  /** Group labels ({text, members}) centred above their members, in viewport pixels; the biggest
   * groups first, and a label that would overlap one already placed is left out. */
  groupLabelShapes() {
    const out = [];
    const kept = [];
    for (const g of this.groupLabels) {
      let sx = 0;
      let top = Infinity;
      let n = 0;
      for (const id of g.members) {
        const d = this.graph.hasNode(id) && this.renderer.getNodeDisplayData(id);
        if (!d || d.hidden) continue;
        const p = this.renderer.framedGraphToViewport(d);
        sx += p.x;
        top = Math.min(top, p.y - this.renderer.scaleSize(d.size));
        n += 1;
      }
      if (n) out.push({ text: g.text, x: sx / n, y: top - 6, members: n });
    }
    out.sort((a, b) => b.members - a.members);
    for (const g of out) {
      g.box = groupBox(g.text, g.x, g.y, GROUP_FONT);
      if (!kept.some((k) => overlaps(k.box, g.box, 4))) kept.push(g);
    }
    return kept;
  }

  nodeCount() {
    return this.graph.order;
  }

  edgeCount() {
    let n = 0;
    this.graph.forEachEdge((_, a) => {
      if (!a.overlay) n += 1;
    });
    return n;
  }

  setColourBy(mode) {
    this.colourBy = mode;
    this.renderer.refresh({ skipIndexation: true });
  }

  /** Highlight these nodes and edges and dim the rest; null clears. */
  setFocus(focus) {
    this.focus = focus && (focus.nodes.size || focus.edges.size) ? focus : null;
    this.renderer.refresh({ skipIndexation: true });
    this.relabel();
  }

  /** Select a node and show its neighbourhood to `depth` ties (1 or 2); everything else is dimmed. */
  select(node, depth = this.depth) {
    this.selected = node && this.graph.hasNode(node) ? node : null;
    this.depth = depth;
    this.near = this.selected ? this.neighbourhood(this.selected, depth) : null;
    this.renderer.refresh({ skipIndexation: true });
    this.relabel();
  }

  /** Nodes within `depth` ties of `node` (drawn ties only). */
  neighbourhood(node, depth) {
    const seen = new Set([node]);
    let frontier = [node];
    for (let i = 0; i < depth; i++) {
      const next = [];
      for (const v of frontier) {
        this.graph.forEachEdge(v, (_e, a, s, t) => {
          if (a.overlay) return;
          const w = s === v ? t : s;
          if (!seen.has(w)) { seen.add(w); next.push(w); }
        });
      }
      frontier = next;
    }
    return seen;
  }

  setSearchHits(ids) {
    this.searchHits = new Set(ids);
    this.renderer.refresh({ skipIndexation: true });
    this.relabel();
  }

  /** Pathway overlay: extra edges for the hand-offs between steps' teams, red when no working tie. */
  setOverlay(pairs) {
    const old = this.graph.filterEdges((_, a) => a.overlay);
    if (!old.length && !pairs.length) return [];
    old.forEach((e) => this.graph.dropEdge(e));
    const drawn = [];
    for (const { from, to, broken, colour = null, status = null } of pairs) {
      if (!this.graph.hasNode(from) || !this.graph.hasNode(to) || from === to) continue;
      const key = `overlay:${from}:${to}`;
      if (this.graph.hasEdge(key)) continue;
      this.graph.addEdgeWithKey(key, from, to, { overlay: true, broken, colour, status, size: broken ? 4 : 2.5, zIndex: 2 });
      drawn.push({ key, from, to, broken, status });
    }
    this.renderer.refresh();
    return drawn;
  }

  overlayEdges() {
    return this.graph.filterEdges((_, a) => a.overlay).map((e) => ({
      key: e,
      source: this.graph.source(e),
      target: this.graph.target(e),
      broken: this.graph.getEdgeAttribute(e, "broken"),
      status: this.graph.getEdgeAttribute(e, "status"),
      colour: this.graph.getEdgeAttribute(e, "colour") || (this.graph.getEdgeAttribute(e, "broken") ? BROKEN : WORKING),
    }));
  }

  /** Colour nodes from `fills` (node id -> colour), or null to go back to colouring by `colourBy`. */
  setFills(fills) {
    this.fills = fills;
    this.renderer.refresh({ skipIndexation: true });
  }

  colourOf(attrs, node) {
    if (this.fills) return this.fills.get(node) || "#999999";
    return this.colourBy === "community" ? communityColour(attrs.community) : sectorColour(attrs.sector);
  }

  reduceNode(node, data) {
    const res = { ...data, color: this.colourOf(data, node) };
    const sel = this.selected;
    const inFocus = this.focus ? this.focus.nodes.has(node) : true;
    const near = sel ? this.near.has(node) : true;
    if (this.searchHits.has(node) || node === sel) {
      res.highlighted = true;
      res.forceLabel = true;
      res.zIndex = 3;
    } else if (!inFocus || !near) {
      res.color = DIM;
      res.label = "";
      res.zIndex = 0;
    } else {
      res.zIndex = 1;
    }
    res.forceLabel = this.labels.has(node) && Boolean(res.label);
    return res;
  }

  reduceEdge(edge, data) {
    if (data.overlay) return { ...data, color: data.colour || (data.broken ? BROKEN : WORKING), zIndex: 3 };
    if (this.layout.hidingEdges) return { ...data, hidden: true };
    const res = { ...data, color: EDGE, zIndex: 0 };
    const sel = this.selected;
    if (sel) {
      const touches = this.near.has(this.graph.source(edge)) && this.near.has(this.graph.target(edge));
      res.color = touches ? NEAR_EDGE : EDGE_DIM;
      res.zIndex = touches ? 1 : 0;
    } else if (this.focus) {
      if (this.focus.edges.has(edge)) {
        res.color = HIGHLIGHT_EDGE;
        res.size = 3;
        res.zIndex = 2;
      } else {
        res.color = EDGE_DIM;
      }
    }
    return res;
  }

  /** Edges between two nodes, whichever way they were stored. */
  edgesBetween(a, b) {
    if (!this.graph.hasNode(a) || !this.graph.hasNode(b)) return [];
    return this.graph.edges(a, b).filter((e) => !this.graph.getEdgeAttribute(e, "overlay"));
  }

  /** Viewport (page) coordinates of a node's centre, for tests and keyboard focus. */
  screenPosition(node) {
    const a = this.graph.getNodeAttributes(node);
    const p = this.renderer.graphToViewport({ x: a.x, y: a.y });
    const box = this.container.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }

  centreOn(node) {
    const display = this.renderer.getNodeDisplayData(node);
    if (!display) return;
    this.renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.35 }, { duration: 300 });
  }

  /** Keyboard: arrows pan, + and - zoom, 0 resets. Returns true when the key was used. */
  handleKey(key) {
    const camera = this.renderer.getCamera();
    const s = camera.getState();
    const step = 0.1 * s.ratio;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[key]) camera.setState({ x: s.x + moves[key][0], y: s.y + moves[key][1] });
    else if (key === "+" || key === "=") camera.animatedZoom({ duration: 150 });
    else if (key === "-" || key === "_") camera.animatedUnzoom({ duration: 150 });
    else if (key === "0") camera.animatedReset({ duration: 150 });
    else return false;
    return true;
  }
}
