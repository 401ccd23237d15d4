"""Exports against the real embedded store, and the round trip of the demo system.

The round trip compares every node and relationship with all its properties, except the
special-category Demographic records (and their DESCRIBES links): exports never carry them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carenet.bootstrap import build
from carenet.config import Settings
from carenet.interchange import graphs, tables, template_tables, write_template_data
from carenet.services import demo, exports, imports


async def everything(repo) -> tuple[dict, dict]:
    nodes, rels = await exports.full_records(repo)
    node_rows = {(label.value, r["uid"]): r for label, rows in nodes.items() for r in rows}
    rel_rows = {(t.value, r["uid"]): r for t, _, _, rows in rels for r in rows}
    return node_rows, rel_rows


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory) -> tuple[Path, dict, dict]:
    """The demo system, loaded once and exported as template CSVs and node-link JSON."""
    import asyncio

    folder = tmp_path_factory.mktemp("demo")

    async def go():
        built = await build(Settings(data_dir=folder / "source"), migrate_schema=True)
        try:
            await demo.load_demo(built.repo, seed=7, systems=1)
            nodes, rels = await exports.full_models(built.repo)
            write_template_data(template_tables(nodes, rels), folder / "csv")
            graphs.write(await exports.full_graph(built.repo), "node-link", folder / "graph.json")
            counts = await built.repo.counts()
            return (*await everything(built.repo), counts)
        finally:
            await built.close()

    node_rows, rel_rows, counts = asyncio.run(go())
    assert counts["Demographic"] > 0
    return folder, node_rows, rel_rows


@pytest.mark.parametrize("source", ["csv", "csv row by row", "node-link"])
async def test_demo_round_trip_gives_the_same_graph(demo_export, source: str, tmp_path: Path) -> None:
    folder, node_rows, rel_rows = demo_export
    paths = sorted((folder / "csv").glob("*.csv")) if source.startswith("csv") else [folder / "graph.json"]
    if source == "csv":  # the big files take the column path
        read = imports.read_files(paths)
        assert {f.model.__name__ for f in read.frames} >= {
            "Team",
            "Person",
            "WorksWith",
            "CollaboratesWith",
            "MemberOf",
        }
    built = await build(Settings(data_dir=tmp_path / "target"), migrate_schema=True)
    try:
        await imports.import_files(built.repo, paths, columnar=source != "csv row by row")
        got_nodes, got_rels = await everything(built.repo)
        assert got_nodes == node_rows
        assert got_rels == rel_rows
        counts = await built.repo.counts()
        assert "Demographic" not in counts and "DESCRIBES" not in counts
    finally:
        await built.close()


def test_exports_carry_no_ethnicity_or_sex(demo_export) -> None:
    folder, _, _ = demo_export
    doc = json.loads((folder / "graph.json").read_text())
    assert not any("ethnic_category" in n or "sex" in n or n["type"] == "Demographic" for n in doc["nodes"])
    assert not any(e["type"] == "DESCRIBES" for e in doc["edges"])
    assert "ethnic_category" not in (folder / "csv" / "people.csv").read_text().splitlines()[1]


async def test_filtered_metrics_and_suppressed_person_groups(repo, tmp_path: Path) -> None:
    await demo.load_demo(repo, seed=7, systems=1)
    where = exports.GraphFilter(place="s1-place-3", sectors=("housing", "health"), wave="s1-wave-2026")
    G = await exports.export_graph(repo, level="team", where=where)
    assert G.number_of_nodes() > 0
    assert {d["place"] for _, d in G.nodes(data=True)} == {"s1-place-3"}
    assert {d["sector"] for _, d in G.nodes(data=True)} == {"housing", "health"}
    assert {d["wave"] for _, _, d in G.edges(data=True)} == {"s1-wave-2026"}
    # planted housing silo: no housing-health tie in place 3
    assert not any({G.nodes[u]["sector"], G.nodes[v]["sector"]} == {"housing", "health"} for u, v in G.edges())
    rows = await exports.export_metrics(repo, level="team", per="node", where=where)
    assert {"betweenness", "community", "ei_index", "degree"} <= set(rows[0])
    groups = await exports.export_metrics(repo, level="person", per="group", by=("organisation",))
    counts = [r["nodes"] for r in groups]
    assert all(c == "*" or (isinstance(c, int) and c % 5 == 0) for c in counts) and "*" in counts
    assert all(r["mean_degree"] is None for r in groups if r["nodes"] == "*")
    tables.write(groups, "json", tmp_path / "g.json")
    assert json.loads((tmp_path / "g.json").read_text())[0]["group_by"] == "organisation"
