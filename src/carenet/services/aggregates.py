"""Grouped counts of teams, organisations and leaders, counted by the store.

The store returns one count per (sector, kind, level, place, system) cell; the cells are summed
here over the dimensions asked for. Counts of people below national level (grouped by place or
system, or filtered at all) are suppressed as NHS practice does: 1-7 shown as ``*``, others
rounded to the nearest 5, percentages from the rounded figures
(:func:`carenet.analytics.suppression.suppressed_table`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from carenet.analytics.suppression import SUPPRESSED, suppressed_table
from carenet.errors import InvalidInput, Problem
from carenet.services import connections as conn
from carenet.services import leadership

DIMENSIONS = ("sector", "kind", "level", "place", "system")
SUPPORTED = {
    "Team": ("sector", "kind", "place", "system"),
    "Organisation": ("sector", "kind", "place", "system"),
    "Person": ("sector", "level", "place", "system"),
}
"""Team kind is its service; organisation kind is its OrgKind; a person's sector is their organisation's."""
_LOCAL = {"place", "system"}


@dataclass(frozen=True)
class Group:
    key: dict[str, str | None]
    count: int | str
    """The count as shown: an int, or ``"*"`` when suppressed."""
    percent: float | None


@dataclass(frozen=True)
class Counts:
    of: str
    group_by: tuple[str, ...]
    total: int | str
    suppressed: bool
    """True when the small-number rule was applied (counts of people below national level)."""
    groups: list[Group]


def _share(count: int, total: int) -> float | None:
    return None if not total else round(100 * count / total, 1)


async def counts(repo, *, of: str, group_by: Sequence[str] = (), where: conn.Where | None = None) -> Counts:
    """Counts of ``of`` (Team, Organisation or Person) per combination of ``group_by``."""
    bad = [d for d in group_by if d not in SUPPORTED[of]]
    if bad:
        raise InvalidInput(
            [Problem("groupBy", f"{of} counts cannot be grouped by {', '.join(bad)}; use {', '.join(SUPPORTED[of])}")]
        )
    by = tuple(dict.fromkeys(group_by))
    rows = await repo.count_cells(of, where=None if where is None else conn.dnf(where))
    cells: Counter[tuple] = Counter()
    for r in rows:
        cells[tuple(r[d] for d in by)] += int(r["count"])
    suppress = of == "Person" and (where is not None or bool(_LOCAL & set(by)))
    keys = sorted(cells, key=lambda k: tuple("" if v is None else str(v) for v in k))
    if suppress:
        table = suppressed_table({k: cells[k] for k in keys})
        groups = [Group(dict(zip(by, k)), table["rows"][k]["count"], table["rows"][k]["percent"]) for k in keys]
        return Counts(of, by, table["total"], True, groups)
    total = sum(cells.values())
    groups = [Group(dict(zip(by, k)), cells[k], _share(cells[k], total)) for k in keys]
    return Counts(of, by, total, False, groups)


async def leader_demographics(
    repo,
    *,
    group_by: Sequence[str] = ("place",),
    characteristic: str = "ethnic_group",
    system: str | None = None,
    place: str | None = None,
) -> list[dict[str, Any]]:
    """Leaders by ethnic group or sex per place and/or level, suppressed, with both baselines.

    Each row: the ``group_by`` fields, ``total`` and ``categories`` ({category: {count, percent,
    workforce, community, workforce_gap_pp, community_gap_pp}}); counts are ints or ``"*"``.
    """
    bad = [d for d in group_by if d not in ("place", "level")]
    if bad or not group_by or characteristic not in ("ethnic_group", "sex"):
        # no grouping is refused too: one table of the whole scope is not among those published
        # together (their suppression is worked out across them; a total beside them could undo it)
        raise InvalidInput(
            [Problem("groupBy", "group leaders by place and/or level", list(group_by))]
            if bad or not group_by
            else [Problem("characteristic", "ethnic_group or sex")]
        )
    by = tuple(dict.fromkeys(group_by))
    figures = (await leadership.representation(repo, system=system, place=place, by=by))[characteristic]
    workforce, community = figures["workforce"], figures["community"]
    out = []
    for row, other in zip(workforce, community, strict=True):
        cats = {}
        for name, cell in row["categories"].items():
            base = other["categories"][name]
            cats[name] = {
                "count": cell["count"],
                "percent": cell["percent"],
                "interval": cell["interval"],
                "workforce": cell["baseline"],
                "workforce_gap_pp": cell["gap_pp"],
                "workforce_status": cell["status"],
                "community": base["baseline"],
                "community_gap_pp": base["gap_pp"],
                "community_status": base["status"],
            }
        out.append({**{d: row[d] for d in by}, "total": row["total"], "categories": cats})
    return out


__all__ = ["SUPPRESSED", "Counts", "Group", "counts", "leader_demographics"]
