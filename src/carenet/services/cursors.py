"""The one cursor format of every paginated list: root connections and relations alike.

A cursor is the URL-safe base64 of the JSON array ``[key, value, uid]``: the name of the order
the page follows (``uid``, ``name``, ``betweenness``, ... for a root connection; ``tie`` for a
node's relations, ordered by uid and tie), that order's value at the row, and the row's uid, which
breaks ties. A cursor is a keyset position, never an offset, and it says which order it belongs to,
so a cursor from another order is refused with a message instead of giving a wrong page.

Until the next release a relation cursor of the old form (base64 of ``uid|tie``) is still read
as the same position (:func:`decode`); new cursors are never written in it.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from carenet.errors import InvalidInput, Problem

RELATION_KEY = "tie"
"""The order of a node's relations (the rows are sorted by uid, then tie uid)."""


def encode(key: str, value: Any, uid: str) -> str:
    """The cursor of the row ``uid`` whose value in the order ``key`` is ``value``."""
    return base64.urlsafe_b64encode(json.dumps([key, value, uid]).encode()).decode()


def decode(cursor: str, key: str, where: str) -> tuple[Any, str]:
    """``(value, uid)`` of a cursor of the order ``key``.

    Raises :class:`~carenet.errors.InvalidInput` at ``where`` (``after`` or ``before``) when
    ``cursor`` is not a cursor, or is one of another order."""
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput([Problem(where, "not a cursor of this connection", cursor)]) from None
    if key == RELATION_KEY and not text.startswith("["):
        uid, bar, tie = text.partition("|")  # the old relation cursor, read until the next release
        if bar and uid:
            return tie, uid
    try:
        k, value, uid = json.loads(text)
    except (ValueError, TypeError):
        raise InvalidInput([Problem(where, "not a cursor of this connection", cursor)]) from None
    if k != key or not isinstance(uid, str):
        raise InvalidInput([Problem(where, f"the cursor is for ordering by {k}, not {key}", cursor)])
    return value, uid


def of_relation(row: dict[str, Any]) -> str:
    """The cursor of one of a node's relations (a row with ``uid`` and, for a tie, ``tie``)."""
    return encode(RELATION_KEY, row.get("tie") or "", row["uid"])
