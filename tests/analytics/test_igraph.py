"""Conversion to integer arrays and igraph, and when a conversion is reused."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from carenet.analytics._igraph import converted, reuse_conversion


def test_directed_arcs_follow_graph_order_and_keep_self_loops():
    G = nx.DiGraph([("b", "a"), ("a", "c"), ("c", "c")])
    conv = converted(G)
    assert conv.nodes == ["b", "a", "c"]
    arcs = sorted(zip(conv.src.tolist(), conv.dst.tolist()))
    assert arcs == [(0, 1), (1, 2), (2, 2)]


def test_undirected_edges_listed_once():
    G = nx.Graph([(1, 2), (2, 3), (3, 3)])
    conv = converted(G)
    assert conv.m == 3
    assert sorted(zip(conv.src.tolist(), conv.dst.tolist())) == [(0, 1), (1, 2), (2, 2)]


def test_weights_default_to_one_and_reject_negative():
    G = nx.DiGraph()
    G.add_edge("a", "b", weight=2.5)
    G.add_edge("b", "c")
    G.add_edge("c", "d", weight=None)
    assert converted(G).weights("weight").tolist() == [2.5, 1.0, 1.0]
    G["a"]["b"]["weight"] = -1
    with pytest.raises(ValueError, match="weight"):
        converted(G).weights("weight")


def test_undirected_view_sums_reciprocated_arcs_and_drops_loops():
    G = nx.DiGraph()
    G.add_weighted_edges_from([("a", "b", 2), ("b", "a", 3), ("b", "c", 1), ("c", "c", 9)])
    lo, hi, w = converted(G).undirected("weight")
    assert list(zip(lo.tolist(), hi.tolist(), w.tolist())) == [(0, 1, 5.0), (1, 2, 1.0)]
    g = converted(G).igraph(directed=False)
    assert g.ecount() == 2 and not g.is_directed()
    assert converted(G).igraph(directed=True).ecount() == 3  # loop dropped


def test_codes_sorted_by_value_and_missing_is_minus_one():
    G = nx.Graph()
    G.add_nodes_from([("a", {"s": "z"}), ("b", {"s": "y"}), ("c", {}), ("d", {"s": None})])
    codes, values = converted(G).codes("s")
    assert values == ["y", "z"]
    assert codes.tolist() == [1, 0, -1, -1]


def test_unversioned_graph_is_converted_afresh_each_call():
    G = nx.path_graph(4)
    assert converted(G) is not converted(G)


def test_versioned_graph_reuses_until_version_changes():
    G = nx.path_graph(4)
    G.graph["version"] = 1
    first = converted(G)
    assert converted(G) is first
    G.graph["version"] = 2
    assert converted(G) is not first


def test_versioned_graph_reconverts_when_counts_change():
    G = nx.path_graph(4)
    G.graph["version"] = "v"
    first = converted(G)
    G.add_edge(0, 3)
    second = converted(G)
    assert second is not first and second.m == 4


def test_reuse_conversion_block_pins_then_releases():
    G = nx.path_graph(4)
    with reuse_conversion(G):
        first = converted(G)
        with reuse_conversion(G):
            assert converted(G) is first
        assert converted(G) is first
    assert converted(G) is not first


def test_cache_is_not_stored_in_graph_attributes():
    G = nx.path_graph(3)
    G.graph["version"] = 7
    converted(G)
    assert set(G.graph) == {"version"}
    np.testing.assert_array_equal(converted(G).weights(None), np.ones(2))
