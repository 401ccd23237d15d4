"""The analytics on the demo system find every defect the generator plants (see its docstring)."""

from __future__ import annotations

import pytest

from carenet.domain import models as m
from carenet.services import analysis
from carenet.services.demo import load_demo
from carenet.services.graphs import Scope, network
from carenet.storage.repository import ChangeSet


@pytest.fixture
async def demo_repo(repo):
    await load_demo(repo, seed=7)
    return repo


async def test_every_planted_defect_is_found(demo_repo):
    cache = analysis.AnalysisCache()
    gaps = await analysis.gaps(demo_repo, cache=cache)
    # 1. the housing silo: place 3's housing teams have no tie to health
    pairs = {(g["group"], g["sector"], g["other_sector"]) for g in gaps["sector_pair_gaps"]["gaps"]}
    assert ("s1-place-3", "housing", "health") in pairs
    assert not any(p[1:] == ("housing", "health") and p[0] != "s1-place-3" for p in pairs)
    # 2. the broken hand-off, and only that one
    broken = gaps["handoffs"]["gaps"]
    assert [(g["from_step_name"], g["to_step_name"]) for g in broken] == [("CAMHS single point of access", "Early help (children's social care)")]
    # 3. the single bridge leader
    people = await network(demo_repo, Scope(level="person"))
    from carenet import analytics

    assert "s1-person-bridge" in analytics.articulation_points(people)
    impact = await analysis.departure(demo_repo, ["s1-person-bridge"], scope=Scope(level="person"))
    assert impact["components_split"] == 1
    # 4. the forum with no VCSE member
    assert "s1-forum-place-2" in {f["forum"] for f in gaps["forums_without_vcse"]}
    assert "s1-forum-place-1" not in {f["forum"] for f in gaps["forums_without_vcse"]}
    # 5. the place whose leadership is far less diverse than its staff
    lead = await analysis.leadership(demo_repo, cache=cache)
    rows = {r["place"]: r for r in lead["representation"]["ethnic_group"]["workforce"]}
    worst = max(rows, key=lambda p: rows[p]["categories"]["White"]["gap_pp"] or -100)
    assert worst == "s1-place-2" and rows[worst]["categories"]["White"]["gap_pp"] > 25
    # 6. the organisation many rely on that has no seat at any table
    relied = gaps["relied_on_without_seat"]["organisations"]
    assert relied[0]["organisation"] == "s1-org-vcse-home-from-hospital"
    # and place 4 has no leader with financial stewardship
    assert lead["capabilities"]["coverage"]["s1-place-4"]["missing"] == ["cap-financial_stewardship"]


async def test_silos_brokers_and_quality_reports(demo_repo):
    silos = await analysis.silos(demo_repo)
    assert silos["graph"]["nodes"] == 533
    assert silos["ei"]["sector"]["index"] < 0  # more ties inside sectors than across them
    assert silos["communities"]["silos"] >= 1
    brokers = await analysis.brokers(demo_repo, scope=Scope(level="person"))
    assert brokers["articulation_points"]["count"] >= 1
    quality = await analysis.quality(demo_repo)
    assert quality["waves"] == ["s1-wave-2025", "s1-wave-2026"]
    assert quality["change"]["lost"] and quality["change"]["gained"]
    assert 1 <= quality["organisations"]["s1-org-acute"]["trust"] <= 4


async def test_leadership_figures_are_suppressed_and_never_about_one_person(demo_repo):
    lead = await analysis.leadership(demo_repo)
    for characteristic in ("ethnic_group", "sex"):
        for kind in ("workforce", "community"):
            for row in lead["representation"][characteristic][kind]:
                for cell in row["categories"].values():
                    assert cell["count"] == "*" or (isinstance(cell["count"], int) and cell["count"] % 5 == 0)
                    if cell["count"] == "*":
                        assert cell["percent"] is None
    years = lead["demand"]["years"]
    assert {y["year"] for y in years} == set(range(2027, 2032))
    assert "person" not in str(lead["representation"])


async def test_results_are_cached_per_graph_version(demo_repo):
    cache = analysis.AnalysisCache()
    first = await analysis.silos(demo_repo, cache=cache)
    assert await analysis.silos(demo_repo, cache=cache) is first
    cs = ChangeSet()
    cs.add_node(m.Team(uid="new-team", name="New", sector="leisure"))
    await demo_repo.apply(cs)
    again = await analysis.silos(demo_repo, cache=cache)
    assert again is not first and again["graph"]["nodes"] == 534


async def test_metrics_are_written_back_for_sorting_and_sizing(demo_repo):
    written = await analysis.write_metrics(demo_repo)
    assert written == 533
    from carenet.domain.schema import NodeLabel

    team = await demo_repo.get(NodeLabel.TEAM, "s1-team-acute-1")
    assert team.betweenness is not None and team.community is not None and team.brokerage is not None
    projection = await demo_repo.projection("team")
    assert all(r["community"] is not None for r in projection.nodes.to_pylist())


async def test_wave_change_compares_one_systems_own_surveys(repo):
    """Issue 21: with two systems, scope s1 compared s1-wave-2026 with s2-wave-2026 (every tie
    'lost', none gained). Each system's last two waves are compared, never two systems' surveys."""
    await load_demo(repo, seed=7, systems=2)
    scoped = await analysis.quality(repo, scope=Scope(level="organisation", system="s1-system"))
    assert scoped["waves"] == ["s1-wave-2025", "s1-wave-2026"]
    assert (scoped["change"]["from"], scoped["change"]["to"]) == ("s1-wave-2025", "s1-wave-2026")
    assert scoped["change"]["gained"] and scoped["change"]["unchanged"]  # two waves of one system's survey
    assert all(u.startswith("s1-") for tie in scoped["change"]["gained"] + scoped["change"]["lost"] for u in tie)
    by_place = await analysis.quality(repo, scope=Scope(level="organisation", place="s2-place-1"))
    assert by_place["change"]["to"] == "s2-wave-2026"
    everywhere = await analysis.quality(repo, scope=Scope(level="organisation"))
    assert everywhere["change"]["systems"] == ["s1-system", "s2-system"]
    assert everywhere["change"]["from"] == "s1-wave-2025, s2-wave-2025"
    assert everywhere["change"]["unchanged"] >= scoped["change"]["unchanged"]


async def test_gaps_in_a_scope_count_only_hand_offs_inside_it(repo):
    """Issue 21: with two systems, scope s1 counted hand-offs to s2's teams as gaps (15 against
    the one planted), and a place scope counted hand-offs to other places' teams (28). Hand-offs
    that leave the scope are 'not assessed'; pathways wholly outside it are not in the report."""
    await load_demo(repo, seed=7, systems=1)
    alone = (await analysis.gaps(repo, scope=Scope(system="s1-system")))["handoffs"]
    await load_demo(repo, seed=7, systems=2)
    report = (await analysis.gaps(repo, scope=Scope(system="s1-system")))["handoffs"]
    assert report["count"] == alone["count"] >= 1
    assert all(g["pathway"].startswith("s1-") for g in report["gaps"])
    assert all(h["pathway"].startswith("s1-") for h in report["not_assessed"])
    place = (await analysis.gaps(repo, scope=Scope(place="s1-place-3")))["handoffs"]
    assert place["not_assessed"] and all(h["reason"] == "a step has no team in scope" for h in place["not_assessed"])
    assert place["count"] <= alone["count"]
    everywhere = (await analysis.gaps(repo))["handoffs"]
    assert everywhere["not_assessed"] == [] and everywhere["count"] >= 2 * alone["count"]
