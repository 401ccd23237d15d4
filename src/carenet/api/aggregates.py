"""Aggregates any role may read (the public role included): grouped counts and leaders' diversity.

Counts of people below national level, and every figure about ethnicity or sex, follow the NHS
small-number rule: 1-7 shown as ``*`` (``count`` null, ``shown`` "*"), others rounded to the
nearest 5, percentages from the rounded figures. Leaders' diversity is also audited against
differencing: ``c`` (``count`` null) is a count of 8 or more withheld so that no ``*`` can be
worked out; shares come with intervals, and a point percent only where totals are large.
Filtering people (``personWhere``) needs the frontend role: a filter down to one person would otherwise tell the public whether they exist.
"""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry.types import Info

from carenet.api.auth import Role
from carenet.api.connections import OrganisationWhere, PersonWhere, TeamWhere, to_where
from carenet.api.context import Context
from carenet.domain.enums import Level
from carenet.errors import InvalidInput, Problem
from carenet.services import aggregates as svc


CountOf = strawberry.enum(Enum("CountOf", {level.name: level.label for level in Level}, module=__name__))
"""What ``counts`` counts: a :class:`~carenet.domain.enums.Level`'s nodes, by node label."""


@strawberry.enum
class CountGroupBy(Enum):
    SECTOR = "sector"
    KIND = "kind"
    PLACE = "place"
    LEVEL = "level"
    SYSTEM = "system"


@strawberry.enum
class LeaderGroupBy(Enum):
    PLACE = "place"
    LEVEL = "level"


@strawberry.enum
class Characteristic(Enum):
    ETHNIC_GROUP = "ethnic_group"
    SEX = "sex"


def _shown(value: int | str) -> tuple[int | None, str]:
    return (None, value) if isinstance(value, str) else (value, str(value))


@strawberry.type(description="One group: its key (the dimensions grouped by), its count and share.")
class CountGroup:
    sector: str | None
    kind: str | None
    place: strawberry.ID | None
    level: str | None
    system: strawberry.ID | None
    count: int | None = strawberry.field(description="null when suppressed")
    shown: str = strawberry.field(description="the count as published: a number, or * when suppressed")
    percent: float | None = strawberry.field(description="of the (rounded) total; null when suppressed")


@strawberry.type
class Counts:
    of: CountOf
    group_by: list[CountGroupBy]
    total: int | None
    total_shown: str
    suppressed: bool = strawberry.field(description="true when the small-number rule was applied")
    groups: list[CountGroup]


async def resolve_counts(
    info: Info[Context, None],
    of: CountOf,
    group_by: list[CountGroupBy] | None = None,
    team_where: TeamWhere | None = None,
    organisation_where: OrganisationWhere | None = None,
    person_where: PersonWhere | None = None,
) -> Counts:
    ctx = info.context
    ctx.principal.require(Role.PUBLIC, "counts")
    given = {CountOf.TEAM: team_where, CountOf.ORGANISATION: organisation_where, CountOf.PERSON: person_where}
    others = [name for name, (kind, w) in zip(("teamWhere", "organisationWhere", "personWhere"), given.items(), strict=True)
              if w is not None and kind is not of]
    if others:
        raise InvalidInput([Problem(name, f"does not apply to counts of {of.name}") for name in others])
    if person_where is not None:
        ctx.principal.require(Role.FRONTEND, "counts(personWhere)")
    by = [g.value for g in group_by or ()]
    result = await svc.counts(ctx.repo, of=of.value, group_by=by, where=to_where(given[of]))
    total, total_shown = _shown(result.total)
    groups = []
    for g in result.groups:
        count, shown = _shown(g.count)
        groups.append(CountGroup(**{d: g.key.get(d) for d in svc.DIMENSIONS}, count=count, shown=shown, percent=g.percent))
    return Counts(of=of, group_by=[CountGroupBy(d) for d in result.group_by], total=total, total_shown=total_shown,
                  suppressed=result.suppressed, groups=groups)


@strawberry.type
class CategoryShare:
    category: str
    count: int | None = strawberry.field(description="null when suppressed")
    shown: str = strawberry.field(description="the count as published: a number, * (1 to 7) or c (8 or more, withheld)")
    percent: float | None = strawberry.field(description="share of leaders whose characteristic is stated; null where the total is under 100")
    interval: list[float] = strawberry.field(description="95% Wilson interval of the share (percent), covering every count the shown figures stand for")
    workforce_status: str | None = strawberry.field(description="under-represented, over-represented or within range of the workforce baseline")
    community_status: str | None
    workforce_baseline: float | None = strawberry.field(description="percent of the place's workforce")
    workforce_gap_pp: float | None = strawberry.field(description="percent minus the workforce baseline, in points")
    community_baseline: float | None = strawberry.field(description="percent of the place's residents")
    community_gap_pp: float | None


@strawberry.type
class LeaderDemographicRow:
    place: strawberry.ID | None
    level: str | None
    total: int | None
    total_shown: str
    categories: list[CategoryShare]


async def resolve_leader_demographics(
    info: Info[Context, None],
    characteristic: Characteristic,
    group_by: list[LeaderGroupBy] | None = None,
    system: strawberry.ID | None = None,
    place: strawberry.ID | None = None,
) -> list[LeaderDemographicRow]:
    ctx = info.context
    ctx.principal.require(Role.PUBLIC, "leaderDemographics")
    by = [g.value for g in (group_by if group_by is not None else [LeaderGroupBy.PLACE])]
    rows = await svc.leader_demographics(ctx.repo, group_by=by, characteristic=characteristic.value,
                                         system=str(system) if system else None, place=str(place) if place else None)
    out = []
    for row in rows:
        total, total_shown = _shown(row["total"])
        cats = []
        for name, c in row["categories"].items():
            count, shown = _shown(c["count"])
            cats.append(CategoryShare(category=name, count=count, shown=shown, percent=c["percent"], interval=c["interval"],
                                      workforce_status=c["workforce_status"], community_status=c["community_status"],
                                      workforce_baseline=c["workforce"], workforce_gap_pp=c["workforce_gap_pp"],
                                      community_baseline=c["community"], community_gap_pp=c["community_gap_pp"]))
        out.append(LeaderDemographicRow(place=row.get("place"), level=row.get("level"), total=total,
                                        total_shown=total_shown, categories=cats))
    return out


counts_field = strawberry.field(
    resolver=resolve_counts,
    description="Grouped counts of teams, organisations or leaders. Any role. Counts of people below national "
    "level are suppressed (1-7 as *, others rounded to 5).",
)
leader_demographics_field = strawberry.field(
    resolver=resolve_leader_demographics,
    description="Leaders by ethnic group or sex per place and/or level, suppressed, against workforce and "
    "community baselines. Any role; never per person.",
)
