"""Cut points, bridges, global efficiency and departure impact."""

from __future__ import annotations

import networkx as nx
import pytest

from carenet.analytics import (
    articulation_points,
    bridges,
    departure_impact,
    global_efficiency,
    reuse_conversion,
)

from .conftest import random_graph


def test_florentine_cut_points_and_bridges(florentine):
    # Padgett's marriage network: the Medici hold three families (Acciaiuoli alone)
    assert set(articulation_points(florentine)) == {"Medici", "Albizzi", "Guadagni", "Salviati"}
    assert set(articulation_points(florentine)) == set(nx.articulation_points(florentine))
    ours = {frozenset(e) for e in bridges(florentine)}
    assert ours == {frozenset(e) for e in nx.bridges(florentine)}
    assert frozenset(("Medici", "Acciaiuoli")) in ours and len(ours) == 5


def test_digraph_is_read_as_undirected():
    D = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "b")])
    assert articulation_points(D) == ["b"]
    assert bridges(D) == [("a", "b")]  # the reciprocated pair is one tie


def test_random_graphs_match_networkx():
    for seed in range(3):
        G = random_graph(80, 100, seed=seed, directed=False)
        assert set(articulation_points(G)) == set(nx.articulation_points(G))
        assert {frozenset(e) for e in bridges(G)} == {frozenset(e) for e in nx.bridges(G)}


def test_global_efficiency_exact_matches_networkx(florentine):
    res = global_efficiency(florentine)
    assert (res.method, res.k) == ("exact", None)
    assert res.value == pytest.approx(nx.global_efficiency(florentine))
    G = nx.Graph([(0, 1), (2, 3)])  # disconnected: unreachable pairs add 0
    assert global_efficiency(G).value == pytest.approx(4 / 12)


def test_global_efficiency_sampled_estimate():
    G = random_graph(400, 1600, seed=3, directed=False)
    res = global_efficiency(G, exact_max_nodes=100, k=200, seed=1)
    assert (res.method, res.k) == ("sampled", 200)
    assert res.value == pytest.approx(nx.global_efficiency(G), rel=0.02)


def test_departure_by_hand():
    # a - b - c and d - e; b leaves
    G = nx.Graph([("a", "b"), ("b", "c"), ("d", "e")])
    res = departure_impact(G, ["b"])
    assert (res.components_before, res.components_after, res.components_split) == (2, 3, 1)
    # before, among remaining nodes: {a, c} and {d, e} connected = 2 pairs; after: {d, e} only
    assert res.pairs_disconnected == 1
    assert (res.largest_component_before, res.largest_component_after) == (3, 2)
    H = G.copy()
    H.remove_node("b")
    # over the ordered pairs of the remaining a, c, d, e: before a-c at 2 and d-e at 1; after d-e only
    assert res.efficiency_before == pytest.approx((2 * 0.5 + 2 * 1) / 12) == survivor_efficiency(G, H)
    assert res.efficiency_after == pytest.approx(nx.global_efficiency(H))
    assert res.efficiency_change == pytest.approx(nx.global_efficiency(H) - survivor_efficiency(G, H))
    assert res.efficiency_method == "exact"


def survivor_efficiency(G, H) -> float:
    """Oracle: mean inverse distance in ``G`` over the ordered pairs of ``H``'s nodes."""
    nodes = list(H)
    dist = dict(nx.all_pairs_shortest_path_length(G.to_undirected()))
    total = sum(1 / dist[i][j] for i in nodes for j in nodes if i != j and j in dist[i])
    return total / (len(nodes) * (len(nodes) - 1))


def test_a_departure_never_shows_as_a_gain_in_efficiency():
    """Issue 21: on the path a-b-c, removing the leaf a gave +0.167 (the leaver's own pairs were in
    the 'before' figure only). Over the remaining pairs it is 0; removing b loses the a-c pair."""
    G = nx.Graph([("a", "b"), ("b", "c")])
    leaf = departure_impact(G, ["a"])
    assert leaf.efficiency_change == pytest.approx(0.0)
    middle = departure_impact(G, ["b"])
    assert (middle.efficiency_before, middle.efficiency_after) == (pytest.approx(0.5), pytest.approx(0.0))
    for seed in range(5):
        R = random_graph(40, 60, seed=seed, directed=False)
        for node in list(R)[:8]:
            res = departure_impact(R, [node])
            H = R.copy()
            H.remove_node(node)
            assert res.efficiency_change <= 1e-12
            assert res.efficiency_before == pytest.approx(survivor_efficiency(R, H))
            assert res.efficiency_after == pytest.approx(nx.global_efficiency(H))


def test_departure_of_the_medici_matches_networkx_components(florentine):
    res = departure_impact(florentine, ["Medici"])
    H = florentine.copy()
    H.remove_node("Medici")
    comps = list(nx.connected_components(H))
    assert res.components_after == len(comps)
    connected_after = sum(len(c) * (len(c) - 1) // 2 for c in comps)
    assert res.pairs_disconnected == 14 * 13 // 2 - connected_after
    assert res.components_split == 1


def test_removing_a_leaf_disconnects_nobody_and_a_set_can_be_removed(florentine):
    res = departure_impact(florentine, ["Acciaiuoli"])
    assert res.pairs_disconnected == 0 and res.components_split == 0
    both = departure_impact(florentine, ["Medici", "Guadagni"], efficiency=False)
    assert both.efficiency_before is None and both.removed == ["Medici", "Guadagni"]
    assert both.components_after > departure_impact(florentine, ["Medici"]).components_after
    with pytest.raises(KeyError):
        departure_impact(florentine, ["Nobody"])


def test_sampled_departure_is_paired_and_reuses_the_baseline():
    G = random_graph(300, 900, seed=2, directed=True)
    hub = max(G, key=G.degree)
    with reuse_conversion(G):
        res = departure_impact(G, [hub], exact_max_nodes=50, k=40, seed=3)
        again = departure_impact(G, [hub], exact_max_nodes=50, k=40, seed=3)
    assert (res.efficiency_method, res.k) == ("sampled", 40)
    assert res == again
    assert res.efficiency_change < 0  # losing the best-connected node lengthens paths
    exact = departure_impact(G, [hub])
    assert res.efficiency_before == pytest.approx(exact.efficiency_before, rel=0.1)
