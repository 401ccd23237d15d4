"""A shorter path through graphql-core for plain scalar fields.

Most of a map or tie response is leaves: a tie's uid, kinds, trust and value, its team's name and
sector. For each one graphql-core builds a resolve info, strawberry calls its basic resolver
(``getattr``), and graphql-core checks the result against the field type in four steps. Measured on
the team query of ``benchmarks/api.py`` (about 170 such fields), that is 12-15% of the server's
CPU for the request.

:class:`LeafFastPath` does the same work directly for a field that strawberry itself treats as
basic (no resolver, no permission classes, no field extensions), takes no arguments, and returns
a scalar or enum, or a list of them, when no schema extension resolves fields (middleware). The
value is read and serialised with the type's own ``coerce_output_value``. Anything unusual (a null
for a non-null field, a value that fails to serialise, a list item null) goes the ordinary way, so
errors, their paths and null propagation are graphql-core's own. A test runs the same operations
with and without it and compares the results.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLField, GraphQLList, GraphQLNonNull, is_leaf_type
from graphql.pyutils import Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

_UNPLANNED = object()


class _Leaf:
    """How to answer one field: the attribute, the serialiser, and the shape of the type."""

    __slots__ = ("attribute", "coerce", "non_null", "is_list", "item_non_null")

    def __init__(self, attribute: str, coerce: Any, non_null: bool, is_list: bool, item_non_null: bool) -> None:
        self.attribute = attribute
        self.coerce = coerce
        self.non_null = non_null
        self.is_list = is_list
        self.item_non_null = item_non_null


def _unwrap(type_: Any) -> tuple[Any, bool]:
    return (type_.of_type, True) if isinstance(type_, GraphQLNonNull) else (type_, False)


def plan_leaf(field_def: GraphQLField) -> _Leaf | None:
    """The fast answer for ``field_def``, or None when it must go the ordinary way."""
    if field_def.args or not getattr(field_def.resolve, "_is_default", False):
        return None
    definition = (field_def.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if definition is None or definition.base_resolver or definition.extensions or not definition.python_name:
        return None
    outer, non_null = _unwrap(field_def.type)
    is_list, item_non_null = isinstance(outer, GraphQLList), False
    inner = outer
    if is_list:
        inner, item_non_null = _unwrap(outer.of_type)
    if not is_leaf_type(inner):
        return None
    return _Leaf(definition.python_name, inner.coerce_output_value, non_null, is_list, item_non_null)


def _usable(value: Any) -> bool:
    return value is not None and value is not Undefined


class LeafFastPath(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution context, with plain leaves answered directly (see the module)."""

    def execute_field(self, parent_type, source, field_details_list, path, position_context):
        node = field_details_list[0].node
        field_def = self.schema.get_field(parent_type, node.name.value)
        leaf = getattr(field_def, "_carenet_leaf", _UNPLANNED) if field_def is not None else None
        if leaf is _UNPLANNED:
            leaf = plan_leaf(field_def)
            field_def._carenet_leaf = leaf  # type: ignore[attr-defined]  # the plan depends on the schema only
        middleware = self.middleware_manager
        if leaf is not None and not node.arguments and not (middleware and middleware.middlewares):
            try:
                value = getattr(source, leaf.attribute)
                if value is None:
                    if not leaf.non_null:
                        return None
                elif not leaf.is_list:
                    out = leaf.coerce(value)
                    if _usable(out):
                        return out
                elif isinstance(value, (list, tuple)):
                    out = [None if item is None else leaf.coerce(item) for item in value]
                    if all(_usable(o) or (item is None and not leaf.item_non_null) for o, item in zip(out, value)):
                        return out
            except Exception:  # noqa: BLE001 - the ordinary path raises it again and reports it
                pass
        return super().execute_field(parent_type, source, field_details_list, path, position_context)
