"""tie_network: the network a measure reads from recorded ties."""

from __future__ import annotations

import networkx as nx
import pytest

from carenet.analytics import NETWORKS, betweenness, tie_network


def recorded() -> nx.DiGraph:
    G = nx.DiGraph(level="team")
    G.add_node("a", sector="health")
    G.add_edge("a", "b", weight=2.0, kinds=["referral"], trust=2.0, wave="w1")
    G.add_edge("b", "a", weight=1.0, kinds=["data_sharing"], trust=4.0, wave="w2")
    G.add_edge("b", "c", weight=1.0, kinds=["referral"], trust=None, wave="w1")
    G.add_edge("c", "c", weight=1.0)
    return G


def test_either_unites_both_directions():
    U = tie_network(recorded(), "either")
    assert not U.is_directed() and U.graph["network"] == "either" and U.graph["level"] == "team"
    assert sorted(map(sorted, U.edges)) == [["a", "b"], ["b", "c"]]
    ab = U.edges["a", "b"]
    assert ab["weight"] == 3.0 and ab["kinds"] == ["data_sharing", "referral"] and ab["trust"] == 3.0
    assert ab["waves"] == ["w1", "w2"] and ab["wave"] is None and U.nodes["a"]["sector"] == "health"


def test_both_keeps_confirmed_ties_and_directed_is_as_recorded():
    assert sorted(map(sorted, tie_network(recorded(), "both").edges)) == [["a", "b"]]
    G = recorded()
    assert tie_network(G, "directed") is G
    with pytest.raises(ValueError, match="network must be one of"):
        tie_network(G, "sideways")
    assert NETWORKS == ("either", "both", "directed")


def test_florentine_once_per_marriage():
    F = nx.florentine_families_graph()
    D = nx.DiGraph(list(F.edges))
    D.add_nodes_from(F)
    assert betweenness(tie_network(D, "either")).values["Medici"] == pytest.approx(0.52197802, abs=1e-6)
    assert betweenness(D).values["Medici"] < 0.1  # the recorded directions alone
