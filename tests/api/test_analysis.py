"""Analytics through GraphQL over real HTTP, on the demo system: the planted defects show."""

from __future__ import annotations

from demo_figures import demo_teams

from carenet.api.auth import Role

ANALYSIS = """
query($f: AnalysisFilter, $ids: [ID!]!) {
  analysis(filter: $f) {
    communities { id: number size largestOrganisation largestOrganisationShare isSilo singleOrganisation ei expectedEi members }
    brokers(limit: 5) { id: uid name betweenness brokerage roles }
    cutPoints
    bridges { source target }
    departureImpact(ids: $ids) { removed componentsBefore componentsAfter pairsDisconnected efficiencyChange }
  }
}
"""


def test_pathways_show_the_one_broken_handoff(demo_server):
    data = demo_server.gql(
        "{ pathways { id: uid name steps { id: uid name position teams } handoffs { fromStep "
        "toStep fromTeams toTeams hasTie shortestPath } } }",
        role=Role.FRONTEND,
    )
    assert "errors" not in data, data
    pathways = {p["id"]: p for p in data["data"]["pathways"]}
    assert set(pathways) == {"s1-pathway-discharge", "s1-pathway-frailty", "s1-pathway-camhs"}
    broken = [(p, h) for p in pathways.values() for h in p["handoffs"] if not h["hasTie"]]
    assert len(broken) == 1
    pathway, handoff = broken[0]
    steps = {s["id"]: s["name"] for s in pathway["steps"]}
    assert (steps[handoff["fromStep"]], steps[handoff["toStep"]]) == (
        "CAMHS single point of access",
        "Early help (children's social care)",
    )
    path = handoff["shortestPath"]
    assert path[0] in handoff["fromTeams"] and path[-1] in handoff["toTeams"] and len(path) > 2
    for p in pathways.values():
        assert [s["position"] for s in p["steps"]] == list(range(1, len(p["steps"]) + 1))
        assert len(p["handoffs"]) == len(p["steps"]) - 1


def test_the_bridge_leader_is_a_cut_point_and_leaving_splits_the_network(demo_server):
    data = demo_server.gql(ANALYSIS, {"f": {"level": "PERSON"}, "ids": ["s1-person-bridge"]}, role=Role.ANALYST)
    assert "errors" not in data, data
    analysis = data["data"]["analysis"]
    assert "s1-person-bridge" in analysis["cutPoints"]
    impact = analysis["departureImpact"]
    assert impact["componentsAfter"] == impact["componentsBefore"] + 1
    assert impact["pairsDisconnected"] > 0 and impact["efficiencyChange"] < 0


def test_team_communities_flag_single_organisation_silos(demo_server):
    data = demo_server.gql(ANALYSIS, {"f": {"level": "TEAM"}, "ids": ["s1-team-acute-1"]}, role=Role.FRONTEND)
    assert "errors" not in data, data
    communities = data["data"]["analysis"]["communities"]
    assert sum(c["size"] for c in communities) == demo_teams()
    single = [c for c in communities if c["singleOrganisation"]]
    assert single and all(c["largestOrganisationShare"] >= 0.8 for c in single)
    assert all(c["ei"] < 0 and c["ei"] < c["expectedEi"] for c in communities if c["isSilo"])
    assert all(c["ei"] >= 0 or c["ei"] >= c["expectedEi"] or c["size"] < 3 for c in communities if not c["isSilo"])
    brokers = data["data"]["analysis"]["brokers"]
    assert len(brokers) == 5 and brokers[0]["betweenness"] >= brokers[-1]["betweenness"]


def test_person_level_analysis_needs_the_analyst_role(demo_server):
    data = demo_server.gql(ANALYSIS, {"f": {"level": "PERSON"}, "ids": ["s1-person-bridge"]}, role=Role.FRONTEND)
    assert data["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    data = demo_server.gql("{ pathways { uid } }", role=Role.PUBLIC)
    assert data["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_reports_as_json_and_leadership_figures_for_anyone(demo_server):
    gaps = demo_server.gql("{ analysisReport(report: GAPS) }", role=Role.ANALYST)["data"]["analysisReport"]
    assert gaps["relied_on_without_seat"]["organisations"][0]["organisation"] == "s1-org-vcse-home-from-hospital"
    assert "s1-forum-place-2" in {f["forum"] for f in gaps["forums_without_vcse"]}
    pairs = {(g["group"], g["sector"], g["other_sector"]) for g in gaps["sector_pair_gaps"]["gaps"]}
    assert ("s1-place-3", "housing", "health") in pairs and ("s1-place-1", "housing", "health") not in pairs
    leadership = demo_server.gql("{ analysisReport(report: LEADERSHIP) }", role=Role.PUBLIC)["data"]["analysisReport"]
    rows = {r["place"]: r for r in leadership["representation"]["ethnic_group"]["workforce"]}
    assert rows["s1-place-2"]["categories"]["White"]["gap_pp"] > 25
    for row in rows.values():  # suppressed: multiples of 5 or "*"
        for cell in row["categories"].values():
            assert cell["count"] == "*" or cell["count"] % 5 == 0
    assert "s1-person" not in str(leadership)  # nothing about one person
    denied = demo_server.gql("{ analysisReport(report: BROKERS) }", role=Role.PUBLIC)
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_unknown_departure_ids_are_bad_input(demo_server):
    data = demo_server.gql(ANALYSIS, {"f": {"level": "TEAM"}, "ids": ["no-such-team"]}, role=Role.FRONTEND)
    assert data["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert data["errors"][0]["path"] == ["analysis", "departureImpact"]


def test_the_network_is_chosen_and_said(demo_server):
    q = """query($n: TieNetwork!) { analysis(filter: {level: ORGANISATION, network: $n}) { network brokers(limit: 3) { id: uid betweenness } }
             analysisReport(report: BROKERS, filter: {level: ORGANISATION, network: $n}) }"""
    seen = {}
    for n in ("EITHER", "BOTH", "DIRECTED"):
        body = demo_server.gql(q, {"n": n})
        assert "errors" not in body, body
        assert body["data"]["analysis"]["network"] == n
        assert body["data"]["analysisReport"]["network"] == n.lower()
        seen[n] = [b["betweenness"] for b in body["data"]["analysis"]["brokers"]]
    assert seen["EITHER"] != seen["DIRECTED"]
    default = demo_server.gql("{ analysis { network } }")
    assert default["data"]["analysis"]["network"] == "EITHER"


def test_analysis_states_its_basis_and_takes_a_date(demo_server):
    """Issue 21 item 1: GraphQL could set neither the date nor see which waves were read."""
    import datetime as dt

    query = "query($f: AnalysisFilter) { analysis(filter: $f) { basis { level waves at network rule } } }"
    now = demo_server.gql(query, {"f": {"level": "ORGANISATION"}}, role=Role.FRONTEND)
    assert "errors" not in now, now
    assert now["data"]["analysis"]["basis"] == {
        "level": "ORGANISATION",
        "waves": ["s1-wave-2026"],
        "at": dt.date.today().isoformat(),
        "network": "EITHER",
        "rule": now["data"]["analysis"]["basis"]["rule"],
    }
    then = demo_server.gql(query, {"f": {"wave": "s1-wave-2025", "at": "2025-05-01"}}, role=Role.FRONTEND)
    assert (
        then["data"]["analysis"]["basis"]["waves"] == ["s1-wave-2025"]
        and then["data"]["analysis"]["basis"]["at"] == "2025-05-01"
    )
    report = demo_server.gql(
        "query($f: AnalysisFilter) { analysisReport(report: BROKERS, filter: $f) }",
        {"f": {"at": "2025-05-01"}},
        role=Role.ANALYST,
    )
    assert report["data"]["analysisReport"]["basis"]["at"] == "2025-05-01"
    bad = demo_server.gql(query, {"f": {"wave": "nope"}}, role=Role.FRONTEND)
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "filter.wave" in str(bad["errors"][0])
