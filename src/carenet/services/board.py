"""The board's leadership strategy pack: the figures a board needs, with sentences generated from them.

:func:`board_pack` gathers, for one system (or one place of it): five-year leadership demand
against the pipeline per place; leadership representation by ethnic group and sex against the
workforce and the community (NHS suppression as the leadership report applies it: counts 1-7 as
``*``, others to the nearest 5, percentages from rounded figures; nothing about one person);
capability coverage; collective leadership (the organisations' leaders' network drawn small, its
silos, its brokers, the effect of losing them, the pathway hand-offs with no working tie); and
culture beside the network (:mod:`carenet.services.culture`, held values never shown). Every
section carries its sentences, chart specifications and tables, and the pack lists the date and
source of every dataset. :mod:`carenet.interchange.board` renders it as HTML (and PDF).

Brokers are described by level and organisation, not by name: the pack circulates beyond the
people who may see the map.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from carenet.domain.models import CULTURE_MIN_RESPONSES
from carenet.domain.schema import NodeLabel
from carenet.services import analysis
from carenet.services import culture as culture_svc
from carenet.services import leadership as lead
from carenet.services import scope as scope_of
from carenet.services.graphs import Scope, network, recorded, scope_system
from carenet.storage.repository import Repository

GROUPS = ("White", "Asian", "Black", "Mixed", "Other")
HEADLINE = "concerns_addressed"


def _pct(value: Any) -> str:
    return "*" if value is None or value == "*" else f"{value:.1f}%"


async def _names(repo: Repository, label: NodeLabel, uids: list[str]) -> dict[str, str]:
    found = await repo.get_many(label, uids)
    return {u: getattr(found.get(u), "name", None) or u for u in uids}


async def board_pack(
    repo: Repository,
    *,
    system: str,
    place: str | None = None,
    minimum: int = CULTURE_MIN_RESPONSES,
    cache: analysis.AnalysisCache | None = None,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """The pack for ``system`` (and ``place``): see the module docstring. Raises
    :class:`~carenet.errors.NotFound` (:func:`~carenet.services.graphs.scope_system`)."""
    await scope_system(repo, system, place)
    scope = Scope(level="team", system=system, place=place)
    report = await lead.report(repo, system=system, place=place)
    place_names = await _names(repo, NodeLabel.PLACE, report["demand"]["places"])
    sections = [
        _demand(report["demand"], place_names),
        _representation(report["representation"], place_names),
        _capabilities(report["capabilities"], place_names),
        await _collective(repo, scope, cache),
        _culture(await culture_svc.report(repo, system=system, place=place, minimum=minimum, cache=cache), place_names),
    ]
    system_name = (await _names(repo, NodeLabel.SYSTEM, [system]))[system]
    where = system_name + (f", {place_names.get(place, place)}" if place else "")
    return {
        "title": f"Leadership strategy: {where}",
        "system": system,
        "place": place,
        "generated_on": (today or dt.date.today()).isoformat(),
        "sections": sections,
        "sources": await _sources(repo, system, sections),
    }


def _mixing(ei: dict[str, Any]) -> str:
    """The sentence on ties within and across sectors; a scope with no tie between teams (a place
    with no survey yet) has no E-I index, and says so."""
    if ei.get("internal") is None or ei.get("external") is None or ei.get("index") is None:
        return "No ties between teams are recorded here, so how they fall within and across sectors is not known."
    random = f"; {ei['expected']:.2f} if ties fell at random" if ei.get("expected") is not None else ""
    return (
        f"Teams' ties run {ei['internal']:.0f} within sectors and {ei['external']:.0f} across them "
        f"(E-I index {ei['index']:.2f}{random})."
    )


def _shortfall(row: dict[str, Any]) -> tuple[float | None, float]:
    """A row's shortfall as (lowest, highest): the point figure where its counts are published,
    else the range the published figures allow (lowest None: no bound; see leadership.demand)."""
    if row["gap"] is not None:
        return row["gap"], row["gap"]
    low, high = row["gap_range"]
    return low, high


def _shown(low: float | None, high: float) -> str:
    if low is not None and round(low) == round(high):
        return str(round(high))
    return f"up to {round(high)}" if low is None else f"{round(low)} to {round(high)}"


def _demand(demand: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """Demand against the leaders expected, per place and year. Where a count is suppressed the
    model runs on the range of counts it may stand for (leadership.demand), so the shortfall is a
    range and the chart shows the leaders expected at the least (never a back-calculable figure)."""
    by_place: dict[str, dict[int, dict[str, Any]]] = defaultdict(
        lambda: defaultdict(lambda: {"demand": 0.0, "low": 0.0, "high": 0.0})
    )
    for row in demand["years"]:
        cell = by_place[row["place"]][row["year"]]
        low, high = _shortfall(row)
        cell["demand"] += row["demand"]
        cell["high"] += high
        cell["low"] = None if cell["low"] is None or low is None else cell["low"] + low
    charts, sentences = [], []
    for place, years in sorted(by_place.items()):
        ordered = sorted(years)
        charts.append(
            {
                "kind": "demand",
                "name": f"demand-{place}",
                "title": f"{names.get(place, place)}: leaders needed and expected (at least)",
                "years": ordered,
                "demand": [round(years[y]["demand"]) for y in ordered],
                "available": [max(0, round(years[y]["demand"] - years[y]["high"])) for y in ordered],
            }
        )
        worst = max(ordered, key=lambda y: years[y]["high"])
        if years[worst]["high"] > 0:
            sentences.append(
                f"{names.get(place, place)} needs {round(years[ordered[-1]]['demand'])} leaders by {ordered[-1]}; "
                f"the largest shortfall, {_shown(years[worst]['low'], years[worst]['high'])}, is in {worst}."
            )
        else:
            sentences.append(
                f"{names.get(place, place)} is expected to meet its demand for leaders every year to {ordered[-1]}."
            )
    gaps = sorted((r for r in demand["years"] if _shortfall(r)[1] > 0), key=lambda r: -_shortfall(r)[1])[:10]
    sentences.append(
        f"Leavers are taken as {demand['leaver_rate']:.0%} a year; the pipeline is leaders one level below who hold "
        f"the required capabilities ({', '.join(c.removeprefix('cap-') for c in demand['required_capabilities'])})."
    )
    return {
        "id": "demand",
        "title": "Leaders needed over five years, against the pipeline",
        "sentences": sentences,
        "charts": charts,
        "tables": [
            {
                "caption": "Largest shortfalls",
                "columns": ["place", "level", "year", "needed", "shortfall"],
                "rows": [
                    [
                        names.get(r["place"], r["place"]),
                        r["level"],
                        r["year"],
                        round(r["demand"]),
                        _shown(*_shortfall(r)),
                    ]
                    for r in gaps
                ],
            }
        ],
    }


def _representation(rep: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    charts, sentences, rows = [], [], []
    for dimension, groups in (("ethnic_group", GROUPS), ("sex", ("female", "male"))):
        workforce = {r["place"]: r for r in rep[dimension]["workforce"]}
        community = {r["place"]: r for r in rep[dimension]["community"]}
        for place, row in sorted(workforce.items()):
            cats = row["categories"]
            comm = community.get(place, {}).get("categories", {})
            leaders = [cats.get(g, {}).get("percent") for g in groups]
            charts.append(
                {
                    "kind": "shares",
                    "name": f"representation-{dimension}-{place}",
                    "title": f"{names.get(place, place)}: leaders by {dimension.replace('_', ' ')} (percent; * held)",
                    "groups": list(groups),
                    "series": {
                        "leaders": [None if v == "*" else v for v in leaders],
                        "workforce": [cats.get(g, {}).get("baseline") for g in groups],
                        "community": [comm.get(g, {}).get("baseline") for g in groups],
                    },
                }
            )
            for g in groups:
                c = cats.get(g, {})
                rows.append(
                    [
                        names.get(place, place),
                        g,
                        _pct(c.get("percent")),
                        _pct(c.get("baseline")),
                        _pct(comm.get(g, {}).get("baseline")),
                    ]
                )
            shown = [(g, cats[g]) for g in groups if cats.get(g, {}).get("gap_pp") is not None]
            if shown:
                g, c = min(shown, key=lambda gc: gc[1]["gap_pp"])
                if c["gap_pp"] < 0:
                    sentences.append(
                        f"In {names.get(place, place)}, {g} leaders are {c['percent']:.1f}% of leaders against "
                        f"{c['baseline']:.1f}% of the workforce ({c['gap_pp']:+.1f} points)."
                    )
    sentences.append(
        "Counts of 1 to 7 are shown as *, others rounded to the nearest 5, and percentages come from the "
        "rounded figures; no figure is about one person."
    )
    return {
        "id": "representation",
        "title": "Leadership against staff and community",
        "sentences": sentences,
        "charts": charts,
        "tables": [
            {
                "caption": "Leaders, workforce and community by group",
                "columns": ["place", "group", "leaders", "workforce", "community"],
                "rows": rows,
            }
        ],
    }


def _capabilities(caps: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    rows, sentences = [], []
    for place, c in sorted(caps["coverage"].items(), key=lambda kv: str(kv[0])):
        missing = [m.removeprefix("cap-").replace("_", " ") for m in c["missing"]]
        rows.append([names.get(place, place), ", ".join(missing) or "none"])
        if missing:
            sentences.append(f"No leader in {names.get(place, place)} holds {', '.join(missing)}.")
    if not sentences:
        sentences.append("Every capability is held by at least one leader in every place.")
    return {
        "id": "capabilities",
        "title": "Capabilities no leader holds",
        "sentences": sentences,
        "charts": [],
        "tables": [{"caption": "Capabilities missing per place", "columns": ["place", "missing"], "rows": rows}],
    }


async def _collective(repo: Repository, scope: Scope, cache: analysis.AnalysisCache | None) -> dict[str, Any]:
    people = Scope(level="person", system=scope.system, place=scope.place)
    G = await network(repo, people)
    orgs = await recorded(repo, Scope(level="organisation", system=scope.system, place=scope.place))
    size: dict[str, int] = defaultdict(int)
    for _, org in G.nodes(data="organisation"):
        if org in orgs:
            size[org] += 1
    weights: dict[tuple[str, str], float] = defaultdict(float)
    for u, v in G.edges():
        a, b = G.nodes[u].get("organisation"), G.nodes[v].get("organisation")
        if a in orgs and b in orgs and a != b:
            weights[tuple(sorted((a, b)))] += 1
    chart = {
        "kind": "network",
        "name": "leaders-network",
        "title": "Ties between organisations' leaders (size: leaders; colour: sector)",
        "nodes": {o: {"sector": orgs.nodes[o].get("sector"), "size": size[o]} for o in size},
        "edges": [(a, b, w) for (a, b), w in sorted(weights.items())],
    }
    silos = await analysis.silos(repo, scope=scope, cache=cache)
    brokers = await analysis.brokers(repo, scope=people, cache=cache)
    gaps = await analysis.gaps(repo, scope=scope, cache=cache)
    ei = silos["ei"]["sector"]
    comms = silos["communities"]
    sentences = [
        _mixing(ei),
        f"{comms['silos']} of {comms['count']} communities of teams are mostly one organisation's teams (silos).",
    ]

    def broker(uid: str) -> str:
        node = G.nodes.get(uid, {})
        org = node.get("organisation")
        where = orgs.nodes[org].get("name") if org in orgs else "an organisation"
        return f"a {node.get('kind') or ''} leader at {where}".replace("  ", " ")

    top = brokers["betweenness"]["top"][:5]
    rows = [[broker(t["node"]), f"{t['betweenness']:.3f}"] for t in top]
    if brokers["departures"]:
        d = brokers["departures"][0]
        sentences.append(
            f"Losing the leader who brokers most ({broker(d['removed'][0])}) would split {d['components_split']} "
            f"group(s) off and cut {d['pairs_disconnected']:,} pairs of leaders off from each other."
        )
    hand = gaps["handoffs"] or {"gaps": []}
    pathway_names = {p["id"]: p["name"] for p in await analysis.pathways(repo)}
    for g in hand["gaps"]:
        pathway = pathway_names.get(g["pathway"], g["pathway"])
        sentences.append(
            f"In the {pathway} pathway, the hand-off from '{g.get('from_step_name')}' "
            f"to '{g.get('to_step_name')}' has no working tie."
        )
    if not hand["gaps"]:
        sentences.append("Every pathway hand-off has a working tie between the teams.")
    return {
        "id": "collective",
        "title": "Collective leadership across boundaries",
        "sentences": sentences,
        "charts": [chart],
        "tables": [
            {"caption": "Leaders who broker most (betweenness)", "columns": ["leader", "betweenness"], "rows": rows},
            {
                "caption": "Pathway hand-offs with no working tie",
                "columns": ["pathway", "from step", "to step"],
                "rows": [
                    [pathway_names.get(g["pathway"], g["pathway"]), g.get("from_step_name"), g.get("to_step_name")]
                    for g in hand["gaps"]
                ],
            },
        ],
    }


def _culture(r: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    points, rows = [], []
    for o in r["organisations"]:
        shown = {f["indicator"]: f for f in o["indicators"] if not f["suppressed"]}
        x = o["network"].get("cross_boundary_ties_per_leader")
        if HEADLINE in shown and x is not None:
            points.append((x, shown[HEADLINE]["value"], bool(o["flags"])))
        for flag in o["flags"]:
            rows.append([o["name"], flag["text"], "; ".join(flag["evidence"])])
    corr = next(
        (
            c
            for c in r["correlations"]
            if c["indicator"] == HEADLINE and c["measure"] == "cross_boundary_ties_per_leader"
        ),
        None,
    )
    sentences = []
    if corr and corr["rho"] is not None:
        interval = "" if corr["ci_low"] is None else f" (95% interval {corr['ci_low']:.2f} to {corr['ci_high']:.2f})"
        sentences.append(
            f"Across {corr['n']} organisations, confidence that concerns would be addressed rises with leaders' "
            f"ties outside their organisation: Spearman's rho {corr['rho']:.2f}{interval}."
        )
    sentences.append(
        f"{sum(1 for o in r['organisations'] if o['flags'])} organisations are flagged; each flag gives its evidence."
    )
    moves = [
        t["direction"] for o in r["organisations"] for t in o["trends"] if t["indicator"] == HEADLINE and t["direction"]
    ]
    if moves:
        sentences.append(
            f"Since the previous survey, confidence that concerns would be addressed is better in "
            f"{moves.count('better')} organisations and worse in {moves.count('worse')}."
        )
    sentences.append(r["warning"])
    sentences.append(f"Results from fewer than {r['minimum_responses']} responses are held and not shown.")
    charts = (
        [
            {
                "kind": "scatter",
                "name": "culture-scatter",
                "title": "Confidence concerns would be addressed against leaders' ties outside the organisation",
                "points": points,
                "xlabel": "ties outside the organisation per leader",
                "ylabel": "% confident concerns would be addressed",
            }
        ]
        if points
        else []
    )
    return {
        "id": "culture",
        "title": "Culture beside the network",
        "sentences": sentences,
        "charts": charts,
        "tables": [{"caption": "Flags", "columns": ["organisation", "flag", "evidence"], "rows": rows}],
        "culture_sources": r["sources"],
    }


async def _sources(repo: Repository, system: str, sections: list[dict[str, Any]]) -> list[dict[str, str]]:
    out = []
    rows: list[dict[str, Any]] = []
    async for batch in repo.scan(NodeLabel.SURVEY_WAVE):
        rows += batch.to_pylist()
    where = await scope_of.systems_of(repo, [(NodeLabel.SURVEY_WAVE.value, w["uid"]) for w in rows])
    for w in sorted(rows, key=lambda w: str(w.get("collected_on"))):
        if system in where.get((NodeLabel.SURVEY_WAVE.value, w["uid"]), set()):
            out.append(
                {
                    "dataset": f"Network survey: {w['name']}",
                    "date": str(w.get("collected_on")),
                    "source": "survey ties as imported",
                }
            )
    for section in sections:
        for s in section.get("culture_sources", []):
            out.append(
                {
                    "dataset": f"{'NHS Staff Survey' if s['survey'] == 'nhs_staff_survey' else 'Local pulse survey'} "
                    f"{s['year'] or s['wave']}",
                    "date": str(s["year"] or s["wave"]),
                    "source": s["source"],
                }
            )
    out.append(
        {
            "dataset": "Leadership demand, workforce and community baselines",
            "date": "as imported",
            "source": "carenet templates",
        }
    )
    return out
