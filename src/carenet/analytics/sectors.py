"""Sector coverage: per place, the sectors that are absent, cut off, or not tied to one another.

Also which forums lack an expected sector among their members. Groups are the
values of a node attribute (``place`` by default, or a neighbourhood attribute);
nodes without it are left out, and nodes without a sector count for no sector.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx
import numpy as np

from carenet.analytics._igraph import converted

__all__ = [
    "SectorGap",
    "forum_sector_gaps",
    "missing_sectors",
    "sector_pair_gaps",
]


@dataclass(frozen=True)
class SectorGap:
    """An expected sector ``absent`` from a group, or present but ``unconnected`` to others."""

    group: Any
    sector: str
    status: str
    nodes: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def missing_sectors(
    G: nx.Graph,
    expected: Iterable[str],
    *,
    by: str = "place",
    sector_attr: str = "sector",
) -> list[SectorGap]:
    """Per group of ``by`` (place, neighbourhood), the expected sectors absent or cut off.

    A sector is ``absent`` from a group when no node of the group has it; it is
    ``unconnected`` when the group has nodes of that sector but none of them has a
    tie (either direction) to a node of another sector, anywhere in ``G``. Nodes
    without ``by`` are left out; nodes without a sector count for no sector.
    Results are ordered by group, then by the order of ``expected``.
    """
    conv = converted(G)
    gcodes, groups = conv.codes(by)
    scodes, sectors = conv.codes(sector_attr)
    s, t = conv.src, conv.dst
    cross = (scodes[s] >= 0) & (scodes[t] >= 0) & (scodes[s] != scodes[t])
    bridged = np.zeros(conv.n, bool)
    bridged[s[cross]] = True
    bridged[t[cross]] = True
    k = max(len(sectors), 1)
    ok = (gcodes >= 0) & (scodes >= 0)
    cell = gcodes[ok] * k + scodes[ok]
    present = np.bincount(cell, minlength=len(groups) * k).reshape(len(groups), k)
    linked = np.bincount(cell, weights=bridged[ok], minlength=len(groups) * k)
    linked = linked.reshape(len(groups), k)
    sector_index = {x: j for j, x in enumerate(sectors)}
    out: list[SectorGap] = []
    expected = list(dict.fromkeys(expected))
    for gi, group in enumerate(groups):
        for sector in expected:
            j = sector_index.get(sector)
            count = 0 if j is None else int(present[gi, j])
            if count == 0:
                out.append(SectorGap(group, sector, "absent", 0))
            elif linked[gi, j] == 0:
                out.append(SectorGap(group, sector, "unconnected", count))
    return out


def sector_pair_gaps(
    G: nx.Graph,
    expected: Iterable[str],
    *,
    by: str = "place",
    sector_attr: str = "sector",
) -> list[dict[str, Any]]:
    """Per group, pairs of expected sectors where one has no tie at all to the other.

    A row ``{"group", "sector", "other_sector", "nodes"}`` says that the group has
    ``nodes`` nodes of ``sector`` and none of them has a tie, in either direction,
    to any node of ``other_sector`` anywhere in ``G`` (a housing team in place 3 and
    a hospital team serving every place count as tied). Only sectors present in
    the group and ``other_sector`` values present somewhere in ``G`` are checked;
    an absent sector is :func:`missing_sectors`' business. Rows are ordered by
    group, then by the order of ``expected``.
    """
    conv = converted(G)
    gcodes, groups = conv.codes(by)
    scodes, sectors = conv.codes(sector_attr)
    k = max(len(sectors), 1)
    s, t = conv.src, conv.dst
    u = np.concatenate([s, t])
    other = scodes[np.concatenate([t, s])]
    keep = (other >= 0) & (scodes[u] >= 0) & (u != np.concatenate([t, s]))
    if conv.n * k <= 50_000_000:  # (node, a sector it is tied to) as a bitmap
        mark = np.zeros(conv.n * k, dtype=bool)
        mark[u[keep] * k + other[keep]] = True
        linked = np.flatnonzero(mark)
    else:
        linked = np.unique(u[keep] * k + other[keep])
    node = linked // k
    in_group = gcodes[node] >= 0
    cells = (gcodes[node] * k + scodes[node]) * k + linked % k
    tied = np.bincount(cells[in_group], minlength=len(groups) * k * k)
    tied = tied.reshape(len(groups), k, k)
    ok = (gcodes >= 0) & (scodes >= 0)
    present = np.bincount(gcodes[ok] * k + scodes[ok], minlength=len(groups) * k)
    present = present.reshape(len(groups), k)
    index = {x: j for j, x in enumerate(sectors)}
    wanted = [x for x in dict.fromkeys(expected) if x in index]
    rows = []
    for gi, group in enumerate(groups):
        for a in wanted:
            ja = index[a]
            if present[gi, ja] == 0:
                continue
            for b in wanted:
                if b != a and tied[gi, ja, index[b]] == 0:
                    rows.append({"group": group, "sector": a, "other_sector": b, "nodes": int(present[gi, ja])})
    return rows


def forum_sector_gaps(members: Mapping[Any, Iterable[str | None]], expected: Collection[str]) -> list[dict[str, Any]]:
    """Forums none of whose members is from an expected sector.

    ``members`` maps a forum to the sectors of its members (organisations or
    people; None for unknown). Returns ``{"forum", "missing": [...]}`` for each
    forum that lacks at least one expected sector, in the order of ``members``;
    ``missing`` keeps the order of ``expected``.
    """
    rows = []
    for forum, sectors in members.items():
        have = set(sectors)
        missing = [x for x in dict.fromkeys(expected) if x not in have]
        if missing:
            rows.append({"forum": forum, "missing": missing})
    return rows
