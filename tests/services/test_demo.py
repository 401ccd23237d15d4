"""The demo system: realistic sizes, deterministic, and every planted defect really planted.

These check the generator's output in the store with plain networkx; the analytics' own
planted-defect test (tests/analytics) checks that the metrics find them.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest

from carenet.domain import models as m
from carenet.domain.schema import NodeLabel
from carenet.services.demo import generate, generator, load_demo


@pytest.fixture(scope="module")
def demo():
    return generate(seed=7)


def _rels(changes, kind):
    return [r for r in changes.relationships if isinstance(r, kind)]


def test_the_same_seed_gives_the_same_graph(demo):
    again = generate(seed=7)
    assert [n.model_dump() for n in again.nodes] == [n.model_dump() for n in demo.nodes]
    assert [r.model_dump() for r in again.relationships] == [r.model_dump() for r in demo.relationships]
    other = generate(seed=8)
    assert [r.model_dump() for r in other.relationships] != [r.model_dump() for r in demo.relationships]


def test_sizes_are_those_of_a_real_system(demo):
    counts = Counter(n.label for n in demo.nodes)
    assert counts["System"] == 1
    assert 3 <= counts["Place"] <= 4
    assert 10 <= counts["Neighbourhood"] <= 14
    assert 500 <= counts["Team"] <= 1000
    assert 2000 <= counts["Person"] <= 3000
    assert counts["CarePathway"] >= 3 and counts["SurveyWave"] == 2
    kinds = Counter(n.kind for n in demo.nodes if isinstance(n, m.Organisation))
    assert kinds["nhs_trust"] == 3 and kinds["local_authority"] == counts["Place"]
    for kind in (
        "gp_practice",
        "pcn",
        "housing_association",
        "school",
        "college",
        "leisure_provider",
        "vcse",
        "care_provider",
        "icb",
    ):
        assert kinds[kind] >= 1, kind
    waves = {r.wave for r in _rels(demo, m.CollaboratesWith)}
    assert len(waves) == 2
    levels = {(n.area, n.level) for n in demo.nodes if isinstance(n, m.LeadershipDemand)}
    assert len({n.year for n in demo.nodes if isinstance(n, m.LeadershipDemand)}) == 5
    assert len(levels) == counts["Place"] * 5


def _team_graph(demo) -> nx.Graph:
    g = nx.Graph()
    for n in demo.nodes:
        if isinstance(n, m.Team):
            g.add_node(n.uid, sector=n.sector.value)
    for r in _rels(demo, m.CollaboratesWith):
        if r.source in g and r.target in g:
            g.add_edge(r.source, r.target)
    return g


def test_planted_housing_silo(demo):
    g = _team_graph(demo)
    serves = {r.source: r.target for r in _rels(demo, m.Serves)}
    housing = [t for t, d in g.nodes(data=True) if d["sector"] == "housing" and serves.get(t) == "s1-place-3"]
    assert len(housing) >= 5
    for team in housing:
        assert all(g.nodes[n]["sector"] != "health" for n in g[team]), team
    elsewhere = [t for t, d in g.nodes(data=True) if d["sector"] == "housing" and serves.get(t) != "s1-place-3"]
    assert any(g.nodes[n]["sector"] == "health" for t in elsewhere for n in g[t])


def test_planted_broken_handoff_and_only_that_one(demo):
    g = _team_graph(demo)
    steps = {n.uid: n for n in demo.nodes if isinstance(n, m.PathwayStep)}
    delivered = {}
    for r in _rels(demo, m.Delivers):
        delivered.setdefault(r.target, set()).add(r.source)
    broken = []
    for r in _rels(demo, m.Next):
        tied = any(g.has_edge(a, b) for a in delivered[r.source] for b in delivered[r.target])
        if not tied:
            broken.append((steps[r.source].name, steps[r.target].name))
    assert broken == [("CAMHS single point of access", "Early help (children's social care)")]


def test_planted_single_bridge_leader(demo):
    g = nx.Graph()
    g.add_edges_from((r.source, r.target) for r in _rels(demo, m.WorksWith))
    assert "s1-person-bridge" in set(nx.articulation_points(g))
    team_of = {r.source: r.target for r in _rels(demo, m.MemberOf)}
    services = {n.uid: n.service for n in demo.nodes if isinstance(n, m.Team)}
    discharge = {p for p, t in team_of.items() if services.get(t) == "Acute discharge team"}
    asc = {
        p for p, t in team_of.items() if services.get(t) in ("Adult social care", "Hospital social work", "Reablement")
    }
    assert discharge and asc
    both = [p for p in g if p not in discharge and p not in asc and set(g[p]) & discharge and set(g[p]) & asc]
    assert both == ["s1-person-bridge"]
    assert not any(set(g[p]) & asc for p in discharge)


def test_planted_forum_without_vcse(demo):
    kinds = {n.uid: n.kind.value for n in demo.nodes if isinstance(n, m.Organisation)}
    seats: dict[str, set[str]] = {}
    for r in _rels(demo, m.SitsOn):
        if r.source in kinds:
            seats.setdefault(r.target, set()).add(kinds[r.source])
    assert "vcse" not in seats["s1-forum-place-2"]
    assert "vcse" in seats["s1-forum-place-1"] and "vcse" in seats["s1-forum-icp"]


def test_planted_less_diverse_leadership(demo):
    people = {n.uid: n for n in demo.nodes if isinstance(n, m.Demographic)}
    team_place = {r.source: r.target for r in _rels(demo, m.Serves) if r.source.startswith("s1-team")}
    team_of = {r.source: r.target for r in _rels(demo, m.MemberOf)}

    def white_share(place):
        cats = [people[p].ethnic_category.group for p, t in team_of.items() if team_place.get(t) == place]
        return sum(c == "White" for c in cats) / len(cats)

    baseline = {
        n.category: n.percent
        for n in demo.nodes
        if isinstance(n, m.Baseline)
        and n.area == "s1-place-2"
        and n.kind.value == "workforce"
        and n.dimension == "ethnic_group"
    }
    assert white_share("s1-place-2") > 0.95
    assert baseline["White"] < 65
    assert white_share("s1-place-1") < 0.9


def test_planted_relied_on_organisation_without_a_seat(demo):
    org = "s1-org-vcse-home-from-hospital"
    in_ties = {r.source for r in _rels(demo, m.CollaboratesWith) if r.target == org}
    assert len(in_ties) >= 10
    assert not any(r.source == org for r in _rels(demo, m.SitsOn))


async def test_loading_twice_changes_nothing(repo):
    await load_demo(repo, seed=7)
    first = await repo.counts()
    await load_demo(repo, seed=7)
    assert await repo.counts() == first
    assert first["Team"] == sum(1 for n in generate(seed=7).nodes if n.label == "Team")
    assert (await repo.get(NodeLabel.PERSON, "s1-person-bridge")).name == "Morgan Ellis"


def test_more_systems_repeat_the_shape():
    two = generate(seed=7, systems=2)
    systems = [n for n in two.nodes if isinstance(n, m.System)]
    assert [s.uid for s in systems] == ["s1-system", "s2-system"]
    assert any(n.uid == "s2-person-bridge" for n in two.nodes)
    assert len({n.uid for n in two.nodes if n.label != "Demographic"}) == sum(
        1 for n in two.nodes if n.label != "Demographic"
    )


def test_staff_survey_results_are_planted_and_leave_the_rest_alone(demo, monkeypatch):
    """Issue 18: survey results for every surveyed organisation, two years, some held (< 11 responses);
    the rest of the demo is what it was before them (they come from their own random stream): the
    generator run without them gives every other node and every relationship alike."""
    results = [n for n in demo.nodes if isinstance(n, m.CultureIndicator)]
    assert {n.year for n in results} == {2024, 2025}
    assert {n.survey for n in results} == {"nhs_staff_survey", "local_pulse"}
    nhs = {n.anchor for n in results if n.survey == "nhs_staff_survey"}
    assert nhs == {n.uid for n in demo.nodes if isinstance(n, m.Organisation) and n.kind in ("nhs_trust", "icb")}
    assert any(n.responses < 11 for n in results) and all(n.responses >= 11 for n in results if n.anchor in nhs)
    monkeypatch.setattr(generator, "add_culture", lambda *args: None)
    before = generate(seed=7)
    assert not any(isinstance(n, m.CultureIndicator) for n in before.nodes)
    rest = [n for n in demo.nodes if not isinstance(n, m.CultureIndicator)]
    assert Counter(n.label for n in rest)["Team"] > 0
    assert [n.model_dump() for n in rest] == [n.model_dump() for n in before.nodes]
    assert [r.model_dump() for r in demo.relationships] == [r.model_dump() for r in before.relationships]


def test_team_ties_of_the_latest_wave_carry_partner_sub_items_that_average_to_their_scores(demo):
    """Issue 21: the latest wave's team ties have PARTNER's six sub-items (their means are the scores,
    so the analytics read the same figures); the earlier wave and organisation ties have single scores."""
    waves = sorted((n for n in demo.nodes if isinstance(n, m.SurveyWave)), key=lambda w: w.collected_on)
    teams = {n.uid for n in demo.nodes if isinstance(n, m.Team)}
    ties = _rels(demo, m.CollaboratesWith)
    latest = [r for r in ties if r.wave == waves[-1].uid and r.source in teams]
    assert latest and all(r.trust_reliability is not None and r.value_power is not None for r in latest)
    for r in latest:
        assert sum(getattr(r, n) for n in m.TRUST_ITEMS) / 3 == r.trust
        assert sum(getattr(r, n) for n in m.VALUE_ITEMS) / 3 == r.value
    assert (
        len({(r.trust_reliability, r.trust_mission, r.trust_openness) for r in latest if r.trust == 3}) > 3
    )  # not all 3,3,3
    chosen = {id(r) for r in latest}
    assert all(r.trust_reliability is None and r.value_power is None for r in ties if id(r) not in chosen)
