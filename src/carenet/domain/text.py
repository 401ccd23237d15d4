"""How names are compared and sorted: defined once, in Python, and stored, so both stores agree.

Neither store's own string functions can be trusted to agree with the other: LadybugDB's
``toLower('İ')`` gives ``'i'`` where Java (Neo4j) and Python give ``'i̇'``, it lowers a word-final
``'Σ'`` to ``'σ'`` where they give ``'ς'``; and Neo4j orders strings by UTF-16 code units, so a
character outside the Basic Multilingual Plane (an emoji, U+1F600) sorts before U+E000-U+FFFF
there and after them on LadybugDB (code points). So every node with a searchable name also stores

- ``name_fold`` = :func:`fold` (name): what name filters compare against, with the search terms
  folded the same way in Python; the stores only test plain ``CONTAINS`` / ``STARTS WITH``;
- ``name_key`` = :func:`sort_key` (name): what sorting by name orders by.

Both are written by the repository on every write path (rows and Arrow tables) and filled in for
existing data by schema migration 002.
"""

from __future__ import annotations

import unicodedata

NAME_KEYED_LABELS = frozenset({"System", "Place", "Organisation", "Team", "Person"})
"""The labels whose names are filtered and sorted on (the API's root connections and subgraph)."""

NAME_KEYS = ("name_fold", "name_key")
"""The stored properties derived from ``name``, in the order the stores' tables hold them."""


def fold(text: str) -> str:
    """``text`` for caseless comparison: Unicode full case folding between NFKC normalisations.

    ``'Straße'`` and ``'STRASSE'`` both fold to ``'strasse'``; ``'ΟΔΟΣ'`` and ``'οδος'`` to ``'οδοσ'``
    (every sigma alike); ``'İ'`` to ``'i̇'`` (i and a combining dot above); a full-width ``'Ａ'`` to
    ``'a'``. A search term is folded the same way, so a term matches whatever case it is typed in.
    """
    if text.isascii():  # the same answer, several times faster (most names)
        return text.lower()
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


_ESCAPE = 0xD7FF
"""Code points from here up are written as three characters, all below the surrogates."""


def sort_key(text: str) -> str:
    """A string whose order is ``text``'s code point order under either store's comparison.

    Characters below U+D7FF stay as they are; each one from U+D7FF up becomes U+D7FF and two
    characters (U+0100 plus the high and low 10 bits of ``code point - 0xD7FF``), so the key holds
    no character at or above the surrogates and compares the same by code points (LadybugDB) and
    by UTF-16 code units (Neo4j). The transform keeps order and prefixes: ``a < b`` exactly when
    ``sort_key(a) < sort_key(b)``.
    """
    if all(ord(c) < _ESCAPE for c in text):
        return text
    out = []
    for c in text:
        point = ord(c)
        if point < _ESCAPE:
            out.append(c)
        else:
            offset = point - _ESCAPE
            out.append(chr(_ESCAPE) + chr(0x100 + (offset >> 10)) + chr(0x100 + (offset & 0x3FF)))
    return "".join(out)


def name_keys(name: str | None) -> dict[str, str | None]:
    """The stored properties derived from a node's ``name`` (None for a missing name)."""
    if name is None:
        return {"name_fold": None, "name_key": None}
    return {"name_fold": fold(name), "name_key": sort_key(name)}
