"""Root connections through real HTTP: filters, ordering, keyset cursors, totalCount, N+1."""

from __future__ import annotations

from demo_figures import demo_teams

from carenet.api.auth import Role

TEAMS = """
query($where: TeamWhere, $orderBy: OrderBy, $first: Int, $after: String, $last: Int, $before: String) {
  teams(where: $where, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id uid name sector organisation { uid name } places { node { uid } }
      ties(first: 5) { totalCount edges { uid direction kinds wave trust node { uid } } } } }
  }
}
"""


def teams(server, role=Role.FRONTEND, **variables):
    body = server.gql(TEAMS, variables, role=role)
    assert "errors" not in body, body
    return body["data"]["teams"]


def uids(conn):
    return [e["node"]["uid"] for e in conn["edges"]]


def test_forward_and_backward_keyset_pages(demo_server):
    first = teams(demo_server, first=20)
    assert len(first["edges"]) == 20 and first["pageInfo"]["hasNextPage"] and first["totalCount"] == demo_teams()
    assert uids(first) == sorted(uids(first))
    second = teams(demo_server, first=20, after=first["pageInfo"]["endCursor"])
    both = teams(demo_server, first=40)
    assert uids(first) + uids(second) == uids(both)
    back = teams(demo_server, last=20, before=second["pageInfo"]["startCursor"])
    assert uids(back) == uids(first) and back["pageInfo"]["hasNextPage"]


def test_filters_and_or_not_and_order_by_degree(demo_server):
    where = {"place": {"eq": "s1-place-3"}, "sector": {"in": ["HOUSING"]}}
    housing = teams(demo_server, where=where, first=100)
    assert housing["totalCount"] == len(housing["edges"]) > 0
    assert all(e["node"]["sector"] == "housing" for e in housing["edges"])
    either = teams(
        demo_server, first=500, where={"OR": [{"sector": {"eq": "HOUSING"}}, {"name": {"contains": "discharge"}}]}
    )
    assert all(e["node"]["sector"] == "housing" or "discharge" in e["node"]["name"].lower() for e in either["edges"])
    not_health = teams(demo_server, first=500, where={"NOT": {"sector": {"eq": "HEALTH"}}})
    health = teams(demo_server, first=1, where={"sector": {"eq": "HEALTH"}})
    assert not_health["totalCount"] + health["totalCount"] == demo_teams()
    top = teams(demo_server, first=3, orderBy={"field": "DEGREE", "direction": "DESC"})
    totals = [e["node"]["ties"]["totalCount"] for e in top["edges"]]
    assert totals == sorted(totals, reverse=True) and totals[0] >= 50
    nxt = teams(
        demo_server, first=3, orderBy={"field": "DEGREE", "direction": "DESC"}, after=top["pageInfo"]["endCursor"]
    )
    assert nxt["edges"][0]["node"]["ties"]["totalCount"] <= totals[-1]


def test_relationships_and_properties_on_edges(demo_server):
    page = teams(demo_server, where={"uid": {"eq": "s1-team-acute-3"}})
    team = page["edges"][0]["node"]
    assert team["organisation"]["uid"] == "s1-org-acute" and team["places"][0]["node"]["uid"] == "s1-place-3"
    tie = team["ties"]["edges"][0]
    assert tie["kinds"] and tie["wave"].startswith("s1-wave-") and tie["direction"] in ("in", "out")


def test_page_size_cap(demo_server):
    body = demo_server.gql(TEAMS, {"first": 501}, role=Role.FRONTEND)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_round_trips_do_not_grow_with_the_page(demo_server):
    store = demo_server.recording
    counts = []
    for size in (50, 500):
        store.reset()
        page = teams(demo_server, first=size)
        assert len(page["edges"]) == size
        counts.append(store.round_trips)
    assert counts[0] == counts[1] <= 5, counts


def test_node_by_global_id_and_people_need_analyst_for_personal_fields(demo_server):
    page = teams(demo_server, first=1)
    gid = page["edges"][0]["node"]["id"]
    body = demo_server.gql("query($id: ID!) { node(id: $id) { ... on Team { uid } } }", {"id": gid}, role=Role.FRONTEND)
    assert body["data"]["node"]["uid"] == page["edges"][0]["node"]["uid"]
    q = "{ people(first: 2) { edges { node { name role level band } } } }"
    denied = demo_server.gql(q, role=Role.FRONTEND)
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    allowed = demo_server.gql(q, role=Role.ANALYST)
    assert "errors" not in allowed and len(allowed["data"]["people"]["edges"]) == 2
    lines = demo_server.app.state.audit.lines()
    assert any(x["operation"] == "read people" and x["role"] == "analyst" and len(x["people"]) == 2 for x in lines)
    assert not any("s1-person" in str(x) for x in lines)


def test_uid_look_ups_take_the_fast_path_and_agree_with_the_general_filter(demo_server):
    everything = teams(demo_server, first=500)
    some = [e["node"]["uid"] for e in everything["edges"][::40]]
    sectors = ["HEALTH", "SOCIAL_CARE", "HOUSING", "EDUCATION", "LEISURE", "VOLUNTARY", "PUBLIC_HEALTH", "OTHER"]
    for order in ({"field": "UID", "direction": "ASC"}, {"field": "NAME", "direction": "DESC"}):
        fast = teams(demo_server, where={"uid": {"in": some}}, orderBy=order, first=4)
        general = teams(demo_server, where={"uid": {"in": some}, "sector": {"in": sectors}}, orderBy=order, first=4)
        assert uids(fast) == uids(general) and fast["totalCount"] == general["totalCount"] == len(some)
        nxt = teams(
            demo_server, where={"uid": {"in": some}}, orderBy=order, first=4, after=fast["pageInfo"]["endCursor"]
        )
        nxt_general = teams(
            demo_server,
            where={"uid": {"in": some}, "sector": {"in": sectors}},
            orderBy=order,
            first=4,
            after=general["pageInfo"]["endCursor"],
        )
        assert uids(nxt) == uids(nxt_general) and not set(uids(nxt)) & set(uids(fast))
    store = demo_server.recording
    store.reset()
    teams(demo_server, where={"uid": {"eq": some[0]}})
    assert store.calls[0].names == ("page_team_by_uids",)


TIE_ENDS = """
query($after: String) {
  teams(first: 100, after: $after) { pageInfo { endCursor hasNextPage }
    edges { node { uid ties(first: 200) { totalCount edges { uid direction directionCode node { uid } } } } } }
  organisations(first: 100) { edges { node { uid ties(first: 200) { totalCount edges { uid direction directionCode node { uid } } } } } }
}
"""


def test_a_ties_direction_code_is_the_end_that_reported_it(demo_server):
    """directionCode against the tie's own key (``COLLABORATES_WITH:source>target@wave``: the reporting
    end first), for the ties (up to 200 each) of every team and organisation of the demo system."""
    seen, after, pages = {"OUT": 0, "IN": 0}, None, []
    while True:
        body = demo_server.gql(TIE_ENDS, {"after": after}, role=Role.FRONTEND)
        assert "errors" not in body, body
        pages.append(body["data"]["teams"]["edges"])
        if after is None:
            pages.append(body["data"]["organisations"]["edges"])
        info = body["data"]["teams"]["pageInfo"]
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
    for edges in pages:
        for edge in edges:
            here, ties = edge["node"]["uid"], edge["node"]["ties"]
            for tie in ties["edges"]:
                source, target = tie["uid"].removeprefix("COLLABORATES_WITH:").split("@")[0].split(">")
                assert {source, target} == {here, tie["node"]["uid"]}, tie
                assert tie["directionCode"] == ("OUT" if source == here else "IN"), (here, tie)
                assert tie["direction"] == tie["directionCode"].lower()  # the deprecated string, the same
                seen[tie["directionCode"]] += 1
    assert min(seen.values()) > 100, seen
    assert sum(e["node"]["ties"]["totalCount"] for e in pages[1]) > 0  # organisations' own ties too
