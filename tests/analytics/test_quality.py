"""PARTNER-style trust and value, and change between survey waves."""

from __future__ import annotations

import networkx as nx
import pytest

from carenet.analytics import organisation_quality, score_sources, split_waves, tie_quality, wave_change


@pytest.fixture
def scored() -> nx.DiGraph:
    G = nx.DiGraph()
    for v, org in [("a1", "A"), ("a2", "A"), ("b1", "B"), ("c1", "C")]:
        G.add_node(v, organisation=org)
    G.add_edge("a1", "b1", trust=4.0, value=3.0)
    G.add_edge("b1", "a1", trust=2.0, value=None)
    G.add_edge("a2", "c1", trust=3.0, value=1.0)
    G.add_edge("a1", "a2", trust=1.0, value=1.0)  # internal to A
    return G


def test_tie_quality_with_reciprocal_scores(scored):
    rows = {(r["source"], r["target"]): r for r in tie_quality(scored)}
    ab = rows[("a1", "b1")]
    assert (ab["trust"], ab["value"], ab["reciprocated"]) == (4.0, 3.0, True)
    assert ab["pair_trust"] == pytest.approx(3.0)  # (4 + 2) / 2
    assert ab["pair_value"] == pytest.approx(3.0)  # b1's value is unscored
    assert rows[("a2", "c1")]["reciprocated"] is False


def test_organisation_quality_in_out_and_internal(scored):
    q = organisation_quality(scored)
    # A gave 4 (to B) and 3 (to C); received 2 (from B); internal a1 -> a2 left out
    assert q["A"]["trust_out"] == pytest.approx(3.5)
    assert q["A"]["trust_in"] == pytest.approx(2.0)
    assert q["A"]["trust"] == pytest.approx((4 + 3 + 2) / 3)
    assert q["A"]["value"] == pytest.approx((3 + 1) / 2)
    assert q["A"]["ties_scored"] == 3
    assert q["C"] == {
        "trust": 3.0,
        "trust_in": 3.0,
        "trust_out": None,
        "trust_received_pct": 75.0,
        "value": 1.0,
        "value_in": 1.0,
        "value_out": None,
        "value_received_pct": 25.0,
        "ties_scored": 1,
    }
    with_internal = organisation_quality(scored, include_internal=True)
    assert with_internal["A"]["trust"] == pytest.approx((4 + 3 + 2 + 1 + 1) / 5)


def test_organisation_quality_undirected_counts_both_ways():
    G = nx.Graph()
    G.add_node("x", organisation="X")
    G.add_node("y", organisation="Y")
    G.add_edge("x", "y", trust=2.0, value=4.0)
    q = organisation_quality(G)
    assert q["X"]["trust_in"] == q["X"]["trust_out"] == q["X"]["trust"] == 2.0
    assert q["Y"]["value"] == 4.0 and q["Y"]["ties_scored"] == 1


def wave(edges) -> nx.DiGraph:
    G = nx.DiGraph()
    for u, v, d in edges:
        G.add_edge(u, v, **d)
    return G


def test_wave_change_classifies_every_tie():
    before = wave(
        [
            ("a", "b", {"trust": 2.0, "value": 2.0, "frequency": "monthly"}),
            ("a", "c", {"trust": 3.0, "value": 3.0, "frequency": "weekly"}),
            ("b", "c", {"trust": 2.0, "value": 3.0, "frequency": "weekly"}),
            ("c", "d", {"trust": 2.0, "value": 2.0, "frequency": None}),
            ("d", "a", {"trust": 1.0}),
        ]
    )
    after = wave(
        [
            ("a", "b", {"trust": 3.0, "value": 2.0, "frequency": "weekly"}),  # stronger
            ("a", "c", {"trust": 3.0, "value": 2.0, "frequency": "monthly"}),  # weaker
            ("b", "c", {"trust": 3.0, "value": 2.0, "frequency": "weekly"}),  # mixed
            ("c", "d", {"trust": 2.05, "value": None, "frequency": "daily"}),  # unscored before
            ("e", "a", {"trust": 4.0}),
        ]
    )
    ch = wave_change(before, after, tolerance=0.1)
    assert ch.gained == [("e", "a")] and ch.lost == [("d", "a")]
    assert ch.strengthened == [
        {"source": "a", "target": "b", "changes": {"trust": [2.0, 3.0], "frequency": ["monthly", "weekly"]}}
    ]
    assert [r["target"] for r in ch.weakened] == ["c"] and ch.weakened[0]["source"] == "a"
    assert ch.weakened[0]["changes"] == {"value": [3.0, 2.0], "frequency": ["weekly", "monthly"]}
    assert [(r["source"], r["target"]) for r in ch.mixed] == [("b", "c")]
    assert ch.unchanged == 1  # c -> d: trust within tolerance, value and frequency not comparable
    assert ch.to_dict()["gained"] == [["e", "a"]]


def test_undirected_waves_match_ties_regardless_of_order():
    before, after = nx.Graph(), nx.Graph()
    before.add_edge("a", "b", trust=2.0)
    after.add_edge("b", "a", trust=1.0)
    ch = wave_change(before, after)
    assert ch.gained == [] and len(ch.weakened) == 1
    with pytest.raises(ValueError):
        wave_change(before, nx.DiGraph())


def test_split_waves_from_a_multi_wave_edge_list():
    edges = [
        ("a", "b", {"wave": "w1", "trust": 2.0}),
        ("a", "b", {"wave": "w2", "trust": 4.0}),
        ("b", "c", {"wave": "w2", "trust": 3.0}),
    ]
    waves = split_waves(edges)
    assert sorted(waves) == ["w1", "w2"]
    assert waves["w2"]["a"]["b"]["trust"] == 4.0 and waves["w1"].number_of_edges() == 1
    M = nx.MultiDiGraph()
    M.add_edges_from(edges)
    assert sorted(split_waves(M)) == ["w1", "w2"]
    assert len(wave_change(waves["w1"], waves["w2"]).strengthened) == 1


def test_change_counts_respondents_of_both_waves_above_a_threshold():
    """Issue 21: non-response counted as lost ties, and any one-point change as strengthened or
    weakened. a answered both waves; d only the first; e only the second."""
    before, after = nx.DiGraph(), nx.DiGraph()
    before.add_edge("a", "b", trust=2.0)
    before.add_edge("a", "c", trust=3.0)
    before.add_edge("d", "e", trust=2.0)
    after.add_edge("a", "b", trust=3.0)  # one point: within the threshold
    after.add_edge("a", "c", trust=1.0)  # two points down
    after.add_edge("a", "f", trust=3.0)
    after.add_edge("e", "a", trust=4.0)
    change = wave_change(before, after, tolerance=1.5, respondents_only=True)
    assert change.gained == [("a", "f")] and change.lost == []
    assert [(w["source"], w["target"]) for w in change.weakened] == [("a", "c")] and change.strengthened == []
    assert change.unchanged == 1 and change.not_compared == 2 and change.respondents == 1
    naive = wave_change(before, after)
    assert naive.lost == [("d", "e")] and len(naive.strengthened) == 1  # what it said before


def test_received_scores_as_a_share_of_the_maximum():
    G = nx.DiGraph()
    for v, org in (("x", "X"), ("y", "Y"), ("z", "Z")):
        G.add_node(v, organisation=org)
    G.add_edge("x", "z", trust=3.0, value=2.0)
    G.add_edge("y", "z", trust=4.0, value=4.0)
    z = organisation_quality(G)["Z"]
    assert z["trust_in"] == 3.5 and z["trust_received_pct"] == 87.5 and z["value_received_pct"] == 75.0
    assert organisation_quality(G)["X"]["trust_received_pct"] is None


def test_a_frequency_change_counts_past_its_tolerance_in_ranks():
    """Issue 21: any change of rank counted. Ranks: yearly 1 ... daily 5; with a tolerance of one rank
    a move of one (monthly -> weekly) is noise, of two (monthly -> daily, weekly -> quarterly) a change."""
    before, after = nx.DiGraph(), nx.DiGraph()
    pairs = {
        "b": ("monthly", "weekly"),
        "c": ("monthly", "daily"),
        "d": ("weekly", "quarterly"),
        "e": ("yearly", "yearly"),
    }
    for target, (f0, f1) in pairs.items():
        before.add_edge("a", target, frequency=f0)
        after.add_edge("a", target, frequency=f1)
    change = wave_change(before, after, frequency_tolerance=1)
    assert [r["target"] for r in change.strengthened] == ["c"] and [r["target"] for r in change.weakened] == ["d"]
    assert change.unchanged == 2
    rank = {"yearly": 1, "quarterly": 2, "monthly": 3, "weekly": 4, "daily": 5}  # plain Python over the same pairs
    moved = {t for t, (f0, f1) in pairs.items() if abs(rank[f1] - rank[f0]) >= 2}
    assert moved == {r["target"] for r in change.strengthened + change.weakened}
    assert len(wave_change(before, after).strengthened) == 2  # any rank: b counted too


def test_score_sources_counts_ties_by_how_their_scores_were_measured():
    G = nx.DiGraph()
    G.add_edge("a", "b", trust=10 / 3, trust_items=1, trust_reports=1, value=2.0, value_items=0, value_reports=1)
    G.add_edge("b", "a", trust=2.0, trust_items=0, trust_reports=1, value=None)
    G.add_edge("a", "c", trust=2.5, trust_items=1, trust_reports=2, value=None)  # merged from both kinds
    G.add_edge("c", "a", trust=3.0)  # no counts: a single score
    G.add_edge("c", "b", trust=None, value=None)
    assert score_sources(G) == {
        "trust": {"scored": 4, "sub_items": 1, "single": 2, "both": 1},
        "value": {"scored": 1, "sub_items": 0, "single": 1, "both": 0},
    }
