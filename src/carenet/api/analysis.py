"""Analytics in GraphQL: what the map draws (communities, brokers, cut points, bridges, departure
impact, pathway hand-offs) and the full reports. Shapes: docs/contracts.md.

Results come from :mod:`carenet.services.analysis`, cached per graph version.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from carenet.api.auth import Role
from carenet.api.context import Context
from carenet.api.enums import GraphLevel
from carenet.errors import InvalidInput, Problem
from carenet.services import analysis as service
from carenet.services.graphs import Scope, basis, resolve


@strawberry.enum(description="Which network a measure reads.")
class TieNetwork(Enum):
    EITHER = strawberry.enum_value("either", description="A tie wherever either end reports one (the default).")
    BOTH = strawberry.enum_value("both", description="A tie only where both ends report it.")
    DIRECTED = strawberry.enum_value("directed", description="The ties as recorded, each in its reporting direction.")


@strawberry.input
class AnalysisFilter:
    level: GraphLevel = GraphLevel.TEAM
    network: TieNetwork = TieNetwork.EITHER
    system: strawberry.ID | None = None
    place: strawberry.ID | None = None
    wave: strawberry.ID | None = strawberry.field(
        default=None, description="survey wave uid; omitted = the latest wave of each system in scope")
    at: dt.date | None = strawberry.field(
        default=None, description="ties active on this date; omitted = today, or the named wave's collection date")


Report = strawberry.enum(service.ReportName, name="Report")


@strawberry.type(description="What an analysis read: level, survey waves, date and network rule.")
class AnalysisBasis:
    level: GraphLevel
    waves: list[strawberry.ID]
    at: dt.date
    network: TieNetwork
    rule: str


@strawberry.type
class CommunityView:
    id: int
    size: int
    largest_sector: str | None
    largest_sector_share: float
    largest_organisation: strawberry.ID | None
    largest_organisation_share: float
    is_silo: bool = strawberry.field(description="more ties inside than outside (E-I below 0) and below the E-I random mixing gives")
    single_organisation: bool = strawberry.field(description="at least 80% of the members are one organisation's")
    ei: float | None = strawberry.field(description="Krackhardt-Stern E-I index of the community's ties (each pair once)")
    expected_ei: float | None = strawberry.field(description="the E-I index random mixing with the same degrees gives")
    members: list[strawberry.ID]


@strawberry.type
class BrokerView:
    id: strawberry.ID
    name: str
    betweenness: float
    brokerage: float
    roles: JSON


@strawberry.type
class BridgeView:
    source: strawberry.ID
    target: strawberry.ID


@strawberry.type
class DepartureImpactView:
    removed: list[strawberry.ID]
    components_before: int
    components_after: int
    pairs_disconnected: int
    efficiency_before: float
    efficiency_after: float
    efficiency_change: float


@strawberry.type
class PathwayStepView:
    id: strawberry.ID
    name: str
    position: int
    teams: list[strawberry.ID]


@strawberry.type
class HandoffView:
    from_step: strawberry.ID
    to_step: strawberry.ID
    from_teams: list[strawberry.ID]
    to_teams: list[strawberry.ID]
    has_tie: bool
    shortest_path: list[strawberry.ID] | None


@strawberry.type
class CarePathwayView:
    id: strawberry.ID
    name: str
    steps: list[PathwayStepView]
    handoffs: list[HandoffView]


def _scope(f: AnalysisFilter | None) -> Scope:
    f = f or AnalysisFilter()
    return Scope(level=f.level.value, system=f.system, place=f.place, wave=f.wave, at=f.at, network=f.network.value)


def _cache(info: Info[Context, None]):
    return getattr(info.context.services, "analysis_cache", None)


@strawberry.type(description="Silos, brokers and fragility of one part of the network.")
class Analysis:
    scope: strawberry.Private[Scope]

    @strawberry.field(description="The network every measure here reads.")
    def network(self) -> TieNetwork:
        return TieNetwork(self.scope.network)

    @strawberry.field(description="The waves, date and network rule every measure here reads.")
    def basis(self) -> AnalysisBasis:
        b = basis(self.scope)
        return AnalysisBasis(level=GraphLevel(b["level"]), waves=[strawberry.ID(w) for w in b["waves"]],
                             at=self.scope.at, network=TieNetwork(b["network"]), rule=b["rule"])

    @strawberry.field(description="Every community found (Leiden), with its make-up and its outside ties against the expected value.")
    async def communities(self, info: Info[Context, None]) -> list[CommunityView]:
        found = await service.overview(info.context.repo, scope=self.scope, cache=_cache(info))
        return [
            CommunityView(
                id=c["id"], size=c["size"], largest_sector=c["largest_sector"],
                largest_sector_share=c["largest_sector_share"], largest_organisation=c["largest_organisation"],
                largest_organisation_share=c["largest_organisation_share"], is_silo=c["silo"],
                single_organisation=c["single_organisation"], ei=c["ei"], expected_ei=c["expected_ei"],
                members=[strawberry.ID(m) for m in c["members"]],
            )
            for c in found["communities"]
        ]

    @strawberry.field(description="The nodes of highest betweenness, with their Gould-Fernandez brokerage by sector.")
    async def brokers(self, info: Info[Context, None], limit: int = 20) -> list[BrokerView]:
        if not 1 <= limit <= 500:
            raise InvalidInput([Problem("limit", "must be between 1 and 500", limit)])
        found = await service.overview(info.context.repo, scope=self.scope, cache=_cache(info))
        ranked = sorted(found["betweenness"].items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [
            BrokerView(
                id=v, name=found["names"].get(v) or v, betweenness=b,
                brokerage=float(found["brokerage"].get(v, 0)), roles=found["roles"].get(v, {}),
            )
            for v, b in ranked
        ]

    @strawberry.field(description="Cut points: nodes whose removal splits the network (ties taken both ways).")
    async def cut_points(self, info: Info[Context, None]) -> list[strawberry.ID]:
        found = await service.overview(info.context.repo, scope=self.scope, cache=_cache(info))
        return [strawberry.ID(v) for v in found["cut_points"]]

    @strawberry.field(description="Bridges: ties whose removal splits the network.")
    async def bridges(self, info: Info[Context, None]) -> list[BridgeView]:
        found = await service.overview(info.context.repo, scope=self.scope, cache=_cache(info))
        return [BridgeView(source=a, target=b) for a, b in found["bridges"]]

    @strawberry.field(description="What removing these nodes does to the network.")
    async def departure_impact(self, info: Info[Context, None], ids: list[strawberry.ID]) -> DepartureImpactView:
        if not ids:
            raise InvalidInput([Problem("ids", "name at least one node")])
        d = await service.departure(info.context.repo, [str(i) for i in ids], scope=self.scope)
        return DepartureImpactView(
            removed=d["removed"], components_before=d["components_before"], components_after=d["components_after"],
            pairs_disconnected=d["pairs_disconnected"], efficiency_before=d["efficiency_before"],
            efficiency_after=d["efficiency_after"], efficiency_change=d["efficiency_change"],
        )


async def resolve_analysis(info: Info[Context, None], filter: AnalysisFilter | None = None) -> Analysis:
    scope = _scope(filter)
    info.context.principal.require(Role.ANALYST if scope.level == "person" else Role.FRONTEND, "analysis")
    return Analysis(scope=await resolve(info.context.repo, scope, where="filter.wave"))


async def resolve_pathways(
    info: Info[Context, None], system: strawberry.ID | None = None, wave: strawberry.ID | None = None,
    at: dt.date | None = None,
) -> list[CarePathwayView]:
    info.context.principal.require(Role.FRONTEND, "pathways")
    scope = await resolve(info.context.repo, Scope(system=system, wave=wave, at=at))
    found = await service.pathway_handoffs(info.context.repo, scope=scope, cache=_cache(info))
    return [
        CarePathwayView(
            id=p["id"], name=p["name"],
            steps=[PathwayStepView(id=s["id"], name=s["name"], position=s["position"], teams=s["teams"]) for s in p["steps"]],
            handoffs=[
                HandoffView(from_step=h["from_step"], to_step=h["to_step"], from_teams=h["from_teams"],
                            to_teams=h["to_teams"], has_tie=h["has_tie"], shortest_path=h["shortest_path"])
                for h in p["handoffs"]
            ],
        )
        for p in found
    ]


async def resolve_report(info: Info[Context, None], report: Report, filter: AnalysisFilter | None = None) -> JSON:
    """A full report as JSON, the same as ``carenet analyse REPORT --format json``."""
    scope = _scope(filter)
    # leadership figures are suppressed aggregates (any role); network reports name teams and people
    info.context.principal.require(Role.PUBLIC if report.value == "leadership" else Role.ANALYST, "analysisReport")
    scope = await resolve(info.context.repo, scope, where="filter.wave")
    return await service.run(info.context.repo, report.value, scope=scope, cache=_cache(info),
                             culture_minimum=info.context.services.settings.culture_min_responses)


analysis_field = strawberry.field(resolver=resolve_analysis, description="Silos, brokers and fragility (see docs/contracts.md).")
pathways_field = strawberry.field(resolver=resolve_pathways, description="Care pathways with their steps and hand-offs.")
report_field = strawberry.field(resolver=resolve_report, description="A full analytics report as JSON.")
