"""Leadership representation, demand against pipeline, and capability coverage."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
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
    [("ABC", "White"), ("DEFG", "Mixed"), ("HJKL", "Asian"), ("MNP", "Black"), ("RS", "Other"), ("Z", "Not stated")],
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
    # the groups, in the order they are published, are the domain's EthnicGroup (the API's enum)
    from carenet.analytics.leadership import ETHNIC_GROUP_ORDER

    assert ETHNIC_GROUP_ORDER == tuple(g.value for g in enums.EthnicGroup)
    assert set(enums.ETHNIC_GROUPS.values()) == set(ETHNIC_GROUP_ORDER)


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


def wilson(k: int, n: int) -> tuple[float, float]:
    """Wilson's 95% interval written out again, as the oracle."""
    z = 1.959964
    p = k / n
    centre, spread = p + z * z / (2 * n), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n), (centre + spread) / (1 + z * z / n)


def test_representation_suppresses_and_compares_with_the_baseline():
    baseline = {"p1": {"White": 60.0, "Asian": 15.0, "Black": 20.0, "Mixed": 3.0}}
    rows = representation(leaders(), baseline=baseline)
    p1, p2 = rows
    assert p1["place"] == "p1" and p1["total"] == 55  # 54 -> 55
    cats = p1["categories"]
    assert list(cats) == ["White", "Mixed", "Asian", "Black", "Other", "Not stated"]
    # 55 shown stands for 53-57 leaders, 30 for 28-32: the interval covers them all; a total
    # under 100 gets no point percentage (54.5% from rounded counts was 55.6% in truth)
    lo, hi = wilson(28, 57)[0], wilson(32, 53)[1]
    assert cats["White"] == {
        "count": 30,
        "percent": None,
        "interval": [math.floor(1000 * lo) / 10, math.ceil(1000 * hi) / 10],
        "baseline": 60.0,
        "gap_pp": None,
        "status": "within range",
    }
    assert cats["White"]["interval"] == [36.6, 72.5]
    assert cats["Mixed"]["count"] == "*" and cats["Mixed"]["percent"] is None
    assert cats["Mixed"]["interval"] == [
        math.floor(1000 * wilson(1, 57)[0]) / 10,
        math.ceil(1000 * wilson(7, 53)[1]) / 10,
    ]
    assert cats["Other"]["count"] == 0 and cats["Other"]["baseline"] is None and cats["Other"]["status"] is None
    # five leaders in p2: the whole place is suppressed
    assert p2["total"] == "*" and p2["categories"]["White"]["count"] == "*"


def test_small_counts_give_an_interval_not_a_misleading_percentage():
    """Issue 21: 8 White and 4 Asian leaders showed as 100% White, +38 pp against a 62% baseline
    (true share 66.7%, +4.7 pp). Now: no point share, an interval that holds the truth, no gap."""
    rows = representation(
        [Leader("p", "board", "A", None)] * 8 + [Leader("p", "board", "H", None)] * 4,
        baseline={"p": {"White": 62.0, "Asian": 38.0}},
    )
    white = rows[0]["categories"]["White"]
    assert white["count"] == 10 and white["percent"] is None and white["gap_pp"] is None
    assert white["interval"][0] <= 100 * 8 / 12 <= white["interval"][1] and white["status"] == "within range"


def test_under_representation_shows_where_the_count_is_suppressed():
    """Issue 21: suppressed cells got no gap, hiding the worst under-representation."""
    rows = representation(
        [Leader("p", "team", "A", None)] * 195 + [Leader("p", "team", "H", None)] * 5,
        baseline={"p": {"White": 70.0, "Asian": 30.0}},
    )
    asian, white = rows[0]["categories"]["Asian"], rows[0]["categories"]["White"]
    assert asian["count"] == "*" and asian["percent"] is None
    assert asian["status"] == "under-represented" and asian["interval"][1] < 30
    assert white["percent"] == 97.5 and white["gap_pp"] == 27.5 and white["status"] == "over-represented"


def test_not_stated_is_left_out_of_both_sides():
    """Issue 21: 'not stated' was in the leaders' denominator but not in the baseline's."""
    rows = representation(
        [Leader("p", "team", "A", None)] * 100 + [Leader("p", "team", "Z", None)] * 50,
        baseline={"p": {"White": 76.0, "Asian": 19.0, "Not stated": 5.0}},
    )
    cats = rows[0]["categories"]
    assert cats["White"]["percent"] == 100.0 and cats["White"]["baseline"] == 80.0 and cats["White"]["gap_pp"] == 20.0
    assert cats["Asian"]["baseline"] == 20.0
    assert cats["Not stated"]["percent"] == 33.3 and cats["Not stated"]["baseline"] is None


def test_representation_by_place_and_level_and_by_sex():
    rows = representation(leaders(), characteristic="sex", by=("place", "level"))
    assert [(r["place"], r["level"]) for r in rows] == [("p1", "middle"), ("p1", "senior"), ("p2", "board")]
    senior = rows[1]["categories"]
    assert senior["female"]["count"] == 30 and senior["male"]["count"] == 10
    assert rows[0]["categories"]["not_stated"]["count"] == "*"


def test_representation_never_returns_a_row_per_person():
    rows = representation(leaders())
    assert len(rows) == 2
    flat = repr(rows)
    assert "female" not in flat and "'A'" not in flat


def test_raw_ethnic_categories_are_validated():
    rows = representation([{"place": "p", "ethnic_category": "A"}] * 8, characteristic="ethnic_category")
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
    got = [x for r in rows for x in (r["year"], r["leavers"], r["from_pipeline"], r["pipeline_left"], r["gap"])]
    # 2026: 10 - 2 = 8 retained, hire 2 -> 10, gap 0, 1 left
    # 2027: 10 - 2 = 8 retained, hire 1 -> 9, gap 1, 0 left
    # 2028: 9 - 1.8 = 7.2 retained, no one left, gap 12 - 7.2 = 4.8
    assert got == pytest.approx([2026, 2.0, 2.0, 1.0, 0.0, 2027, 2.0, 1.0, 0.0, 1.0, 2028, 1.8, 0.0, 0.0, 4.8])


def test_leadership_gap_surplus_and_per_level_rates():
    rows = leadership_gap({("p", "board"): 10}, {("p", "board", 1): 5}, leaver_rate={"board": 0.1}, pipeline={})
    assert rows[0]["gap"] == pytest.approx(-4.0)  # 9 retained, 5 needed
    with pytest.raises(ValueError):
        leadership_gap({}, {("p", "board", 1): 5}, leaver_rate=1.5, pipeline={})


def test_capability_coverage_per_place():
    leaders_ = [
        {"place": "p1", "capabilities": ["qi"]},
        {"place": "p1", "capabilities": ["compassion", "other"]},
        {"place": "p2", "capabilities": []},
    ]
    cov = capability_coverage(leaders_, ["qi", "compassion", "cross_boundary"])
    assert cov["p1"] == {"leaders": "*", "held": ["compassion", "qi"], "missing": ["cross_boundary"]}
    assert cov["p2"]["missing"] == ["compassion", "cross_boundary", "qi"]


# --- no suppressed count can be worked out from everything published ---------------------------


def _range(shown):
    return {0: (0, 0), "*": (1, 7), "c": (8, math.inf)}.get(shown) or (max(8, shown - 2), shown + 2)


def attack(tables: dict[tuple[str, tuple[str, ...]], list[dict]]) -> dict[tuple, tuple[float, float]]:
    """An adversary's integer programme: for every ``*`` (1 to 7) of every published row, the
    least and greatest count consistent with every published count and total at once (and with
    the same leaders being counted in each characteristic's tables)."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    cells = set()
    for rows in tables.values():
        for row in rows:
            cells.add((row.get("place"), row.get("level")))
    chars = {ch: list(rows[0]["categories"]) for (ch, _), rows in tables.items() if rows}
    variables = [(ch, a, lv, c) for ch, cats in chars.items() for a, lv in sorted(cells, key=str) for c in cats]
    index = {v: i for i, v in enumerate(variables)}
    A, lo, hi, targets = [], [], [], {}

    def add(vs, bounds):
        row = np.zeros(len(variables))
        for v in vs:
            row[index[v]] += 1
        A.append(row)
        lo.append(bounds[0])
        hi.append(bounds[1])
        return row

    for (ch, by), rows in tables.items():
        for row in rows:
            key = {f: row[f] for f in by}
            members = [(a, lv) for a, lv in cells if all({"place": a, "level": lv}[f] == v for f, v in key.items())]
            add([(ch, a, lv, c) for a, lv in members for c in chars[ch]], _range(row["total"]))
            for c, cell in row["categories"].items():
                r = add([(ch, a, lv, c) for a, lv in members], _range(cell["count"]))
                if cell["count"] == "*":
                    targets[(ch, by, tuple(key.values()), c)] = r
    names = list(chars)
    for other in names[1:]:
        for a, lv in cells:
            row = np.zeros(len(variables))
            for c in chars[names[0]]:
                row[index[(names[0], a, lv, c)]] += 1
            for c in chars[other]:
                row[index[(other, a, lv, c)]] -= 1
            A.append(row)
            lo.append(0)
            hi.append(0)
    constraint = LinearConstraint(np.array(A), np.array(lo, float), np.array(hi, float))
    out = {}
    for name, objective in targets.items():
        found = []
        for sign in (1, -1):
            res = milp(
                sign * objective, integrality=np.ones(len(variables)), bounds=Bounds(0, np.inf), constraints=constraint
            )
            found.append(math.inf if res.status == 3 else round(sign * res.fun))
        out[name] = tuple(found)
    return out


def published(records) -> dict:
    from carenet.analytics import protected_counts
    from carenet.analytics.leadership import TABLES

    counts = protected_counts(records)
    return {
        (ch, by): representation(records, characteristic=ch, by=by, counts=counts)
        for ch in ("ethnic_group", "sex")
        for by in TABLES
    }


def test_differencing_cannot_recover_a_suppressed_count():
    """Issue 21: a total of 45 (43-47) and three cells of 10 (8-12 each) pin a fourth, shown
    as *, to exactly 7. Such cells are withheld too (``c``) so that no * can be worked out."""
    records = (
        [Leader("p", "board", "A", "female")] * 12
        + [Leader("p", "board", "H", "female")] * 12
        + [Leader("p", "board", "M", "male")] * 12
        + [Leader("p", "board", "D", "male")] * 7
    )
    alone = {("ethnic_group", ("place",)): representation(records)}
    assert {k: v for k, v in attack(alone).items() if v[0] == v[1]} == {}
    cats = alone[("ethnic_group", ("place",))][0]["categories"]
    assert cats["Mixed"]["count"] == "*" and "c" in [cats[g]["count"] for g in ("White", "Asian", "Black")]


@pytest.mark.parametrize("seed", range(8))
def test_no_suppressed_count_is_recovered_from_all_tables_at_once(seed):
    """Generated leaders in three areas and up to four levels, with many small counts: every
    table published together (by area and level, by area, by level; ethnic group and sex)."""
    import random

    rng = random.Random(seed)
    codes, sexes = "AAAAAHHHMMDRZ", ["female", "female", "male", "not_stated"]
    records = []
    for area in ("p1", "p2", "s"):
        for level in rng.sample(["board", "executive", "senior", "team"], rng.randint(1, 4)):
            for _ in range(rng.choice([0, 3, 9, 14, 23, 40, 61, 120])):
                records.append(Leader(area, level, rng.choice(codes), rng.choice(sexes)))
    tables = published(records)
    ranges = attack(tables)
    assert ranges, "nothing was suppressed: the case tests nothing"
    pinned = {k: v for k, v in ranges.items() if v[0] == v[1]}
    assert pinned == {}
    # and every shown figure is still true to the leaders: the truth lies in each shown range
    truth = {}
    for r in records:
        for ch, c in (("ethnic_group", ethnic_group(r.ethnic_category)), ("sex", r.sex)):
            for by in (("place", "level"), ("place",), ("level",)):
                key = tuple({"place": r.place, "level": r.level}[f] for f in by)
                truth[(ch, by, key, c)] = truth.get((ch, by, key, c), 0) + 1
    for (ch, by), rows in tables.items():
        for row in rows:
            key = tuple(row[f] for f in by)
            for c, cell in row["categories"].items():
                low, high = _range(cell["count"])
                assert low <= truth.get((ch, by, key, c), 0) <= high
