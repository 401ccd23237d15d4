"""A cost budget from page sizes, checked before execution.

A field with a page-size argument (``first``, ``last`` or ``limit``; its default when not given)
costs its page size times the page sizes of the fields it is nested in; an operation costs the
sum over its fields. Over :data:`MAX_COST` the operation is rejected before anything runs, with
``GRAPHQL_VALIDATION_FAILED`` and ``extensions.cost``/``budget``. Variables are read, so a page
size sent as ``$first`` counts the same as a literal.

Example: ``teams(first: 500) { edges { node { ties(first: 500) ... } } }`` costs
500 + 500 x 500 = 250,500.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    validate,
    value_from_ast,
)
from graphql.type import GraphQLInterfaceType, GraphQLObjectType
from strawberry.extensions import SchemaExtension

MAX_COST = 50_000
PAGE_ARGUMENTS = ("first", "last", "limit")


def _page_size(field_def: Any, node: FieldNode, variables: dict[str, Any]) -> int | None:
    given = {a.name.value: a for a in node.arguments or ()}
    for name in PAGE_ARGUMENTS:
        arg_def = field_def.args.get(name)
        if arg_def is None:
            continue
        value = None
        if name in given:
            try:
                value = value_from_ast(given[name].value, arg_def.type, variables)
            except Exception:  # noqa: BLE001 - validation reports a bad value
                value = None
        elif isinstance(arg_def.default_value, int):
            value = arg_def.default_value
        if isinstance(value, int):
            return max(value, 0)
    for name in ("first", "last"):  # connections with no default: the services' default page
        if name in field_def.args:
            return 50
    return None


def operation_cost(schema: Any, document: Any, variables: dict[str, Any] | None, operation_name: str | None = None) -> int:
    """The cost of the operation of ``document`` to be run (see the module docstring)."""
    variables = variables or {}
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

    def fields(selection_set: SelectionSetNode | None, parent: Any, expanded: set[str]) -> Iterator[tuple[FieldNode, Any]]:
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

    memo: dict[tuple[int, str], int] = {}

    def unit(selection_set: SelectionSetNode | None, parent: Any, depth: int) -> int:
        """The cost of a selection set under a multiplier of 1 (cost is linear in the multiplier)."""
        if selection_set is None or depth > 50:
            return 0
        key = (id(selection_set), getattr(parent, "name", ""))
        if key in memo:
            return memo[key]
        memo[key] = 0  # a cycle (an invalid document) adds nothing
        total = 0
        for node, owner in fields(selection_set, parent, set()):
            if not isinstance(owner, (GraphQLObjectType, GraphQLInterfaceType)):
                continue
            field_def = owner.fields.get(node.name.value)
            if field_def is None:
                continue
            inner = unit(node.selection_set, get_named_type(field_def.type), depth + 1)
            size = _page_size(field_def, node, variables)
            total += inner if size is None else size + size * inner
        memo[key] = total
        return total

    return unit(operation.selection_set, root, 0)


def _remembered(schema: Any, name: str, key: Any, compute: Callable[[], Any], maxsize: int) -> Any:
    """``compute()`` once per ``key``: the last ``maxsize`` answers are kept on ``schema`` as ``name``."""
    cache: OrderedDict = schema.__dict__.setdefault(name, OrderedDict())
    if key in cache:
        cache.move_to_end(key)
        return cache[key]
    value = cache[key] = compute()
    if len(cache) > maxsize:
        cache.popitem(last=False)
    return value


def _numbers(variables: dict[str, Any] | None) -> tuple:
    """The variables a cost can depend on: page sizes are Int, so only numbers and nulls."""
    return tuple(sorted((k, v) for k, v in (variables or {}).items() if v is None or isinstance(v, (int, float))))


COST_CACHE_SIZE = 1024


def remembered_cost(schema: Any, document: Any, query: str | None, variables: dict[str, Any] | None,
                    operation_name: str | None) -> int:
    """The operation's cost, kept on the strawberry ``schema`` per query text, operation and
    numeric variables (nothing else can change one), so a repeated operation is costed once."""
    def cost_now() -> int:
        return operation_cost(schema._schema, document, variables, operation_name)

    if not query:
        return cost_now()
    return _remembered(schema, "_carenet_costs", (query, operation_name, _numbers(variables)), cost_now,
                       COST_CACHE_SIZE)


def cost_error(cost: int) -> GraphQLError:
    return GraphQLError(
        f"the operation would cost {cost:,} (page sizes multiplied through nesting); "
        f"the budget is {MAX_COST:,}: ask for smaller pages",
        extensions={"code": "GRAPHQL_VALIDATION_FAILED", "cost": cost, "budget": MAX_COST},
    )


class CostLimiter(SchemaExtension):
    """Rejects an operation over :data:`MAX_COST` before execution (after validation, cached or not)."""

    def on_validate(self):
        ctx = self.execution_context
        if ctx.graphql_document is not None and not ctx.pre_execution_errors:
            cost = remembered_cost(ctx.schema, ctx.graphql_document, ctx.query, ctx.variables, ctx.operation_name)
            if cost > MAX_COST:
                ctx.pre_execution_errors = [cost_error(cost)]
        yield


class CachedValidation(SchemaExtension):
    """Validation results per query text, so a repeated operation is validated once.

    strawberry's ``ValidationCache`` keys on the rule classes too; the rules here are the same for
    every request of one schema (``build_schema`` makes them once), so the query text is key
    enough. Variables play no part in validation (the cost, which depends on them, is
    :class:`CostLimiter`'s).
    """

    maxsize = 1024

    def on_validate(self):
        ctx = self.execution_context
        if ctx.graphql_document is not None and ctx.pre_execution_errors is None and ctx.query:
            errors = _remembered(ctx.schema, "_carenet_validated", ctx.query,
                                 lambda: validate(ctx.schema._schema, ctx.graphql_document, ctx.validation_rules),
                                 self.maxsize)
            ctx.pre_execution_errors = list(errors)
        yield
