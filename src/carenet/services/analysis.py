"""Analysis use cases: read the store, run the analytics, shape the results.

Every report is cached per graph version (the store's ``version`` changes with each write), so a
second request for the same scope costs nothing and a write makes the next one recompute.
The analytics are CPU-bound: they run in a worker thread so the server keeps answering. On a
big graph a thread is not enough (building the graph is pure Python, and igraph keeps the GIL for
a whole community detection or betweenness), so the drawing's analysis (:func:`overview`) and the
stored metrics (:func:`write_metrics`) are built and computed in the analysis process when the
cache has one (``AnalysisCache(apart=...)``, as a server's does) and the graph read is at least
``APART_SIZE`` nodes and ties: the store is read here, what was read crosses as Arrow buffers.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import replace
from enum import Enum
from typing import Any

from carenet import analytics as an
from carenet.analytics.sectors import forum_sector_gaps
from carenet.domain.enums import Sector
from carenet.domain.models import CULTURE_MIN_RESPONSES
from carenet.services.apart import Apart, BrokenProcessPool
from carenet.services.graphs import Reading, Scope, basis, build_network, network, read_recorded, recorded, resolve
from carenet.storage.repository import Repository

log = logging.getLogger(__name__)

REPORTS = ("silos", "gaps", "brokers", "quality", "leadership", "culture")


class ReportName(Enum):
    SILOS = "silos"
    GAPS = "gaps"
    BROKERS = "brokers"
    QUALITY = "quality"
    LEADERSHIP = "leadership"
    CULTURE = "culture"
    ALL = "all"


VCSE = Sector.VOLUNTARY.value
CHANGE_THRESHOLD = 2.0
"""A trust or value change between waves counts from this many points (1-4 scale): one point is
within the noise of a repeated survey (514 up and 514 down of 2,041 ties in the demo). A score
that is the mean of PARTNER's three sub-items moves in thirds: 5/3 does not count, 2 does."""
FREQUENCY_THRESHOLD = 2
"""A frequency change between waves counts from this many ranks (yearly 1, quarterly 2, monthly 3,
weekly 4, daily 5): the same rule as trust and value, since weekly against monthly is as likely a
different respondent's reading of the question as a change in the work."""


APART_SIZE = 50_000
"""Graphs read with at least this many nodes and ties (:attr:`Reading.size`) are built and
analysed in the analysis process, when there is one; smaller ones on a thread, which costs no
start-up and nothing to send (a one-system demo's team network is about 2,600)."""
TASKS_PER_PROCESS = 16
"""Jobs the analysis process serves before it is replaced (it keeps the memory a big graph took)."""


class AnalysisCache:
    """Results by (graph version, report, arguments); the oldest go first past ``size``.

    Every key starts with the graph version. A key of a newer version drops the results of the
    older ones at once: nothing asks for them again, and drawings (the subgraph, the overview) are
    tens of megabytes each on a big graph.

    ``apart``: the analysis process big graphs are analysed in (see the module docstring); None
    (the default): every analysis on a thread. :meth:`close` stops it."""

    def __init__(self, size: int = 64, *, apart: Apart | None = None, apart_size: int = APART_SIZE) -> None:
        self.size = size
        self.apart = apart
        self.apart_size = apart_size
        self._items: OrderedDict[tuple, Any] = OrderedDict()
        self._locks: dict[tuple, asyncio.Lock] = {}
        self._version: Any = None

    def __len__(self) -> int:
        return len(self._items)

    async def get(self, key: tuple, compute: Callable[[], Awaitable[Any]]) -> Any:
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        if key[0] != self._version:
            self._version = key[0]
            self._items = OrderedDict((k, v) for k, v in self._items.items() if k[0] == key[0])
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:  # one computation per key, however many ask at once
            if key not in self._items:
                value = await compute()
                if key[0] != self._version:  # a write came while computing: serve it, keep nothing stale
                    self._locks.pop(key, None)
                    return value
                self._items[key] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
            self._locks.pop(key, None)
            return self._items[key]

    @classmethod
    def with_process(cls) -> AnalysisCache:
        """A cache whose big graphs are analysed in a process of their own (started on first use)."""
        return cls(apart=Apart(tasks_per_process=TASKS_PER_PROCESS))

    def peek(self, key: tuple) -> Any:
        """The result kept for ``key``, or None (nothing computed)."""
        return self._items.get(key)

    def close(self) -> None:
        """Stop the analysis process, after the job under way if any."""
        if self.apart is not None:
            self.apart.close()


async def _work(cache: AnalysisCache | None, fn: Callable[..., Any], reading: Reading, *args: Any) -> Any:
    """``fn(reading, *args)`` in the analysis process for a big graph, else on a thread."""
    apart = cache.apart if cache is not None else None
    if apart is None or reading.size < cache.apart_size:
        return await asyncio.to_thread(fn, reading, *args)
    try:
        return await apart.run(fn, reading, *args)
    except BrokenProcessPool:  # killed (out of memory?): once more here, as before there was a process
        log.error("the analysis process stopped on a graph of %d nodes and ties; analysing it here", reading.size)
        return await asyncio.to_thread(fn, reading, *args)


async def _cached(repo: Repository, cache: AnalysisCache | None, key: tuple, compute):
    if cache is None:
        return await compute()
    return await cache.get((repo.version, *key), compute)


async def _graph(repo: Repository, scope: Scope):
    return await network(repo, scope)


async def silos(repo: Repository, *, scope: Scope = Scope(), cache: AnalysisCache | None = None) -> dict:
    """Mixing matrices, E-I indexes with permutation tests, communities and silo communities, isolates."""

    scope = await resolve(repo, scope)

    async def compute():
        G = await _graph(repo, scope)
        report = await asyncio.to_thread(an.silo_report, G, permutations=199)
        return {**report, "network": scope.network, "basis": basis(scope), "names": names_of(report, G)}

    return await _cached(repo, cache, ("silos", scope), compute)


async def pathways(repo: Repository) -> list[dict]:
    """Every care pathway with its steps (in order) and the teams delivering each."""
    rows = await repo.pathway_steps()
    out: dict[str, dict] = {}
    for row in rows:
        pathway = out.setdefault(row["pathway"], {"id": row["pathway"], "name": row["pathway_name"], "steps": []})
        pathway["steps"].append(
            {"id": row["step"], "name": row["step_name"], "position": row["position"], "teams": sorted(row["teams"])}
        )
    return list(out.values())


async def forums(repo: Repository) -> dict[str, dict]:
    """Each forum with the organisations at its table and the sectors of all its members."""
    seats = {r["forum"]: r for r in await repo.forum_seats()}
    people = {r["forum"]: r["sectors"] for r in await repo.forum_person_sectors()}
    return {
        uid: {
            "name": row["name"],
            "kind": row["kind"],
            "organisations": sorted(row["organisations"]),
            "sectors": sorted(set(row["sectors"]) | set(people.get(uid, []))),
        }
        for uid, row in seats.items()
    }


async def pathway_handoffs(
    repo: Repository, *, scope: Scope = Scope(), cache: AnalysisCache | None = None
) -> list[dict]:
    """Every hand-off of every pathway, each with ``has_tie`` and the shortest path between its teams."""
    scope = await resolve(repo, replace(scope, level="team"))

    async def compute():
        G = await _graph(repo, replace(scope, system=None, place=None, sectors=()))
        found = await pathways(repo)
        if scope.system:  # the pathways some of whose teams are in the system
            found = [
                p
                for p in found
                if any(G.nodes[t].get("system") == scope.system for s in p["steps"] for t in s["teams"] if t in G)
            ]
        steps = {p["id"]: [set(s["teams"]) for s in p["steps"]] for p in found}
        handoffs = await asyncio.to_thread(an.pathway_handoffs, G, steps, include_working=True)
        by_pathway: dict[str, list] = {}
        for h in handoffs:
            by_pathway.setdefault(h.pathway, []).append(h)
        out = []
        for p in found:
            rows = []
            for h in by_pathway.get(p["id"], []):
                rows.append(
                    {
                        "from_step": p["steps"][h.step]["id"],
                        "to_step": p["steps"][h.step + 1]["id"],
                        "from_step_name": p["steps"][h.step]["name"],
                        "to_step_name": p["steps"][h.step + 1]["name"],
                        "from_teams": list(h.from_teams),
                        "to_teams": list(h.to_teams),
                        "has_tie": h.has_tie,
                        "shortest_path": h.shortest_path,
                    }
                )
            out.append({**p, "handoffs": rows})
        return out

    return await _cached(repo, cache, ("handoffs", scope.system, scope.waves, scope.at, scope.network), compute)


def names_of(report: Any, G) -> dict[str, str]:
    """The name of every node of ``G`` that ``report`` mentions (as a value or a key), for readers
    who expect names where the figures carry uids."""
    found: dict[str, str] = {}

    def walk(value: Any) -> None:
        if isinstance(value, str):
            if value in G and value not in found:
                name = G.nodes[value].get("name")
                if name:
                    found[value] = name
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(report)
    return found


def _in_scope(found: list[dict], teams: set | None) -> tuple[dict, list[dict]]:
    """Each pathway's runs of consecutive steps delivered by teams in scope (``teams``; None:
    every team), keyed (pathway, first step), each step cut to its teams in scope; and the
    hand-offs that leave the scope, which are not assessed (neither working nor a gap)."""
    segments: dict[tuple[str, int], list[set]] = {}
    not_assessed: list[dict] = []
    for p in found:
        if teams is None:
            segments[(p["id"], 0)] = [set(s["teams"]) for s in p["steps"]]
            continue
        steps = [set(s["teams"]) & teams for s in p["steps"]]
        if not any(steps):
            continue  # a pathway of another system or place: not in this report
        start = None
        for i, here in enumerate([*steps, set()]):
            if here and start is None:
                start = i
            elif not here and start is not None:
                if i - start >= 2:
                    segments[(p["id"], start)] = steps[start:i]
                start = None
        for i in range(len(steps) - 1):
            if not (steps[i] and steps[i + 1]):
                not_assessed.append(
                    {
                        "pathway": p["id"],
                        "from_step": p["steps"][i]["id"],
                        "to_step": p["steps"][i + 1]["id"],
                        "reason": "a step has no team in scope",
                    }
                )
    return segments, not_assessed


async def gaps(
    repo: Repository, *, scope: Scope = Scope(), cache: AnalysisCache | None = None, reliance: int = 5
) -> dict:
    """Hand-offs without a working tie, places missing a sector, relied-on organisations
    without a seat, and forums without a VCSE member."""
    scope = await resolve(repo, scope)

    async def compute():
        G = await _graph(repo, replace(scope, level="team", sectors=()))
        found = await pathways(repo)
        scoped = bool(scope.system or scope.place)
        segments, not_assessed = _in_scope(found, set(G) if scoped else None)
        report = await asyncio.to_thread(
            an.gap_report, G, pathways=segments, expected_sectors=[s.value for s in Sector if s is not Sector.OTHER]
        )
        names = {p["id"]: {s_i: s["name"] for s_i, s in enumerate(p["steps"])} for p in found}
        for gap in (report.get("handoffs") or {}).get("gaps", []):
            gap["pathway"], start = gap["pathway"]
            gap["step"] += start
            gap["from_step_name"] = names[gap["pathway"]][gap["step"]]
            gap["to_step_name"] = names[gap["pathway"]][gap["step"] + 1]
        if report.get("handoffs") is not None:
            report["handoffs"]["not_assessed"] = not_assessed
        table = await forums(repo)
        seated = {org for f in table.values() for org in f["organisations"]}
        orgs = await _graph(repo, replace(scope, level="organisation", sectors=()))
        relied = await asyncio.to_thread(an.relied_on_without_seat, orgs, seated, threshold=reliance)
        report["relied_on_without_seat"] = {"threshold": reliance, "count": len(relied), "organisations": relied}
        missing = forum_sector_gaps({uid: f["sectors"] for uid, f in table.items()}, [VCSE])
        report["forums_without_vcse"] = [{"forum": r["forum"], "name": table[r["forum"]]["name"]} for r in missing]
        report["network"] = scope.network
        report["basis"] = basis(replace(scope, level="team"))
        report["names"] = {**names_of(report, G), **names_of(report, orgs)}
        return report

    return await _cached(repo, cache, ("gaps", scope, reliance), compute)


async def brokers(repo: Repository, *, scope: Scope = Scope(), cache: AnalysisCache | None = None) -> dict:
    """Betweenness, brokerage roles, structural holes, cut points, bridges and departure impacts."""
    scope = await resolve(repo, scope)

    async def compute():
        G = await _graph(repo, scope)
        report = await asyncio.to_thread(an.broker_report, G)
        return {**report, "network": scope.network, "basis": basis(scope), "names": names_of(report, G)}

    return await _cached(repo, cache, ("brokers", scope), compute)


async def quality(repo: Repository, *, scope: Scope = Scope(), cache: AnalysisCache | None = None) -> dict:
    """PARTNER-style trust and value per organisation, and the change between the last two waves.

    Always read from the ties as recorded (``network: directed``): each report's scores are its reporter's."""
    scope = await resolve(repo, replace(scope, network="directed"))

    async def compute():
        rows = await repo.survey_waves()
        system = scope.system
        if system is None and scope.place:
            system = next((r["system"] for r in await repo.place_systems() if r["place"] == scope.place), None)
        if system is not None:
            rows = [r for r in rows if r["system"] == system]
        waves = [r["uid"] for r in rows]
        G = await recorded(repo, scope)
        out: dict[str, Any] = {
            "waves": waves,
            "organisations": an.organisation_quality(G),
            "network": "directed",
            "basis": basis(scope),
        }
        sources = an.score_sources(G)
        out["method"] = {**sources, "text": score_method(sources)}
        out["basis"]["scores"] = out["method"]["text"]
        out["names"] = names_of(out["organisations"], G)
        if not scope.wave:
            by_system: dict[Any, list[str]] = {}
            for r in rows:  # in date order
                by_system.setdefault(r["system"], []).append(r["uid"])
            pairs = [(s, w[-2], w[-1]) for s, w in sorted(by_system.items(), key=lambda i: str(i[0])) if len(w) >= 2]
            changes = []
            for wave_system, before, after in pairs:  # a system's last two waves, never two systems' surveys
                part = Scope(level=scope.level, system=scope.system or wave_system, place=scope.place)
                g1 = await recorded(repo, replace(part, wave=before))
                g2 = await recorded(repo, replace(part, wave=after))
                changes.append(
                    await asyncio.to_thread(
                        an.wave_change,
                        g1,
                        g2,
                        tolerance=CHANGE_THRESHOLD - 1e-9,
                        respondents_only=True,
                        frequency_tolerance=FREQUENCY_THRESHOLD - 1,
                    )
                )
            if changes:
                merged = changes[0].to_dict()
                for change in changes[1:]:
                    for key, value in change.to_dict().items():
                        merged[key] = merged[key] + value
                out["change"] = {
                    "from": ", ".join(b for _, b, _ in pairs),
                    "to": ", ".join(a for _, _, a in pairs),
                    "systems": [s for s, _, _ in pairs],
                    **merged,
                    "rule": (
                        f"ties reported by respondents who answered both waves; a trust or value "
                        f"change counts from {CHANGE_THRESHOLD:g} points on the 1-4 scale, a "
                        f"frequency change from {FREQUENCY_THRESHOLD} ranks (yearly, quarterly, "
                        f"monthly, weekly, daily)"
                    ),
                }
        return out

    return await _cached(repo, cache, ("quality", scope), compute)


def score_method(sources: dict[str, dict[str, int]]) -> str:
    """What the quality scores were computed from, in words (``sources``: :func:`analytics.score_sources`)."""
    parts = []
    for key, items in (
        ("trust", "reliability, support of the mission, openness to discussion"),
        ("value", "power/influence, level of involvement, resource contribution"),
    ):
        c = sources[key]
        both = f", {c['both']} merged from both kinds of report" if c["both"] else ""
        parts.append(
            f"{key}: {c['sub_items']} of {c['scored']} scored ties from PARTNER's three sub-items ({items}), "
            f"{c['single']} from a single 1-4 score{both}"
        )
    return (
        "PARTNER scores, 1-4: where a tie's three sub-items were given its score is their mean, else the single "
        "score reported is used as it is; " + "; ".join(parts)
    )


async def leadership(repo: Repository, *, scope: Scope = Scope(), cache: AnalysisCache | None = None) -> dict:
    from carenet.services import leadership as lead

    async def compute():
        return await lead.report(repo, system=scope.system, place=scope.place)

    return await _cached(repo, cache, ("leadership", scope.system, scope.place), compute)


async def culture(
    repo: Repository,
    *,
    scope: Scope = Scope(),
    cache: AnalysisCache | None = None,
    minimum: int = CULTURE_MIN_RESPONSES,
) -> dict:
    """Culture indicators beside the leaders' network (:mod:`carenet.services.culture`); reads the
    person-level ``either`` network whatever ``scope.level`` and ``scope.network`` say."""
    from carenet.services import culture as culture_svc

    return await culture_svc.report(repo, system=scope.system, place=scope.place, minimum=minimum, cache=cache)


RUNNERS = {
    "silos": silos,
    "gaps": gaps,
    "brokers": brokers,
    "quality": quality,
    "leadership": leadership,
    "culture": culture,
}


async def run(
    repo: Repository,
    report: str,
    *,
    scope: Scope = Scope(),
    cache: AnalysisCache | None = None,
    culture_minimum: int = CULTURE_MIN_RESPONSES,
) -> dict:
    """One report by name (``silos``, ``gaps``, ``brokers``, ``quality``, ``leadership``, ``culture``),
    or ``all``. ``culture_minimum``: fewer responses and a culture indicator is held, never shown."""
    if report == "all":
        return {name: await _run(runner, repo, scope, cache, culture_minimum) for name, runner in RUNNERS.items()}
    try:
        runner = RUNNERS[report]
    except KeyError:
        raise ValueError(f"no report {report!r}: choose from {', '.join(REPORTS)} or all") from None
    return await _run(runner, repo, scope, cache, culture_minimum)


async def _run(runner, repo: Repository, scope: Scope, cache: AnalysisCache | None, culture_minimum: int) -> dict:
    if runner is culture:
        return await culture(repo, scope=scope, cache=cache, minimum=culture_minimum)
    return await runner(repo, scope=scope, cache=cache)


async def overview(repo: Repository, *, scope: Scope = Scope(), cache: AnalysisCache | None = None) -> dict:
    """What a map draws: communities (with members and silo flags), brokers, cut points, bridges."""
    scope = await resolve(repo, scope)

    async def compute():
        return await _work(cache, overview_of, await read_recorded(repo, scope))

    return await _cached(repo, cache, ("overview", scope), compute)


def overview_of(reading: Reading) -> dict:
    """:func:`overview`'s result from what was read (pure: a thread or the analysis process)."""
    return _overview(build_network(reading), reading.scope)


def _overview(G, scope: Scope) -> dict:
    with an.reuse_conversion(G):
        comms = an.consensus_communities(G, seeds=range(10))  # as the silos report
        btw = an.betweenness(G, seed=0)
        brk = an.brokerage_roles(G, "sector")
        return {
            "communities": [c.__dict__ for c in comms.communities],
            "membership": comms.membership,
            "betweenness": btw.values,
            "betweenness_method": btw.method,
            "brokerage": {v: sum(roles.values()) for v, roles in brk.roles.items()},
            "roles": brk.roles,
            "cut_points": an.articulation_points(G),
            "bridges": an.bridges(G),
            "names": dict(G.nodes(data="name")),
            "network": scope.network,
            "basis": basis(scope),
        }


async def departure(repo: Repository, uids: list[str], *, scope: Scope = Scope()) -> dict:
    """What removing these people or teams does: components split, pairs cut off, efficiency lost."""
    scope = await resolve(repo, scope)
    G = await _graph(repo, scope)
    unknown = [u for u in uids if u not in G]
    if unknown:
        from carenet.errors import InvalidInput, Problem

        raise InvalidInput([Problem("ids", "not in the analysed network", u) for u in unknown])
    impact = await asyncio.to_thread(an.departure_impact, G, uids, seed=0)
    return impact.to_dict()


async def write_metrics(repo: Repository, *, scope: Scope = Scope(), cache: AnalysisCache | None = None) -> int:
    """Store betweenness, brokerage, constraint and community on the nodes, so the API can sort
    and size by them. Returns how many nodes were written.

    The overview these come from is kept in ``cache`` (the map asks for it next), or taken from it.
    Writing the metrics changes the store's version; the overview is kept under the new one, with
    the window :class:`~carenet.services.metrics.MetricsKeeper` states (a write by someone else
    landing during this one's own)."""
    scope = await resolve(repo, scope)
    reading = await read_recorded(repo, scope)
    found = cache.peek((reading.version, "overview", scope)) if cache is not None else None
    found, rows = await _work(cache, metrics_of, reading, found)
    before = repo.version
    await repo.set_metrics(scope.level, rows)
    if cache is not None and reading.version == before:  # else the graph changed since it was read

        async def given() -> dict:
            return found

        await cache.get((repo.version, "overview", scope), given)
    return len(rows)


def metrics_of(reading: Reading, found: dict | None = None) -> tuple[dict, list[dict]]:
    """:func:`write_metrics`' overview (``found``, or computed) and rows, from what was read (pure)."""
    G = build_network(reading)
    if found is None:
        found = _overview(G, reading.scope)
    holes = an.structural_hole_measures(G, weight="weight")
    rows = [
        {
            "uid": v,
            "betweenness": float(found["betweenness"].get(v, 0.0)),
            "brokerage": float(found["brokerage"].get(v, 0)),
            "constraint": _finite(holes.constraint.get(v)),
            "community": found["membership"].get(v),
        }
        for v in G
    ]
    return found, rows


def _finite(x: float | None) -> float | None:
    import math

    return None if x is None or math.isnan(x) or math.isinf(x) else float(x)
