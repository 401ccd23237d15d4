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

from carenet.analytics.suppression import _round_half_up, suppress_count, suppressed_table

__all__ = [
    "ETHNIC_GROUPS",
    "ETHNIC_GROUP_ORDER",
    "LEVELS",
    "ethnic_group",
    "representation",
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


def representation(
    leaders: Iterable[Any],
    *,
    characteristic: str = "ethnic_group",
    by: Sequence[str] = ("place",),
    baseline: Mapping[Any, Mapping[str, float]] | None = None,
    baseline_by: str = "place",
) -> list[dict[str, Any]]:
    """Suppressed counts and shares of leaders by ethnic group or sex, with the gap to a baseline.

    Parameters
    ----------
    leaders : iterable of records
        Each with ``place``, ``level``, ``ethnic_category`` (NHS code) and ``sex``.
    characteristic : {"ethnic_group", "ethnic_category", "sex"}
        ``ethnic_group`` rolls codes up (A-C White, D-G Mixed, H-L Asian, M-P Black,
        R-S Other, Z Not stated); ``ethnic_category`` keeps the codes.
    by : sequence of field names
        One row per combination, e.g. ``("place", "level")``.
    baseline : mapping of ``baseline_by`` value to ``{category: percent}``, optional
        Workforce or community shares. ``gap_pp`` is the leaders' share minus the
        baseline in percentage points; None where the share is suppressed.

    Returns
    -------
    list of dict
        ``{**by_fields, "total", "categories": {category: {"count", "percent",
        "baseline", "gap_pp"}}}``, rows ordered by ``by``. Every category seen in
        any group (and every ethnic group) is listed in each row, zeros included.
        Counts and percentages follow :func:`~carenet.analytics.suppression.suppressed_table`.
    """
    if characteristic == "ethnic_group":
        def category(r: Any) -> Any:
            return ethnic_group(_get(r, "ethnic_category"))
        fixed: list[Any] = list(ETHNIC_GROUP_ORDER)
    elif characteristic == "ethnic_category":
        def category(r: Any) -> Any:
            code = _get(r, "ethnic_category") or "Z"
            ethnic_group(code)  # validates
            return str(code).strip().upper()
        fixed = []
    elif characteristic == "sex":
        def category(r: Any) -> Any:
            return _get(r, "sex") or "not_stated"
        fixed = []
    else:
        raise ValueError(f"unknown characteristic {characteristic!r}")
    cells: dict[tuple[Any, ...], Counter[Any]] = defaultdict(Counter)
    for r in leaders:
        cells[tuple(_get(r, f) for f in by)][category(r)] += 1
    seen = {c for counter in cells.values() for c in counter}
    for shares in (baseline or {}).values():
        seen |= set(shares)
    categories = fixed + sorted((c for c in seen if c not in fixed), key=str)
    rows = []
    for key in sorted(cells, key=lambda k: tuple(map(str, k))):
        counts = {c: cells[key][c] for c in categories}
        table = suppressed_table(counts)
        fields = dict(zip(by, key))
        shares = (baseline or {}).get(fields.get(baseline_by), {})
        cats = {}
        for c in categories:
            row = dict(table["rows"][c])
            base = shares.get(c)
            row["baseline"] = base
            pct = row["percent"]
            row["gap_pp"] = None if pct is None or base is None else _round_half_up(pct - base, 1)
            cats[c] = row
        rows.append({**fields, "total": table["total"], "categories": cats})
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
            rows.append({
                "place": place, "level": level, "year": year, "demand": need,
                "leavers": leavers, "retained": retained, "from_pipeline": hired,
                "pipeline_left": pool, "gap": need - stock,
            })
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

