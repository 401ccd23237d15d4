"""Gould-Fernandez brokerage roles."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from carenet.analytics import ROLES, brokerage_roles

from .conftest import random_graph


def grouped(edges, groups) -> nx.DiGraph:
    D = nx.DiGraph(edges)
    for v in D:
        D.nodes[v]["g"] = groups[v]
    return D


@pytest.mark.parametrize(
    ("groups", "role"),
    [
        ("XXX", "coordinator"),
        ("XYX", "itinerant"),
        ("XYY", "gatekeeper"),
        ("XXY", "representative"),
        ("XYZ", "liaison"),
    ],
)
def test_each_role_by_hand(groups, role):
    D = grouped([("a", "b"), ("b", "c")], dict(zip("abc", groups)))
    res = brokerage_roles(D, "g")
    assert res.roles["b"] == {r: int(r == role) for r in ROLES}
    assert sum(res.roles["a"].values()) == sum(res.roles["c"].values()) == 0
    assert res.totals[role] == 1


def test_closed_and_returning_paths_do_not_count():
    D = grouped([("a", "b"), ("b", "c"), ("a", "c"), ("b", "a")], dict(zip("abc", "XYZ")))
    res = brokerage_roles(D, "g")
    # a->b->c is closed by a->c and b->a->c by b->c; a->b->a and b->a->b return
    # to their start; c sends nothing. No open two-path is left.
    assert res.totals == dict.fromkeys(ROLES, 0)


def test_gatekeeper_and_representative_are_directional():
    # an outsider o feeds team b, which passes to its colleague c: b gatekeeps
    D = grouped([("o", "b"), ("b", "c"), ("c", "b"), ("b", "o")], {"o": "Y", "b": "X", "c": "X"})
    res = brokerage_roles(D, "g")
    assert res.roles["b"]["gatekeeper"] == 1  # o -> b -> c
    assert res.roles["b"]["representative"] == 1  # c -> b -> o
    assert res.top("gatekeeper", 1) == [("b", 1)]


def test_matches_brute_force_enumeration_on_random_graphs():
    for seed in range(3):
        D = random_graph(50, 260, seed=seed, directed=True, groups="abcd")
        D.nodes[0]["sector"] = None  # left out
        res = brokerage_roles(D)
        expected = {v: dict.fromkeys(ROLES, 0) for v in D}
        for b in D:
            for a, c in itertools.product(D.predecessors(b), D.successors(b)):
                g = [D.nodes[x]["sector"] for x in (a, b, c)]
                if a == c or D.has_edge(a, c) or D.has_edge(c, a) or None in g:
                    continue
                if g[0] == g[1] == g[2]:
                    role = "coordinator"
                elif g[0] == g[2]:
                    role = "itinerant"
                elif g[0] == g[1]:
                    role = "representative"
                elif g[1] == g[2]:
                    role = "gatekeeper"
                else:
                    role = "liaison"
                expected[b][role] += 1
        del expected[0]
        assert res.roles == expected


def test_undirected_graph_counts_both_directions():
    G = nx.Graph([("a", "b"), ("b", "c")])
    for v, g in zip("abc", "XXY"):
        G.nodes[v]["g"] = g
    res = brokerage_roles(G, "g")
    assert res.roles["b"]["representative"] == res.roles["b"]["gatekeeper"] == 1


def test_a_two_path_closed_by_a_reverse_tie_is_not_brokerage():
    """Issue 21: a -> b -> c with c -> a counted as open (322 of 9,234 demo two-paths): a and c
    deal directly, so b brokers nothing between them."""
    D = grouped([("a", "b"), ("b", "c"), ("c", "a")], dict(zip("abc", "XYZ")))
    res = brokerage_roles(D, "g")
    assert res.totals == dict.fromkeys(ROLES, 0)
    open_ = brokerage_roles(grouped([("a", "b"), ("b", "c")], dict(zip("abc", "XYZ"))), "g")
    assert open_.roles["b"]["liaison"] == 1


def test_expected_counts_follow_gould_and_fernandez():
    """Issue 21 item 9: raw counts were not set against the null model. x1 -> b -> y1 with groups
    X = {x1, x2}, B = {b}, Y = {y1}: N = 4, D = 3 * 2; b (n_j = 1) has one open two-path, a
    liaison. Expected: coordinator 0, itinerant (2*1 + 1*0)/6, representative and gatekeeper
    0, liaison (2*(4-1-2) + 1*(4-1-1))/6."""
    G = nx.DiGraph()
    for v, g in (("x1", "X"), ("x2", "X"), ("b", "B"), ("y1", "Y")):
        G.add_node(v, sector=g)
    G.add_edges_from([("x1", "b"), ("b", "y1")])
    found = brokerage_roles(G, "sector")
    assert found.roles["b"]["liaison"] == 1
    assert found.expected["b"] == pytest.approx(
        {"coordinator": 0, "itinerant": 2 / 6, "gatekeeper": 0, "representative": 0, "liaison": 4 / 6}
    )
    assert found.expected["x1"] == pytest.approx(dict.fromkeys(found.expected["x1"], 0))  # brokers nothing
    assert sum(found.expected_totals.values()) == pytest.approx(sum(found.totals.values()))
