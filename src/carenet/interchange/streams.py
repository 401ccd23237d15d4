"""A file handed out in pieces: big enough that a streamed answer is a few hundred writes to the
socket, not one per token.

``json.JSONEncoder.iterencode`` yields every bracket, key and value on its own: a node-link graph
of the demo system came as about two million pieces, and a server sent each one as a write of its
own (over a minute for a document that takes a second to encode).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

PIECE = 1 << 16
"""Characters (or bytes) of one piece, about."""


def gathered(parts: Iterable[str], size: int = PIECE) -> Iterator[str]:
    """``parts`` joined into pieces of at least ``size`` characters (the last may be shorter; none
    is empty)."""
    buffer: list[str] = []
    length = 0
    for part in parts:
        buffer.append(part)
        length += len(part)
        if length >= size:
            yield "".join(buffer)
            buffer.clear()
            length = 0
    if length:
        yield "".join(buffer)


def json_pieces(doc: Any, *, allow_nan: bool = True) -> Iterator[str]:
    """``doc`` as JSON text (non-ASCII kept as it is), in pieces of :data:`PIECE` characters."""
    return gathered(json.JSONEncoder(ensure_ascii=False, allow_nan=allow_nan).iterencode(doc))
