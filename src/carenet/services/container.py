"""``Services``: everything a request or a command needs, built once per process by
:func:`carenet.bootstrap.build` (the one place a store is chosen).

Requests and commands read and write through ``repo`` (given to the service functions); the store
itself is held here only for its life cycle (schema, health, backups, closing), so the API, the web
app and the CLI never touch it."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from carenet.config import Settings
from carenet.services import backups
from carenet.services.analysis import AnalysisCache
from carenet.services.metrics import MetricsKeeper
from carenet.services.reading import FileReader
from carenet.storage.migrations import SchemaStatus, migrate, status
from carenet.storage.repository import Repository
from carenet.storage.store import GraphStore


@dataclass
class Services:
    settings: Settings
    store: GraphStore
    repo: Repository
    schema_dir: Path
    analysis_cache: AnalysisCache = field(default_factory=AnalysisCache.with_process)
    """Analysis results per graph version; big graphs are analysed in a process of their own."""
    metrics: MetricsKeeper = field(default_factory=MetricsKeeper)
    reader: FileReader = field(default_factory=FileReader)
    """Reads uploads (big ones in a process of their own, started on first use)."""

    async def migrate(self) -> list[str]:
        applied = await migrate(self.store, self.schema_dir)
        return [f"{f.version:03d}_{f.name}" for f in applied]

    async def schema_status(self) -> SchemaStatus:
        return await status(self.store, self.schema_dir)

    @property
    def version(self) -> str:
        """A key that changes with every write to the store."""
        return self.repo.version

    async def ping(self) -> None:
        """Raise :class:`~carenet.errors.StorageUnavailable` when the store cannot be reached."""
        await self.store.ping()

    async def backup(self, dest: Path) -> backups.Manifest:
        """Back up the (embedded) store into the new or empty folder ``dest`` (:func:`backups.backup`)."""
        return await backups.backup(self.store, Path(dest), schema_dir=self.schema_dir)

    async def check(self) -> backups.Integrity:
        """Schema version, counts and every problem found in the store (:func:`backups.check`)."""
        return await backups.check(self.store, schema_dir=self.schema_dir)

    async def backup_every(self, root: Path, interval: dt.timedelta, *, keep: int) -> None:
        """Scheduled backups into ``root`` until cancelled (:func:`backups.every`)."""
        await backups.every(self.store, root, interval, keep=keep, schema_dir=self.schema_dir)

    async def counts(self) -> dict[str, int]:
        """How many nodes of each label and relationships of each type the store holds."""
        return await self.repo.counts()

    async def wipe(self) -> int:
        """Delete every node and relationship in the store; how many nodes there were."""
        return await self.repo.wipe()

    async def close(self) -> None:
        await asyncio.to_thread(self.reader.close)
        await asyncio.to_thread(self.analysis_cache.close)
        await self.store.close()
