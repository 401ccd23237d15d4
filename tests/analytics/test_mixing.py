"""Mixing matrices, block densities and the Krackhardt-Stern E-I index."""

from __future__ import annotations

import networkx as nx
import pytest

from carenet.analytics import ei_index, mixing_matrix, sector_mixing_matrix


@pytest.fixture
def two_pairs() -> nx.Graph:
    """a1-a2 and b1-b2 inside their groups, a1-b1 across: E = 1, I = 2."""
    G = nx.Graph([("a1", "a2"), ("b1", "b2"), ("a1", "b1")])
    for v in G:
        G.nodes[v]["g"] = v[0]
    return G


def test_karate_club_ei_from_edge_counts(karate):
    # 78 edges, 11 of them between Mr. Hi's and the Officer's club (17 members each):
    # E-I = (11 - 67) / 78. Possible pairs: internal 2 * C(17, 2) = 272, external 17 * 17 = 289.
    ei = ei_index(karate, "club")
    assert (ei.external, ei.internal) == (11, 67)
    assert ei.index == pytest.approx(-56 / 78)
    assert ei.expected == pytest.approx((289 - 272) / (289 + 272))
    # 78 ties fit either side entirely, so the range is not restricted
    assert (ei.minimum, ei.maximum) == (-1, 1)
    assert ei.rescaled == pytest.approx(ei.index)


def test_karate_club_permutation_test_flags_a_silo(karate):
    ei = ei_index(karate, "club", permutations=199, seed=7)
    assert ei.p_lower == pytest.approx(1 / 200)  # no shuffle is as inward-looking
    assert ei.p_upper == pytest.approx(1.0)
    assert ei.permuted_mean == pytest.approx(ei.expected, abs=0.05)
    again = ei_index(karate, "club", permutations=199, seed=7)
    assert again.permuted_sd == ei.permuted_sd


def test_group_and_node_ei_by_hand(two_pairs):
    ei = ei_index(two_pairs, "g")
    assert ei.index == pytest.approx(-1 / 3)
    assert ei.groups["a"] == {"size": 2, "internal": 1.0, "external": 1.0, "ei": 0.0}
    assert ei.nodes == {"a1": 0.0, "a2": -1.0, "b1": 0.0, "b2": -1.0}


def test_rescaled_ei_accounts_for_group_sizes(two_pairs):
    # T = 3 ties, P_I = 2, P_E = 4: at most 2 ties can be internal, so the lowest
    # possible E-I is (3 - 4) / 3 = -1/3, which is what we observe.
    ei = ei_index(two_pairs, "g")
    assert ei.minimum == pytest.approx(-1 / 3)
    assert ei.maximum == pytest.approx(1.0)
    assert ei.rescaled == pytest.approx(-1.0)
    assert ei.expected == pytest.approx((4 - 2) / 6)


def test_range_restricted_when_ties_outnumber_possible_external_pairs():
    # K4 minus a-b with groups {a, b, c} and {d}: T = 5 ties but only P_E = 3 external
    # pairs, so the highest possible E-I is (2*3 - 5)/5 = 0.2, which is observed.
    G = nx.complete_graph("abcd")
    G.remove_edge("a", "b")
    nx.set_node_attributes(G, {"a": "X", "b": "X", "c": "X", "d": "Y"}, "g")
    ei = ei_index(G, "g")
    assert (ei.external, ei.internal) == (3, 2)
    assert ei.maximum == pytest.approx(0.2) and ei.index == pytest.approx(0.2)
    assert ei.minimum == pytest.approx((5 - 2 * 3) / 5)
    assert ei.rescaled == pytest.approx(1.0)


def test_directed_reciprocated_ties_count_twice():
    D = nx.DiGraph([("a1", "a2"), ("a2", "a1"), ("a1", "b1")])
    for v in D:
        D.nodes[v]["g"] = v[0]
    ei = ei_index(D, "g")
    assert (ei.internal, ei.external) == (2, 1)
    # ordered pairs: internal 2 * 1 = 2, external 2 * 1 * 2 = 4
    assert ei.expected == pytest.approx((4 - 2) / 6)


def test_weighted_ei_sums_weights_and_drops_range(two_pairs):
    two_pairs["a1"]["b1"]["w"] = 5
    ei = ei_index(two_pairs, "g", weight="w")
    assert ei.index == pytest.approx((5 - 2) / 7)
    assert ei.rescaled is None and ei.minimum is None


def test_nodes_without_the_attribute_are_left_out(two_pairs):
    two_pairs.add_edge("a1", "stranger")
    ei = ei_index(two_pairs, "g")
    assert ei.index == pytest.approx(-1 / 3)
    assert "stranger" not in ei.nodes
    assert mixing_matrix(two_pairs, "g").unassigned == 1


def test_undirected_mixing_matrix_and_block_densities(two_pairs):
    mm = mixing_matrix(two_pairs, "g")
    assert mm.groups == ["a", "b"] and mm.sizes == [2, 2]
    assert mm.counts == [[1.0, 1.0], [1.0, 1.0]]
    # within: 1 of C(2,2) = 1 pair; between: 1 of 2 * 2 = 4 pairs
    assert mm.densities == [[1.0, 0.25], [0.25, 1.0]]


def test_directed_mixing_matrix_is_not_symmetric(ics):
    mm = sector_mixing_matrix(ics)
    assert mm.groups == ["health", "housing", "social_care", "voluntary"]
    i = {g: k for k, g in enumerate(mm.groups)}
    assert mm.counts[i["health"]][i["social_care"]] == 1
    assert mm.counts[i["social_care"]][i["health"]] == 0
    assert mm.counts[i["health"]][i["health"]] == 4
    assert mm.densities[i["health"]][i["health"]] == pytest.approx(4 / 6)
    assert mm.densities[i["health"]][i["social_care"]] == pytest.approx(1 / 6)
    assert mm.densities[i["voluntary"]][i["voluntary"]] is None  # one member: no pair
    assert mm.to_dict()["counts"] == mm.counts


def test_mixing_matrix_weighted(ics):
    ics["h1"]["s1"]["weight"] = 4.0
    mm = mixing_matrix(ics, "organisation", weight="weight")
    assert mm.counts[0][1] == 4.0  # A -> B
