"""GraphQL object types for the node kinds, their relationships as Relay connections.

Relationship properties (kinds, frequency, trust, value, since/until, wave) sit on the edges.
People's personal attributes (staff group, band, clinical) need the analyst role; ethnicity and
sex are not fields of any type.
"""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

import strawberry
from strawberry.types import Info

from carenet.api.auth import Role
from carenet.api.context import Context
from carenet.errors import InvalidInput, Problem
from carenet.services import cursors
from carenet.services.relations import Relation


def global_id(kind: str, uid: str) -> strawberry.ID:
    return strawberry.ID(base64.urlsafe_b64encode(f"{kind}:{uid}".encode()).decode())


def parse_global_id(value: str) -> tuple[str, str]:
    try:
        kind, _, uid = base64.urlsafe_b64decode(value.encode()).decode().partition(":")
    except (ValueError, UnicodeDecodeError):
        kind, uid = "", ""
    if not kind or not uid:
        raise InvalidInput([Problem("id", "not a global id", value)])
    return kind, uid


@strawberry.interface(description="Relay's Node: anything with a global id.")
class Node:
    uid: strawberry.ID

    @strawberry.field(description="Global id (base64 of Kind:uid).")
    def id(self) -> strawberry.ID:
        return global_id(type(self).__name__, self.uid)


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


_cursor = cursors.of_relation


def slice_rows(rows: list[dict], first: int, after: str | None) -> tuple[list[dict], PageInfo]:
    """Keyset slice of rows sorted by (uid, tie): those after the cursor, at most ``first``
    (none when the cursor's row is gone; an error when ``after`` is not a relation cursor)."""
    if not 0 <= first <= 500:
        raise InvalidInput([Problem("first", "must be between 0 and 500", first)])
    start = 0
    if after:
        tie, uid = cursors.decode(after, cursors.RELATION_KEY, "after")
        start = next((i + 1 for i, r in enumerate(rows) if r["uid"] == uid and (r.get("tie") or "") == tie), len(rows))
    chosen = rows[start : start + first]
    info = PageInfo(
        has_next_page=start + first < len(rows),
        has_previous_page=start > 0,
        start_cursor=_cursor(chosen[0]) if chosen else None,
        end_cursor=_cursor(chosen[-1]) if chosen else None,
    )
    return chosen, info


def _metrics(row: dict) -> Metrics:
    get = row.get
    return Metrics(betweenness=get("betweenness"), brokerage=get("brokerage"), constraint=get("constraint"),
                   community=get("community"))


@strawberry.type
class System(Node):
    name: str
    ods_code: str | None = None
    gss_code: str | None = None

    @classmethod
    def of(cls, r: dict) -> System:
        return cls(uid=r["uid"], name=r["name"], ods_code=r.get("ods_code"), gss_code=r.get("gss_code"))


@strawberry.type
class Place(Node):
    name: str
    gss_code: str | None = None

    @classmethod
    def of(cls, r: dict) -> Place:
        return cls(uid=r["uid"], name=r["name"], gss_code=r.get("gss_code"))

    @strawberry.field
    async def system(self, info: Info[Context, None]) -> System | None:
        rows = await info.context.loaders.load(Relation.SYSTEM_OF_PLACE, self.uid)
        return System.of(rows[0]) if rows else None


@strawberry.type
class ServedPlace:
    cursor: str
    node: Place
    since: dt.date | None
    until: dt.date | None


@strawberry.type
class Tie:
    """A COLLABORATES_WITH tie seen from one end: the other end is ``node``."""

    cursor: str
    uid: strawberry.ID
    direction: str = strawberry.field(description="out: reported by this end; in: by the other")
    kinds: list[str]
    frequency: str | None
    trust: float | None = strawberry.field(description="PARTNER trust, 1-4: the mean of the three trust sub-items "
                                            "where they were given, else the single score reported")
    value: float | None = strawberry.field(description="PARTNER value, 1-4: the mean of the three value sub-items "
                                            "where they were given, else the single score reported")
    wave: strawberry.ID | None
    since: dt.date | None
    until: dt.date | None
    trust_reliability: int | None = strawberry.field(description="PARTNER trust sub-item: reliability, 1-4")
    trust_mission: int | None = strawberry.field(description="PARTNER trust sub-item: in support of the mission, 1-4")
    trust_openness: int | None = strawberry.field(description="PARTNER trust sub-item: open to discussion, 1-4")
    value_power: int | None = strawberry.field(description="PARTNER value sub-item: power/influence, 1-4")
    value_involvement: int | None = strawberry.field(description="PARTNER value sub-item: level of involvement, 1-4")
    value_resources: int | None = strawberry.field(description="PARTNER value sub-item: resource contribution, 1-4")


_PARTNER_ITEMS = ("trust_reliability", "trust_mission", "trust_openness", "value_power", "value_involvement",
                  "value_resources")


def _tie_fields(r: dict) -> dict[str, Any]:
    return dict(cursor=_cursor(r), uid=r["tie"], direction=r["direction"], kinds=list(r["kinds"] or []),
                frequency=r["frequency"], trust=r["trust"], value=r["value"], wave=r["wave"],
                since=r["since"], until=r["until"], **{n: r.get(n) for n in _PARTNER_ITEMS})


@strawberry.type
class Metrics:
    betweenness: float | None
    brokerage: float | None
    constraint: float | None
    community: int | None


@strawberry.type
class Team(Node):
    name: str
    service: str | None
    sector: str
    _row: strawberry.Private[dict]

    @strawberry.field
    def metrics(self) -> Metrics:  # made when asked for: most teams drawn or listed are not asked
        return _metrics(self._row)

    @classmethod
    def of(cls, r: dict) -> Team:
        return cls(uid=r["uid"], name=r["name"], service=r.get("service"), sector=r["sector"], _row=r)

    @strawberry.field
    async def organisation(self, info: Info[Context, None]) -> Organisation | None:
        rows = await info.context.loaders.load(Relation.ORGANISATION_OF_TEAM, self.uid)
        return Organisation.of(rows[0]) if rows else None

    @strawberry.field(description="Places the team serves, with since/until on the edge.")
    async def places(self, info: Info[Context, None]) -> list[ServedPlace]:
        rows = await info.context.loaders.load(Relation.PLACES_OF_TEAM, self.uid)
        return [ServedPlace(cursor=_cursor(r), node=Place.of(r), since=r["since"], until=r["until"]) for r in rows]

    @strawberry.field(description="Collaboration ties, both directions, every wave.")
    async def ties(self, info: Info[Context, None], first: int = 50, after: str | None = None) -> TeamTieConnection:
        rows = await info.context.loaders.load(Relation.TIES_OF_TEAM, self.uid)
        chosen, page = slice_rows(rows, first, after)
        return TeamTieConnection(total_count=len(rows), page_info=page,
                                 edges=[TeamTie(node=Team.of(r), **_tie_fields(r)) for r in chosen])


@strawberry.type
class TeamTie(Tie):
    node: Team


@strawberry.type
class TeamTieConnection:
    total_count: int
    page_info: PageInfo
    edges: list[TeamTie]


@strawberry.type
class Organisation(Node):
    name: str
    kind: str
    sector: str
    ods_code: str | None
    _row: strawberry.Private[dict]

    @strawberry.field
    def metrics(self) -> Metrics:
        return _metrics(self._row)

    @classmethod
    def of(cls, r: dict) -> Organisation:
        return cls(uid=r["uid"], name=r["name"], kind=r["kind"], sector=r["sector"], ods_code=r.get("ods_code"), _row=r)

    @strawberry.field
    async def places(self, info: Info[Context, None]) -> list[ServedPlace]:
        rows = await info.context.loaders.load(Relation.PLACES_OF_ORGANISATION, self.uid)
        return [ServedPlace(cursor=_cursor(r), node=Place.of(r), since=r["since"], until=r["until"]) for r in rows]

    @strawberry.field
    async def teams(self, info: Info[Context, None], first: int = 50, after: str | None = None) -> TeamList:
        rows = await info.context.loaders.load(Relation.TEAMS_OF_ORGANISATION, self.uid)
        chosen, page = slice_rows(rows, first, after)
        return TeamList(total_count=len(rows), page_info=page, nodes=[Team.of(r) for r in chosen])

    @strawberry.field
    async def ties(self, info: Info[Context, None], first: int = 50, after: str | None = None) -> OrganisationTieConnection:
        rows = await info.context.loaders.load(Relation.TIES_OF_ORGANISATION, self.uid)
        chosen, page = slice_rows(rows, first, after)
        return OrganisationTieConnection(total_count=len(rows), page_info=page,
                                         edges=[OrganisationTie(node=Organisation.of(r), **_tie_fields(r)) for r in chosen])


@strawberry.type
class TeamList:
    total_count: int
    page_info: PageInfo
    nodes: list[Team]


@strawberry.type
class OrganisationTie(Tie):
    node: Organisation


@strawberry.type
class OrganisationTieConnection:
    total_count: int
    page_info: PageInfo
    edges: list[OrganisationTie]


@strawberry.type
class Membership:
    cursor: str
    node: Team
    role: str | None
    since: dt.date | None
    until: dt.date | None


def _personal(info: Info[Context, None], name: str) -> None:
    info.context.principal.require(Role.ANALYST, f"Person.{name}")


@strawberry.type
class Person(Node):
    name: str
    role: str | None
    level: str
    _row: strawberry.Private[dict]

    @strawberry.field
    def metrics(self) -> Metrics:
        return _metrics(self._row)

    @classmethod
    def of(cls, r: dict) -> Person:
        return cls(uid=r["uid"], name=r["name"], role=r.get("role"), level=r["level"], _row=r)

    @strawberry.field(description="Analyst role and above.")
    def staff_group(self, info: Info[Context, None]) -> str | None:
        _personal(info, "staffGroup")
        return self._row.get("staff_group")

    @strawberry.field(description="Analyst role and above.")
    def band(self, info: Info[Context, None]) -> str | None:
        _personal(info, "band")
        return self._row.get("band")

    @strawberry.field(description="Analyst role and above.")
    def clinical(self, info: Info[Context, None]) -> bool | None:
        _personal(info, "clinical")
        return self._row.get("clinical")

    @strawberry.field(description="Teams the person is a member of, with role and since/until on the edge.")
    async def teams(self, info: Info[Context, None]) -> list[Membership]:
        rows = await info.context.loaders.load(Relation.TEAMS_OF_PERSON, self.uid)
        return [Membership(cursor=_cursor(r), node=Team.of(r), role=r["role"], since=r["since"], until=r["until"])
                for r in rows]


KINDS: dict[str, type] = {"Team": Team, "Organisation": Organisation, "Person": Person, "Place": Place, "System": System}
