"""Culture beside the network: read the survey indicators and the leaders' network, run
:func:`carenet.analytics.culture.culture_beside_network`, and say where every figure came from.

The leaders' network is the person-level network (``either``: a tie wherever either end reports
one, every wave), with each leader in the organisation they are a member of (directly or through
a team); brokerage reads the ties as recorded. Indicators anchored on a team are listed under
``team_indicators`` (shown or held like the rest) but take no part in the organisation figures.
An indicator from fewer than ``minimum`` responses is held but never shown
(``CARENET_CULTURE_MIN_RESPONSES``, 11 by default: the NHS Staff Survey's published minimum).
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any

from carenet.analytics.culture import FLAGS, MEASURES, culture_beside_network, leader_positions, suppress
from carenet.analytics.networks import tie_network
from carenet.domain.models import CULTURE_MIN_RESPONSES
from carenet.domain.schema import NodeLabel
from carenet.interchange.indicators import catalogue
from carenet.services.graphs import Scope, recorded
from carenet.storage.repository import Repository

FINDINGS: dict[str, str] = {flag["code"]: flag["text"] for flag in FLAGS}
"""Each kind of finding an organisation can be flagged with (its code, from the analytics' rules)
and the finding in plain words."""
LEADER_MEASURES: tuple[str, ...] = MEASURES
"""The network measures of an organisation's leaders that the indicators are correlated with."""


def indicator_catalogue() -> dict[str, dict[str, Any]]:
    """Indicator code -> name, kind, scale and whether a higher value is better."""
    return {
        code: {"name": i.name, "kind": i.kind, "scale": i.scale.value, "higher_is_better": i.higher_is_better}
        for code, i in catalogue().indicators.items()
    }


async def _indicators(repo: Repository) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    async for batch in repo.scan(NodeLabel.CULTURE_INDICATOR):
        rows += batch.to_pylist()
    return rows


async def report(
    repo: Repository,
    *,
    system: str | None = None,
    place: str | None = None,
    minimum: int = CULTURE_MIN_RESPONSES,
    cache: Any = None,
) -> dict[str, Any]:
    """Per organisation and place in scope: culture indicators beside the leaders' network position,
    flags with evidence, trends; across organisations: rank correlations with their intervals.

    ``cache``: an :class:`~carenet.services.analysis.AnalysisCache` (results per graph version)."""
    if minimum < 1:
        raise ValueError("the minimum number of responses must be 1 or more")

    async def compute() -> dict[str, Any]:
        scope = Scope(level="person", system=system, place=place)
        D = await recorded(repo, scope)
        orgs_graph = await recorded(repo, Scope(level="organisation", system=system, place=place))
        organisations = {
            o: {
                "name": d.get("name"),
                "place": d.get("place"),
                "system": d.get("system"),
                "sector": d.get("sector"),
                "kind": d.get("kind"),
            }
            for o, d in orgs_graph.nodes(data=True)
        }
        teams = await recorded(repo, Scope(level="team", system=system, place=place))
        records = await _indicators(repo)
        cat = indicator_catalogue()

        def work() -> dict[str, Any]:
            G = tie_network(D, "either")
            positions = {o: p for o, p in leader_positions(G, D).items() if o in organisations}
            mine = [r for r in records if r["anchor"] in organisations]
            result = culture_beside_network(
                positions, mine, catalogue=cat, minimum=minimum, organisations=organisations
            )
            team_rows = [r for r in records if r["anchor"] in teams]
            result["team_indicators"] = [
                {
                    **{
                        k: r.get(k)
                        for k in (
                            "anchor",
                            "indicator",
                            "year",
                            "wave",
                            "survey",
                            "value",
                            "scale",
                            "responses",
                            "suppressed",
                            "source",
                        )
                    },
                    "organisation": teams.nodes[r["anchor"]].get("organisation"),
                }
                for r in suppress(team_rows, minimum)
            ]
            result["sources"] = _sources(mine + team_rows)
            result["scope"] = {"system": system, "place": place, "network": "either", "level": "person"}
            result["catalogue"] = cat
            return result

        return await asyncio.to_thread(work)

    if cache is None:
        return await compute()
    return await cache.get((repo.version, "culture", system, place, minimum), compute)


def _sources(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every dataset behind the figures: survey, year or wave, source text, and how many records."""
    seen: dict[tuple, int] = defaultdict(int)
    for r in records:
        seen[(r.get("survey"), r.get("year"), r.get("wave"), r.get("source") or "")] += 1
    return [
        {"survey": s, "year": y, "wave": w, "source": src, "records": n}
        for (s, y, w, src), n in sorted(seen.items(), key=lambda kv: tuple(str(x) for x in kv[0]))
    ]
