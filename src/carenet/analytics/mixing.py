"""Mixing between groups: tie counts and block densities, and the E-I index.

Groups are the values of a node attribute (``sector``, ``organisation``,
``place``, ...). Nodes whose attribute is missing or None belong to no group:
their ties are left out and counted in ``unassigned``. Self-loops are ignored.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx
import numpy as np

from carenet.analytics._igraph import converted

__all__ = [
    "MixingMatrix",
    "EIIndex",
    "mixing_matrix",
    "sector_mixing_matrix",
    "ei_index",
]


@dataclass(frozen=True)
class MixingMatrix:
    """Tie counts and block densities between the groups of one attribute.

    ``counts[i][j]`` and ``densities[i][j]`` refer to ``groups[i]`` and ``groups[j]``;
    ``densities`` holds None where a block has no possible pair.
    """

    attr: str
    directed: bool
    groups: list[Any]
    sizes: list[int]
    counts: list[list[float]]
    densities: list[list[float | None]]
    unassigned: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class EIIndex:
    """Krackhardt-Stern E-I index of a partition, whole network, per group and per node.

    ``groups`` maps a group to ``{"size", "internal", "external", "ei"}``;
    ``nodes`` maps a node to its E-I (None for a node without ties to grouped nodes).
    The ``p_lower``/``p_upper`` fields are None unless a permutation test was asked for.
    """

    attr: str
    index: float | None
    internal: float
    external: float
    expected: float | None
    minimum: float | None
    maximum: float | None
    rescaled: float | None
    groups: dict[Any, dict[str, Any]]
    nodes: dict[Any, float | None]
    permutations: int = 0
    p_lower: float | None = None
    p_upper: float | None = None
    permuted_mean: float | None = None
    permuted_sd: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["groups"] = {str(k): v for k, v in self.groups.items()}
        d["nodes"] = {str(k): v for k, v in self.nodes.items()}
        return d


def _grouped_arcs(G: nx.Graph, attr: str, weight: str | None):
    conv = converted(G)
    codes, groups = conv.codes(attr)
    s, t, w = conv.src, conv.dst, conv.weights(weight)
    keep = (s != t) & (codes[s] >= 0) & (codes[t] >= 0)
    return conv, codes, groups, s[keep], t[keep], w[keep]


def mixing_matrix(G: nx.Graph, attr: str = "sector", *, weight: str | None = None) -> MixingMatrix:
    r"""Tie counts and block densities between every pair of groups of ``attr``.

    The block density of groups :math:`g, h` is the share of possible ties present:

    .. math::

        d_{gh} = \frac{x_{gh}}{n_g n_h} \; (g \ne h), \qquad
        d_{gg} = \frac{x_{gg}}{n_g (n_g - 1)}

    for a DiGraph, where :math:`x_{gh}` counts ties from a member of :math:`g` to a
    member of :math:`h`. For an undirected graph the matrix is symmetric, :math:`x_{gh}`
    counts ties between the groups and :math:`d_{gg}` divides by :math:`n_g(n_g-1)/2`.

    Parameters
    ----------
    G : nx.Graph or nx.DiGraph
        Disconnected graphs need no special treatment.
    attr : str
        Node attribute naming the group.
    weight : str or None
        If given, :math:`x_{gh}` sums this edge attribute (missing = 1), and a
        density is the mean weight over possible pairs.

    References
    ----------
    .. [1] Wasserman, S. & Faust, K. (1994). *Social Network Analysis: Methods and
       Applications*, ch. 10 (blockmodels). Cambridge University Press.
       https://doi.org/10.1017/CBO9780511815478
    """
    conv, codes, groups, s, t, w = _grouped_arcs(G, attr, weight)
    k = len(groups)
    sizes = np.bincount(codes[codes >= 0], minlength=k)
    counts = np.bincount(codes[s] * k + codes[t], weights=w, minlength=k * k).reshape(k, k)
    possible = np.outer(sizes, sizes).astype(float)
    np.fill_diagonal(possible, sizes * (sizes - 1.0))
    if not conv.directed:
        diagonal = np.diag(counts).copy()
        counts = counts + counts.T
        np.fill_diagonal(counts, diagonal)
        np.fill_diagonal(possible, sizes * (sizes - 1.0) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        dens = np.where(possible > 0, counts / possible, np.nan)
    return MixingMatrix(
        attr=attr,
        directed=conv.directed,
        groups=list(groups),
        sizes=sizes.tolist(),
        counts=counts.tolist(),
        densities=[[None if np.isnan(x) else float(x) for x in row] for row in dens],
        unassigned=int((codes < 0).sum()),
    )


def sector_mixing_matrix(G: nx.Graph, *, weight: str | None = None) -> MixingMatrix:
    """:func:`mixing_matrix` over the ``sector`` node attribute."""
    return mixing_matrix(G, "sector", weight=weight)


def _ratio(e: float, i: float) -> float | None:
    return None if e + i == 0 else float((e - i) / (e + i))


def ei_index(
    G: nx.Graph,
    attr: str = "sector",
    *,
    weight: str | None = None,
    permutations: int = 0,
    seed: int | None = None,
) -> EIIndex:
    r"""Krackhardt-Stern E-I index: external minus internal ties over all ties.

    .. math::

        EI = \frac{E - I}{E + I}

    where :math:`E` counts ties between members of different groups and :math:`I`
    ties within a group. It runs from -1 (all ties internal: silos) to +1. The
    same ratio is given per group (ties with at least one end in the group) and
    per node (its incident ties, in and out).

    Group sizes alone restrict the range: with :math:`T` ties, :math:`P_I`
    possible internal and :math:`P_E` possible external pairs,
    ``maximum`` :math:`= (2\min(T, P_E) - T)/T`, ``minimum``
    :math:`= (T - 2\min(T, P_I))/T`, and ``rescaled`` maps ``index`` linearly from
    [minimum, maximum] onto [-1, 1]. ``expected`` :math:`=(P_E-P_I)/(P_E+P_I)` is the
    E-I of ties placed at random. The permutation test shuffles the attribute
    over nodes (group sizes kept, ties fixed) ``permutations`` times; ``p_lower``
    is the share of shuffles with an E-I at or below the observed one (small: a
    silo beyond what group sizes force), ``p_upper`` at or above, both as
    :math:`(1 + \#)/(1 + \text{permutations})`.

    Parameters
    ----------
    G : nx.Graph or nx.DiGraph
        In a DiGraph every arc counts once, so a reciprocated pair counts twice and
        :math:`P_I, P_E` count ordered pairs. Disconnected graphs need no special
        treatment.
    attr : str
        Node attribute naming the group; nodes without it are left out.
    weight : str or None
        If given, :math:`E` and :math:`I` sum this edge attribute. ``minimum``,
        ``maximum`` and ``rescaled`` are then None (they count ties).
    permutations : int
        Number of label shuffles (0: no test).
    seed : int or None
        Seed of the shuffles.

    References
    ----------
    .. [1] Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational
       crises: an experimental simulation. *Social Psychology Quarterly* 51(2), 123-140.
       https://doi.org/10.2307/2786835
    """
    conv, codes, groups, s, t, w = _grouped_arcs(G, attr, weight)
    k = len(groups)
    cs, ct = codes[s], codes[t]
    internal_mask = cs == ct
    I, E = float(w[internal_mask].sum()), float(w[~internal_mask].sum())  # noqa: E741 - Krackhardt and Stern's names
    sizes = np.bincount(codes[codes >= 0], minlength=k).astype(float)
    n = sizes.sum()
    p_int = float((sizes * (sizes - 1)).sum())
    p_ext = float(n * (n - 1) - p_int)
    if not conv.directed:
        p_int, p_ext = p_int / 2, p_ext / 2
    expected = _ratio(p_ext, p_int)
    minimum = maximum = rescaled = None
    index = _ratio(E, I)
    T = len(s)
    if weight is None and T > 0:
        maximum = (2 * min(T, p_ext) - T) / T
        minimum = (T - 2 * min(T, p_int)) / T
        if maximum > minimum:
            rescaled = 2 * (index - minimum) / (maximum - minimum) - 1

    gi = np.bincount(cs[internal_mask], weights=w[internal_mask], minlength=k)
    ext = ~internal_mask
    ge = np.bincount(cs[ext], weights=w[ext], minlength=k) + np.bincount(ct[ext], weights=w[ext], minlength=k)
    per_group = {
        g: {"size": int(sizes[j]), "internal": float(gi[j]), "external": float(ge[j]), "ei": _ratio(ge[j], gi[j])}
        for j, g in enumerate(groups)
    }
    ni = np.bincount(s[internal_mask], weights=w[internal_mask], minlength=conv.n)
    ni += np.bincount(t[internal_mask], weights=w[internal_mask], minlength=conv.n)
    ne = np.bincount(s[ext], weights=w[ext], minlength=conv.n)
    ne += np.bincount(t[ext], weights=w[ext], minlength=conv.n)
    per_node = {conv.nodes[i]: _ratio(ne[i], ni[i]) for i in np.flatnonzero(codes >= 0)}

    result = dict(
        attr=attr,
        index=index,
        internal=I,
        external=E,
        expected=expected,
        minimum=minimum,
        maximum=maximum,
        rescaled=rescaled,
        groups=per_group,
        nodes=per_node,
    )
    if permutations > 0 and index is not None:
        rng = np.random.default_rng(seed)
        assigned = np.flatnonzero(codes >= 0)
        shuffled = codes.astype(np.int16 if len(groups) < 2**15 else np.int32)
        labels = shuffled[assigned]
        s32, t32 = s.astype(np.int32), t.astype(np.int32)
        total = I + E
        sims = np.empty(permutations)
        for r in range(permutations):
            shuffled[assigned] = rng.permutation(labels)
            same = shuffled[s32] == shuffled[t32]
            inside = float(np.count_nonzero(same)) if weight is None else float(w[same].sum())
            sims[r] = (total - 2 * inside) / total
        eps = 1e-12  # ties in floating point count as equal
        result.update(
            permutations=permutations,
            p_lower=float((1 + (sims <= index + eps).sum()) / (1 + permutations)),
            p_upper=float((1 + (sims >= index - eps).sum()) / (1 + permutations)),
            permuted_mean=float(sims.mean()),
            permuted_sd=float(sims.std(ddof=1)) if permutations > 1 else 0.0,
        )
    return EIIndex(**result)
