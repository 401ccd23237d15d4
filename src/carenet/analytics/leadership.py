"""Leadership: representation against a baseline, demand against the pipeline, capabilities.

Leader records are plain mappings or objects with the fields named below.
Ethnic category and sex are special-category data: these functions only
ever return aggregates, with small-number suppression
(:mod:`carenet.analytics.suppression`), never a row per person.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from carenet.analytics.disclosure import WITHHELD, Published, count_range, protect, share_interval
from carenet.analytics.suppression import SUPPRESSED, _round_half_up, suppress_count

__all__ = [
    "ETHNIC_GROUPS",
    "ETHNIC_GROUP_ORDER",
    "LEVELS",
    "ethnic_group",
    "representation",
    "protected_counts",
    "pipeline_counts",
    "leadership_gap",
    "capability_coverage",
]

#: NHS Data Dictionary ethnic category code -> five-group roll-up (2001 census classification).
ETHNIC_GROUPS: dict[str, str] = {
    **dict.fromkeys("ABC", "White"),
    **dict.fromkeys("DEFG", "Mixed"),
    **dict.fromkeys("HJKL", "Asian"),
    **dict.fromkeys("MNP", "Black"),
    **dict.fromkeys("RS", "Other"),
    "Z": "Not stated",
}
ETHNIC_GROUP_ORDER = ("White", "Mixed", "Asian", "Black", "Other", "Not stated")
#: Leadership levels from the board down; the pipeline for a level is the level below it.
LEVELS = ("board", "executive", "senior", "middle", "team")


def _get(record: Any, key: str) -> Any:
    if isinstance(record, Mapping):
        return record.get(key)
    return getattr(record, key, None)


def ethnic_group(code: str | None) -> str:
    """Roll an NHS ethnic category code (A-Z) up to its group; None counts as ``"Not stated"``."""
    if code is None:
        return "Not stated"
    try:
        return ETHNIC_GROUPS[str(code).strip().upper()]
    except KeyError:
        raise ValueError(f"not an NHS ethnic category code: {code!r}") from None


NOT_STATED = {"ethnic_group": "Not stated", "ethnic_category": "Z", "sex": "not_stated"}
"""The category of leaders whose characteristic is not recorded, per characteristic."""
POINT_MIN_TOTAL = 100
"""A point percentage is shown only where a row's shown total is at least this; below it the
rounding of small counts moves a share by many points, so only the interval is shown."""
TABLES = (("place", "level"), ("place",), ("level",))
"""The breakdowns published together (and audited together): by area and level, by area, by level."""


def _categoriser(characteristic: str) -> tuple[Any, list[Any]]:
    if characteristic == "ethnic_group":
        return (lambda r: ethnic_group(_get(r, "ethnic_category"))), list(ETHNIC_GROUP_ORDER)
    if characteristic == "ethnic_category":

        def category(r: Any) -> Any:
            code = _get(r, "ethnic_category") or "Z"
            ethnic_group(code)  # validates
            return str(code).strip().upper()

        return category, []
    if characteristic == "sex":
        return (lambda r: _get(r, "sex") or "not_stated"), ["female", "male", "not_stated"]
    raise ValueError(f"unknown characteristic {characteristic!r}")


def protected_counts(
    leaders: Iterable[Any],
    *,
    characteristics: Sequence[str] = ("ethnic_group", "sex"),
    extra_categories: Mapping[str, Collection[Any]] | None = None,
) -> dict[str, dict[str, Any]]:
    """Shown counts of leaders for every table in :data:`TABLES` and each characteristic,
    suppressed and audited together so that no ``*`` can be worked out from them all
    (:mod:`carenet.analytics.disclosure`: primary suppression, then ``c`` where needed).

    Returns ``{characteristic: {"categories": [...], by: {key: {"total", "cells": {category: shown}}}}}``
    with ``by`` one of :data:`TABLES` and ``key`` the tuple of its values.
    """
    records = list(leaders)
    pub = Published()
    neighbours: dict[Any, list[Any]] = defaultdict(list)
    out: dict[str, dict[str, Any]] = {}
    row_sums: dict[str, dict[tuple[Any, Any], tuple[Any, ...]]] = {}
    for ch in characteristics:
        category, fixed = _categoriser(ch)
        cube: Counter[tuple[Any, Any, Any]] = Counter()
        for r in records:
            cube[(_get(r, "place"), _get(r, "level"), category(r))] += 1
        seen = {c for (_, _, c) in cube} | set((extra_categories or {}).get(ch, ()))
        categories = fixed + sorted((c for c in seen if c not in fixed), key=str)
        cells = sorted({(a, lv) for (a, lv, _) in cube}, key=lambda k: tuple(map(str, k)))
        areas = sorted({a for a, _ in cells}, key=str)
        levels = sorted({lv for _, lv in cells}, key=str)
        out[ch] = {"categories": categories}
        keyed = {
            ("place", "level"): {(a, lv): [(a, lv)] for a, lv in cells},
            ("place",): {(a,): [(x, lv) for x, lv in cells if x == a] for a in areas},
            ("level",): {(lv,): [(a, x) for a, x in cells if x == lv] for lv in levels},
        }
        for by, groups in keyed.items():
            for key, members in groups.items():
                for c in categories:
                    pub.add(
                        (ch, by, key, c),
                        [(ch, a, lv, c) for a, lv in members],
                        sum(cube[(a, lv, c)] for a, lv in members),
                    )
                pub.add(
                    (ch, by, key, None),
                    [(ch, a, lv, c) for a, lv in members for c in categories],
                    sum(cube[(a, lv, c)] for a, lv in members for c in categories),
                )
        row_sums[ch] = {(a, lv): tuple((ch, a, lv, c) for c in categories) for a, lv in cells}
        for a, lv in cells:  # a cell's row and its two columns: the candidates to withhold with it
            for c in categories:
                row = [(ch, ("place", "level"), (a, lv), d) for d in categories if d != c]
                by_area = [(ch, ("place", "level"), (a, x), c) for x in levels if x != lv and (a, x) in row_sums[ch]]
                by_level = [(ch, ("place", "level"), (x, lv), c) for x in areas if x != a and (x, lv) in row_sums[ch]]
                sums = [(ch, ("place",), (a,), c), (ch, ("level",), (lv,), c)]  # the cells that add it up
                neighbours[(ch, ("place", "level"), (a, lv), c)] = row + by_area + by_level + sums
        for pos, by in enumerate((("place",), ("level",))):
            for key in keyed[by]:
                for c in categories:
                    inner = [(ch, ("place", "level"), k, c) for k in cells if k[pos] == key[0]]
                    neighbours[(ch, by, key, c)] = [(ch, by, key, d) for d in categories if d != c] + inner
    first, *others = characteristics
    for ch in others:  # the same leaders in every breakdown: each area and level's totals agree
        for cell, variables in row_sums[first].items():
            pub.links.append((variables, row_sums[ch][cell]))
    together = {
        (ch, by, key, None): [(other, by, key, None) for other in characteristics]
        for (ch, by, key, c) in pub.exprs
        if c is None
    }
    protect(pub, neighbours, together=together)
    for ch in characteristics:
        for by in TABLES:
            table: dict[tuple[Any, ...], dict[str, Any]] = {}
            for (c_ch, c_by, key, c), shown in pub.shown.items():
                if c_ch != ch or c_by != by:
                    continue
                row = table.setdefault(key, {"total": None, "cells": {}})
                if c is None:
                    row["total"] = shown
                else:
                    row["cells"][c] = shown
            out[ch][by] = table
    return out


def _stated_baseline(shares: Mapping[Any, float], not_stated: Any) -> dict[Any, float]:
    """Baseline shares among those whose characteristic is stated (as the leaders' shares are)."""
    missing = shares.get(not_stated)
    if missing is None or missing >= 100:
        return {c: v for c, v in shares.items() if c != not_stated}
    scale = 100.0 / (100.0 - missing)
    return {c: _round_half_up(v * scale, 1) for c, v in shares.items() if c != not_stated}


def _cell(
    shown: Any, total: Any, stated: tuple[float, float], point_base: float | None, base: float | None
) -> dict[str, Any]:
    low, high = share_interval(count_range(shown), stated)
    percent = None
    if point_base and isinstance(shown, int) and not isinstance(shown, bool):
        percent = _round_half_up(100 * shown / point_base, 1)
    gap = None if percent is None or base is None else _round_half_up(percent - base, 1)
    status = None
    if base is not None:
        status = "under-represented" if high < base else "over-represented" if low > base else "within range"
    return {
        "count": shown,
        "percent": percent,
        "interval": [low, high],
        "baseline": base,
        "gap_pp": gap,
        "status": status,
    }


def representation(
    leaders: Iterable[Any],
    *,
    characteristic: str = "ethnic_group",
    by: Sequence[str] = ("place",),
    baseline: Mapping[Any, Mapping[str, float]] | None = None,
    baseline_by: str = "place",
    counts: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Suppressed counts of leaders by ethnic group or sex, their shares with 95% intervals, and
    how they compare with a baseline.

    Parameters
    ----------
    leaders : iterable of records
        Each with ``place`` (the leader's area: a place, or a system for leaders of
        organisations that serve a whole system), ``level``, ``ethnic_category`` (NHS code)
        and ``sex``. Ignored when ``counts`` is given.
    characteristic : {"ethnic_group", "ethnic_category", "sex"}
        ``ethnic_group`` rolls codes up (A-C White, D-G Mixed, H-L Asian, M-P Black,
        R-S Other, Z Not stated); ``ethnic_category`` keeps the codes.
    by : ("place",), ("place", "level") or ("level",)
    baseline : mapping of ``baseline_by`` value to ``{category: percent}``, optional
        Workforce or community shares. A "not stated" share in it is taken out and the rest
        rescaled, so that both sides are shares of those whose characteristic is stated.
    counts : the result of :func:`protected_counts`, optional
        Pass it to publish several tables (both characteristics, every breakdown) audited together.

    Returns
    -------
    list of dict
        ``{**by_fields, "total", "categories": {category: cell}}``, rows ordered by ``by``.
        ``total`` and ``count`` are shown counts: 0, ``*`` (1 to 7), ``c`` (8 or more, withheld
        so that a ``*`` cannot be worked out) or a multiple of 5. Each cell has ``interval``, the
        95% Wilson interval of its share of the stated total (in percent) widened to cover every
        count the shown figures stand for; ``percent``, a point share from the shown counts only
        where the total is at least :data:`POINT_MIN_TOTAL` (else None; a "not stated" ``*`` counts
        as 4 in its denominator); ``baseline``; ``gap_pp``
        (percent minus baseline, where both are known); and ``status``: ``under-represented``
        where the whole interval lies below the baseline, ``over-represented`` where above,
        else ``within range`` (None without a baseline), so a gap shows even where the count
        is suppressed. The "not stated" cell is a share of all leaders and has no baseline.
        Every figure is computed from the shown counts, so none reveals a suppressed one.
    """
    key_by = tuple(by)
    if key_by == ("level", "place"):
        key_by = ("place", "level")
    if key_by not in TABLES:
        raise ValueError(f"by must be one of {', '.join(map(str, TABLES))}")
    if counts is None or characteristic not in counts:
        counts = protected_counts(
            leaders,
            characteristics=(characteristic,),
            extra_categories={characteristic: {c for s in (baseline or {}).values() for c in s}},
        )
    found = counts[characteristic]
    not_stated = NOT_STATED[characteristic]
    categories = list(found["categories"])
    rows = []
    for key in sorted(found[key_by], key=lambda k: tuple(map(str, k))):
        row = found[key_by][key]
        fields = dict(zip(key_by, key))
        total = row["total"]
        t_lo, t_hi = count_range(total)
        ns = row["cells"].get(not_stated, 0)
        ns_lo, ns_hi = count_range(ns)
        stated = (max(0.0, t_lo - ns_hi), max(0.0, t_hi - ns_lo))
        point_stated = point_all = None
        if isinstance(total, int) and total >= POINT_MIN_TOTAL and ns != WITHHELD:
            point_stated, point_all = total - (4 if ns == SUPPRESSED else ns), total  # a * counts as 4, its middle
        shares = _stated_baseline((baseline or {}).get(fields.get(baseline_by), {}), not_stated)
        cats = {}
        for c in categories:
            shown = row["cells"].get(c, 0)
            if c == not_stated:
                cats[c] = _cell(shown, total, (t_lo, t_hi), point_all, None)
            else:
                cats[c] = _cell(shown, total, stated, point_stated, shares.get(c))
        rows.append({**fields, "total": total, "categories": cats})
    return rows


def pipeline_counts(
    people: Iterable[Any],
    required: Mapping[str, Collection[str]],
    *,
    levels: Sequence[str] = LEVELS,
) -> dict[tuple[Any, str], int]:
    """Ready successors per (place, level): people one level below with every required capability.

    ``people`` records carry ``place``, ``level`` and ``capabilities`` (an iterable
    of capability ids); ``required[level]`` lists the capabilities needed to lead
    at ``level`` (missing: none). ``levels`` runs from the top down.
    """
    above = {levels[i + 1]: levels[i] for i in range(len(levels) - 1)}
    out: Counter[tuple[Any, str]] = Counter()
    for p in people:
        target = above.get(_get(p, "level"))
        if target is None:
            continue
        if set(required.get(target, ())) <= set(_get(p, "capabilities") or ()):
            out[(_get(p, "place"), target)] += 1
    return dict(out)


def leadership_gap(
    current: Mapping[tuple[Any, str], float],
    demand: Mapping[tuple[Any, str, Any], float],
    *,
    leaver_rate: float | Mapping[str, float],
    pipeline: Mapping[tuple[Any, str], float],
) -> list[dict[str, Any]]:
    r"""Year-by-year gap between the leaders needed and those retained or drawn from the pipeline.

    For each (place, level) with demand, years in ascending order, starting
    from ``current[(place, level)]`` leaders (0 if absent):

    .. math::

        \text{leavers}_y = r \, L_{y-1}, \quad
        \text{hired}_y = \min(\max(0, D_y - (L_{y-1} - \text{leavers}_y)), P_{y-1}),

    :math:`L_y = L_{y-1} - \text{leavers}_y + \text{hired}_y`,
    :math:`P_y = P_{y-1} - \text{hired}_y` and ``gap`` :math:`= D_y - L_y` (positive:
    shortfall; negative: more leaders than needed, nobody is let go). :math:`P_0` is
    ``pipeline[(place, level)]`` (see :func:`pipeline_counts`); the pipeline is a
    fixed pool drawn down, not replenished. ``leaver_rate`` is a yearly share,
    one for all levels or per level.

    Parameters
    ----------
    current : {(place, level): leaders now}
    demand : {(place, level, year): leaders needed that year}
    """
    years: dict[tuple[Any, str], list[Any]] = defaultdict(list)
    for place, level, year in demand:
        years[(place, level)].append(year)
    rows = []
    for cell in sorted(years, key=lambda k: tuple(map(str, k))):
        place, level = cell
        rate = leaver_rate if isinstance(leaver_rate, int | float) else leaver_rate.get(level, 0.0)
        if not 0 <= rate <= 1:
            raise ValueError(f"leaver rate must be between 0 and 1, got {rate!r} for {level!r}")
        stock = float(current.get(cell, 0))
        pool = float(pipeline.get(cell, 0))
        for year in sorted(years[cell]):
            need = float(demand[(place, level, year)])
            leavers = stock * rate
            retained = stock - leavers
            hired = min(max(0.0, need - retained), pool)
            pool -= hired
            stock = retained + hired
            rows.append(
                {
                    "place": place,
                    "level": level,
                    "year": year,
                    "demand": need,
                    "leavers": leavers,
                    "retained": retained,
                    "from_pipeline": hired,
                    "pipeline_left": pool,
                    "gap": need - stock,
                }
            )
    return rows


def capability_coverage(
    leaders: Iterable[Any], capabilities: Collection[str], *, by: str = "place"
) -> dict[Any, dict[str, Any]]:
    """Per place, the capabilities held by at least one leader and those no leader holds.

    ``leaders`` records carry ``by`` and ``capabilities``. Returns
    ``{place: {"leaders": shown count, "held": [...], "missing": [...]}}`` with the
    leader count suppressed (:func:`~carenet.analytics.suppression.suppress_count`).
    """
    held: dict[Any, set[str]] = defaultdict(set)
    count: Counter[Any] = Counter()
    wanted = set(capabilities)
    for r in leaders:
        key = _get(r, by)
        count[key] += 1
        held[key] |= set(_get(r, "capabilities") or ()) & wanted
    return {
        key: {
            "leaders": suppress_count(count[key]),
            "held": sorted(held[key]),
            "missing": sorted(wanted - held[key]),
        }
        for key in sorted(count, key=str)
    }
