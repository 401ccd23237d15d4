"""Betweenness: exact and sampled, against networkx and published values."""

from __future__ import annotations

import networkx as nx
import pytest

from carenet.analytics import betweenness

from .conftest import random_graph


def test_krackhardt_kite_published_values(kite):
    # Krackhardt (1990); the values of networkx's own test suite
    expected = {0: 0.023, 1: 0.023, 2: 0.0, 3: 0.102, 4: 0.0, 5: 0.231, 6: 0.231, 7: 0.389, 8: 0.222, 9: 0.0}
    res = betweenness(kite)
    assert res.method == "exact" and res.k is None
    for v, b in expected.items():
        assert res.values[v] == pytest.approx(b, abs=1e-3)
    assert res.values[7] == pytest.approx(7 / 18)  # Heather: 14 of 36 unordered pairs
    assert res.top(1) == [(7, pytest.approx(7 / 18))]


@pytest.mark.parametrize("normalized", [True, False])
def test_florentine_exact_matches_networkx(florentine, normalized):
    ours = betweenness(florentine, normalized=normalized).values
    ref = nx.betweenness_centrality(florentine, normalized=normalized)
    assert ours == pytest.approx(ref)
    assert max(ours, key=ours.get) == "Medici"


@pytest.mark.parametrize("normalized", [True, False])
def test_directed_exact_matches_networkx(normalized):
    D = random_graph(60, 240, seed=4, directed=True)
    assert betweenness(D, normalized=normalized).values == pytest.approx(
        nx.betweenness_centrality(D, normalized=normalized)
    )


def test_weighted_reads_weight_as_distance():
    D = random_graph(50, 200, seed=8, directed=True)
    assert betweenness(D, weight="weight").values == pytest.approx(nx.betweenness_centrality(D, weight="weight"))


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("normalized", [True, False])
def test_sampled_matches_networkx_with_the_same_pivots(directed, normalized):
    G = random_graph(120, 500, seed=2, directed=directed)
    res = betweenness(G, k=17, seed=42, normalized=normalized)
    ref = nx.betweenness_centrality(G, k=17, seed=42, normalized=normalized)
    assert (res.method, res.k) == ("sampled", 17)
    assert res.values == pytest.approx(ref)


def test_large_graph_switches_to_sampling():
    G = random_graph(200, 600, seed=1, directed=True)
    assert betweenness(G, exact_max_nodes=200).method == "exact"
    res = betweenness(G, exact_max_nodes=199, seed=0)
    assert (res.method, res.k) == ("sampled", 64)
    assert betweenness(nx.path_graph(60), exact_max_nodes=50).method == "exact"  # k = n
    res = betweenness(G, exact_max_nodes=50, k=20, seed=0)
    assert (res.method, res.k) == ("sampled", 20)
    assert betweenness(G, k=200).method == "exact"  # k = n is exact
    with pytest.raises(ValueError):
        betweenness(G, k=201)


def test_two_processes_give_the_same_values():
    G = random_graph(150, 600, seed=9, directed=True)
    one = betweenness(G, k=40, seed=3, processes=1).values
    two = betweenness(G, k=40, seed=3, processes=2).values
    assert two == pytest.approx(one)


def test_disconnected_and_tiny_graphs():
    G = nx.Graph([(0, 1), (1, 2), (3, 4)])
    G.add_node(5)
    assert betweenness(G).values == pytest.approx(nx.betweenness_centrality(G))
    assert betweenness(nx.Graph([(0, 1)])).values == {0: 0.0, 1: 0.0}
    assert betweenness(nx.Graph()).values == {}
