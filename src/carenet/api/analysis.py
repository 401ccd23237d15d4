"""Analytics in GraphQL: what the map draws (communities, brokers, cut points, bridges, departure
impact, pathway hand-offs) and the full reports. Shapes: docs/contracts.md.

Results come from :mod:`carenet.services.analysis`, cached per graph version.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from carenet.api.auth import Role
from carenet.api.context import Context
from carenet.api.enums import GraphLevel, SectorEnum, described
from carenet.api.types import DEPRECATED, global_id
from carenet.errors import InvalidInput, Problem
from carenet.services import analysis as service
from carenet.services.graphs import Scope, basis, resolve


@strawberry.enum(description="Which network a measure reads.")
class TieNetwork(Enum):
    EITHER = strawberry.enum_value("either", description="A tie wherever either end reports one (the default).")
    BOTH = strawberry.enum_value("both", description="A tie only where both ends report it.")
    DIRECTED = strawberry.enum_value("directed", description="The ties as recorded, each in its reporting direction.")


@strawberry.input(description="Which network an analysis reads. Omitted fields do not narrow it.")
class AnalysisFilter:
    level: GraphLevel = strawberry.field(
        default=GraphLevel.TEAM, description="Which kind of node (people: analyst role)."
    )
    network: TieNetwork = strawberry.field(default=TieNetwork.EITHER, description="Which ties count.")
    system: strawberry.ID | None = strawberry.field(default=None, description="Only this system's nodes (its uid).")
    place: strawberry.ID | None = strawberry.field(
        default=None, description="Only the nodes serving this place (its uid)."
    )
    wave: strawberry.ID | None = strawberry.field(
        default=None, description="survey wave uid; omitted = the latest wave of each system in scope"
    )
    at: dt.date | None = strawberry.field(
        default=None, description="ties active on this date; omitted = today, or the named wave's collection date"
    )


Report = described(
    service.ReportName,
    "Report",
    "A full analytics report (as `carenet analyse REPORT`).",
    {
        "SILOS": "Sector mixing, E-I indices, Leiden communities (silos), isolates and small components. Analyst role.",
        "GAPS": (
            "Care-pathway hand-offs with no working tie, missing sectors, forums without VCSE members. Analyst role."
        ),
        "BROKERS": "Betweenness, Gould-Fernandez brokerage, Burt's constraint, cut points and bridges. Analyst role.",
        "QUALITY": "PARTNER trust and value per organisation and tie, and their change between waves. Analyst role.",
        "LEADERSHIP": "Leaders' diversity against baselines, demand against pipeline, capability gaps. Suppressed; "
        "any role.",
        "CULTURE": "Staff survey indicators beside the leaders' network position. Analyst role.",
        "ALL": "Every report above, in one answer. Analyst role.",
    },
)


@strawberry.type(description="What an analysis read: level, survey waves, date and network rule.")
class AnalysisBasis:
    level: GraphLevel = strawberry.field(description="Which kind of node.")
    waves: list[strawberry.ID] = strawberry.field(description="Uids of the survey waves whose ties were read.")
    at: dt.date = strawberry.field(description="The date the ties were active on.")
    network: TieNetwork = strawberry.field(description="Which ties counted.")
    rule: str = strawberry.field(description="All of the above in one sentence, for a report's footnote.")


@strawberry.type(description="A community of the network (Leiden), with its make-up.")
class CommunityView:
    number: int = strawberry.field(description="The community's number within this analysis.")
    size: int = strawberry.field(description="Number of members.")
    largest_sector: str | None = strawberry.field(
        description="The members' most common sector as a lower-case string.",
        deprecation_reason=DEPRECATED + "use largestSectorCode.",
    )
    largest_sector_share: float = strawberry.field(description="Share of the members in that sector, 0-1.")
    largest_organisation: strawberry.ID | None = strawberry.field(
        description="Uid of the organisation most members belong to; null for organisations."
    )
    largest_organisation_share: float = strawberry.field(description="Share of the members in that organisation, 0-1.")
    is_silo: bool = strawberry.field(
        description="more ties inside than outside (E-I below 0) and below the E-I random mixing gives"
    )
    single_organisation: bool = strawberry.field(description="at least 80% of the members are one organisation's")
    ei: float | None = strawberry.field(
        description="Krackhardt-Stern E-I index of the community's ties (each pair once)"
    )
    expected_ei: float | None = strawberry.field(description="the E-I index random mixing with the same degrees gives")
    members: list[strawberry.ID] = strawberry.field(description="Uids of the members.")

    @strawberry.field(
        description="The community's number.", deprecation_reason=DEPRECATED + "use number (a community is not a Node)."
    )
    def id(self) -> int:
        return self.number

    @strawberry.field(description="The members' most common sector (the Sector enum); null when none has one.")
    def largest_sector_code(self) -> SectorEnum | None:
        return SectorEnum(self.largest_sector) if self.largest_sector else None


_KINDS = {"team": "Team", "organisation": "Organisation", "person": "Person"}


@strawberry.type(description="A broker: a node of high betweenness, with its brokerage by sector.")
class BrokerView:
    uid: strawberry.ID = strawberry.field(description="The node's uid.")
    name: str = strawberry.field(description="The node's name.")
    betweenness: float = strawberry.field(description="Betweenness centrality, normalised to 0-1.")
    brokerage: float = strawberry.field(description="Gould-Fernandez brokerage: every role summed.")
    roles: JSON = strawberry.field(
        description=(
            "Gould-Fernandez brokerage per role (coordinator, itinerant, gatekeeper, representative, liaison), "
            "groups being sectors: counts of the pairs it links."
        )
    )
    kind: strawberry.Private[str]

    @strawberry.field(description="Global id of the node (a Team, Organisation or Person): what `node(id:)` takes.")
    def id(self) -> strawberry.ID:
        return global_id(self.kind, self.uid)


@strawberry.type(description="A bridge: a tie whose removal splits the network (ties taken both ways).")
class BridgeView:
    source: strawberry.ID = strawberry.field(description="Uid of one end.")
    target: strawberry.ID = strawberry.field(description="Uid of the other end.")


@strawberry.type(description="What removing some nodes does to the network.")
class DepartureImpactView:
    removed: list[strawberry.ID] = strawberry.field(
        description="Uids of the nodes removed (those found in the network)."
    )
    components_before: int = strawberry.field(description="Connected components before.")
    components_after: int = strawberry.field(description="Connected components after.")
    pairs_disconnected: int = strawberry.field(
        description="Pairs of the remaining nodes connected before and not after."
    )
    efficiency_before: float = strawberry.field(
        description="Global efficiency (mean inverse shortest path) before, 0-1."
    )
    efficiency_after: float = strawberry.field(description="Global efficiency after, 0-1.")
    efficiency_change: float = strawberry.field(description="efficiencyAfter minus efficiencyBefore.")


_PATHWAY_ID = DEPRECATED + "use uid (pathways and their steps are not Nodes)."


@strawberry.type(description="One step of a care pathway and the teams that deliver it.")
class PathwayStepView:
    uid: strawberry.ID = strawberry.field(description="The step's uid.")
    name: str = strawberry.field(description="The step's name.")
    position: int = strawberry.field(description="1 for the first step of its pathway.")
    teams: list[strawberry.ID] = strawberry.field(description="Uids of the teams that deliver the step (DELIVERS).")

    @strawberry.field(description="The step's uid.", deprecation_reason=_PATHWAY_ID)
    def id(self) -> strawberry.ID:
        return self.uid


@strawberry.type(description="A hand-off between consecutive steps, and whether their teams have a working tie.")
class HandoffView:
    from_step: strawberry.ID = strawberry.field(description="Uid of the step handing off.")
    to_step: strawberry.ID = strawberry.field(description="Uid of the next step (NEXT).")
    from_teams: list[strawberry.ID] = strawberry.field(description="Uids of the teams delivering the first step.")
    to_teams: list[strawberry.ID] = strawberry.field(description="Uids of the teams delivering the next step.")
    has_tie: bool = strawberry.field(description="Whether a team of one step has a tie with a team of the other.")
    shortest_path: list[strawberry.ID] | None = strawberry.field(
        description="Without a tie: the uids on the shortest path between the two steps' teams; null when none."
    )


@strawberry.type(description="A care pathway: its steps in order and the hand-offs between them.")
class CarePathwayView:
    uid: strawberry.ID = strawberry.field(description="The pathway's uid.")
    name: str = strawberry.field(description="The pathway's name.")
    steps: list[PathwayStepView] = strawberry.field(description="The steps, by position.")
    handoffs: list[HandoffView] = strawberry.field(description="The hand-offs between consecutive steps.")

    @strawberry.field(description="The pathway's uid.", deprecation_reason=_PATHWAY_ID)
    def id(self) -> strawberry.ID:
        return self.uid


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
        return AnalysisBasis(
            level=GraphLevel(b["level"]),
            waves=[strawberry.ID(w) for w in b["waves"]],
            at=self.scope.at,
            network=TieNetwork(b["network"]),
            rule=b["rule"],
        )

    @strawberry.field(
        description="Every community found (Leiden), with its make-up and its outside ties against the expected value."
    )
    async def communities(self, info: Info[Context, None]) -> list[CommunityView]:
        found = await service.overview(info.context.repo, scope=self.scope, cache=_cache(info))
        return [
            CommunityView(
                number=c["id"],
                size=c["size"],
                largest_sector=c["largest_sector"],
                largest_sector_share=c["largest_sector_share"],
                largest_organisation=c["largest_organisation"],
                largest_organisation_share=c["largest_organisation_share"],
                is_silo=c["silo"],
                single_organisation=c["single_organisation"],
                ei=c["ei"],
                expected_ei=c["expected_ei"],
                members=[strawberry.ID(m) for m in c["members"]],
            )
            for c in found["communities"]
        ]

    @strawberry.field(description="The nodes of highest betweenness, with their Gould-Fernandez brokerage by sector.")
    async def brokers(
        self,
        info: Info[Context, None],
        limit: Annotated[
            int, strawberry.argument(description="At most this many (1-500), highest betweenness first.")
        ] = 20,
    ) -> list[BrokerView]:
        if not 1 <= limit <= 500:
            raise InvalidInput([Problem("limit", "must be between 1 and 500", limit)])
        found = await service.overview(info.context.repo, scope=self.scope, cache=_cache(info))
        ranked = sorted(found["betweenness"].items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [
            BrokerView(
                uid=v,
                kind=_KINDS[self.scope.level],
                name=found["names"].get(v) or v,
                betweenness=b,
                brokerage=float(found["brokerage"].get(v, 0)),
                roles=found["roles"].get(v, {}),
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
    async def departure_impact(
        self,
        info: Info[Context, None],
        ids: Annotated[
            list[strawberry.ID], strawberry.argument(description="Uids of the nodes to remove (at least one).")
        ],
    ) -> DepartureImpactView:
        if not ids:
            raise InvalidInput([Problem("ids", "name at least one node")])
        d = await service.departure(info.context.repo, [str(i) for i in ids], scope=self.scope)
        return DepartureImpactView(
            removed=d["removed"],
            components_before=d["components_before"],
            components_after=d["components_after"],
            pairs_disconnected=d["pairs_disconnected"],
            efficiency_before=d["efficiency_before"],
            efficiency_after=d["efficiency_after"],
            efficiency_change=d["efficiency_change"],
        )


_FILTER = Annotated[
    AnalysisFilter | None,
    strawberry.argument(
        description="Which network; omitted = every team, the either network, the latest waves, today."
    ),
]


async def resolve_analysis(info: Info[Context, None], filter: _FILTER = None) -> Analysis:
    scope = _scope(filter)
    info.context.principal.require(Role.ANALYST if scope.level == "person" else Role.FRONTEND, "analysis")
    return Analysis(scope=await resolve(info.context.repo, scope, where="filter.wave"))


async def resolve_pathways(
    info: Info[Context, None],
    system: Annotated[
        strawberry.ID | None, strawberry.argument(description="Only this system's pathways (its uid).")
    ] = None,
    wave: Annotated[
        strawberry.ID | None,
        strawberry.argument(
            description="Ties of this survey wave (its uid); omitted = the latest wave of each system."
        ),
    ] = None,
    at: Annotated[dt.date | None, strawberry.argument(description="Ties active on this date; omitted = today.")] = None,
) -> list[CarePathwayView]:
    info.context.principal.require(Role.FRONTEND, "pathways")
    scope = await resolve(info.context.repo, Scope(system=system, wave=wave, at=at))
    found = await service.pathway_handoffs(info.context.repo, scope=scope, cache=_cache(info))
    return [
        CarePathwayView(
            uid=p["id"],
            name=p["name"],
            steps=[
                PathwayStepView(uid=s["id"], name=s["name"], position=s["position"], teams=s["teams"])
                for s in p["steps"]
            ],
            handoffs=[
                HandoffView(
                    from_step=h["from_step"],
                    to_step=h["to_step"],
                    from_teams=h["from_teams"],
                    to_teams=h["to_teams"],
                    has_tie=h["has_tie"],
                    shortest_path=h["shortest_path"],
                )
                for h in p["handoffs"]
            ],
        )
        for p in found
    ]


async def resolve_report(
    info: Info[Context, None],
    report: Annotated[Report, strawberry.argument(description="Which report.")],
    filter: _FILTER = None,
) -> JSON:
    """A full report as JSON, the same as ``carenet analyse REPORT --format json``."""
    scope = _scope(filter)
    # leadership figures are suppressed aggregates (any role); network reports name teams and people
    info.context.principal.require(Role.PUBLIC if report.value == "leadership" else Role.ANALYST, "analysisReport")
    scope = await resolve(info.context.repo, scope, where="filter.wave")
    return await service.run(
        info.context.repo,
        report.value,
        scope=scope,
        cache=_cache(info),
        culture_minimum=info.context.services.settings.culture_min_responses,
    )


analysis_field = strawberry.field(
    resolver=resolve_analysis, description="Silos, brokers and fragility (see docs/contracts.md)."
)
pathways_field = strawberry.field(
    resolver=resolve_pathways, description="Care pathways with their steps and hand-offs."
)
report_field = strawberry.field(resolver=resolve_report, description="A full analytics report as JSON.")
