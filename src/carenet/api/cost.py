"""What an operation will cost, checked before execution: per request, and per caller over time.

**Pages.** A field with a page-size argument (``first``, ``last`` or ``limit``; its default when
not given) costs its page size times the page sizes of the fields it is nested in; an operation
costs the sum over its fields, every alias and every place a fragment is spread counted.
Variables are costed as the operation will run: the value sent, else the variable's default
(``query($n: Int = 500)`` costs 500 a page, not the field's default).

**Analytics.** ``analysis``, ``analysisReport`` and ``pathways`` cost the size of the network
they project: nodes plus ties of their level (teams and collaborations, organisations and
collaborations, people and their ``WORKS_WITH`` ties), from the store's counts per label
(:class:`GraphSizes`, counted again after writes). A filter naming a system (or a place) divides
that by the number of systems (or places): an estimate of one system's share. ``analysisReport``
with ``ALL`` counts five reports; ``analysis``'s ``departureImpact`` counts one more projection
per alias. Example: the demo system's people (2,197 people, 8,404 ties) cost 10,601 a report, so
twelve aliased person-level reports (127,212) are refused.

Over :data:`MAX_COST` the operation is rejected before anything runs, with
``GRAPHQL_VALIDATION_FAILED`` and ``extensions.cost``/``budget``.

**Over time.** Each caller (role and subject) has a budget over a sliding window
(:class:`Budget`; ``CARENET_COST_BUDGET`` per ``CARENET_COST_WINDOW_S`` seconds, 0 turns it off):
an operation that would take the window's total past it is refused before it runs, with
``RATE_LIMITED``, ``extensions.retryAfter`` (seconds) and, over HTTP, status 429 and a
``Retry-After`` header. Refused operations are not charged. The admin role (operators and the
local CLI) is not limited over time.

Example: ``teams(first: 500) { edges { node { ties(first: 500) ... } } }`` costs
500 + 500 x 500 = 250,500.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    InlineFragmentNode,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)
from graphql.execution import VariableValues, get_variable_values
from graphql.execution.values import get_argument_values
from graphql.pyutils import Undefined
from graphql.type import GraphQLInterfaceType, GraphQLObjectType

from carenet.api.auth import Role
from carenet.domain.enums import Level

MAX_COST = 50_000
PAGE_ARGUMENTS = ("first", "last", "limit")
LEVELS = {level.value: (level.label, level.tie) for level in Level}
"""Level -> (node label, tie type) of the network analytics project at that level."""
ANALYTICS = {"analysis": 1, "analysisReport": 1, "pathways": 1}
"""Root fields costed by the network they project, and how many projections each computes."""
REPORT_WEIGHTS = {"ALL": 5}
"""``analysisReport(report: ...)`` values that compute several reports."""


@dataclass(frozen=True)
class GraphSizes:
    """Node and tie counts of the networks the analytics project (see the module docstring)."""

    networks: Mapping[str, int] = field(default_factory=dict)
    """Level -> nodes + ties."""
    systems: int = 1
    places: int = 1
    version: str = ""
    """The store version counted."""

    @classmethod
    def from_counts(cls, counts: Mapping[str, int], version: str = "") -> GraphSizes:
        networks = {
            level: int(counts.get(label, 0)) + int(counts.get(ties, 0)) for level, (label, ties) in LEVELS.items()
        }
        return cls(networks, max(1, int(counts.get("System", 0))), max(1, int(counts.get("Place", 0))), version)

    def projection(self, level: str = "team", *, system: Any = None, place: Any = None) -> int:
        size = self.networks.get(level, 0)
        if place:
            size = math.ceil(size / self.places)
        elif system:
            size = math.ceil(size / self.systems)
        return max(size, 1)


class SizeCache:
    """The latest :class:`GraphSizes` of one store. The first call counts; after a write (the store's
    version changes) the counts are taken again in the background, at most every ``interval_s``,
    and until then the last ones serve (counts drift slowly; a request never waits for them)."""

    def __init__(self, interval_s: float = 1.0) -> None:
        self.interval_s = interval_s
        self.sizes: GraphSizes | None = None
        self._refreshing: asyncio.Task | None = None
        self._counted_at = 0.0

    async def current(self, services: Any) -> GraphSizes:
        version = str(services.version)
        if self.sizes is None:
            self.sizes = await self._count(services, version)
        elif (
            self.sizes.version != version
            and self._refreshing is None
            and time.monotonic() - self._counted_at >= self.interval_s
        ):
            self._refreshing = asyncio.get_running_loop().create_task(self._refresh(services, version))
        return self.sizes

    async def _count(self, services: Any, version: str) -> GraphSizes:
        self._counted_at = time.monotonic()
        return GraphSizes.from_counts(await services.counts(), version)

    async def _refresh(self, services: Any, version: str) -> None:
        try:
            self.sizes = await self._count(services, version)
        except Exception:  # noqa: BLE001 - the last counts keep serving; the next write tries again
            pass
        finally:
            self._refreshing = None


class Budget:
    """A cost budget per caller over a sliding window of ``window_s`` seconds (``limit`` 0: none)."""

    def __init__(self, limit: int, window_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window_s = window_s
        self.clock = clock
        self._spent: dict[str, deque[tuple[float, int]]] = {}
        self._totals: dict[str, int] = {}

    def charge(self, key: str, cost: int) -> float | None:
        """Charge ``cost`` to ``key``: None when it fits the window, else the seconds until it would
        (nothing charged). A cost over the whole budget is charged as the whole budget."""
        if self.limit <= 0 or cost <= 0:
            return None
        cost = min(cost, self.limit)
        now = self.clock()
        spent = self._spent.setdefault(key, deque())
        total = self._totals.get(key, 0)
        while spent and spent[0][0] <= now - self.window_s:
            total -= spent.popleft()[1]
        if total + cost <= self.limit:
            spent.append((now, cost))
            self._totals[key] = total + cost
            return None
        self._totals[key] = total
        freed = 0
        for at, amount in spent:  # the oldest charges leave the window first
            freed += amount
            if total - freed + cost <= self.limit:
                return max(at + self.window_s - now, 0.001)
        return self.window_s  # not reached: cost <= limit


def _variable_values(
    schema: Any, operation: OperationDefinitionNode, variables: dict[str, Any], names: set[str]
) -> VariableValues | None:
    """The variables ``names`` as the operation will run: those sent, coerced, and the defaults of
    those not sent; None when they do not coerce (execution then refuses the operation before it
    runs). The other variables are left out: no cost reads them."""
    definitions = [d for d in operation.variable_definitions or () if d.variable.name.value in names]
    found = get_variable_values(schema, definitions, variables)
    return found if isinstance(found, VariableValues) else None


def _variables_in(value: Any, found: set[str]) -> None:
    """Add the names of the variables an argument's value (AST) refers to."""
    if isinstance(value, VariableNode):
        found.add(value.name.value)
    elif isinstance(value, ListValueNode):
        for item in value.values:
            _variables_in(item, found)
    elif isinstance(value, ObjectValueNode):
        for item in value.fields:
            _variables_in(item.value, found)


def _costed_variables(document: Any) -> set[str]:
    """The variables a cost may read, wherever they are in ``document``: those of a page size
    (:data:`PAGE_ARGUMENTS`) and those of any argument of an analytics field. A filter's value (a
    uid, say) is not among them, so a text repeated with another uid is not costed afresh."""
    found: set[str] = set()

    def walk(selection_set: SelectionSetNode | None) -> None:
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                costed = selection.name.value in ANALYTICS
                for arg in selection.arguments or ():
                    if costed or arg.name.value in PAGE_ARGUMENTS:
                        _variables_in(arg.value, found)
            walk(getattr(selection, "selection_set", None))

    for definition in document.definitions:
        walk(getattr(definition, "selection_set", None))
    return found


_PAGED: dict[int, tuple[GraphQLField, GraphQLField]] = {}
"""id(field) -> (the field, the same with its page-size arguments alone): see :func:`_arguments`."""


def _paged(field_def: GraphQLField) -> GraphQLField:
    kept = _PAGED.get(id(field_def))
    if kept is None or kept[0] is not field_def:
        args = {name: arg for name, arg in field_def.args.items() if name in PAGE_ARGUMENTS}
        kept = _PAGED[id(field_def)] = (field_def, GraphQLField(field_def.type, args))
    return kept[1]


def _arguments(
    field_def: GraphQLField, node: FieldNode, variables: VariableValues | None, every: bool
) -> dict[str, Any]:
    """The field's arguments as it will get them (defaults filled in; {} when they do not coerce):
    all of them (``every``: an analytics field), else its page sizes alone, the only ones a cost
    reads (the others may refer to variables :func:`_variable_values` left out)."""
    try:
        return get_argument_values(field_def if every else _paged(field_def), node, variables)
    except GraphQLError:  # validation or execution reports it
        return {}


def _page_size(field_def: Any, arguments: dict[str, Any]) -> int | None:
    for name in PAGE_ARGUMENTS:
        value = arguments.get(name)
        if name in field_def.args and isinstance(value, int) and not isinstance(value, bool):
            return max(value, 0)
    for name in ("first", "last"):  # connections with no default: the services' default page
        if name in field_def.args:
            return 50
    return None


def _get(value: Any, name: str) -> Any:
    return value.get(name) if isinstance(value, Mapping) else getattr(value, name, None)


def _text(value: Any) -> str:
    """An enum value (graphql-core's, strawberry's or a plain string) as lower-case text."""
    value = getattr(value, "value", value)
    return str(getattr(value, "value", value) or "").lower()


def _projection(name: str, arguments: dict[str, Any], sizes: GraphSizes) -> int:
    """How much an analytics root field projects (see the module docstring)."""
    if name == "pathways":
        return sizes.projection("team", system=arguments.get("system"))
    given = arguments.get("filter") or {}
    level = _text(_get(given, "level") or "team")
    size = sizes.projection(
        level if level in LEVELS else "team", system=_get(given, "system"), place=_get(given, "place")
    )
    if name == "analysisReport":
        size *= REPORT_WEIGHTS.get(_text(arguments.get("report")).upper(), 1)
    return size


SIZES = "\0sizes"
"""In the ``reads`` of :func:`operation_cost`: the cost depends on the graph's sizes."""


def operation_cost(
    schema: Any,
    document: Any,
    variables: dict[str, Any] | None,
    operation_name: str | None = None,
    sizes: GraphSizes | None = None,
    reads: set[str] | None = None,
) -> int:
    """The cost of the operation of ``document`` to be run (see the module docstring); analytics
    fields are costed only when ``sizes`` is given. ``reads`` gets the names of the variables the
    cost depends on (whatever their values), and :data:`SIZES` when it depends on ``sizes``."""
    reads = set() if reads is None else reads
    fragments = {d.name.value: d for d in document.definitions if d.kind == "fragment_definition"}
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if not operations:
        return 0
    operation = operations[0]
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    costed = _costed_variables(document)
    reads.update(costed)
    variables = _variable_values(schema, operation, variables or {}, costed)

    def fields(
        selection_set: SelectionSetNode | None, parent: Any, expanded: set[str]
    ) -> Iterator[tuple[FieldNode, Any]]:
        """The fields of a selection set, fragments flattened (each fragment once: fields merge)."""
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                yield selection, parent
            elif isinstance(selection, InlineFragmentNode):
                kind = schema.get_type(selection.type_condition.name.value) if selection.type_condition else parent
                yield from fields(selection.selection_set, kind or parent, expanded)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is not None and name not in expanded:
                    expanded.add(name)
                    kind = schema.get_type(fragment.type_condition.name.value) or parent
                    yield from fields(fragment.selection_set, kind, expanded)

    memo: dict[tuple[int, str, int], int] = {}

    def unit(selection_set: SelectionSetNode | None, parent: Any, depth: int, projected: int = 0) -> int:
        """The cost of a selection set under a multiplier of 1 (cost is linear in the multiplier);
        ``projected``: the network an enclosing ``analysis`` field projects."""
        if selection_set is None or depth > 50:
            return 0
        key = (id(selection_set), getattr(parent, "name", ""), projected)
        if key in memo:
            return memo[key]
        memo[key] = 0  # a cycle (an invalid document) adds nothing
        total = 0
        for node, owner in fields(selection_set, parent, set()):
            if not isinstance(owner, (GraphQLObjectType, GraphQLInterfaceType)):
                continue
            name = node.name.value
            field_def = owner.fields.get(name)
            if field_def is None:
                continue
            projects = sizes is not None and owner is root and name in ANALYTICS
            arguments = _arguments(field_def, node, variables, projects) if field_def.args else {}
            analytics = 0
            if projects:
                analytics = ANALYTICS[name] * _projection(name, arguments, sizes)
                reads.add(SIZES)
            elif projected and name == "departureImpact":
                analytics = projected
            inner = unit(
                node.selection_set,
                get_named_type(field_def.type),
                depth + 1,
                analytics if owner is root and name == "analysis" else projected,
            )
            size = _page_size(field_def, arguments)
            total += analytics + (inner if size is None else size + size * inner)
        memo[key] = total
        return total

    return unit(operation.selection_set, root, 0)


COST_CACHE_SIZE = 1024


class Costs:
    """The costs of operations against one schema: ``schema`` is the graphql-core schema built from
    its SDL (``build_ast_schema``: the types and arguments, no resolvers). Each query text (with
    its operation) is costed once per set of values of the variables the cost reads (page sizes,
    analytics filters; never a cursor, a filter's uid or a mutation's input) and, when analytics are costed, per
    sizes counted; the last :data:`COST_CACHE_SIZE` are kept."""

    def __init__(self, schema: Any, maxsize: int = COST_CACHE_SIZE) -> None:
        self.schema = schema
        self.maxsize = maxsize
        self.reads: dict[tuple[str, str | None], tuple[str, ...]] = {}
        """(query, operation) -> the variables (and :data:`SIZES`) its cost reads."""
        self.costs: OrderedDict[tuple, int] = OrderedDict()

    def cost(
        self,
        document: Any,
        query: str | None,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        sizes: GraphSizes | None = None,
    ) -> int:
        def cost_now(reads: set[str] | None = None) -> int:
            return operation_cost(self.schema, document, variables, operation_name, sizes, reads)

        if not query:
            return cost_now()
        reads = self.reads.get((query, operation_name))
        cost = None
        if reads is None:
            found: set[str] = set()
            cost = cost_now(found)
            if len(self.reads) >= self.maxsize:
                self.reads.clear()
            reads = self.reads[(query, operation_name)] = tuple(sorted(found))
        given = variables or {}
        key = (
            query,
            operation_name,
            repr([given.get(name, Undefined) for name in reads if name != SIZES]),
            sizes.version if sizes is not None and SIZES in reads else None,
        )
        if key in self.costs:
            self.costs.move_to_end(key)
            return self.costs[key]
        value = self.costs[key] = cost_now() if cost is None else cost
        if len(self.costs) > self.maxsize:
            self.costs.popitem(last=False)
        return value


def cost_error(cost: int) -> GraphQLError:
    return GraphQLError(
        f"the operation would cost {cost:,} (page sizes multiplied through nesting, and the size of "
        f"the networks analytics project); the budget is {MAX_COST:,}: ask for smaller pages, "
        "fewer analyses, or filter them by system or place",
        extensions={"code": "GRAPHQL_VALIDATION_FAILED", "cost": cost, "budget": MAX_COST},
    )


RATE_LIMITED = "RATE_LIMITED"


def rate_error(cost: int, wait: float, budget: Budget) -> GraphQLError:
    seconds = math.ceil(wait)
    return GraphQLError(
        f"this operation would cost {cost:,}, past your budget of {budget.limit:,} per "
        f"{budget.window_s:g} s; try again in {seconds} s",
        extensions={
            "code": RATE_LIMITED,
            "cost": cost,
            "budget": budget.limit,
            "windowSeconds": budget.window_s,
            "retryAfter": seconds,
        },
    )


def retry_after(errors: Any) -> int | None:
    """The seconds to wait when ``errors`` hold a :func:`rate_error` (HTTP 429, ``Retry-After``)."""
    for error in errors or ():
        extensions = getattr(error, "extensions", None) or {}
        if extensions.get("code") == RATE_LIMITED:
            return int(extensions["retryAfter"])
    return None


def check_cost(
    costs: Costs,
    document: Any,
    query: str | None,
    variables: dict[str, Any] | None,
    operation_name: str | None,
    context: Any,
) -> GraphQLError | None:
    """The error that stops the operation before it runs (over :data:`MAX_COST`, or past the
    caller's budget over time), or None, having charged the caller's budget."""
    sizes = getattr(context, "graph_sizes", None)
    cost = costs.cost(document, query, variables, operation_name, sizes)
    if cost > MAX_COST:
        return cost_error(cost)
    budget: Budget | None = getattr(context, "budget", None)
    principal = getattr(context, "principal", None)
    if budget is None or principal is None or principal.role is Role.ADMIN:
        return None
    wait = budget.charge(f"{principal.role.value}:{principal.subject}", cost)
    return None if wait is None else rate_error(cost, wait, budget)
