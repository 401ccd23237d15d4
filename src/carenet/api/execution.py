"""A shorter path through graphql-core for plain fields.

Most of a map or tie response is leaves: a tie's uid, kinds, trust and value, its team's name and
sector. For each one graphql-core builds a resolve info, strawberry calls its basic resolver
(``getattr``), and graphql-core checks the result against the field type in four steps. On the team
query of ``benchmarks/api.py`` (about 170 such fields), that is a sizeable share of the server's CPU
for the request.

:class:`LeafFastPath` does the same work directly for a field that strawberry itself treats as basic
(no resolver, no permission classes, no field extensions), takes no arguments, and returns a scalar
or enum, or a list of them, when no schema extension resolves fields (middleware). The value is read
and serialised with the type's own ``coerce_output_value`` (a ``str`` for String or ID and a
``bool`` for Boolean are their own answer: those serialisers give them back as they are). A basic
field of an object type (or a list of them) whose whole selection is such fields, without arguments,
directives or fragments, is answered in one go, object by object (the team query's 50 ties; the
team query's time is measured by ``benchmarks/api.py``).

A leaf whose resolver is a method of its object and nothing more (``self`` alone: no info, root,
parent or arguments; synchronous; no permission classes or field extensions) is answered the same
way, the method called with the object as strawberry calls it. These are the enums beside the
deprecated strings (``sectorCode``, ``kindCodes``, ``frequencyCode``) and Relay's ``id``, the
fields clients are now told to select: through strawberry's resolver chain, one per tie and team,
they cost more than the rest of the team query together (``benchmarks/api.py`` times the query
with the enums and with the deprecated strings). Anything unusual (a null for a non-null
field, a value that fails to serialise or is not of its type) sends the field the ordinary way from
the start, so errors, their paths and null propagation are graphql-core's own. A test runs the same
operations with and without it and compares the results.

**On which interfaces.** The class reaches strawberry through its public ``execution_context_class``
argument (graphql-core's ``executor_class``: "you can pass a subclass ... in order to customize the
execution"). It overrides ``execute_field``: no underscore, but graphql-core 3.3 says the methods
that execute and complete fields "are not part of the public API" (its signature changed between
3.2 and 3.3). It is kept because its gain is far outside noise (a large share of the main-thread
CPU of the team query of ``benchmarks/api.py``, compared in process, in alternation with
strawberry's own execution context) and no public hook reaches it; graphql-core is pinned below 3.4, and
``tests/api/test_plain_path.py`` runs the same operations through strawberry's own execution
context and compares.

**Subfields collected once per document.** Before executing the fields of an object, graphql-core
collects them from the selection sets of the field's nodes (``collect_subfields``: fragments
followed, ``@skip``/``@include`` applied with the request's variables), once per request. When
those selection sets are fields alone, without directives or fragments, and the field has no
deferred or fragment-variable context, the result depends on the document and the object type
only: it is kept with the operation's plans and handed back on the next request of the same text
(the same kind of override, ``collect_subfields``, as private in graphql-core 3.3 as
``execute_field``; the differential tests compare with and without it).

Whether a field is plain comes from strawberry's public field definition
(``StrawberryField.is_basic_field``, or its ``base_resolver``: ``self_parameter``, ``signature``,
``is_async``, ``wrapped_func``; under the public ``GraphQLCoreConverter.DEFINITION_BACKREF`` key of
the field's ``extensions``). A method that raises sends the field the ordinary way, which calls it
again and reports the error where graphql-core reports it. The plans are kept in this module's
maps, keyed by the schema (weakly) and by the operation (dropped with it), never on graphql-core's
objects. The path assumes the schema's default resolver is ``getattr`` and no field exception
handlers (``build_schema`` uses neither).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from enum import Enum
from math import isfinite
from typing import Any

from graphql import (
    FieldNode,
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLField,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLString,
    OperationDefinitionNode,
    is_leaf_type,
)
from graphql.execution.collect_fields import CollectedFields, FieldDetails
from graphql.pyutils import Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

_UNPLANNED = object()


_AS_IS = {GraphQLString: str, GraphQLID: str, GraphQLBoolean: bool, GraphQLInt: int, GraphQLFloat: float}
"""Built-in scalars whose serialiser gives back a value of this exact Python type as it is (an
``int`` for Int when it is within 32 bits, a finite ``float`` for Float: :func:`_as_is`)."""
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1
_CHECKED = (int, float)
"""The types of :data:`_AS_IS` whose values are their own answer only after a check of the value."""


def _as_is(as_is: type | None, value: Any) -> bool:
    """``value`` is its own answer (an Int out of range or a Float not finite goes to the
    serialiser, which refuses it)."""
    if type(value) is not as_is:
        return False
    if as_is is int:
        return _INT_MIN <= value <= _INT_MAX
    return as_is is not float or isfinite(value)


class _Leaf:
    """How to answer one field: the attribute read (or the method called, ``compute``), the
    serialiser, the shape of the type, and the Python type a value may have to be its own answer
    (``as_is``; None: always serialise)."""

    __slots__ = ("attribute", "compute", "coerce", "non_null", "is_list", "item_non_null", "as_is", "plain")

    def __init__(
        self,
        attribute: str,
        coerce: Any,
        non_null: bool,
        is_list: bool,
        item_non_null: bool,
        as_is: type | None = None,
        compute: Callable[[Any], Any] | None = None,
    ) -> None:
        self.attribute = attribute
        self.compute = compute
        self.coerce = coerce
        self.non_null = non_null
        self.is_list = is_list
        self.item_non_null = item_non_null
        self.as_is = as_is
        self.plain = None if is_list or as_is in _CHECKED else as_is
        """The type whose values are their own answer with no other check (str, bool), or None."""


def _unwrap(type_: Any) -> tuple[Any, bool]:
    return (type_.of_type, True) if isinstance(type_, GraphQLNonNull) else (type_, False)


def _shape(type_: Any) -> tuple[Any, bool, bool, bool]:
    """(named type, non-null, list, list items non-null) of a field type."""
    outer, non_null = _unwrap(type_)
    if not isinstance(outer, GraphQLList):
        return outer, non_null, False, False
    inner, item_non_null = _unwrap(outer.of_type)
    return inner, non_null, True, item_non_null


def _basic(field_def: GraphQLField) -> str | None:
    """The attribute a field without arguments reads, when strawberry resolves it by ``getattr``
    (a basic field: no resolver, no permission classes, no field extensions)."""
    if field_def.args:
        return None
    definition = (field_def.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if definition is None or not getattr(definition, "is_basic_field", False) or not definition.python_name:
        return None
    return definition.python_name


def _method(field_def: GraphQLField) -> tuple[str, Callable[[Any], Any]] | None:
    """(name, function) of a field whose resolver is a method of its object and nothing more: called
    with the object alone (``self``; no info, root, parent or arguments), synchronous, without
    permission classes or field extensions (a Relay ``id``, a ``sectorCode`` made from the stored
    string). strawberry calls such a resolver with the object as its only argument; so does
    :class:`LeafFastPath`."""
    if field_def.args:
        return None
    definition = (field_def.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    resolver = getattr(definition, "base_resolver", None)
    if resolver is None or definition.extensions or resolver.is_async or not definition.python_name:
        return None
    if resolver.self_parameter is None or len(resolver.signature.parameters) != 1:
        return None  # anything but self: info, root, parent, an argument
    function = resolver.wrapped_func
    if isinstance(function, (staticmethod, classmethod)) or not callable(function):
        return None
    return definition.python_name, function


def plan_leaf(field_def: GraphQLField) -> _Leaf | None:
    """The fast answer for ``field_def``, or None when it must go the ordinary way."""
    attribute, compute = _basic(field_def), None
    if attribute is None:
        method = _method(field_def)
        if method is None:
            return None
        attribute, compute = method
    inner, non_null, is_list, item_non_null = _shape(field_def.type)
    if not is_leaf_type(inner):
        return None
    coerce = _remembered(inner.coerce_output_value) if isinstance(inner, GraphQLEnumType) else inner.coerce_output_value
    return _Leaf(attribute, coerce, non_null, is_list, item_non_null, _AS_IS.get(inner), compute)


def _remembered(serialise: Any) -> Any:
    """An enum type's serialiser, remembering its answer for each enum member it is given (the answer
    depends on the member alone; strawberry's compares it with the type's values one by one, which
    for a drawing's thousands of nodes added up). Anything else, and a member it refuses, is
    serialised every time."""
    known: dict[Enum, Any] = {}

    def coerce(value: Any) -> Any:
        if not isinstance(value, Enum):
            return serialise(value)
        found = known.get(value)
        if found is None:
            found = known[value] = serialise(value)
        return found

    return coerce


def _usable(value: Any) -> bool:
    return value is not None and value is not Undefined


class _Fallback(Exception):
    """A value the short path does not answer: the field goes graphql-core's way from the start."""


class _Object:
    """How to answer a plain field of an object type (or a list of them) and its whole selection:
    ``fields`` are (response key, plan), a plan being a :class:`_Leaf`, an :class:`_Object` or
    ``None`` for ``__typename``."""

    __slots__ = ("attribute", "non_null", "is_list", "item_non_null", "type_name", "is_type_of", "fields")

    def __init__(
        self,
        attribute: str,
        non_null: bool,
        is_list: bool,
        item_non_null: bool,
        type_: GraphQLObjectType,
        fields: list[tuple[str, Any]],
    ) -> None:
        self.attribute = attribute
        self.non_null = non_null
        self.is_list = is_list
        self.item_non_null = item_non_null
        self.type_name = type_.name
        self.is_type_of = type_.is_type_of
        self.fields = fields


def plan_object(schema: GraphQLSchema, field_def: GraphQLField, node: FieldNode) -> _Object | None:
    """The fast answer for ``field_def`` selected by ``node``, or None: a plain field of an object
    type whose selection (all the way down) is plain fields, without arguments, directives or fragments."""
    attribute = _basic(field_def)
    if attribute is None or node.selection_set is None:
        return None
    inner, non_null, is_list, item_non_null = _shape(field_def.type)
    if not isinstance(inner, GraphQLObjectType):
        return None
    definition = (inner.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if inner.is_type_of is not None and (definition is None or definition.is_type_of):
        return None  # a type check of its own: only strawberry's, which ignores its info, is called here
    fields: list[tuple[str, Any]] = []
    keys: set[str] = set()
    for selection in node.selection_set.selections:
        if not isinstance(selection, FieldNode) or selection.directives or selection.arguments:
            return None
        key = selection.alias.value if selection.alias else selection.name.value
        if key in keys:
            return None  # merged fields: left to graphql-core
        keys.add(key)
        if selection.name.value == "__typename":
            fields.append((key, None))
            continue
        sub = inner.fields.get(selection.name.value)
        if sub is None:
            return None
        plan = (
            _leaf_of(schema, inner.name, selection.name.value, sub)
            if selection.selection_set is None
            else plan_object(schema, sub, selection)
        )
        if plan is None:
            return None
        fields.append((key, plan))
    return _Object(attribute, non_null, is_list, item_non_null, inner, fields)


_LEAVES: weakref.WeakKeyDictionary[GraphQLSchema, dict[tuple[str, str], tuple[GraphQLField, _Leaf | None]]] = (
    weakref.WeakKeyDictionary()
)
"""Schema -> (type name, field name) -> (the field, its leaf plan or None): the plan depends on the schema only."""


def _leaf_of(schema: GraphQLSchema, type_name: str, field_name: str, field_def: GraphQLField) -> _Leaf | None:
    leaves = _LEAVES.get(schema)
    if leaves is None:
        leaves = _LEAVES[schema] = {}
    kept = leaves.get((type_name, field_name))
    if kept is None or kept[0] is not field_def:
        kept = leaves[(type_name, field_name)] = (field_def, plan_leaf(field_def))
    return kept[1]


def _leaf_value(leaf: _Leaf, value: Any) -> Any:
    if value is None:
        if leaf.non_null:
            raise _Fallback
        return None
    as_is = leaf.as_is
    if not leaf.is_list:
        if _as_is(as_is, value):
            return value
        out = leaf.coerce(value)
        if not _usable(out):
            raise _Fallback
        return out
    if not isinstance(value, (list, tuple)):
        raise _Fallback
    if not value:
        return []
    if as_is is str and all(type(item) is str for item in value):
        return list(value)
    if as_is is not None and all(_as_is(as_is, item) for item in value):
        return list(value)
    out = []
    coerce = leaf.coerce
    for item in value:  # one pass: a map's thousands of edges each give a list of enums
        if item is None:
            if leaf.item_non_null:
                raise _Fallback
            out.append(None)
            continue
        answer = coerce(item)
        if not _usable(answer):
            raise _Fallback
        out.append(answer)
    return out


def _object_value(plan: _Object, value: Any) -> Any:
    if value is None:
        if plan.non_null:
            raise _Fallback
        return None
    if not plan.is_list:
        return _one(plan, value)
    if not isinstance(value, (list, tuple)):
        raise _Fallback
    out = []
    for item in value:
        if item is None:
            if plan.item_non_null:
                raise _Fallback
            out.append(None)
        else:
            out.append(_one(plan, item))
    return out


def _one(plan: _Object, value: Any) -> dict[str, Any]:
    if plan.is_type_of is not None and not plan.is_type_of(value, None):
        raise _Fallback
    out: dict[str, Any] = {}
    for key, sub in plan.fields:
        if sub is None:
            out[key] = plan.type_name
        elif type(sub) is _Leaf:
            item = getattr(value, sub.attribute) if sub.compute is None else sub.compute(value)
            out[key] = item if type(item) is sub.plain else _leaf_value(sub, item)
        else:
            out[key] = _object_value(sub, getattr(value, sub.attribute))
    return out


class _OperationPlans:
    """The object plans :class:`LeafFastPath` worked out for the field nodes of one operation, per
    (node, type name). Kept as long as the operation lives (the parsed documents are kept per query
    text, so a repeated text finds its plans)."""

    __slots__ = ("operation", "objects", "subfields", "__weakref__")

    def __init__(self, operation: OperationDefinitionNode) -> None:
        self.operation = weakref.ref(operation)
        self.objects: dict[tuple[int, str], _Object | None] = {}
        self.subfields: dict[tuple[int, ...], tuple[GraphQLObjectType, CollectedFields | None]] = {}
        """(id of the object type, ids of the field nodes) -> (the type, the subfields collected for
        it, or None when the selection is not plain and is collected on every request)."""


_OPERATIONS: dict[int, _OperationPlans] = {}
"""id(operation) -> its plans; an entry goes when its operation does (graphql-core's nodes hash by
their whole tree, so they are not keys here)."""


def _plans_of(operation: OperationDefinitionNode) -> _OperationPlans:
    key = id(operation)
    plans = _OPERATIONS.get(key)
    if plans is None or plans.operation() is not operation:
        plans = _OPERATIONS[key] = _OperationPlans(operation)
        weakref.finalize(operation, _forget, key, weakref.ref(plans))
    return plans


def _forget(key: int, plans: weakref.ref) -> None:
    if _OPERATIONS.get(key) is plans():
        del _OPERATIONS[key]


class LeafFastPath(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution context, with plain leaves (and plain objects made only of plain
    fields) answered directly, and the subfields of plain selections collected once per document
    (see the module)."""

    def execute_field(self, parent_type, source, field_details_list, path, position_context):
        node = field_details_list[0].node
        middleware = self.middleware_manager
        if (
            len(field_details_list) == 1
            and not node.arguments
            and not node.directives
            and not (middleware and middleware.middlewares)
        ):
            name = node.name.value
            field_def = self.schema.get_field(parent_type, name)
            if field_def is not None:
                try:
                    if node.selection_set is None:
                        leaf = _leaf_of(self.schema, parent_type.name, name, field_def)
                        if leaf is not None:
                            value = getattr(source, leaf.attribute) if leaf.compute is None else leaf.compute(source)
                            return _leaf_value(leaf, value)
                    else:
                        objects = _plans_of(self.operation).objects
                        key = (id(node), parent_type.name)
                        plan = objects.get(key, _UNPLANNED)
                        if plan is _UNPLANNED:
                            plan = objects[key] = plan_object(self.schema, field_def, node)
                        if plan is not None:
                            return _object_value(plan, getattr(source, plan.attribute))
                except Exception:  # noqa: BLE001 - _Fallback, or an error the ordinary path raises again and reports
                    pass
        return super().execute_field(parent_type, source, field_details_list, path, position_context)

    def collect_subfields(self, return_type: GraphQLObjectType, field_details_list: list[FieldDetails]) -> Any:
        for details in field_details_list:
            if details.defer_usage is not None or details.fragment_variable_values is not None:
                return super().collect_subfields(return_type, field_details_list)
        kept = _plans_of(self.operation).subfields
        key = (id(return_type), *(id(details.node) for details in field_details_list))
        found = kept.get(key)
        if found is not None and found[0] is return_type:
            if found[1] is not None:
                return found[1]
            return super().collect_subfields(return_type, field_details_list)
        collected = super().collect_subfields(return_type, field_details_list)
        plain = all(_fields_alone(details.node) for details in field_details_list)
        kept[key] = (return_type, collected if plain else None)
        return collected


def _fields_alone(node: FieldNode) -> bool:
    """The node's selection set is fields without directives (no fragment, no ``@skip``/``@include``)."""
    selection_set = node.selection_set
    return selection_set is not None and all(
        isinstance(selection, FieldNode) and not selection.directives for selection in selection_set.selections
    )
