"""A part of the network shaped for drawing (sigma.js/graphology, Cytoscape.js).

Nodes of one level (teams, organisations or people) that pass a filter, or those within
``depth`` ties of a centre node; the ties among them merged into one edge per pair of
nodes; degree counted from those edges. Betweenness, brokerage and community are the values
the analytics wrote back to the nodes (None until they have run).

Two ways to the same answer (:mod:`carenet.storage.access.drawing`). The plain one joins every
node to its organisation, place and system, then ranks, cuts and counts; it serves place and system
filters and people's sector filter. Without those, the fast one ranks and cuts first and joins only
the nodes kept, counts with a plain count, and keeps the ties that end inside the picture while
they are still Arrow columns. ``plain=True`` forces the plain way (the reference the differential
test and ``benchmarks/api.py`` compare with).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from carenet.domain.enums import Level
from carenet.domain.schema import NodeLabel
from carenet.errors import InvalidInput, NotFound, Problem
from carenet.services.analysis import AnalysisCache
from carenet.services.filters import Filter, given
from carenet.services.graphs import scope_system
from carenet.storage.repository import Repository

MAX_LIMIT = 5_000
MAX_DEPTH = 5


class SizeBy(StrEnum):
    DEGREE = "degree"
    BETWEENNESS = "betweenness"
    BROKERAGE = "brokerage"


@dataclass(frozen=True)
class SubgraphFilter(Filter):
    """Which nodes to draw (:class:`~carenet.services.filters.Filter`, plus the level, people's
    leadership levels and a name search; None or empty: not set)."""

    level: Level = Level.TEAM
    levels: Sequence[str] = ()
    search: str | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "level", Level.of(self.level))
        object.__setattr__(self, "levels", tuple(lv for lv in self.levels or () if lv != ""))
        object.__setattr__(self, "search", given(self.search))


@dataclass
class DrawNode:
    id: str
    label: str
    kind: str
    sector: str | None
    organisation: str | None
    organisation_name: str | None
    place: str | None
    betweenness: float | None
    brokerage: float | None
    community: int | None
    degree: int = 0
    size: float = 0.0


@dataclass
class DrawEdge:
    id: str
    source: str
    target: str
    kinds: list[str] = field(default_factory=list)
    weight: float = 0.0
    trust: float | None = None


@dataclass
class Subgraph:
    nodes: list[DrawNode]
    edges: list[DrawEdge]
    total_nodes: int
    truncated: bool


def _filter(f: SubgraphFilter, uids: Sequence[str] | None) -> dict:
    """The repository's drawing parameters, where "not set" is an empty string."""
    return {
        "uids": uids,
        "sectors": f.sectors,
        "levels": f.levels,
        "search": f.search or "",
        "place": f.place or "",
        "system": f.system or "",
    }


def _check(limit: int, depth: int, f: SubgraphFilter) -> None:
    problems = []
    if not 1 <= limit <= MAX_LIMIT:
        problems.append(Problem("limit", f"must be between 1 and {MAX_LIMIT}", limit))
    if not 1 <= depth <= MAX_DEPTH:
        problems.append(Problem("depth", f"must be between 1 and {MAX_DEPTH}", depth))
    if f.levels and f.level is not Level.PERSON:
        problems.append(Problem("filter.levels", "leadership levels filter people only; use level: PERSON"))
    if problems:
        raise InvalidInput(problems)


async def _reach(repo: Repository, level: Level, centre: str, depth: int, wave: str, cap: int) -> list[str]:
    """Uids within ``depth`` ties of ``centre``, nearest first, at most ``cap`` of them."""
    seen = [centre]
    known = {centre}
    frontier = [centre]
    for _ in range(depth):
        rows = await repo.neighbours(level, frontier, wave=wave)
        frontier = sorted({r["uid"] for r in rows} - known)
        if not frontier:
            break
        known.update(frontier)
        seen.extend(frontier)
        if len(seen) >= cap:
            break
    return seen


async def subgraph(
    repo: Repository,
    *,
    filter: SubgraphFilter | None = None,
    centre: str | None = None,
    depth: int = 1,
    limit: int = 2000,
    size_by: SizeBy = SizeBy.DEGREE,
    plain: bool = False,
    cache: AnalysisCache | None = None,
) -> Subgraph:
    """Nodes (at most ``limit``, best connected first) and the ties among them, merged per pair.

    ``plain``: take the plain way even where the fast one applies (same answer; for comparison).
    ``cache``: an :class:`~carenet.services.analysis.AnalysisCache`; the answer is then computed once
    per graph version and set of arguments (the caller must not change what it gets)."""
    f = filter or SubgraphFilter()
    _check(limit, depth, f)
    if cache is None:
        return await _subgraph(repo, f, centre, depth, limit, size_by, plain)
    key = (
        repo.version,
        "subgraph",
        f.level,
        f.system,
        f.place,
        tuple(f.sectors),
        tuple(f.levels),
        f.wave,
        f.search,
        centre,
        depth,
        limit,
        size_by,
        plain,
    )
    return await cache.get(key, lambda: _subgraph(repo, f, centre, depth, limit, size_by, plain))


async def _subgraph(
    repo: Repository, f: SubgraphFilter, centre: str | None, depth: int, limit: int, size_by: SizeBy, plain: bool
) -> Subgraph:
    await scope_system(repo, f.system, f.place)
    uids: list[str] | None = None
    if centre:
        found = await repo.existing(_label(f.level), [centre])
        if not found:
            raise NotFound(f"no {f.level.label} with uid {centre!r}", suggestion="check the level and the uid")
        uids = await _reach(repo, f.level, centre, depth, f.wave or "", cap=50_000)
    params = _filter(f, uids)
    total = await repo.drawing_total(f.level, **params, plain=plain)
    if uids is not None and len(uids) > limit:
        params["uids"] = uids[:limit]  # nearest first
    rows = await repo.drawing_nodes(f.level, **params, limit=limit, plain=plain)
    first: dict[str, dict] = {}
    for r in rows:  # a node with two organisations or places: its first row (the queries order them)
        first.setdefault(r["uid"], r)
    rows = list(first.values())
    nodes = {
        r["uid"]: DrawNode(
            id=r["uid"],
            label=r["name"],
            kind=f.level.label,
            sector=r["sector"],
            organisation=r["organisation"],
            organisation_name=r["organisation_name"],
            place=r["place"],
            betweenness=r["betweenness"],
            brokerage=r["brokerage"],
            community=r["community"],
        )
        for r in rows
    }
    ties = await repo.drawing_ties(f.level, sorted(nodes), wave=f.wave or "", plain=plain)
    edges = _merge(ties, nodes)
    for node in nodes.values():
        value = {SizeBy.DEGREE: node.degree, SizeBy.BETWEENNESS: node.betweenness, SizeBy.BROKERAGE: node.brokerage}
        node.size = float(value[size_by] or 0.0)
    return Subgraph(list(nodes.values()), edges, total_nodes=total, truncated=total > len(nodes))


def _label(level: Level) -> NodeLabel:
    return NodeLabel(level.label)


def _merge(ties: list[dict], nodes: dict[str, DrawNode]) -> list[DrawEdge]:
    """One edge per unordered pair: kinds united, weight the number of ties, trust their mean.

    Ties are taken in (source, target, uid) order, so edges and their kinds come in an order of
    their own, not the store's (which differs between query plans)."""
    edges: dict[tuple[str, str], DrawEdge] = {}
    trusts: dict[tuple[str, str], list[float]] = {}
    for t in sorted(ties, key=lambda t: (t["source"], t["target"], t["uid"] or "")):
        a, b = t["source"], t["target"]
        if b not in nodes or a == b:
            continue
        key = (a, b) if a < b else (b, a)
        edge = edges.get(key)
        if edge is None:
            edge = edges[key] = DrawEdge(id=f"{key[0]}|{key[1]}", source=a, target=b)
            nodes[a].degree += 1
            nodes[b].degree += 1
        edge.weight += 1.0
        for kind in t["kinds"] or ():
            if kind not in edge.kinds:
                edge.kinds.append(kind)
        if t.get("trust") is not None:
            trusts.setdefault(key, []).append(float(t["trust"]))
    for key, values in trusts.items():
        edges[key].trust = round(sum(values) / len(values), 3)
    return list(edges.values())
