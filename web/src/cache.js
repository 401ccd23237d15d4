// Layouts kept in the browser per graph version: a view drawn once is not laid out again on the
// next visit until the graph changes. One entry per view and filter; older versions are dropped.

const PREFIX = "carenet.layout.v1:";

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function layoutKey(state) {
  const { view, level, system, place, wave, sectors, levels, pathway } = state;
  return JSON.stringify({ view, level, system, place, wave, sectors, levels, pathway });
}

/** Positions {id: [x, y]} saved for this view at this graph version, or null. */
export function loadLayout(key, version) {
  const store = storage();
  if (!store) return null;
  try {
    const saved = JSON.parse(store.getItem(PREFIX + key) || "null");
    return saved && saved.version === version ? saved.positions : null;
  } catch {
    return null;
  }
}

export function saveLayout(key, version, graph) {
  const store = storage();
  if (!store) return false;
  const positions = {};
  graph.forEachNode((node, a) => { positions[node] = [Math.round(a.x * 100) / 100, Math.round(a.y * 100) / 100]; });
  try {
    store.setItem(PREFIX + key, JSON.stringify({ version, positions }));
    return true;
  } catch {
    // full: drop every saved layout and keep this one
    for (const k of Object.keys(store)) if (k.startsWith(PREFIX)) store.removeItem(k);
    try {
      store.setItem(PREFIX + key, JSON.stringify({ version, positions }));
      return true;
    } catch {
      return false;
    }
  }
}
