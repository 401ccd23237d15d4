"""The real readers open what carenet writes: networkx and igraph (GEXF, GraphML), pyarrow
(Parquet), cytoscape.js under Node (Cytoscape JSON), with the node and edge counts and attributes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import igraph as ig
import networkx as nx
import pyarrow.parquet as pq
import pytest

from carenet.interchange import graphs, tables
from carenet.services.exports import add_metrics, group_table, node_table

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def G() -> nx.DiGraph:
    G = nx.DiGraph(level="team")
    for uid, sector, org, place in [
        ("h1", "health", "A", "p1"),
        ("h2", "health", "A", "p1"),
        ("s1", "social_care", "B", "p1"),
        ("x1", "housing", "C", "p2"),
        ("x2", "housing", "C", "p2"),
    ]:
        G.add_node(
            uid,
            type="Team",
            label=uid.upper(),
            name=uid.upper(),
            sector=sector,
            organisation=org,
            place=place,
            system="s",
            kind="service",
            community=None,
        )
    for i, (u, v) in enumerate([("h1", "h2"), ("h2", "h1"), ("h1", "s1"), ("s1", "x1"), ("x1", "x2")]):
        G.add_edge(
            u,
            v,
            uid=f"COLLABORATES_WITH:{u}>{v}@w1",
            kinds=["referral", "joint_meeting"][: 1 + i % 2],
            frequency="weekly",
            trust=3.0,
            wave="w1",
            weight=1,
        )
    add_metrics(G)
    return G


def test_gexf_and_graphml_read_back_by_networkx_and_igraph(G: nx.DiGraph, tmp_path: Path) -> None:
    for fmt in ("gexf", "graphml"):
        path = tmp_path / f"g.{fmt}"
        graphs.write(G, fmt, path)
        H = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
        assert (H.number_of_nodes(), H.number_of_edges()) == (5, 5)
        assert H.nodes["s1"]["sector"] == "social_care" and H.nodes["x1"]["place"] == "p2"
        assert H.nodes["s1"]["betweenness"] == pytest.approx(G.nodes["s1"]["betweenness"])
        assert isinstance(H.nodes["s1"]["community"], int)
        assert H.edges["h2", "h1"]["kinds"] == "referral;joint_meeting"
        g = ig.Graph.Read_GraphML(str(path)) if fmt == "graphml" else None
        if g is not None:
            assert (g.vcount(), g.ecount()) == (5, 5) and g.is_directed()
            assert sorted(g.vs["sector"]) == sorted(nx.get_node_attributes(G, "sector").values())
            assert set(g.vs.attributes()) >= {"sector", "place", "betweenness", "brokerage", "community"}
    assert nx.read_gexf(tmp_path / "g.gexf").nodes["h1"]["label"] == "H1"


def test_parquet_read_by_pyarrow(G: nx.DiGraph, tmp_path: Path) -> None:
    tables.write(node_table(G), "parquet", tmp_path / "n.parquet")
    t = pq.read_table(tmp_path / "n.parquet")
    assert t.num_rows == 5 and {"uid", "sector", "degree", "betweenness", "community", "ei_index"} <= set(
        t.column_names
    )
    assert dict(zip(t["uid"].to_pylist(), t["degree"].to_pylist()))["h1"] == 3
    G.graph["level"] = "person"
    tables.write(group_table(G, "sector"), "parquet", tmp_path / "g.parquet")
    groups = pq.read_table(tmp_path / "g.parquet").to_pylist()
    assert {r["group"]: r["nodes"] for r in groups} == {"health": "*", "housing": "*", "social_care": "*"}


@pytest.mark.skipif(
    shutil.which("node") is None or not (ROOT / "node_modules" / "cytoscape").exists(),
    reason="needs node and the cytoscape npm package (npm ci)",
)
def test_cytoscape_json_loads_in_cytoscape_js(G: nx.DiGraph, tmp_path: Path) -> None:
    path = tmp_path / "g.cyjs"
    graphs.write(G, "cytoscape", path)
    script = tmp_path / "load.cjs"
    script.write_text(
        "const cytoscape = require(process.argv[2]);\n"
        "const doc = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));\n"
        "const cy = cytoscape({headless: true, elements: doc.elements});\n"
        "console.log(JSON.stringify({nodes: cy.nodes().length, edges: cy.edges().length,"
        " sector: cy.getElementById('s1').data('sector'), kinds: cy.edges()[0].data('kinds'),"
        " edge: cy.getElementById('COLLABORATES_WITH:h1>s1@w1').data('source')}));\n"
    )
    done = subprocess.run(
        ["node", str(script), str(ROOT / "node_modules" / "cytoscape"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result = json.loads(done.stdout)
    assert result == {"nodes": 5, "edges": 5, "sector": "social_care", "kinds": ["referral"], "edge": "h1"}
