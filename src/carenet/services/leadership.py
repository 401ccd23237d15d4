"""The figures a board leadership strategy needs (The King's Fund): representation against
baselines, five-year demand against the pipeline, and capability coverage per place.

Demographic data leaves the store only as counts per (area, level, category) cell, and every
figure below national level is suppressed as NHS practice does (1-7 as ``*``, others rounded to
the nearest 5), audited so that no ``*`` can be worked out from all the tables published together
(``c``: a larger count withheld for that). Every other figure (shares, intervals, the five-year
model) is computed from the published counts. No figure is about one person.

An area is a place, or a system: leaders of organisations that serve a whole system (PART_OF
the System, no place) belong to the system's area, in system and in place scopes alike.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from carenet import analytics as an
from carenet.domain.enums import LeadershipLevel
from carenet.domain.schema import NodeLabel
from carenet.storage.repository import Repository

LEVELS = tuple(level.value for level in LeadershipLevel)
REQUIRED_CAPABILITIES: dict[str, tuple[str, ...]] = {
    "board": ("cap-system_thinking", "cap-cross_boundary"),
    "executive": ("cap-cross_boundary", "cap-financial_stewardship"),
    "senior": ("cap-cross_boundary",),
    "middle": ("cap-quality_improvement",),
    "team": (),
}
"""Capabilities a person one level below must hold to count in the pipeline for a level."""


ASSUMPTIONS = (
    "Leaders now: every person recorded at each level in the area (a place, or the system for leaders of "
    "organisations that serve the whole system), as published (rounded to 5; 1-7 shown as *).",
    "The model runs on the published counts only, never the true ones, so none of its figures reveals a "
    "suppressed count; where a count is * (1 to 7) or c (8 or more, withheld) only the range of the gap is given.",
    "Leavers: a flat share of the leaders at each level leaves each year (leaver_rate), the same every year; "
    "nobody joins from outside the area.",
    "Pipeline: the people one level below who hold every capability the level requires (required_capabilities). "
    "It is a fixed pool drawn down as posts are filled and never replenished: nobody develops into it "
    "during the five years.",
    "Promotion: a person drawn from the pipeline is counted at the level they fill; their old post is not "
    "refilled in the model, and they still count as leaders at their old level in that level's own rows.",
    "Demand: the leaders the area says it needs at each level each year (LeadershipDemand); the gap is demand "
    "minus leaders after leavers and hires (positive: a shortfall; negative: more leaders than needed, "
    "nobody is let go).",
)
"""What the five-year model assumes, stated in the report itself (and in the README)."""


async def _areas(repo: Repository, system: str | None, place: str | None) -> dict[str, str]:
    """The areas in scope, uid -> name: the places, and the systems they belong to (the area of
    leaders of organisations that serve a whole system)."""
    rows = await repo.place_systems()
    names = {r["uid"]: r.get("name") or r["uid"] async for r in _scan(repo, NodeLabel.SYSTEM)}
    if place:
        rows = [r for r in rows if r["place"] == place]
        systems = {r["system"] for r in rows if r["system"]}
    elif system:
        rows = [r for r in rows if r["system"] == system]
        systems = {system} if system in names else set()
    else:
        systems = set(names)
    return {**{r["place"]: r["name"] for r in rows}, **{s: names.get(s, s) for s in sorted(systems)}}


def _area(row: dict) -> str | None:
    return row.get("place") or row.get("system")


async def _leaders(repo: Repository, areas: dict[str, str]) -> list[dict]:
    """Anonymous leader records (no uid, no name) in the areas: area, level, ethnic category, sex."""
    cells = [r for r in await repo.leader_demographic_counts() if _area(r) in areas]
    return [
        {"place": _area(r), "level": r["level"], "ethnic_category": r["ethnic_category"] or "Z", "sex": r["sex"]}
        for r in cells
        for _ in range(int(r["count"]))
    ]


async def _baselines(repo: Repository) -> dict[tuple[str, str], dict[str, dict[str, float]]]:
    baselines: dict[tuple[str, str], dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    async for b in _scan(repo, NodeLabel.BASELINE):
        baselines[(b["kind"], b["dimension"])][b["area"]][b["category"]] = b["percent"]
    return baselines


async def _published(repo: Repository, areas: dict[str, str]):
    records = await _leaders(repo, areas)
    baselines = await _baselines(repo)
    extra = {
        dim: {c for (_, d), by_area in baselines.items() if d == dim for shares in by_area.values() for c in shares}
        for dim in ("ethnic_group", "sex")
    }
    return records, baselines, an.protected_counts(records, extra_categories=extra)


async def representation(
    repo: Repository,
    *,
    system: str | None = None,
    place: str | None = None,
    by: tuple[str, ...] = ("place",),
    published: tuple | None = None,
) -> dict[str, Any]:
    """Leaders by ethnic group and by sex, per ``by`` (place, level), with both baselines; and
    the other breakdowns published with it (``by_level``: by place and level; ``levels``: by
    level across the scope), all audited together (:func:`carenet.analytics.protected_counts`)."""
    areas = await _areas(repo, system, place)
    records, baselines, counts = published or await _published(repo, areas)
    out: dict[str, Any] = {
        "by": list(by),
        "places": areas,
        "areas": "a place, or a system for leaders of organisations that serve the whole system",
    }

    def tables(breakdown: tuple[str, ...]) -> dict[str, Any]:
        return {
            characteristic: {
                kind: an.representation(
                    records,
                    characteristic=characteristic,
                    by=breakdown,
                    baseline=baselines[(kind, characteristic)],
                    counts=counts,
                )
                for kind in ("workforce", "community")
            }
            for characteristic in ("ethnic_group", "sex")
        }

    out.update(tables(by))
    out["by_level"] = tables(("place", "level"))
    out["levels"] = tables(("level",))
    out["method"] = (
        "Counts: 0 as 0, 1-7 as *, others to the nearest 5; c: a count of 8 or more withheld so that no * can be "
        "worked out from all the tables here together. Shares are of leaders whose characteristic is stated (and "
        "baselines rescaled likewise); interval: 95% Wilson interval widened to every count the shown figures stand "
        f"for; a point percent only where the total is at least {an.leadership.POINT_MIN_TOTAL}; status compares the "
        "interval with the baseline."
    )
    return out


def _model(current: dict, pipeline: dict, wanted: dict, leaver_rate: float) -> dict[tuple, dict]:
    rows = an.leadership_gap(current, wanted, leaver_rate=leaver_rate, pipeline=pipeline)
    return {(r["place"], r["level"], r["year"]): r for r in rows}


async def demand(
    repo: Repository,
    *,
    system: str | None = None,
    place: str | None = None,
    leaver_rate: float = 0.1,
    published: tuple | None = None,
) -> dict[str, Any]:
    """Five-year leadership demand against the pipeline, per area and level, year by year, run on
    the published counts (see :data:`ASSUMPTIONS`)."""
    from carenet.analytics.disclosure import count_range

    areas = await _areas(repo, system, place)
    _, _, counts = published or await _published(repo, areas)
    shown_now = {key: row["total"] for key, row in counts["ethnic_group"][("place", "level")].items()}
    people = [{**r, "place": _area(r)} for r in await repo.leader_capabilities() if _area(r) in areas]
    wanted: dict[tuple[str, str, int], float] = {}
    async for d in _scan(repo, NodeLabel.LEADERSHIP_DEMAND):
        if d["area"] in areas:
            wanted[(d["area"], d["level"], d["year"])] = d["required"]
    shown_pool = {
        key: an.suppress_count(n) for key, n in an.pipeline_counts(people, REQUIRED_CAPABILITIES, levels=LEVELS).items()
    }
    cells = {(a, lv) for a, lv, _ in wanted}
    ranges = {cell: (count_range(shown_now.get(cell, 0)), count_range(shown_pool.get(cell, 0))) for cell in cells}
    exact = {
        cell for cell in cells if isinstance(shown_now.get(cell, 0), int) and isinstance(shown_pool.get(cell, 0), int)
    }
    point = _model(
        {c: shown_now.get(c, 0) for c in exact},
        {c: shown_pool.get(c, 0) for c in exact},
        {k: v for k, v in wanted.items() if k[:2] in exact},
        leaver_rate,
    )
    few = _model({c: r[0][0] for c, r in ranges.items()}, {c: r[1][0] for c, r in ranges.items()}, wanted, leaver_rate)
    many = _model(
        {c: r[0][1] for c, r in ranges.items() if r[0][1] != float("inf") and r[1][1] != float("inf")},
        {c: r[1][1] for c, r in ranges.items() if r[0][1] != float("inf") and r[1][1] != float("inf")},
        {k: v for k, v in wanted.items() if float("inf") not in (ranges[k[:2]][0][1], ranges[k[:2]][1][1])},
        leaver_rate,
    )
    rows = []
    for key in sorted(wanted, key=lambda k: tuple(map(str, k))):
        area, level, year = key
        row = {
            "place": area,
            "level": level,
            "year": year,
            "demand": round(float(wanted[key]), 1),
            "leaders_now": shown_now.get((area, level), 0),
            "pipeline_now": shown_pool.get((area, level), 0),
        }
        found = point.get(key)
        for item in ("leavers", "retained", "from_pipeline", "pipeline_left", "gap"):
            row[item] = None if found is None else round(found[item], 1)
        high = few[key]["gap"]
        low = many[key]["gap"] if key in many else None
        row["gap_range"] = [None if low is None else round(low, 1), round(high, 1)]
        rows.append(row)
    return {
        "leaver_rate": leaver_rate,
        "required_capabilities": REQUIRED_CAPABILITIES,
        "places": areas,
        "assumptions": list(ASSUMPTIONS),
        "years": rows,
    }


async def capabilities(
    repo: Repository, *, system: str | None = None, place: str | None = None, published: tuple | None = None
) -> dict[str, Any]:
    """Per area, the capabilities no leader there holds."""
    areas = await _areas(repo, system, place)
    _, _, counts = published or await _published(repo, areas)
    people = [{**r, "place": _area(r)} for r in await repo.leader_capabilities() if _area(r) in areas]
    known = [row["uid"] async for row in _scan(repo, NodeLabel.CAPABILITY)]
    coverage = an.capability_coverage(people, known)
    for (area,), row in counts["ethnic_group"][("place",)].items():  # the count published with the tables
        if area in coverage:
            coverage[area]["leaders"] = row["total"]
    return {"places": areas, "coverage": coverage}


async def _scan(repo: Repository, label: NodeLabel):
    async for batch in repo.scan(label):
        for row in batch.to_pylist():
            yield row


async def report(
    repo: Repository, *, system: str | None = None, place: str | None = None, leaver_rate: float = 0.1
) -> dict[str, Any]:
    areas = await _areas(repo, system, place)
    published = await _published(repo, areas)
    return {
        "representation": await representation(repo, system=system, place=place, published=published),
        "demand": await demand(repo, system=system, place=place, leaver_rate=leaver_rate, published=published),
        "capabilities": await capabilities(repo, system=system, place=place, published=published),
    }
