"""Neo4j through the official async driver: kept thin on purpose.

Managed transactions only (``execute_read`` / ``execute_write``), which the driver may retry:
every write query is idempotent (MERGE on uid). ``neo4j://`` URIs route across a cluster.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

import neo4j.time
import pyarrow as pa
from neo4j import AsyncGraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from carenet.errors import Conflict, StorageUnavailable
from carenet.storage.params import is_empty_list, normalise
from carenet.storage.queries import Dialect, Query
from carenet.storage.store import Op, Row, resolve, stream_schema

_TEMPORAL = (neo4j.time.Date, neo4j.time.DateTime, neo4j.time.Time)


def native(value: Any) -> Any:
    """A value from the driver as the Python value LadybugDB gives for it: ``neo4j.time.Date``,
    ``DateTime`` and ``Time`` become ``datetime.date``, ``datetime`` and ``time`` (nanoseconds cut
    to microseconds), inside lists and maps too. Pydantic and Arrow reject the driver's own types."""
    if isinstance(value, _TEMPORAL):
        return value.to_native()
    if isinstance(value, list):
        return [native(v) for v in value]
    if isinstance(value, dict):
        return {k: native(v) for k, v in value.items()}
    return value


def native_row(record_data: dict[str, Any]) -> Row:
    return {k: native(v) if isinstance(v, (*_TEMPORAL, list, dict)) else v for k, v in record_data.items()}


def record_batch(rows: list[Row], schema: pa.Schema) -> pa.RecordBatch:
    """Rows as an Arrow batch with the query's declared ``schema`` (:attr:`Query.columns`): the
    types LadybugDB gives, whatever the rows hold."""
    return pa.RecordBatch.from_pylist(rows, schema=schema)


def check_written(query: Query, params: dict[str, Any], rows: list[Row]) -> None:
    """A ``counted`` query must have written every row it was sent (see :attr:`Query.counted`)."""
    if not query.counted:
        return
    sent = len(params.get("rows") or ())
    written = int(rows[0]["written"]) if rows else 0
    if written != sent:
        raise Conflict(
            f"{sent - written} of {sent} relationships were not written: an end was deleted while the write "
            "was under way; nothing was written",
            suggestion="send the write again",
        )


async def _run(tx, query: Query, params: dict[str, Any]) -> list[Row]:
    if is_empty_list(params, query.skip_if_empty):
        return []
    (text,) = query.statements(Dialect.NEO4J)
    result = await tx.run(text, params)
    rows = [native_row(record.data()) async for record in result]
    check_written(query, params, rows)
    return rows


class Neo4jStore:
    dialect = Dialect.NEO4J
    write_rows = 5_000
    """UNWIND batches of a few thousand rows: big enough to amortise a round trip, small enough
    for the server's transaction memory."""

    def __init__(self, uri: str, *, user: str, password: str, database: str = "neo4j") -> None:
        self._driver = AsyncGraphDatabase.driver(uri, auth=(user, password))
        self._database = database
        self.bookmarks = AsyncGraphDatabase.bookmark_manager()
        """Every session of this store shares it, so each read follows every write this process
        committed before it (causal consistency on a cluster, where a read may go to another
        member): an API request's read after its mutation, ``db migrate`` then ``db status``."""
        self._boot = uuid.uuid4().hex[:8]
        self._writes = 0

    @property
    def version(self) -> str:
        """Changes with every write this process makes (writes by other processes are not seen)."""
        return f"{self._boot}:{self._writes}"

    def _session(self):
        return self._driver.session(database=self._database, bookmark_manager=self.bookmarks)

    async def read(self, query: Query | str, /, **params: Any) -> list[Row]:
        q, p = resolve(query), normalise(params)
        try:
            async with self._session() as session:
                return await session.execute_read(_run, q, p)
        except (ServiceUnavailable, AuthError) as exc:
            raise StorageUnavailable(f"Neo4j is unavailable: {exc}") from exc

    async def write(self, query: Query | str, /, **params: Any) -> list[Row]:
        return (await self.write_batch([(query, params)]))[0]

    async def write_batch(self, ops: Sequence[Op]) -> list[list[Row]]:
        resolved = [(resolve(q), normalise(p)) for q, p in ops]

        async def work(tx):
            return [await _run(tx, q, p) for q, p in resolved]

        try:
            async with self._session() as session:
                return await session.execute_write(work)
        except (ServiceUnavailable, AuthError) as exc:
            raise StorageUnavailable(f"Neo4j is unavailable: {exc}") from exc
        finally:
            self._writes += 1

    async def stream(
        self, query: Query | str, /, *, batch_rows: int = 65_536, **params: Any
    ) -> AsyncIterator[pa.RecordBatch]:
        q, p = resolve(query), normalise(params)
        (text,) = q.statements(Dialect.NEO4J)
        schema = stream_schema(q)
        async with self._session() as session:
            result = await session.run(text, p)
            buffer: list[dict[str, Any]] = []
            async for record in result:
                buffer.append(native_row(record.data()))
                if len(buffer) >= batch_rows:
                    yield record_batch(buffer, schema)
                    buffer = []
            if buffer:
                yield record_batch(buffer, schema)

    async def run_schema(self, statements: Sequence[str]) -> None:
        async with self._session() as session:
            for statement in statements:
                await session.run(statement)

    async def ping(self) -> None:
        try:
            await self._driver.verify_connectivity()
        except Exception as exc:  # the driver raises several kinds here
            raise StorageUnavailable(f"Neo4j is unavailable: {exc}") from exc

    async def close(self) -> None:
        await self._driver.close()
