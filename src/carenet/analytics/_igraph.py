"""Convert a networkx graph to numpy edge arrays and igraph, once per graph.

Every heavy kernel in :mod:`carenet.analytics` works on integer node indices.
:func:`converted` turns ``G`` into a :class:`Converted` (node list, index map,
arc arrays) and builds igraph graphs and per-attribute arrays from it lazily.

Caching
-------
A conversion is reused, not rebuilt, when either

* the caller has set ``G.graph["version"]`` (any hashable): the conversion is
  kept, in a weak-keyed cache outside ``G.graph``, until the version changes.
  Whoever mutates a versioned graph must change its version; or
* the call happens inside ``with reuse_conversion(G):``, which promises that
  ``G`` does not change inside the block. The report functions use it.

Otherwise every call converts afresh, so an unversioned graph mutated between
calls never gives stale answers. As a guard the cache is also dropped when the
node or edge count changed.
"""

from __future__ import annotations

import weakref
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from itertools import chain
from typing import Any

import igraph as ig
import networkx as nx
import numpy as np

__all__ = ["Converted", "converted", "reuse_conversion"]

_CACHE: weakref.WeakKeyDictionary[Any, tuple[Hashable, int, int, Converted]] = weakref.WeakKeyDictionary()
_PINS: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()


class Converted:
    """Integer-indexed view of a networkx graph.

    Attributes
    ----------
    nodes : list
        ``nodes[i]`` is the node id of index ``i`` (the order of ``list(G)``).
    index : dict
        Node id to index.
    src, dst : numpy.ndarray of int64
        One entry per edge of ``G`` (each undirected edge once), self-loops included.
    directed : bool
        Whether ``G`` is directed.
    """

    def __init__(self, G: nx.Graph) -> None:
        self.graph = weakref.ref(G)
        self.directed = G.is_directed()
        self.nodes = list(G)
        self.n = len(self.nodes)
        self.index = {v: i for i, v in enumerate(self.nodes)}
        adj = G.succ if self.directed else G.adj
        degrees = np.fromiter((len(nbrs) for nbrs in adj.values()), np.int64, self.n)
        total = int(degrees.sum())
        src = np.repeat(np.arange(self.n, dtype=np.int64), degrees)
        dst = np.fromiter(map(self.index.__getitem__, chain.from_iterable(adj.values())), np.int64, total)
        # undirected adjacency lists each edge twice: keep the copy with src <= dst
        self._keep = None if self.directed else src <= dst
        self.src = src if self._keep is None else src[self._keep]
        self.dst = dst if self._keep is None else dst[self._keep]
        self.m = len(self.src)
        self._memo: dict[Hashable, Any] = {}

    def _graph(self) -> nx.Graph:
        G = self.graph()
        if G is None:  # pragma: no cover - the caller holds G while using this
            raise RuntimeError("the graph of this conversion has been garbage-collected")
        return G

    def _memoised(self, key: Hashable, build: Any) -> Any:
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    def weights(self, attr: str | None) -> np.ndarray:
        """Edge weights aligned with ``src``/``dst`` (1.0 where missing or ``attr`` is None)."""

        def build() -> np.ndarray:
            if attr is None:
                return np.ones(self.m)
            G = self._graph()
            adj = G.succ if self.directed else G.adj
            try:  # None becomes NaN in a float array and means "missing": 1.0
                w = np.array([d.get(attr) for nbrs in adj.values() for d in nbrs.values()], dtype=np.float64)
            except (TypeError, ValueError):
                raise ValueError(f"edge attribute {attr!r} must be numeric") from None
            w[np.isnan(w)] = 1.0
            w = w if self._keep is None else w[self._keep]
            if (w < 0).any() or not np.isfinite(w).all():
                raise ValueError(f"edge attribute {attr!r} must be finite and >= 0")
            return w

        return self._memoised(("weights", attr), build)

    def undirected(self, attr: str | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Unique undirected pairs ``lo < hi`` without self-loops, and summed weights.

        A reciprocated pair of arcs becomes one pair whose weight is the sum of both.
        """

        def build() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            lo = np.minimum(self.src, self.dst)
            hi = np.maximum(self.src, self.dst)
            loop = lo == hi
            key = lo[~loop] * self.n + hi[~loop]
            uniq, inverse = np.unique(key, return_inverse=True)
            w = np.bincount(inverse, weights=self.weights(attr)[~loop], minlength=len(uniq))
            return uniq // self.n, uniq % self.n, w

        return self._memoised(("undirected", attr), build)

    def igraph(self, directed: bool) -> ig.Graph:
        """igraph graph with the same vertex order; undirected means simple and symmetrised."""

        def build() -> ig.Graph:
            # a list of int pairs builds several times faster than a numpy array
            if directed and self.directed:
                loop = self.src == self.dst
                edges = zip(self.src[~loop].tolist(), self.dst[~loop].tolist())
                return ig.Graph(n=self.n, edges=list(edges), directed=True)
            lo, hi, _ = self.undirected(None)
            return ig.Graph(n=self.n, edges=list(zip(lo.tolist(), hi.tolist())), directed=False)

        return self._memoised(("igraph", directed and self.directed), build)

    def igraph_weights(self, directed: bool, attr: str | None) -> list[float] | None:
        """Edge weights aligned with :meth:`igraph` (reciprocated arcs summed if undirected)."""
        if attr is None:
            return None
        if directed and self.directed:
            loop = self.src == self.dst
            return self._memoised(("igw", True, attr), lambda: self.weights(attr)[~loop].tolist())
        return self._memoised(("igw", False, attr), lambda: self.undirected(attr)[2].tolist())

    def codes(self, attr: str) -> tuple[np.ndarray, list[Any]]:
        """Integer code per node for a node attribute (-1 where missing or None), and the values."""

        def build() -> tuple[np.ndarray, list[Any]]:
            G = self._graph()
            values: dict[Any, int] = {}
            raw = [G.nodes[v].get(attr) for v in self.nodes]
            for x in raw:
                if x is not None and x not in values:
                    values[x] = len(values)
            ordered = sorted(values, key=str)
            remap = {x: i for i, x in enumerate(ordered)}
            codes = np.fromiter((-1 if x is None else remap[x] for x in raw), np.int64, self.n)
            return codes, ordered

        return self._memoised(("codes", attr), build)


def converted(G: nx.Graph) -> Converted:
    """Return the (possibly cached) integer-indexed conversion of ``G``."""
    version = G.graph.get("version")
    n, m = G.number_of_nodes(), G.number_of_edges()
    hit = _CACHE.get(G)
    if hit is not None:
        cached_version, cn, cm, conv = hit
        usable = version is not None or _PINS.get(G, 0) > 0
        if usable and cached_version == version and (cn, cm) == (n, m):
            return conv
    conv = Converted(G)
    if version is not None or _PINS.get(G, 0) > 0:
        _CACHE[G] = (version, n, m, conv)
    return conv


@contextmanager
def reuse_conversion(G: nx.Graph) -> Iterator[nx.Graph]:
    """Reuse one conversion of ``G`` for every analytics call inside the block.

    The caller promises not to mutate ``G`` inside the block. Blocks nest.
    """
    _PINS[G] = _PINS.get(G, 0) + 1
    try:
        yield G
    finally:
        _PINS[G] -= 1
        if _PINS[G] == 0:
            del _PINS[G]
            hit = _CACHE.get(G)
            if hit is not None and G.graph.get("version") is None:
                del _CACHE[G]
