"""The analytics on the demo system find every defect the generator plants (see its docstring)."""

from __future__ import annotations

import pytest
from demo_figures import demo_teams

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
    assert [(g["from_step_name"], g["to_step_name"]) for g in broken] == [
        ("CAMHS single point of access", "Early help (children's social care)")
    ]
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
    assert silos["graph"]["nodes"] == demo_teams()
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
    assert again is not first and again["graph"]["nodes"] == demo_teams() + 1
    assert len(cache) == 1  # the older version's result is dropped, not kept until 64 more come


async def test_the_cache_keeps_only_the_newest_graph_version():
    cache = analysis.AnalysisCache(size=8)
    made: list[tuple] = []

    async def compute(key):
        made.append(key)
        return object()

    a1 = await cache.get(("v1", "a"), lambda: compute(("v1", "a")))
    await cache.get(("v1", "b"), lambda: compute(("v1", "b")))
    assert await cache.get(("v1", "a"), lambda: compute(("v1", "a"))) is a1 and len(cache) == 2
    await cache.get(("v2", "a"), lambda: compute(("v2", "a")))
    assert len(cache) == 1 and made == [("v1", "a"), ("v1", "b"), ("v2", "a")]


async def test_metrics_are_written_back_for_sorting_and_sizing(demo_repo):
    written = await analysis.write_metrics(demo_repo)
    assert written == demo_teams()
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


async def test_the_network_is_as_it_is_now_by_default(demo_repo):
    """Issue 21 item 1: every wave was pooled and ended ties counted, so one tie that ended in 2019
    hid the planted CAMHS hand-off gap. By default the latest wave of each system and ties active
    today count; naming an older wave reads that wave (at its collection date)."""
    import datetime as dt

    before = await analysis.gaps(demo_repo)
    [gap] = before["handoffs"]["gaps"]
    assert before["basis"]["waves"] == ["s1-wave-2026"] and before["basis"]["at"] == dt.date.today().isoformat()
    assert before["basis"]["network"] == "either" and "s1-wave-2026" in before["basis"]["rule"]
    a, b = gap["from_teams"][0], gap["to_teams"][0]
    ended = ChangeSet()
    ended.add_relationship(
        m.CollaboratesWith(
            source=a,
            target=b,
            kinds=["referral"],
            wave="s1-wave-2026",
            since=dt.date(2017, 1, 1),
            until=dt.date(2019, 6, 30),
        )
    )
    await demo_repo.apply(ended)
    now = await analysis.gaps(demo_repo)
    assert [(g["from_teams"], g["to_teams"]) for g in now["handoffs"]["gaps"]] == [(gap["from_teams"], gap["to_teams"])]
    then = await analysis.gaps(demo_repo, scope=Scope(at=dt.date(2018, 1, 1)))
    assert then["basis"]["at"] == "2018-01-01" and then["handoffs"]["gaps"] == []  # active then

    older = ChangeSet()
    older.add_relationship(m.CollaboratesWith(source=b, target=a, kinds=["joint_meeting"], wave="s1-wave-2025"))
    await demo_repo.apply(older)
    assert len((await analysis.gaps(demo_repo))["handoffs"]["gaps"]) == 1  # only in the older wave: not now
    named = await analysis.gaps(demo_repo, scope=Scope(wave="s1-wave-2025"))
    assert named["handoffs"]["gaps"] == [] and named["basis"]["waves"] == ["s1-wave-2025"]
    # the older wave is read at its own collection date, so a tie ended since then still counted then
    assert named["basis"]["at"] < dt.date.today().isoformat()


async def test_a_tie_of_an_older_wave_only_is_not_in_the_network_now(repo):
    import datetime as dt

    cs = ChangeSet()
    cs.add_node(m.System(uid="sys", name="S"))
    for uid, on in (("w1", "2024-01-01"), ("w2", "2025-01-01")):
        cs.add_node(m.SurveyWave(uid=uid, name=uid, collected_on=on))
        cs.add_relationship(m.PartOf(source=uid, target="sys"))
    for uid in "abcd":
        cs.add_node(m.Team(uid=uid, name=uid, sector="health"))
    cs.add_relationship(m.CollaboratesWith(source="a", target="b", kinds=["referral"], wave="w1"))
    cs.add_relationship(m.CollaboratesWith(source="b", target="c", kinds=["referral"], wave="w2"))
    cs.add_relationship(
        m.CollaboratesWith(source="c", target="d", kinds=["referral"], wave="w2", until=dt.date(2024, 6, 1))
    )
    await repo.apply(cs)
    assert sorted(map(sorted, (await network(repo)).edges)) == [["b", "c"]]
    assert sorted(map(sorted, (await network(repo, Scope(wave="w1"))).edges)) == [["a", "b"]]
    assert sorted(map(sorted, (await network(repo, Scope(wave="w2", at=dt.date(2024, 3, 1)))).edges)) == [
        ["b", "c"],
        ["c", "d"],
    ]
    report = await analysis.brokers(repo)
    assert report["basis"]["waves"] == ["w2"] and report["graph"]["ties"] == 1
    from carenet.errors import InvalidInput

    with pytest.raises(InvalidInput, match="wave: no survey wave with this uid"):
        await analysis.brokers(repo, scope=Scope(wave="w9"))


async def test_leaders_of_system_wide_organisations_belong_to_the_system_area(repo):
    """Issue 21: leaders of organisations with no place (the ICB, system-wide trusts) were left
    out of every leadership figure (32 of 64 board members); now they form the system's area,
    in a system scope and in a place scope alike."""
    await load_demo(repo, seed=7)
    everywhere = await analysis.leadership(repo)
    areas = [r["place"] for r in everywhere["representation"]["ethnic_group"]["workforce"]]
    assert "s1-system" in areas and everywhere["representation"]["places"]["s1-system"]
    board = {
        r["place"]: r["total"]
        for r in everywhere["representation"]["by_level"]["ethnic_group"]["workforce"]
        if r["level"] == "board"
    }
    assert board["s1-system"] not in (0, "*")
    placed = await analysis.leadership(repo, scope=Scope(place="s1-place-2"))
    assert [r["place"] for r in placed["representation"]["ethnic_group"]["workforce"]] == ["s1-place-2", "s1-system"]
    assert "s1-system" in placed["capabilities"]["coverage"]
    levels = {r["level"] for r in placed["representation"]["levels"]["sex"]["workforce"]}
    assert {"board", "team"} <= levels
    assert placed["demand"]["assumptions"] and any("never replenished" in a for a in placed["demand"]["assumptions"])


async def _leaders(repo, place: str, count: int, pipeline: int) -> None:
    cs = ChangeSet()
    cs.add_node(m.Place(uid=place, name=place))
    cs.add_node(m.Organisation(uid=f"{place}-org", name="Org", kind="local_authority", sector="social_care"))
    cs.add_relationship(m.PartOf(source=f"{place}-org", target=place))
    for cap in ("cap-system_thinking", "cap-cross_boundary"):
        cs.add_node(m.Capability(uid=cap, name=cap))
    for i in range(count + pipeline):
        uid = f"{place}-person-{i}"
        cs.add_node(m.Person(uid=uid, name=uid, level="board" if i < count else "executive"))
        cs.add_relationship(m.MemberOf(source=uid, target=f"{place}-org"))
        if i >= count:  # ready for the board
            for cap in ("cap-system_thinking", "cap-cross_boundary"):
                cs.add_relationship(m.HasCapability(source=uid, target=cap))
    for year in range(2027, 2032):
        cs.add_node(m.LeadershipDemand(uid=f"{place}-demand-{year}", area=place, level="board", year=year, required=12))
    await repo.apply(cs)


async def test_five_year_figures_reveal_no_suppressed_count(repo):
    """Issue 21: leaders_now 10 and leavers 0.8 at 10% gave exactly 8. Every figure of the model
    now depends on the published counts only: 8 and 12 board members (both shown as 10), with
    pipelines of 2 and 6 (both *), give the same figures, and the gap is a range."""
    from carenet.services import leadership as lead

    await _leaders(repo, "pa", 8, 2)
    await _leaders(repo, "pb", 12, 6)
    found = await lead.demand(repo)
    rows = {}
    for row in found["years"]:
        rows.setdefault(row["place"], []).append({k: v for k, v in row.items() if k != "place"})
    assert rows["pa"] == rows["pb"]
    first = rows["pa"][0]
    assert first["leaders_now"] == 10 and first["pipeline_now"] == "*" and first["leavers"] is None
    assert first["gap_range"][0] < first["gap_range"][1]


async def test_system_wide_organisations_are_in_every_place_of_their_system(demo_repo):
    """Issue 21: organisations that serve a whole system have no place and dropped out of place
    scopes, so the planted 'relied on, not at the table' organisation vanished."""
    orgs = await network(demo_repo, Scope(level="organisation", place="s1-place-1"))
    assert {"s1-org-icb", "s1-org-acute", "s1-org-vcse-home-from-hospital"} <= set(orgs)
    assert all(orgs.nodes[v]["place"] in ("s1-place-1", None) for v in orgs)
    gaps = await analysis.gaps(demo_repo, scope=Scope(place="s1-place-1"))
    assert "s1-org-vcse-home-from-hospital" in {
        o["organisation"] for o in gaps["relied_on_without_seat"]["organisations"]
    }
    assert "serving its whole system" in gaps["basis"]["rule"]


async def test_an_organisation_network_from_team_surveys_rolls_the_team_ties_up(repo):
    """Issue 21: with only team ties imported the organisation network was empty
    (TEAM_TIES_ROLLED_UP was unused). A wave with no organisation tie reads its teams' ties
    rolled up, and the basis says so; a wave with organisation ties reads those."""
    cs = ChangeSet()
    cs.add_node(m.SurveyWave(uid="w", name="w", collected_on="2025-01-01"))
    for org in ("o1", "o2", "o3"):
        cs.add_node(m.Organisation(uid=org, name=org, kind="other", sector="other"))
    for team, org in (("a", "o1"), ("b", "o1"), ("c", "o2"), ("d", "o3")):
        cs.add_node(m.Team(uid=team, name=team, sector="health"))
        cs.add_relationship(m.PartOf(source=team, target=org))
    for s, t, trust in (("a", "c", 2.0), ("b", "c", 4.0), ("a", "b", 3.0), ("c", "d", 1.0)):
        cs.add_relationship(m.CollaboratesWith(source=s, target=t, kinds=["referral"], wave="w", trust=trust))
    await repo.apply(cs)
    G = await network(repo, Scope(level="organisation"))
    assert sorted(map(sorted, G.edges)) == [["o1", "o2"], ["o2", "o3"]]  # a-b is inside o1
    assert G["o1"]["o2"]["weight"] == 2 and G["o1"]["o2"]["trust"] == 3.0
    report = await analysis.brokers(repo, scope=Scope(level="organisation"))
    assert report["graph"]["ties"] == 2 and "rolled up" in report["basis"]["rule"]
    direct = ChangeSet()
    direct.add_relationship(m.CollaboratesWith(source="o1", target="o3", kinds=["joint_meeting"], wave="w"))
    await repo.apply(direct)
    G = await network(repo, Scope(level="organisation"))
    assert sorted(map(sorted, G.edges)) == [["o1", "o3"]]
    assert "rolled up" not in (await analysis.brokers(repo, scope=Scope(level="organisation")))["basis"]["rule"]


async def test_a_system_or_place_that_is_not_there_is_not_found_not_an_empty_network(repo):
    """A report, an export or a drawing scoped to a system or place that is not there was read as a
    part of the graph with nothing in it: empty figures, and the CLI's silos table failed formatting
    an E-I index of None. Now each names what is missing."""
    from carenet.errors import NotFound
    from carenet.services import exports

    await load_demo(repo, seed=7, systems=2)
    for scope, said in (
        (Scope(system="nowhere"), "no system 'nowhere'"),
        (Scope(place="nowhere"), "no place 'nowhere'"),
        (Scope(place="s1-system"), "no place 's1-system'"),
        (Scope(system="s2-system", place="s1-place-1"), "no place 's1-place-1' in system 's2-system'"),
    ):
        with pytest.raises(NotFound, match=said):
            await analysis.silos(repo, scope=scope)
    with pytest.raises(NotFound, match="no system 'nowhere'"):
        await exports.export_graph(repo, level="team", where=exports.GraphFilter(system="nowhere"))
    inside = await analysis.silos(repo, scope=Scope(system="s2-system", place="s2-place-1"))
    assert inside["graph"]["nodes"] > 0
