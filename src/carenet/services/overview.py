"""The system overview the map opens on: organisations as nodes, the ties between their teams
summed per pair of organisations as edges.

Each organisation carries its place (so a drawing can keep a place's organisations together), its
number of teams, and the ties its teams have among themselves. An edge's ``team_ties`` counts
``COLLABORATES_WITH`` ties from a team of one organisation to a team of the other (both directions),
``organisation_ties`` the ties recorded between the organisations themselves; ``weight`` is their sum.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from carenet.services.filters import Filter
from carenet.services.subgraph import MAX_LIMIT
from carenet.storage.repository import Repository


@dataclass
class OverviewNode:
    id: str
    label: str
    sector: str | None
    place: str | None
    place_name: str | None
    teams: int = 0
    inner_ties: int = 0
    outer_ties: int = 0


@dataclass
class OverviewEdge:
    id: str
    source: str
    target: str
    team_ties: int = 0
    organisation_ties: int = 0

    @property
    def weight(self) -> int:
        return self.team_ties + self.organisation_ties


@dataclass
class Overview:
    nodes: list[OverviewNode]
    edges: list[OverviewEdge]
    truncated: bool


async def system_overview(
    repo: Repository, *, system: str | None = None, place: str | None = None, sectors: Sequence[str] = (),
    wave: str | None = None,
) -> Overview:
    """Organisations of a scope (at most 5,000, best connected first) and the ties between them
    (a :class:`~carenet.services.filters.Filter`'s fields: None or empty is not set)."""
    # the organisation level of `subgraph`, the plain way
    where = Filter(system=system, place=place, sectors=sectors, wave=wave)
    wave = where.wave or ""  # the repository's "any wave"
    params = {"sectors": where.sectors, "place": where.place or "", "system": where.system or "", "plain": True}
    total = await repo.drawing_total("organisation", **params)
    rows = await repo.drawing_nodes("organisation", **params, limit=MAX_LIMIT)
    places = await repo.place_names()
    nodes = {
        r["uid"]: OverviewNode(id=r["uid"], label=r["name"], sector=r["sector"], place=r["place"],
                               place_name=places.get(r["place"]) if r["place"] else None)
        for r in rows
    }
    for r in await repo.team_counts():
        if r["organisation"] in nodes:
            nodes[r["organisation"]].teams = int(r["teams"])
    edges: dict[tuple[str, str], OverviewEdge] = {}

    def edge(a: str, b: str) -> OverviewEdge:
        key = (a, b) if a < b else (b, a)
        if key not in edges:
            edges[key] = OverviewEdge(id=f"{key[0]}|{key[1]}", source=key[0], target=key[1])
        return edges[key]

    ties = await repo.team_ties_by_organisation(wave=wave)
    for r in ties:
        a, b, n = r["source"], r["target"], int(r["ties"])
        if a not in nodes or b not in nodes:
            continue
        if a == b:
            nodes[a].inner_ties += n
            continue
        edge(a, b).team_ties += n
        nodes[a].outer_ties += n
        nodes[b].outer_ties += n
    org_ties = await repo.organisation_ties(wave=wave)
    for r in org_ties:
        a, b = r["source"], r["target"]
        if a in nodes and b in nodes and a != b:
            edge(a, b).organisation_ties += int(r["ties"])
    return Overview(list(nodes.values()), list(edges.values()), truncated=total > len(nodes))
