"""Gould-Fernandez brokerage roles between the groups of a node attribute."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np

from carenet.analytics._igraph import converted
from carenet.analytics._keys import KeyIndex

__all__ = ["ROLES", "Brokerage", "brokerage_roles"]

ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")

_WEDGES_PER_CHUNK = 8_000_000
# (g(a) == g(b)) * 4 + (g(b) == g(c)) * 2 + (g(a) == g(c)) -> index into ROLES;
# the patterns with exactly two equalities cannot occur.
_ROLE_OF_PATTERN = np.array([4, 1, 2, -1, 3, -1, -1, 0])


@dataclass(frozen=True)
class Brokerage:
    """Brokerage counts: ``roles[node][role]`` and ``totals[role]`` over :data:`ROLES`, and
    ``expected[node][role]``, the counts Gould and Fernandez's null model expects."""

    attr: str
    roles: dict[Any, dict[str, int]]
    totals: dict[str, int]
    expected: dict[Any, dict[str, float]] = field(default_factory=dict)
    expected_totals: dict[str, float] = field(default_factory=dict)

    def top(self, role: str | None = None, n: int = 10) -> list[tuple[Any, int]]:
        """Nodes with the most brokerage in ``role`` (None: all roles together)."""

        def score(counts: dict[str, int]) -> int:
            return sum(counts.values()) if role is None else counts[role]

        ranked = sorted(self.roles.items(), key=lambda kv: -score(kv[1]))
        return [(v, score(c)) for v, c in ranked[:n] if score(c) > 0]


def brokerage_roles(G: nx.Graph, attr: str = "sector") -> Brokerage:
    r"""Gould-Fernandez brokerage: open two-paths a -> b -> c through each broker b, by role.

    Every two-path :math:`a \to b \to c` with :math:`a \ne c` and no tie between
    :math:`a` and :math:`c` in either direction (a reverse tie :math:`c \to a` means
    they deal directly too, so :math:`b` brokers nothing) counts once for broker
    :math:`b`, in the role fixed by the groups :math:`g(\cdot)` of the three nodes:

    ===============  =====================================
    coordinator      :math:`g(a) = g(b) = g(c)`
    itinerant        :math:`g(a) = g(c) \ne g(b)` (consultant)
    representative   :math:`g(a) = g(b) \ne g(c)`
    gatekeeper       :math:`g(b) = g(c) \ne g(a)`
    liaison          :math:`g(a), g(b), g(c)` all different
    ===============  =====================================

    Parameters
    ----------
    G : nx.DiGraph or nx.Graph
        Directed by nature. An undirected graph is read as reciprocated arcs, so
        each open path counts in both directions (gatekeeper and representative
        counts then coincide). Disconnected graphs need nothing special; weights
        are ignored; self-loops are ignored.
    attr : str
        Node attribute naming the group. Two-paths through a node lacking it are left out.

    Returns
    -------
    Brokerage
        Counts per node and role, and the counts expected if the groups were assigned at random
        (Gould and Fernandez's null model): a broker :math:`b` of group :math:`j` with :math:`T_b`
        open two-paths, among :math:`N` grouped nodes of which :math:`n_k` are in group :math:`k`,
        expects :math:`T_b p` in each role, with :math:`D = (N-1)(N-2)` and

        ===============  ===========================================================
        coordinator      :math:`(n_j - 1)(n_j - 2) / D`
        itinerant        :math:`\sum_{k \ne j} n_k (n_k - 1) / D`
        representative   :math:`(n_j - 1)(N - n_j) / D` (gatekeeper the same)
        liaison          :math:`\sum_{k \ne j} n_k (N - n_j - n_k) / D`
        ===============  ===========================================================

        (the five add up to 1). A count above its expected value is brokerage beyond what the
        group sizes alone would give.

    References
    ----------
    .. [1] Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal
       approach to brokerage in transaction networks. *Sociological Methodology* 19,
       89-126. https://doi.org/10.2307/270949
    """
    conv = converted(G)
    n = conv.n
    codes, values = conv.codes(attr)
    s, t = conv.src, conv.dst
    if not conv.directed:
        s, t = np.concatenate([s, t]), np.concatenate([t, s])
    keep = s != t
    keys = np.sort(s[keep] * n + t[keep])  # arcs are distinct in a (Di)Graph
    arcs = KeyIndex(keys)
    s, t = keys // n, keys % n  # sorted by source: out-arcs of b are contiguous
    grouped = (codes[s] >= 0) & (codes[t] >= 0)
    s, t = s[grouped], t[grouped]
    outdeg = np.bincount(s, minlength=n)
    out_start = np.concatenate([[0], np.cumsum(outdeg)])
    by_b = np.argsort(t, kind="stable")  # in-arcs grouped by broker
    a_of, b_of = s[by_b], t[by_b]
    small = codes.astype(np.int8 if len(values) < 127 else np.int32)
    ga_of, gb_of = small[a_of], small[b_of]
    per_arc = outdeg[b_of]
    counts = np.zeros(5 * n, np.int64)
    cum = np.cumsum(per_arc)
    bounds = np.searchsorted(cum, np.arange(0, cum[-1] if len(cum) else 0, _WEDGES_PER_CHUNK))
    for lo, hi in zip(bounds, list(bounds[1:]) + [len(per_arc)]):
        cnt = per_arc[lo:hi]
        if hi <= lo:
            continue
        # wedge j of in-arc i pairs a_of[i] -> b_of[i] with out-arc out_start[b] + j
        first = np.cumsum(cnt) - cnt
        c = t[np.repeat(out_start[b_of[lo:hi]] - first, cnt) + np.arange(first[-1] + cnt[-1])]
        a = np.repeat(a_of[lo:hi], cnt)
        open_ = a != c
        open_[open_] = ~arcs.contains(a[open_] * n + c[open_])
        open_[open_] = ~arcs.contains(c[open_] * n + a[open_])  # a tie either way closes it
        ga = np.repeat(ga_of[lo:hi], cnt)[open_]
        gb = np.repeat(gb_of[lo:hi], cnt)[open_]
        b = np.repeat(b_of[lo:hi], cnt)[open_]
        gc = small[c[open_]]
        pattern = (ga == gb) * 4 + (gb == gc) * 2 + (ga == gc)
        counts += np.bincount(b * 5 + _ROLE_OF_PATTERN[pattern], minlength=5 * n)
    table = counts.reshape(n, 5)
    assigned = np.flatnonzero(codes >= 0)
    rows = table[assigned].tolist()
    roles = {conv.nodes[i]: dict(zip(ROLES, row)) for i, row in zip(assigned.tolist(), rows)}
    totals = dict(zip(ROLES, table.sum(axis=0).tolist()))
    sizes = np.bincount(codes[assigned], minlength=len(values)).astype(float)
    N = float(len(assigned))
    D = (N - 1) * (N - 2)
    shares = np.zeros((len(values), 5))
    if D > 0:
        square = float((sizes * (sizes - 1)).sum())
        for j, nj in enumerate(sizes):
            rest = N - nj
            others = sizes.copy()
            others[j] = 0
            shares[j] = [
                (nj - 1) * (nj - 2) / D,
                (square - nj * (nj - 1)) / D,
                (nj - 1) * rest / D,
                (nj - 1) * rest / D,
                float((others * (rest - others)).sum()) / D,
            ]
    # ROLES order: coordinator, itinerant, gatekeeper, representative, liaison
    paths = table[assigned].sum(axis=1).astype(float)
    expected_rows = paths[:, None] * shares[codes[assigned]]
    expected = {conv.nodes[i]: dict(zip(ROLES, row)) for i, row in zip(assigned.tolist(), expected_rows.tolist())}
    expected_totals = (
        dict(zip(ROLES, expected_rows.sum(axis=0).tolist())) if len(assigned) else dict.fromkeys(ROLES, 0.0)
    )
    return Brokerage(attr, roles, totals, expected, expected_totals)
