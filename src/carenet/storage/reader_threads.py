"""Reader threads of the embedded store: read calls from one queue, each call's asyncio future
settled straight from its thread (see :class:`ReaderThreads`)."""

from __future__ import annotations

import asyncio
import queue
import threading
import weakref
from typing import Any


def _settle(future: asyncio.Future, result: Any, error: BaseException | None) -> None:
    if not future.cancelled():
        if error is None:
            future.set_result(result)
        else:
            future.set_exception(error)


def _stop(calls: queue.SimpleQueue, threads: list[threading.Thread]) -> None:
    for _ in threads:
        calls.put(None)
    for thread in threads:
        thread.join()


class ReaderThreads:
    """Threads taking read calls from one queue; each call's asyncio future is settled straight
    from its thread with ``call_soon_threadsafe``.

    ``run_in_executor`` makes a ``concurrent.futures.Future`` per call (with its condition and
    lock) and chains it to an asyncio future; on this project's machines a bare call through it
    took markedly longer than through this, under uvloop and under asyncio's own loop (reads through
    these threads are timed by ``benchmarks/api.py``). A look-up by one key does not come here at all
    (``carenet.storage.ladybug.INLINE_KEYS``).
    :meth:`shutdown` lets the calls already queued finish; it also runs when the process ends
    (before Python tears itself down), and the threads are daemons, so a store never closed does
    not keep a process alive.
    """

    def __init__(self, count: int, name: str) -> None:
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._threads = [threading.Thread(target=self._work, name=f"{name}_{i}", daemon=True) for i in range(count)]
        for thread in self._threads:
            thread.start()
        self._stop = weakref.finalize(self, _stop, self._queue, self._threads)

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            loop, future, fn, args = item
            try:
                result, error = fn(*args), None
            except BaseException as exc:  # noqa: BLE001 - handed to the caller, whatever it is
                result, error = None, exc
            try:
                loop.call_soon_threadsafe(_settle, future, result, error)
            except RuntimeError:  # the caller's loop has closed: nobody is waiting
                pass
            del item, future, result, error  # not kept alive while the thread waits for the next call

    async def run(self, fn, *args):
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._queue.put((loop, future, fn, args))
        return await future

    def shutdown(self) -> None:
        self._stop()
