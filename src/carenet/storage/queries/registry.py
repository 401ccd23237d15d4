"""Named Cypher queries: the Neo4j text, and a LadybugDB override where the dialects differ.

A query is looked up by name; its text is a constant with ``$parameters``. Nothing here or
anywhere else builds Cypher from user input.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import ModuleType


class Dialect(StrEnum):
    NEO4J = "neo4j"
    LADYBUG = "ladybug"


@dataclass(frozen=True, slots=True)
class Upsert:
    """A LadybugDB upsert in three statements, run in one transaction by the store.

    The store turns ``$rows`` into an Arrow table with ``columns`` (name, LadybugDB type) and
    scans it with ``LOAD FROM $rows`` / ``COPY ... FROM $rows``: ``lookup`` returns the ``uid``
    of every row that exists already, ``update`` runs on those rows and ``create`` (a
    ``COPY``) on the rest. Measured here: ``UNWIND`` of a list of maps converts about 8k
    rows/s and ``UNWIND ... MERGE`` slows as tables grow, while this path runs at 100k+ rows/s.
    """

    lookup: str
    update: str | None
    create: str
    columns: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Query:
    """One named query.

    ``cypher`` is the Neo4j text. ``ladybug`` overrides it for LadybugDB: one statement, or a
    tuple of statements run in order in one transaction with the same parameters (the rows
    of the last are returned), or an :class:`Upsert`. ``skip_if_empty`` names a list parameter: when it is empty the
    query is not sent at all (LadybugDB rejects some empty-list parameters, and it saves a trip).
    """

    name: str
    cypher: str
    ladybug: str | tuple[str, ...] | Upsert | None = None
    write: bool = False
    skip_if_empty: str | None = None
    arrow_rows: tuple[tuple[str, str], ...] | None = None
    """When set, LadybugDB gets ``$rows`` as an Arrow table with these (column, type) pairs, for
    its ``LOAD FROM $rows`` override (converting a list of maps is slow there)."""
    doc: str = field(default="", compare=False)

    def statements(self, dialect: Dialect) -> tuple[str, ...]:
        if dialect is Dialect.LADYBUG and isinstance(self.ladybug, Upsert):
            return tuple(s for s in (self.ladybug.lookup, self.ladybug.update, self.ladybug.create) if s)
        if dialect is Dialect.LADYBUG and self.ladybug is not None:
            return (self.ladybug,) if isinstance(self.ladybug, str) else self.ladybug
        return (self.cypher,)


class Registry(Mapping[str, Query]):
    """Every named query, by name. A name may be registered once."""

    def __init__(self, queries: Iterable[Query] = ()) -> None:
        self._queries: dict[str, Query] = {}
        for query in queries:
            self.add(query)

    def add(self, query: Query) -> None:
        if query.name in self._queries:
            raise ValueError(f"query {query.name!r} is registered twice")
        self._queries[query.name] = query

    def add_module(self, module: ModuleType) -> None:
        for value in vars(module).values():
            if isinstance(value, Query):
                self.add(value)
            elif isinstance(value, dict) and value and all(isinstance(v, Query) for v in value.values()):
                for query in value.values():
                    self.add(query)

    def __getitem__(self, name: str) -> Query:
        try:
            return self._queries[name]
        except KeyError:
            raise KeyError(f"no query named {name!r}") from None

    def __iter__(self):
        return iter(self._queries)

    def __len__(self) -> int:
        return len(self._queries)
