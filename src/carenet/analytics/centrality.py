"""Betweenness centrality: exact on small graphs, sampled with k pivots on large ones.

The shortest-path counting runs on igraph; pivots, rescaling and normalisation
follow ``networkx.betweenness_centrality`` exactly, so for the same ``seed`` the
sampled result equals networkx's ``betweenness_centrality(G, k=k, seed=seed)``.
"""

from __future__ import annotations

import gc
import math
import os
import random
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any

import igraph as ig
import networkx as nx
import numpy as np

from carenet.analytics._igraph import converted

__all__ = ["Betweenness", "betweenness"]

DEFAULT_K = 64

# Set in the parent just before forking workers, read by them: the graph is
# inherited through fork instead of being pickled.
_SHARED: tuple[ig.Graph, list[float] | None, bool] | None = None


@dataclass(frozen=True)
class Betweenness:
    """Betweenness per node; ``method`` is ``"exact"`` or ``"sampled"`` (then ``k`` pivots)."""

    values: dict[Any, float]
    method: str
    k: int | None
    normalized: bool
    directed: bool

    def top(self, n: int = 10) -> list[tuple[Any, float]]:
        """The ``n`` nodes with the highest values, highest first (ties in graph order)."""
        return sorted(self.values.items(), key=lambda kv: -kv[1])[:n]

    def to_dict(self, *, limit: int | None = None) -> dict[str, Any]:
        top = self.top(limit if limit is not None else len(self.values))
        return {
            "method": self.method,
            "k": self.k,
            "normalized": self.normalized,
            "directed": self.directed,
            "top": [{"node": v, "betweenness": b} for v, b in top],
        }


def _partial(sources: list[int]) -> np.ndarray:
    assert _SHARED is not None
    g, w, directed = _SHARED
    return np.asarray(g.betweenness(directed=directed, weights=w, sources=sources))


def _raw(g: ig.Graph, w: list[float] | None, directed: bool, sources: list[int] | None, processes: int) -> np.ndarray:
    """Ordered-pair dependency sums, as networkx accumulates them before rescaling."""
    global _SHARED
    if sources is None:
        raw = np.asarray(g.betweenness(directed=directed, weights=w))
    elif processes <= 1 or len(sources) < 2 * processes or os.name != "posix":
        raw = np.asarray(g.betweenness(directed=directed, weights=w, sources=sources))
    else:
        chunks = [sources[i::processes] for i in range(processes)]
        _SHARED = (g, w, directed)
        # Without freezing, the children's garbage collector walks (and so copies,
        # page by page) every Python object of the parent, e.g. a whole networkx graph.
        gc.freeze()
        try:
            with ProcessPoolExecutor(processes, mp_context=get_context("fork")) as pool:
                raw = np.sum(list(pool.map(_partial, chunks)), axis=0)
        finally:
            _SHARED = None
            gc.unfreeze()
    # igraph counts each unordered pair once on an undirected graph; networkx
    # accumulates ordered pairs and halves later.
    return raw if directed else 2.0 * raw


def betweenness(
    G: nx.Graph,
    *,
    normalized: bool = True,
    weight: str | None = None,
    exact_max_nodes: int = 5000,
    k: int | None = None,
    seed: int | None = None,
    processes: int = 1,
) -> Betweenness:
    r"""Betweenness centrality: the share of shortest paths between other nodes through a node.

    .. math::

        c_B(v) = \sum_{s \ne v \ne t} \frac{\sigma(s, t \mid v)}{\sigma(s, t)}

    where :math:`\sigma(s,t)` counts shortest :math:`s`-:math:`t` paths and
    :math:`\sigma(s,t \mid v)` those through :math:`v`. Normalised values divide by
    the number of ordered pairs :math:`(n-1)(n-2)` (undirected graphs: unordered pairs),
    as networkx does; endpoints are not counted.

    Exact when ``G`` has at most ``exact_max_nodes`` nodes and ``k`` is None.
    Otherwise only paths from ``k`` pivots (default ``min(64, n)``) are counted and rescaled
    like ``networkx.betweenness_centrality(k=...)``; pivots are
    ``random.Random(seed).sample(list(G), k)``, networkx's choice for the same seed.

    Parameters
    ----------
    G : nx.Graph or nx.DiGraph
        DiGraph: directed paths. Disconnected graphs: pairs without a path add nothing.
        Self-loops and parallel reciprocated arcs do not change paths.
    weight : str or None
        Edge attribute read as a *distance* (Dijkstra). Tie strength is not a
        distance: leave None unless the attribute is a length or cost.
    processes : int
        Split the pivots over this many forked processes (POSIX only). Pays off
        only on large graphs; see ``benchmarks/analytics.py``.

    References
    ----------
    .. [1] Brandes, U. (2001). A faster algorithm for betweenness centrality.
       *Journal of Mathematical Sociology* 25(2), 163-177.
       https://doi.org/10.1080/0022250X.2001.9990249
    .. [2] Brandes, U. & Pich, C. (2007). Centrality estimation in large networks.
       *Int. J. Bifurcation and Chaos* 17(7), 2303-2318.
       https://doi.org/10.1142/S0218127407018403
    """
    conv = converted(G)
    n, directed = conv.n, conv.directed
    if k is None and n > exact_max_nodes:
        k = min(DEFAULT_K, n)
    if k is not None and not 0 < k <= n:
        raise ValueError(f"k must be between 1 and the number of nodes ({n}), got {k}")
    if k == n:
        k = None
    g = conv.igraph(directed)
    w = conv.igraph_weights(directed, weight)
    pivots = None
    if k is not None:
        pivots = [conv.index[v] for v in random.Random(seed).sample(conv.nodes, k)]
    raw = _raw(g, w, directed, pivots, processes) if n else np.zeros(0)

    N = n - 1
    if N >= 2:
        correction = 1 if directed else 2
        if k is None:
            raw = raw * (1 / (N * (N - 1)) if normalized else 1 / correction)
        else:
            if normalized:
                s_src = 1 / ((k - 1) * (N - 1)) if k > 1 else math.nan
                s_other = 1 / (k * (N - 1))
            else:
                s_src = N / ((k - 1) * correction) if k > 1 else math.nan
                s_other = N / (k * correction)
            scale = np.full(n, s_other)
            scale[pivots] = s_src
            raw = raw * scale
    values = dict(zip(conv.nodes, raw.tolist()))
    return Betweenness(values, "exact" if k is None else "sampled", k, normalized, directed)
