"""What each model field accepts, read from the pydantic models themselves.

The row-by-row import validates every row with the models (:mod:`carenet.domain.models`); the
column-at-a-time import (:mod:`carenet.interchange.columnar`) checks whole columns with Arrow
kernels. So that a rule is written once, the column path takes its checks from :func:`rule`: the
field's type (text, identifier, date, whole number, number, true/false, one or several values of
an enum), its bounds (``min_length``/``max_length``, ``ge``/``gt``/``le``/``lt``), its pattern
(``Field(pattern=...)``, or an identifier's :class:`~carenet.domain.identifiers.Shape`), and
whether it may be left out. Change a model's rule and both paths change with it;
``tests/interchange/test_model_rules.py`` breaks every rule of every field the column path reads
and checks that both paths refuse it.

Rules across fields (``until`` not before ``since``, a tie's two ends, PARTNER's sub-items) are
model validators: the column path states those itself, and the same tests compare the two paths.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from carenet.domain.identifiers import Shape


@dataclass(frozen=True)
class Rule:
    """What one model field accepts."""

    type: str
    """``text``, ``date``, ``int``, ``float``, ``bool`` or ``enum``."""
    many: bool = False
    """A list of such values (``a;b;c`` in a file)."""
    required: bool = False
    allowed: tuple[str, ...] = ()
    """An enum's values."""
    pattern: str | None = None
    """A whole-value regular expression the text must match (after ``case``)."""
    case: str = ""
    """``upper`` or ``lower``: the text is changed so before the pattern is tried, and kept so."""
    min_length: int | None = None
    max_length: int | None = None
    """Of the text, or of the list when ``many``."""
    ge: float | None = None
    gt: float | None = None
    le: float | None = None
    lt: float | None = None


_SCALARS = {str: "text", dt.date: "date", int: "int", float: "float", bool: "bool"}


def _parts(annotation) -> tuple[object, list]:
    """The annotation without ``| None`` and ``Annotated``, and the metadata found on the way."""
    found: list = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *meta = typing.get_args(annotation)
            for item in meta:
                found.extend(item.metadata if isinstance(item, FieldInfo) else [item])
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                raise TypeError(f"no column rule for the union {annotation}")
            annotation = args[0]
        else:
            return annotation, found


@cache
def rule(model: type[BaseModel], name: str) -> Rule:
    """The rule of ``model``'s field ``name``. Raises TypeError for a type with no column rule."""
    info = model.model_fields[name]
    annotation, meta = _parts(info.annotation)
    meta = [*info.metadata, *meta]
    many = typing.get_origin(annotation) is list
    if many:
        annotation, inner = _parts(typing.get_args(annotation)[0])
        meta += inner
    values: dict[str, object] = {"many": many, "required": info.is_required()}
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        values.update(type="enum", allowed=tuple(str(e.value) for e in annotation))
    elif annotation in _SCALARS:
        values["type"] = _SCALARS[annotation]
    else:
        raise TypeError(f"no column rule for {model.__name__}.{name}: {annotation}")
    for item in meta:
        if isinstance(item, Shape):
            values.update(pattern=item.pattern, case=item.case)
        for key in ("min_length", "max_length", "ge", "gt", "le", "lt", "pattern"):
            value = getattr(item, key, None)
            if value is not None and not isinstance(item, Shape):
                values[key] = value
    return Rule(**values)  # type: ignore[arg-type]
