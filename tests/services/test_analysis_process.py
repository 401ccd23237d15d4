"""Big graphs are built and analysed in the analysis process (:mod:`carenet.services.apart`): the
answer must be the thread's, byte for byte, on generated graphs unlike the demo (two systems, an
organisation in two places, organisations in no place, two waves, repeated ties), at every level
and for a place, a system and a sector scope; the stored metrics too. And a process that dies is
replaced, its job failing alone."""

from __future__ import annotations

import os

import pytest
from test_subgraph_fast import generated

from carenet.domain.enums import Level
from carenet.domain.schema import NodeLabel
from carenet.services import analysis
from carenet.services.analysis import AnalysisCache
from carenet.services.apart import Apart, BrokenProcessPool
from carenet.services.demo import load_demo
from carenet.services.graphs import Scope
from carenet.storage.repository import ChangeSet

SCOPES = [
    Scope(level=Level.TEAM),
    Scope(level=Level.TEAM, place="pl2"),
    Scope(level=Level.TEAM, system="sys-b", wave="w1"),
    Scope(level=Level.TEAM, sectors=("health", "housing"), network="both"),
    Scope(level=Level.ORGANISATION),
    Scope(level=Level.ORGANISATION, network="directed"),
]


@pytest.fixture
async def apart():
    made = Apart(tasks_per_process=4)
    try:
        yield made
    finally:
        made.close()


async def stored_metrics(repo, level: Level) -> dict:
    out = {}
    for uid in (await repo.projection(level.value)).nodes.column("uid").to_pylist():
        node = await repo.get(NodeLabel(level.label), uid)
        out[uid] = (node.betweenness, node.brokerage, node.constraint, node.community)
    return out


@pytest.mark.parametrize("seed", [3, 11])
async def test_the_process_gives_the_threads_overview(repo, apart, seed):
    changes: ChangeSet = generated(seed, teams=150, orgs=14, ties=700)
    await repo.apply(changes)
    for scope in SCOPES:
        here = await analysis.overview(repo, scope=scope, cache=AnalysisCache())
        before = apart.jobs
        there = await analysis.overview(repo, scope=scope, cache=AnalysisCache(apart=apart, apart_size=0))
        assert apart.jobs == before + 1, "the process path was not taken"
        assert there == here, scope
        if not scope.place and not scope.system and scope.network != "both":
            assert here["names"] and here["communities"] and any(here["betweenness"].values()), scope


async def test_the_process_writes_the_threads_metrics(repo, apart):
    await repo.apply(generated(5, teams=140, orgs=12, ties=650))
    for level in (Level.TEAM, Level.ORGANISATION):
        scope = Scope(level=level, network="either")
        await analysis.write_metrics(repo, scope=scope, cache=AnalysisCache())
        here = await stored_metrics(repo, level)
        await repo.set_metrics(
            level,
            [{"uid": u, "betweenness": None, "brokerage": None, "constraint": None, "community": None} for u in here],
        )
        assert set((await stored_metrics(repo, level)).values()) == {(None, None, None, None)}
        cache = AnalysisCache(apart=apart, apart_size=0)
        before = apart.jobs
        written = await analysis.write_metrics(repo, scope=scope, cache=cache)
        assert apart.jobs == before + 1 and written == len(here)
        assert await stored_metrics(repo, level) == here
        assert any(v[0] for v in here.values()) and all(v[3] is not None for v in here.values())
        # the overview the metrics came from is kept for the map, and is the overview's own answer
        kept = await analysis.overview(repo, scope=scope, cache=cache)
        assert apart.jobs == before + 1, "the overview was computed again instead of kept"
        assert kept == await analysis.overview(repo, scope=scope, cache=AnalysisCache())


async def test_small_graphs_stay_on_a_thread(repo, apart):
    await load_demo(repo, seed=7)
    cache = AnalysisCache(apart=apart)  # the default threshold: the demo's team network is far below it
    found = await analysis.overview(repo, cache=cache)
    assert apart.jobs == 0 and found["communities"]


def _die() -> None:
    os._exit(3)


async def test_a_process_that_dies_fails_its_job_alone_and_is_replaced(apart):
    with pytest.raises(BrokenProcessPool):
        await apart.run(_die)
    assert await apart.run(os.getpid) != os.getpid()
