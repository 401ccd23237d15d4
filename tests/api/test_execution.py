"""The fast path (plain leaves, plain objects) answers exactly what graphql-core's own path answers, errors included."""

from __future__ import annotations

import asyncio
import datetime as dt
from enum import Enum

import pytest
import strawberry
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from carenet.api import build_schema
from carenet.api.auth import Principal, Role
from carenet.api.context import Context
from carenet.api.execution import LeafFastPath, plan_leaf, plan_object
from carenet.api.loaders import Loaders


@strawberry.enum
class Colour(Enum):
    RED = "red"


@strawberry.type
class Row:
    name: str
    note: str | None
    kinds: list[str]
    maybe_kinds: list[str | None] | None
    count: int
    colour: Colour
    day: dt.date | None

    @strawberry.field
    def shout(self) -> str:
        return self.name.upper()


GOOD = Row(name="a", note=None, kinds=["x", "y"], maybe_kinds=["x", None], count=3, colour=Colour.RED, day=dt.date(2026, 4, 1))
BAD = [
    Row(name=None, note="n", kinds=["x"], maybe_kinds=None, count=1, colour=Colour.RED, day=None),  # null for String!
    Row(name="b", note=None, kinds=["x", None], maybe_kinds=[], count=1, colour=Colour.RED, day=None),  # null item
    Row(name="c", note=None, kinds=[], maybe_kinds=None, count=2**40, colour=Colour.RED, day=None),  # not an Int
    Row(name="d", note=None, kinds=[], maybe_kinds=None, count=1, colour="purple", day=None),  # not a Colour
    Row(name="e", note=None, kinds="xy", maybe_kinds=None, count=1, colour=Colour.RED, day=None),  # not a list
    Row(name=5, note=True, kinds=["x", 7, 1.5], maybe_kinds=[False, None], count=1, colour=Colour.RED, day=None),  # not str
]


@strawberry.interface
class Named:
    name: str


@strawberry.type
class Pet(Named):
    legs: int


@strawberry.type
class Holder:
    label: str
    row: Row
    rows: list[Row | None]
    maybe: Row | None
    pet: Pet


HOLDERS = [
    Holder(label="h1", row=GOOD, rows=[GOOD, None], maybe=None, pet=Pet(name="p", legs=4)),
    Holder(label="h2", row=BAD[0], rows=[GOOD], maybe=GOOD, pet=Pet(name="q", legs=2)),  # null deep in a non-null row
    Holder(label="h3", row=GOOD, rows=[BAD[2]], maybe=BAD[1], pet=GOOD),  # not an Int; null item; not a Pet
    Holder(label="h4", row=GOOD, rows=None, maybe=GOOD, pet=Pet(name="r", legs=0)),  # null for a non-null list
]


@strawberry.type
class Query:
    @strawberry.field
    def rows(self) -> list[Row | None]:
        return [GOOD, *BAD]

    @strawberry.field
    def row(self) -> Row:
        return BAD[0]

    @strawberry.field
    def holders(self) -> list[Holder | None]:
        return HOLDERS

    @strawberry.field
    def good(self) -> list[Holder]:
        return [HOLDERS[0], HOLDERS[0]]


OPERATION = "{ rows { name note kinds maybeKinds count colour day shout alias: name __typename } }"


def _results(query: str) -> list[tuple]:
    out = []
    for executor in (StrawberryGraphQLCoreExecutionContext, LeafFastPath):
        schema = strawberry.Schema(query=Query, execution_context_class=executor)
        result = schema.execute_sync(query)
        errors = sorted((e.message, tuple(e.path or ())) for e in result.errors or ())
        out.append((result.data, errors))
    return out


NESTED = [
    "{ holders { label row { name count } rows { name kinds __typename } maybe { n: name day } pet { name legs } } }",
    "{ holders { row { shout name } maybe { ... on Row { name } } } }",  # a resolver and a fragment: graphql-core's way
    "{ holders { pet { __typename name } rows { colour day maybeKinds } } }",
]


@pytest.mark.parametrize("query", [OPERATION, "{ row { name count } }", "{ rows { kinds } }", "{ rows { name note maybeKinds } }",
                                   *NESTED,
                                   "{ good { label rows { name } pet { name legs } } }"])
def test_the_fast_path_gives_what_graphql_core_gives(query):
    stock, fast = _results(query)
    assert fast == stock
    assert stock[1] or query in ("{ rows { kinds } }", "{ good { label rows { name } pet { name legs } } }")


def test_plain_objects_are_planned_all_the_way_down_and_the_rest_is_not():
    from graphql import parse

    schema = strawberry.Schema(query=Query, execution_context_class=LeafFastPath)
    holder = schema._schema.get_type("Holder")

    def plan(selection: str):
        node = parse("{ holders { %s } }" % selection).definitions[0].selection_set.selections[0].selection_set.selections[0]
        return plan_object(holder.fields[node.name.value], node)

    assert plan("rows { name kinds __typename }") is not None and plan("pet { n: name legs }") is not None
    assert plan("row { shout }") is None and plan("maybe { ... on Row { name } }") is None
    assert plan("row { name @include(if: true) }") is None


def test_only_plain_leaves_are_planned():
    schema = strawberry.Schema(query=Query, execution_context_class=LeafFastPath)
    row = schema._schema.get_type("Row")
    assert {name for name, f in row.fields.items() if plan_leaf(f) is not None} == {
        "name", "note", "kinds", "maybeKinds", "count", "colour", "day"
    }
    assert plan_leaf(schema._schema.query_type.fields["rows"]) is None


TEAMS = """{ teams(first: 40) { totalCount edges { cursor node { id uid name sector service
  metrics { betweenness community } organisation { uid name kind odsCode }
  places { since node { name gssCode } }
  ties(first: 30) { totalCount edges { uid direction kinds frequency trust value wave since until node { uid name } } } } } } }"""
PEOPLE = """{ people(first: 60) { edges { node { uid name role level staffGroup band clinical
  teams { role since node { name } } } } } }"""


@pytest.mark.parametrize("query", [TEAMS, PEOPLE])
def test_the_api_answers_the_same_with_and_without_it(demo_server, query):
    async def run(executor) -> dict:
        schema = build_schema(demo=True)
        schema.execution_context_class = executor
        services = demo_server.services
        context = Context(services=services, principal=Principal("t", Role.ADMIN), loaders=Loaders(services.repo))
        result = await schema.execute(query, context_value=context)
        assert not result.errors, result.errors
        return result.data

    stock = asyncio.run(run(StrawberryGraphQLCoreExecutionContext))
    assert stock == asyncio.run(run(LeafFastPath))
    assert any(e["node"]["ties"]["edges"] for e in stock["teams"]["edges"]) if "teams" in stock else stock["people"]["edges"]


WHERE = [
    '{ teams(first: 500, where: {sector: {eq: HEALTH}, name: {contains: "a"}}) { edges { node { uid } } } }',
    '{ teams(first: 500, where: {OR: [{sector: {eq: HOUSING}}, {AND: [{sector: {in: [HEALTH, EDUCATION]}},'
    ' {NOT: {name: {startsWith: "A"}}}]}]}) { edges { node { uid } } } }',
    '{ organisations(first: 500, where: {kind: {in: [NHS_TRUST, LOCAL_AUTHORITY]}, activeAt: "2025-06-01"}) { edges { node { uid } } } }',
    '{ people(first: 500, where: {level: {eq: SENIOR}, activeAt: "2025-06-01"}) { edges { node { uid } } } }',
]


@pytest.mark.parametrize("query", WHERE)
def test_filters_built_by_the_quick_hook_select_what_strawberrys_own_conversion_selects(demo_server, query, monkeypatch):
    from carenet.api import connections

    async def run() -> dict:
        services = demo_server.services
        context = Context(services=services, principal=Principal("t", Role.ADMIN), loaders=Loaders(services.repo))
        result = await build_schema(demo=True).execute(query, context_value=context)
        assert not result.errors, result.errors
        return result.data

    quick = asyncio.run(run())
    for cls in (connections.IdFilter, connections.NameFilter, connections.SectorFilter, connections.OrgKindFilter,
                connections.LevelFilter, connections.TeamWhere, connections.OrganisationWhere, connections.PersonWhere):
        monkeypatch.setattr(cls.__strawberry_definition__, "from_input", None)
    own = asyncio.run(run())
    assert quick == own
    assert next(iter(own.values()))["edges"]  # each filter selects something
