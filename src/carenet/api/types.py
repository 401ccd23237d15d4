"""GraphQL object types for the node kinds, their relationships as Relay connections.

Every node kind implements ``Node``: ``id`` is the global id (``node(id:)`` resolves it) and
``uid`` the carenet key. Every relation is a connection (``first``/``after``, ``totalCount``,
``pageInfo``, ``edges { cursor node }``); relationship properties (kinds, frequency, trust,
value, since/until, wave, role) sit on the edges. People's personal attributes (staff group, band,
clinical) need the analyst role; ethnicity and sex are not fields of any type.

Deprecated for one release (see the README): ``sector``, ``kind``, ``level`` and a tie's
``direction`` as lower-case strings (``sectorCode``, ``kindCode``, ``levelCode``, ``directionCode``
are the enums), the plain lists
``Team.places``, ``Organisation.places``, ``Person.teams`` and ``Organisation.teams { nodes }``.
"""

from __future__ import annotations

import base64
import datetime as dt
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from carenet.api import selection
from carenet.api.auth import Role
from carenet.api.context import Context
from carenet.api.enums import (
    FrequencyEnum,
    LeadershipLevelEnum,
    OrgKindEnum,
    SectorEnum,
    StaffGroupEnum,
    TieDirection,
    TieKindEnum,
)
from carenet.errors import InvalidInput, Problem
from carenet.services import cursors
from carenet.services.relations import Relation

DEPRECATED = "Deprecated for one release: "
"""The start of every deprecation reason in the schema (the README lists them)."""
FIRST = "How many edges to return: 0 to 500."
AFTER = "Return the edges after this cursor (an edge's `cursor` or `pageInfo.endCursor`)."


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
    uid: strawberry.ID = strawberry.field(description="The carenet key of the node (as in data files and filters).")

    @strawberry.field(description="Global id (base64 of Kind:uid): what `node(id:)` takes.")
    def id(self) -> strawberry.ID:
        return global_id(type(self).__name__, self.uid)


@strawberry.type(description="Where a page of a connection sits (Relay's PageInfo).")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether there are edges after this page.")
    has_previous_page: bool = strawberry.field(description="Whether there are edges before this page.")
    start_cursor: str | None = strawberry.field(description="The first edge's cursor; null when the page is empty.")
    end_cursor: str | None = strawberry.field(
        description="The last edge's cursor (pass it as `after` for the next page); null when the page is empty."
    )


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


First = Annotated[int, strawberry.argument(description=FIRST)]
After = Annotated[str | None, strawberry.argument(description=AFTER)]


def _metrics(row: dict) -> Metrics:
    get = row.get
    return Metrics(
        betweenness=get("betweenness"),
        brokerage=get("brokerage"),
        constraint=get("constraint"),
        community=get("community"),
    )


@strawberry.type(description="An integrated care system (ICS): the area an integrated care board plans for.")
class System(Node):
    name: str = strawberry.field(description="The system's name.")
    ods_code: str | None = strawberry.field(default=None, description="The ICB's ODS code, when known.")
    gss_code: str | None = strawberry.field(default=None, description="The ICB's ONS GSS code (E54...), when known.")

    @classmethod
    def of(cls, r: dict) -> System:
        return cls(uid=r["uid"], name=r["name"], ods_code=r.get("ods_code"), gss_code=r.get("gss_code"))


@strawberry.type(description="A place within a system, usually a local authority area.")
class Place(Node):
    name: str = strawberry.field(description="The place's name.")
    gss_code: str | None = strawberry.field(default=None, description="The local authority's ONS GSS code, when known.")

    @classmethod
    def of(cls, r: dict) -> Place:
        return cls(uid=r["uid"], name=r["name"], gss_code=r.get("gss_code"))

    @strawberry.field(description="The system the place is part of; null when it is part of none.")
    async def system(self, info: Info[Context, None]) -> System | None:
        rows = await info.context.loaders.load(Relation.SYSTEM_OF_PLACE, self.uid)
        return System.of(rows[0]) if rows else None


@strawberry.type(description="A place served (SERVES), with the dates on the relationship.")
class ServedPlace:
    cursor: str = strawberry.field(description="This edge's position, for `after`.")
    node: Place = strawberry.field(description="The place served.")
    since: dt.date | None = strawberry.field(description="Served from this date; null when not recorded.")
    until: dt.date | None = strawberry.field(description="Served until this date; null while still served.")


@strawberry.type(description="Places served, a page at a time.")
class ServedPlaceConnection:
    total_count: int = strawberry.field(description="Number of places served, every page.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    edges: list[ServedPlace] = strawberry.field(description="The places on this page, ordered by uid.")


@strawberry.type
class Tie:
    """A COLLABORATES_WITH tie seen from one end: the other end is ``node``."""

    cursor: str = strawberry.field(description="This edge's position, for `after`.")
    uid: strawberry.ID = strawberry.field(description="The tie's carenet key (the relationship's uid).")
    direction: str = strawberry.field(
        description="out: reported by this end; in: by the other.", deprecation_reason=DEPRECATED + "use directionCode."
    )
    kinds: list[str] = strawberry.field(
        description="The kinds as lower-case strings.", deprecation_reason=DEPRECATED + "use kindCodes."
    )
    frequency: str | None = strawberry.field(
        description="The frequency as a lower-case string.", deprecation_reason=DEPRECATED + "use frequencyCode."
    )
    trust: float | None = strawberry.field(
        description="PARTNER trust, 1-4: the mean of the three trust sub-items "
        "where they were given, else the single score reported"
    )
    value: float | None = strawberry.field(
        description="PARTNER value, 1-4: the mean of the three value sub-items "
        "where they were given, else the single score reported"
    )
    wave: strawberry.ID | None = strawberry.field(description="Uid of the survey wave that reported the tie.")
    since: dt.date | None = strawberry.field(description="The tie holds from this date; null when not recorded.")
    until: dt.date | None = strawberry.field(description="The tie held until this date; null while it holds.")
    trust_reliability: int | None = strawberry.field(description="PARTNER trust sub-item: reliability, 1-4")
    trust_mission: int | None = strawberry.field(description="PARTNER trust sub-item: in support of the mission, 1-4")
    trust_openness: int | None = strawberry.field(description="PARTNER trust sub-item: open to discussion, 1-4")
    value_power: int | None = strawberry.field(description="PARTNER value sub-item: power/influence, 1-4")
    value_involvement: int | None = strawberry.field(description="PARTNER value sub-item: level of involvement, 1-4")
    value_resources: int | None = strawberry.field(description="PARTNER value sub-item: resource contribution, 1-4")

    @strawberry.field(description="What the collaboration is (the TieKind enum, as in inputs).")
    def kind_codes(self) -> list[TieKindEnum]:
        return [TieKindEnum(k) for k in self.kinds]

    @strawberry.field(description="How often the two work together (the Frequency enum); null when not reported.")
    def frequency_code(self) -> FrequencyEnum | None:
        return FrequencyEnum(self.frequency) if self.frequency else None

    @strawberry.field(description="Which end reported the tie: OUT this one, IN the other (the TieDirection enum).")
    def direction_code(self) -> TieDirection:
        return TieDirection(self.direction)


def edge_cursors(info: Info) -> bool:
    """Whether the connection being resolved selects ``edges { cursor }``: a cursor per edge is
    made only then (when that cannot be told from the syntax tree, it is made)."""
    return selection.selects_route(info, ("edges", "cursor")) is not False


def _tie(cls: type, node: Any, r: dict, cursor: bool = True) -> Any:
    """A tie of ``cls`` (TeamTie, OrganisationTie) to ``node``; ``cursor`` False: its cursor is not
    selected, and left empty. The keywords are spelled out: building them as a dict and unpacking
    it took twice as long."""
    get = r.get
    return cls(
        node=node,
        cursor=_cursor(r) if cursor else "",
        uid=r["tie"],
        direction=r["direction"],
        kinds=list(r["kinds"] or []),
        frequency=r["frequency"],
        trust=r["trust"],
        value=r["value"],
        wave=r["wave"],
        since=r["since"],
        until=r["until"],
        trust_reliability=get("trust_reliability"),
        trust_mission=get("trust_mission"),
        trust_openness=get("trust_openness"),
        value_power=get("value_power"),
        value_involvement=get("value_involvement"),
        value_resources=get("value_resources"),
    )


@strawberry.type(
    description=(
        "A node's stored network measures (the either network, every wave), brought up to date before a read "
        "that selects them; null before the first computation or for a node without ties."
    )
)
class Metrics:
    betweenness: float | None = strawberry.field(description="Betweenness centrality, normalised to 0-1.")
    brokerage: float | None = strawberry.field(
        description="Gould-Fernandez brokerage: pairs of other sectors it links."
    )
    constraint: float | None = strawberry.field(
        description="Burt's constraint, 0-1: low for a node spanning structural holes."
    )
    community: int | None = strawberry.field(description="Number of the community (Leiden) the node falls in.")


_SECTOR = "The sector as a lower-case string."
_SECTOR_CODE = "The sector the node works in (the Sector enum, as in filters)."


@strawberry.type(description="A team: a group of staff in one organisation, the unit of the collaboration network.")
class Team(Node):
    name: str = strawberry.field(description="The team's name.")
    service: str | None = strawberry.field(description="The service the team provides (free text), when given.")
    sector: str = strawberry.field(description=_SECTOR, deprecation_reason=DEPRECATED + "use sectorCode.")
    _row: strawberry.Private[dict]

    @strawberry.field(description=_SECTOR_CODE)
    def sector_code(self) -> SectorEnum:
        return SectorEnum(self.sector)

    @strawberry.field(description="The team's network measures.")
    def metrics(self) -> Metrics:  # made when asked for: most teams drawn or listed are not asked
        return _metrics(self._row)

    @classmethod
    def of(cls, r: dict) -> Team:
        return cls(uid=r["uid"], name=r["name"], service=r.get("service"), sector=r["sector"], _row=r)

    # organisation and ties answer at once from rows read for the whole page (Loaders.ready), else
    # give graphql-core the awaitable that loads them (strawberry passes a sync resolver's result on)
    @strawberry.field(description="The organisation the team is part of; null when it is part of none.")
    def organisation(self, info: Info[Context, None]) -> Organisation | None:
        rows = info.context.loaders.ready(Relation.ORGANISATION_OF_TEAM, self.uid)
        if rows is None:
            return self.load_organisation(info)
        return Organisation.of(rows[0]) if rows else None

    async def load_organisation(self, info: Info[Context, None]) -> Organisation | None:
        rows = await info.context.loaders.load(Relation.ORGANISATION_OF_TEAM, self.uid)
        return Organisation.of(rows[0]) if rows else None

    @strawberry.field(
        description="Places the team serves, with since/until on the edge.",
        deprecation_reason=DEPRECATED + "use servedPlaces (a connection).",
    )
    async def places(self, info: Info[Context, None]) -> list[ServedPlace]:
        return _served(await info.context.loaders.load(Relation.PLACES_OF_TEAM, self.uid))

    @strawberry.field(description="Places the team serves, with since/until on the edge.")
    async def served_places(
        self,
        info: Info[Context, None],
        first: First = 50,
        after: After = None,
    ) -> ServedPlaceConnection:
        return _served_connection(await info.context.loaders.load(Relation.PLACES_OF_TEAM, self.uid), first, after)

    @strawberry.field(description="Collaboration ties, both directions, every wave.")
    def ties(self, info: Info[Context, None], first: First = 50, after: After = None) -> TeamTieConnection:
        rows = info.context.loaders.ready(Relation.TIES_OF_TEAM, self.uid)
        if rows is None:
            return self.load_ties(info, first, after)
        return self.tie_connection(info, rows, first, after)

    async def load_ties(self, info: Info[Context, None], first: int, after: str | None) -> TeamTieConnection:
        return self.tie_connection(info, await info.context.loaders.load(Relation.TIES_OF_TEAM, self.uid), first, after)

    def tie_connection(
        self, info: Info[Context, None], rows: list[dict], first: int, after: str | None
    ) -> TeamTieConnection:
        chosen, page = slice_rows(rows, first, after)
        cursors = edge_cursors(info)
        return TeamTieConnection(
            total_count=len(rows),
            page_info=page,
            edges=[_tie(TeamTie, Team.of(r), r, cursors) for r in chosen],
        )


@strawberry.type(description="A collaboration tie of a team, seen from it: the other team is `node`.")
class TeamTie(Tie):
    node: Team = strawberry.field(description="The team at the other end.")


@strawberry.type(description="A team's collaboration ties, a page at a time.")
class TeamTieConnection:
    total_count: int = strawberry.field(description="Number of ties, every page.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    edges: list[TeamTie] = strawberry.field(description="The ties on this page, ordered by the other team's uid.")


@strawberry.type(description="An organisation: an NHS trust, council, practice, charity and so on.")
class Organisation(Node):
    name: str = strawberry.field(description="The organisation's name.")
    kind: str = strawberry.field(
        description="The kind as a lower-case string.", deprecation_reason=DEPRECATED + "use kindCode."
    )
    sector: str = strawberry.field(description=_SECTOR, deprecation_reason=DEPRECATED + "use sectorCode.")
    ods_code: str | None = strawberry.field(description="The organisation's ODS code, when it has one.")
    _row: strawberry.Private[dict]

    @strawberry.field(description="What kind of body the organisation is (the OrgKind enum, as in filters).")
    def kind_code(self) -> OrgKindEnum:
        return OrgKindEnum(self.kind)

    @strawberry.field(description=_SECTOR_CODE)
    def sector_code(self) -> SectorEnum:
        return SectorEnum(self.sector)

    @strawberry.field(description="The organisation's network measures (ties between organisations).")
    def metrics(self) -> Metrics:
        return _metrics(self._row)

    @classmethod
    def of(cls, r: dict) -> Organisation:
        return cls(uid=r["uid"], name=r["name"], kind=r["kind"], sector=r["sector"], ods_code=r.get("ods_code"), _row=r)

    @strawberry.field(
        description="Places the organisation serves, with since/until on the edge.",
        deprecation_reason=DEPRECATED + "use servedPlaces (a connection).",
    )
    async def places(self, info: Info[Context, None]) -> list[ServedPlace]:
        return _served(await info.context.loaders.load(Relation.PLACES_OF_ORGANISATION, self.uid))

    @strawberry.field(description="Places the organisation serves, with since/until on the edge.")
    async def served_places(
        self,
        info: Info[Context, None],
        first: First = 50,
        after: After = None,
    ) -> ServedPlaceConnection:
        rows = await info.context.loaders.load(Relation.PLACES_OF_ORGANISATION, self.uid)
        return _served_connection(rows, first, after)

    @strawberry.field(description="The organisation's teams (PART_OF).")
    async def teams(
        self,
        info: Info[Context, None],
        first: First = 50,
        after: After = None,
    ) -> OrganisationTeamConnection:
        rows = await info.context.loaders.load(Relation.TEAMS_OF_ORGANISATION, self.uid)
        chosen, page = slice_rows(rows, first, after)
        return OrganisationTeamConnection(total_count=len(rows), page_info=page, rows=chosen)

    @strawberry.field(
        description="Collaboration ties recorded between this organisation and others, both directions, every wave."
    )
    async def ties(
        self,
        info: Info[Context, None],
        first: First = 50,
        after: After = None,
    ) -> OrganisationTieConnection:
        rows = await info.context.loaders.load(Relation.TIES_OF_ORGANISATION, self.uid)
        chosen, page = slice_rows(rows, first, after)
        cursors = edge_cursors(info)
        return OrganisationTieConnection(
            total_count=len(rows),
            page_info=page,
            edges=[_tie(OrganisationTie, Organisation.of(r), r, cursors) for r in chosen],
        )


@strawberry.type(description="A team of an organisation, as an edge.")
class OrganisationTeamEdge:
    cursor: str = strawberry.field(description="This edge's position, for `after`.")
    node: Team = strawberry.field(description="The team.")


@strawberry.type(description="An organisation's teams, a page at a time.")
class OrganisationTeamConnection:
    total_count: int = strawberry.field(description="Number of the organisation's teams, every page.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    rows: strawberry.Private[list[dict]]

    @strawberry.field(description="The teams on this page, ordered by uid.")
    def edges(self) -> list[OrganisationTeamEdge]:
        return [OrganisationTeamEdge(cursor=_cursor(r), node=Team.of(r)) for r in self.rows]

    @strawberry.field(
        description="The teams on this page, ordered by uid.", deprecation_reason=DEPRECATED + "use edges { node }."
    )
    def nodes(self) -> list[Team]:
        return [Team.of(r) for r in self.rows]


@strawberry.type(description="A collaboration tie of an organisation, seen from it: the other organisation is `node`.")
class OrganisationTie(Tie):
    node: Organisation = strawberry.field(description="The organisation at the other end.")


@strawberry.type(description="An organisation's own collaboration ties, a page at a time.")
class OrganisationTieConnection:
    total_count: int = strawberry.field(description="Number of ties, every page.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    edges: list[OrganisationTie] = strawberry.field(
        description="The ties on this page, ordered by the other end's uid."
    )


@strawberry.type(description="A team a person is a member of (MEMBER_OF), with the role and dates on the relationship.")
class Membership:
    cursor: str = strawberry.field(description="This edge's position, for `after`.")
    node: Team = strawberry.field(description="The team.")
    role: str | None = strawberry.field(description="The person's role in the team (free text), when given.")
    since: dt.date | None = strawberry.field(description="Member from this date; null when not recorded.")
    until: dt.date | None = strawberry.field(description="Member until this date; null while still a member.")


@strawberry.type(description="A person's team memberships, a page at a time.")
class MembershipConnection:
    total_count: int = strawberry.field(description="Number of memberships, every page.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    edges: list[Membership] = strawberry.field(description="The memberships on this page, ordered by team uid.")


def _personal(info: Info[Context, None], name: str) -> None:
    info.context.principal.require(Role.ANALYST, f"Person.{name}")


@strawberry.type(
    description="A leader: a person in the leaders' network. Analyst role for anything about them "
    "beyond what the frontend role sees; every read is audited."
)
class Person(Node):
    name: str = strawberry.field(description="The person's name.")
    role: str | None = strawberry.field(description="Job title (free text), when given.")
    level: str = strawberry.field(
        description="The leadership level as a lower-case string.", deprecation_reason=DEPRECATED + "use levelCode."
    )
    _row: strawberry.Private[dict]

    @strawberry.field(description="How senior the person is (the LeadershipLevel enum, as in filters).")
    def level_code(self) -> LeadershipLevelEnum:
        return LeadershipLevelEnum(self.level)

    @strawberry.field(description="The person's network measures (the leaders' network).")
    def metrics(self) -> Metrics:
        return _metrics(self._row)

    @classmethod
    def of(cls, r: dict) -> Person:
        return cls(uid=r["uid"], name=r["name"], role=r.get("role"), level=r["level"], _row=r)

    @strawberry.field(
        description="The staff group as a lower-case string. Analyst role and above.",
        deprecation_reason=DEPRECATED + "use staffGroupCode.",
    )
    def staff_group(self, info: Info[Context, None]) -> str | None:
        _personal(info, "staffGroup")
        return self._row.get("staff_group")

    @strawberry.field(description="Staff group (the StaffGroup enum, as in inputs). Analyst role and above.")
    def staff_group_code(self, info: Info[Context, None]) -> StaffGroupEnum | None:
        _personal(info, "staffGroupCode")
        group = self._row.get("staff_group")
        return StaffGroupEnum(group) if group else None

    @strawberry.field(description="Agenda for Change pay band. Analyst role and above.")
    def band(self, info: Info[Context, None]) -> str | None:
        _personal(info, "band")
        return self._row.get("band")

    @strawberry.field(description="Whether the person is clinically qualified. Analyst role and above.")
    def clinical(self, info: Info[Context, None]) -> bool | None:
        _personal(info, "clinical")
        return self._row.get("clinical")

    @strawberry.field(
        description="Teams the person is a member of, with role and since/until on the edge.",
        deprecation_reason=DEPRECATED + "use memberships (a connection).",
    )
    async def teams(self, info: Info[Context, None]) -> list[Membership]:
        return [_membership(r) for r in await info.context.loaders.load(Relation.TEAMS_OF_PERSON, self.uid)]

    @strawberry.field(description="Teams the person is a member of, with role and since/until on the edge.")
    async def memberships(
        self,
        info: Info[Context, None],
        first: First = 50,
        after: After = None,
    ) -> MembershipConnection:
        rows = await info.context.loaders.load(Relation.TEAMS_OF_PERSON, self.uid)
        chosen, page = slice_rows(rows, first, after)
        return MembershipConnection(total_count=len(rows), page_info=page, edges=[_membership(r) for r in chosen])


def _membership(r: dict) -> Membership:
    return Membership(cursor=_cursor(r), node=Team.of(r), role=r["role"], since=r["since"], until=r["until"])


def _served(rows: list[dict]) -> list[ServedPlace]:
    return [ServedPlace(cursor=_cursor(r), node=Place.of(r), since=r["since"], until=r["until"]) for r in rows]


def _served_connection(rows: list[dict], first: int, after: str | None) -> ServedPlaceConnection:
    chosen, page = slice_rows(rows, first, after)
    return ServedPlaceConnection(total_count=len(rows), page_info=page, edges=_served(chosen))


KINDS: dict[str, type] = {
    "Team": Team,
    "Organisation": Organisation,
    "Person": Person,
    "Place": Place,
    "System": System,
}
