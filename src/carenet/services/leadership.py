"""The figures a board leadership strategy needs (The King's Fund): representation against
baselines, five-year demand against the pipeline, and capability coverage per place.

Demographic data leaves the store only as counts per (place, level, category) cell, and every
figure below national level is suppressed as NHS practice does (1-7 as ``*``, others rounded to
the nearest 5, percentages from the rounded figures). No figure is about one person.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from carenet import analytics as an
from carenet.domain.enums import LeadershipLevel
from carenet.storage import naming
from carenet.storage.queries import analysis as q
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


async def _places(repo: Repository, system: str | None, place: str | None) -> dict[str, str]:
    rows = await repo.store.read(q.PLACE_SYSTEMS)
    return {r["place"]: r["name"] for r in rows if (not system or r["system"] == system) and (not place or r["place"] == place)}


async def representation(
    repo: Repository,
    *,
    system: str | None = None,
    place: str | None = None,
    by: tuple[str, ...] = ("place",),
) -> dict[str, Any]:
    """Leaders by ethnic group and by sex, per ``by`` (place, level), with both baselines."""
    places = await _places(repo, system, place)
    cells = [r for r in await repo.store.read(q.LEADER_DEMOGRAPHIC_COUNTS) if r["place"] in places]
    # expand the counted cells into anonymous records for the analytics (no uid, no name)
    records = [
        {"place": r["place"], "level": r["level"], "ethnic_category": r["ethnic_category"] or "Z", "sex": r["sex"]}
        for r in cells
        for _ in range(int(r["count"]))
    ]
    baselines: dict[tuple[str, str], dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    async for batch in repo.store.stream(naming.node_scan(NodeLabel.BASELINE)):
        for b in batch.to_pylist():
            baselines[(b["kind"], b["dimension"])][b["area"]][b["category"]] = b["percent"]
    out: dict[str, Any] = {"by": list(by), "places": places}
    for characteristic, dimension in (("ethnic_group", "ethnic_group"), ("sex", "sex")):
        out[characteristic] = {
            kind: an.representation(records, characteristic=characteristic, by=by, baseline=baselines[(kind, dimension)])
            for kind in ("workforce", "community")
        }
    return out


async def demand(
    repo: Repository,
    *,
    system: str | None = None,
    place: str | None = None,
    leaver_rate: float = 0.1,
) -> dict[str, Any]:
    """Five-year leadership demand against the pipeline, per place and level, year by year."""
    places = await _places(repo, system, place)
    people = [r for r in await repo.store.read(q.LEADER_CAPABILITIES) if r["place"] in places]
    current: dict[tuple[str, str], int] = defaultdict(int)
    for person in people:
        current[(person["place"], person["level"])] += 1
    wanted: dict[tuple[str, str, int], float] = {}
    async for batch in repo.store.stream(naming.node_scan(NodeLabel.LEADERSHIP_DEMAND)):
        for d in batch.to_pylist():
            if d["area"] in places:
                wanted[(d["area"], d["level"], d["year"])] = d["required"]
    pipeline = an.pipeline_counts(people, REQUIRED_CAPABILITIES, levels=LEVELS)
    rows = an.leadership_gap(current, wanted, leaver_rate=leaver_rate, pipeline=pipeline)
    for row in rows:  # counts of people below national level are suppressed
        row["leaders_now"] = an.suppress_count(current.get((row["place"], row["level"]), 0))
        row["pipeline_now"] = an.suppress_count(pipeline.get((row["place"], row["level"]), 0))
        for key in ("demand", "leavers", "retained", "from_pipeline", "pipeline_left", "gap"):
            row[key] = round(row[key], 1)
    return {"leaver_rate": leaver_rate, "required_capabilities": REQUIRED_CAPABILITIES, "places": places, "years": rows}


async def capabilities(repo: Repository, *, system: str | None = None, place: str | None = None) -> dict[str, Any]:
    """Per place, the capabilities no leader there holds."""
    places = await _places(repo, system, place)
    people = [r for r in await repo.store.read(q.LEADER_CAPABILITIES) if r["place"] in places]
    known = [row["uid"] async for row in _scan(repo, NodeLabel.CAPABILITY)]
    return {"places": places, "coverage": an.capability_coverage(people, known)}


async def _scan(repo: Repository, label: NodeLabel):
    async for batch in repo.store.stream(naming.node_scan(label)):
        for row in batch.to_pylist():
            yield row


async def report(repo: Repository, *, system: str | None = None, place: str | None = None, leaver_rate: float = 0.1) -> dict[str, Any]:
    return {
        "representation": await representation(repo, system=system, place=place),
        "demand": await demand(repo, system=system, place=place, leaver_rate=leaver_rate),
        "capabilities": await capabilities(repo, system=system, place=place),
    }
