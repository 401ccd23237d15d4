"""``culture``: staff survey indicators beside the network position of each organisation's leaders.

From :mod:`carenet.services.culture`, cached per graph version. An indicator from fewer than the
minimum responses (``CARENET_CULTURE_MIN_RESPONSES``, 11 by default) comes back with ``value``
null and ``suppressed`` true: the held value never leaves the server. Frontend role and above
(organisations' figures and their leaders' network position as aggregates; no person is named).
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from carenet.api.auth import Role
from carenet.api.context import Context
from carenet.services import culture as service


@strawberry.type(description="Where an organisation's leaders sit in the leaders' network (the either network, every wave).")
class LeaderPosition:
    leaders: int
    internal_ties: int = strawberry.field(description="ties between two of its leaders")
    external_ties: int = strawberry.field(description="ties between one of its leaders and a leader elsewhere")
    cross_boundary_ties_per_leader: float
    ei_index: float | None = strawberry.field(description="Krackhardt-Stern E-I: (external - internal) / all; null without ties")
    constraint: float | None = strawberry.field(description="mean Burt constraint of its leaders with a tie")
    brokerage_per_leader: float = strawberry.field(description="Gould-Fernandez brokerage across the boundary per leader")


@strawberry.type(description="One indicator's latest figure; value null when held (too few responses).")
class CultureFigure:
    indicator: str
    name: str
    period: str
    value: float | None
    scale: str | None
    responses: int | None
    suppressed: bool
    survey: str | None
    source: str | None
    higher_is_better: bool | None = strawberry.field(
        default=None, description="whether a higher value is better (from the indicator catalogue); null if not catalogued")


@strawberry.type
class CulturePoint:
    period: str
    value: float | None
    suppressed: bool


@strawberry.type(description="An indicator over survey periods; change between the last two when both are shown.")
class CultureTrend:
    indicator: str
    points: list[CulturePoint]
    change: float | None
    direction: str | None = strawberry.field(description="better, worse or no change (by whether higher is better)")
    since: str | None


@strawberry.type(description="A finding in plain words, with the figures behind it.")
class CultureFlag:
    code: str
    text: str
    evidence: list[str]


@strawberry.type
class CultureOrganisation:
    id: strawberry.ID
    name: str
    place: strawberry.ID | None
    system: strawberry.ID | None
    network: LeaderPosition | None
    indicators: list[CultureFigure]
    trends: list[CultureTrend]
    flags: list[CultureFlag]


@strawberry.type(description="A place's indicator: its organisations' shown values weighted by responses.")
class CulturePlaceFigure:
    indicator: str
    name: str
    value: float | None
    responses: int
    organisations: int
    suppressed: bool
    scale: str | None


@strawberry.type
class CulturePlace:
    id: strawberry.ID
    organisations: int
    leaders: int
    cross_boundary_ties_per_leader: float | None
    indicators: list[CulturePlaceFigure]
    flags: int = strawberry.field(description="flags raised for its organisations")


@strawberry.type(description="Spearman's rank correlation across organisations, with a Fisher-z interval and n.")
class CultureCorrelation:
    indicator: str
    measure: str
    rho: float | None
    n: int
    ci_low: float | None
    ci_high: float | None
    confidence: float
    method: str
    warning: str


@strawberry.type(description="A dataset behind the figures.")
class CultureSource:
    survey: str | None
    year: int | None
    wave: strawberry.ID | None
    source: str
    records: int


@strawberry.type
class CultureReport:
    minimum_responses: int
    warning: str = strawberry.field(description="an association across organisations is not a cause")
    organisations: list[CultureOrganisation]
    places: list[CulturePlace]
    correlations: list[CultureCorrelation]
    sources: list[CultureSource]


def _fields(cls: type, row: dict[str, Any], **extra: Any) -> Any:
    names = set(cls.__annotations__)
    return cls(**{k: v for k, v in row.items() if k in names}, **extra)


def _organisation(o: dict[str, Any], catalogue: dict[str, dict[str, Any]]) -> CultureOrganisation:
    return CultureOrganisation(
        id=o["organisation"], name=o["name"], place=o["place"], system=o["system"],
        network=_fields(LeaderPosition, o["network"]) if o["network"] else None,
        indicators=[_fields(CultureFigure, f, higher_is_better=catalogue.get(f["indicator"], {}).get("higher_is_better"))
                    for f in o["indicators"]],
        trends=[CultureTrend(indicator=t["indicator"], points=[_fields(CulturePoint, p) for p in t["points"]],
                             change=t["change"], direction=t["direction"], since=t.get("since")) for t in o["trends"]],
        flags=[_fields(CultureFlag, f) for f in o["flags"]])


async def resolve_culture(info: Info[Context, None], system: strawberry.ID | None = None,
                          place: strawberry.ID | None = None) -> CultureReport:
    info.context.principal.require(Role.FRONTEND, "culture")
    r = await service.report(info.context.repo, system=system, place=place,
                             minimum=info.context.services.settings.culture_min_responses, cache=getattr(info.context.services, "analysis_cache", None))
    return CultureReport(
        minimum_responses=r["minimum_responses"], warning=r["warning"],
        organisations=[_organisation(o, r.get("catalogue") or {}) for o in r["organisations"]],
        places=[CulturePlace(id=p["place"], organisations=p["organisations"], leaders=p["leaders"],
                             cross_boundary_ties_per_leader=p["cross_boundary_ties_per_leader"],
                             indicators=[_fields(CulturePlaceFigure, f) for f in p["indicators"]], flags=p["flags"])
                for p in r["places"]],
        correlations=[_fields(CultureCorrelation, c) for c in r["correlations"]],
        sources=[_fields(CultureSource, s) for s in r["sources"]],
    )


culture_field = strawberry.field(
    resolver=resolve_culture,
    description="Staff survey indicators beside the network position of each organisation's leaders, per "
                "organisation and place, with flags, trends and rank correlations (see docs/contracts.md).",
)
