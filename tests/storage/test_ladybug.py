"""The embedded store's process and concurrency rules (DESIGN.md: measured in LadybugDB 0.22)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time

import pytest

from carenet.domain import models as m
from carenet.domain.schema import NodeLabel
from carenet.errors import StorageUnavailable
from carenet.storage.ladybug import LadybugStore
from carenet.storage.repository import ChangeSet

HOLD = """
import sys, time, ladybug
db = ladybug.Database(sys.argv[1])
print("held", flush=True)
time.sleep(60)
"""


def test_a_second_process_gets_a_clear_message_naming_the_holder(tmp_path):
    path = tmp_path / "graph"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StorageUnavailable) as err:
            LadybugStore.open(path)
        assert f"held by process {holder.pid}" in err.value.message
        assert "--server" in (err.value.suggestion or "")
    finally:
        holder.kill()
        holder.wait()


async def test_concurrent_writes_are_serialised_not_failed(repo):
    async def write(i: int) -> None:
        cs = ChangeSet()
        cs.add_node(m.Team(uid=f"t{i}", name=f"Team {i}", sector="health"))
        await repo.apply(cs)

    await asyncio.gather(*(write(i) for i in range(40)))
    assert await repo.count(NodeLabel.TEAM) == 40


async def test_reads_run_while_a_write_is_in_flight(repo):
    cs = ChangeSet()
    for i in range(20_000):
        cs.add_node(m.Team(uid=f"t{i}", name=f"Team {i}", sector="health"))
    writing = asyncio.create_task(repo.load(cs, tx_rows=2_000))
    counts = []
    while not writing.done():
        counts.append(await repo.count(NodeLabel.TEAM))
        await asyncio.sleep(0)
    await writing
    assert await repo.count(NodeLabel.TEAM) == 20_000
    assert counts == sorted(counts)  # committed batches only ever add


KILLED = """
import asyncio, sys
from pathlib import Path
from carenet.domain import models as m
from carenet.storage.ladybug import LadybugStore
from carenet.storage.repository import ChangeSet, Repository
from carenet.storage.migrations import migrate

async def main():
    store = LadybugStore.open(Path(sys.argv[1]))
    await migrate(store, Path(sys.argv[2]))
    repo = Repository(store)
    first = ChangeSet()
    first.add_node(m.Team(uid="committed", name="Committed", sector="health"))
    await repo.apply(first)
    print("committed", flush=True)
    await asyncio.sleep(60)

asyncio.run(main())
"""


async def test_committed_writes_survive_kill_9(tmp_path):
    from carenet.bootstrap import SCHEMA_DIR

    path = tmp_path / "graph"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED, str(path), str(SCHEMA_DIR)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "committed"
    finally:
        os.kill(proc.pid, 9)
        proc.wait()
    time.sleep(0.2)
    store = LadybugStore.open(path)
    try:
        from carenet.storage.repository import Repository

        assert (await Repository(store).get(NodeLabel.TEAM, "committed")).name == "Committed"
    finally:
        await store.close()


def _ties(teams: int, ties: int, *, trust: float | None) -> ChangeSet:
    cs = ChangeSet()
    cs.add_node(m.SurveyWave(uid="w1", name="Wave 1", collected_on="2026-04-01"))
    for t in range(teams):
        cs.add_node(m.Team(uid=f"t{t}", name=f"Team {t}", sector="health"))
    for i in range(ties):
        a, b = i % teams, (i % teams + 1 + i // teams) % teams  # distinct pairs, no loops
        cs.add_relationship(
            m.CollaboratesWith(
                uid=f"c{i}",
                source=f"t{a}",
                target=f"t{b}",
                kinds=["referral"],
                wave="w1",
                trust=trust,
            )
        )
    return cs


async def test_relationship_upserts_stay_within_a_small_buffer_pool(tmp_path):
    """LadybugDB 0.22 pins ~8 KB of buffer pool per row of ``LOAD FROM`` + a relationship pattern and
    never frees it; the store must not use that shape. 12,000 ties upserted four times (new, all
    changed, unchanged, all cleared) pass 48,000 rows through it: ~380 MB pinned that way, past 96 MB."""
    from carenet.bootstrap import SCHEMA_DIR
    from carenet.storage.migrations import migrate
    from carenet.storage.repository import Repository

    store = LadybugStore.open(tmp_path / "graph", buffer_pool_mb=96)
    try:
        await migrate(store, SCHEMA_DIR)
        repo = Repository(store)
        for trust in (2.0, 4.0, 4.0):
            await repo.load(_ties(2_000, 12_000, trust=trust), tx_rows=6_000)
        rows = await store.read("counts_by_rel_type")
        assert {r["type"]: r["count"] for r in rows}["COLLABORATES_WITH"] == 12_000
        ties = await repo.related("ties_of_team", ["t5"])  # both directions, as the API reads them
        assert ties and all(t["trust"] == 4.0 for t in ties)
        await repo.load(_ties(2_000, 12_000, trust=None), tx_rows=6_000)  # an all-null column still updates
        ties = await repo.related("ties_of_team", ["t5"])  # both directions, as the API reads them
        assert ties and all(t["trust"] is None for t in ties)
    finally:
        await store.close()


async def test_per_key_related_queries_give_what_the_in_list_gives(repo, monkeypatch):
    """``ladybug_each`` (one query per key, for a few keys) must return exactly the ``IN $uids`` rows."""
    import re

    from carenet.services.demo import generate
    from carenet.storage import ladybug as embedded
    from carenet.storage.queries import REGISTRY

    await repo.load(generate(seed=7, systems=1))
    keyed = [q for q in REGISTRY.values() if q.ladybug_each]
    assert len(keyed) >= 8
    each_max = embedded.EACH_MAX
    for query in keyed:
        label = NodeLabel(re.search(r"\(a:(\w+)\)", query.cypher).group(1))
        uids = [n.uid for n in await repo.page(label, limit=400)][::40] + ["no-such-uid"]
        assert len(uids) <= each_max
        by_key = await repo.store.read(query, uids=uids)
        monkeypatch.setattr(embedded, "EACH_MAX", 0)
        by_list = await repo.store.read(query, uids=uids)
        monkeypatch.setattr(embedded, "EACH_MAX", each_max)
        key = lambda r: sorted((k, str(v)) for k, v in r.items())  # noqa: E731
        assert by_list, query.name
        assert sorted(by_key, key=key) == sorted(by_list, key=key), query.name


async def test_look_ups_by_key_run_on_a_connection_of_one_thread(repo, monkeypatch):
    """``by_key`` queries and the per-key texts go to each reader's one-thread connection; the
    rest (scans, many keys) to its connection of every core. The rows are the same either way."""
    from carenet.services.demo import generate
    from carenet.storage import ladybug as embedded
    from carenet.storage.queries import pages

    await repo.load(generate(seed=7, systems=1))
    store = repo.store
    uids = [n.uid for n in await repo.page(NodeLabel.TEAM, limit=40)]
    used: list[int] = []
    inner = embedded.LadybugStore._conn

    def spy(self, *, serial=False):  # the real connection, with its thread count noted
        conn = inner(self, serial=serial)
        used.append(conn.num_threads)
        return conn

    monkeypatch.setattr(embedded.LadybugStore, "_conn", spy)
    by_uids = await store.read(pages.BY_UIDS["Team"], uids=uids[:3])
    ties_few = await store.read(pages.RELATED_TIES_OF_TEAMS, uids=uids[:2])
    ties_many = await store.read(pages.RELATED_TIES_OF_TEAMS, uids=uids[: embedded.EACH_MAX + 1])
    await store.read(pages.COUNT_ALL["Team"])
    assert used == [1, 1, 0, 0]
    assert sorted(r["uid"] for r in by_uids) == sorted(uids[:3])
    key = lambda r: (r["key"], r["tie"])  # noqa: E731
    assert sorted(ties_few, key=key) == sorted([r for r in ties_many if r["key"] in uids[:2]], key=key)
    assert ties_few


async def test_a_look_up_by_one_key_runs_on_the_callers_thread_and_the_rest_on_reader_threads(repo, monkeypatch):
    """INLINE_KEYS: a ``by_key`` query or a ``ladybug_each`` text for one key runs on the event
    loop's own thread; for more keys, and every other read, on a reader thread. The rows are the
    same either way, and a closed store says so on both paths."""
    from carenet.services.demo import generate
    from carenet.storage import ladybug as embedded
    from carenet.storage.queries import pages

    await repo.load(generate(seed=7, systems=1))
    store = repo.store
    teams = [n.uid for n in await repo.page(NodeLabel.TEAM, limit=40)]
    tied = sorted({r["key"] for r in await store.read(pages.RELATED_TIES_OF_TEAMS, uids=teams)})[:3]
    assert len(tied) == 3
    here = threading.get_ident()
    on_loop: list[bool] = []
    inner = embedded.LadybugStore._run

    def spy(self, query, params):  # the real read, with the thread it ran on noted
        on_loop.append(threading.get_ident() == here)
        return inner(self, query, params)

    monkeypatch.setattr(embedded.LadybugStore, "_run", spy)
    one = await store.read(pages.BY_UIDS["Team"], uids=tied[:1])
    ties_one = await store.read(pages.RELATED_TIES_OF_TEAMS, uids=tied[:1])
    three = await store.read(pages.BY_UIDS["Team"], uids=tied)
    ties_three = await store.read(pages.RELATED_TIES_OF_TEAMS, uids=tied)
    await store.read(pages.COUNT_ALL["Team"])
    assert on_loop == [True, True, False, False, False]
    assert one == [r for r in three if r["uid"] == tied[0]] and one
    key = lambda r: (r["key"], r["tie"])  # noqa: E731
    assert sorted(ties_one, key=key) == sorted([r for r in ties_three if r["key"] == tied[0]], key=key) and ties_one
    monkeypatch.setattr(store, "_closed", True)
    for uids in (tied[:1], tied):
        with pytest.raises(StorageUnavailable):
            await store.read(pages.BY_UIDS["Team"], uids=uids)


async def test_reader_threads_hand_back_errors_survive_cancelled_reads_and_finish_on_close(tmp_path, monkeypatch):
    """The reader threads (``ReaderThreads``): an error comes back to its caller as itself; a read
    whose caller gave up does not break the next one, nor the event loop; close lets a read that
    has started finish, and a read after close gets StorageUnavailable."""
    from carenet.storage.queries import Query

    store = LadybugStore.open(tmp_path / "graph", read_threads=2)
    loop_errors: list[dict] = []
    asyncio.get_running_loop().set_exception_handler(lambda loop, context: loop_errors.append(context))
    with pytest.raises(RuntimeError):
        await store.read(Query("bad", "RETURN nonsense("))  # LadybugDB's own parser error
    assert await store.read(Query("one", "RETURN 1 AS one")) == [{"one": 1}]

    inner = LadybugStore._run

    def slow_run(self, query, params):  # fault injection: a read that takes its time
        time.sleep(0.3)
        return inner(self, query, params)

    monkeypatch.setattr(LadybugStore, "_run", slow_run)
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(store.read(Query("two", "RETURN 2 AS two")), timeout=0.05)
    started = asyncio.ensure_future(store.read(Query("three", "RETURN 3 AS three")))
    await asyncio.sleep(0.1)  # on its thread now
    monkeypatch.setattr(LadybugStore, "_run", inner)
    assert await store.read(Query("four", "RETURN 4 AS four")) == [{"four": 4}]
    await store.close()
    assert await started == [{"three": 3}]
    with pytest.raises(StorageUnavailable):
        await store.read(Query("five", "RETURN 5 AS five"))
    await asyncio.sleep(0.3)  # the abandoned read's answer has come back by now
    assert loop_errors == []
