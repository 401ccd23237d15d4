"""Gaps: pathway hand-offs without a working tie; relied-on organisations with no forum seat.

Sector coverage per place (absent, cut-off, unlinked sectors) is in :mod:`.sectors`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx
import numpy as np

from carenet.analytics._igraph import converted

__all__ = ["Handoff", "pathway_handoffs", "relied_on_without_seat"]


@dataclass(frozen=True)
class Handoff:
    """The hand-off from step ``step`` to ``step + 1`` of ``pathway``.

    ``shortest_path`` runs from a team of the first step to the nearest team of
    the next (ignoring direction); it is one tie long when ``has_tie``, a single
    team when that team delivers both steps, and None when there is no path.
    """

    pathway: Any
    step: int
    from_teams: list[Any]
    to_teams: list[Any]
    has_tie: bool
    shortest_path: list[Any] | None
    missing: list[Any]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _neighbours(G: nx.Graph, v: Any) -> Iterable[Any]:
    if G.is_directed():
        yield from G.succ[v]
        yield from G.pred[v]
    else:
        yield from G.adj[v]


def _shortest_path(G: nx.Graph, sources: list[Any], targets: set[Any], cutoff: int | None):
    """Bidirectional BFS ignoring direction: a shortest path from any source to any target.

    Grows the smaller frontier one whole level at a time and stops at the first
    node reached from both sides, as ``networkx.bidirectional_shortest_path`` does.
    """
    pred: dict[Any, Any] = dict.fromkeys(sources)
    succ: dict[Any, Any] = dict.fromkeys(targets)
    front_a, front_b = list(pred), list(succ)
    length = 0
    while front_a and front_b and (cutoff is None or length < cutoff):
        length += 1
        forward = len(front_a) <= len(front_b)
        mine, other = (pred, succ) if forward else (succ, pred)
        nxt = []
        for v in front_a if forward else front_b:
            for w in _neighbours(G, v):
                if w in mine:
                    continue
                mine[w] = v
                if w in other:
                    path = [w]
                    while pred[path[0]] is not None:
                        path.insert(0, pred[path[0]])
                    while succ[path[-1]] is not None:
                        path.append(succ[path[-1]])
                    return path
                nxt.append(w)
        if forward:
            front_a = nxt
        else:
            front_b = nxt
    return None


def pathway_handoffs(
    G: nx.Graph,
    pathways: Mapping[Any, Sequence[Collection[Any]]] | Sequence[Sequence[Collection[Any]]],
    *,
    cutoff: int | None = None,
    include_working: bool = False,
) -> list[Handoff]:
    """Consecutive pathway steps whose delivering teams share no working tie.

    A pathway is an ordered list of steps; a step is the collection of team uids
    delivering it. The hand-off from step :math:`i` to :math:`i+1` works if some
    team of step :math:`i` has a tie, in either direction, with some team of step
    :math:`i+1`, or one team delivers both steps. Each failing hand-off (every
    hand-off with ``include_working``, flagged by ``has_tie``) is returned with
    the shortest path (ignoring direction) from a team of step
    :math:`i` to the nearest team of step :math:`i+1` (None if there is none
    within ``cutoff`` hops or the steps are in different components), and the
    teams named in the two steps that are not in ``G`` (``missing``).

    Parameters
    ----------
    G : nx.DiGraph or nx.Graph
        Team-level projection. Weights and tie attributes are ignored.
    pathways : mapping of id to steps, or a sequence of steps lists (ids are positions)
    cutoff : int or None
        Longest path searched for, in ties.
    include_working : bool
        Also return the hand-offs that work, so a caller can draw every step.

    References
    ----------
    .. [1] Provan, K. G. & Milward, H. B. (1995). A preliminary theory of
       interorganizational network effectiveness. *Administrative Science
       Quarterly* 40(1), 1-33. https://doi.org/10.2307/2393698
    """
    items = pathways.items() if isinstance(pathways, Mapping) else enumerate(pathways)
    out: list[Handoff] = []
    for pid, steps in items:
        steps = [list(dict.fromkeys(step)) for step in steps]
        for i in range(len(steps) - 1):
            a = [v for v in steps[i] if v in G]
            b = [v for v in steps[i + 1] if v in G]
            missing = [v for v in steps[i] + steps[i + 1] if v not in G]
            direct = _direct_link(G, a, set(b))
            if direct is not None and not include_working:
                continue
            path = direct
            if direct is None and a and b:
                path = _shortest_path(G, a, set(b), cutoff)
            out.append(Handoff(pid, i, steps[i], steps[i + 1], direct is not None, path, missing))
    return out


def _direct_link(G: nx.Graph, a: list[Any], b: set[Any]) -> list[Any] | None:
    for v in a:
        if v in b:
            return [v]
    for v in a:
        for w in _neighbours(G, v):
            if w in b:
                return [v, w]
    return None


def relied_on_without_seat(
    G: nx.Graph,
    forum_seats: Collection[Any],
    *,
    threshold: int = 5,
    attr: str = "organisation",
) -> list[dict[str, Any]]:
    """Organisations that ``threshold`` or more others rely on but that sit on no forum.

    Reliance is the in-degree of the organisation-level graph: the number of
    distinct other organisations with a tie to one of its nodes (team-level
    graphs are aggregated through ``attr``; on an organisation-level graph
    ``attr`` is the node's own uid). In an undirected graph a tie counts for both
    ends. Returns ``{"organisation", "relied_on_by"}`` rows, most relied-on first.
    """
    conv = converted(G)
    codes, orgs = conv.codes(attr)
    s, t = conv.src, conv.dst
    if not conv.directed:
        s, t = np.concatenate([s, t]), np.concatenate([t, s])
    os_, ot = codes[s], codes[t]
    keep = (os_ >= 0) & (ot >= 0) & (os_ != ot)
    k = max(len(orgs), 1)
    if k * k <= 50_000_000:  # distinct (relying, relied-on) organisation pairs as a bitmap
        mark = np.zeros(k * k, dtype=bool)
        mark[os_[keep] * k + ot[keep]] = True
        pairs = np.flatnonzero(mark)
    else:
        pairs = np.unique(os_[keep] * k + ot[keep])
    indeg = np.bincount(pairs % k, minlength=len(orgs))
    seats = set(forum_seats)
    rows = [
        {"organisation": orgs[j], "relied_on_by": int(indeg[j])}
        for j in np.flatnonzero(indeg >= threshold)
        if orgs[j] not in seats
    ]
    return sorted(rows, key=lambda r: (-r["relied_on_by"], str(r["organisation"])))
