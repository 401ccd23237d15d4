"""The culture report on the demo, in the real embedded store: the planted pattern (isolated
leaders, low confidence that concerns are addressed) is found, in one system and in several,
and the figures agree with plain Python and scipy over the generator's own rows."""

from __future__ import annotations

from collections import defaultdict

import pytest
from scipy import stats

from carenet.domain import models as m
from carenet.services import analysis, culture
from carenet.services.demo import generate, load_demo

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")


def _oracle_ties(changes, system: str) -> dict[str, float]:
    """Ties outside the organisation per leader, in plain Python over the generated rows."""
    team_org = {r.source: r.target for r in changes.relationships if isinstance(r, m.PartOf) and "-team-" in r.source}
    org_of: dict[str, str] = {}
    for r in changes.relationships:
        if isinstance(r, m.MemberOf) and r.source.startswith(system):
            org = team_org.get(r.target, r.target if "-org-" in r.target else None)
            if org and (r.source not in org_of or org < org_of[r.source]):
                org_of[r.source] = org
    pairs = {
        frozenset((r.source, r.target))
        for r in changes.relationships
        if isinstance(r, m.WorksWith) and r.source.startswith(system)
    }
    leaders, external = defaultdict(int), defaultdict(int)
    for org in org_of.values():
        leaders[org] += 1
    for pair in pairs:
        a, b = (org_of[p] for p in pair)
        if a != b:
            external[a] += 1
            external[b] += 1
    return {o: external[o] / n for o, n in leaders.items()}


def _latest_shown(changes, minimum: int) -> dict[tuple[str, str], float]:
    latest: dict[tuple[str, str], m.CultureIndicator] = {}
    for n in changes.nodes:
        if isinstance(n, m.CultureIndicator) and (
            latest.get((n.anchor, n.indicator)) is None or n.year > latest[(n.anchor, n.indicator)].year
        ):
            latest[(n.anchor, n.indicator)] = n
    return {k: n.value for k, n in latest.items() if n.responses >= minimum}


@pytest.fixture(scope="module")
def demo_changes():
    return generate(seed=7, systems=2)


async def test_the_planted_pattern_is_found_in_one_system(repo, demo_changes) -> None:
    await load_demo(repo, seed=7, systems=1)
    result = await culture.report(repo, system="s1-system")
    rows = {r["organisation"]: r for r in result["organisations"]}
    ties = _oracle_ties(demo_changes, "s1-")
    for org, row in rows.items():
        assert row["network"]["cross_boundary_ties_per_leader"] == pytest.approx(ties[org]), org
    shown = _latest_shown(demo_changes, 11)
    corr = {(c["indicator"], c["measure"]): c for c in result["correlations"]}
    for code in ("concerns_addressed", "raising_concerns"):
        c = corr[(code, "cross_boundary_ties_per_leader")]
        orgs = sorted(o for (o, k) in shown if k == code and o in rows)
        expected = stats.spearmanr([ties[o] for o in orgs], [shown[(o, code)] for o in orgs]).statistic
        assert c["n"] == len(orgs) >= 30 and c["rho"] == pytest.approx(expected)
        assert c["rho"] > 0.6 and c["ci_low"] > 0.3, c  # planted: isolated leaders, lower confidence
        assert "not a cause" in c["warning"]
    flagged = [
        o for o, r in rows.items() if any(f["code"] == "isolated_leaders_concerns_not_addressed" for f in r["flags"])
    ]
    assert flagged, "the planted pattern raised no flag"
    low_ties = sorted(ties[o] for o in rows if (o, "concerns_addressed") in shown)
    for org in flagged:
        assert ties[org] <= low_ties[len(low_ties) // 4 - 1]
        assert "lowest quarter" in rows[org]["flags"][0]["evidence"][0]
    held = [f for r in rows.values() for f in r["indicators"] if f["suppressed"]]
    assert held and all(f["value"] is None and f["responses"] < 11 for f in held)
    assert all(not f["suppressed"] for r in rows.values() for f in r["indicators"] if f["responses"] >= 11)
    trends = [t for r in rows.values() for t in r["trends"] if t["change"] is not None]
    assert trends and {t["direction"] for t in trends} <= {"better", "worse", "no change"}
    assert {s["year"] for s in result["sources"]} == {2024, 2025}
    assert all("synthetic" in s["source"] for s in result["sources"])
    places = {p["place"] for p in result["places"]}
    assert places == {f"s1-place-{i}" for i in range(1, 5)}


async def test_the_pattern_holds_in_each_of_several_systems_and_across_them(repo, demo_changes) -> None:
    await load_demo(repo, seed=7, systems=2)
    for system in ("s1", "s2"):
        result = await culture.report(repo, system=f"{system}-system")
        c = next(
            c
            for c in result["correlations"]
            if c["indicator"] == "concerns_addressed" and c["measure"] == "cross_boundary_ties_per_leader"
        )
        assert c["rho"] > 0.6 and c["ci_low"] > 0.3, (system, c)
        assert {r["system"] for r in result["organisations"]} == {f"{system}-system"}
    both = await analysis.run(repo, "culture")
    c = next(
        c
        for c in both["correlations"]
        if c["indicator"] == "concerns_addressed" and c["measure"] == "cross_boundary_ties_per_leader"
    )
    assert c["n"] > 60 and c["rho"] > 0.6


async def test_the_minimum_is_configurable_and_held_values_never_appear(repo) -> None:
    await load_demo(repo, seed=7, systems=1)
    strict = await culture.report(repo, minimum=100)
    held = [f for r in strict["organisations"] for f in r["indicators"] if f["suppressed"]]
    assert held and all(f["responses"] < 100 and f["value"] is None for f in held)
    assert all(f["responses"] >= 100 for r in strict["organisations"] for f in r["indicators"] if not f["suppressed"])
    assert all(
        all(p["value"] is None for p in t["points"] if p["suppressed"])
        for r in strict["organisations"]
        for t in r["trends"]
    )
    with pytest.raises(ValueError):
        await culture.report(repo, minimum=0)
