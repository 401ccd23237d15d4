"""Parameter normalisation, so both drivers get plain values and LadybugDB's traps never bite.

- enums become their values, tuples and sets become lists, pydantic models become dicts;
- every row of a list of maps carries the same keys (missing ones become None), because
  LadybugDB binds one struct type for the whole UNWIND list.

Rows dumped from one model class already share their keys and hold only scalars, lists of
scalars and enums; they take a fast path (this runs on every row of a bulk load).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from pydantic import BaseModel

from carenet.storage.rows import BulkRows

_SCALARS = (str, int, float, bool, type(None))


def _scalar(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [v.value if isinstance(v, Enum) else v for v in value]
    if isinstance(value, _SCALARS):
        return value
    return plain(value)


def _rows(items: list) -> list:
    keys = list(items[0])
    if all(len(row) == len(keys) for row in items) and all(list(row) == keys for row in items):
        return [{k: _scalar(v) for k, v in row.items()} for row in items]
    keys = list(dict.fromkeys(k for row in items for k in row))
    return [{k: plain(row.get(k)) for k in keys} for row in items]


def plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, BaseModel):
        return plain(value.model_dump())
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, BulkRows):
        return _rows(list(value)) if len(value) else []
    if isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)
        if items and all(isinstance(v, dict) for v in items):
            return _rows(items)
        return [plain(v) for v in items]
    return value


def normalise(params: Mapping[str, Any]) -> dict[str, Any]:
    return {name: plain(value) for name, value in params.items()}


def is_empty_list(params: Mapping[str, Any], name: str | None) -> bool:
    return name is not None and isinstance(params.get(name), list) and not params[name]
