"""Streamed files come in pieces of a useful size, and the pieces are the whole text, exactly."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from carenet.interchange import graphs, tables
from carenet.interchange.streams import PIECE, gathered


@pytest.mark.parametrize("parts", [[], ["a"], ["ab"] * 10, ["x" * 7, "", "y", "z" * 20], ["é" * 3] * 5])
def test_gathered_pieces_are_the_whole_text_and_none_is_short_but_the_last(parts):
    pieces = list(gathered(parts, size=8))
    assert "".join(pieces) == "".join(parts)
    assert all(pieces) and all(len(p) >= 8 for p in pieces[:-1])


def _graph(n: int) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i in range(n):
        G.add_node(f"t{i}", name=f"Team {i} — ünïcode", sector="health", degree=i, betweenness=i / 7)
    for i in range(n - 1):
        G.add_edge(f"t{i}", f"t{i + 1}", key=f"e{i}", uid=f"e{i}", kinds=["referral", "joint_working"])
    return G


@pytest.mark.parametrize("fmt", ["node-link", "cytoscape"])
def test_a_json_graph_comes_in_few_pieces_and_reads_back_the_same(fmt):
    G = _graph(3000)
    pieces = list(graphs.chunks(G, fmt))
    text = "".join(pieces)
    # before: one piece per token (tens of thousands here), each a write to the socket when served
    assert len(pieces) <= len(text) // PIECE + 1
    doc = json.loads(text)
    expected = graphs.node_link(G) if fmt == "node-link" else graphs.cytoscape(G)
    assert doc == json.loads(json.dumps(expected))


def test_a_json_table_comes_in_few_pieces_and_reads_back_the_same():
    rows = [{"uid": f"t{i}", "name": f"Équipe {i}", "degree": i, "betweenness": i / 3} for i in range(5000)]
    pieces = list(tables.chunks(rows, "json"))
    data = b"".join(pieces)
    assert len(pieces) <= len(data) // PIECE + 1
    assert json.loads(data) == rows
