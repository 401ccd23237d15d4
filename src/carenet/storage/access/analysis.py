"""Reads the analyses need beside the projections (:meth:`Repository.projection`), and the
network metrics they write back (queries in :mod:`carenet.storage.queries.analysis` and
:mod:`carenet.storage.queries.core`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Sequence
from typing import Any

import pyarrow as pa

from carenet.domain.schema import NodeLabel, RelType
from carenet.storage import naming
from carenet.storage.queries import analysis as q
from carenet.storage.queries import core
from carenet.storage.store import GraphStore, Row

METRICS_BATCH = 20_000
"""Nodes per statement when network metrics are written back."""
_SET_METRICS = {"team": q.SET_TEAM_METRICS, "organisation": q.SET_ORGANISATION_METRICS, "person": q.SET_PERSON_METRICS}


class AnalysisReads:
    store: GraphStore

    @property
    def version(self) -> str:
        """A key that changes with every write to the store: cache analytics results by it."""
        return self.store.version

    async def survey_waves(self) -> list[Row]:
        """Every survey wave (``uid``, ``name``, ``collected_on``, ``system``), by collection date."""
        return await self.store.read(q.SURVEY_WAVES)

    async def place_systems(self) -> list[Row]:
        """Every place (``place``, ``name``) with the ``system`` it is part of (None: none)."""
        return await self.store.read(q.PLACE_SYSTEMS)

    async def organisation_tie_waves(self) -> set[str | None]:
        """The waves in which some tie between organisations is recorded."""
        return {r["wave"] for r in await self.store.read(core.ORGANISATION_TIE_WAVES)}

    async def team_ties_rolled_up(self, *, wave: str = "", at: dt.date | None = None) -> list[Row]:
        """Team ties as ties between their organisations (``wave``: that wave's only; ``at``: ties
        active on that date, None: any time)."""
        return await self.store.read(core.TEAM_TIES_ROLLED_UP, wave=wave, any_time=at is None, at=at or dt.date.today())

    async def pathway_steps(self) -> list[Row]:
        """Every step of every care pathway, in order, with the teams delivering it."""
        return await self.store.read(q.PATHWAY_STEPS)

    async def forum_seats(self) -> list[Row]:
        """Each forum with the organisations (and their sectors) at its table."""
        return await self.store.read(q.FORUM_SEATS)

    async def forum_person_sectors(self) -> list[Row]:
        """Each forum with the sectors of the people who sit on it."""
        return await self.store.read(q.FORUM_PERSON_SECTORS)

    async def leader_demographic_counts(self) -> list[Row]:
        """Leaders counted per (place or system, level, ethnic category, sex) cell: never one person."""
        return await self.store.read(q.LEADER_DEMOGRAPHIC_COUNTS)

    async def leader_capabilities(self) -> list[Row]:
        """Each leader's place or system, level and capabilities."""
        return await self.store.read(q.LEADER_CAPABILITIES)

    async def set_metrics(self, level: str, rows: Sequence[dict[str, Any]]) -> None:
        """Store ``betweenness``, ``brokerage``, ``constraint`` and ``community`` on the ``level``
        nodes keyed by each row's ``uid``, :data:`METRICS_BATCH` rows per statement."""
        query = _SET_METRICS[level]
        for start in range(0, len(rows), METRICS_BATCH):
            await self.store.write(query, rows=rows[start : start + METRICS_BATCH])

    async def scan(self, label: NodeLabel) -> AsyncIterator[pa.RecordBatch]:
        """Every ``label`` node with its stored properties, as Arrow record batches."""
        async for batch in self.store.stream(naming.node_scan(label)):
            yield batch

    async def scan_relationships(
        self, rel_type: RelType, source: NodeLabel, target: NodeLabel
    ) -> AsyncIterator[pa.RecordBatch]:
        """Every ``rel_type`` relationship from a ``source`` to a ``target`` node, as Arrow record batches."""
        async for batch in self.store.stream(naming.rel_scan(rel_type, source, target)):
            yield batch
