"""``subgraph``: a part of the network in one round trip, shaped for graphology or Cytoscape.js.

See docs/contracts.md for the shape the map page relies on.
"""

from __future__ import annotations

import weakref
from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from carenet.api.auth import Role
from carenet.api.connections import current_metrics, selects
from carenet.api.context import Context
from carenet.api.enums import (
    GraphLevel,
    LeadershipLevelEnum,
    NodeLabelEnum,
    PersonTieKindEnum,
    SectorEnum,
    SizeMetric,
    TieKindEnum,
    by_value,
)
from carenet.api.types import DEPRECATED, global_id
from carenet.services import overview as overview_service
from carenet.services import subgraph as service

_SECTORS = "Only nodes in one of these sectors (people: of their teams); omitted = every sector."
_EDGE_KEY = "The pair's key, `source|target`: unique within one answer, for a drawing library's edge key."


@strawberry.input(description="Which part of the network `subgraph` draws. Omitted fields do not narrow it.")
class SubgraphFilter:
    level: GraphLevel = strawberry.field(default=GraphLevel.TEAM, description="Which kind of node to draw.")
    system: strawberry.ID | None = strawberry.field(default=None, description="system uid")
    place: strawberry.ID | None = strawberry.field(default=None, description="place uid")
    sectors: list[SectorEnum] | None = strawberry.field(default=None, description=_SECTORS)
    levels: list[LeadershipLevelEnum] | None = strawberry.field(default=None, description="person level only")
    wave: strawberry.ID | None = strawberry.field(default=None, description="survey wave uid; omitted = every wave")
    search: str | None = strawberry.field(default=None, description="name contains (case-insensitive)")


@strawberry.type(description="A node to draw: a team, organisation or person, with what the map shows of it.")
class SubgraphNode:
    uid: strawberry.ID = strawberry.field(description="carenet uid (edges' source and target name nodes by it)")
    label: str = strawberry.field(description="display name")
    kind: str = strawberry.field(
        description="Team, Organisation or Person: the label as a string.",
        deprecation_reason=DEPRECATED + "use labelCode.",
    )
    sector: str | None = strawberry.field(
        description="The sector as a lower-case string.", deprecation_reason=DEPRECATED + "use sectorCode."
    )
    # the enums are plain fields, made with the node (and kept with it for the graph version): a
    # resolver per node of a drawing of thousands cost more than the rest of the answer
    label_code: NodeLabelEnum = strawberry.field(
        description="TEAM, ORGANISATION or PERSON (the NodeLabel enum): the Node type `id` resolves to."
    )
    sector_code: SectorEnum | None = strawberry.field(
        description="The node's sector (the Sector enum, as in filters); null when it has none."
    )
    organisation: strawberry.ID | None = strawberry.field(
        description="Uid of the team's organisation (a person: of their first team's); null for an organisation."
    )
    organisation_name: str | None = strawberry.field(description="Name of that organisation.")
    place: strawberry.ID | None = strawberry.field(description="Uid of a place the node serves (the first by uid).")
    size: float = strawberry.field(description="the chosen size metric")
    degree: int = strawberry.field(description="Number of the drawn nodes it has a tie with.")
    betweenness: float | None = strawberry.field(description="Stored betweenness, 0-1; null until computed.")
    brokerage: float | None = strawberry.field(description="Stored Gould-Fernandez brokerage; null until computed.")
    community: int | None = strawberry.field(
        description="Number of the node's community (Leiden); null until computed."
    )

    @strawberry.field(description="Global id of the node (a Team, Organisation or Person): what `node(id:)` takes.")
    def id(self) -> strawberry.ID:
        return global_id(self.kind, self.uid)


@strawberry.type(description="The ties between two drawn nodes, summed (both directions, every wave shown).")
class SubgraphEdge:
    key: str = strawberry.field(description=_EDGE_KEY)
    source: strawberry.ID = strawberry.field(description="Uid of one end.")
    target: strawberry.ID = strawberry.field(description="Uid of the other end.")
    kinds: list[str] = strawberry.field(
        description="Every kind of tie between the pair as a lower-case string (referral, advice, ...).",
        deprecation_reason=DEPRECATED + "use kindCodes (teams, organisations) or personKindCodes (people).",
    )
    weight: float = strawberry.field(description="number of ties between the pair (both directions, every wave shown)")
    trust: float | None = strawberry.field(description="Mean PARTNER trust (1-4) of the pair's ties that report one.")
    # plain fields, made with the edge (see SubgraphNode); a pair's ties are of one vocabulary, the level's
    kind_codes: list[TieKindEnum] = strawberry.field(
        description="Every kind of collaboration between the pair (the TieKind enum) at team and organisation "
        "level; empty at person level (see personKindCodes)."
    )
    person_kind_codes: list[PersonTieKindEnum] = strawberry.field(
        description="Every kind of tie between the pair of leaders (the PersonTieKind enum) at person level; "
        "empty at team and organisation level (see kindCodes)."
    )

    @strawberry.field(description=_EDGE_KEY, deprecation_reason=DEPRECATED + "use key (an edge is not a Node).")
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.key)


@strawberry.type(description="A part of the network for drawing: nodes best-connected first, and the ties among them.")
class Subgraph:
    nodes: list[SubgraphNode] = strawberry.field(
        description="The nodes drawn, at most `limit` (the best-connected when the filter matches more)."
    )
    edges: list[SubgraphEdge] = strawberry.field(description="The ties between two drawn nodes.")
    total_nodes: int = strawberry.field(description="Number of nodes the filter matched, before `limit`.")
    truncated: bool = strawberry.field(description="true when `limit` left nodes out")
    graph_version: str = strawberry.field(
        description=("The graph's version when read: it changes with every write, so a client can key a cache on it.")
    )
    metrics_computed_at: datetime | None = strawberry.field(
        default=None,
        description=(
            "When the nodes' betweenness, brokerage and community were computed (brought up to date before "
            "this read when sized by or selecting them); null when the query uses none."
        ),
    )


async def resolve_subgraph(
    info: Info[Context, None],
    filter: Annotated[
        SubgraphFilter | None, strawberry.argument(description="Which part; omitted = every team.")
    ] = None,
    centre: Annotated[
        strawberry.ID | None,
        strawberry.argument(description="Uid of a node: draw only the nodes within `depth` ties of it."),
    ] = None,
    depth: Annotated[int, strawberry.argument(description="With `centre`: how many ties out to go (1-5).")] = 1,
    limit: Annotated[int, strawberry.argument(description="At most this many nodes (1-5000).")] = 2000,
    size_by: Annotated[
        SizeMetric, strawberry.argument(description="What sets each node's `size`.")
    ] = SizeMetric.DEGREE,
) -> Subgraph:
    ctx = info.context
    ctx.principal.require(Role.FRONTEND, "subgraph")
    f = filter or SubgraphFilter()
    needed = size_by in (SizeMetric.BETWEENNESS, SizeMetric.BROKERAGE) or selects(
        info, {"betweenness", "brokerage", "community", "metricsComputedAt"}
    )
    computed_at = await current_metrics(info, f.level.value, needed=needed)
    result = await service.subgraph(
        ctx.repo,
        filter=service.SubgraphFilter(
            level=service.Level(f.level.value),
            system=str(f.system or ""),
            place=str(f.place or ""),
            sectors=[s.value for s in f.sectors or ()],
            levels=[lv.value for lv in f.levels or ()],
            wave=str(f.wave or ""),
            search=f.search or "",
        ),
        centre=str(centre) if centre else None,
        depth=depth,
        limit=limit,
        size_by=service.SizeBy(size_by.value),
        cache=getattr(ctx.services, "analysis_cache", None),
    )
    people = f.level is GraphLevel.PERSON  # WORKS_WITH ties, of PersonTieKind; else COLLABORATES_WITH, of TieKind
    if people and ctx.audit is not None:
        await ctx.audit.record(ctx.principal, "subgraph", [n.id for n in result.nodes], "ok")
    nodes, edges = _drawing(result, people)
    return Subgraph(
        nodes=nodes,
        edges=edges,
        total_nodes=result.total_nodes,
        truncated=result.truncated,
        graph_version=str(ctx.graph_version) if ctx.graph_version is not None else "0",
        metrics_computed_at=computed_at,
    )


_LABEL_OF, _SECTOR_OF = by_value(NodeLabelEnum), by_value(SectorEnum)
_TIE_KIND_OF, _PERSON_TIE_KIND_OF = by_value(TieKindEnum), by_value(PersonTieKindEnum)
"""The members the nodes and edges of a drawing are made with, by stored value (see :func:`by_value`)."""

_DRAWINGS: dict[tuple[int, bool], tuple[weakref.ref, list[SubgraphNode], list[SubgraphEdge]]] = {}
"""(id of the service's answer, people) -> (the answer, weakly; its nodes and edges): an entry goes
when its answer does."""


def _drawing(result: service.Subgraph, people: bool) -> tuple[list[SubgraphNode], list[SubgraphEdge]]:
    """The nodes and edges of the service's answer, made once per answer. The service keeps its answer
    for the graph version and arguments (``analysis_cache``), so the same drawing asked again finds
    them made instead of making thousands of objects again (``benchmarks/map.py`` and
    ``benchmarks/api.py --only subgraph`` time drawings). Nothing changes them after: the answer's
    fields are plain values, and what is the request's own (the graph version, ``metricsComputedAt``)
    is on :class:`Subgraph`."""
    key = (id(result), people)
    kept = _DRAWINGS.get(key)
    if kept is not None and kept[0]() is result:
        return kept[1], kept[2]
    nodes = [
        SubgraphNode(
            uid=n.id,
            label=n.label,
            kind=n.kind,
            sector=n.sector,
            label_code=_LABEL_OF[n.kind],
            sector_code=_SECTOR_OF[n.sector] if n.sector else None,
            organisation=n.organisation,
            organisation_name=n.organisation_name,
            place=n.place,
            size=n.size,
            degree=n.degree,
            betweenness=n.betweenness,
            brokerage=n.brokerage,
            community=n.community,
        )
        for n in result.nodes
    ]
    edges = [
        SubgraphEdge(
            key=e.id,
            source=e.source,
            target=e.target,
            kinds=e.kinds,
            weight=e.weight,
            trust=e.trust,
            kind_codes=[] if people else [_TIE_KIND_OF[k] for k in e.kinds],
            person_kind_codes=[_PERSON_TIE_KIND_OF[k] for k in e.kinds] if people else [],
        )
        for e in result.edges
    ]
    ref = weakref.ref(result)
    _DRAWINGS[key] = (ref, nodes, edges)
    weakref.finalize(result, _forget, key, ref)
    return nodes, edges


def _forget(key: tuple[int, bool], ref: weakref.ref) -> None:
    kept = _DRAWINGS.get(key)
    if kept is not None and kept[0] is ref:
        del _DRAWINGS[key]


subgraph_field = strawberry.field(
    resolver=resolve_subgraph,
    description="Nodes and edges for drawing, best-connected first, at most `limit` nodes (max 5000).",
)


@strawberry.input(description="Which organisations `systemOverview` shows. Omitted fields do not narrow it.")
class OverviewFilter:
    system: strawberry.ID | None = strawberry.field(default=None, description="system uid")
    place: strawberry.ID | None = strawberry.field(default=None, description="place uid")
    sectors: list[SectorEnum] | None = strawberry.field(default=None, description=_SECTORS)
    wave: strawberry.ID | None = strawberry.field(default=None, description="survey wave uid; omitted = every wave")


@strawberry.type(description="An organisation in the overview, sized by its teams.")
class OverviewNode:
    uid: strawberry.ID = strawberry.field(description="organisation uid")
    label: str = strawberry.field(description="The organisation's name.")
    sector: str | None = strawberry.field(
        description="The sector as a lower-case string.", deprecation_reason=DEPRECATED + "use sectorCode."
    )
    place: strawberry.ID | None = strawberry.field(
        description="Uid of a place the organisation serves (the first by uid)."
    )
    place_name: str | None = strawberry.field(description="That place's name.")
    teams: int = strawberry.field(description="number of the organisation's teams")
    inner_ties: int = strawberry.field(description="ties between two teams of this organisation")
    outer_ties: int = strawberry.field(description="ties from its teams to teams of the other organisations shown")
    sector_code: SectorEnum | None = strawberry.field(  # a plain field, made with the node (see SubgraphNode)
        description="The organisation's sector (the Sector enum, as in filters); null when it has none."
    )

    @strawberry.field(description="Global id of the organisation: what `node(id:)` takes.")
    def id(self) -> strawberry.ID:
        return global_id("Organisation", self.uid)


@strawberry.type(description="Two organisations and the ties between them and between their teams.")
class OverviewEdge:
    key: str = strawberry.field(description=_EDGE_KEY)
    source: strawberry.ID = strawberry.field(description="Uid of one organisation (the smaller uid).")
    target: strawberry.ID = strawberry.field(description="Uid of the other organisation.")
    team_ties: int = strawberry.field(description="ties between a team of one and a team of the other, both directions")
    organisation_ties: int = strawberry.field(description="ties recorded between the two organisations themselves")
    weight: int = strawberry.field(description="teamTies + organisationTies")

    @strawberry.field(description=_EDGE_KEY, deprecation_reason=DEPRECATED + "use key (an edge is not a Node).")
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.key)


@strawberry.type(description="Organisations and the ties between them and their teams: the map's default view.")
class SystemOverview:
    nodes: list[OverviewNode] = strawberry.field(description="The organisations in scope (at most 5,000).")
    edges: list[OverviewEdge] = strawberry.field(description="Every pair of them with a tie.")
    truncated: bool = strawberry.field(description="true when the scope holds more than 5,000 organisations")
    graph_version: str = strawberry.field(
        description=("The graph's version when read: it changes with every write, so a client can key a cache on it.")
    )


async def resolve_system_overview(
    info: Info[Context, None],
    filter: Annotated[
        OverviewFilter | None, strawberry.argument(description="Which organisations; omitted = all.")
    ] = None,
) -> SystemOverview:
    ctx = info.context
    ctx.principal.require(Role.FRONTEND, "systemOverview")
    f = filter or OverviewFilter()
    scope = {
        "system": str(f.system or ""),
        "place": str(f.place or ""),
        "sectors": sorted(s.value for s in f.sectors or ()),
        "wave": str(f.wave or ""),
    }
    graph_version = str(ctx.graph_version) if ctx.graph_version is not None else "0"

    cache = getattr(ctx.services, "analysis_cache", None)

    async def compute() -> SystemOverview:
        # the service's own answer is kept too: the metrics refresh draws the whole overview ahead
        result = await overview_service.system_overview(ctx.repo, **scope, cache=cache)
        return SystemOverview(
            nodes=[
                OverviewNode(
                    uid=n.id,
                    label=n.label,
                    sector=n.sector,
                    place=n.place,
                    place_name=n.place_name,
                    teams=n.teams,
                    inner_ties=n.inner_ties,
                    outer_ties=n.outer_ties,
                    sector_code=SectorEnum(n.sector) if n.sector else None,
                )
                for n in result.nodes
            ],
            edges=[
                OverviewEdge(
                    key=e.id,
                    source=e.source,
                    target=e.target,
                    team_ties=e.team_ties,
                    organisation_ties=e.organisation_ties,
                    weight=e.weight,
                )
                for e in result.edges
            ],
            truncated=result.truncated,
            graph_version=graph_version,
        )

    # The answer (a few thousand organisations and tens of thousands of edges on 42 systems) is built
    # once per graph version and scope; nothing changes it after.
    if cache is None:
        return await compute()
    key = (ctx.services.version, graph_version, "systemOverview", *(str(v) for v in scope.values()))
    return await cache.get(key, compute)


system_overview_field = strawberry.field(
    resolver=resolve_system_overview,
    description=(
        "Organisations (sized by their teams) and the ties between their teams summed per pair of "
        "organisations: the map's default view."
    ),
)
