"""NHS small-number suppression."""

from __future__ import annotations

import doctest

import pytest

from carenet.analytics import SUPPRESSED, suppress_count, suppressed_table, suppression


@pytest.mark.parametrize(
    ("count", "shown"),
    [
        (0, 0),
        (1, "*"),
        (5, "*"),
        (7, "*"),
        (8, 10),
        (10, 10),
        (12, 10),
        (13, 15),
        (17, 15),
        (18, 20),
        (1002, 1000),
        (1003, 1005),
    ],
)
def test_suppress_count_boundaries(count, shown):
    assert suppress_count(count) == shown


@pytest.mark.parametrize("bad", [-1, 2.5, "3", None, True])
def test_suppress_count_rejects_non_counts(bad):
    with pytest.raises(ValueError):
        suppress_count(bad)


def test_percentages_come_from_rounded_figures():
    # raw 52 / 23 / 4 / 0 -> shown 50 / 25 / * / 0; total 79 -> 80
    table = suppressed_table({"White": 52, "Asian": 23, "Black": 4, "Mixed": 0})
    assert table["total"] == 80
    rows = table["rows"]
    assert rows["White"] == {"count": 50, "percent": 62.5}
    assert rows["Asian"] == {"count": 25, "percent": 31.3}  # 31.25, rounded half up
    assert rows["Black"] == {"count": SUPPRESSED, "percent": None}
    assert rows["Mixed"] == {"count": 0, "percent": 0.0}


def test_a_small_total_suppresses_every_non_zero_cell():
    table = suppressed_table({"female": 5, "male": 0})
    assert table == {
        "total": "*",
        "rows": {"female": {"count": "*", "percent": None}, "male": {"count": 0, "percent": None}},
    }


def test_empty_breakdown():
    assert suppressed_table({}) == {"total": 0, "rows": {}}


def test_module_doctests():
    assert doctest.testmod(suppression).failed == 0
