"""The system overview the map opens on: organisations as nodes, the ties between their teams
summed per pair of organisations as edges.

Each organisation carries its place (so a drawing can keep a place's organisations together), its
number of teams, and the ties its teams have among themselves. An edge's ``team_ties`` counts
``COLLABORATES_WITH`` ties from a team of one organisation to a team of the other (both directions),
``organisation_ties`` the ties recorded between the organisations themselves; ``weight`` is their sum.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from carenet.services.analysis import AnalysisCache
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
    repo: Repository,
    *,
    system: str | None = None,
    place: str | None = None,
    sectors: Sequence[str] = (),
    wave: str | None = None,
    cache: AnalysisCache | None = None,
) -> Overview:
    """Organisations of a scope (at most 5,000, best connected first) and the ties between them
    (a :class:`~carenet.services.filters.Filter`'s fields: None or empty is not set).

    ``cache``: an :class:`~carenet.services.analysis.AnalysisCache`; the overview is then computed once
    per graph version and scope (the caller must not change what it gets)."""
    where = Filter(system=system, place=place, sectors=sectors, wave=wave)
    system, place, wave = where.system or "", where.place or "", where.wave or ""  # the repository's "any"
    sectors = tuple(sorted(where.sectors))
    if cache is None:
        return await _overview(repo, system, place, sectors, wave)
    key = (repo.version, "overview", system, place, sectors, wave)
    return await cache.get(key, lambda: _overview(repo, system, place, sectors, wave))


async def _overview(repo: Repository, system: str, place: str, sectors: tuple[str, ...], wave: str) -> Overview:
    # the organisation level of `subgraph`, the plain way. With no scope every organisation is in and
    # the reads are independent, so sent at once; with one, the ties and counts of its organisations only.
    params = {"sectors": sectors, "place": place, "system": system, "plain": True}
    if system or place or sectors:
        total, rows, places = await asyncio.gather(
            repo.drawing_total("organisation", **params),
            repo.drawing_nodes("organisation", **params, limit=MAX_LIMIT),
            repo.place_names(),
        )
        scope = sorted({r["uid"] for r in rows})
        counts, ties, org_ties = await asyncio.gather(
            repo.team_counts(scope),
            repo.team_ties_by_organisation(wave=wave, organisations=scope),
            repo.organisation_ties(wave=wave, organisations=scope),
        )
    else:
        total, rows, places, counts, ties, org_ties = await asyncio.gather(
            repo.drawing_total("organisation", **params),
            repo.drawing_nodes("organisation", **params, limit=MAX_LIMIT),
            repo.place_names(),
            repo.team_counts(),
            repo.team_ties_by_organisation(wave=wave),
            repo.organisation_ties(wave=wave),
        )
    nodes = {
        r["uid"]: OverviewNode(
            id=r["uid"],
            label=r["name"],
            sector=r["sector"],
            place=r["place"],
            place_name=places.get(r["place"]) if r["place"] else None,
        )
        for r in rows
    }
    for r in counts:
        node = nodes.get(r["organisation"])
        if node is not None:
            node.teams = int(r["teams"])
    team_ties: dict[tuple[str, str], int] = {}
    for r in ties:
        a, b = r["source"], r["target"]
        if a not in nodes or b not in nodes:
            continue
        n = int(r["ties"])
        if a == b:
            nodes[a].inner_ties += n
            continue
        key = (a, b) if a < b else (b, a)
        team_ties[key] = team_ties.get(key, 0) + n
        nodes[a].outer_ties += n
        nodes[b].outer_ties += n
    organisation_ties: dict[tuple[str, str], int] = {}
    for r in org_ties:
        a, b = r["source"], r["target"]
        if a != b and a in nodes and b in nodes:
            key = (a, b) if a < b else (b, a)
            organisation_ties[key] = organisation_ties.get(key, 0) + int(r["ties"])
    # edges ordered by their pair: the same graph gives the same answer, whatever order the store's rows came in
    edges = [
        OverviewEdge(
            id=f"{a}|{b}",
            source=a,
            target=b,
            team_ties=team_ties.get((a, b), 0),
            organisation_ties=organisation_ties.get((a, b), 0),
        )
        for a, b in sorted(team_ties.keys() | organisation_ties.keys())
    ]
    return Overview(list(nodes.values()), edges, truncated=total > len(nodes))
