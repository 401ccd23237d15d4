"""The demo system: generate a fictional ICS and load it."""

from __future__ import annotations

from carenet.services.demo.generator import generate
from carenet.storage.repository import Progress, Repository, WriteSummary


async def load_demo(
    repo: Repository, *, seed: int = 7, systems: int = 1, progress: Progress | None = None
) -> WriteSummary:
    """Generate ``systems`` demo systems and upsert them (idempotent: loading twice changes nothing)."""
    return await repo.load(generate(seed=seed, systems=systems), progress=progress)


__all__ = ["generate", "load_demo"]
