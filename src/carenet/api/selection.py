"""What a resolver's field selects, read from graphql-core's syntax tree instead of strawberry's copy.

strawberry's ``Info.selected_fields`` converts the whole selection below the field into its own
objects, arguments and directives included, on every call. A resolver that only asks whether a
field is selected (``metrics`` below a connection; ``cursor`` on a tie's edges, which costs a
cursor per edge) does not need that: :func:`field_nodes` finds the field's nodes in the
operation (public ``Info.operation``) by its response path (public ``Info.path``), and
:func:`selects` and :func:`selects_route` walk them.

They answer None, and the caller asks ``selected_fields`` as before, whenever the way there is
not plain: a fragment (spread or inline) or a directive on the path from the root, where
graphql-core's own field collection would apply type conditions, ``@skip`` and ``@include``. Below
the field they read what strawberry's conversion reads (inline fragments and directives as they
are: ``selected_fields`` keeps them too), except fragment spreads, whose definitions ``Info`` does
not show: None again. ``tests/api/test_plain_path.py`` compares the answers with those given
through ``selected_fields``.
"""

from __future__ import annotations

from typing import Any

from graphql import FieldNode, InlineFragmentNode


def field_nodes(info: Any) -> list[FieldNode] | None:
    """The nodes of the field being resolved (graphql-core's ``field_nodes``), or None when the way
    from the root is not plain (see the module)."""
    current: list[Any] = [info.operation]
    for key in info.path.as_list():
        if not isinstance(key, str):
            continue  # a list index
        found = []
        for parent in current:
            for selection in parent.selection_set.selections if parent.selection_set else ():
                if not isinstance(selection, FieldNode):
                    return None
                if (selection.alias or selection.name).value == key:
                    if selection.directives:
                        return None
                    found.append(selection)
        if not found:
            return None
        current = found
    return current


def _walk(selections: Any, names: frozenset[str] | set[str], deep: bool) -> bool | None:
    unknown = False
    for selection in selections:
        if isinstance(selection, FieldNode):
            if selection.name.value in names:
                return True
            if deep and selection.selection_set is not None:
                found = _walk(selection.selection_set.selections, names, deep)
                if found:
                    return True
                unknown = unknown or found is None
        elif isinstance(selection, InlineFragmentNode):
            found = _walk(selection.selection_set.selections, names, deep)
            if found:
                return True
            unknown = unknown or found is None
        else:  # a fragment spread: its definition is not at hand
            unknown = True
    return None if unknown else False


def selects(info: Any, names: set[str]) -> bool | None:
    """Whether a field named one of ``names`` is selected anywhere below the field being resolved;
    None when this cannot be told from the syntax tree alone (see the module)."""
    nodes = field_nodes(info)
    return None if nodes is None else _walk(nodes, names, True)  # the field itself too, as selected_fields has it


def selects_route(info: Any, route: tuple[str, ...]) -> bool | None:
    """Whether the field being resolved selects ``route`` (field names, each selected on the one
    before: ``("edges", "cursor")``), through inline fragments; None when this cannot be told
    from the syntax tree alone."""
    nodes = field_nodes(info)
    if nodes is None:
        return None
    selections = [s for node in nodes if node.selection_set for s in node.selection_set.selections]
    for depth, name in enumerate(route):
        last = depth == len(route) - 1
        found, unknown = [], False
        stack = list(selections)
        while stack:
            selection = stack.pop()
            if isinstance(selection, FieldNode):
                if selection.name.value == name:
                    if last:
                        return True
                    found.extend(selection.selection_set.selections if selection.selection_set else ())
            elif isinstance(selection, InlineFragmentNode):
                stack.extend(selection.selection_set.selections)
            else:
                unknown = True
        if unknown:
            return None
        if not found:
            return False
        selections = found
    return False
