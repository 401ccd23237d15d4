"""The demo's counts, taken from its generator, never written into a test as literals: a change to
the generator then moves what the tests expect with it (the demo is not an oracle, only data)."""

from __future__ import annotations

from collections import Counter
from functools import cache

from carenet.services.demo import generate


@cache
def demo_counts(*, systems: int = 1, seed: int = 7) -> Counter:
    """Nodes of each label that ``load_demo(repo, seed=seed, systems=systems)`` writes."""
    return Counter(
        node.label for node in {(n.label, n.uid): n for n in generate(seed=seed, systems=systems).nodes}.values()
    )


def demo_teams(*, systems: int = 1) -> int:
    return demo_counts(systems=systems)["Team"]
