"""NHS small-number suppression for published counts and percentages.

Rule applied (the NHS England / NHS Digital convention for statistics built
from patient or staff records):

* 0 is shown as 0;
* 1 to 7 is suppressed and shown as ``"*"``;
* anything else is rounded to the nearest 5 (8 -> 10, 12 -> 10, 13 -> 15).

Percentages are computed from the *rounded* figures: a shown count divided by
the rounded total of all records. A suppressed count gets no percentage (None)
but stays inside the total, because dropping it from the denominator would
inflate every other group's share and let a reader recover the suppressed
number by difference. Shown percentages therefore need not add up to 100. If
the total itself is 1 to 7, every non-zero count is suppressed and no
percentage is shown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, TypeVar

__all__ = ["SUPPRESSED", "suppress_count", "suppressed_table"]

SUPPRESSED = "*"
K = TypeVar("K")


def _round_half_up(x: float, decimals: int) -> float:
    scale = 10**decimals
    return math.floor(x * scale + 0.5) / scale


def suppress_count(count: int) -> int | str:
    """Apply the rule to one count: 0 stays 0, 1-7 becomes ``"*"``, else nearest 5.

    >>> [suppress_count(c) for c in (0, 1, 7, 8, 12, 13, 102)]
    [0, '*', '*', 10, 10, 15, 100]
    """
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise ValueError(f"a count must be a non-negative integer, got {count!r}")
    if count == 0:
        return 0
    if count <= 7:
        return SUPPRESSED
    return 5 * ((count + 2) // 5)


def suppressed_table(counts: Mapping[K, int], *, decimals: int = 1) -> dict[str, Any]:
    """Suppressed counts and percentages of a breakdown that sums to a total.

    Parameters
    ----------
    counts : mapping of group to raw count
        Every group of the breakdown, zeros included.
    decimals : int
        Decimal places of the percentages, rounded half up (31.25 -> 31.3).

    Returns
    -------
    dict
        ``{"total": shown total, "rows": {group: {"count": shown, "percent": float | None}}}``.

    >>> table = suppressed_table({"a": 40, "b": 3, "c": 0})
    >>> table["total"], table["rows"]["a"]
    (45, {'count': 40, 'percent': 88.9})
    >>> table["rows"]["b"], table["rows"]["c"]
    ({'count': '*', 'percent': None}, {'count': 0, 'percent': 0.0})
    """
    raw_total = sum(counts.values())
    total = suppress_count(raw_total)
    rows: dict[K, dict[str, Any]] = {}
    for key, raw in counts.items():
        shown = suppress_count(raw)
        if total == SUPPRESSED:
            shown = SUPPRESSED if raw else 0
        percent = None
        if shown != SUPPRESSED and total not in (SUPPRESSED, 0):
            percent = _round_half_up(100 * shown / total, decimals)
        rows[key] = {"count": shown, "percent": percent}
    return {"total": total, "rows": rows}
