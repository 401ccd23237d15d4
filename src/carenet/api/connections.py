"""Root connections (teams, organisations, people, places, systems) and ``node(id)``.

``where`` filters (eq/in, contains/startsWith, activeAt; AND/OR/NOT), ``orderBy`` a field, degree
or a stored metric, keyset cursors (``first/after``, ``last/before``), and ``totalCount`` counted
by the store only when selected.
"""

import datetime as dt
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry.types import Info, get_object_definition

from carenet.api import selection
from carenet.api.auth import Role
from carenet.api.context import Context
from carenet.api.enums import LeadershipLevelEnum, OrgKindEnum, SectorEnum
from carenet.api.types import KINDS, Node, Organisation, PageInfo, Person, Place, System, Team, parse_global_id
from carenet.services import connections as svc
from carenet.services.metrics import METRIC_ORDERS
from carenet.services.relations import Relation

PREFETCH = {"Team": {"organisation": Relation.ORGANISATION_OF_TEAM, "ties": Relation.TIES_OF_TEAM}}
"""Label -> node field -> the relation read for the whole page when ``edges { node { field } }`` is
selected (see :mod:`carenet.api.loaders`)."""


def quick_input(cls: type) -> type:
    """Give a filter input strawberry's ``from_input`` hook, with its fields' GraphQL names and
    types worked out once rather than on every request.

    Without it strawberry walks every field of ``where`` and of each filter in it on every request,
    present or not, a noticeable share of a team-by-uid query (measured by ``benchmarks/api.py``).
    Values are converted as strawberry converts them (``InputContext.convert``), so enums, lists and
    nested filters come out the same; a test compares the two.

    graphql-core hands over every field of an input object, those not given as their default
    (null here): ``where: {uid: {eq: $uid}}`` arrives with a dozen nulls. A null is converted once
    per field, the first time: when strawberry turns it into None (any optional field), None is
    its value from then on without asking again; a field whose null converts to something else,
    or is refused (``Maybe``), is converted every time as before.
    """
    definition = get_object_definition(cls, strict=True)
    plan: dict[str, tuple[str, Any]] = {}
    null_is_none: dict[str, bool] = {}

    def from_input(type_: type, value: Any, context: Any) -> Any:
        if not plan:
            plan.update(
                {
                    context.config.name_converter.from_field(f): (
                        f.python_name,
                        f.resolve_type(type_definition=definition),
                    )
                    for f in definition.fields
                }
            )
        fields = {}
        for name, given in value.items():
            python_name, field_type = plan[name]
            if given is None:
                known = null_is_none.get(name)
                if known:
                    fields[python_name] = None
                    continue
                if known is None:
                    converted = context.convert(given, field_type, name)  # raises as strawberry would
                    null_is_none[name] = converted is None
                    fields[python_name] = converted
                    continue
            fields[python_name] = context.convert(given, field_type, name)
        return type_(**fields)

    definition.from_input = from_input
    return cls


def selects(info: Any, names: set[str]) -> bool:
    """Whether the query selects any of ``names`` (GraphQL names) anywhere below this field: from
    the syntax tree (:mod:`carenet.api.selection`), else from strawberry's ``selected_fields``."""
    found = selection.selects(info, names)
    return found if found is not None else selected_anywhere(info, names)


def selected_anywhere(info: Any, names: set[str]) -> bool:
    """:func:`selects` through strawberry's ``Info.selected_fields`` (the plain path)."""

    def walk(items: Any) -> bool:
        for item in items or ():
            if getattr(item, "name", None) in names or walk(getattr(item, "selections", None)):
                return True
        return False

    return walk(info.selected_fields)


async def current_metrics(info: Any, level: str, *, needed: bool) -> dt.datetime | None:
    """Bring ``level``'s stored metrics up to date when ``needed``; when they were computed (None:
    not asked, or no keeper, as in a bare schema)."""
    services = info.context.services
    keeper = getattr(services, "metrics", None)
    if keeper is None or not needed:
        return None
    return await keeper.ensure(info.context.repo, level, cache=getattr(services, "analysis_cache", None))


_EQ = "Equal to this value."
_IN = "Equal to one of these values (an empty list matches nothing)."


@quick_input
@strawberry.input(description="Matches a uid: equal to one, or one of several. Both given: both must hold.")
class IdFilter:
    eq: strawberry.ID | None = strawberry.field(default=None, description="Equal to this uid.")
    in_: list[strawberry.ID] | None = strawberry.field(default=None, name="in", description=_IN)


@quick_input
@strawberry.input(description="Matches a name, ignoring case. Both given: both must hold.")
class NameFilter:
    contains: str | None = strawberry.field(default=None, description="The name contains this text.")
    starts_with: str | None = strawberry.field(default=None, description="The name starts with this text.")


@quick_input
@strawberry.input(description="Matches a sector.")
class SectorFilter:
    eq: SectorEnum | None = strawberry.field(default=None, description=_EQ)
    in_: list[SectorEnum] | None = strawberry.field(default=None, name="in", description=_IN)


@quick_input
@strawberry.input(description="Matches an organisation's kind.")
class OrgKindFilter:
    eq: OrgKindEnum | None = strawberry.field(default=None, description=_EQ)
    in_: list[OrgKindEnum] | None = strawberry.field(default=None, name="in", description=_IN)


@quick_input
@strawberry.input(description="Matches a leadership level.")
class LevelFilter:
    eq: LeadershipLevelEnum | None = strawberry.field(default=None, description=_EQ)
    in_: list[LeadershipLevelEnum] | None = strawberry.field(default=None, name="in", description=_IN)


@quick_input
@strawberry.input(description="Matches a free-text value exactly.")
class StringInFilter:
    eq: str | None = strawberry.field(default=None, description=_EQ)
    in_: list[str] | None = strawberry.field(default=None, name="in", description=_IN)


WHERE_FIELDS = {
    "uid": "The node's uid.",
    "name": "The node's name.",
    "sector": "The node's sector.",
    "service": "The team's service, exactly.",
    "kind": "The organisation's kind.",
    "level": "The person's leadership level.",
    "organisation": "Uid of the organisation the node is part of (a person: of one of their teams).",
    "team": "Uid of a team the person is a member of.",
    "place": "Uid of a place the node serves.",
    "system": "Uid of the system the node is in.",
    "wave": "Uid of a survey wave that reported a tie of the node.",
    "active_at": (
        "Only nodes active on this date: a team part of an organisation, an organisation open (and "
        "part of its parent, if it has one), a person a member of a team, on that date."
    ),
}
"""What each condition of a ``where`` filter matches."""


def _where_type(name: str, kind: str, fields: dict[str, Any]):
    annotations = {k: v | None for k, v in fields.items()}
    namespace: dict[str, Any] = {
        "__annotations__": annotations,
        "__module__": __name__,
        **{k: strawberry.field(default=None, description=WHERE_FIELDS[k]) for k in fields},
    }
    annotations.update({"and_": f"list[{name}] | None", "or_": f"list[{name}] | None", "not_": f"{name} | None"})
    namespace.update(
        and_=strawberry.field(default=None, name="AND", description="Every one of these filters holds."),
        or_=strawberry.field(default=None, name="OR", description="At least one of these filters holds."),
        not_=strawberry.field(default=None, name="NOT", description="This filter does not hold."),
    )
    description = f"Which {kind} to return: every condition given must hold (omitted ones match anything)."
    return quick_input(strawberry.input(type(name, (), namespace), description=description))


TeamWhere = _where_type(
    "TeamWhere",
    "teams",
    {
        "uid": IdFilter,
        "name": NameFilter,
        "sector": SectorFilter,
        "service": StringInFilter,
        "organisation": IdFilter,
        "place": IdFilter,
        "system": IdFilter,
        "wave": IdFilter,
        "active_at": dt.date,
    },
)
OrganisationWhere = _where_type(
    "OrganisationWhere",
    "organisations",
    {
        "uid": IdFilter,
        "name": NameFilter,
        "sector": SectorFilter,
        "kind": OrgKindFilter,
        "place": IdFilter,
        "system": IdFilter,
        "wave": IdFilter,
        "active_at": dt.date,
    },
)
PersonWhere = _where_type(
    "PersonWhere",
    "people",
    {
        "uid": IdFilter,
        "name": NameFilter,
        "level": LevelFilter,
        "team": IdFilter,
        "organisation": IdFilter,
        "wave": IdFilter,
        "active_at": dt.date,
    },
)
PlaceWhere = _where_type("PlaceWhere", "places", {"uid": IdFilter, "name": NameFilter, "system": IdFilter})
SystemWhere = _where_type("SystemWhere", "systems", {"uid": IdFilter, "name": NameFilter})


def _value(v: Any) -> str:
    return v.value if isinstance(v, Enum) else str(v)


def to_where(w: Any) -> svc.Where | None:
    """The GraphQL filter as the service's neutral filter tree."""
    if w is None:
        return None
    out = svc.Where()
    for name in w.__annotations__:
        if name in ("and_", "or_", "not_"):
            continue
        value = getattr(w, name)
        if value is None:
            continue
        if isinstance(value, dt.date):
            out.conds.append(svc.Cond(name, date=value))
        elif isinstance(value, NameFilter):
            out.conds.append(svc.Cond(name, contains=value.contains or "", starts=value.starts_with or ""))
        else:
            if value.eq is not None:
                out.conds.append(svc.Cond(name, (_value(value.eq),)))
            if value.in_ is not None:
                out.conds.append(svc.Cond(name, tuple(_value(v) for v in value.in_)))
    out.all_of = [to_where(x) for x in w.and_ or ()]
    out.any_of = [to_where(x) for x in w.or_] if w.or_ is not None else None
    out.none_of = to_where(w.not_)
    return out


@strawberry.enum(description="What a connection is ordered by (ties broken by uid).")
class OrderField(Enum):
    UID = strawberry.enum_value("uid", description="The uid.")
    NAME = strawberry.enum_value("name", description="The name, then the uid.")
    DEGREE = strawberry.enum_value("degree", description="Number of ties (teams, organisations and people).")
    BETWEENNESS = strawberry.enum_value("betweenness", description="Stored betweenness (brought up to date first).")
    BROKERAGE = strawberry.enum_value(
        "brokerage", description="Stored Gould-Fernandez brokerage (brought up to date first)."
    )
    CONSTRAINT = strawberry.enum_value("constraint", description="Stored Burt constraint (brought up to date first).")


@strawberry.enum(description="Sort direction.")
class Direction(Enum):
    ASC = strawberry.enum_value("asc", description="Smallest first.")
    DESC = strawberry.enum_value("desc", description="Largest first.")


@strawberry.input(description="The order of a connection's edges.")
class OrderBy:
    field: OrderField = strawberry.field(default=OrderField.UID, description="What to order by.")
    direction: Direction = strawberry.field(default=Direction.ASC, description="Which way.")


def _connection(kind: str, node_type: type):
    edge = strawberry.type(
        type(
            f"{kind}Edge",
            (),
            {
                "__annotations__": {"cursor": str, "node": node_type},
                "__module__": __name__,
                "cursor": strawberry.field(description="This edge's position, for `after` or `before`."),
                "node": strawberry.field(description=f"The {kind.lower()}."),
            },
        ),
        description=f"One {kind.lower()} of a page, with its cursor.",
    )

    @strawberry.type(name=f"{kind}Connection", description=f"{kind} nodes, a page at a time (Relay connection).")
    class Connection:
        edges: list[edge] = strawberry.field(description="The nodes on this page, in the order asked for.")
        page_info: PageInfo = strawberry.field(description="Where this page sits.")
        _count: strawberry.Private[Any]
        metrics_computed_at: dt.datetime | None = strawberry.field(
            default=None,
            description=(
                "When the stored metrics (betweenness, brokerage, constraint, community) read here were computed: "
                "they are brought up to date before any read that orders by them or selects them. Null when the "
                "query uses none, and for places and systems."
            ),
        )

        @strawberry.field(description="Counted by the store, only when asked for.")
        async def total_count(self) -> int:
            return await self._count()

    return edge, Connection


TeamEdge, TeamConnection = _connection("Team", Team)
OrganisationEdge, OrganisationConnection = _connection("Organisation", Organisation)
PersonEdge, PersonConnection = _connection("Person", Person)
PlaceEdge_, PlaceConnection = _connection("Place", Place)
SystemEdge, SystemConnection = _connection("System", System)
_TYPES = {
    "Team": (Team, TeamEdge, TeamConnection),
    "Organisation": (Organisation, OrganisationEdge, OrganisationConnection),
    "Person": (Person, PersonEdge, PersonConnection),
    "Place": (Place, PlaceEdge_, PlaceConnection),
    "System": (System, SystemEdge, SystemConnection),
}


async def _resolve(info, label, where, order_by, first, after, last, before):
    ctx: Context = info.context
    ctx.principal.require(Role.FRONTEND, label.lower() + " connection")
    tree = to_where(where)
    order = order_by or OrderBy()
    level = {"Team": "team", "Organisation": "organisation", "Person": "person"}.get(label)
    computed_at = None
    if level is not None:
        needed = order.field.value in METRIC_ORDERS or selects(info, {"metrics", "metricsComputedAt"})
        computed_at = await current_metrics(info, level, needed=needed)
    page = await svc.page(
        ctx.repo,
        label=label,
        where=tree,
        order_by=order.field.value,
        descending=order.direction is Direction.DESC,
        first=first,
        after=after,
        last=last,
        before=before,
    )
    node_type, edge_type, conn_type = _TYPES[label]
    uids = [r["uid"] for r in page.rows]
    for name, relation in PREFETCH.get(label, {}).items():
        if uids and selection.selects_route(info, ("edges", "node", name)):
            await ctx.loaders.prefetch(relation, uids)
    if label == "Person" and ctx.audit is not None:
        await ctx.audit.record(ctx.principal, "read people", [r["uid"] for r in page.rows], "ok")

    async def count() -> int:
        return await svc.count(ctx.repo, label=label, where=tree)

    return conn_type(
        edges=[edge_type(cursor=c, node=node_type.of(r)) for r, c in zip(page.rows, page.cursors, strict=True)],
        page_info=PageInfo(
            has_next_page=page.has_next,
            has_previous_page=page.has_previous,
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None,
        ),
        metrics_computed_at=computed_at,
        _count=count,
    )


def _root(label: str, where_type: Any, conn_type: Any):
    async def resolver(
        info: Info[Context, None],
        where: Annotated[where_type | None, strawberry.argument(description="Which nodes; omitted = all.")] = None,
        order_by: Annotated[OrderBy | None, strawberry.argument(description="Their order; omitted = by uid.")] = None,
        first: Annotated[
            int | None, strawberry.argument(description="Page size from the start or `after` (1-500).")
        ] = None,
        after: Annotated[str | None, strawberry.argument(description="Start after this cursor.")] = None,
        last: Annotated[
            int | None, strawberry.argument(description="Page size back from the end or `before` (1-500).")
        ] = None,
        before: Annotated[str | None, strawberry.argument(description="End before this cursor.")] = None,
    ) -> conn_type:
        return await _resolve(info, label, where, order_by, first, after, last, before)

    return strawberry.field(resolver=resolver, description=f"{label} nodes; page size 50 by default, at most 500.")


teams_field = _root("Team", TeamWhere, TeamConnection)
organisations_field = _root("Organisation", OrganisationWhere, OrganisationConnection)
people_field = _root("Person", PersonWhere, PersonConnection)
places_field = _root("Place", PlaceWhere, PlaceConnection)
systems_field = _root("System", SystemWhere, SystemConnection)


async def resolve_node(
    info: Info[Context, None],
    id: Annotated[strawberry.ID, strawberry.argument(description="A global id (any `id` field of the schema).")],
) -> Node | None:
    kind, uid = parse_global_id(str(id))
    if kind not in KINDS:
        return None
    ctx: Context = info.context
    ctx.principal.require(Role.FRONTEND, "node")
    rows = (await svc.page(ctx.repo, label=kind, where=svc.Where(conds=[svc.Cond("uid", (uid,))]), first=1)).rows
    if kind == "Person" and ctx.audit is not None:
        await ctx.audit.record(ctx.principal, "read person", [uid], "ok" if rows else "not found")
    return KINDS[kind].of(rows[0]) if rows else None
