"""LadybugDB, the embedded default store: the database runs inside the carenet process.

Concurrency (measured, DESIGN.md): one process may hold a database read-write, and only one
write transaction may run at a time. So every write runs on one dedicated thread (writes are
serialised, never failed), reads run on a small pool, each thread with its own connection,
except a look-up by one key, which runs on the caller's own thread (see :data:`INLINE_KEYS`).
A second process that opens the same folder gets :class:`StorageUnavailable` naming the
process that holds it.

No read runs during a checkpoint (:attr:`LadybugStore.gate`): LadybugDB 0.22 can write an update
committed just before a ``CHECKPOINT`` into another row of the table (the same place in a lower
2,048-row vector) when reads run on other connections during it (issue 14; the reproduction is
``docs/upstream/checkpoint_read_race.py``). So carenet checkpoints by itself only, never
LadybugDB on a commit (``auto_checkpoint`` off), and each checkpoint waits for the reads under
way and holds new ones back until it is done.
"""

from __future__ import annotations

import asyncio
import fcntl
import logging
import os
import re
import subprocess
import sys
import threading
import uuid
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import ladybug
import pyarrow as pa
import pyarrow.compute as pc
from readerwriterlock.rwlock import RWLockWrite

from carenet.errors import Conflict, StorageUnavailable
from carenet.storage.arrow_types import ARROW
from carenet.storage.params import is_empty_list, normalise
from carenet.storage.queries import Dialect, Query, Upsert
from carenet.storage.reader_threads import ReaderThreads
from carenet.storage.rows import BulkRows
from carenet.storage.store import Op, Row, resolve, stream_schema

log = logging.getLogger(__name__)

_LOCK_HELD = re.compile(r"Lock is held by PID (\d+)")
_UNRECOVERABLE = re.compile(r"Cannot (recover|replay|safely open)|shadow file|Found a shadow file|corrupt", re.I)
_POST_COMMIT = "post-commit checkpoint failed"
_POOL_FULL = re.compile(r"buffer pool is full|Buffer manager exception", re.I)
CHECKPOINT_EVERY = 100
"""Write transactions between checkpoints of carenet's own. LadybugDB checkpoints by itself only
when its WAL passes a size; until a checkpoint every update keeps memory (one-row updates grew the
process more than ten times as much without a ``CHECKPOINT`` every 100 as with it), and a long WAL
makes the next start slow; a checkpoint after 100 small writes costs little
(``benchmarks/soak.py`` measures the server's memory and latency under such writes). LadybugDB's
own checkpoints are off (see the module's notes), so a write of
many rows is checkpointed too: after :data:`CHECKPOINT_ROWS` rows since the last."""
CHECKPOINT_ROWS = 20_000
"""Rows written (by every statement of every write since the last checkpoint) that call for a
checkpoint whatever the count of writes: LadybugDB's own threshold was a WAL of 16 MB."""
INLINE_KEYS = 1
"""A look-up by key (``by_key``, or a ``ladybug_each`` text) of at most this many keys runs on the
caller's thread, the event loop's, not on a reader thread: handing it to a reader thread and
back cost more than the look-up itself. On the team query of ``benchmarks/api.py`` (a team, its
organisation and its ties: three such look-ups), a server with this used less CPU a request,
answered more requests a second with 16 clients and answered one client sooner than one without
(compared in alternation; ``benchmarks/api.py`` measures the team query). Scans and look-ups of
many keys, which take far longer, stay on the reader threads,
where they do not hold up the event loop."""
BULK_ROWS = 20_000
"""A write statement of at least this many rows goes through an Arrow scan (``COPY``, ``LOAD FROM``);
a smaller one through ``UNWIND`` of plain maps. Every Arrow scan keeps buffer-pool memory for good in
LadybugDB 0.22 (``COPY`` into a non-empty node table about 12.7 MB, see ``docs/upstream/``), so
below this size, where ``UNWIND`` is about as fast, none is used: a server taking one small write
at a time keeps flat memory. At 100,000 rows in the table, ``UNWIND`` of nodes ran at the same rate at any
size, while ``COPY`` was slower than it at 1,000 rows and several times faster at 10,000; for
relationships ``UNWIND`` was faster at 10,000 rows and ``COPY`` several times faster at 50,000.
At 20,000 rows the memory ``COPY`` keeps is less than the row itself (``benchmarks/load.py``
times the bulk path, ``benchmarks/soak.py`` the small writes; neither compares the two forms)."""
EACH_MAX = 16
"""Up to this many keys, a query with a ``ladybug_each`` form runs once per key: a look-up by
primary key, because LadybugDB scans every node of the label for ``IN``, so one team's ties by key
are several times faster than through ``IN`` (``benchmarks/api.py`` times the team query's ties)."""


def _open(path: Path, buffer_pool_mb: int = 0, read_only: bool = False) -> ladybug.Database:
    if read_only and not path.exists():
        raise StorageUnavailable(f"there is no embedded database at {path}")
    path.parent.mkdir(
        parents=True, exist_ok=True, mode=0o700
    )  # a new data folder: its owner only (it holds personal data)
    try:
        # auto_checkpoint off: a checkpoint must not run beside reads (see the module's notes).
        return ladybug.Database(
            str(path), buffer_pool_size=buffer_pool_mb * 1024 * 1024, read_only=read_only, auto_checkpoint=False
        )
    except RuntimeError as exc:
        text = str(exc)
        match = _LOCK_HELD.search(text)
        if match or "Could not set lock" in text:
            holder = f"process {match.group(1)}" if match else "another process"
            raise StorageUnavailable(
                f"the embedded database at {path} is held by {holder}",
                suggestion="stop that process, or send this command to the running server "
                "with --server URL (or CARENET_SERVER_URL)",
            ) from None
        if _UNRECOVERABLE.search(text):
            raise StorageUnavailable(
                f"the embedded database at {path} cannot be recovered after a crash: {text}",
                suggestion=f"keep {path}* as they are for a bug report, then restore the latest backup with "
                "`carenet db restore BACKUP_DIR` (README: Backups and recovery)",
            ) from None
        raise StorageUnavailable(f"cannot open the embedded database at {path}: {text}") from None


_COPY = "import shutil, sys; shutil.copyfile(sys.argv[1], sys.argv[2])"


def ensure_free(path: Path) -> None:
    """Raise :class:`StorageUnavailable` when another process holds the database at ``path``.

    LadybugDB lets a read-only open succeed while a server holds the database read-write, and a
    failed open inside this process tells nothing reliable once this process has opened the file
    before; so this asks the operating system for the same POSIX lock LadybugDB takes. Never call
    it in the process that holds the database: closing the file here would drop that lock."""
    if not path.exists():
        return
    with open(path, "rb+") as f:
        try:
            fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise StorageUnavailable(
                f"the embedded database at {path} is held by another process",
                suggestion="stop the carenet server that holds it, or send this command to it with --server URL",
            ) from None
        fcntl.lockf(f, fcntl.LOCK_UN)


class LadybugStore:
    """The embedded store. Open with :meth:`open`; close with :meth:`close`."""

    dialect = Dialect.LADYBUG
    write_rows = 500_000
    """``COPY`` from Arrow takes big tables well, best a whole table at once: 500,000 rows a
    statement (with transactions of 100,000 rows, so a big statement runs alone, as a bare ``COPY``)
    loaded the 42-system demo clearly faster than 50,000 in transactions of 200,000 (compared in
    alternation; ``benchmarks/load.py`` measures the load at this size)."""

    bulk_rows = BULK_ROWS

    def __init__(self, database: ladybug.Database, *, path: Path, read_threads: int = 4) -> None:
        self.path = path
        self._db = database
        self._local = threading.local()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ladybug-write")
        self._readers = ReaderThreads(read_threads, "ladybug-read")
        self._connections: list[ladybug.Connection] = []
        self._connections_lock = threading.Lock()
        self._closed = False
        self._boot = uuid.uuid4().hex[:8]
        self._writes = 0
        self._since_checkpoint = 0
        self._rows_since_checkpoint = 0
        self._refusing: str | None = None
        self.checkpoint_every = CHECKPOINT_EVERY
        self.checkpoint_rows = CHECKPOINT_ROWS
        self.gate = RWLockWrite()
        """Reads hold it shared, a checkpoint exclusive (writer first: a checkpoint waits only for
        the reads already under way). See the module's notes."""

    @property
    def version(self) -> str:
        """Changes with every committed write in this process: a key for caching analytics."""
        return f"{self._boot}:{self._writes}"

    @classmethod
    def open(
        cls, path: Path, *, read_threads: int = 4, buffer_pool_mb: int = 0, read_only: bool = False
    ) -> LadybugStore:
        """Open (or create) the database at ``path``; ``buffer_pool_mb`` 0 is LadybugDB's default.
        ``read_only``: open an existing database for reading only (several processes may)."""
        return cls(_open(Path(path), buffer_pool_mb, read_only), path=Path(path), read_threads=read_threads)

    # --- thread-side ------------------------------------------------------------------------

    def _conn(self, *, serial: bool = False) -> ladybug.Connection:
        """This thread's connection; ``serial``: the one that runs each query on one thread, for
        look-ups by key (see :attr:`Query.by_key`)."""
        name = "serial" if serial else "conn"
        conn = getattr(self._local, name, None)
        if conn is None:
            conn = ladybug.Connection(self._db, num_threads=1) if serial else ladybug.Connection(self._db)
            setattr(self._local, name, conn)
            with self._connections_lock:
                self._connections.append(conn)
        return conn

    @staticmethod
    def _rows(result: Any) -> list[Row]:
        if isinstance(result, list):
            result = result[-1]
        return list(result.rows_as_dict()) if result is not None else []

    def _run(self, query: Query, params: dict[str, Any]) -> list[Row]:
        if is_empty_list(params, query.skip_if_empty):
            return []
        if isinstance(query.ladybug, Upsert):
            return self._upsert(self._conn(), query.ladybug, params)
        each = query.ladybug_each is not None and len(params.get("uids") or ()) <= EACH_MAX
        conn = self._conn(serial=each or query.by_key)
        if each:
            rest = {k: v for k, v in params.items() if k != "uids"}
            return [
                row
                for uid in params["uids"]
                for row in self._rows(conn.execute(query.ladybug_each, {**rest, "uid": uid}))
            ]
        texts = query.statements(Dialect.LADYBUG)
        if query.arrow_rows:
            schema = pa.schema([(name, ARROW[kind]) for name, kind in query.arrow_rows])
            table = pa.Table.from_pylist(params["rows"], schema=schema)
            if query.ladybug_small and table.num_rows < self.bulk_rows:  # see Query.ladybug_small
                params, texts = {**params, "rows": table.to_pylist()}, (query.ladybug_small,)
            else:
                params = {**params, "rows": table}
        rows: list[Row] = []
        for text in texts:
            rows = self._rows(conn.execute(text, params))
        return rows

    def _upsert(self, conn: ladybug.Connection, upsert: Upsert, params: dict[str, Any]) -> list[Row]:
        """Create the rows the table lacks, update the rest; ``fresh`` rows (none can exist yet,
        see ``Repository._ops``) are created without a look-up.

        The statement shape is chosen by the batch's size (:attr:`bulk_rows`): Arrow scans
        (``COPY``, ``LOAD FROM``) for bulk batches, ``UNWIND`` of plain maps below, because
        LadybugDB 0.22 keeps buffer-pool memory for good on every Arrow scan (see :class:`Upsert`)."""
        schema = pa.schema([(name, ARROW[kind]) for name, kind in upsert.columns])
        rows = params["rows"]
        table = rows.arrow(schema) if isinstance(rows, BulkRows) else pa.Table.from_pylist(rows, schema=schema)
        small = table.num_rows < self.bulk_rows and upsert.create_small is not None
        if params.get("fresh"):
            self._create(conn, upsert, table, small)
            return []
        if upsert.current is not None:
            return self._upsert_relationships(conn, upsert, table, small)
        if small:
            lookup = conn.execute(upsert.lookup_small, {"uids": table["uid"].to_pylist()})
        else:
            lookup = conn.execute(upsert.lookup, {"rows": table})
        found = [r["uid"] for r in self._rows(lookup)]
        if found:
            exists = pc.is_in(table["uid"], value_set=pa.array(found, pa.string()))
            old, new = table.filter(exists), table.filter(pc.invert(exists))
            if upsert.update and old.num_rows:
                if small:
                    conn.execute(upsert.update_small, {"rows": old.to_pylist()})
                else:
                    conn.execute(upsert.update, {"rows": old})
        else:
            new = table
        if new.num_rows:
            self._create(conn, upsert, new, small)
        return []

    def _create(self, conn: ladybug.Connection, upsert: Upsert, table: pa.Table, small: bool) -> None:
        if not small:
            conn.execute(upsert.create, {"rows": table})
            return
        result = self._rows(conn.execute(upsert.create_small, {"rows": table.to_pylist()}))
        if result and int(result[0]["written"]) != table.num_rows:
            raise Conflict(
                f"{table.num_rows - int(result[0]['written'])} of {table.num_rows} relationships were not written: "
                "an end was deleted while the write was under way; nothing was written",
                suggestion="send the write again",
            )

    def _upsert_relationships(
        self, conn: ladybug.Connection, upsert: Upsert, table: pa.Table, small: bool
    ) -> list[Row]:
        """Create the new rows, update the changed ones, leave the unchanged alone (see :class:`Upsert`)."""
        sources = pc.unique(table["source"]).to_pylist()
        if small and upsert.lookup_each and len(sources) <= EACH_MAX:
            leaving = pa.array(
                [r["uid"] for s in sources for r in self._rows(conn.execute(upsert.lookup_each, {"source": s}))],
                pa.string(),
            )
        else:
            leaving = conn.execute(upsert.lookup, {"sources": sources}).get_as_arrow()["uid"].combine_chunks()
        known = pc.is_in(table["uid"], value_set=leaving)
        if not pc.any(known).as_py():
            self._create(conn, upsert, table, small)
            return []
        candidates = table.filter(known)
        sources = pc.unique(candidates["source"]).to_pylist()
        if small and upsert.current_each and len(sources) <= EACH_MAX:
            current = [r for s in sources for r in self._rows(conn.execute(upsert.current_each, {"source": s}))]
        else:
            current = self._rows(conn.execute(upsert.current, {"sources": sources}))
        held = {(r["uid"], r["target"]): r for r in current}
        keys = [name for name, _ in upsert.columns if name not in ("source", "target", "uid")]
        is_new, changed = [], []
        for row in table.to_pylist():
            current = held.get((row["uid"], row["target"]))
            is_new.append(current is None)
            if current is not None and any(current[k] != row[k] for k in keys):
                changed.append(row)
        new = table.filter(pa.array(is_new, pa.bool_()))
        if upsert.update and changed:
            if small and upsert.update_each and len(changed) <= EACH_MAX:
                for row in changed:
                    conn.execute(upsert.update_each, row)
            else:
                conn.execute(upsert.update, {"rows": changed})
        if new.num_rows:
            self._create(conn, upsert, new, small)
        return []

    def _run_tx(self, ops: list[tuple[Query, dict[str, Any]]]) -> list[list[Row]]:
        if self._refusing:
            raise StorageUnavailable(self._refusing, suggestion="restart carenet; it recovers the store on start")
        conn = self._conn()
        self._rows_since_checkpoint += sum(
            len(p["rows"]) for _, p in ops if isinstance(p.get("rows"), (list, BulkRows))
        )
        try:
            if (
                len(ops) == 1
                and isinstance(ops[0][0].ladybug, Upsert)
                and ops[0][1].get("fresh")
                and len(ops[0][1]["rows"]) >= self.bulk_rows
            ):
                # One COPY is a transaction of its own: outside BEGIN ... COMMIT LadybugDB writes it
                # without logging every row first, so the 42-system import is faster
                # (benchmarks/interchange.py measures the import).
                out = [self._run(*ops[0])]
            else:
                out = self._in_transaction(conn, ops)
        except RuntimeError as exc:
            self._raise_store_error(conn, exc)  # returns only when a bare COPY's commit stands
            out = [[]]  # an upsert returns no rows
        self._after_commit(conn)
        return out

    def _in_transaction(self, conn: ladybug.Connection, ops: list[tuple[Query, dict[str, Any]]]) -> list[list[Row]]:
        conn.execute("BEGIN TRANSACTION")
        try:
            out = [self._run(query, params) for query, params in ops]
        except BaseException:
            try:
                conn.execute("ROLLBACK")
            except RuntimeError:  # LadybugDB rolled back already (it does on some failures)
                pass
            raise
        try:
            conn.execute("COMMIT")
        except RuntimeError as exc:
            if _POST_COMMIT not in str(exc):
                raise
            self._raise_store_error(conn, exc)  # returns only when the commit stands
        return out

    def _raise_store_error(self, conn: ladybug.Connection, exc: RuntimeError) -> None:
        """Turn LadybugDB's failures of a write into what the client must be told.

        A commit whose own post-commit checkpoint failed is reported "durable" by LadybugDB, yet
        such writes were seen missing after a restart (issue 14). So it counts as written only
        when a checkpoint of carenet's own then succeeds; otherwise the client gets an error
        and the store refuses writes until a restart has recovered it."""
        text = str(exc)
        if _POST_COMMIT in text:
            try:
                self._checkpoint(conn)
                log.warning("a post-commit checkpoint failed; a checkpoint after it succeeded: %s", text)
                return
            except RuntimeError as again:
                text = f"{text}; checkpoint again: {again}"
            self._refusing = "the embedded store could not make a write durable and refuses writes until restart"
            raise StorageUnavailable(
                "the write may not survive a restart: the embedded store could not checkpoint it",
                suggestion="restart carenet, then check whether the write is there",
            ) from exc
        if _POOL_FULL.search(text) or "refuses further writes" in text:
            if "refuses further writes" in text:
                self._refusing = "the embedded store refuses writes until restart"
            raise StorageUnavailable(
                f"the embedded store has no memory left for this write; nothing was written ({text})",
                suggestion="restart carenet, or raise CARENET_BUFFER_POOL_MB",
            ) from exc
        raise exc

    def _after_commit(self, conn: ladybug.Connection) -> None:
        self._since_checkpoint += 1
        if self._since_checkpoint < self.checkpoint_every and self._rows_since_checkpoint < self.checkpoint_rows:
            return
        try:
            self._checkpoint(conn)
        except RuntimeError as exc:  # the write is committed; the next one tries again
            log.warning("checkpoint after %d writes failed: %s", self._since_checkpoint, exc)

    def _checkpoint(self, conn: ladybug.Connection) -> None:
        """Fold the WAL into the database file, with no read under way (see the module's notes).
        Only on the writer thread, so no write runs meanwhile either."""
        with self.gate.gen_wlock():
            conn.execute("CHECKPOINT")
        self._since_checkpoint = self._rows_since_checkpoint = 0

    def checkpoint_now(self) -> None:
        """Run on the writer thread: fold the WAL into the database file."""
        self._checkpoint(self._conn())

    def _gated(self, fn, *args):
        """Run a read on this thread, never during a checkpoint."""
        with self.gate.gen_rlock():
            return fn(*args)

    def _run_arrow(self, query: Query, params: dict[str, Any], batch_rows: int) -> pa.Table:
        conn = self._conn()
        texts = query.statements(Dialect.LADYBUG)
        for text in texts[:-1]:
            conn.execute(text, params)
        result = conn.execute(texts[-1], params)
        return result.get_as_arrow(batch_rows)

    def _run_script(self, statements: Sequence[str]) -> None:
        conn = self._conn()
        for statement in statements:
            conn.execute(statement)

    # --- async API ----------------------------------------------------------------------------

    @staticmethod
    def _params(query: Query, params: dict[str, Any]) -> dict[str, Any]:
        """Rows bound for an Arrow table go as they are (Arrow takes enums, dates and lists);
        everything else is normalised."""
        if isinstance(query.ladybug, Upsert) or query.arrow_rows:
            rows = params.get("rows")
            rest = normalise({k: v for k, v in params.items() if k != "rows"})
            if rows is not None and not (isinstance(rows, BulkRows) and isinstance(query.ladybug, Upsert)):
                rows = list(rows)
            return {**rest, "rows": rows}
        return normalise(params)

    def _check_open(self) -> None:
        if self._closed:
            raise StorageUnavailable("the embedded store is closed")

    async def _read(self, fn, *args):
        self._check_open()
        return await self._readers.run(self._gated, fn, *args)

    async def _write(self, fn, *args):
        self._check_open()
        return await asyncio.get_running_loop().run_in_executor(self._writer, fn, *args)

    async def read(self, query: Query | str, /, **params: Any) -> list[Row]:
        query, params = resolve(query), normalise(params)
        if (query.by_key or query.ladybug_each is not None) and len(params.get("uids") or ()) <= INLINE_KEYS:
            self._check_open()
            shared = self.gate.gen_rlock()
            if shared.acquire(blocking=False):  # on this thread (see INLINE_KEYS), unless a checkpoint runs
                try:
                    return self._run(query, params)
                finally:
                    shared.release()
        return await self._read(self._run, query, params)

    async def write(self, query: Query | str, /, **params: Any) -> list[Row]:
        return (await self.write_batch([(query, params)]))[0]

    async def write_batch(self, ops: Sequence[Op]) -> list[list[Row]]:
        resolved = [(query, self._params(query, p)) for query, p in ((resolve(q), p) for q, p in ops)]
        try:
            return await self._write(self._run_tx, resolved)
        finally:
            self._writes += 1

    async def stream(
        self, query: Query | str, /, *, batch_rows: int = 65_536, **params: Any
    ) -> AsyncIterator[pa.RecordBatch]:
        q = resolve(query)
        stream_schema(q)  # a streamed query declares its columns, for every store
        table = await self._read(self._run_arrow, q, normalise(params), batch_rows)
        for batch in table.to_batches(max_chunksize=batch_rows):
            yield batch

    async def run_schema(self, statements: Sequence[str]) -> None:
        await self._write(self._run_script, list(statements))

    async def backup(self, dest: Path) -> None:
        """Copy the database, checkpointed first, to ``dest/graph``. Runs on the writer thread, so
        no write falls between the checkpoint and the copy; reads go on meanwhile."""
        await self._write(self._backup, Path(dest))

    def _backup(self, dest: Path) -> None:
        self.checkpoint_now()
        dest.mkdir(parents=True, exist_ok=True)
        partial = dest / "graph.partial"
        wal = self.path.with_name(self.path.name + ".wal")
        pairs = [(self.path, partial)]
        if wal.exists() and wal.stat().st_size:  # a checkpoint leaves none; kept if LadybugDB did
            pairs.append((wal, dest / "graph.wal"))
        # In a child process: closing any descriptor of the database file in this process would
        # drop LadybugDB's POSIX lock on it (fcntl locks belong to the process), and another
        # process could then open the database read-write under this one.
        for source, target in pairs:
            subprocess.run([sys.executable, "-c", _COPY, str(source), str(target)], check=True, capture_output=True)
        os.replace(partial, dest / "graph")

    async def ping(self) -> None:
        await self._read(self._run_script, ["RETURN 1"])

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._writer.shutdown(wait=True)
        self._readers.shutdown()
        for conn in self._connections:
            conn.close()
        self._db.close()
