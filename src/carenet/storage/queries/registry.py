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
    """A LadybugDB upsert in three or four statements, run in one transaction by the store.

    The store turns ``$rows`` into an Arrow table with ``columns`` (name, LadybugDB type):
    ``lookup`` finds the rows that exist already, ``update`` runs on those and ``create`` (a
    ``COPY ... FROM $rows``) on the rest: ``UNWIND`` of a list of maps converts rows slowly and
    ``UNWIND ... MERGE`` slows as tables grow, while ``LOAD FROM`` and ``COPY`` of an Arrow table
    run about ten times faster (``benchmarks/load.py`` measures the upsert path's rows a second).

    Nodes (``current`` unset): ``lookup`` and ``update`` scan the table with ``LOAD FROM $rows``;
    ``lookup`` returns the ``uid`` of each existing row.

    Relationships (``current`` set): in LadybugDB 0.22 any ``LOAD FROM`` followed by a
    relationship pattern pins about 8 KB of the buffer pool per row, never released, until
    every later statement fails with "the buffer pool is full" (measured here: a 1 GB pool is
    exhausted after 130k such rows, reads or writes, checkpoint or not). So ``lookup`` takes
    ``$sources``, the distinct source uids, as a list of strings, and returns the ``uid`` of
    every relationship leaving them (cheap: no property of the far end). Only when some of
    the rows exist does ``current`` (same parameter) return ``uid``, ``target`` and every
    property, which the store compares with the rows; it sends only the changed ones to
    ``update``, an ``UNWIND $rows`` of maps (each value cast to its column type, since a key
    that is null in every row has no type of its own). Re-importing unchanged rows writes nothing.
    """

    lookup: str
    update: str | None
    create: str
    columns: tuple[tuple[str, str], ...]
    current: str | None = None
    lookup_small: str | None = None
    update_small: str | None = None
    create_small: str | None = None
    lookup_each: str | None = None
    current_each: str | None = None
    update_each: str | None = None
    """The same steps for a batch of fewer than ``LadybugStore.bulk_rows`` rows: ``UNWIND`` of
    plain maps (each value cast to its column type), never an Arrow scan. In LadybugDB 0.22 every
    ``COPY ... FROM`` an Arrow table into a non-empty node table keeps about 12.7 MB of the buffer
    pool for good, and every ``LOAD FROM`` an Arrow table about 0.05-0.3 MB, so a server making one
    small write at a time ran out of memory (issue 14, ``docs/upstream/``); the ``UNWIND`` forms
    keep nothing. ``lookup_small`` takes ``$uids``. A relationship's ``create_small`` matches its
    ends one ``MATCH`` each (written ``MATCH (a), (b)`` after ``UNWIND``, LadybugDB plans a cross
    product, whose time grows with the label's size) and returns ``written``, the rows it created, so a row
    whose end has gone is an error rather than silently dropped. ``lookup_each``,
    ``current_each`` and ``update_each`` are ``lookup``, ``current`` and ``update`` for one
    ``$source`` (``update_each``: one row, as scalar parameters), run once each when there are
    few: ``UNWIND $sources`` before a relationship pattern plans a scan of the label, tens of
    times slower for one source's ties or one tie's update (``benchmarks/soak.py`` times single
    writes through the server)."""


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
    ladybug_small: str | None = None
    """With ``arrow_rows``: the LadybugDB text for fewer rows than the store's bulk size, an
    ``UNWIND`` of plain maps; every ``LOAD FROM`` an Arrow table keeps memory for good (0.4 MB a
    call of 5,000 rows, checkpoints or not), which a server recomputing metrics after every pause
    in writes must not pay (see :class:`Upsert`)."""
    ladybug_each: str | None = None
    """LadybugDB text for one key ``$uid``, run once per key of ``$uids`` when there are only a few:
    LadybugDB 0.22 plans ``WHERE a.uid IN $uids`` (and ``UNWIND $uids``) before a relationship
    pattern as a scan of the whole label, which costs the same for one key as for hundreds."""
    columns: tuple[tuple[str, str], ...] | None = None
    """The result's columns and their LadybugDB types, for a query that is streamed: a store whose
    driver does not type its results (Neo4j) builds its Arrow batches with this schema, so an
    all-null column and batches with different null patterns keep LadybugDB's types."""
    counted: bool = False
    """The Neo4j text returns ``written``, the rows it wrote, which must equal the rows sent: a
    relationship upsert's ``MATCH`` of an end deleted since the ends were checked drops the row
    without an error (issue 20), so the store fails the write instead."""
    by_key: bool = False
    """A look-up by key that returns a few rows (as is every ``ladybug_each`` text): LadybugDB runs
    it on one thread. Its default, a query spread over every core, is slower for these on two
    cores (``benchmarks/api.py`` times the ties of one team of 100,000)."""
    doc: str = field(default="", compare=False)

    def statements(self, dialect: Dialect) -> tuple[str, ...]:
        if dialect is Dialect.LADYBUG and isinstance(self.ladybug, Upsert):
            u = self.ladybug
            return tuple(
                s
                for s in (
                    u.lookup,
                    u.current,
                    u.update,
                    u.create,
                    u.lookup_small,
                    u.update_small,
                    u.create_small,
                    u.lookup_each,
                    u.current_each,
                    u.update_each,
                )
                if s
            )
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
