"""The store interface: the one narrow seam between carenet and a graph database.

A store runs named queries from :data:`carenet.storage.queries.REGISTRY`. Implementations:
:class:`~carenet.storage.ladybug.LadybugStore` (embedded, the default),
:class:`~carenet.storage.neo4j.Neo4jStore` (production) and
:class:`~carenet.storage.recording.RecordingStore` (wraps another, counts round trips and
injects faults in tests).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import pyarrow as pa

from carenet.storage import arrow_types
from carenet.storage.queries import REGISTRY, Dialect, Query

Row = dict[str, Any]
Op = tuple["Query | str", Mapping[str, Any]]
"""One statement of a batch: a query (or its name) and its parameters."""


@runtime_checkable
class GraphStore(Protocol):
    dialect: Dialect
    write_rows: int
    """Rows per write statement in bulk writes: what suits this store's bulk path."""

    @property
    def version(self) -> str:
        """A key that changes with every write: analytics results are cached per version."""

    async def read(self, query: Query | str, /, **params: Any) -> list[Row]:
        """Run a read query; rows are dicts of aliased values."""

    async def write(self, query: Query | str, /, **params: Any) -> list[Row]:
        """Run a write query in its own transaction. May run more than once: must be idempotent."""

    async def write_batch(self, ops: Sequence[Op]) -> list[list[Row]]:
        """Run several write queries in one transaction: all of them happen, or none."""

    def stream(
        self, query: Query | str, /, *, batch_rows: int = 65_536, **params: Any
    ) -> AsyncIterator[pa.RecordBatch]:
        """Stream a read query's rows as Arrow record batches, never as one Python list."""

    async def run_schema(self, statements: Sequence[str]) -> None:
        """Apply schema statements (from carenet/graph_schema/); each is idempotent."""

    async def ping(self) -> None:
        """Raise :class:`~carenet.errors.StorageUnavailable` when the store cannot be reached."""

    async def close(self) -> None: ...


def resolve(query: Query | str) -> Query:
    return query if isinstance(query, Query) else REGISTRY[query]


def stream_schema(query: Query) -> pa.Schema:
    """The Arrow schema of a streamed query, from its declared :attr:`Query.columns`.

    Every store refuses to stream a query that declares none: the Neo4j driver does not type its
    results, so its batches could only be typed by guessing (an all-null column as ``null``, and
    batches with different nulls that no longer join). Refusing on every store catches the
    omission in any test that streams the query on the embedded store."""
    if not query.columns:
        raise ValueError(f"query {query.name!r} is streamed but declares no columns (Query.columns)")
    return arrow_types.schema(query.columns)
