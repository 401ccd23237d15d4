// The drawing: a graphology graph rendered by sigma (WebGL), with reducers for every highlight.
import Graph from "graphology";
import Sigma from "sigma";

import { seedPositions, remember, WorkerLayout } from "./layout.js";
import { BROKEN, DIM, EDGE, EDGE_DIM, HIGHLIGHT_EDGE, WORKING, communityColour, sectorColour } from "./palette.js";

const MIN_SIZE = 2.5;
const MAX_SIZE = 14;

function scaleSizes(nodes) {
  const max = Math.max(0, ...nodes.map((n) => n.size || 0));
  return (v) => MIN_SIZE + (max > 0 ? Math.sqrt(Math.max(v || 0, 0) / max) : 0) * (MAX_SIZE - MIN_SIZE);
}

export class NetworkMap {
  constructor(container, { onClickNode = () => {}, onClickStage = () => {}, onRender = () => {} } = {}) {
    this.container = container;
    this.graph = new Graph({ type: "undirected", multi: true, allowSelfLoops: true });
    this.positions = new Map(); // remembered per level, so a new filter keeps the picture stable
    this.colourBy = "sector";
    this.focus = null; // {nodes:Set, edges:Set} when something is highlighted
    this.selected = null;
    this.searchHits = new Set();
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
      labelRenderedSizeThreshold: 9,
      labelDensity: 0.6,
      labelFont: "system-ui, sans-serif",
      zIndex: true,
      minCameraRatio: 0.02,
      maxCameraRatio: 4,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.renderer.on("clickNode", ({ node }) => onClickNode(node));
    this.renderer.on("clickStage", () => onClickStage());
    this.renderer.on("afterRender", () => onRender(this));
    // The stage changes size when the details panel opens or closes: keep the canvases matched.
    new ResizeObserver(() => {
      this.renderer.resize();
      this.renderer.refresh({ skipIndexation: true });
    }).observe(container);
    this.renderer.on("enterNode", () => container.classList.add("pointer"));
    this.renderer.on("leaveNode", () => container.classList.remove("pointer"));
  }

  /** Replace the drawing with a subgraph from the API. */
  setData(subgraph, level) {
    this.layout.stop();
    if (this.level && this.level !== level) this.positions.clear();
    this.level = level;
    this.graph.clear();
    const size = scaleSizes(subgraph.nodes);
    for (const n of subgraph.nodes) {
      this.graph.addNode(n.id, { ...n, metric: n.size, size: size(n.size), label: n.label, x: 0, y: 0 });
    }
    for (const e of subgraph.edges) {
      if (!this.graph.hasNode(e.source) || !this.graph.hasNode(e.target)) continue;
      this.graph.addEdgeWithKey(e.id, e.source, e.target, { ...e, size: 0.6 + Math.min(e.weight || 1, 4) * 0.3 });
    }
    seedPositions(this.graph, this.positions);
    this.selected = null;
    this.focus = null;
    this.searchHits = new Set();
    this.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.renderer.refresh();
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
  }

  select(node) {
    this.selected = node && this.graph.hasNode(node) ? node : null;
    this.renderer.refresh({ skipIndexation: true });
  }

  setSearchHits(ids) {
    this.searchHits = new Set(ids);
    this.renderer.refresh({ skipIndexation: true });
  }

  /** Pathway overlay: extra edges for the hand-offs between steps' teams, red when no working tie. */
  setOverlay(pairs) {
    const old = this.graph.filterEdges((_, a) => a.overlay);
    if (!old.length && !pairs.length) return [];
    old.forEach((e) => this.graph.dropEdge(e));
    const drawn = [];
    for (const { from, to, broken } of pairs) {
      if (!this.graph.hasNode(from) || !this.graph.hasNode(to) || from === to) continue;
      const key = `overlay:${from}:${to}`;
      if (this.graph.hasEdge(key)) continue;
      this.graph.addEdgeWithKey(key, from, to, { overlay: true, broken, size: broken ? 4 : 2.5, zIndex: 2 });
      drawn.push({ key, from, to, broken });
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
      colour: this.graph.getEdgeAttribute(e, "broken") ? BROKEN : WORKING,
    }));
  }

  colourOf(attrs) {
    return this.colourBy === "community" ? communityColour(attrs.community) : sectorColour(attrs.sector);
  }

  reduceNode(node, data) {
    const res = { ...data, color: this.colourOf(data) };
    const sel = this.selected;
    const inFocus = this.focus ? this.focus.nodes.has(node) : true;
    const near = sel ? node === sel || this.graph.areNeighbors(node, sel) : true;
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
      if (this.focus && this.focus.nodes.size <= 60) res.forceLabel = true;
    }
    return res;
  }

  reduceEdge(edge, data) {
    if (data.overlay) return { ...data, color: data.broken ? BROKEN : WORKING, zIndex: 3 };
    if (this.layout.hidingEdges) return { ...data, hidden: true };
    const res = { ...data, color: EDGE, zIndex: 0 };
    const sel = this.selected;
    if (sel) {
      const touches = this.graph.hasExtremity(edge, sel);
      res.color = touches ? HIGHLIGHT_EDGE : EDGE_DIM;
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
