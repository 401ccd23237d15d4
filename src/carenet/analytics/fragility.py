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


def _pair_efficiency(g: ig.Graph, sources: list[int], targets: list[int]) -> float:
    """Mean of 1/d(s, t) over the ordered pairs of ``sources`` x ``targets`` with s != t (0 where
    no path); ``sources`` must be among ``targets``."""
    pairs = len(sources) * (len(targets) - 1)
    if pairs <= 0:
        return 0.0
    d = np.asarray(g.distances(source=sources, target=targets), dtype=float)
    inverse = np.divide(1.0, d, out=np.zeros_like(d), where=np.isfinite(d) & (d > 0))
    return float(inverse.sum() / pairs)


def global_efficiency(G: nx.Graph, *, exact_max_nodes: int = 2000, k: int = 64, seed: int | None = None) -> Efficiency:
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


def _baseline(conv: Any, exact: bool, k: int, seed: int | None) -> tuple[np.ndarray, Any]:
    """Components and per-source harmonic values of the intact graph, memoised per conversion."""

    def build() -> tuple[np.ndarray, Any]:
        g = conv.igraph(directed=False)
        membership = np.asarray(g.connected_components().membership, dtype=np.int64)
        if exact:
            return membership, None
        sources = np.array(sorted(random.Random(seed).sample(range(conv.n), k)), dtype=np.int64)
        values = np.asarray(g.harmonic_centrality(vertices=sources.tolist(), mode="all", normalized=True))
        return membership, (sources, values)

    return conv._memoised(("departure_baseline", exact, k, seed), build)


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
    With ``efficiency`` it also gives the efficiency of the remaining nodes before
    and after, both over the same pairs, the ordered pairs of nodes that remain
    (:math:`S = V \setminus R`, :math:`m = |S|`):

    .. math::

        E_S(G) = \frac{1}{m(m-1)} \sum_{i \ne j \in S} \frac{1}{d_G(i, j)}, \qquad
        \Delta E = E_S(G - R) - E_S(G) \le 0

    so a departure never shows as a gain (the leaver's own pairs are in neither
    figure; Borgatti's fragmentation view). Exact up to ``exact_max_nodes`` nodes;
    above that both are the mean over the same ``k`` random sources
    (``random.Random(seed)``, removed nodes dropped), so the change is a paired
    estimate. The intact graph's components and source
    values are computed once per conversion of ``G`` and reused by later calls
    (see :func:`~carenet.analytics.reuse_conversion`). A DiGraph is read as undirected.

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
    exact = conv.n <= exact_max_nodes or k >= conv.n
    before, sampled = _baseline(conv, exact, k, seed)
    g = conv.igraph(directed=False)
    h = g.copy()
    h.delete_vertices(ridx.tolist())  # survivors keep their order: new id = rank in keep
    keep = np.setdiff1d(np.arange(conv.n), ridx)
    after = np.asarray(h.connected_components().membership, dtype=np.int64)

    sizes_before = np.bincount(before)
    remaining = np.bincount(before[keep], minlength=len(sizes_before))
    sizes_after = np.bincount(after) if len(after) else np.zeros(0, np.int64)
    touched = np.unique(before[ridx])
    # pieces per original component = distinct new components among its survivors
    width = len(sizes_after) + 1
    pieces = np.bincount(np.unique(before[keep] * width + after) // width, minlength=len(sizes_before))
    split = int((pieces[touched] >= 2).sum())

    eff_before = eff_after = change = None
    method = kk = None
    if efficiency:
        survivors = keep.tolist()
        if exact:
            method, chosen = "exact", survivors
        else:
            sources, _ = sampled
            method, kk, chosen = "sampled", k, sources[~np.isin(sources, ridx)].tolist()
        if chosen:
            eff_before = _pair_efficiency(g, chosen, survivors)
            eff_after = _pair_efficiency(h, np.searchsorted(keep, chosen).tolist(), list(range(len(keep))))
        if eff_before is not None and eff_after is not None:
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
