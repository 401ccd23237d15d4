"""The demo system: generate a fictional ICS and load it."""

from __future__ import annotations

from carenet.services.demo.generator import generate
from carenet.storage.repository import ChangeSet, Progress, Repository, WriteSummary


async def load_demo(
    repo: Repository, *, seed: int = 7, systems: int = 1, progress: Progress | None = None
) -> WriteSummary:
    """Generate ``systems`` demo systems and upsert them (idempotent: loading twice changes nothing)."""
    return await load(repo, generate(seed=seed, systems=systems), progress=progress)


async def load(repo: Repository, changes: ChangeSet, *, progress: Progress | None = None) -> WriteSummary:
    """Upsert generated ``changes`` in bulk transactions (idempotent), calling ``progress`` with rows written."""
    return await repo.load(changes, progress=progress)


__all__ = ["generate", "load", "load_demo"]
