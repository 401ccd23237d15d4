r"""Burt's structural holes: constraint and effective size, sparse and per node.

Both measures read ties as undirected *mutual weights*
:math:`a_{uv} = w_{uv} + w_{vu}` (the sum over both directions; one tie of
weight :math:`w` in an undirected graph), with the proportional strength
:math:`p_{uv} = a_{uv} / \sum_k a_{uk}` and the strength relative to the
strongest tie :math:`m_{uv} = a_{uv} / \max_k a_{uk}`. The sums over third
parties only run over triangles, so the work is one pass over the triangles of
the graph (listed by igraph) with numpy arrays: no :math:`n \times n` matrix is
ever built.

networkx's all-nodes path for ``effective_size`` divides by the wrong row's
maximum (networkx PR #8906), so it is wrong on weighted graphs and on directed
graphs with reciprocated ties; its per-node path (``nodes=list(G)``) agrees
with this module. Self-loops and ties of weight 0 are ignored; nodes without
another neighbour get NaN, as in networkx.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np

from carenet.analytics._igraph import Converted, converted
from carenet.analytics._keys import KeyIndex

__all__ = ["StructuralHoles", "constraint", "effective_size", "structural_hole_measures"]


@dataclass(frozen=True)
class StructuralHoles:
    """Constraint, effective size and efficiency (effective size / number of contacts) per node."""

    constraint: dict[Any, float]
    effective_size: dict[Any, float]
    efficiency: dict[Any, float]


def _triangles(conv: Converted, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Every triangle once, as rows (x, y, z, xy, xz, yz): three nodes and three edge ids.

    Triangles are listed by igraph; edge ids index ``lo``/``hi``. Triangles using
    a tie that is not in ``lo``/``hi`` (weight 0) are dropped.
    """
    tri = np.array(conv.igraph(directed=False).list_triangles(), dtype=np.int64)
    if len(tri) == 0:
        return np.zeros((0, 6), np.int64)
    n = conv.n
    x, y, z = tri.T
    edges = KeyIndex(lo * n + hi)

    def edge(u: np.ndarray, v: np.ndarray) -> np.ndarray:
        return edges.find(np.minimum(u, v) * n + np.maximum(u, v))

    exy, exz, eyz = edge(x, y), edge(x, z), edge(y, z)
    ok = (exy >= 0) & (exz >= 0) & (eyz >= 0)
    return np.column_stack([x, y, z, exy, exz, eyz])[ok]


def _compute(G: nx.Graph, weight: str | None) -> tuple[list[Any], np.ndarray, np.ndarray, np.ndarray]:
    conv = converted(G)
    n = conv.n
    lo, hi, a = conv.undirected(weight)
    nz = a > 0
    lo, hi, a = lo[nz], hi[nz], a[nz]
    E = len(lo)
    u = np.concatenate([lo, hi])  # entry e: lo -> hi; entry e + E: hi -> lo
    aa = np.concatenate([a, a])
    deg = np.bincount(u, minlength=n)
    total = np.bincount(u, weights=aa, minlength=n)
    strongest = np.zeros(n)
    if E:
        by_u = np.argsort(u, kind="stable")
        starts = np.flatnonzero(np.r_[True, np.diff(u[by_u]) != 0])
        strongest[u[by_u][starts]] = np.maximum.reduceat(aa[by_u], starts)
    p = aa / total[u] if E else aa
    m = aa / strongest[u] if E else aa

    tri = _triangles(conv, lo, hi)
    indirect = np.zeros(2 * E)
    redundancy = np.zeros(2 * E)
    if len(tri):
        x, y, z, exy, exz, eyz = tri.T
        edge = {(0, 1): exy, (0, 2): exz, (1, 2): eyz}
        names = (x, y, z)

        def entry(i: int, j: int) -> np.ndarray:
            e = edge[(min(i, j), max(i, j))]
            return e + E * (lo[e] != names[i])

        for i, j, k in ((0, 1, 2), (1, 0, 2), (0, 2, 1), (2, 0, 1), (1, 2, 0), (2, 1, 0)):
            uv, uw, wv, vw = entry(i, j), entry(i, k), entry(k, j), entry(j, k)
            indirect += np.bincount(uv, weights=p[uw] * p[wv], minlength=2 * E)
            redundancy += np.bincount(uv, weights=p[uw] * m[vw], minlength=2 * E)

    # float throughout: np.bincount of an empty array gives integers, which cannot hold NaN
    c = np.bincount(u, weights=(p + indirect) ** 2, minlength=n).astype(float)
    esize = deg - np.bincount(u, weights=redundancy, minlength=n).astype(float)
    isolated = deg == 0
    c[isolated] = np.nan
    esize = esize.astype(float)
    esize[isolated] = np.nan
    return conv.nodes, c, esize, deg


def structural_hole_measures(G: nx.Graph, *, weight: str | None = None) -> StructuralHoles:
    r"""Burt's constraint, effective size and efficiency of every node.

    .. math::

        c(u) = \sum_{v \in N(u)} \Big(p_{uv} + \sum_{w \in N(u)} p_{uw} p_{wv}\Big)^2,
        \qquad
        e(u) = \sum_{v \in N(u)} \Big(1 - \sum_{w \in N(u)} p_{uw} m_{vw}\Big)

    with :math:`N(u)` the contacts of :math:`u` in either direction. Efficiency is
    :math:`e(u)/|N(u)|`. Unweighted and undirected, :math:`e(u) = n - 2t/n`
    (Borgatti) with :math:`n` contacts and :math:`t` ties among them.

    Parameters
    ----------
    G : nx.Graph or nx.DiGraph
        Direction only matters through mutual weights (a reciprocated tie weighs
        the sum of both arcs). Each node depends only on its own neighbourhood,
        so disconnected graphs need nothing special; isolated nodes get NaN.
    weight : str or None
        Edge attribute of tie strength (missing = 1); None counts every tie as 1.

    References
    ----------
    .. [1] Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition.*
       Harvard University Press. https://doi.org/10.4159/9780674029095
    .. [2] Burt, R. S. (2004). Structural holes and good ideas. *American Journal of
       Sociology* 110(2), 349-399. https://doi.org/10.1086/421787
    .. [3] Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy
       measures. *Connections* 20(1), 35-38.
    """
    nodes, c, esize, deg = _compute(G, weight)
    with np.errstate(divide="ignore", invalid="ignore"):
        eff = esize / deg
    return StructuralHoles(
        dict(zip(nodes, c.tolist())),
        dict(zip(nodes, esize.tolist())),
        dict(zip(nodes, eff.tolist())),
    )


def constraint(G: nx.Graph, *, weight: str | None = None) -> dict[Any, float]:
    """Burt's constraint per node; see :func:`structural_hole_measures`."""
    nodes, c, _, _ = _compute(G, weight)
    return dict(zip(nodes, c.tolist()))


def effective_size(G: nx.Graph, *, weight: str | None = None) -> dict[Any, float]:
    """Burt's effective size per node; see :func:`structural_hole_measures`."""
    nodes, _, esize, _ = _compute(G, weight)
    return dict(zip(nodes, esize.tolist()))
