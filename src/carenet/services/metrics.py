"""Stored network metrics (betweenness, brokerage, constraint, community) kept current.

The API sorts and sizes nodes by metrics stored on them. Whatever changes the graph (a mutation,
an import, an erase, ``generate``, the demo, another process) makes them stale; this module
recomputes them before they are read:

* :meth:`MetricsKeeper.ensure` is awaited by every read that uses them (ordering by a metric,
  ``metrics`` or ``metricsComputedAt`` selected, ``subgraph(sizeBy: BETWEENNESS/BROKERAGE)``): it
  recomputes one level when the store has changed since that level was computed, so such a read
  never sees metrics older than the graph it reads.
* :meth:`MetricsKeeper.run_in_background` (started by the server's lifespan) watches the store's
  version and, once writes have paused for ``debounce_s``, recomputes every level, so a read after
  a large write usually finds the work done; then it draws the map's first view (the whole system
  overview) into the cache, so the map's first visitor after a write does not wait for it either.

Metrics are computed on the ``either`` network (:mod:`carenet.analytics.networks`). Each
recomputation of a level writes its rows with one ``set_*_metrics`` statement per 20,000 nodes
(an UNWIND/``LOAD FROM`` with MATCH/SET, never COPY). A store opened afresh has no record of when
its metrics were computed, so the first read that needs them recomputes them.

Known window: a write that lands while a level is being recomputed, after its graph was read, is
not seen until the next write changes the version again.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging

from carenet.domain.enums import Level
from carenet.services.analysis import AnalysisCache, write_metrics
from carenet.services.graphs import Scope
from carenet.services.overview import system_overview
from carenet.storage.repository import Repository

log = logging.getLogger(__name__)

METRIC_ORDERS = ("betweenness", "brokerage", "constraint")
NETWORK = "either"


class MetricsKeeper:
    """When each level's stored metrics were computed, and for which store version."""

    def __init__(self, *, debounce_s: float = 1.0) -> None:
        self.debounce_s = debounce_s
        self._state: dict[str, tuple[str, dt.datetime]] = {}
        self._locks: dict[asyncio.AbstractEventLoop, asyncio.Lock] = {}

    def _lock(self) -> asyncio.Lock:
        """One lock per event loop (a test builds the services in one loop and serves in another)."""
        return self._locks.setdefault(asyncio.get_running_loop(), asyncio.Lock())

    def computed_at(self, level: str) -> dt.datetime | None:
        found = self._state.get(level)
        return found[1] if found else None

    def is_current(self, repo: Repository, level: str) -> bool:
        found = self._state.get(level)
        return found is not None and found[0] == repo.version

    async def ensure(self, repo: Repository, level: str, *, cache: AnalysisCache | None = None) -> dt.datetime:
        """Recompute ``level``'s stored metrics unless they match the store; when they were computed."""
        level = Level.of(level)
        found = self._state.get(level)
        if found is not None and found[0] == repo.version:  # current: no wait for another level's work
            return found[1]
        async with self._lock():  # one recomputation at a time; a second reader waits for the first
            before = repo.version
            found = self._state.get(level)
            if found is not None and found[0] == before:
                return found[1]
            await write_metrics(repo, scope=Scope(level=level, network=NETWORK), cache=cache)
            after = repo.version
            # our own write changed the version: levels that were current stay current
            for other, (version, at) in list(self._state.items()):
                if version == before:
                    self._state[other] = (after, at)
            now = dt.datetime.now(dt.UTC)
            self._state[level] = (after, now)
            return now

    async def ensure_all(self, repo: Repository, *, cache: AnalysisCache | None = None) -> None:
        for level in Level:
            await self.ensure(repo, level, cache=cache)

    async def run_in_background(
        self, repo: Repository, *, cache: AnalysisCache | None = None, poll_s: float = 0.25
    ) -> None:
        """Until cancelled: after the store's version has stayed put for ``debounce_s``, bring every
        level up to date. Errors are logged, not raised (the next read recomputes anyway)."""
        seen, since = repo.version, asyncio.get_running_loop().time()
        while True:
            await asyncio.sleep(poll_s)
            version, now = repo.version, asyncio.get_running_loop().time()
            if version != seen:
                seen, since = version, now
                continue
            if now - since < self.debounce_s or all(self.is_current(repo, lv) for lv in Level):
                continue
            try:
                await self.ensure_all(repo, cache=cache)
                if cache is not None:
                    await system_overview(repo, cache=cache)
            except Exception:  # noqa: BLE001 - a background refresh must not kill the server
                log.exception("recomputing the stored network metrics failed")
            seen, since = repo.version, asyncio.get_running_loop().time()

    @contextlib.asynccontextmanager
    async def background(self, repo: Repository, *, cache: AnalysisCache | None = None):
        """``async with keeper.background(repo):`` runs :meth:`run_in_background` for the block."""
        task = asyncio.create_task(self.run_in_background(repo, cache=cache))
        try:
            yield task
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
