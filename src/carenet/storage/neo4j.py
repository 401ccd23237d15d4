"""Neo4j through the official async driver: kept thin on purpose.

Managed transactions only (``execute_read`` / ``execute_write``), which the driver may retry:
every write query is idempotent (MERGE on uid). ``neo4j://`` URIs route across a cluster.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

import pyarrow as pa
from neo4j import AsyncGraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from carenet.errors import StorageUnavailable
from carenet.storage.params import is_empty_list, normalise
from carenet.storage.queries import Dialect, Query
from carenet.storage.store import Op, Row, resolve


async def _run(tx, query: Query, params: dict[str, Any]) -> list[Row]:
    if is_empty_list(params, query.skip_if_empty):
        return []
    (text,) = query.statements(Dialect.NEO4J)
    result = await tx.run(text, params)
    return [record.data() async for record in result]


class Neo4jStore:
    dialect = Dialect.NEO4J
    write_rows = 5_000
    """UNWIND batches of a few thousand rows: big enough to amortise a round trip, small enough
    for the server's transaction memory."""

    def __init__(self, uri: str, *, user: str, password: str, database: str = "neo4j") -> None:
        self._driver = AsyncGraphDatabase.driver(uri, auth=(user, password))
        self._database = database
        self._boot = uuid.uuid4().hex[:8]
        self._writes = 0

    @property
    def version(self) -> str:
        """Changes with every write this process makes (writes by other processes are not seen)."""
        return f"{self._boot}:{self._writes}"

    def _session(self):
        return self._driver.session(database=self._database)

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
        async with self._session() as session:
            result = await session.run(text, p)
            keys = None
            buffer: list[dict[str, Any]] = []
            async for record in result:
                if keys is None:
                    keys = list(record.keys())
                buffer.append(record.data())
                if len(buffer) >= batch_rows:
                    yield pa.RecordBatch.from_pylist(buffer)
                    buffer = []
            if buffer:
                yield pa.RecordBatch.from_pylist(buffer)

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
