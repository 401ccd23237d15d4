"""``systemOverview`` through real HTTP, against an oracle: the team-level ``subgraph`` of the same
store summed per pair of organisations in plain Python."""

from __future__ import annotations

from collections import Counter

import pytest

from carenet.api.auth import Role

OVERVIEW = """
query($filter: OverviewFilter) {
  systemOverview(filter: $filter) {
    nodes { id: uid label sector place placeName teams innerTies outerTies }
    edges { id: key source target teamTies organisationTies weight }
    truncated graphVersion
  }
}
"""
TEAMS = """
query($filter: SubgraphFilter) {
  subgraph(filter: $filter, limit: 5000) { truncated nodes { id: uid organisation place } edges { source target weight } }
}
"""


def gql(server, query, variables, role=Role.FRONTEND):
    body = server.gql(query, variables, role=role)
    assert "errors" not in body, body
    return body["data"]


def oracle(server, wave=None):
    """Team counts, inner ties and cross-organisation tie counts from the team subgraph."""
    f = {"level": "TEAM", **({"wave": wave} if wave else {})}
    g = gql(server, TEAMS, {"filter": f})["subgraph"]
    assert not g["truncated"]
    org = {n["id"]: n["organisation"] for n in g["nodes"]}
    teams = Counter(o for o in org.values() if o)
    inner, pairs = Counter(), Counter()
    for e in g["edges"]:
        a, b = org[e["source"]], org[e["target"]]
        if not a or not b:
            continue
        if a == b:
            inner[a] += int(e["weight"])
        else:
            pairs[tuple(sorted((a, b)))] += int(e["weight"])
    return teams, inner, pairs


@pytest.mark.parametrize("wave", [None, "s1-wave-2025"])
def test_overview_matches_the_team_graph_summed_per_organisation(demo_server, wave):
    got = gql(demo_server, OVERVIEW, {"filter": {"wave": wave} if wave else None})["systemOverview"]
    teams, inner, pairs = oracle(demo_server, wave)
    nodes = {n["id"]: n for n in got["nodes"]}
    assert len(nodes) > 10 and not got["truncated"]
    assert {k: n["teams"] for k, n in nodes.items() if n["teams"]} == dict(teams)
    assert {k: n["innerTies"] for k, n in nodes.items() if n["innerTies"]} == dict(inner)
    assert {tuple(sorted((e["source"], e["target"]))): e["teamTies"] for e in got["edges"] if e["teamTies"]} == dict(
        pairs
    )
    assert len(pairs) > 5
    for e in got["edges"]:
        assert e["weight"] == e["teamTies"] + e["organisationTies"] and e["source"] < e["target"]
    outer = Counter()
    for (a, b), n in pairs.items():
        outer[a] += n
        outer[b] += n
    assert {k: n["outerTies"] for k, n in nodes.items() if n["outerTies"]} == dict(outer)
    # every organisation with a place names it
    assert all(n["placeName"] for n in got["nodes"] if n["place"])


def test_overview_of_one_place_keeps_its_organisations_only(demo_server):
    everything = gql(demo_server, OVERVIEW, {})["systemOverview"]
    one = gql(demo_server, OVERVIEW, {"filter": {"place": "s1-place-2"}})["systemOverview"]
    ids = {n["id"] for n in one["nodes"]}
    assert ids and all(n["place"] == "s1-place-2" for n in one["nodes"])
    assert len(ids) < len(everything["nodes"])
    assert all(e["source"] in ids and e["target"] in ids for e in one["edges"])
    orgs = gql(demo_server, TEAMS, {"filter": {"level": "ORGANISATION", "place": "s1-place-2"}})["subgraph"]
    assert ids == {n["id"] for n in orgs["nodes"]}


def test_overview_needs_the_frontend_role(demo_server):
    body = demo_server.gql(OVERVIEW, {}, role=Role.PUBLIC)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
