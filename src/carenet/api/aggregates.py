"""Aggregates any role may read (the public role included): grouped counts and leaders' diversity.

Counts of people below national level, and every figure about ethnicity or sex, follow the NHS
small-number rule: 1-7 shown as ``*`` (``count`` null, ``shown`` "*"), others rounded to the
nearest 5, percentages from the rounded figures. Leaders' diversity is also audited against
differencing: ``c`` (``count`` null) is a count of 8 or more withheld so that no ``*`` can be
worked out; shares come with intervals, and a point percent only where totals are large.
Filtering people (``personWhere``) needs the frontend role: a filter down to one person would
otherwise tell the public whether they exist.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from carenet.api.auth import Role
from carenet.api.connections import OrganisationWhere, PersonWhere, TeamWhere, to_where
from carenet.api.context import Context
from carenet.api.enums import (
    CharacteristicEnum,
    EthnicGroupEnum,
    LeadershipLevelEnum,
    OrgKindEnum,
    RepresentationStatus,
    SectorEnum,
    SexEnum,
)
from carenet.api.types import DEPRECATED
from carenet.domain.enums import Level
from carenet.errors import InvalidInput, Problem
from carenet.services import aggregates as svc

_COUNTED = {"TEAM": "Teams.", "ORGANISATION": "Organisations.", "PERSON": "Leaders (suppressed below national level)."}
CountOf = strawberry.enum(
    Enum(
        "CountOf",
        {level.name: strawberry.enum_value(level.label, description=_COUNTED[level.name]) for level in Level},
        module=__name__,
    ),
    description="What `counts` counts: a level's nodes, by node label.",
)
"""What ``counts`` counts: a :class:`~carenet.domain.enums.Level`'s nodes, by node label."""


@strawberry.enum(description="A dimension `counts` groups by.")
class CountGroupBy(Enum):
    SECTOR = strawberry.enum_value("sector", description="Sector (people: of their teams).")
    KIND = strawberry.enum_value("kind", description="Organisation kind (organisations only).")
    PLACE = strawberry.enum_value("place", description="Place served.")
    LEVEL = strawberry.enum_value("level", description="Leadership level (people only).")
    SYSTEM = strawberry.enum_value("system", description="System.")


@strawberry.enum(description="A dimension `leaderDemographics` groups by.")
class LeaderGroupBy(Enum):
    PLACE = strawberry.enum_value("place", description="Place (the leaders' organisations' area).")
    LEVEL = strawberry.enum_value("level", description="Leadership level.")


def _shown(value: int | str) -> tuple[int | None, str]:
    return (None, value) if isinstance(value, str) else (value, str(value))


@strawberry.type(description="One group: its key (the dimensions grouped by), its count and share.")
class CountGroup:
    sector: str | None = strawberry.field(
        description="The group's sector as a lower-case string.", deprecation_reason=DEPRECATED + "use sectorCode."
    )
    kind: str | None = strawberry.field(
        description="The group's organisation kind as a lower-case string.",
        deprecation_reason=DEPRECATED + "use kindCode.",
    )
    place: strawberry.ID | None = strawberry.field(description="The group's place (uid); null unless grouped by place.")
    level: str | None = strawberry.field(
        description="The group's leadership level as a lower-case string.",
        deprecation_reason=DEPRECATED + "use levelCode.",
    )
    system: strawberry.ID | None = strawberry.field(
        description="The group's system (uid); null unless grouped by system."
    )
    count: int | None = strawberry.field(description="null when suppressed")
    shown: str = strawberry.field(description="the count as published: a number, or * when suppressed")
    percent: float | None = strawberry.field(description="of the (rounded) total; null when suppressed")

    @strawberry.field(description="The group's sector (the Sector enum); null unless grouped by sector.")
    def sector_code(self) -> SectorEnum | None:
        return SectorEnum(self.sector) if self.sector else None

    @strawberry.field(description="The group's organisation kind (the OrgKind enum); null unless grouped by kind.")
    def kind_code(self) -> OrgKindEnum | None:
        return OrgKindEnum(self.kind) if self.kind else None

    @strawberry.field(
        description="The group's leadership level (the LeadershipLevel enum); null unless grouped by level."
    )
    def level_code(self) -> LeadershipLevelEnum | None:
        return LeadershipLevelEnum(self.level) if self.level else None


@strawberry.type(description="Grouped counts, with the small-number rule applied where it holds.")
class Counts:
    of: CountOf = strawberry.field(description="What was counted.")
    group_by: list[CountGroupBy] = strawberry.field(description="The dimensions grouped by, in order.")
    total: int | None = strawberry.field(
        description="Every group summed (rounded when suppressed); null when shown as *."
    )
    total_shown: str = strawberry.field(description="The total as published: a number, or * when suppressed.")
    suppressed: bool = strawberry.field(description="true when the small-number rule was applied")
    groups: list[CountGroup] = strawberry.field(description="One per combination of the dimensions present.")


async def resolve_counts(
    info: Info[Context, None],
    of: Annotated[CountOf, strawberry.argument(description="What to count.")],
    group_by: Annotated[
        list[CountGroupBy] | None, strawberry.argument(description="Dimensions to group by; omitted = one total.")
    ] = None,
    team_where: Annotated[
        TeamWhere | None, strawberry.argument(description="Which teams (counts of teams only).")
    ] = None,
    organisation_where: Annotated[
        OrganisationWhere | None, strawberry.argument(description="Which organisations (counts of organisations only).")
    ] = None,
    person_where: Annotated[
        PersonWhere | None, strawberry.argument(description="Which leaders (counts of people only; frontend role).")
    ] = None,
) -> Counts:
    ctx = info.context
    ctx.principal.require(Role.PUBLIC, "counts")
    given = {CountOf.TEAM: team_where, CountOf.ORGANISATION: organisation_where, CountOf.PERSON: person_where}
    others = [
        name
        for name, (kind, w) in zip(("teamWhere", "organisationWhere", "personWhere"), given.items(), strict=True)
        if w is not None and kind is not of
    ]
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
        groups.append(
            CountGroup(**{d: g.key.get(d) for d in svc.DIMENSIONS}, count=count, shown=shown, percent=g.percent)
        )
    return Counts(
        of=of,
        group_by=[CountGroupBy(d) for d in result.group_by],
        total=total,
        total_shown=total_shown,
        suppressed=result.suppressed,
        groups=groups,
    )


@strawberry.type(description="One category of a characteristic among a group of leaders, against the baselines.")
class CategoryShare:
    category: str = strawberry.field(
        description="The category (an ethnic group or a sex), or not_stated.",
        deprecation_reason=DEPRECATED + "use ethnicGroupCode or sexCode.",
    )
    count: int | None = strawberry.field(description="null when suppressed")
    shown: str = strawberry.field(description="the count as published: a number, * (1 to 7) or c (8 or more, withheld)")
    percent: float | None = strawberry.field(
        description="share of leaders whose characteristic is stated; null where the total is under 100"
    )
    interval: list[float] = strawberry.field(
        description="95% Wilson interval of the share (percent), covering every count the shown figures stand for"
    )
    workforce_status: str | None = strawberry.field(
        description="under-represented, over-represented or within range of the workforce baseline",
        deprecation_reason=DEPRECATED + "use workforceStatusCode.",
    )
    community_status: str | None = strawberry.field(
        description="under-represented, over-represented or within range of the community baseline",
        deprecation_reason=DEPRECATED + "use communityStatusCode.",
    )
    workforce_baseline: float | None = strawberry.field(description="percent of the place's workforce")
    workforce_gap_pp: float | None = strawberry.field(description="percent minus the workforce baseline, in points")
    community_baseline: float | None = strawberry.field(description="percent of the place's residents")
    community_gap_pp: float | None = strawberry.field(description="percent minus the community baseline, in points")
    characteristic: strawberry.Private[CharacteristicEnum]

    @strawberry.field(
        description="The ethnic group (the EthnicGroup enum, NOT_STATED where none is recorded); "
        "null unless the characteristic asked for is ETHNIC_GROUP."
    )
    def ethnic_group_code(self) -> EthnicGroupEnum | None:
        return EthnicGroupEnum(self.category) if self.characteristic is CharacteristicEnum.ETHNIC_GROUP else None

    @strawberry.field(
        description="The sex (the Sex enum, NOT_STATED where none is recorded); "
        "null unless the characteristic asked for is SEX."
    )
    def sex_code(self) -> SexEnum | None:
        return SexEnum(self.category) if self.characteristic is CharacteristicEnum.SEX else None

    @strawberry.field(
        description="How the share compares with the workforce baseline (the RepresentationStatus enum); "
        "null without a baseline."
    )
    def workforce_status_code(self) -> RepresentationStatus | None:
        return RepresentationStatus(self.workforce_status) if self.workforce_status else None

    @strawberry.field(
        description="How the share compares with the community baseline (the RepresentationStatus enum); "
        "null without a baseline."
    )
    def community_status_code(self) -> RepresentationStatus | None:
        return RepresentationStatus(self.community_status) if self.community_status else None


@strawberry.type(description="Leaders of one place and/or level by category, suppressed.")
class LeaderDemographicRow:
    place: strawberry.ID | None = strawberry.field(description="The place (uid); null unless grouped by place.")
    level: str | None = strawberry.field(
        description="The leadership level as a lower-case string.", deprecation_reason=DEPRECATED + "use levelCode."
    )
    total: int | None = strawberry.field(description="Number of leaders (rounded to 5); null when shown as * or c.")
    total_shown: str = strawberry.field(description="The total as published: a number, * or c.")
    categories: list[CategoryShare] = strawberry.field(description="One per category.")

    @strawberry.field(description="The leadership level (the LeadershipLevel enum); null unless grouped by level.")
    def level_code(self) -> LeadershipLevelEnum | None:
        return LeadershipLevelEnum(self.level) if self.level else None


async def resolve_leader_demographics(
    info: Info[Context, None],
    characteristic: Annotated[CharacteristicEnum, strawberry.argument(description="Which characteristic.")],
    group_by: Annotated[
        list[LeaderGroupBy] | None, strawberry.argument(description="Dimensions to group by; omitted = by place.")
    ] = None,
    system: Annotated[
        strawberry.ID | None, strawberry.argument(description="Only this system's leaders (its uid).")
    ] = None,
    place: Annotated[
        strawberry.ID | None, strawberry.argument(description="Only this place's leaders (its uid).")
    ] = None,
) -> list[LeaderDemographicRow]:
    ctx = info.context
    ctx.principal.require(Role.PUBLIC, "leaderDemographics")
    by = [g.value for g in (group_by if group_by is not None else [LeaderGroupBy.PLACE])]
    rows = await svc.leader_demographics(
        ctx.repo,
        group_by=by,
        characteristic=characteristic.value,
        system=str(system) if system else None,
        place=str(place) if place else None,
    )
    out = []
    for row in rows:
        total, total_shown = _shown(row["total"])
        cats = []
        for name, c in row["categories"].items():
            count, shown = _shown(c["count"])
            cats.append(
                CategoryShare(
                    category=name,
                    count=count,
                    shown=shown,
                    percent=c["percent"],
                    interval=c["interval"],
                    workforce_status=c["workforce_status"],
                    community_status=c["community_status"],
                    workforce_baseline=c["workforce"],
                    workforce_gap_pp=c["workforce_gap_pp"],
                    community_baseline=c["community"],
                    community_gap_pp=c["community_gap_pp"],
                    characteristic=characteristic,
                )
            )
        out.append(
            LeaderDemographicRow(
                place=row.get("place"), level=row.get("level"), total=total, total_shown=total_shown, categories=cats
            )
        )
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
