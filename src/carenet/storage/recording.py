"""A store that wraps another: it records every call (to count round trips) and can inject faults."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from carenet.storage.store import GraphStore, Op, Row, resolve


@dataclass
class Call:
    kind: str
    names: tuple[str, ...]
    params: tuple[dict[str, Any], ...] = field(repr=False)


class RecordingStore:
    """Passes every call to ``inner`` and records it in :attr:`calls`.

    ``fail`` is called with each :class:`Call` before it is passed on; raise from it to inject a fault.
    """

    def __init__(self, inner: GraphStore, *, fail: Callable[[Call], None] | None = None) -> None:
        self.inner = inner
        self.dialect = inner.dialect
        self.calls: list[Call] = []
        self.fail = fail

    def _record(self, kind: str, ops: Sequence[Op]) -> None:
        call = Call(kind, tuple(resolve(q).name for q, _ in ops), tuple(dict(p) for _, p in ops))
        self.calls.append(call)
        if self.fail is not None:
            self.fail(call)

    def reset(self) -> None:
        self.calls.clear()

    @property
    def round_trips(self) -> int:
        return len(self.calls)

    async def read(self, query, /, **params: Any) -> list[Row]:
        self._record("read", [(query, params)])
        return await self.inner.read(query, **params)

    async def write(self, query, /, **params: Any) -> list[Row]:
        self._record("write", [(query, params)])
        return await self.inner.write(query, **params)

    async def write_batch(self, ops: Sequence[Op]) -> list[list[Row]]:
        self._record("write_batch", ops)
        return await self.inner.write_batch(ops)

    async def stream(self, query, /, *, batch_rows: int = 65_536, **params: Any) -> AsyncIterator[pa.RecordBatch]:
        self._record("stream", [(query, params)])
        async for batch in self.inner.stream(query, batch_rows=batch_rows, **params):
            yield batch

    async def run_schema(self, statements: Sequence[str]) -> None:
        await self.inner.run_schema(statements)

    async def ping(self) -> None:
        await self.inner.ping()

    async def close(self) -> None:
        await self.inner.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)
