"""Which network the analytics read: either (default), both or directed, loaded through the store."""

from __future__ import annotations

import networkx as nx
import pytest

from carenet.domain import models as m
from carenet.services import analysis, exports
from carenet.services.graphs import Scope, network
from carenet.storage.repository import ChangeSet


def florentine_once() -> ChangeSet:
    """Padgett's Florentine marriages, each marriage one COLLABORATES_WITH tie in one direction."""
    G = nx.florentine_families_graph()
    cs = ChangeSet()
    cs.add_node(m.SurveyWave(uid="w", name="w", collected_on="2024-01-01"))
    for family in G:
        cs.add_node(m.Organisation(uid=family, name=family, kind="other", sector="other"))
    for u, v in G.edges:
        cs.add_relationship(m.CollaboratesWith(source=u, target=v, kinds=["referral"], wave="w"))
    return cs


@pytest.fixture
async def florentine(repo):
    await repo.apply(florentine_once())
    return repo


async def test_medici_betweenness_is_the_published_one_with_either(florentine):
    scope = Scope(level="organisation")
    report = await analysis.brokers(florentine, scope=scope)
    top = report["betweenness"]["top"][0]
    assert report["network"] == "either" and top["node"] == "Medici"
    assert top["betweenness"] == pytest.approx(0.522, abs=5e-4)
    expected = nx.betweenness_centrality(nx.florentine_families_graph())
    overview = await analysis.overview(florentine, scope=scope)
    assert overview["network"] == "either"
    assert overview["betweenness"] == pytest.approx(expected)


async def test_directed_and_both_say_what_they_read(florentine):
    directed = await analysis.brokers(florentine, scope=Scope(level="organisation", network="directed"))
    assert directed["network"] == "directed" and directed["graph"]["directed"]
    recorded = nx.DiGraph(list((await network(florentine, Scope(level="organisation", network="directed"))).edges))
    assert directed["betweenness"]["top"][0]["betweenness"] == pytest.approx(
        max(nx.betweenness_centrality(recorded).values())
    )
    both = await analysis.brokers(florentine, scope=Scope(level="organisation", network="both"))
    assert both["network"] == "both" and both["graph"]["ties"] == 0  # no marriage is reported from both sides
    assert (await analysis.silos(florentine, scope=Scope(level="organisation")))["network"] == "either"


async def test_both_keeps_only_confirmed_ties(repo):
    cs = ChangeSet()
    cs.add_node(m.SurveyWave(uid="w", name="w", collected_on="2024-01-01"))
    for uid in "abc":
        cs.add_node(m.Team(uid=uid, name=uid, sector="health"))
    for s, t in (("a", "b"), ("b", "a"), ("b", "c")):
        cs.add_relationship(m.CollaboratesWith(source=s, target=t, kinds=["referral"], wave="w"))
    await repo.apply(cs)
    assert sorted(map(sorted, (await network(repo, Scope(network="both"))).edges)) == [["a", "b"]]
    either = await network(repo, Scope())
    assert sorted(map(sorted, either.edges)) == [["a", "b"], ["b", "c"]] and either.edges["a", "b"]["weight"] == 2.0


async def test_exported_metrics_name_their_network(florentine):
    rows = await exports.export_metrics(florentine, level="organisation")
    medici = next(r for r in rows if r["uid"] == "Medici")
    assert medici["network"] == "either" and medici["betweenness"] == pytest.approx(0.522, abs=5e-4)
    rows = await exports.export_metrics(florentine, level="organisation", where=exports.GraphFilter(network="directed"))
    assert next(r for r in rows if r["uid"] == "Medici")["network"] == "directed"
    with pytest.raises(ValueError, match="network must be one of"):
        exports.GraphFilter(network="sideways")


@pytest.mark.parametrize("level", ["team", "organisation", "person"])
async def test_every_report_and_export_at_a_level_with_no_ties(repo, level):
    """The crash of issue 15: any level with nodes and no ties (NaN into an integer array)."""
    cs = ChangeSet()
    cs.add_node(m.Organisation(uid="o1", name="Trust", kind="nhs_trust", sector="health"))
    cs.add_node(m.Organisation(uid="o2", name="Council", kind="local_authority", sector="social_care"))
    cs.add_node(m.Team(uid="t1", name="Discharge", sector="health"))
    cs.add_node(m.Person(uid="p1", name="Ann", level="senior"))
    await repo.apply(cs)
    for network_name in ("either", "both", "directed"):
        scope = Scope(level=level, network=network_name)
        report = await analysis.run(repo, "all", scope=scope)
        assert report["brokers"]["network"] == network_name and report["brokers"]["graph"]["ties"] == 0
    rows = await exports.export_metrics(repo, level=level)
    assert rows and all(r["constraint"] is None for r in rows)
    G = await exports.export_graph(repo, level=level)
    assert G.number_of_edges() == 0
