"""The leaf fast path answers exactly what graphql-core's own path answers, errors included."""

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
from carenet.api.execution import LeafFastPath, plan_leaf
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
]


@strawberry.type
class Query:
    @strawberry.field
    def rows(self) -> list[Row | None]:
        return [GOOD, *BAD]

    @strawberry.field
    def row(self) -> Row:
        return BAD[0]


OPERATION = "{ rows { name note kinds maybeKinds count colour day shout alias: name __typename } }"


def _results(query: str) -> list[tuple]:
    out = []
    for executor in (StrawberryGraphQLCoreExecutionContext, LeafFastPath):
        schema = strawberry.Schema(query=Query, execution_context_class=executor)
        result = schema.execute_sync(query)
        errors = sorted((e.message, tuple(e.path or ())) for e in result.errors or ())
        out.append((result.data, errors))
    return out


@pytest.mark.parametrize("query", [OPERATION, "{ row { name count } }", "{ rows { kinds } }"])
def test_the_fast_path_gives_what_graphql_core_gives(query):
    stock, fast = _results(query)
    assert fast == stock
    assert stock[1] or query == "{ rows { kinds } }"  # the bad rows do raise errors


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
