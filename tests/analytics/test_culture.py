"""Culture beside the network: hand-worked tiny cases, and scipy / plain Python as oracles."""

from __future__ import annotations

import math
import random

import networkx as nx
import pytest
from scipy import stats

from carenet.analytics.culture import (
    ASSOCIATION_WARNING,
    culture_beside_network,
    leader_positions,
    rank_correlation,
    spearman,
    suppress,
)

CATALOGUE = {
    "concerns_addressed": {
        "name": "Confident concerns would be addressed",
        "scale": "percent",
        "higher_is_better": True,
    },
    "bullying_from_managers": {"name": "Bullying from managers", "scale": "percent", "higher_is_better": False},
    "raising_concerns": {"name": "Raising concerns", "scale": "score_0_10", "higher_is_better": True},
}


def tiny() -> nx.Graph:
    """A: a1-a2 inside, a1-b1 across; B: b1 alone, b1-c1 across; C: c1-c2 inside; D: d1 isolated."""
    G = nx.Graph()
    for node, org in (("a1", "A"), ("a2", "A"), ("b1", "B"), ("c1", "C"), ("c2", "C"), ("d1", "D")):
        G.add_node(node, organisation=org)
    G.add_edges_from([("a1", "a2"), ("a1", "b1"), ("b1", "c1"), ("c1", "c2")])
    return G


def test_leader_positions_by_hand() -> None:
    G = tiny()
    pos = leader_positions(G)
    assert pos["A"] | {} == pos["A"]
    assert {k: pos["A"][k] for k in ("leaders", "internal_ties", "external_ties")} == {
        "leaders": 2,
        "internal_ties": 1,
        "external_ties": 1,
    }
    assert pos["A"]["cross_boundary_ties_per_leader"] == 0.5 and pos["A"]["ei_index"] == 0.0
    assert pos["B"]["cross_boundary_ties_per_leader"] == 2.0 and pos["B"]["ei_index"] == 1.0
    # brokerage, by hand: b1 is liaison on a1>b1>c1 and c1>b1>a1; a1 is representative on a2>a1>b1
    # and gatekeeper on b1>a1>a2; c1 likewise; a2 and c2 broker nothing
    assert pos["B"]["brokerage_per_leader"] == 2.0 and pos["A"]["brokerage_per_leader"] == 1.0
    assert pos["D"] == {
        "leaders": 1,
        "internal_ties": 0,
        "external_ties": 0,
        "cross_boundary_ties_per_leader": 0.0,
        "ei_index": None,
        "constraint": None,
        "brokerage_per_leader": 0.0,
    }
    burt = nx.constraint(G, nodes=["a1", "a2"])
    assert pos["A"]["constraint"] == pytest.approx((burt["a1"] + burt["a2"]) / 2)


def test_spearman_matches_scipy_with_ties() -> None:
    rng = random.Random(18)
    for n in (3, 5, 12, 40):
        x = [rng.choice([0.0, 0.5, 1.0, 1.5, 2.0, rng.random()]) for _ in range(n)]
        y = [rng.randint(0, 6) + (x[i] if i % 2 else 0) for i in range(n)]
        expected = stats.spearmanr(x, y).statistic
        got = spearman(x, y)
        if math.isnan(expected):
            assert got is None
        else:
            assert got == pytest.approx(expected, abs=1e-12)


def test_the_interval_is_fisher_z_with_fieller_variance() -> None:
    rng = random.Random(7)
    x = [rng.random() for _ in range(30)]
    y = [v + rng.gauss(0, 0.3) for v in x]
    result = rank_correlation(x, y)
    rho = stats.spearmanr(x, y).statistic
    se = math.sqrt(1.06 / 27)
    assert result["n"] == 30 and result["rho"] == pytest.approx(rho)
    assert result["ci_low"] == pytest.approx(math.tanh(math.atanh(rho) - 1.959963984540054 * se))
    assert result["ci_high"] == pytest.approx(math.tanh(math.atanh(rho) + 1.959963984540054 * se))
    assert result["ci_low"] < rho < result["ci_high"]
    assert "not a cause" in result["warning"]
    assert rank_correlation([1, 2, 3], [1, 3, 2])["ci_low"] is None  # n = 3: no interval
    assert spearman([1, 2], [2, 1]) is None and spearman([1, 1, 1], [1, 2, 3]) is None


def test_suppression_holds_the_value() -> None:
    got = suppress([{"value": 55.0, "responses": 10}, {"value": 60.0, "responses": 11}], 11)
    assert [r["value"] for r in got] == [None, 60.0] and [r["suppressed"] for r in got] == [True, False]


def _record(org, code, value, responses=100, year=2024):
    return {
        "anchor": org,
        "indicator": code,
        "value": value,
        "responses": responses,
        "year": year,
        "survey": "nhs_staff_survey",
        "scale": CATALOGUE[code]["scale"],
        "source": "synthetic",
    }


def _positions(ties: dict[str, float], brokerage: dict[str, float] | None = None) -> dict[str, dict]:
    return {
        o: {
            "leaders": 4,
            "external_ties": t * 4,
            "cross_boundary_ties_per_leader": t,
            "ei_index": t / 4 - 0.5,
            "constraint": 0.5,
            "brokerage_per_leader": (brokerage or {}).get(o, 0.0),
        }
        for o, t in ties.items()
    }


def test_flags_say_what_and_why_and_skip_held_values() -> None:
    ties = {"o1": 0.2, "o2": 1.0, "o3": 2.0, "o4": 3.0, "o5": 4.0, "o6": 0.1}
    positions = _positions(ties, brokerage={"o5": 9.0, "o4": 1.0})
    records = [
        _record("o1", "concerns_addressed", 30.0),
        _record("o2", "concerns_addressed", 60.0),
        _record("o3", "concerns_addressed", 65.0),
        _record("o4", "concerns_addressed", 70.0),
        _record("o5", "concerns_addressed", 75.0),
        _record("o6", "concerns_addressed", 10.0, responses=10),  # held: lowest, but never compared
        *[
            _record(o, "bullying_from_managers", v)
            for o, v in (("o1", 5.0), ("o2", 6.0), ("o3", 7.0), ("o4", 8.0), ("o5", 20.0))
        ],
    ]
    places = {o: {"name": o.upper(), "place": "p1" if o in ("o1", "o2") else "p2", "system": "s"} for o in ties}
    result = culture_beside_network(positions, records, catalogue=CATALOGUE, minimum=11, organisations=places)
    rows = {r["organisation"]: r for r in result["organisations"]}
    assert [f["code"] for f in rows["o1"]["flags"]] == ["isolated_leaders_concerns_not_addressed"]
    evidence = rows["o1"]["flags"][0]["evidence"]
    assert "30.0% in 2024" in evidence[0] and "lowest quarter of 5 organisations: at or below 30.0%" in evidence[0]
    assert "0.20" in evidence[1] and "4 leaders" in evidence[1]
    assert [f["code"] for f in rows["o5"]["flags"]] == ["broker_with_bullying_from_managers"]
    assert rows["o6"]["flags"] == []
    held = rows["o6"]["indicators"][0]
    assert held["value"] is None and held["suppressed"] is True
    assert "10.0" not in repr(result)  # the held value is nowhere in the result
    assert all(not f for o in ("o2", "o3", "o4") for f in rows[o]["flags"])
    corr = {(c["indicator"], c["measure"]): c for c in result["correlations"]}
    c = corr[("concerns_addressed", "cross_boundary_ties_per_leader")]
    assert c["n"] == 5 and c["rho"] == pytest.approx(1.0)
    p1 = next(p for p in result["places"] if p["place"] == "p1")
    concerns = next(f for f in p1["indicators"] if f["indicator"] == "concerns_addressed")
    assert concerns["value"] == pytest.approx(45.0) and concerns["organisations"] == 2 and concerns["responses"] == 200
    assert result["warning"] == ASSOCIATION_WARNING


def test_trend_between_years_says_better_or_worse() -> None:
    records = [
        _record("o1", "bullying_from_managers", 12.0, year=2023),
        _record("o1", "bullying_from_managers", 9.0),
        _record("o1", "concerns_addressed", 50.0, year=2023),
        _record("o1", "concerns_addressed", 45.0),
        _record("o1", "raising_concerns", 6.0, year=2023, responses=5),
        _record("o1", "raising_concerns", 6.5),
    ]
    result = culture_beside_network(_positions({"o1": 1.0}), records, catalogue=CATALOGUE, minimum=11)
    trends = {t["indicator"]: t for t in result["organisations"][0]["trends"]}
    assert trends["bullying_from_managers"]["change"] == pytest.approx(-3.0)
    assert (
        trends["bullying_from_managers"]["direction"] == "better"
        and trends["bullying_from_managers"]["since"] == "2023"
    )
    assert trends["concerns_addressed"]["direction"] == "worse"
    assert trends["raising_concerns"]["change"] is None  # 2023 is held: no change can be shown
    assert trends["raising_concerns"]["points"][0] == {"period": "2023", "value": None, "suppressed": True}
