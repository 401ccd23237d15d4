"""The repository: domain models in, domain models out, over any :class:`GraphStore`.

It is the one port to the store: services, the API, the web app and the CLI read and write through
its methods (these, and the topic mixins of :mod:`carenet.storage.access`) and never name a query
or hold a store.

Writes are validated whole before anything is written (every unknown endpoint, every
label pair the schema does not allow), then sent in one transaction, or, for bulk loads,
in batches of one transaction each. Upserts are idempotent by uid.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from carenet.domain.models import Node, Relationship
from carenet.domain.schema import NODE_MODELS, SPECIAL_CATEGORY_LABELS, NodeLabel, RelType
from carenet.domain.text import NAME_KEYED_LABELS
from carenet.errors import InvalidInput, Problem
from carenet.storage import endpoints, naming, tables
from carenet.storage.access.analysis import AnalysisReads
from carenet.storage.access.drawing import DrawingReads
from carenet.storage.access.pages import PageReads
from carenet.storage.access.records import RecordAccess
from carenet.storage.changes import ChangeSet
from carenet.storage.queries import core, integrity
from carenet.storage.rows import ModelRows
from carenet.storage.store import GraphStore, Op

Progress = Callable[[int], None]
"""Called with the number of rows just written."""

TX_ROWS = 100_000
"""Rows a bulk write's transaction gathers; a statement this big or bigger is a transaction of its
own (see :meth:`Repository.transactions`, and ``LadybugStore.write_rows`` for the measurements)."""


@dataclass(frozen=True)
class WriteSummary:
    nodes: dict[str, int]
    relationships: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.nodes.values()) + sum(self.relationships.values())


@dataclass(frozen=True)
class Projection:
    """A graph read for analytics: node attributes as one Arrow table, ties as record batches."""

    nodes: pa.Table
    edges: list[pa.RecordBatch]

    @property
    def edge_count(self) -> int:
        return sum(b.num_rows for b in self.edges)


OFFLOAD_ROWS = 10_000
"""Change sets bigger than this have their endpoints resolved on a worker thread."""


async def _now(function: Callable[..., Any], *args: Any) -> Any:
    return function(*args)


def _wanted(changes: ChangeSet) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(uid -> labels it has in ``changes``, label -> uids to look up in the store)."""
    found: dict[str, set[str]] = defaultdict(set)
    wanted: dict[str, set[str]] = defaultdict(set)
    with _no_cycle_collection():
        for node in changes.nodes:
            found[node.uid].add(node.label)
            wanted[node.label].add(node.uid)
        for table in changes.tables:
            if table.is_node:
                uids = table.table["uid"].to_pylist()
                wanted[table.label].update(uids)
                for uid in uids:
                    found[uid].add(table.label)
                continue
            sources, targets, _, _ = endpoints.ends(table.label, table.source_label, table.target_label)
            for end, labels in (("source", sources), ("target", targets)):
                uids = pc.unique(table.table[end]).to_pylist()
                for label in labels:
                    wanted[label].update(uids)
        for rel in changes.relationships:
            sources, targets, _, _ = endpoints.ends(rel.type, rel.source_label, rel.target_label)
            for label in sources:
                wanted[label].add(rel.source)
            for label in targets:
                wanted[label].add(rel.target)
    return found, wanted


def _endpoint_problems(changes: ChangeSet, found: dict[str, set[str]], stored: set[tuple[str, str]]) -> list[Problem]:
    """Record which nodes of ``changes`` the store held (``stored``), and every endpoint problem."""
    changes.stored = {(node.label, node.uid) for node in changes.nodes if (node.label, node.uid) in stored}
    held = {label for label, _ in stored}
    for table in changes.tables:
        if table.is_node and table.label in held:
            changes.stored.update(
                (table.label, uid) for uid in table.table["uid"].to_pylist() if (table.label, uid) in stored
            )
    with _no_cycle_collection():
        problems = endpoints.endpoint_problems(changes, found)
        if changes.tables:
            problems += endpoints.table_problems(changes, found)
        return problems


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector around a synchronous bulk loop.

    Building a few hundred thousand rows triggers hundreds of full collections, each walking
    every object of the change set, a third of the build's time (the bulk load through this path is
    measured by ``benchmarks/load.py``). Nothing here makes cycles, so reference counting frees it
    all the same. Use only where no ``await`` falls inside.
    The pause is counted, so loops on several threads at once (uploads read and checked on worker
    threads) leave the collector as they found it only when the last one ends.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


class Repository(PageReads, DrawingReads, AnalysisReads, RecordAccess):
    def __init__(self, store: GraphStore, *, batch_rows: int | None = None) -> None:
        self.store = store
        self.batch_rows = batch_rows or getattr(store, "write_rows", 5_000)

    # --- validation ------------------------------------------------------------------------

    async def existing(self, label: NodeLabel, uids: Iterable[str]) -> set[str]:
        """The ``uids`` that are stored ``label`` nodes. Asked about more uids than the label has
        nodes (a big import into a small graph), it reads the label's uids instead: looking up a big
        upload's uids one by one against a small graph's few hundred teams took far longer, holding
        the GIL to send them (``benchmarks/import_latency.py`` uploads 200,000 rows to the demo)."""
        asked = set(uids)
        if not asked:
            return set()
        if label not in SPECIAL_CATEGORY_LABELS and await self.count(label) < len(asked):  # those are never scanned
            stored: set[str] = set()
            async for batch in self.scan(label):
                stored.update(batch.column("uid").to_pylist())
            return stored & asked
        unique = sorted(asked)
        found: set[str] = set()
        for start in range(0, len(unique), 50_000):
            rows = await self.store.read(naming.node_exists(label), uids=unique[start : start + 50_000])
            found.update(r["uid"] for r in rows)
        return found

    async def resolve_endpoints(self, changes: ChangeSet) -> list[Problem]:
        """Fill in ``source_label``/``target_label`` of every relationship; return every problem.

        An endpoint may be a node of the same change set or one already stored. For a change set
        of more than :data:`OFFLOAD_ROWS` rows the work between the look-ups runs on a worker
        thread, so an event loop awaiting this (a server taking an upload) keeps answering.
        """
        run = asyncio.to_thread if len(changes) > OFFLOAD_ROWS else _now
        found, wanted = await run(_wanted, changes)
        stored: set[tuple[str, str]] = set()
        for label, uids in wanted.items():
            if label not in NodeLabel.__members__.values():
                continue  # reported below as a label the relationship does not allow
            if not await self.count(NodeLabel(label)):
                continue  # nothing to find (a first load: no look-up of every uid)
            for uid in await self.existing(NodeLabel(label), uids):
                stored.add((label, uid))
                found[uid].add(label)
        return await run(_endpoint_problems, changes, found, stored)

    # --- writes ----------------------------------------------------------------------------

    def _ops(self, changes: ChangeSet) -> list[tuple[Op, int, str, bool]]:
        """The write statements for ``changes``: (op, rows, name, is_node) in dependency order.

        A batch whose rows cannot be in the store yet carries ``fresh=True``, so a store with a
        bulk path may skip looking them up: nodes none of which the store held before
        (:attr:`ChangeSet.stored`), and relationships every one of whose sources is such a node
        (a relationship cannot exist before its source does).
        """
        with _no_cycle_collection():
            return self._build_ops(changes)

    def _build_ops(self, changes: ChangeSet) -> list[tuple[Op, int, str, bool]]:
        stored = changes.stored
        ops: list[tuple[Op, int, str, bool]] = []
        by_label: dict[str, dict[str, Node]] = defaultdict(dict)
        for node in changes.nodes:  # the same uid twice: the last wins
            by_label[node.label][node.uid] = node
        node_tables: dict[str, list[pa.Table]] = defaultdict(list)
        rel_tables: dict[tuple[str, str, str], list[pa.Table]] = defaultdict(list)
        for t in changes.tables:
            if t.is_node:
                node_tables[t.label].append(t.table)
            else:
                rel_tables[(t.label, t.source_label, t.target_label)].append(t.table)
        created: dict[str, set[str]] = {}
        arrays: dict[str, pa.Array] = {}

        def created_array(label: str) -> pa.Array | None:
            if stored is None:
                return None
            if label not in arrays:
                arrays[label] = pa.array(list(created.get(label, ())), pa.string())
            return arrays[label]

        for label in NodeLabel:
            unique = by_label.get(label.value, {})
            of_label = node_tables.get(label.value, [])
            if stored is not None:
                created[label.value] = {uid for uid in unique if (label.value, uid) not in stored}
                for table in of_label:
                    created[label.value].update(u for u in table["uid"].to_pylist() if (label.value, u) not in stored)
            models = list(unique.values())
            keyed = label.value in NAME_KEYED_LABELS  # rows carry name_fold and name_key
            for start in range(0, len(models), self.batch_rows):
                chunk = models[start : start + self.batch_rows]
                params: dict[str, Any] = {"rows": ModelRows(chunk, name_keys=keyed)}
                if stored is not None and all(n.uid in created[label.value] for n in chunk):
                    params["fresh"] = True
                ops.append(((naming.node_upsert(label), params), len(chunk), label.value, True))
            if of_label:
                name = naming.node_upsert(label)
                for chunk in tables.chunks(tables.concat(of_label), self.batch_rows):
                    ops.append(
                        (
                            (name, tables.params(chunk, "uid", created_array(label.value), name_keys=keyed)),
                            chunk.num_rows,
                            label.value,
                            True,
                        )
                    )
        by_pair: dict[tuple[str, str, str], dict[str, Relationship]] = defaultdict(dict)
        for rel in changes.relationships:
            by_pair[(rel.type, rel.source_label, rel.target_label)][rel.uid] = rel
        for pair in rel_tables:
            by_pair.setdefault(pair, {})
        for (rel_type, src, tgt), unique in by_pair.items():
            table = (
                tables.last_by_uid(tables.concat(rel_tables[(rel_type, src, tgt)]))
                if (rel_type, src, tgt) in rel_tables
                else None
            )
            if table is not None and unique:  # a uid in both: the table's row wins
                taken = set(table["uid"].to_pylist())
                unique = {uid: rel for uid, rel in unique.items() if uid not in taken}
            models = list(unique.values())
            new_sources = created.get(src, set())
            name = naming.rel_upsert(RelType(rel_type), NodeLabel(src), NodeLabel(tgt))
            for start in range(0, len(models), self.batch_rows):
                chunk = models[start : start + self.batch_rows]
                params = {"rows": ModelRows(chunk, ("source_label", "target_label"))}
                if stored is not None and all(r.source in new_sources for r in chunk):
                    params["fresh"] = True
                ops.append(((name, params), len(chunk), rel_type, False))
            if table is not None:
                for chunk in tables.chunks(table, self.batch_rows):
                    ops.append(
                        ((name, tables.params(chunk, "source", created_array(src))), chunk.num_rows, rel_type, False)
                    )
        return ops

    async def apply(self, changes: ChangeSet) -> WriteSummary:
        """Validate ``changes`` whole, then write them in one transaction. Raises :class:`InvalidInput`."""
        problems = await self.resolve_endpoints(changes)
        if problems:
            raise InvalidInput(problems)
        ops = self._ops(changes)
        await self.store.write_batch([op for op, _, _, _ in ops])
        return self._summary(ops)

    async def load(
        self,
        changes: ChangeSet,
        *,
        progress: Progress | None = None,
        batch_rows: int | None = None,
        tx_rows: int = TX_ROWS,
    ) -> WriteSummary:
        """Validate ``changes`` whole, then write them in transactions of about ``tx_rows`` rows.

        For bulk loads: nodes go first, so a transaction never refers to a node not yet
        written. Re-running a load is harmless (upserts by uid).
        """
        problems = await self.resolve_endpoints(changes)
        if problems:
            raise InvalidInput(problems)
        plan, summary = self.transactions(changes, batch_rows=batch_rows, tx_rows=tx_rows)
        for ops, rows in plan:
            await self.store.write_batch(ops)
            if progress:
                progress(rows)
        return summary

    def transactions(
        self, changes: ChangeSet, *, batch_rows: int | None = None, tx_rows: int = TX_ROWS
    ) -> tuple[list[tuple[list[Op], int]], WriteSummary]:
        """The writes of an already validated ``changes`` as (statements, rows) per transaction.

        Statements are gathered into a transaction until it holds ``tx_rows`` rows; a statement
        of ``tx_rows`` rows or more is a transaction of its own (a store may then take a bulk
        path: LadybugDB's ``COPY`` outside an explicit transaction). The grouping is the one
        :meth:`load` uses and depends only on ``changes``, so a resumed import can skip the
        transactions it committed before. Nodes come first. Endpoint labels must be filled in
        (:meth:`resolve_endpoints`).
        """
        saved, self.batch_rows = self.batch_rows, batch_rows or self.batch_rows
        try:
            ops = self._ops(changes)
        finally:
            self.batch_rows = saved
        out: list[tuple[list[Op], int]] = []
        pending: list[Op] = []
        pending_rows = 0
        for op, rows, _, _ in ops:
            if rows >= tx_rows and pending:
                out.append((pending, pending_rows))
                pending, pending_rows = [], 0
            pending.append(op)
            pending_rows += rows
            if pending_rows >= tx_rows:
                out.append((pending, pending_rows))
                pending, pending_rows = [], 0
        if pending:
            out.append((pending, pending_rows))
        return out, self._summary(ops)

    @staticmethod
    def _summary(ops) -> WriteSummary:
        nodes: dict[str, int] = defaultdict(int)
        rels: dict[str, int] = defaultdict(int)
        for _, rows, name, is_node in ops:
            (nodes if is_node else rels)[name] += rows
        return WriteSummary(dict(nodes), dict(rels))

    async def delete_nodes(self, label: NodeLabel, uids: Sequence[str]) -> None:
        """Delete nodes and every relationship they have (one transaction)."""
        await self.store.write(naming.node_delete(label), uids=list(uids))

    async def delete_relationships(self, rels: Sequence[Relationship]) -> None:
        changes = ChangeSet(relationships=list(rels), rel_origins=[None] * len(rels))
        problems = await self.resolve_endpoints(changes)
        if problems:
            raise InvalidInput(problems)
        groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
        for rel in rels:
            groups[(RelType(rel.type), NodeLabel(rel.source_label), NodeLabel(rel.target_label))].append(
                {"uid": rel.uid, "source": rel.source, "target": rel.target}
            )
        await self.store.write_batch([(naming.rel_delete(*key), {"rows": rows}) for key, rows in groups.items()])

    # --- reads -----------------------------------------------------------------------------

    @staticmethod
    def _model(label: NodeLabel, row: dict[str, Any]) -> Node:
        model = NODE_MODELS[label]
        return model.model_validate({k: v for k, v in row.items() if v is not None})

    async def get_many(self, label: NodeLabel, uids: Sequence[str]) -> dict[str, Node]:
        if label in SPECIAL_CATEGORY_LABELS:
            raise PermissionError(f"{label} is special-category data and is never read per record")
        rows = await self.store.read(naming.node_get(label), uids=list(dict.fromkeys(uids)))
        return {r["uid"]: self._model(label, r) for r in rows}

    async def get(self, label: NodeLabel, uid: str) -> Node | None:
        return (await self.get_many(label, [uid])).get(uid)

    async def label_of(self, uid: str) -> NodeLabel | None:
        """The label of the node keyed ``uid``, never a special-category record's.

        A :class:`~carenet.domain.models.Demographic` record carries its person's uid, so more than
        one label may hold a uid; the special-category label is never the answer.
        """
        rows = await self.store.read(core.NODE_LABEL, uid=uid)
        ordinary = sorted(NodeLabel(r["label"]) for r in rows if r["label"] not in SPECIAL_CATEGORY_LABELS)
        return ordinary[0] if ordinary else None

    async def find(self, uid: str) -> Node | None:
        """The node with ``uid`` whatever its label (special-category records excepted)."""
        label = await self.label_of(uid)
        if label is None:
            return None
        return await self.get(label, uid)

    async def page(self, label: NodeLabel, *, after: str = "", limit: int = 50) -> list[Node]:
        """Nodes of ``label`` in uid order after the keyset cursor ``after``."""
        rows = await self.store.read(naming.node_page(label), after=after, limit=limit)
        return [self._model(label, r) for r in rows]

    async def count(self, label: NodeLabel) -> int:
        rows = await self.store.read(naming.node_count(label))
        return int(rows[0]["count"]) if rows else 0

    async def counts(self) -> dict[str, int]:
        nodes = {r["label"]: int(r["count"]) for r in await self.store.read(core.COUNTS_BY_LABEL)}
        rels = {r["type"]: int(r["count"]) for r in await self.store.read(core.COUNTS_BY_REL_TYPE)}
        return {**nodes, **rels}

    async def integrity(self) -> dict[str, dict[str, int]]:
        """Per label and relationship type: ``count``, ``missing`` (no uid), ``duplicates``; for
        relationships also ``dangling`` (see :mod:`carenet.storage.queries.integrity`)."""
        out: dict[str, dict[str, int]] = {}
        for kind, query in (*integrity.NODE_CHECKS.items(), *integrity.REL_CHECKS.items()):
            rows = await self.store.read(query)
            out[kind] = {k: int(v or 0) for k, v in (rows[0] if rows else {"count": 0}).items()}
        return out

    async def projection(self, level: str = "team", *, wave: str = "", at: dt.date | None = None) -> Projection:
        """Read the graph for analytics, streamed as Arrow batches (never one Python list of ties).

        ``level`` is team, organisation or person; ``wave`` a survey wave uid (empty: every wave);
        ``at`` a date at which ties must be active (None: any time).
        """
        node_q, edge_q, every_q = {
            "team": (core.TEAM_NODES, core.TEAM_TIES, core.TEAM_TIES_ALL),
            "organisation": (core.ORGANISATION_NODES, core.ORGANISATION_TIES, core.ORGANISATION_TIES_ALL),
            "person": (core.PERSON_NODES, core.PERSON_TIES, core.PERSON_TIES_ALL),
        }[level]

        async def read(query: Any, **params: Any) -> list[pa.RecordBatch]:
            return [b async for b in self.store.stream(query, **params)]

        if wave or at is not None:
            ties = read(edge_q, wave=wave, any_time=at is None, at=at or dt.date.today())
        else:
            ties = read(every_q)  # no filter to evaluate on every tie
        node_batches, edges = await asyncio.gather(read(node_q), ties)  # both at once
        nodes = pa.Table.from_batches(node_batches) if node_batches else pa.table({"uid": pa.array([], pa.string())})
        return Projection(nodes, edges)
