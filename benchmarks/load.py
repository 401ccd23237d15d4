"""Load and read benchmark for the embedded store (prints figures; asserts nothing).

1. The 42-system demo graph: loaded through the repository's upsert path, then the same rows
   with LadybugDB's own ``COPY FROM`` (Parquet files) into an empty database, in the same run.
2. A graph of 100,000 teams and 1,000,000 ties: p50/p99 of get-by-uid and of a 2-hop
   neighbourhood (the subgraph the map draws around a team, ``depth: 2``, the ties among its
   teams included), and the time to stream the whole projection out of the store.

Targets (issue 2): upsert >= 50k rows/s; get-by-uid p50 < 1 ms; 2-hop p50 < 5 ms;
projection of 1,000,000 ties <= 2 s.

    .venv/bin/python benchmarks/load.py [--systems 42] [--teams 100000] [--ties 1000000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq

from carenet.bootstrap import SCHEMA_DIR
from carenet.domain import models as m
from carenet.domain.enums import Sector, TieKind
from carenet.domain.schema import NodeLabel
from carenet.services.demo import generate
from carenet.services.subgraph import subgraph
from carenet.storage.arrow_types import ARROW as _ARROW
from carenet.storage.ladybug import LadybugStore
from carenet.storage.migrations import migrate
from carenet.storage.queries import REGISTRY
from carenet.storage.repository import ChangeSet, Repository


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def open_store(folder: Path) -> tuple[LadybugStore, Repository]:
    store = LadybugStore.open(folder / "graph")
    await migrate(store, SCHEMA_DIR)
    return store, Repository(store)


async def copy_reference(changes: ChangeSet, folder: Path) -> tuple[int, float]:
    """Write the rows as Parquet (not timed), then time LadybugDB's COPY FROM of every file."""
    repo_for_labels = Repository(None)  # only _ops is used: labels were resolved already
    files: list[tuple[str, Path, str]] = []
    rows_total = 0
    by_table: dict[str, list[dict]] = defaultdict(list)
    for (name, params), _rows, _, _ in repo_for_labels._ops(changes):
        by_table[name] += params["rows"]
    for name, rows in by_table.items():
        upsert = REGISTRY[name].ladybug
        schema = pa.schema([(c, _ARROW[t]) for c, t in upsert.columns])
        table = pa.Table.from_pylist(
            [{k: (v.value if hasattr(v, "value") else v) for k, v in r.items()} for r in rows], schema=schema
        )
        path = folder / f"{name}.parquet"
        pq.write_table(table, path)
        files.append((name, path, upsert.create))
        rows_total += table.num_rows
    store, _ = await open_store(folder / "copy")
    started = time.perf_counter()
    for _name, path, create in files:
        head, _, options = create.partition("$rows")
        statement = head + '"' + str(path) + '"' + options
        await store.run_schema([statement])
    seconds = time.perf_counter() - started
    await store.close()
    return rows_total, seconds


async def bench_load(systems: int, folder: Path) -> None:
    started = time.perf_counter()
    changes = generate(seed=7, systems=systems)
    gen_s = time.perf_counter() - started
    rows = len(changes)
    print(f"\n== load: {systems} systems, {rows:,} rows (generated in {gen_s:.1f} s)")
    store, repo = await open_store(folder / "upsert")
    started = time.perf_counter()
    await repo.load(changes)
    upsert_s = time.perf_counter() - started
    started = time.perf_counter()
    await repo.load(changes)
    reload_s = time.perf_counter() - started
    await store.close()
    copy_rows, copy_s = await copy_reference(changes, folder)
    print(f"upsert path (validate + load): {rows:,} rows  {upsert_s:7.2f} s  {rows / upsert_s:10,.0f} rows/s")
    print(
        f"upsert again (the same rows):  {rows:,} rows  {reload_s:7.2f} s  {rows / reload_s:10,.0f} rows/s"
        "   (nodes rewritten; unchanged ties found and skipped)"
    )
    print(f"COPY FROM Parquet (reference): {copy_rows:,} rows  {copy_s:7.2f} s  {copy_rows / copy_s:10,.0f} rows/s")
    print(
        f"ratio upsert / COPY FROM: {(rows / upsert_s) / (copy_rows / copy_s):.2f}   (target: upsert >= 50,000 rows/s)"
    )


def synthetic(teams: int, ties: int, seed: int = 1) -> ChangeSet:
    rng = random.Random(seed)
    sectors = list(Sector)
    cs = ChangeSet()
    orgs = max(1, teams // 100)
    for o in range(orgs):
        cs.add_node(m.Organisation(uid=f"o{o}", name=f"Org {o}", kind="other", sector=sectors[o % len(sectors)]))
    for t in range(teams):
        cs.add_node(m.Team(uid=f"t{t}", name=f"Team {t}", sector=sectors[(t // 100) % len(sectors)]))
        cs.add_relationship(
            m.PartOf(
                uid=f"p{t}", source=f"t{t}", target=f"o{t // 100}", source_label="Team", target_label="Organisation"
            )
        )
    cs.add_node(m.SurveyWave(uid="w1", name="Wave", collected_on="2026-04-01"))
    seen = set()
    while len(seen) < ties:
        a = rng.randrange(teams)
        b = a + rng.randint(-300, 300) if rng.random() < 0.8 else rng.randrange(teams)
        if 0 <= b < teams and a != b and (a, b) not in seen:
            seen.add((a, b))
            cs.add_relationship(
                m.CollaboratesWith.model_construct(
                    uid=f"c{len(seen)}",
                    source=f"t{a}",
                    target=f"t{b}",
                    source_label="Team",
                    target_label="Team",
                    kinds=[TieKind.REFERRAL],
                    wave="w1",
                    frequency=None,
                    trust=3.0,
                    value=3.0,
                    since=None,
                    until=None,
                )
            )
    return cs


async def bench_reads(teams: int, ties: int, folder: Path) -> None:
    print(f"\n== reads: {teams:,} teams, {ties:,} ties")
    started = time.perf_counter()
    changes = synthetic(teams, ties)
    print(f"built in {time.perf_counter() - started:.1f} s")
    store, repo = await open_store(folder / "reads")
    started = time.perf_counter()
    await repo.load(changes)
    print(f"loaded {len(changes):,} rows through the upsert path in {time.perf_counter() - started:.1f} s")
    rng = random.Random(2)
    uids = [f"t{rng.randrange(teams)}" for _ in range(2000)]
    for uid in uids[:50]:  # warm up
        await repo.get(NodeLabel.TEAM, uid)
    times = []
    for uid in uids:
        t = time.perf_counter()
        await repo.get(NodeLabel.TEAM, uid)
        times.append((time.perf_counter() - t) * 1000)
    print(
        f"get team by uid (repository): p50 {pct(times, 0.5):.3f} ms  p99 {pct(times, 0.99):.3f} ms   (target p50 < 1 ms)"
    )
    times, sizes = [], []
    for uid in uids[:200]:  # what the map draws around a team: subgraph(centre:, depth: 2), no cache
        t = time.perf_counter()
        drawn = await subgraph(repo, centre=uid, depth=2, limit=2000)
        times.append((time.perf_counter() - t) * 1000)
        sizes.append(len(drawn.nodes))
    print(
        f"2-hop neighbourhood (subgraph around a team, depth 2, mean {statistics.mean(sizes):.0f} teams, with the "
        f"ties among them): p50 {pct(times, 0.5):.2f} ms  p99 {pct(times, 0.99):.2f} ms   (target p50 < 5 ms)"
    )
    t = time.perf_counter()
    projection = await repo.projection("team")
    proj_s = time.perf_counter() - t
    print(
        f"projection out of the store (Arrow): {projection.nodes.num_rows:,} nodes, {projection.edge_count:,} ties in {proj_s:.2f} s   (target <= 2 s)"
    )
    t = time.perf_counter()
    batches = [b async for b in store.stream("team_ties_all")]
    print(f"  of which the ties alone: {sum(b.num_rows for b in batches):,} in {time.perf_counter() - t:.2f} s")

    t = time.perf_counter()
    g = nx.DiGraph()
    for batch in projection.edges:
        cols = batch.to_pydict()
        g.add_edges_from(zip(cols["source"], cols["target"]))
    print(f"building a networkx DiGraph from it: {time.perf_counter() - t:.2f} s")
    await store.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--systems", type=int, default=42)
    parser.add_argument("--teams", type=int, default=100_000)
    parser.add_argument("--ties", type=int, default=1_000_000)
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--skip-reads", action="store_true")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; LadybugDB embedded; figures are wall-clock on this machine")
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_load:
            await bench_load(args.systems, Path(tmp))
        if not args.skip_reads:
            await bench_reads(args.teams, args.ties, Path(tmp))


if __name__ == "__main__":
    asyncio.run(main())
