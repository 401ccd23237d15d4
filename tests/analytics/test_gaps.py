"""Pathway hand-offs and relied-on organisations without a forum seat."""

from __future__ import annotations

import networkx as nx
import pytest

from carenet.analytics import pathway_handoffs, relied_on_without_seat

from .conftest import team


def test_handoffs_with_ties_in_either_direction_work(ics):
    # h1 -> s1 exists; s1 -> h1 does not, but a tie in either direction is a working tie
    assert pathway_handoffs(ics, {"discharge": [["h1"], ["s1"], ["h1"]]}) == []
    # one team delivering consecutive steps needs no tie
    assert pathway_handoffs(ics, [[["h2", "h3"], ["h3"]]]) == []


def test_failing_handoff_reports_the_shortest_path(ics):
    gaps = pathway_handoffs(ics, {"frailty": [["h3"], ["s2"]]})
    assert len(gaps) == 1
    gap = gaps[0]
    assert (gap.pathway, gap.step, gap.from_teams, gap.to_teams) == ("frailty", 0, ["h3"], ["s2"])
    # undirected: h3 - h1 - s1 - s2 (h3 -> h1 and h1 -> s1 and s1 <-> s2)
    assert gap.shortest_path == ["h3", "h1", "s1", "s2"]
    U = ics.to_undirected()
    assert len(gap.shortest_path) - 1 == nx.shortest_path_length(U, "h3", "s2")


def test_include_working_returns_every_handoff_with_its_tie(ics):
    rows = pathway_handoffs(ics, {"p": [["s1"], ["h1"], ["h1", "x1"], ["s2"]]}, include_working=True)
    assert [(r.step, r.has_tie, r.shortest_path) for r in rows] == [
        (0, True, ["s1", "h1"]),  # the tie h1 -> s1, read in either direction
        (1, True, ["h1"]),  # h1 delivers both steps
        (2, False, ["h1", "s1", "s2"]),
    ]


def test_nearest_pair_of_many_teams_and_cutoff(ics):
    gaps = pathway_handoffs(ics, [[["h3", "h2"], ["s2", "x1"]]])
    assert len(gaps[0].shortest_path) == 4 and gaps[0].shortest_path[-1] == "s2"
    assert pathway_handoffs(ics, [[["h3"], ["s2"]]], cutoff=2)[0].shortest_path is None
    assert pathway_handoffs(ics, [[["h3"], ["s2"]]], cutoff=3)[0].shortest_path is not None


def test_unreachable_and_missing_teams(ics):
    gaps = pathway_handoffs(ics, {"p": [["h1"], ["x1"], ["ghost"]]})
    assert [(g.step, g.shortest_path, g.missing) for g in gaps] == [
        (0, None, []),
        (1, None, ["ghost"]),
    ]


def test_bidirectional_search_finds_shortest_paths_on_random_graphs():
    G = nx.gnm_random_graph(200, 260, seed=5, directed=True)
    U = G.to_undirected()
    for a, b in [(0, 199), (3, 150), (10, 20), (42, 117)]:
        gaps = pathway_handoffs(G, [[[a], [b]]])
        if not gaps:
            assert U.has_edge(a, b)
            continue
        path = gaps[0].shortest_path
        if nx.has_path(U, a, b):
            assert len(path) - 1 == nx.shortest_path_length(U, a, b)
            assert all(U.has_edge(u, v) for u, v in zip(path, path[1:]))
            assert (path[0], path[-1]) == (a, b)
        else:
            assert path is None


def test_relied_on_organisations_without_a_seat():
    G = nx.DiGraph()
    for org in "ABCDE":
        team(G, f"{org}1", "health", org)
        team(G, f"{org}2", "health", org)
    # B, C, D each rely on A (two of C's teams: still one organisation); A relies on B
    G.add_edges_from([("B1", "A1"), ("C1", "A2"), ("C2", "A1"), ("D1", "A1"), ("A1", "B2"), ("A1", "A2")])
    rows = relied_on_without_seat(G, forum_seats=set(), threshold=3)
    assert rows == [{"organisation": "A", "relied_on_by": 3}]
    assert relied_on_without_seat(G, forum_seats={"A"}, threshold=3) == []
    assert [r["organisation"] for r in relied_on_without_seat(G, set(), threshold=1)] == ["A", "B"]


def test_relied_on_in_an_undirected_graph_counts_both_ends():
    G = nx.Graph()
    for org in "AB":
        team(G, org, "health", org)
    G.add_edge("A", "B")
    assert relied_on_without_seat(G, set(), threshold=1) == [
        {"organisation": "A", "relied_on_by": 1},
        {"organisation": "B", "relied_on_by": 1},
    ]


@pytest.mark.parametrize("steps", [[], [["h1"]]])
def test_pathways_with_fewer_than_two_steps_have_no_handoffs(ics, steps):
    assert pathway_handoffs(ics, [steps]) == []
