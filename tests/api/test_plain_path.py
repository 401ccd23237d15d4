"""Every shortcut of the API against the plain path it stands for.

- The kept documents and validation results (carenet.api.prepared): the schema answers a text the
  first time and on a repeat exactly as a plain strawberry schema with strawberry's own extensions
  (token limit, added validation rules; no caches) answers it, errors, variables, fragments and
  aliases included.
- The kept costs (carenet.api.cost.Costs): what they answer for a text and its variables is what
  costing the operation afresh gives.
- The leaf path (carenet.api.execution.LeafFastPath): the same answers as strawberry's own
  execution context, errors and null propagation included; and the subfields it keeps per
  document: the same text repeated with other variables answers as strawberry alone answers it.
- The filter inputs' ``from_input`` hook (carenet.api.connections.quick_input): the same filters
  as strawberry's own conversion, nulls included.
- What the syntax tree says is selected (carenet.api.selection) against strawberry's
  ``selected_fields``.
- The relations read for a page (carenet.api.loaders.Loaders.prefetch) against the DataLoaders
  alone: answers, errors and store calls.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from enum import Enum

import pytest
import strawberry
from graphql import parse
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import AddValidationRules, MaxTokensLimiter
from strawberry.extensions.max_aliases import create_validator as max_aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as max_depth_rule
from strawberry.permission import BasePermission
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.execution import PreExecutionError

from carenet.api import build_schema
from carenet.api.auth import Principal, Role
from carenet.api.context import Context
from carenet.api.cost import Costs, GraphSizes, operation_cost
from carenet.api.execution import LeafFastPath, plan_leaf, plan_object
from carenet.api.loaders import Loaders
from carenet.api.mutations import Mutation
from carenet.api.schema import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS
from carenet.api.schema import Query as CarenetQuery
from carenet.api.types import Node


def plain_schema(*, demo: bool) -> strawberry.Schema:
    """The schema as strawberry alone runs it: the same rules and limits, nothing kept between requests."""
    rules = [max_depth_rule(MAX_DEPTH, None), max_aliases_rule(MAX_ALIASES)]
    if not demo:
        rules.append(NoSchemaIntrospectionCustomRule)
    return strawberry.Schema(
        query=CarenetQuery,
        mutation=Mutation,
        types=[Node],
        extensions=[lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS), lambda: AddValidationRules(rules)],
        config=StrawberryConfig(disable_field_suggestions=not demo),
    )


DEEP = (
    "{ teams(first: 1) { edges { node { "
    + "organisation { teams(first: 1) { edges { node { " * 3
    + "uid"
    + " } } } }" * 3
    + " } } } }"
)
CASES = {
    "variables and nesting": (
        "query($uid: ID!) { teams(where: {uid: {eq: $uid}}) { edges { node { uid name sector "
        "organisation { uid name kind } ties(first: 3) { totalCount edges { uid kinds trust "
        "node { uid name } } } } } } }",
        {"uid": "s1-team-acute-3"},
        Role.FRONTEND,
    ),
    "enums made with the object, and by a resolver": (
        "{ a: subgraph(filter: {level: PERSON}, limit: 30) { edges { key kindCodes personKindCodes } } "
        "b: subgraph(limit: 30) { edges { key kindCodes personKindCodes } } "
        "teams(first: 2) { edges { node { ties(first: 3) { edges { directionCode kindCodes } } } } } }",
        {},
        Role.ANALYST,
    ),
    "a variable's default": (
        "query($n: Int = 3) { teams(first: $n) { totalCount edges { cursor node { uid } } } }",
        {},
        Role.FRONTEND,
    ),
    "aliases and fragments": (
        "{ a: systems { totalCount } b: teams(first: 2) { edges { node { ...T ... on Team { "
        "n: name } } } } } fragment T on Team { uid sector metrics { community } }",
        {},
        Role.ANALYST,
    ),
    "directives": (
        "query($yes: Boolean!) { teams(first: 2) { edges { node { uid name @include(if: $yes) "
        "sector @skip(if: $yes) } } } }",
        {"yes": True},
        Role.FRONTEND,
    ),
    "a forbidden field: an error with its path, null in place": (
        "{ people(first: 2) { edges { node { uid staffGroup } } } }",
        {},
        Role.FRONTEND,
    ),
    "a forbidden mutation": ("mutation { upsert(input: {}) { graphVersion } }", {}, Role.FRONTEND),
    "a variable of the wrong type": (
        "query($n: Int) { teams(first: $n) { totalCount } }",
        {"n": "many"},
        Role.FRONTEND,
    ),
    "a missing variable": ("query($n: Int!) { teams(first: $n) { totalCount } }", {}, Role.FRONTEND),
    "bad input from a resolver": ("{ teams(first: 501) { totalCount } }", {}, Role.FRONTEND),
    "an unknown field": ("{ teams(first: 1) { edges { node { nope } } } }", {}, Role.FRONTEND),
    "a syntax error": ("{ teams(first: 1) { ", {}, Role.FRONTEND),
    "too deep": (DEEP, {}, Role.FRONTEND),
    "too many aliases": (
        "{ " + " ".join(f"a{i}: systems {{ totalCount }}" for i in range(MAX_ALIASES + 1)) + " }",
        {},
        Role.FRONTEND,
    ),
    "too many tokens": ("{ " + " ".join(f"a{i}: __typename" for i in range(MAX_TOKENS // 2)) + " }", {}, Role.FRONTEND),
    "introspection": ('{ __type(name: "Team") { name fields { name } } }', {}, Role.FRONTEND),
}


def _outcome(result) -> tuple:
    errors = sorted(
        (e.message, tuple(e.path or ()), str((e.extensions or {}).get("code"))) for e in result.errors or ()
    )
    return isinstance(result, PreExecutionError), result.data, errors


@pytest.mark.parametrize("demo", [True, False], ids=["demo", "production"])
def test_kept_documents_answer_as_strawberry_alone(demo_server, demo):
    services = demo_server.services
    kept, plain = build_schema(demo=demo), plain_schema(demo=demo)

    async def run(schema, query: str, variables: dict, role: Role):
        context = Context(services=services, principal=Principal("t", role), loaders=Loaders(services.repo))
        return _outcome(await schema.execute(query, variable_values=variables, context_value=context))

    async def all_cases() -> None:
        for label, (query, variables, role) in CASES.items():
            expected = await run(plain, query, variables, role)
            first = await run(kept, query, variables, role)
            assert kept.documents.parse(query) is None or kept.documents.validation(query) is not None, label
            repeat = await run(kept, query, variables, role)
            assert first == expected, label
            assert repeat == expected, label
            ok = not expected[2]
            assert ok == (
                label
                in (
                    "variables and nesting",
                    "enums made with the object, and by a resolver",
                    "a variable's default",
                    "aliases and fragments",
                    "directives",
                )
                or (label == "introspection" and demo)
            ), (label, expected)
            if ok:
                assert expected[1] and all(expected[1].values()), (label, expected)

    asyncio.run(all_cases())


def test_a_kept_document_is_the_one_parsed_and_validated_once(demo_server):
    schema = build_schema(demo=True)
    query = CASES["aliases and fragments"][0]
    assert schema.documents.validation(query) is None
    document = schema.documents.parse(query)
    assert document is schema.documents.parse(query)
    context = Context(
        services=demo_server.services,
        principal=Principal("t", Role.ANALYST),
        loaders=Loaders(demo_server.services.repo),
    )
    result = asyncio.run(schema.execute(query, context_value=context))
    assert not result.errors and result.data["b"]["edges"]
    assert schema.documents.validation(query) == () and schema.documents.parse(query) is document


COSTED = [
    (
        "query($n: Int, $m: Int = 7) { teams(first: $n) { edges { node { ties(first: $m) { totalCount } } } } }",
        [{"n": 5}, {"n": 5, "m": 2}, {"n": 40}, {}, {"n": 5, "m": None}],
    ),
    (
        "query($f: AnalysisFilter) { analysis(filter: $f) { network } }",
        [{}, {"f": {"level": "TEAM", "system": "s1-system"}}, {"f": {"level": "TEAM"}}, {"f": None}],
    ),
    ("query A { teams(first: 3) { totalCount } } query B { places(first: 9) { totalCount } }", [{}]),
    (
        "query($uid: ID!, $n: Int) { teams(first: $n, where: {uid: {eq: $uid}}) { edges { node { "
        "ties(first: 3) { totalCount } } } } }",
        [{"uid": "a", "n": 4}, {"uid": "b", "n": 4}, {"uid": "c", "n": 9}, {"n": 4}, {"uid": 5, "n": 400}],
    ),
]


@pytest.mark.parametrize(("query", "variable_sets"), COSTED)
def test_kept_costs_are_the_costs_worked_out_afresh(query, variable_sets):
    schema = build_schema(demo=True)
    costs = Costs(schema.cost_schema)
    document = parse(query)
    sizes = [
        GraphSizes.from_counts({"Team": 100, "COLLABORATES_WITH": 400, "System": 4}, "v1"),
        GraphSizes.from_counts({"Team": 300, "COLLABORATES_WITH": 900, "System": 4}, "v2"),
    ]
    operations = ["A", "B"] if "query A" in query else [None]
    seen = set()
    for _ in range(2):  # the second round answers from what the first kept
        for operation in operations:
            for variables in variable_sets:
                for size in sizes:
                    fresh = operation_cost(schema.cost_schema, document, variables, operation, size)
                    assert costs.cost(document, query, variables, operation, size) == fresh
                    seen.add(fresh)
    assert len(seen) > 1 and costs.costs  # the variables and sizes matter, and costs were kept


def test_a_cost_is_kept_across_the_values_of_a_filter():
    """The team query of benchmarks/api.py, a uid each time: costed once, not once per uid."""
    schema = build_schema(demo=True)
    costs = Costs(schema.cost_schema)
    query = COSTED[-1][0]
    document = parse(query)
    for uid in ("a", "b", "c"):
        assert costs.cost(document, query, {"uid": uid, "n": 4}, None) == 4 + 4 * 3
    assert costs.reads[(query, None)] == ("n",) and len(costs.costs) == 1
    assert costs.cost(document, query, {"uid": "d", "n": 9}, None) == 9 + 9 * 3 and len(costs.costs) == 2


@strawberry.enum
class Colour(Enum):
    RED = "red"


class Allowed(BasePermission):
    message = "no"

    def has_permission(self, source, info, **kwargs) -> bool:
        return True


@strawberry.type
class Row:
    name: str
    note: str | None
    kinds: list[str]
    maybe_kinds: list[str | None] | None
    count: int
    colour: Colour
    day: dt.date | None
    score: float | None = 1.5

    @strawberry.field
    def shout(self) -> str:  # a method of the row alone: answered by the fast path (it raises on BAD rows)
        return self.name.upper()

    @strawberry.field
    def colour_name(self) -> Colour:  # an enum given by a method, as the API's *Code fields ("purple": refused)
        return self.colour

    @strawberry.field
    def sized(self, info: strawberry.Info) -> int:  # info: graphql-core's way
        return len(self.kinds)

    @strawberry.field
    def cut(self, to: int = 1) -> str:  # an argument: graphql-core's way
        return self.name[:to]

    @strawberry.field
    async def later(self) -> str:  # async: graphql-core's way
        return self.name

    @strawberry.field(permission_classes=[Allowed])
    def guarded(self) -> str:  # a permission class (a field extension): graphql-core's way
        return self.name


GOOD = Row(
    name="a", note=None, kinds=["x", "y"], maybe_kinds=["x", None], count=3, colour=Colour.RED, day=dt.date(2026, 4, 1)
)
BAD = [
    Row(name=None, note="n", kinds=["x"], maybe_kinds=None, count=1, colour=Colour.RED, day=None),  # null for String!
    Row(name="b", note=None, kinds=["x", None], maybe_kinds=[], count=1, colour=Colour.RED, day=None),  # null item
    Row(name="c", note=None, kinds=[], maybe_kinds=None, count=2**40, colour=Colour.RED, day=None),  # not an Int
    Row(name="d", note=None, kinds=[], maybe_kinds=None, count=1, colour="purple", day=None),  # not a Colour
    Row(name="e", note=None, kinds="xy", maybe_kinds=None, count=1, colour=Colour.RED, day=None),  # not a list
    Row(
        name=5, note=True, kinds=["x", 7, 1.5], maybe_kinds=[False, None], count=1, colour=Colour.RED, day=None
    ),  # not str
    Row(name="f", note=None, kinds=[], maybe_kinds=None, count=1, colour=Colour.RED, day=None, score=float("inf")),
    Row(name="g", note=None, kinds=[], maybe_kinds=None, count=1, colour=Colour.RED, day=None, score=3),  # int: 3.0
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
    def scored(self) -> list[Row]:  # Floats the fast path answers: a float as it is, an int as a float
        return [GOOD, BAD[-1], GOOD]

    @strawberry.field
    def holders(self) -> list[Holder | None]:
        return HOLDERS

    @strawberry.field
    def good(self) -> list[Holder]:
        return [HOLDERS[0], HOLDERS[0]]


OPERATION = """{ rows { name note kinds maybeKinds count colour day score shout alias: name __typename
  colourName sized cut(to: 2) guarded } }"""


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
    "{ holders { row { shout name } maybe { ... on Row { name } } } }",  # a method, and a fragment: graphql-core's way
    "{ holders { rows { shout colourName sized } maybe { colourName shout } } }",  # methods, raising on BAD rows
    "{ holders { pet { __typename name } rows { colour day maybeKinds } } }",
]


@pytest.mark.parametrize(
    "query",
    [
        OPERATION,
        "{ row { name count } }",
        "{ rows { kinds } }",
        "{ rows { name note maybeKinds } }",
        "{ rows { score } }",
        "{ scored { score name } }",
        *NESTED,
        "{ good { label rows { name } pet { name legs } } }",
    ],
)
def test_the_fast_path_gives_what_graphql_core_gives(query):
    stock, fast = _results(query)
    assert repr(fast) == repr(stock)  # 3 and 3.0 are equal, but not the same answer
    assert stock[1] or query in (
        "{ rows { kinds } }",
        "{ good { label rows { name } pet { name legs } } }",
        "{ scored { score name } }",
    )


def graphql_core_schema(schema: strawberry.Schema):
    """The graphql-core schema strawberry executes with, as its execution context sees it (``schema``)."""
    seen = []

    class Seeing(LeafFastPath):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            seen.append(self.schema)

    schema.execution_context_class = Seeing
    assert not schema.execute_sync("{ __typename }").errors
    schema.execution_context_class = LeafFastPath
    return seen[0]


def test_plain_objects_are_planned_all_the_way_down_and_the_rest_is_not():
    core = graphql_core_schema(strawberry.Schema(query=Query))
    holder = core.get_type("Holder")

    def plan(selection: str):
        node = (
            parse(f"{{ holders {{ {selection} }} }}")
            .definitions[0]
            .selection_set.selections[0]
            .selection_set.selections[0]
        )
        return plan_object(core, holder.fields[node.name.value], node)

    assert plan("rows { name kinds __typename }") is not None and plan("pet { n: name legs }") is not None
    assert plan("row { shout colourName }") is not None  # methods of the row alone
    assert plan("row { sized }") is None and plan("row { later }") is None and plan("row { guarded }") is None
    assert plan("maybe { ... on Row { name } }") is None
    assert plan("row { name @include(if: true) }") is None


def test_only_plain_leaves_are_planned():
    core = graphql_core_schema(strawberry.Schema(query=Query))
    row = core.get_type("Row")
    assert {name for name, f in row.fields.items() if plan_leaf(f) is not None} == {
        "name",
        "note",
        "kinds",
        "maybeKinds",
        "count",
        "colour",
        "day",
        "score",
        "shout",
        "colourName",
    }
    assert plan_leaf(row.fields["shout"]).compute is not None and plan_leaf(row.fields["name"]).compute is None
    assert plan_leaf(core.query_type.fields["rows"]) is None


TEAMS = """{ teams(first: 40) { totalCount edges { cursor node { id uid name sector sectorCode service
  metrics { betweenness community } organisation { id uid name kind kindCode sectorCode odsCode }
  places { since node { name gssCode } }
  ties(first: 30) { totalCount edges { uid direction directionCode kinds kindCodes frequency frequencyCode trust value wave
    since until node { id uid name sectorCode } } } } } } }"""
PEOPLE = """{ people(first: 60) { edges { node { id uid name role level levelCode staffGroup staffGroupCode band
  clinical teams { role since node { name sectorCode } } } } } }"""


DRAWN = """{ subgraph(limit: 300) { nodes { uid labelCode sectorCode kind sector }
  edges { key kinds } } systemOverview { nodes { uid sectorCode sector } } }"""


@pytest.mark.parametrize("query", [TEAMS, PEOPLE, DRAWN])
def test_the_api_answers_the_same_with_and_without_the_leaf_path(demo_server, query):
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
    if "subgraph" in stock:  # the enums, as the map reads them
        nodes = stock["subgraph"]["nodes"]
        assert nodes and {n["labelCode"] for n in nodes} == {"TEAM"}
        drawn = nodes + stock["systemOverview"]["nodes"]
        assert all(n["sectorCode"] == (n["sector"].upper() if n["sector"] else None) for n in drawn)
        return
    assert (
        any(e["node"]["ties"]["edges"] for e in stock["teams"]["edges"])
        if "teams" in stock
        else stock["people"]["edges"]
    )


WHERE = [
    '{ teams(first: 500, where: {sector: {eq: HEALTH}, name: {contains: "a"}}) { edges { node { uid } } } }',
    "{ teams(first: 500, where: {OR: [{sector: {eq: HOUSING}}, {AND: [{sector: {in: [HEALTH, EDUCATION]}},"
    ' {NOT: {name: {startsWith: "A"}}}]}]}) { edges { node { uid } } } }',
    '{ organisations(first: 500, where: {kind: {in: [NHS_TRUST, LOCAL_AUTHORITY]}, activeAt: "2025-06-01"}) { edges { node { uid } } } }',
    '{ people(first: 500, where: {level: {eq: SENIOR}, activeAt: "2025-06-01"}) { edges { node { uid } } } }',
    '{ teams(first: 500, where: {uid: null, name: {contains: "a", startsWith: null}, sector: {eq: HEALTH, in: null}, '
    "OR: null, NOT: null, activeAt: null}) { edges { node { uid } } } }",
    "query($s: SectorFilter, $n: NameFilter) { teams(first: 500, where: {sector: $s, name: $n, AND: [{NOT: null}, "
    "{sector: {in: [HEALTH, HOUSING], eq: null}}]}) { edges { node { uid } } } }",
]


@pytest.mark.parametrize("query", WHERE)
def test_filters_built_by_the_quick_hook_select_what_strawberrys_own_conversion_selects(
    demo_server, query, monkeypatch
):
    from strawberry.types import get_object_definition

    from carenet.api import connections

    async def run() -> dict:
        services = demo_server.services
        context = Context(services=services, principal=Principal("t", Role.ADMIN), loaders=Loaders(services.repo))
        result = await build_schema(demo=True).execute(query, context_value=context)
        assert not result.errors, result.errors
        return result.data

    quick = asyncio.run(run())
    for cls in (
        connections.IdFilter,
        connections.NameFilter,
        connections.SectorFilter,
        connections.OrgKindFilter,
        connections.LevelFilter,
        connections.TeamWhere,
        connections.OrganisationWhere,
        connections.PersonWhere,
    ):
        monkeypatch.setattr(get_object_definition(cls, strict=True), "from_input", None)
    own = asyncio.run(run())
    assert quick == own
    assert next(iter(own.values()))["edges"]  # each filter selects something


def _maybe_filter(name: str, quick: bool) -> type:
    from carenet.api.connections import IdFilter

    cls = strawberry.input(
        type(
            name,
            (),
            {
                "__annotations__": {"eq": strawberry.Maybe[str | None], "note": str | None, "inner": IdFilter | None},
                "__module__": __name__,
                "eq": None,
                "note": None,
                "inner": None,
            },
        )
    )
    if quick:
        from carenet.api.connections import quick_input

        cls = quick_input(cls)
    return cls


def test_a_null_is_converted_as_strawberry_converts_it_every_time():
    """quick_input converts a field's null once and keeps None only when strawberry's conversion
    gives None: a ``Maybe`` field's null (``Some(None)``) is converted every time."""
    from carenet.api.connections import IdFilter

    answers = []
    for quick in (False, True):
        given = _maybe_filter("QuickMaybe" if quick else "PlainMaybe", quick)

        def echo(f) -> str:
            return repr((f.eq, f.note, f.inner))

        echo.__annotations__ = {"f": given, "return": str}
        echo_type = strawberry.type(type("Echo", (), {"echo": strawberry.field(resolver=echo)}))
        schema = strawberry.Schema(query=echo_type, types=[IdFilter])
        for text in (
            "{ echo(f: {eq: null, note: null, inner: null}) }",
            "{ echo(f: {eq: null, note: null, inner: null}) }",
            '{ echo(f: {eq: "a", inner: {eq: "u", in: null}}) }',
            "{ echo(f: {note: null}) }",
        ):
            result = schema.execute_sync(text)
            assert not result.errors, result.errors
            answers.append((quick, text, result.data["echo"]))
    plain = [a[1:] for a in answers if not a[0]]
    quick = [a[1:] for a in answers if a[0]]
    assert quick == plain
    assert plain[1][1].startswith("(Some(None),") and plain[3][1].startswith("(None,")


@strawberry.type
class Edge:
    cursor: str
    name: str


SEEN: list[tuple] = []


def _reference_route(selections, route: tuple[str, ...]) -> bool:
    """``route`` selected, read from strawberry's ``selected_fields`` (fragments of both kinds resolved)."""
    from strawberry.types.nodes import FragmentSpread, InlineFragment

    for item in selections:
        if isinstance(item, (InlineFragment, FragmentSpread)):
            if _reference_route(item.selections, route):
                return True
        elif item.name == route[0] and (len(route) == 1 or _reference_route(item.selections, route[1:])):
            return True
    return False


@strawberry.type
class Box:
    @strawberry.field
    def edges(self) -> list[Edge]:
        return [Edge(cursor="c", name="n")]

    @strawberry.field
    def box(self, info: strawberry.Info) -> Box:
        from carenet.api import connections, selection

        SEEN.append(
            (
                selection.selects(info, {"cursor"}),
                connections.selected_anywhere(info, {"cursor"}),
                selection.selects_route(info, ("edges", "cursor")),
                _reference_route([s for f in info.selected_fields for s in f.selections], ("edges", "cursor")),
            )
        )
        return Box()


@strawberry.type
class Probe:
    @strawberry.field
    def boxes(self) -> list[Box]:
        return [Box(), Box()]


SELECTIONS = {
    "{ boxes { box { edges { cursor } } } }": True,
    "{ boxes { box { edges { name } } } }": True,
    "{ boxes { b: box { edges { c: cursor } } } }": True,
    "{ boxes { box { ... on Box { edges { cursor } } } } }": True,
    "{ boxes { box { edges { name } box { edges { cursor } } } } }": True,
    "{ boxes { box { edges { name } } box { edges { cursor } } } }": True,
    "{ boxes { box { edges { name } } b: box { edges { cursor } } } }": True,
    "{ boxes { box { edges { cursor @skip(if: true) } } } }": True,
    "{ boxes { box { ...F } } } fragment F on Box { edges { cursor } }": False,
    "{ boxes { box @include(if: true) { edges { cursor } } } }": False,
    "{ ... on Probe { boxes { box { edges { cursor } } } } }": False,
    "{ boxes { ... on Box { box { edges { name } } } } }": False,
}
"""Query -> whether the syntax tree answers (True) or leaves it to ``selected_fields`` (False)."""


@pytest.mark.parametrize("query", list(SELECTIONS))
def test_what_the_syntax_tree_says_is_selected_is_what_selected_fields_says(query):
    """carenet.api.selection (a cursor per tie edge only when selected; stored metrics brought up to
    date only when selected) against strawberry's ``selected_fields``."""
    SEEN.clear()
    result = strawberry.Schema(query=Probe).execute_sync(query)
    assert not result.errors and SEEN
    for tree_any, plain_any, tree_route, plain_route in SEEN:
        assert tree_any in (None, plain_any) and tree_route in (None, plain_route)
        assert (tree_any is not None and tree_route is not None) == SELECTIONS[query]


@pytest.mark.parametrize(
    "query",
    [
        CASES["variables and nesting"][0],
        CASES["variables and nesting"][0].replace("edges { uid", "edges { cursor uid"),
        "{ organisations(first: 3) { edges { node { ties(first: 4) { edges { ... on OrganisationTie { cursor } "
        "node { uid } } } } } } }",
        "{ teams(first: 3) { edges { node { ties(first: 4) { edges { ...E } } } } } } "
        "fragment E on TeamTie { c: cursor uid }",
        "{ teams(first: 3) { edges { node { metrics { community } ties(first: 2) { pageInfo { endCursor } } } } } }",
    ],
)
def test_ties_answer_the_same_whatever_the_syntax_tree_tells(demo_server, query, monkeypatch):
    from carenet.api import selection

    async def run() -> dict:
        services = demo_server.services
        context = Context(services=services, principal=Principal("t", Role.ADMIN), loaders=Loaders(services.repo))
        result = await build_schema(demo=True).execute(
            query, variable_values={"uid": "s1-team-acute-3"}, context_value=context
        )
        assert not result.errors, result.errors
        return result.data

    quick = asyncio.run(run())
    monkeypatch.setattr(selection, "field_nodes", lambda info: None)  # every answer from selected_fields
    assert quick == asyncio.run(run())
    assert "cursor" not in query or "WyJ0aWUi" in str(quick)  # the cursors selected are there


PREFETCHED = [
    CASES["variables and nesting"][0],
    "{ teams(first: 5) { edges { node { uid o: organisation { uid } ... on Team { ties(first: 2) { totalCount "
    "edges { cursor node { uid organisation { uid } } } } } a: ties(first: 1, after: null) { edges { uid } } } } } }",
    "{ teams(first: 3) { edges { node { ...N } } } } fragment N on Team { uid organisation { uid } ties { totalCount } }",
    "{ teams(first: 2) { edges { node { uid organisation { uid } ties(first: 501) { totalCount } } } } }",
]


def _failing_ties(call) -> None:
    if any("tie" in name for name in call.names):
        raise RuntimeError("the store failed")


@pytest.mark.parametrize("fail", [None, _failing_ties], ids=["ok", "the ties read fails"])
@pytest.mark.parametrize("query", PREFETCHED)
def test_relations_read_for_the_page_answer_as_the_dataloaders_do(demo_server, query, fail, monkeypatch):
    """carenet.api.loaders.Loaders.prefetch against the DataLoaders alone: the same answers, the
    same errors at the same paths, the same store calls in the same order."""
    from carenet.api import connections
    from carenet.services.relations import Relation

    store = demo_server.recording

    async def run() -> tuple:
        services = demo_server.services
        context = Context(services=services, principal=Principal("t", Role.ADMIN), loaders=Loaders(services.repo))
        store.reset()
        store.fail = fail
        try:
            result = await build_schema(demo=True).execute(
                query, variable_values={"uid": "s1-team-acute-3"}, context_value=context
            )
        finally:
            store.fail = None
        teams = ((result.data or {}).get("teams") or {}).get("edges") or []
        read = [context.loaders.ready(Relation.TIES_OF_TEAM, e["node"]["uid"]) for e in teams]
        return _outcome(result), [(c.names, c.params) for c in store.calls], read

    (outcome, calls, read) = asyncio.run(run())
    if fail is None:  # read for the page, unless a fragment spread hides the selection
        assert all((rows is not None) == ("fragment" not in query) for rows in read)
    monkeypatch.setattr(connections, "PREFETCH", {})
    (plain_outcome, plain_calls, plain_read) = asyncio.run(run())
    assert not any(plain_read)
    assert outcome == plain_outcome
    _, data, errors = outcome
    if fail is None and "501" in query:  # bad input from the ties resolver: null up to teams
        assert calls == plain_calls and errors and all("ties" in path for _, path, _ in errors)
    elif fail is None:
        assert calls == plain_calls and len(calls) >= 3 and data["teams"]["edges"]
        assert not errors
    else:  # the failed read for the page is read again by the DataLoader, which reports it as before
        assert [c for i, c in enumerate(calls) if i == 0 or c != calls[i - 1]] == plain_calls
        assert errors and all("ties" in path for _, path, _ in errors)


REPEATED = [
    (  # directives on fields: never kept, collected with each request's variables
        "query($yes: Boolean!) { teams(first: 3) { edges { node { uid name @include(if: $yes) "
        "organisation { uid name @skip(if: $yes) kind } ties(first: 2) { totalCount edges { uid "
        "node { uid } } } } } } }",
        [{"yes": True}, {"yes": False}, {"yes": True}],
    ),
    (  # the team query of benchmarks/api.py: a filter with a dozen nulls
        "query($uid: ID!) { teams(where: {uid: {eq: $uid}}) { edges { node { uid name sector service "
        "organisation { uid name kind sector } ties(first: 5) { totalCount edges { uid direction kinds "
        "trust value wave node { uid name sector } } } } } } }",
        [{"uid": "s1-team-acute-3"}, {"uid": "s1-team-acute-4"}, {"uid": "nobody"}, {"uid": "s1-team-acute-3"}],
    ),
    (  # one selection set, two object types behind an interface
        "query($id: ID!) { node(id: $id) { uid id } }",
        [{"id": "VGVhbTpzMS10ZWFtLWFjdXRlLTM="}, {"id": "T3JnYW5pc2F0aW9uOnMxLW9yZy1hY3V0ZQ=="}, {"id": "bm9wZQ=="}],
    ),
    (  # fragments and a directive on a fragment spread
        "query($yes: Boolean!) { teams(first: 2) { edges { node { ...T @include(if: $yes) ... on Team { "
        "sector } } } } } fragment T on Team { uid name }",
        [{"yes": False}, {"yes": True}],
    ),
    (
        "{ people(first: 3) { edges { node { uid name staffGroup teams { role node { uid } } } } } }",
        [{}, {}],
    ),
]


@pytest.mark.parametrize(("query", "variable_sets"), REPEATED)
def test_a_repeated_text_answers_as_strawberry_alone_answers_it(demo_server, query, variable_sets):
    """What is kept per query text (documents, validation, costs, LeafFastPath's plans and the
    subfields it collected) and per filter field (how a null converts) against strawberry's own
    execution context and no kept documents: the same text again and again, with other variables."""
    from carenet.api import execution

    services = demo_server.services
    fast, stock = build_schema(demo=True), plain_schema(demo=True)
    assert fast.execution_context_class is LeafFastPath

    async def run(schema, variables: dict, role: Role = Role.FRONTEND) -> tuple:
        context = Context(services=services, principal=Principal("t", role), loaders=Loaders(services.repo))
        return _outcome(await schema.execute(query, variable_values=variables, context_value=context))

    async def all_runs() -> list[tuple]:
        outcomes = []
        for variables in variable_sets:
            expected = await run(stock, variables)
            assert await run(fast, variables) == expected, variables
            outcomes.append(expected)
        return outcomes

    outcomes = asyncio.run(all_runs())
    assert any(data for _, data, _ in outcomes)
    assert len({repr(data) for _, data, _ in outcomes}) > 1 or "people" in query  # the variables mattered
    operation = fast.documents.parse(query).definitions[0]
    kept = [collected for _, collected in execution._plans_of(operation).subfields.values()]
    assert any(c is not None for c in kept)  # kept for the plain selection sets
    assert any(c is None for c in kept) == ("@" in query)  # and not for those with directives or fragments
    if "node(id:" in query:
        assert len(kept) == 2  # one selection set, collected for a team and for an organisation
    if "staffGroup" in query:
        assert all(errors for _, _, errors in outcomes)  # the frontend role may not read it
