"""Property types of every label and relationship, read off the domain models.

Both stores' schemas and the generated CRUD queries come from here, so they cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from enum import Enum

from pydantic import BaseModel

from carenet.domain.schema import NODE_MODELS, REL_SPECS, NodeLabel, RelType
from carenet.domain.text import NAME_KEYED_LABELS, NAME_KEYS


@dataclass(frozen=True, slots=True)
class Prop:
    name: str
    ladybug_type: str
    """STRING, INT64, DOUBLE, BOOLEAN, DATE, TIMESTAMP or STRING[]."""


_SCALARS: dict[type, str] = {
    str: "STRING",
    int: "INT64",
    float: "DOUBLE",
    bool: "BOOLEAN",
    dt.date: "DATE",
    dt.datetime: "TIMESTAMP",
}
_REL_BASE_FIELDS = {"uid", "source", "target", "source_label", "target_label"}


def _ladybug_type(annotation: object) -> str:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _ladybug_type(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _ladybug_type(args[0])
    if origin is list:
        inner = _ladybug_type(typing.get_args(annotation)[0])
        return f"{inner}[]"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "STRING"
    if isinstance(annotation, type):
        for py, name in _SCALARS.items():
            if annotation is py:
                return name
    raise TypeError(f"no store type for {annotation!r}")


def _props(model: type[BaseModel], skip: set[str]) -> tuple[Prop, ...]:
    return tuple(
        Prop(name, _ladybug_type(info.annotation)) for name, info in model.model_fields.items() if name not in skip
    )


def node_props(label: NodeLabel) -> tuple[Prop, ...]:
    """Every property of ``label`` except ``uid`` (the key), in model order."""
    return _props(NODE_MODELS[label], {"uid"})


def name_key_props(label: NodeLabel) -> tuple[Prop, ...]:
    """The properties stored from ``label``'s name (:mod:`carenet.domain.text`): written with every
    upsert, never read back into a model; added to the stores' tables by schema file 002."""
    if NodeLabel(label).value not in NAME_KEYED_LABELS:
        return ()
    return tuple(Prop(name, "STRING") for name in NAME_KEYS)


def written_props(label: NodeLabel) -> tuple[Prop, ...]:
    """What an upsert of ``label`` writes besides ``uid``: its model's properties, then the name keys."""
    return node_props(label) + name_key_props(label)


def rel_props(rel_type: RelType) -> tuple[Prop, ...]:
    """Every property of ``rel_type`` except ``uid`` and the endpoints."""
    return _props(REL_SPECS[rel_type].model, _REL_BASE_FIELDS)
