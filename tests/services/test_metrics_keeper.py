"""The stored metrics' keeper: a read of a level whose metrics are current does not wait for
another level's recomputation (the map's team view used to wait seconds for the leaders' level
on a big graph); a stale level is recomputed once, however many readers ask."""

from __future__ import annotations

import asyncio

from carenet.domain.enums import Level
from carenet.services.demo import load_demo
from carenet.services.metrics import MetricsKeeper


async def test_a_current_level_does_not_wait_for_another_levels_work(repo):
    await load_demo(repo, seed=7)
    keeper = MetricsKeeper()
    at = await keeper.ensure(repo, Level.TEAM)
    assert keeper.is_current(repo, Level.TEAM)
    async with keeper._lock():  # another level's recomputation under way (our own class's lock)
        again = await asyncio.wait_for(keeper.ensure(repo, Level.TEAM), timeout=5)
        assert again == at
        stale = asyncio.create_task(keeper.ensure(repo, Level.PERSON))
        await asyncio.sleep(0.05)
        assert not stale.done()  # a stale level waits its turn
    assert await asyncio.wait_for(stale, timeout=60) is not None
    assert keeper.is_current(repo, Level.PERSON) and keeper.is_current(repo, Level.TEAM)


async def test_readers_of_a_stale_level_share_one_recomputation(repo):
    await load_demo(repo, seed=7)
    keeper = MetricsKeeper()
    first, second = await asyncio.gather(keeper.ensure(repo, Level.TEAM), keeper.ensure(repo, Level.TEAM))
    assert first == second
