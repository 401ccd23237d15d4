"""Benchmark imports and exports. Prints figures; asserts nothing.

1. Generates N demo systems (42 is England) and writes them as template CSVs (the import layout).
2. Imports the CSV files into an empty embedded store with ``carenet import``'s code path
   (read and check every row, then write in transactions) and reports rows/s.
3. In the same run, loads the same rows into another empty store with LadybugDB's own
   ``COPY FROM`` (one CSV per node table and per relationship table and label pair).
4. Exports the graph to every format: seconds and MB.

    .venv/bin/python benchmarks/interchange.py                # 42 systems
    .venv/bin/python benchmarks/interchange.py --systems 4
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from carenet.bootstrap import build
from carenet.config import Settings
from carenet.domain.schema import NodeLabel
from carenet.interchange import graphs, tables, template_tables, write_template_data
from carenet.services import demo, exports, imports
from carenet.storage import naming
from carenet.storage.queries import REGISTRY
from carenet.storage.repository import ChangeSet


def _copy_csvs(changes, folder: Path) -> list[tuple[str, Path, int, tuple[str, str] | None]]:
    """The demo rows as one CSV per table in LadybugDB's column order (the upsert queries' columns)."""
    by_label: dict[str, list[dict]] = defaultdict(list)
    for node in changes.nodes:
        by_label[node.label].append(node.model_dump(mode="json"))
    by_pair: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for rel in changes.relationships:
        by_pair[(rel.type, rel.source_label, rel.target_label)].append(rel.model_dump(mode="json"))
    out = []
    for label, rows in by_label.items():
        cols = [c for c, _ in REGISTRY[naming.node_upsert(NodeLabel(label))].ladybug.columns]
        path = folder / f"{label}.csv"
        _write(path, cols, rows)
        out.append((label, path, len(rows), None))
    for (t, s, g), rows in by_pair.items():
        cols = [c for c, _ in REGISTRY[naming.rel_upsert(t, s, g)].ladybug.columns]
        path = folder / f"{t}_{s}_{g}.csv"
        _write(path, cols, rows)
        out.append((t, path, len(rows), (s, g)))
    return out


def _write(path: Path, cols: list[str], rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(cols)
        for r in rows:
            w.writerow(
                [
                    "[" + ",".join(v) + "]" if isinstance(v, list) else ("" if v is None else v)
                    for v in (r.get(c) for c in cols)
                ]
            )


async def main(systems: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="carenet-bench-"))
    t = time.perf_counter()
    changes = demo.generate(seed=7, systems=systems)
    print(
        f"generated {systems} systems: {len(changes.nodes):,} nodes, {len(changes.relationships):,} relationships "
        f"in {time.perf_counter() - t:.1f} s"
    )
    nodes = [n for n in changes.nodes if n.label != "Demographic"]
    rels = [r for r in changes.relationships if r.type != "DESCRIBES"]
    paths = list(write_template_data(template_tables(nodes, rels), tmp / "csv").values())
    rows = len(nodes) + len(rels)

    # --- COPY FROM of the same rows -------------------------------------------------------------
    source = await build(Settings(data_dir=tmp / "copy"), migrate_schema=True)
    same = ChangeSet(nodes=nodes, relationships=rels, node_origins=[None] * len(nodes), rel_origins=[None] * len(rels))
    await source.repo.resolve_endpoints(same)
    (tmp / "copycsv").mkdir()
    tables_ = _copy_csvs(same, tmp / "copycsv")
    conn_store = source.store
    t = time.perf_counter()
    for name, path, _, pair in sorted(tables_, key=lambda x: x[3] is not None):
        quoted = str(path)
        stmt = f'COPY {name} FROM "{quoted}" (header=true' + (f", from='{pair[0]}', to='{pair[1]}')" if pair else ")")
        await conn_store.run_schema([stmt])
    copy_s = time.perf_counter() - t
    copy_rows = sum(n for _, _, n, _ in tables_)
    await source.close()
    print(f"COPY FROM:  {copy_rows:,} rows in {copy_s:.2f} s = {copy_rows / copy_s:,.0f} rows/s")

    # --- carenet import of the template CSVs ----------------------------------------------------
    target = await build(Settings(data_dir=tmp / "import"), migrate_schema=True)
    t = time.perf_counter()
    phases: dict[str, float] = {}
    parsed = imports.read_files(paths)
    phases["read"] = time.perf_counter() - t
    checked = await imports.check(target.repo, parsed)
    phases["check"] = time.perf_counter() - t - phases["read"]
    t2 = time.perf_counter()
    plan, _ = target.repo.transactions(checked, tx_rows=imports.TX_ROWS)
    for ops, _ in plan:
        await target.store.write_batch(ops)
    phases["write"] = time.perf_counter() - t2
    import_s = time.perf_counter() - t
    print(
        f"import:     {parsed.rows:,} file rows ({rows:,} records) in {import_s:.2f} s = {rows / import_s:,.0f} records/s "
        f"(read {phases['read']:.1f} s, check {phases['check']:.1f} s, write {phases['write']:.1f} s)"
    )
    print(f"import / COPY FROM: {(rows / import_s) / (copy_rows / copy_s):.2f}x (target >= 0.5x)")

    # --- exports ------------------------------------------------------------------------------------
    out = tmp / "out"
    out.mkdir()
    t = time.perf_counter()
    G = await exports.network(target.repo, level="team")
    method = exports.add_metrics(G)
    print(
        f"team network: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges; read + metrics "
        f"({method} betweenness) {time.perf_counter() - t:.1f} s"
    )
    for fmt in graphs.FORMATS:
        t = time.perf_counter()
        size = graphs.write(G, fmt, out / f"team.{fmt}")
        print(f"  graph {fmt:<10} {time.perf_counter() - t:6.2f} s {size / 1e6:8.1f} MB")
    rows_out = exports.node_table(G)
    for fmt in tables.FORMATS:
        t = time.perf_counter()
        size = tables.write(rows_out, fmt, out / f"metrics.{fmt}")
        print(f"  metrics {fmt:<8} {time.perf_counter() - t:6.2f} s {size / 1e6:8.1f} MB")
    t = time.perf_counter()
    full = await exports.full_graph(target.repo)
    read_s = time.perf_counter() - t
    t = time.perf_counter()
    size = graphs.write(full, "node-link", out / "all.json")
    print(
        f"  all levels node-link: read {read_s:.2f} s, write {time.perf_counter() - t:.2f} s, {size / 1e6:.1f} MB "
        f"({full.number_of_nodes():,} nodes, {full.number_of_edges():,} edges)"
    )
    await target.close()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--systems", type=int, default=42)
    asyncio.run(main(parser.parse_args().systems))
