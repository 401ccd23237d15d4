"""Reads and writes of records: a person's own data (subject access, erasure), the anchors that
place a node in a system, organisations by ODS code, deletes, planned imports and the wipe
(queries in :mod:`carenet.storage.queries.mutations`, :mod:`carenet.storage.queries.culture`,
:mod:`carenet.storage.queries.core` and the generated CRUD queries)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from carenet.domain.models import Relationship
from carenet.domain.schema import NodeLabel, RelType
from carenet.storage import naming
from carenet.storage.queries import core
from carenet.storage.queries import culture as culture_q
from carenet.storage.queries import mutations as q
from carenet.storage.store import GraphStore, Op, Row


class RecordAccess:
    store: GraphStore

    async def anchors_of(self, uids: Sequence[str]) -> list[Row]:
        """For each node keyed by one of ``uids``: its ``label`` and each ``parent`` (with
        ``parent_label``) an anchor relationship places it under (:mod:`carenet.services.scope`)."""
        return await self.store.read(q.ANCHORS_OF, uids=list(uids))

    async def organisations_by_ods_code(self, codes: Sequence[str]) -> list[Row]:
        """The stored organisations (``uid``, ``ods_code``) holding one of ``codes``."""
        return await self.store.read(culture_q.ORGANISATIONS_BY_ODS_CODE, codes=list(codes))

    async def subject_access_demographic(self, uid: str) -> list[Row]:
        """The person's demographic record (special-category data: for subject access only)."""
        return await self.store.read(q.SUBJECT_ACCESS_DEMOGRAPHIC, uid=uid)

    async def subject_access_relationships(self, uid: str) -> list[Row]:
        """Every relationship the person has, with its properties, ``type``, ``direction`` and ``other`` end."""
        return await self.store.read(q.SUBJECT_ACCESS_RELATIONSHIPS, uid=uid)

    async def erase_person(self, uid: str) -> None:
        """Delete the person, their demographic record and every relationship either has (one transaction)."""
        await self.store.write_batch(
            [
                (naming.node_delete(NodeLabel.DEMOGRAPHIC), {"uids": [uid]}),
                (naming.node_delete(NodeLabel.PERSON), {"uids": [uid]}),
            ]
        )

    async def delete_node_sets(self, found: Mapping[NodeLabel, Sequence[str]]) -> None:
        """Delete the nodes of every label in ``found`` with every relationship they have, and the
        demographic records of the people among them, in one transaction."""
        ops: list[Op] = []
        for label, uids in found.items():
            if uids:
                ops.append((naming.node_delete(label), {"uids": uids}))
                if label is NodeLabel.PERSON:
                    ops.append((naming.node_delete(NodeLabel.DEMOGRAPHIC), {"uids": uids}))
        if ops:
            await self.store.write_batch(ops)

    async def delete_resolved(self, rels: Iterable[Relationship]) -> None:
        """Delete relationships whose endpoint labels are filled in, in one transaction."""
        groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
        for rel in rels:
            groups[(RelType(rel.type), NodeLabel(rel.source_label), NodeLabel(rel.target_label))].append(
                {"uid": rel.uid, "source": rel.source, "target": rel.target}
            )
        if groups:
            await self.store.write_batch([(naming.rel_delete(*key), {"rows": rows}) for key, rows in groups.items()])

    async def write_transaction(self, ops: Sequence[Op]) -> None:
        """Run one transaction of a plan from :meth:`Repository.transactions`: all of it, or none."""
        await self.store.write_batch(ops)

    async def wipe(self) -> int:
        """Delete every node and relationship, 10,000 nodes per transaction; how many nodes."""
        total = 0
        while True:
            rows = await self.store.write(core.WIPE_BATCH)
            deleted = int(rows[0]["deleted"]) if rows else 0
            total += deleted
            if deleted == 0:
                return total
