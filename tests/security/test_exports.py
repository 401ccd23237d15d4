"""Exports safe to open in a spreadsheet: text a spreadsheet would run as a formula is quoted in
CSV exports (HTTP and CLI), graph formats and JSON keep the exact text, and an exported template
CSV imports back to the same names (on the column-at-a-time and the row-by-row paths)."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from api.conftest import running
from typer.testing import CliRunner

from carenet.api.auth import Role
from carenet.bootstrap import build
from carenet.cli.main import app
from carenet.config import Mode, Settings
from carenet.interchange import read_file, tables
from carenet.services import mutations
from security.conftest import UPSERT, camel

# (stored name, the cell a CSV export must hold); names are stripped when stored, so a leading
# tab or carriage return cannot reach an export through the store (tested on the writer below)
NAMES = [
    ('=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'),
    ("+SUM(1,2)", "'+SUM(1,2)"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("'=already quoted", "''=already quoted"),
    ("''-twice", "'''-twice"),
    ("it's = fine", "it's = fine"),
    ("Leeds - Bradford", "Leeds - Bradford"),
    ("'plain quote", "'plain quote"),
    ('Ward\r=HYPERLINK("http://x")', 'Ward\r=HYPERLINK("http://x")'),  # quoted whole: no row of its own
    ("Ward\n@SUM(1)", "Ward\n@SUM(1)"),
    ("Ward\u2028+1", "Ward\u2028+1"),
]


def graph_input() -> tuple[dict, dict]:
    """One organisation and a team per name (sectors alternate, so E-I indexes go negative),
    a person per name (role hostile too), ties in a chain."""
    nodes = {
        "systems": [{"uid": "s1-system", "name": "@system"}],
        "survey_waves": [{"uid": "w1", "name": "2025", "collected_on": "2025-05-01"}],
        "organisations": [{"uid": "o1", "name": NAMES[0][0], "kind": "nhs_trust", "sector": "health"}],
        "teams": [
            {"uid": f"t{i}", "name": name, "sector": ("health", "health", "housing")[i % 3]}
            for i, (name, _) in enumerate(NAMES)
        ],
        "people": [{"uid": f"p{i}", "name": name, "level": "team", "role": name} for i, (name, _) in enumerate(NAMES)],
    }
    rels = {
        "part_of": [{"source": "o1", "target": "s1-system"}, {"source": "w1", "target": "s1-system"}]
        + [{"source": f"t{i}", "target": "o1"} for i in range(len(NAMES))],
        "member_of": [{"source": f"p{i}", "target": f"t{i}"} for i in range(len(NAMES))],
        "collaborates_with": [
            {"source": f"t{i}", "target": f"t{i + 1}", "kinds": ["referral"], "wave": "w1"}
            for i in range(len(NAMES) - 1)
        ],
        "works_with": [
            {"source": f"p{i}", "target": f"p{i + 1}", "kinds": ["advice"], "wave": "w1"} for i in range(len(NAMES) - 1)
        ],
    }
    return nodes, rels


EXPECTED = {f"t{i}": cell for i, (_, cell) in enumerate(NAMES)}
EXACT = {f"t{i}": name for i, (name, _) in enumerate(NAMES)}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running(tmp_path_factory.mktemp("exports"), demo_data=False, mode=Mode.DEMO) as server:
        nodes, rels = graph_input()
        body = server.gql(UPSERT, {"input": camel({**nodes, **rels})})
        assert "errors" not in body, body
        yield server


def _get(server, path: str, **params) -> bytes:
    with server.client(Role.ANALYST) as c:
        r = c.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.content


def test_an_export_of_a_sector_that_is_no_sector_is_a_400_naming_it(server) -> None:
    with server.client(Role.ANALYST) as c:
        for path in ("/export/graph", "/export/metrics"):
            r = c.get(path, params=[("sector", "health"), ("sector", "group")])
            assert r.status_code == 400, (path, r.text)
            [problem] = r.json()["problems"]
            assert problem["location"] == "sector.1" and problem["value"] == "group", problem
        assert c.get("/export/graph", params={"sector": "health"}).status_code == 200


def test_http_metrics_csv_quotes_formula_text_and_keeps_numbers(server) -> None:
    rows = list(csv.DictReader(io.StringIO(_get(server, "/export/metrics", format="csv", level="team").decode())))
    assert {r["uid"]: r["name"] for r in rows} == EXPECTED
    ei = [r["ei_index"] for r in rows]
    assert any(v.startswith("-") for v in ei), ei  # a negative number is a number, not text to quote
    assert all(float(v) <= 1 for v in ei)
    people = list(csv.DictReader(io.StringIO(_get(server, "/export/metrics", format="csv", level="person").decode())))
    assert sorted(r["name"] for r in people) == sorted(EXPECTED.values())


def test_http_metrics_json_and_parquet_keep_exact_text(server) -> None:
    rows = json.loads(_get(server, "/export/metrics", format="json", level="team"))
    assert {r["uid"]: r["name"] for r in rows} == EXACT
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(_get(server, "/export/metrics", format="parquet", level="team")))
    assert dict(zip(table["uid"].to_pylist(), table["name"].to_pylist())) == EXACT


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "node-link", "cytoscape"])
def test_http_graph_formats_keep_exact_text(server, fmt: str) -> None:
    data = _get(server, "/export/graph", format=fmt, level="team")
    if fmt == "gexf":
        G = nx.read_gexf(io.BytesIO(data))
        names = {v: d["label"] for v, d in G.nodes(data=True)}
    elif fmt == "graphml":
        G = nx.read_graphml(io.BytesIO(data))
        names = {v: d["name"] for v, d in G.nodes(data=True)}
    elif fmt == "node-link":
        names = {n["id"]: n["name"] for n in json.loads(data)["nodes"]}
    else:
        names = {n["data"]["id"]: n["data"]["name"] for n in json.loads(data)["elements"]["nodes"]}
    assert names == EXACT
    if fmt in ("gexf", "graphml"):
        ET.fromstring(data)  # well-formed XML


def test_csv_writer_quotes_every_trigger_and_only_text() -> None:
    rows = [
        {"name": "\tTab", "n": -1},
        {"name": "\rCR", "n": "*"},
        {"name": "-", "n": 5},
        {"name": "a=b", "n": -0.5},
        {"name": "a\r-1", "n": 0},
    ]
    text = b"".join(tables.chunks(rows, "csv")).decode()
    got = list(csv.reader(io.StringIO(text, newline="")))
    assert got == [["name", "n"], ["'\tTab", "-1"], ["'\rCR", "*"], ["'-", "5"], ["a=b", "-0.5"], ["a\r-1", "0"]]
    assert '"a\r-1"' in text and len(text.split("\r\n")) == len(rows) + 2
    assert json.loads(b"".join(tables.chunks(rows, "json")))[0]["name"] == "\tTab"


runner = CliRunner()


def _load(folder: Path) -> None:
    async def go() -> None:
        built = await build(Settings(data_dir=folder), migrate_schema=True)
        try:
            nodes, rels = graph_input()
            await mutations.upsert(built.repo, nodes=nodes, relationships=rels)
        finally:
            await built.close()

    asyncio.run(go())


def _names(folder: Path) -> dict[str, str]:
    async def go() -> dict[str, str]:
        built = await build(Settings(data_dir=folder), migrate_schema=True)
        try:
            from carenet.domain.schema import NodeLabel

            out = {}
            for label in (NodeLabel.TEAM, NodeLabel.PERSON, NodeLabel.ORGANISATION, NodeLabel.SYSTEM):
                out |= {n.uid: (n.name, getattr(n, "role", None)) for n in await built.repo.page(label, limit=100)}
            return out
        finally:
            await built.close()

    return asyncio.run(go())


def test_cli_exports_quote_formula_text_and_template_csvs_import_back(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _load(data)
    out = tmp_path / "m.csv"
    done = runner.invoke(app, ["export", "metrics", "--out", str(out), "--data-dir", str(data)], catch_exceptions=False)
    assert done.exit_code == 0, done.stdout
    rows = list(csv.DictReader(out.open(newline="")))
    assert {r["uid"]: r["name"] for r in rows} == EXPECTED

    folder = tmp_path / "csv"
    done = runner.invoke(
        app,
        ["export", "graph", "--format", "csv", "--level", "all", "--out", str(folder), "--data-dir", str(data)],
        catch_exceptions=False,
    )
    assert done.exit_code == 0, done.stdout
    teams = {r["uid"]: r["name"] for r in csv.DictReader((folder / "teams.csv").open(newline=""))}
    assert teams == EXPECTED
    people = list(csv.DictReader((folder / "people.csv").open(newline="")))
    assert sorted(r["role"] for r in people) == sorted(EXPECTED.values())
    assert next(csv.DictReader((folder / "systems.csv").open(newline="")))["name"] == "'@system"

    # both import paths read the quote back off; the column path hands such a file to the rows
    for path in (folder / "teams.csv", folder / "people.csv"):
        row_by_row = read_file(path, columnar=False)
        assert not row_by_row.problems and not read_file(path).frames
        assert sorted(m.name for m, _ in row_by_row.items if getattr(m, "label", None) in ("Team", "Person")) == sorted(
            n for n, _ in NAMES
        )
    target = tmp_path / "target"
    done = runner.invoke(
        app, ["import", *map(str, sorted(folder.glob("*.csv"))), "--data-dir", str(target)], catch_exceptions=False
    )
    assert done.exit_code == 0, done.stdout
    assert _names(target) == _names(data)


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "node-link", "cytoscape"])
def test_a_control_character_xml_cannot_hold_is_replaced_only_in_xml(fmt: str) -> None:
    """XML 1.0 has no way to write U+0001 (not even ``&#1;``): GEXF and GraphML write U+FFFD in
    its place and stay well-formed; JSON formats keep the text exactly."""
    from carenet.interchange import graphs

    G = nx.Graph()
    G.add_node("t1", name="Ward\x01\x1f B\tC\u2028", label="Ward\x01\x1f B\tC\u2028", sector="health")
    G.add_node("t2", name="plain", label="plain", sector="health")
    G.add_edge("t1", "t2", uid="c1", kinds="referral\x0b")
    data = "".join(graphs.chunks(G, fmt)).encode()
    if fmt in ("gexf", "graphml"):
        ET.fromstring(data)  # well-formed
        H = nx.read_gexf(io.BytesIO(data)) if fmt == "gexf" else nx.read_graphml(io.BytesIO(data))
        assert H.nodes["t1"]["label" if fmt == "gexf" else "name"] == "Ward\ufffd\ufffd B\tC\u2028"
        assert next(iter(H.edges(data=True)))[2]["kinds"] == "referral\ufffd"
    else:
        doc = json.loads(data)
        nodes = doc["nodes"] if fmt == "node-link" else [n["data"] for n in doc["elements"]["nodes"]]
        assert {n["id"]: n["name"] for n in nodes}["t1"] == "Ward\x01\x1f B\tC\u2028"
