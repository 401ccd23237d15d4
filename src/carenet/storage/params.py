"""Parameter normalisation, so both drivers get plain values and LadybugDB's traps never bite.

- enums become their values, tuples and sets become lists, pydantic models become dicts;
- every row of a list of maps carries the same keys (missing ones become None), because
  LadybugDB binds one struct type for the whole UNWIND list.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from pydantic import BaseModel


def plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, BaseModel):
        return plain(value.model_dump())
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(v) for v in value]
        if items and all(isinstance(v, dict) for v in items):
            keys = list(dict.fromkeys(k for row in items for k in row))
            items = [{k: row.get(k) for k in keys} for row in items]
        return items
    return value


def normalise(params: Mapping[str, Any]) -> dict[str, Any]:
    return {name: plain(value) for name, value in params.items()}


def is_empty_list(params: Mapping[str, Any], name: str | None) -> bool:
    return name is not None and isinstance(params.get(name), list) and not params[name]
