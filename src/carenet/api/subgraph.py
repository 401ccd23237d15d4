"""``subgraph``: a part of the network in one round trip, shaped for graphology or Cytoscape.js.

See docs/contracts.md for the shape the map page relies on.
"""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from carenet.api.auth import Role
from carenet.api.connections import current_metrics, selects
from carenet.api.context import Context
from carenet.api.enums import GraphLevel, LeadershipLevelEnum, SectorEnum, SizeMetric
from carenet.services import overview as overview_service
from carenet.services import subgraph as service


@strawberry.input
class SubgraphFilter:
    level: GraphLevel = GraphLevel.TEAM
    system: strawberry.ID | None = strawberry.field(default=None, description="system uid")
    place: strawberry.ID | None = strawberry.field(default=None, description="place uid")
    sectors: list[SectorEnum] | None = None
    levels: list[LeadershipLevelEnum] | None = strawberry.field(default=None, description="person level only")
    wave: strawberry.ID | None = strawberry.field(default=None, description="survey wave uid; omitted = every wave")
    search: str | None = strawberry.field(default=None, description="name contains (case-insensitive)")


@strawberry.type
class SubgraphNode:
    id: strawberry.ID = strawberry.field(description="carenet uid")
    label: str = strawberry.field(description="display name")
    kind: str = strawberry.field(description="Team | Organisation | Person")
    sector: str | None
    organisation: strawberry.ID | None
    organisation_name: str | None
    place: strawberry.ID | None
    size: float = strawberry.field(description="the chosen size metric")
    degree: int
    betweenness: float | None
    brokerage: float | None
    community: int | None


@strawberry.type
class SubgraphEdge:
    id: strawberry.ID
    source: strawberry.ID
    target: strawberry.ID
    kinds: list[str]
    weight: float = strawberry.field(description="number of ties between the pair (both directions, every wave shown)")
    trust: float | None


@strawberry.type
class Subgraph:
    nodes: list[SubgraphNode]
    edges: list[SubgraphEdge]
    total_nodes: int
    truncated: bool
    graph_version: str
    metrics_computed_at: datetime | None = strawberry.field(default=None, description=(
        "When the nodes' betweenness, brokerage and community were computed (brought up to date before "
        "this read when sized by or selecting them); null when the query uses none."))


async def resolve_subgraph(
    info: Info[Context, None],
    filter: SubgraphFilter | None = None,
    centre: strawberry.ID | None = None,
    depth: int = 1,
    limit: int = 2000,
    size_by: SizeMetric = SizeMetric.DEGREE,
) -> Subgraph:
    ctx = info.context
    ctx.principal.require(Role.FRONTEND, "subgraph")
    f = filter or SubgraphFilter()
    needed = size_by in (SizeMetric.BETWEENNESS, SizeMetric.BROKERAGE) or selects(
        info, {"betweenness", "brokerage", "community", "metricsComputedAt"})
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
    if f.level is GraphLevel.PERSON and ctx.audit is not None:
        await ctx.audit.record(ctx.principal, "subgraph", [n.id for n in result.nodes], "ok")
    return Subgraph(
        nodes=[
            SubgraphNode(
                id=n.id, label=n.label, kind=n.kind, sector=n.sector, organisation=n.organisation,
                organisation_name=n.organisation_name, place=n.place, size=n.size, degree=n.degree,
                betweenness=n.betweenness, brokerage=n.brokerage, community=n.community,
            )
            for n in result.nodes
        ],
        edges=[SubgraphEdge(id=e.id, source=e.source, target=e.target, kinds=e.kinds, weight=e.weight, trust=e.trust)
               for e in result.edges],
        total_nodes=result.total_nodes,
        truncated=result.truncated,
        graph_version=str(ctx.graph_version) if ctx.graph_version is not None else "0",
        metrics_computed_at=computed_at,
    )


subgraph_field = strawberry.field(
    resolver=resolve_subgraph,
    description="Nodes and edges for drawing, best-connected first, at most `limit` nodes (max 5000).",
)


@strawberry.input
class OverviewFilter:
    system: strawberry.ID | None = strawberry.field(default=None, description="system uid")
    place: strawberry.ID | None = strawberry.field(default=None, description="place uid")
    sectors: list[SectorEnum] | None = None
    wave: strawberry.ID | None = strawberry.field(default=None, description="survey wave uid; omitted = every wave")


@strawberry.type
class OverviewNode:
    id: strawberry.ID = strawberry.field(description="organisation uid")
    label: str
    sector: str | None
    place: strawberry.ID | None
    place_name: str | None
    teams: int = strawberry.field(description="number of the organisation's teams")
    inner_ties: int = strawberry.field(description="ties between two teams of this organisation")
    outer_ties: int = strawberry.field(description="ties from its teams to teams of the other organisations shown")


@strawberry.type
class OverviewEdge:
    id: strawberry.ID
    source: strawberry.ID
    target: strawberry.ID
    team_ties: int = strawberry.field(description="ties between a team of one and a team of the other, both directions")
    organisation_ties: int = strawberry.field(description="ties recorded between the two organisations themselves")
    weight: int = strawberry.field(description="teamTies + organisationTies")


@strawberry.type
class SystemOverview:
    nodes: list[OverviewNode]
    edges: list[OverviewEdge]
    truncated: bool = strawberry.field(description="true when the scope holds more than 5,000 organisations")
    graph_version: str


async def resolve_system_overview(info: Info[Context, None], filter: OverviewFilter | None = None) -> SystemOverview:
    ctx = info.context
    ctx.principal.require(Role.FRONTEND, "systemOverview")
    f = filter or OverviewFilter()
    scope = {"system": str(f.system or ""), "place": str(f.place or ""),
             "sectors": sorted(s.value for s in f.sectors or ()), "wave": str(f.wave or "")}
    graph_version = str(ctx.graph_version) if ctx.graph_version is not None else "0"

    async def compute() -> SystemOverview:
        result = await overview_service.system_overview(ctx.repo, **scope)
        return SystemOverview(
            nodes=[OverviewNode(id=n.id, label=n.label, sector=n.sector, place=n.place, place_name=n.place_name,
                                teams=n.teams, inner_ties=n.inner_ties, outer_ties=n.outer_ties) for n in result.nodes],
            edges=[OverviewEdge(id=e.id, source=e.source, target=e.target, team_ties=e.team_ties,
                                organisation_ties=e.organisation_ties, weight=e.weight) for e in result.edges],
            truncated=result.truncated,
            graph_version=graph_version,
        )

    # The answer (a few thousand organisations and tens of thousands of edges on 42 systems) is built
    # once per graph version and scope; nothing changes it after.
    cache = getattr(ctx.services, "analysis_cache", None)
    if cache is None:
        return await compute()
    key = (ctx.services.version, graph_version, "systemOverview", *(str(v) for v in scope.values()))
    return await cache.get(key, compute)


system_overview_field = strawberry.field(
    resolver=resolve_system_overview,
    description=("Organisations (sized by their teams) and the ties between their teams summed per pair of "
                 "organisations: the map's default view."),
)
