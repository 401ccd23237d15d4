"""``culture``: staff survey indicators beside the network position of each organisation's leaders.

From :mod:`carenet.services.culture`, cached per graph version. An indicator from fewer than the
minimum responses (``CARENET_CULTURE_MIN_RESPONSES``, 11 by default) comes back with ``value``
null and ``suppressed`` true: the held value never leaves the server. Frontend role and above
(organisations' figures and their leaders' network position as aggregates; no person is named).
"""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from carenet.api.auth import Role
from carenet.api.context import Context
from carenet.api.enums import CultureFinding, CultureScaleEnum, CultureSurveyEnum, LeaderMeasure, TrendDirection
from carenet.api.types import DEPRECATED, global_id
from carenet.services import culture as service


@strawberry.type(
    description="Where an organisation's leaders sit in the leaders' network (the either network, every wave)."
)
class LeaderPosition:
    leaders: int = strawberry.field(description="Number of its leaders in the network.")
    internal_ties: int = strawberry.field(description="ties between two of its leaders")
    external_ties: int = strawberry.field(description="ties between one of its leaders and a leader elsewhere")
    cross_boundary_ties_per_leader: float = strawberry.field(description="externalTies / leaders.")
    ei_index: float | None = strawberry.field(
        description="Krackhardt-Stern E-I: (external - internal) / all; null without ties"
    )
    constraint: float | None = strawberry.field(description="mean Burt constraint of its leaders with a tie")
    brokerage_per_leader: float = strawberry.field(
        description="Gould-Fernandez brokerage across the boundary per leader"
    )


@strawberry.type(description="One indicator's latest figure; value null when held (too few responses).")
class CultureFigure:
    indicator: str = strawberry.field(description="The indicator's code (as in the indicator catalogue).")
    name: str = strawberry.field(description="The indicator's name.")
    period: str = strawberry.field(description="The survey year (or wave uid when no year is given) of the figure.")
    value: float | None = strawberry.field(description="The figure on its scale; null when suppressed.")
    scale: str | None = strawberry.field(
        description="The scale as a lower-case string.", deprecation_reason=DEPRECATED + "use scaleCode."
    )
    responses: int | None = strawberry.field(description="Number of responses behind the figure.")
    suppressed: bool = strawberry.field(description="true when the responses are below minimumResponses (value null).")
    survey: str | None = strawberry.field(
        description="The survey as a lower-case string.", deprecation_reason=DEPRECATED + "use surveyCode."
    )
    source: str | None = strawberry.field(description="Where the figure was published or taken from.")
    higher_is_better: bool | None = strawberry.field(
        default=None,
        description="whether a higher value is better (from the indicator catalogue); null if not catalogued",
    )

    @strawberry.field(description="Which survey (the CultureSurvey enum, as in inputs).")
    def survey_code(self) -> CultureSurveyEnum | None:
        return CultureSurveyEnum(self.survey) if self.survey else None

    @strawberry.field(description="The figure's scale (the CultureScale enum, as in inputs).")
    def scale_code(self) -> CultureScaleEnum | None:
        return CultureScaleEnum(self.scale) if self.scale else None


@strawberry.type(description="An indicator's figure in one survey period.")
class CulturePoint:
    period: str = strawberry.field(description="The survey year (or wave uid).")
    value: float | None = strawberry.field(description="The figure; null when suppressed.")
    suppressed: bool = strawberry.field(description="true when the responses are below minimumResponses.")


@strawberry.type(description="An indicator over survey periods; change between the last two when both are shown.")
class CultureTrend:
    indicator: str = strawberry.field(description="The indicator's code.")
    points: list[CulturePoint] = strawberry.field(description="Its figures, oldest first.")
    change: float | None = strawberry.field(
        description="The last figure minus the one before; null unless both are shown."
    )
    direction: str | None = strawberry.field(
        description="better, worse or no change (by whether higher is better); null unless both are shown.",
        deprecation_reason=DEPRECATED + "use trendCode.",
    )
    since: str | None = strawberry.field(description="The period the change is measured from.")

    @strawberry.field(
        description="How the figure moved (the TrendDirection enum: BETTER, WORSE, NO_CHANGE); null unless both "
        "of the last two figures are shown."
    )
    def trend_code(self) -> TrendDirection | None:
        return TrendDirection(self.direction) if self.direction else None


@strawberry.type(description="A finding in plain words, with the figures behind it.")
class CultureFlag:
    code: str = strawberry.field(
        description="The kind of finding (a short lower-case code).", deprecation_reason=DEPRECATED + "use findingCode."
    )
    text: str = strawberry.field(description="The finding in plain words.")
    evidence: list[str] = strawberry.field(description="The figures behind it, one per line.")

    @strawberry.field(description="The kind of finding (the CultureFinding enum).")
    def finding_code(self) -> CultureFinding:
        return CultureFinding(self.code)


@strawberry.type(description="An organisation's staff survey figures beside its leaders' network position.")
class CultureOrganisation:
    uid: strawberry.ID = strawberry.field(description="The organisation's uid.")
    name: str = strawberry.field(description="The organisation's name.")
    place: strawberry.ID | None = strawberry.field(description="Uid of the place it serves (the first by uid).")
    system: strawberry.ID | None = strawberry.field(description="Uid of its system.")
    network: LeaderPosition | None = strawberry.field(
        description="Its leaders' network position; null without leaders."
    )
    indicators: list[CultureFigure] = strawberry.field(description="Each indicator's latest figure.")
    trends: list[CultureTrend] = strawberry.field(description="Each indicator over the survey periods.")
    flags: list[CultureFlag] = strawberry.field(description="Findings about the organisation.")

    @strawberry.field(description="Global id of the organisation: what `node(id:)` takes.")
    def id(self) -> strawberry.ID:
        return global_id("Organisation", self.uid)


@strawberry.type(description="A place's indicator: its organisations' shown values weighted by responses.")
class CulturePlaceFigure:
    indicator: str = strawberry.field(description="The indicator's code.")
    name: str = strawberry.field(description="The indicator's name.")
    value: float | None = strawberry.field(description="The weighted mean; null when suppressed.")
    responses: int = strawberry.field(description="Responses behind the shown values, summed.")
    organisations: int = strawberry.field(description="Number of organisations whose value is shown.")
    suppressed: bool = strawberry.field(description="true when the responses summed are below minimumResponses.")
    scale: str | None = strawberry.field(
        description="The scale as a lower-case string.", deprecation_reason=DEPRECATED + "use scaleCode."
    )

    @strawberry.field(description="The figure's scale (the CultureScale enum, as in inputs).")
    def scale_code(self) -> CultureScaleEnum | None:
        return CultureScaleEnum(self.scale) if self.scale else None


@strawberry.type(description="A place's staff survey figures and its leaders' ties across organisations.")
class CulturePlace:
    uid: strawberry.ID = strawberry.field(description="The place's uid.")
    organisations: int = strawberry.field(description="Number of its organisations in the report.")
    leaders: int = strawberry.field(description="Number of their leaders.")
    cross_boundary_ties_per_leader: float | None = strawberry.field(
        description="Ties from its leaders to leaders of other organisations, per leader; null without leaders."
    )
    indicators: list[CulturePlaceFigure] = strawberry.field(description="Each indicator, over its organisations.")
    flags: int = strawberry.field(description="flags raised for its organisations")

    @strawberry.field(description="Global id of the place: what `node(id:)` takes.")
    def id(self) -> strawberry.ID:
        return global_id("Place", self.uid)


@strawberry.type(description="Spearman's rank correlation across organisations, with a Fisher-z interval and n.")
class CultureCorrelation:
    indicator: str = strawberry.field(description="The indicator's code.")
    measure: str = strawberry.field(
        description="The network measure (a LeaderPosition field, snake_case).",
        deprecation_reason=DEPRECATED + "use measureCode.",
    )
    rho: float | None = strawberry.field(description="Spearman's rho, -1 to 1; null when undefined (no variation).")
    n: int = strawberry.field(description="Number of organisations compared.")
    ci_low: float | None = strawberry.field(description="Lower end of the Fisher-z interval of rho.")
    ci_high: float | None = strawberry.field(description="Upper end of the Fisher-z interval of rho.")
    confidence: float = strawberry.field(description="The interval's confidence level (0.95).")
    method: str = strawberry.field(description="How rho and its interval were worked out.")
    warning: str = strawberry.field(description="What the figure does not show (small n, association not cause).")

    @strawberry.field(description="The network measure (the LeaderMeasure enum: a LeaderPosition field).")
    def measure_code(self) -> LeaderMeasure:
        return LeaderMeasure(self.measure)


@strawberry.type(description="A dataset behind the figures.")
class CultureSource:
    survey: str | None = strawberry.field(
        description="The survey as a lower-case string.", deprecation_reason=DEPRECATED + "use surveyCode."
    )
    year: int | None = strawberry.field(description="The survey year, when given.")
    wave: strawberry.ID | None = strawberry.field(description="The survey wave (uid), when given.")
    source: str = strawberry.field(description="Where the figures were published or taken from.")
    records: int = strawberry.field(description="Number of indicator figures read from it.")

    @strawberry.field(description="Which survey (the CultureSurvey enum, as in inputs).")
    def survey_code(self) -> CultureSurveyEnum | None:
        return CultureSurveyEnum(self.survey) if self.survey else None


@strawberry.type(description="Staff survey indicators beside the leaders' network, per organisation and place.")
class CultureReport:
    minimum_responses: int = strawberry.field(description="A figure from fewer responses is suppressed (value null).")
    warning: str = strawberry.field(description="an association across organisations is not a cause")
    organisations: list[CultureOrganisation] = strawberry.field(description="Every organisation in scope with figures.")
    places: list[CulturePlace] = strawberry.field(description="Every place of those organisations.")
    correlations: list[CultureCorrelation] = strawberry.field(
        description="Each indicator against each network measure, across organisations (where n is 3 or more)."
    )
    sources: list[CultureSource] = strawberry.field(description="The datasets read.")


def _fields(cls: type, row: dict[str, Any], **extra: Any) -> Any:
    names = set(cls.__annotations__)
    return cls(**{k: v for k, v in row.items() if k in names}, **extra)


def _organisation(o: dict[str, Any], catalogue: dict[str, dict[str, Any]]) -> CultureOrganisation:
    return CultureOrganisation(
        uid=o["organisation"],
        name=o["name"],
        place=o["place"],
        system=o["system"],
        network=_fields(LeaderPosition, o["network"]) if o["network"] else None,
        indicators=[
            _fields(CultureFigure, f, higher_is_better=catalogue.get(f["indicator"], {}).get("higher_is_better"))
            for f in o["indicators"]
        ],
        trends=[
            CultureTrend(
                indicator=t["indicator"],
                points=[_fields(CulturePoint, p) for p in t["points"]],
                change=t["change"],
                direction=t["direction"],
                since=t.get("since"),
            )
            for t in o["trends"]
        ],
        flags=[_fields(CultureFlag, f) for f in o["flags"]],
    )


async def resolve_culture(
    info: Info[Context, None],
    system: Annotated[
        strawberry.ID | None, strawberry.argument(description="Only this system's organisations (uid).")
    ] = None,
    place: Annotated[
        strawberry.ID | None, strawberry.argument(description="Only this place's organisations (uid).")
    ] = None,
) -> CultureReport:
    info.context.principal.require(Role.FRONTEND, "culture")
    r = await service.report(
        info.context.repo,
        system=system,
        place=place,
        minimum=info.context.services.settings.culture_min_responses,
        cache=getattr(info.context.services, "analysis_cache", None),
    )
    return CultureReport(
        minimum_responses=r["minimum_responses"],
        warning=r["warning"],
        organisations=[_organisation(o, r.get("catalogue") or {}) for o in r["organisations"]],
        places=[
            CulturePlace(
                uid=p["place"],
                organisations=p["organisations"],
                leaders=p["leaders"],
                cross_boundary_ties_per_leader=p["cross_boundary_ties_per_leader"],
                indicators=[_fields(CulturePlaceFigure, f) for f in p["indicators"]],
                flags=p["flags"],
            )
            for p in r["places"]
        ],
        correlations=[_fields(CultureCorrelation, c) for c in r["correlations"]],
        sources=[_fields(CultureSource, s) for s in r["sources"]],
    )


culture_field = strawberry.field(
    resolver=resolve_culture,
    description="Staff survey indicators beside the network position of each organisation's leaders, per "
    "organisation and place, with flags, trends and rank correlations (see docs/contracts.md).",
)
