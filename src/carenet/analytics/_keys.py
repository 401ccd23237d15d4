"""A vectorised open-addressing hash index over int64 keys (e.g. ``u * n + v`` for a tie).

``np.searchsorted`` answers membership in O(log m) random reads per query; on
millions of queries against millions of ties that dominates the brokerage and
triangle kernels. This table answers in about 1.3 reads per query at load
factor <= 0.5 (linear probing), all in numpy.
"""

from __future__ import annotations

import numpy as np

__all__ = ["KeyIndex"]

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_EMPTY = -1


class KeyIndex:
    """Map distinct non-negative int64 keys to their position in ``keys``."""

    def __init__(self, keys: np.ndarray) -> None:
        keys = np.asarray(keys, dtype=np.int64)
        self.bits = max(int(np.ceil(np.log2(max(2 * len(keys), 2)))), 4)
        self.mask = (1 << self.bits) - 1
        self.keys = np.full(1 << self.bits, _EMPTY, dtype=np.int64)
        self.values = np.full(1 << self.bits, _EMPTY, dtype=np.int64)
        pending = np.arange(len(keys))
        slots = self._home(keys)
        while len(pending):
            free = np.flatnonzero(self.keys[slots] == _EMPTY)
            # several pending keys may want one free slot: one write wins, read back which
            self.keys[slots[free]] = keys[pending[free]]
            won = free[self.keys[slots[free]] == keys[pending[free]]]
            self.values[slots[won]] = pending[won]
            losers = np.ones(len(pending), dtype=bool)
            losers[won] = False
            pending = pending[losers]
            slots = (slots[losers] + 1) & self.mask

    def _home(self, q: np.ndarray) -> np.ndarray:
        h = q.astype(np.uint64) * _GOLDEN  # wraps modulo 2**64
        return (h >> np.uint64(64 - self.bits)).astype(np.int64)

    def find(self, q: np.ndarray) -> np.ndarray:
        """Position of each query in the original ``keys``, or -1 where absent."""
        q = np.asarray(q, dtype=np.int64)
        out = np.full(len(q), _EMPTY, dtype=np.int64)
        active = np.arange(len(q))
        slots = self._home(q)
        while len(active):
            stored = self.keys[slots]
            hit = stored == q[active]
            out[active[hit]] = self.values[slots[hit]]
            more = ~hit & (stored != _EMPTY)
            active = active[more]
            slots = (slots[more] + 1) & self.mask
        return out

    def contains(self, q: np.ndarray) -> np.ndarray:
        """Whether each query is one of the keys."""
        q = np.asarray(q, dtype=np.int64)
        out = np.zeros(len(q), dtype=bool)
        slots = self._home(q)
        stored = self.keys[slots]
        hit = stored == q
        out[hit] = True
        active = np.flatnonzero(~hit & (stored != _EMPTY))
        slots = slots[active]
        while len(active):
            slots = (slots + 1) & self.mask
            stored = self.keys[slots]
            hit = stored == q[active]
            out[active[hit]] = True
            more = ~hit & (stored != _EMPTY)
            active, slots = active[more], slots[more]
        return out
