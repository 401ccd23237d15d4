"""``subgraph`` through real HTTP, in the shape docs/contracts.md promises the map page."""

from __future__ import annotations

from carenet.api.auth import Role
from carenet.domain.enums import PersonTieKind, TieKind

QUERY = """
query($filter: SubgraphFilter, $centre: ID, $depth: Int, $limit: Int, $sizeBy: SizeMetric) {
  subgraph(filter: $filter, centre: $centre, depth: $depth, limit: $limit, sizeBy: $sizeBy) {
    nodes { id: uid label kind sector organisation organisationName place size degree betweenness brokerage community }
    edges { id: key source target kinds weight trust }
    totalNodes truncated graphVersion
  }
}
"""


def subgraph(server, role=Role.FRONTEND, **variables):
    body = server.gql(QUERY, variables, role=role)
    assert "errors" not in body, body
    return body["data"]["subgraph"]


def test_teams_of_a_place_with_edges_among_them(demo_server):
    g = subgraph(demo_server, filter={"place": "s1-place-3"})
    ids = {n["id"] for n in g["nodes"]}
    assert g["totalNodes"] == len(ids) > 50 and not g["truncated"]
    assert all(n["kind"] == "Team" and n["place"] == "s1-place-3" for n in g["nodes"])
    assert g["edges"] and all(e["source"] in ids and e["target"] in ids for e in g["edges"])
    degree = {i: 0 for i in ids}
    for e in g["edges"]:
        degree[e["source"]] += 1
        degree[e["target"]] += 1
        assert e["kinds"] and e["weight"] >= 1
    assert all(n["degree"] == degree[n["id"]] and n["size"] == n["degree"] for n in g["nodes"])
    # the planted housing silo: no housing team of place 3 has a tie to a health team
    sector = {n["id"]: n["sector"] for n in g["nodes"]}
    assert not any({sector[e["source"]], sector[e["target"]]} == {"housing", "health"} for e in g["edges"])


def test_limit_truncates_to_the_best_connected(demo_server):
    g = subgraph(demo_server, limit=10)
    assert len(g["nodes"]) == 10 and g["truncated"] and g["totalNodes"] > 500
    full = subgraph(demo_server, limit=2000)
    top = sorted(full["nodes"], key=lambda n: -n["degree"])[0]
    assert top["id"] in {n["id"] for n in g["nodes"]}


def test_centre_and_depth(demo_server):
    one = subgraph(demo_server, centre="s1-team-acute-3", depth=1)
    ids = {n["id"] for n in one["nodes"]}
    assert "s1-team-acute-3" in ids and len(ids) > 3
    centre = next(n for n in one["nodes"] if n["id"] == "s1-team-acute-3")
    assert centre["degree"] == len(ids) - 1
    two = subgraph(demo_server, centre="s1-team-acute-3", depth=2)
    assert ids < {n["id"] for n in two["nodes"]}


def test_filters_sector_search_wave_and_levels(demo_server):
    g = subgraph(demo_server, filter={"sectors": ["HOUSING"], "system": "s1-system"})
    assert g["nodes"] and {n["sector"] for n in g["nodes"]} == {"housing"}
    g = subgraph(demo_server, filter={"search": "DISCHARGE"})
    assert g["nodes"] and all("discharge" in n["label"].lower() for n in g["nodes"])
    both = subgraph(demo_server)
    one = subgraph(demo_server, filter={"wave": "s1-wave-2025"})
    assert sum(e["weight"] for e in one["edges"]) < sum(e["weight"] for e in both["edges"])
    people = subgraph(demo_server, filter={"level": "PERSON", "levels": ["BOARD"]}, sizeBy="BROKERAGE")
    assert people["nodes"] and all(n["kind"] == "Person" for n in people["nodes"])
    orgs = subgraph(demo_server, filter={"level": "ORGANISATION", "place": "s1-place-2"})
    assert orgs["nodes"] and all(n["organisation"] == n["id"] for n in orgs["nodes"])


def test_bad_arguments_are_typed_errors(demo_server):
    body = demo_server.gql(QUERY, {"limit": 0, "depth": 9}, role=Role.FRONTEND)
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert {p["path"] for p in error["extensions"]["problems"]} == {"limit", "depth"}
    body = demo_server.gql(QUERY, {"centre": "s1-nope"}, role=Role.FRONTEND)
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_public_role_may_not_draw_the_map(demo_server):
    body = demo_server.gql(QUERY, {}, role=Role.PUBLIC)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN" and body["data"] is None


EDGE_CODES = """
query($filter: SubgraphFilter, $limit: Int) {
  subgraph(filter: $filter, limit: $limit) { edges { source target kinds kindCodes personKindCodes weight } }
}
"""
TIE_KINDS = """
query($uid: ID!) {
  teams(first: 1, where: {uid: {eq: $uid}}) { edges { node { ties(first: 500) { edges { kindCodes node { uid } } } } } }
  organisations(first: 1, where: {uid: {eq: $uid}}) { edges { node { ties(first: 500) { edges { kindCodes node { uid } } } } } }
}
"""


def _recorded(server, level, source, target):
    """The kinds of every tie between two nodes, read apart from the subgraph: a team's or an
    organisation's ties, a person's relationships in their subject access record."""
    if level == "PERSON":
        record = server.gql("query($u: ID!) { exportPerson(uid: $u) }", {"u": source}, role=Role.ADMIN)
        rels = record["data"]["exportPerson"]["relationships"]
        return {k.upper() for r in rels if r["type"] == "WORKS_WITH" and r["other"] == target for k in r["kinds"]}
    body = server.gql(TIE_KINDS, {"uid": source}, role=Role.FRONTEND)
    assert "errors" not in body, body
    nodes = body["data"]["teams"]["edges"] + body["data"]["organisations"]["edges"]
    [node] = nodes
    return {k for t in node["node"]["ties"]["edges"] if t["node"]["uid"] == target for k in t["kindCodes"]}


def test_an_edges_kind_codes_are_its_ties_kinds_in_the_levels_enum(demo_server):
    vocabulary = {"TEAM": {k.name for k in TieKind}, "ORGANISATION": {k.name for k in TieKind}}
    vocabulary["PERSON"] = {k.name for k in PersonTieKind}
    for level, filter in (
        ("TEAM", {"place": "s1-place-3"}),
        ("ORGANISATION", {"system": "s1-system"}),
        ("PERSON", {"level": "PERSON", "system": "s1-system"}),
    ):
        filter = {**filter, "level": level}
        body = demo_server.gql(EDGE_CODES, {"filter": filter, "limit": 500}, role=Role.ANALYST)
        assert "errors" not in body, body
        edges = body["data"]["subgraph"]["edges"]
        assert len(edges) > 10, (level, len(edges))
        codes, empty = ("personKindCodes", "kindCodes") if level == "PERSON" else ("kindCodes", "personKindCodes")
        for e in edges:
            assert e[codes] and e[empty] == [], (level, e)
            assert set(e[codes]) <= vocabulary[level] and len(set(e[codes])) == len(e[codes]), (level, e)
            assert e[codes] == [k.upper() for k in e["kinds"]], (level, e)  # the deprecated strings, the same
        for e in sorted(edges, key=lambda e: (-e["weight"], e["source"]))[:4]:  # pairs with several ties first
            ends = (e["source"], e["target"])
            expected = _recorded(demo_server, level, *ends) | _recorded(demo_server, level, *reversed(ends))
            assert set(e[codes]) == expected, (level, e, expected)


DRAWING = """
query($centre: ID) {
  subgraph(centre: $centre, depth: 1, limit: 2000) {
    nodes { uid label labelCode sectorCode degree } edges { source target kindCodes weight } graphVersion
  }
}
"""
UPSERT = "mutation($input: UpsertInput!) { upsert(input: $input) { graphVersion } }"


def _drawn(server, centre=None):
    body = server.gql(DRAWING, {"centre": centre}, role=Role.ANALYST)
    assert "errors" not in body, body
    return body["data"]["subgraph"]


def test_a_drawing_asked_again_is_the_same_and_a_write_draws_afresh(fresh_server):
    """The drawing's nodes and edges are made once per answer of the service (kept for the graph
    version): asked again it is the same, and after a write it shows the write."""
    centre = "s1-team-acute-3"
    first = _drawn(fresh_server, centre)
    assert _drawn(fresh_server, centre) == first
    near = {n["uid"] for n in first["nodes"]}
    everyone = _drawn(fresh_server)
    far = sorted(n["uid"] for n in everyone["nodes"] if n["uid"] not in near)
    assert far, "every team is a neighbour of the centre: pick another"
    other = far[0]
    write = {
        "teams": [{"uid": other, "name": "Redrawn team", "sector": "HOUSING"}],
        "collaboratesWith": [{"source": centre, "target": other, "kinds": ["POOLED_BUDGET"], "wave": "s1-wave-2025"}],
    }
    done = fresh_server.gql(UPSERT, {"input": write})
    assert "errors" not in done, done
    after = _drawn(fresh_server, centre)
    assert after["graphVersion"] == done["data"]["upsert"]["graphVersion"] != first["graphVersion"]
    nodes = {n["uid"]: n for n in after["nodes"]}
    assert set(nodes) == near | {other}
    assert nodes[other]["label"] == "Redrawn team" and nodes[other]["sectorCode"] == "HOUSING"
    degree = {n["uid"]: n["degree"] for n in first["nodes"]}
    assert nodes[centre]["degree"] == degree[centre] + 1
    [edge] = [e for e in after["edges"] if {e["source"], e["target"]} == {centre, other}]
    assert edge["kindCodes"] == ["POOLED_BUDGET"] and edge["weight"] == 1
    assert _drawn(fresh_server, centre) == after
    assert _drawn(fresh_server)["nodes"] != everyone["nodes"]


def test_the_drawing_of_an_answer_is_made_once_and_let_go_with_it():
    import gc

    from carenet.api import subgraph as api
    from carenet.services.subgraph import DrawEdge, DrawNode, Subgraph

    def answer(kinds):
        nodes = [DrawNode(f"t{i}", f"Team {i}", "Team", "health", None, None, None, None, None, None) for i in (1, 2)]
        return Subgraph(nodes=nodes, edges=[DrawEdge("t1|t2", "t1", "t2", kinds, 1.0)], total_nodes=2, truncated=False)

    teams = answer(["referral", "data_sharing"])
    nodes, edges = api._drawing(teams, people=False)
    assert [n.uid for n in nodes] == ["t1", "t2"] and [n.sector_code.name for n in nodes] == ["HEALTH", "HEALTH"]
    assert [k.name for k in edges[0].kind_codes] == ["REFERRAL", "DATA_SHARING"] and edges[0].person_kind_codes == []
    again = api._drawing(teams, people=False)
    assert again[0] is nodes and again[1] is edges  # made once
    other = api._drawing(answer(["referral"]), people=False)  # another answer: drawn for itself
    assert [k.name for k in other[1][0].kind_codes] == ["REFERRAL"]
    leaders = answer(["support"])
    people = api._drawing(leaders, people=True)
    assert [k.name for k in people[1][0].person_kind_codes] == ["SUPPORT"] and people[1][0].kind_codes == []
    keys = {(id(teams), False), (id(leaders), True)}
    assert keys <= set(api._DRAWINGS)
    del teams, leaders, nodes, edges, again, other, people
    gc.collect()
    assert not keys & set(api._DRAWINGS)  # the answers gone, their drawings too
