"""Work done in a process of its own, so a server keeps answering while it runs.

Pure Python on a worker thread still holds the GIL, and a C extension may hold it for a whole
call (igraph's community detection and betweenness do): every other request then waits for it,
at each of its own steps or for the whole call. A server therefore sends its big jobs to one
process of their own: reading big uploads (:mod:`carenet.services.reading`) and analysing big
graphs (:mod:`carenet.services.analysis`). Small jobs stay on threads, where they cost no start-up
and nothing to send across.

What crosses must be cheap to send and to take in: Arrow tables (a few buffers), plain values.
A function sent must be defined at module level (it is pickled by name).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

__all__ = ["Apart", "BrokenProcessPool"]


class Apart:
    """One worker process, started on first use and replaced after ``tasks_per_process`` jobs
    (it keeps the memory a big job took). :meth:`close` stops it. ``jobs``: how many were sent."""

    def __init__(self, *, tasks_per_process: int) -> None:
        self.tasks_per_process = tasks_per_process
        self.jobs = 0
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _started(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn, never fork: the server's process holds the store's threads and locks
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    max_tasks_per_child=self.tasks_per_process,
                )
            return self._pool

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(*args)`` in the worker process. A process that died (out of memory, killed) raises
        :class:`BrokenProcessPool` here, and the next job starts a new one."""
        pool = self._started()
        self.jobs += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(pool, fn, *args)
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    self._pool = None
            raise

    def close(self) -> None:
        """Stop the process, after the job under way if any. Waiting lets the pool close its
        queues: a server that exits without it leaves their semaphores to the resource tracker,
        which warns of leaked semaphores."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
