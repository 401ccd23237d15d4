"""Leadership representation, demand against pipeline, and capability coverage."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from carenet.analytics import (
    ETHNIC_GROUPS,
    capability_coverage,
    ethnic_group,
    leadership_gap,
    pipeline_counts,
    representation,
)


@pytest.mark.parametrize(
    ("codes", "group"),
    [("ABC", "White"), ("DEFG", "Mixed"), ("HJKL", "Asian"), ("MNP", "Black"),
     ("RS", "Other"), ("Z", "Not stated")],
)
def test_ethnic_roll_up_follows_the_data_dictionary(codes, group):
    assert {ethnic_group(c) for c in codes} == {group}
    assert ethnic_group(codes[0].lower()) == group


def test_unknown_codes_are_rejected_and_none_is_not_stated():
    assert ethnic_group(None) == "Not stated"
    for bad in ("I", "99", "White"):
        with pytest.raises(ValueError):
            ethnic_group(bad)


def test_roll_up_agrees_with_the_domain_vocabulary():
    enums = pytest.importorskip("carenet.domain.enums", reason="domain layer not built yet")
    assert ETHNIC_GROUPS == enums.ETHNIC_GROUPS


@dataclass
class Leader:
    place: str
    level: str
    ethnic_category: str | None
    sex: str | None


def leaders() -> list[Leader]:
    # place p1: 30 A, 12 H, 9 M, 3 D (54 leaders); place p2: 5 A
    out = [Leader("p1", "senior", "A", "female")] * 30
    out += [Leader("p1", "senior", "H", "male")] * 12
    out += [Leader("p1", "middle", "M", "female")] * 9
    out += [Leader("p1", "middle", "D", None)] * 3
    out += [Leader("p2", "board", "A", "male")] * 5
    return out


def test_representation_suppresses_and_compares_with_the_baseline():
    baseline = {"p1": {"White": 60.0, "Asian": 15.0, "Black": 20.0, "Mixed": 3.0}}
    rows = representation(leaders(), baseline=baseline)
    p1, p2 = rows
    assert p1["place"] == "p1" and p1["total"] == 55  # 54 -> 55
    cats = p1["categories"]
    assert list(cats) == ["White", "Mixed", "Asian", "Black", "Other", "Not stated"]
    assert cats["White"] == {"count": 30, "percent": 54.5, "baseline": 60.0, "gap_pp": -5.5}
    assert cats["Asian"] == {"count": 10, "percent": 18.2, "baseline": 15.0, "gap_pp": 3.2}
    assert cats["Black"] == {"count": 10, "percent": 18.2, "baseline": 20.0, "gap_pp": -1.8}
    assert cats["Mixed"] == {"count": "*", "percent": None, "baseline": 3.0, "gap_pp": None}
    assert cats["Other"]["count"] == 0 and cats["Other"]["baseline"] is None
    # five leaders in p2: the whole place is suppressed
    assert p2["total"] == "*" and p2["categories"]["White"]["count"] == "*"


def test_representation_by_place_and_level_and_by_sex():
    rows = representation(leaders(), characteristic="sex", by=("place", "level"))
    assert [(r["place"], r["level"]) for r in rows] == [("p1", "middle"), ("p1", "senior"),
                                                       ("p2", "board")]
    senior = rows[1]["categories"]
    assert senior["female"]["count"] == 30 and senior["male"]["count"] == 10
    assert rows[0]["categories"]["not_stated"]["count"] == "*"


def test_representation_never_returns_a_row_per_person():
    rows = representation(leaders())
    assert len(rows) == 2
    flat = repr(rows)
    assert "female" not in flat and "'A'" not in flat


def test_raw_ethnic_categories_are_validated():
    rows = representation([{"place": "p", "ethnic_category": "A"}] * 8,
                          characteristic="ethnic_category")
    assert rows[0]["categories"]["A"]["count"] == 10
    with pytest.raises(ValueError):
        representation([{"place": "p", "ethnic_category": "Q"}], characteristic="ethnic_category")


def test_pipeline_counts_people_one_level_below_with_every_capability():
    people = [
        {"place": "p1", "level": "senior", "capabilities": ["qi", "compassion"]},
        {"place": "p1", "level": "senior", "capabilities": ["qi"]},
        {"place": "p1", "level": "middle", "capabilities": []},
        {"place": "p1", "level": "board", "capabilities": ["qi", "compassion"]},
    ]
    required = {"executive": {"qi", "compassion"}}
    assert pipeline_counts(people, required) == {("p1", "executive"): 1, ("p1", "senior"): 1}


def test_leadership_gap_year_by_year_by_hand():
    # 10 leaders, 20% leave a year, 3 ready successors; need 10, 10, 12
    rows = leadership_gap(
        {("p1", "senior"): 10},
        {("p1", "senior", 2026): 10, ("p1", "senior", 2027): 10, ("p1", "senior", 2028): 12},
        leaver_rate=0.2,
        pipeline={("p1", "senior"): 3},
    )
    got = [x for r in rows
           for x in (r["year"], r["leavers"], r["from_pipeline"], r["pipeline_left"], r["gap"])]
    # 2026: 10 - 2 = 8 retained, hire 2 -> 10, gap 0, 1 left
    # 2027: 10 - 2 = 8 retained, hire 1 -> 9, gap 1, 0 left
    # 2028: 9 - 1.8 = 7.2 retained, no one left, gap 12 - 7.2 = 4.8
    assert got == pytest.approx([2026, 2.0, 2.0, 1.0, 0.0,
                                 2027, 2.0, 1.0, 0.0, 1.0,
                                 2028, 1.8, 0.0, 0.0, 4.8])


def test_leadership_gap_surplus_and_per_level_rates():
    rows = leadership_gap({("p", "board"): 10}, {("p", "board", 1): 5},
                          leaver_rate={"board": 0.1}, pipeline={})
    assert rows[0]["gap"] == pytest.approx(-4.0)  # 9 retained, 5 needed
    with pytest.raises(ValueError):
        leadership_gap({}, {("p", "board", 1): 5}, leaver_rate=1.5, pipeline={})


def test_capability_coverage_per_place():
    leaders_ = [{"place": "p1", "capabilities": ["qi"]},
                {"place": "p1", "capabilities": ["compassion", "other"]},
                {"place": "p2", "capabilities": []}]
    cov = capability_coverage(leaders_, ["qi", "compassion", "cross_boundary"])
    assert cov["p1"] == {"leaders": "*", "held": ["compassion", "qi"], "missing": ["cross_boundary"]}
    assert cov["p2"]["missing"] == ["compassion", "cross_boundary", "qi"]
