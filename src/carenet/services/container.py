"""``Services``: everything a request or a command needs, built once per process by
:func:`carenet.bootstrap.build` (the one place a store is chosen)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from carenet.config import Settings
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
    analysis_cache: AnalysisCache = field(default_factory=AnalysisCache)
    metrics: MetricsKeeper = field(default_factory=MetricsKeeper)
    reader: FileReader = field(default_factory=FileReader)
    """Reads uploads (big ones in a process of their own, started on first use)."""

    async def migrate(self) -> list[str]:
        applied = await migrate(self.store, self.schema_dir)
        return [f"{f.version:03d}_{f.name}" for f in applied]

    async def schema_status(self) -> SchemaStatus:
        return await status(self.store, self.schema_dir)

    async def close(self) -> None:
        self.reader.close()
        await self.store.close()
