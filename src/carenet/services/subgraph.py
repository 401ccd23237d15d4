"""A part of the network shaped for drawing (sigma.js/graphology, Cytoscape.js).

Nodes of one level (teams, organisations or people) that pass a filter, or those within
``depth`` ties of a centre node; the ties among them merged into one edge per pair of
nodes; degree counted from those edges. Betweenness, brokerage and community are the values
the analytics wrote back to the nodes (None until they have run).

Two ways to the same answer. The plain one joins every node to its organisation, place and
system, then ranks, cuts and counts; it serves place and system filters and people's sector
filter. Without those, the fast one ranks and cuts first and joins only the nodes kept (the
``*_TOP`` queries), counts with a plain count, and keeps the ties that end inside the picture
while they are still Arrow columns. ``plain=True`` forces the plain way (the reference the
differential test and ``benchmarks/api.py`` compare with).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import pyarrow as pa
import pyarrow.compute as pc

from carenet.domain.text import fold
from carenet.errors import InvalidInput, NotFound, Problem
from carenet.storage.queries import subgraph as q
from carenet.storage.repository import Repository

MAX_LIMIT = 5_000
MAX_DEPTH = 5


class Level(StrEnum):
    TEAM = "team"
    ORGANISATION = "organisation"
    PERSON = "person"


class SizeBy(StrEnum):
    DEGREE = "degree"
    BETWEENNESS = "betweenness"
    BROKERAGE = "brokerage"


_QUERIES = {
    Level.TEAM: (q.SUBGRAPH_TEAM_NODES, q.SUBGRAPH_TEAM_COUNT, q.SUBGRAPH_TEAM_TIES, q.SUBGRAPH_TEAM_HOP),
    Level.ORGANISATION: (
        q.SUBGRAPH_ORGANISATION_NODES,
        q.SUBGRAPH_ORGANISATION_COUNT,
        q.SUBGRAPH_ORGANISATION_TIES,
        q.SUBGRAPH_ORGANISATION_HOP,
    ),
    Level.PERSON: (q.SUBGRAPH_PERSON_NODES, q.SUBGRAPH_PERSON_COUNT, q.SUBGRAPH_PERSON_TIES, q.SUBGRAPH_PERSON_HOP),
}
KIND = {Level.TEAM: "Team", Level.ORGANISATION: "Organisation", Level.PERSON: "Person"}
# level -> (ranked and cut first, the same with no filter, count, count with no filter)
_FAST = {
    Level.TEAM: (q.SUBGRAPH_TEAM_TOP, q.SUBGRAPH_TEAM_TOP_ALL, q.SUBGRAPH_TEAM_TOTAL, q.SUBGRAPH_TEAM_TOTAL_ALL),
    Level.ORGANISATION: (
        q.SUBGRAPH_ORGANISATION_TOP,
        q.SUBGRAPH_ORGANISATION_TOP_ALL,
        q.SUBGRAPH_ORGANISATION_TOTAL,
        q.SUBGRAPH_ORGANISATION_TOTAL_ALL,
    ),
}
_TIES_OUT = {
    Level.TEAM: q.SUBGRAPH_TEAM_TIES_OUT,
    Level.ORGANISATION: q.SUBGRAPH_ORGANISATION_TIES_OUT,
    Level.PERSON: q.SUBGRAPH_PERSON_TIES_OUT,
}


@dataclass(frozen=True)
class SubgraphFilter:
    level: Level = Level.TEAM
    system: str = ""
    place: str = ""
    sectors: Sequence[str] = ()
    levels: Sequence[str] = ()
    wave: str = ""
    search: str = ""


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


def _filter_params(f: SubgraphFilter, uids: Sequence[str] | None) -> dict:
    return {
        "all_uids": uids is None,
        "uids": list(uids) if uids else [""],
        "all_sectors": not f.sectors,
        "sectors": list(f.sectors) or [""],
        "all_levels": not f.levels,
        "levels": list(f.levels) or [""],
        "search": fold(f.search.strip()),  # as the stored name_fold is (carenet.domain.text)
        "place": f.place,
        "system": f.system,
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
    hop = _QUERIES[level][3]
    seen = [centre]
    known = {centre}
    frontier = [centre]
    for _ in range(depth):
        rows = await repo.store.read(hop, uids=frontier, wave=wave)
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
) -> Subgraph:
    """Nodes (at most ``limit``, best connected first) and the ties among them, merged per pair.

    ``plain``: take the plain way even where the fast one applies (same answer; for comparison)."""
    f = filter or SubgraphFilter()
    _check(limit, depth, f)
    nodes_q, count_q, ties_q, _ = _QUERIES[f.level]
    uids: list[str] | None = None
    if centre:
        found = await repo.existing(_label(f.level), [centre])
        if not found:
            raise NotFound(f"no {KIND[f.level]} with uid {centre!r}", suggestion="check the level and the uid")
        uids = await _reach(repo, f.level, centre, depth, f.wave, cap=50_000)
    params = _filter_params(f, uids)
    fast = not plain and f.level in _FAST and not f.place and not f.system
    unfiltered = uids is None and not f.sectors and not f.search.strip()
    if fast:
        top_q, top_all_q, total_q, total_all_q = _FAST[f.level]
        total = int((await repo.store.read(total_all_q if unfiltered else total_q, **params))[0]["total"])
    else:
        total = int((await repo.store.read(count_q, **params))[0]["total"])
    if uids is not None and len(uids) > limit:
        params["uids"] = uids[:limit]  # nearest first
    rows: list[dict] = []
    if fast:
        rows = await repo.store.read(top_all_q if unfiltered else top_q, **params, limit=limit)
        if len({r["uid"] for r in rows}) < len(rows):  # a node with two organisations, places or systems
            fast = False
    if not fast:
        rows = await repo.store.read(nodes_q, **params, limit=limit)
    first: dict[str, dict] = {}
    for r in rows:  # a node with two organisations or places: its first row (the queries order them)
        first.setdefault(r["uid"], r)
    rows = list(first.values())
    nodes = {
        r["uid"]: DrawNode(
            id=r["uid"],
            label=r["name"],
            kind=KIND[f.level],
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
    if plain:
        ties = await repo.store.read(ties_q, uids=sorted(nodes), wave=f.wave)
    else:
        ties = await _ties_among(repo, f.level, sorted(nodes), f.wave)
    edges = _merge(ties, nodes)
    for node in nodes.values():
        value = {SizeBy.DEGREE: node.degree, SizeBy.BETWEENNESS: node.betweenness, SizeBy.BROKERAGE: node.brokerage}
        node.size = float(value[size_by] or 0.0)
    return Subgraph(list(nodes.values()), edges, total_nodes=total, truncated=total > len(nodes))


async def _ties_among(repo: Repository, level: Level, uids: list[str], wave: str) -> list[dict]:
    """The ties from ``uids`` to ``uids`` (of ``wave`` when one is given), in the plain query's order:
    every tie leaving the set comes as Arrow, and only those kept become Python rows."""
    if not uids:
        return []
    inside = pa.array(uids, type=pa.string())
    out: list[dict] = []
    async for batch in repo.store.stream(_TIES_OUT[level], uids=uids):
        keep = pc.is_in(batch.column("target").cast(pa.string()), value_set=inside)
        if wave:
            keep = pc.and_(keep, pc.equal(batch.column("wave").cast(pa.string()), wave))
        out.extend(batch.filter(keep).drop_columns(["wave"]).to_pylist())
    return out


def _label(level: Level):
    from carenet.domain.schema import NodeLabel

    return NodeLabel(KIND[level])


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
