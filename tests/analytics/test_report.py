"""The JSON report bundles the service, CLI and GraphQL layers call."""

from __future__ import annotations

import json
import random

import networkx as nx
import pytest

from carenet.analytics import broker_report, gap_report, reuse_conversion, silo_report
from carenet.analytics._igraph import converted


@pytest.fixture
def synthetic() -> nx.DiGraph:
    """300 teams in 30 organisations and 5 places; most ties stay inside an organisation."""
    rng = random.Random(4)
    G = nx.DiGraph()
    sectors = ["health", "social_care", "housing", "education", "voluntary"]
    for i in range(300):
        org = i // 10
        G.add_node(
            f"t{i}",
            label="Team",
            sector=sectors[org % 5],
            organisation=f"o{org}",
            place=f"p{org % 5}",
            system="s",
            kind="service",
        )
    nodes = list(G)
    while G.number_of_edges() < 1500:
        u = rng.randrange(300)
        v = rng.randrange(u // 10 * 10, u // 10 * 10 + 10) if rng.random() < 0.7 else rng.randrange(300)
        if u != v:
            G.add_edge(nodes[u], nodes[v], weight=rng.choice([1.0, 2.0]), trust=3.0, value=2.0)
    G.add_node("lonely", sector="health", organisation="o0", place="p0")
    return G


def test_silo_report_is_json_and_finds_organisation_silos(synthetic):
    rep = silo_report(synthetic, permutations=19, seed=1)
    json.dumps(rep, allow_nan=False)
    assert rep["graph"] == {"nodes": 301, "ties": 1500, "directed": True}
    org = rep["ei"]["organisation"]
    assert org["index"] < org["expected"]  # ties concentrate inside organisations
    assert org["p_lower"] == pytest.approx(1 / 20)
    assert org["group_count"] == 30 and len(org["groups"]) == 30
    assert rep["mixing"]["sector"]["groups"] == sorted(rep["mixing"]["sector"]["groups"])
    assert rep["communities"]["modularity"] > 0.3
    assert rep["communities"]["silos"] >= 1
    bounds = rep["communities"]["boundary_modularity"]
    assert bounds["organisation"] > bounds["sector"] > 0  # most ties stay in an organisation
    assert rep["isolates"] == {"count": 1, "nodes": ["lonely"]}
    assert set(rep["timings_s"]) >= {"conversion", "communities", "total"}


def test_silo_report_skips_oversized_mixing_matrices(synthetic):
    rep = silo_report(synthetic, mixing_attrs=("organisation",), max_mixing_groups=10, permutations=0)
    assert "skipped" in rep["mixing"]["organisation"]
    assert rep["ei"]["sector"]["p_lower"] is None


def test_gap_report_sections(synthetic):
    rep = gap_report(synthetic, pathways={"p": [["t0"], ["t299"], ["ghost"]]}, forum_seats={"o1"}, reliance_threshold=2)
    json.dumps(rep, allow_nan=False)
    assert rep["handoffs"]["count"] >= 1
    assert rep["missing_sectors"]["expected"] == ["education", "health", "housing", "social_care", "voluntary"]
    assert all(o["organisation"] != "o1" for o in rep["relied_on_without_seat"]["organisations"])
    assert gap_report(synthetic)["handoffs"] is None


def test_broker_report_exact_and_sampled(synthetic):
    rep = broker_report(synthetic, top=5, departures=2)
    json.dumps(rep, allow_nan=False)
    assert rep["betweenness"]["method"] == "exact" and len(rep["betweenness"]["top"]) == 5
    assert set(rep["brokerage"]["totals"]) == {"coordinator", "itinerant", "gatekeeper", "representative", "liaison"}
    top_node = rep["betweenness"]["top"][0]["node"]
    assert rep["departures"][0]["removed"] == [top_node]
    lows = [r["constraint"] for r in rep["structural_holes"]["lowest_constraint"]]
    assert lows == sorted(lows)
    sampled = broker_report(synthetic, exact_max_nodes=100, k=30, efficiency_k=10, departures=1)
    assert (sampled["betweenness"]["method"], sampled["betweenness"]["k"]) == ("sampled", 30)
    assert sampled["departures"][0]["efficiency_method"] == "sampled"


def test_reports_convert_once_inside_reuse_conversion(synthetic, monkeypatch):
    calls = []
    from carenet.analytics import _igraph

    original = _igraph.Converted.__init__

    def counting(self, G):
        calls.append(1)
        original(self, G)

    monkeypatch.setattr(_igraph.Converted, "__init__", counting)
    with reuse_conversion(synthetic):
        silo_report(synthetic, permutations=0)
        broker_report(synthetic, departures=1)
    assert len(calls) == 1
    converted(synthetic)
    assert len(calls) == 2  # outside the block an unversioned graph is converted afresh


def test_nan_constraint_becomes_null(synthetic):
    rep = broker_report(synthetic, top=400, departures=0)
    lows = rep["structural_holes"]["lowest_constraint"]
    assert all(r["node"] != "lonely" for r in lows)  # NaN constraint is not ranked
    text = json.dumps(rep, allow_nan=False)
    assert "NaN" not in text


def test_silo_report_counts_and_lists_single_organisation_clusters_apart():
    G = nx.Graph()
    for i in range(4):
        G.add_node(f"a{i}", sector="health", organisation="A")
        G.add_node(f"m{i}", sector="housing", organisation=f"O{i}")
    G.add_edges_from((f"a{i}", f"a{j}") for i in range(4) for j in range(i + 1, 4))
    G.add_edges_from((f"m{i}", f"m{j}") for i in range(4) for j in range(i + 1, 4))
    G.add_edge("a0", "m0")
    found = silo_report(G, permutations=9, consensus_runs=3)["communities"]
    assert found["single_organisation_clusters"] == 1 and found["silos"] == 2
    assert [c["largest_organisation"] for c in found["single_organisation_communities"]] == ["A"]
    assert found["stability"]["seeds"] == [0, 1, 2]
