"""Burt's constraint and effective size: networkx's fixtures, hand values, igraph."""

from __future__ import annotations

import math

import igraph as ig
import networkx as nx
import pytest

from carenet.analytics import constraint, effective_size, structural_hole_measures

from .conftest import random_graph


@pytest.fixture
def D() -> nx.DiGraph:
    """networkx tests/test_structuralholes.py: the directed fixture."""
    return nx.DiGraph([(0, 1), (0, 2), (1, 0), (2, 1)])


@pytest.fixture
def borgatti() -> nx.Graph:
    """networkx's undirected fixture, Borgatti's example (Connections 20(1))."""
    G = nx.Graph(
        [
            ("A", "B"),
            ("A", "F"),
            ("A", "G"),
            ("A", "E"),
            ("E", "G"),
            ("F", "G"),
            ("B", "G"),
            ("B", "D"),
            ("D", "G"),
            ("G", "C"),
        ]
    )
    weights = {
        ("A", "B"): 2,
        ("A", "F"): 3,
        ("A", "G"): 5,
        ("A", "E"): 2,
        ("E", "G"): 8,
        ("F", "G"): 3,
        ("B", "G"): 4,
        ("B", "D"): 1,
        ("D", "G"): 3,
        ("G", "C"): 10,
    }
    nx.set_edge_attributes(G, weights, "weight")
    return G


def test_networkx_directed_fixture(D):
    c = constraint(D)
    assert [c[0], c[1], c[2]] == pytest.approx([1.003, 1.003, 1.389], abs=1e-3)
    e = effective_size(D)
    assert [e[0], e[1], e[2]] == pytest.approx([1.167, 1.167, 1.0], abs=1e-3)


def test_networkx_directed_weighted_fixture_and_hand_values(D):
    nx.set_edge_attributes(D, {(0, 1): 2, (0, 2): 2, (1, 0): 1, (2, 1): 1}, "weight")
    c = constraint(D, weight="weight")
    assert [c[0], c[1], c[2]] == pytest.approx([0.840, 1.143, 1.378], abs=1e-3)
    # By hand: mutual weights a01 = 2 + 1 = 3, a02 = 2, a12 = 1.
    # Node 0: p01 = 3/5, p02 = 2/5; the strongest ties are 3 (node 1) and 2 (node 2), so
    # m12 = 1/3 and m21 = 1/2.  e(0) = (1 - p02 m12) + (1 - p01 m21) = 13/15 + 7/10.
    # Node 1: p10 = 3/4, p12 = 1/4; m02 = 2/3, m20 = 1.  e(1) = (1 - 1/6) + (1 - 3/4).
    e = effective_size(D, weight="weight")
    assert e[0] == pytest.approx(13 / 15 + 7 / 10)
    assert e[1] == pytest.approx(5 / 6 + 1 / 4)
    assert e[2] == pytest.approx(1.0)
    # c(2) = (p20 + p21 p10)^2 + (p21 + p20 p01)^2 with p20 = 2/3, p21 = 1/3
    assert c[2] == pytest.approx((2 / 3 + 1 / 3 * 3 / 4) ** 2 + (1 / 3 + 2 / 3 * 3 / 5) ** 2)


def test_borgatti_fixture_unweighted_and_weighted(borgatti):
    c = constraint(borgatti)
    assert [c["G"], c["A"], c["C"]] == pytest.approx([0.400, 0.595, 1.0], abs=1e-3)
    e = effective_size(borgatti)
    assert [e["G"], e["A"], e["C"]] == pytest.approx([4.67, 2.50, 1.0], abs=1e-2)
    cw = constraint(borgatti, weight="weight")
    assert [cw["G"], cw["A"], cw["C"]] == pytest.approx([0.299, 0.795, 1.0], abs=1e-3)
    ew = effective_size(borgatti, weight="weight")
    assert [ew["G"], ew["A"], ew["C"]] == pytest.approx([5.47, 2.47, 1.0], abs=1e-2)


def test_borgatti_simplified_formula(borgatti):
    # unweighted, undirected: e(u) = n - 2t/n. G has 6 contacts with 4 ties among them.
    assert effective_size(borgatti)["G"] == pytest.approx(6 - 2 * 4 / 6)


@pytest.mark.parametrize("directed", [False, True])
def test_random_graphs_match_networkx_per_node_path(directed):
    G = random_graph(40, 160, seed=6, directed=directed)
    nodes = list(G)
    assert constraint(G) == pytest.approx(nx.constraint(G, nodes=nodes))
    assert effective_size(G) == pytest.approx(nx.effective_size(G, nodes=nodes))
    assert effective_size(G, weight="weight") == pytest.approx(nx.effective_size(G, nodes=nodes, weight="weight"))


@pytest.mark.parametrize("directed", [False, True])
def test_weighted_constraint_matches_igraph(directed):
    G = random_graph(90, 400, seed=12, directed=directed)
    g = ig.Graph(n=len(G), edges=list(G.edges), directed=directed)
    ref = g.constraint(weights=[d["weight"] for *_, d in G.edges(data=True)])
    ours = constraint(G, weight="weight")
    assert [ours[v] for v in G] == pytest.approx(ref)


def test_isolated_nodes_self_loops_and_zero_weights(D):
    D.add_node("lonely")
    D.add_edge("loop", "loop")
    D.add_edge(0, "zero", weight=0)
    sh = structural_hole_measures(D, weight="weight")
    for v in ("lonely", "loop", "zero"):
        assert math.isnan(sh.constraint[v]) and math.isnan(sh.effective_size[v])
    assert sh.constraint[0] == pytest.approx(1.003, abs=1e-3)  # the zero tie is ignored
    assert sh.efficiency[2] == pytest.approx(1.0 / 2)


def test_efficiency_is_effective_size_over_contacts(borgatti):
    sh = structural_hole_measures(borgatti)
    assert sh.efficiency["G"] == pytest.approx(sh.effective_size["G"] / 6)
