"""Fragility: cut points, bridges, global efficiency and the impact of a departure.

Everything here is undirected by nature: a DiGraph is read as its undirected
version (a tie in either direction connects), components are weak components,
and distances ignore direction. Self-loops are ignored. Kernels run on igraph.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

import igraph as ig
import networkx as nx
import numpy as np

from carenet.analytics._igraph import converted

__all__ = [
    "Efficiency",
    "DepartureImpact",
    "articulation_points",
    "bridges",
    "global_efficiency",
    "departure_impact",
]


@dataclass(frozen=True)
class Efficiency:
    """Global efficiency; ``method`` is ``"exact"`` or ``"sampled"`` (then ``k`` sources)."""

    value: float
    method: str
    k: int | None


@dataclass(frozen=True)
class DepartureImpact:
    """What removing ``removed`` does to connectivity (see :func:`departure_impact`)."""

    removed: list[Any]
    components_before: int
    components_after: int
    components_split: int
    pairs_disconnected: int
    largest_component_before: int
    largest_component_after: int
    efficiency_before: float | None
    efficiency_after: float | None
    efficiency_change: float | None
    efficiency_method: str | None
    k: int | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def articulation_points(G: nx.Graph) -> list[Any]:
    """Nodes whose removal disconnects their component (cut points), in graph order.

    A DiGraph is read as undirected. Matches ``networkx.articulation_points`` as a set.

    References
    ----------
    .. [1] Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for
       graph manipulation. *Communications of the ACM* 16(6), 372-378.
       https://doi.org/10.1145/362248.362272
    """
    conv = converted(G)
    return [conv.nodes[i] for i in sorted(conv.igraph(directed=False).articulation_points())]


def bridges(G: nx.Graph) -> list[tuple[Any, Any]]:
    """Ties whose removal disconnects their component, each as ``(u, v)`` in graph order.

    A DiGraph is read as undirected: a reciprocated pair is one tie, and it is a
    bridge if dropping both arcs disconnects. Matches ``networkx.bridges``.

    References
    ----------
    .. [1] Tarjan, R. E. (1974). A note on finding the bridges of a graph.
       *Information Processing Letters* 2(6), 160-161.
       https://doi.org/10.1016/0020-0190(74)90003-9
    """
    conv = converted(G)
    g = conv.igraph(directed=False)
    pairs = sorted(g.es[e].tuple for e in g.bridges())
    return [(conv.nodes[a], conv.nodes[b]) for a, b in pairs]


def _efficiency(g: ig.Graph, sources: list[int] | None) -> float:
    n = g.vcount()
    if n < 2:
        return 0.0
    h = g.harmonic_centrality(vertices=sources, mode="all", normalized=True)
    return float(np.mean(h))


def global_efficiency(
    G: nx.Graph, *, exact_max_nodes: int = 2000, k: int = 64, seed: int | None = None
) -> Efficiency:
    r"""Global efficiency: the mean inverse distance over all ordered pairs of nodes.

    .. math::

        E(G) = \frac{1}{n(n-1)} \sum_{i \ne j} \frac{1}{d(i, j)}

    A pair without a path adds 0, so disconnected graphs are handled. Exact up
    to ``exact_max_nodes`` nodes (one BFS per node); above that the mean over
    ``k`` random sources (``random.Random(seed)``) of their mean inverse
    distance, an unbiased estimate. Unweighted; a DiGraph is read as undirected,
    as ``networkx.global_efficiency`` requires.

    References
    ----------
    .. [1] Latora, V. & Marchiori, M. (2001). Efficient behavior of small-world
       networks. *Physical Review Letters* 87(19), 198701.
       https://doi.org/10.1103/PhysRevLett.87.198701
    """
    conv = converted(G)
    g = conv.igraph(directed=False)
    if conv.n <= exact_max_nodes or k >= conv.n:
        return Efficiency(_efficiency(g, None), "exact", None)
    sources = sorted(random.Random(seed).sample(range(conv.n), k))
    return Efficiency(_efficiency(g, sources), "sampled", k)


def _pairs(sizes: np.ndarray) -> int:
    sizes = sizes.astype(np.int64)
    return int((sizes * (sizes - 1) // 2).sum())


def departure_impact(
    G: nx.Graph,
    nodes: Iterable[Any],
    *,
    efficiency: bool = True,
    exact_max_nodes: int = 2000,
    k: int = 32,
    seed: int | None = None,
) -> DepartureImpact:
    r"""Effect on connectivity of removing one or more nodes (a person or team leaving).

    Reports the number of (weak) components before and after, how many of the
    components that held a removed node fall apart into two or more pieces
    (``components_split``), and the pairs of remaining nodes that could reach each
    other before and cannot after:

    .. math::

        \sum_{C} \binom{|C \setminus R|}{2} - \sum_{C'} \binom{|C'|}{2}

    over components :math:`C` before and :math:`C'` after removing :math:`R`.
    With ``efficiency`` it also gives :func:`global_efficiency` before and after:
    exact up to ``exact_max_nodes`` nodes, otherwise estimated from the same ``k``
    sources before and after, drawn among the nodes that remain, so the change is
    a paired estimate. A DiGraph is read as undirected.

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social
       network. *Computational & Mathematical Organization Theory* 12(1), 21-34.
       https://doi.org/10.1007/s10588-006-7084-x
    """
    conv = converted(G)
    removed = list(dict.fromkeys(nodes))
    missing = [v for v in removed if v not in conv.index]
    if missing:
        raise KeyError(f"nodes not in the graph: {missing[:5]}")
    ridx = np.array(sorted(conv.index[v] for v in removed), dtype=np.int64)
    g = conv.igraph(directed=False)
    before = np.asarray(g.connected_components().membership)
    keep = np.setdiff1d(np.arange(conv.n), ridx)
    h = g.induced_subgraph(keep.tolist(), implementation="create_from_scratch")
    after = np.asarray(h.connected_components().membership) if len(keep) else np.zeros(0, int)

    sizes_before = np.bincount(before)
    remaining = np.bincount(before[keep], minlength=len(sizes_before))
    sizes_after = np.bincount(after) if len(after) else np.zeros(0, int)
    touched = np.unique(before[ridx])
    # pieces per original component = distinct new components among its survivors
    width = len(sizes_after) + 1
    pair = np.unique(before[keep] * width + after)
    per_old = np.bincount(pair // width, minlength=len(sizes_before))
    split = int((per_old[touched] >= 2).sum())

    eff_before = eff_after = change = None
    method = kk = None
    if efficiency:
        if conv.n <= exact_max_nodes or k >= conv.n:
            eff_before, eff_after, method = _efficiency(g, None), _efficiency(h, None), "exact"
        else:
            picks = sorted(random.Random(seed).sample(range(len(keep)), min(k, len(keep))))
            eff_before = _efficiency(g, keep[picks].tolist())
            eff_after = _efficiency(h, picks)
            method, kk = "sampled", k
        change = eff_after - eff_before
    return DepartureImpact(
        removed=removed,
        components_before=len(sizes_before),
        components_after=len(sizes_after),
        components_split=split,
        pairs_disconnected=_pairs(remaining) - _pairs(sizes_after),
        largest_component_before=int(sizes_before.max()) if len(sizes_before) else 0,
        largest_component_after=int(sizes_after.max()) if len(sizes_after) else 0,
        efficiency_before=eff_before,
        efficiency_after=eff_after,
        efficiency_change=change,
        efficiency_method=method,
        k=kk,
    )
