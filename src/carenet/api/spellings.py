"""The old spellings of vocabulary values in mutation variables, accepted for one release.

Mutation inputs took a vocabulary as the domain's lower-case string (``sector: "health"``,
``ethnicCategory: "A"``); they now take the vocabulary's enum, the same as filters and outputs
(``sector: HEALTH``). A client that sends its input as variables (JSON) with the old spellings keeps
working for one release: before a mutation executes, :func:`respell` gives each old spelling found
at an enum's place in its variables the enum value's name, and says so in the response's
``extensions.deprecations`` (where, the old spelling, the name to send). The schema itself has
one enum per vocabulary and nothing else, so code generated from it sees one set of names.

Only variables are respelled, and only a mutation's: a filter always took the enum, and an
inline string literal in a document (``sector: "health"``) is refused by validation as before, with
GraphQL's own message. The types are read from the schema's SDL (graphql-core's public types);
the spellings from :data:`carenet.api.enums.OLD_SPELLINGS`.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    DocumentNode,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    OperationType,
    get_operation_ast,
    type_from_ast,
)

from carenet.api.enums import OLD_SPELLINGS

DEPRECATION = "the old spelling of {use}: accepted for one release, send {use}"


def respell(
    schema: GraphQLSchema, document: DocumentNode, operation_name: str | None, variables: dict[str, Any] | None
) -> tuple[dict[str, Any] | None, list[dict[str, str]]]:
    """(the variables with old spellings respelled, what was respelled: ``path``, ``value``,
    ``use`` and ``message`` each). The variables are given back as they are when the operation is
    not a mutation or nothing was respelled; they are never changed in place."""
    operation = get_operation_ast(document, operation_name)
    if not variables or operation is None or operation.operation is not OperationType.MUTATION:
        return variables, []
    notes: list[dict[str, str]] = []
    out = dict(variables)
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        type_ = type_from_ast(schema, definition.type)
        if name in out and type_ is not None:
            out[name] = _respell(type_, out[name], name, notes)
    return (out if notes else variables), notes


def _respell(type_: Any, value: Any, path: str, notes: list[dict[str, str]]) -> Any:
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    if value is None:
        return value
    if isinstance(type_, GraphQLList):
        if isinstance(value, list):
            return [_respell(type_.of_type, item, f"{path}.{i}", notes) for i, item in enumerate(value)]
        return _respell(type_.of_type, value, path, notes)  # one value where a list is expected: a list of one
    if isinstance(type_, GraphQLInputObjectType):
        if not isinstance(value, dict):
            return value  # not an object: coercion refuses it, with its own message
        return {
            key: _respell(type_.fields[key].type, item, f"{path}.{key}", notes) if key in type_.fields else item
            for key, item in value.items()
        }
    if isinstance(type_, GraphQLEnumType) and isinstance(value, str) and value not in type_.values:
        use = OLD_SPELLINGS.get(type_.name, {}).get(value)
        if use is not None:
            notes.append({"path": path, "value": value, "use": use, "message": DEPRECATION.format(use=use)})
            return use
    return value
