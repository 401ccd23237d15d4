"""The vectorised hash index used by the brokerage and triangle kernels."""

from __future__ import annotations

import numpy as np

from carenet.analytics._keys import KeyIndex


def test_find_and_contains_agree_with_a_python_dict():
    rng = np.random.default_rng(0)
    keys = rng.choice(10**12, size=5000, replace=False)
    index = KeyIndex(keys)
    queries = np.concatenate([keys[::3], rng.integers(0, 10**12, 4000), [0]])
    position = {k: i for i, k in enumerate(keys.tolist())}
    expected = [position.get(q, -1) for q in queries.tolist()]
    assert index.find(queries).tolist() == expected
    assert index.contains(queries).tolist() == [e >= 0 for e in expected]


def test_colliding_keys_are_all_found():
    # keys spaced by a power of two share low bits; the multiplicative hash spreads them
    keys = np.arange(0, 2**20 * 64, 2**20, dtype=np.int64)
    index = KeyIndex(keys)
    assert index.find(keys).tolist() == list(range(64))
    assert not index.contains(keys + 1).any()


def test_empty_index():
    index = KeyIndex(np.zeros(0, np.int64))
    assert index.find(np.array([1, 2])).tolist() == [-1, -1]
