"""``subgraph`` through real HTTP, in the shape docs/contracts.md promises the map page."""

from __future__ import annotations

from carenet.api.auth import Role

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
