"""GraphQL ``culture`` through real HTTP on the demo: the planted pattern, held values never sent,
the minimum from the settings, and who may ask."""

from __future__ import annotations

import asyncio

from carenet.api.auth import Role
from carenet.domain.enums import CultureScale, CultureSurvey
from carenet.services import culture

CULTURE = """
query($system: ID, $place: ID) {
  culture(system: $system, place: $place) {
    minimumResponses warning
    organisations { id: uid name place system network { leaders crossBoundaryTiesPerLeader eiIndex constraint brokeragePerLeader }
      indicators { indicator period value responses suppressed scale scaleCode survey surveyCode source }
      trends { indicator change direction trendCode since points { period value suppressed } }
      flags { code findingCode text evidence } }
    places { id: uid organisations leaders crossBoundaryTiesPerLeader indicators { indicator value responses suppressed scale scaleCode } }
    correlations { indicator measure measureCode rho n ciLow ciHigh method warning }
    sources { survey surveyCode year source records }
  }
}
"""


def test_culture_for_the_demo_system(demo_server) -> None:
    body = demo_server.gql(CULTURE, {"system": "s1-system"}, role=Role.FRONTEND)
    assert "errors" not in body, body
    c = body["data"]["culture"]
    assert c["minimumResponses"] == 11 and "not a cause" in c["warning"]
    corr = next(
        x
        for x in c["correlations"]
        if x["indicator"] == "concerns_addressed" and x["measureCode"] == "CROSS_BOUNDARY_TIES_PER_LEADER"
    )
    assert corr["rho"] > 0.6 and corr["ciLow"] > 0.3 and corr["n"] >= 30
    flagged = [
        o
        for o in c["organisations"]
        if any(f["findingCode"] == "ISOLATED_LEADERS_CONCERNS_NOT_ADDRESSED" for f in o["flags"])
    ]
    assert flagged and all(f["evidence"] for o in flagged for f in o["flags"])
    held = [f for o in c["organisations"] for f in o["indicators"] if f["suppressed"]]
    assert held and all(f["value"] is None and f["responses"] < 11 for f in held)
    direct = asyncio.run(culture.report(demo_server.services.repo, system="s1-system"))
    assert [o["organisation"] for o in direct["organisations"]] == [o["id"] for o in c["organisations"]]
    assert len(c["places"]) == 4 and c["sources"]
    # the enums say what the deprecated strings say, in the domain's vocabulary
    figures = [f for o in c["organisations"] for f in o["indicators"]] + [
        f for p in c["places"] for f in p["indicators"]
    ]
    assert {f["scaleCode"] for f in figures} == {CultureScale(f["scale"]).name for f in figures} != set()
    assert all(f["scaleCode"] == CultureScale(f["scale"]).name for f in figures)
    surveyed = [f for o in c["organisations"] for f in o["indicators"]] + c["sources"]
    assert all(f["surveyCode"] == CultureSurvey(f["survey"]).name for f in surveyed if f["survey"]), surveyed
    assert any(f["surveyCode"] for f in surveyed)
    # each correlation's measure and each flag's finding as their enums, the same set as the analytics' rules
    assert c["correlations"]
    assert all(x["measureCode"] == x["measure"].upper() for x in c["correlations"]), c["correlations"]
    assert {x["measureCode"] for x in c["correlations"]} <= {m.upper() for m in culture.LEADER_MEASURES}
    flags = [f for o in c["organisations"] for f in o["flags"]]
    assert flags and all(f["findingCode"] == f["code"].upper() for f in flags), flags
    assert {f["findingCode"] for f in flags} <= {code.upper() for code in culture.FINDINGS}
    # a trend's direction, worked out afresh from its last two figures and the catalogue
    trends = [t for o in c["organisations"] for t in o["trends"]]
    higher_is_better = {code: meta["higher_is_better"] for code, meta in culture.indicator_catalogue().items()}
    moved = [t for t in trends if t["change"] is not None]
    assert moved and any(t["trendCode"] == "BETTER" for t in moved) and any(t["trendCode"] == "WORSE" for t in moved)
    for t in trends:
        shown = [p["value"] for p in t["points"] if not p["suppressed"]]
        last_two = t["points"][-2:]
        if len(last_two) < 2 or any(p["suppressed"] for p in last_two):
            assert t["trendCode"] is None and t["direction"] is None, t
            continue
        change = last_two[1]["value"] - last_two[0]["value"]
        better = change > 0 if higher_is_better[t["indicator"]] else change < 0
        expected = "NO_CHANGE" if change == 0 else ("BETTER" if better else "WORSE")
        assert t["trendCode"] == expected and shown, t
        assert t["direction"] == {"NO_CHANGE": "no change", "BETTER": "better", "WORSE": "worse"}[expected]


def test_a_held_value_is_not_in_the_response_nor_in_node_by_uid(demo_server) -> None:
    from carenet.domain.schema import NodeLabel

    async def rows():
        out = []
        async for batch in demo_server.services.repo.scan(NodeLabel.CULTURE_INDICATOR):
            out += batch.to_pylist()
        return out

    held = [r for r in asyncio.run(rows()) if r["responses"] < 11 and r["anchor"].startswith("s1-")]
    assert held
    record = held[0]
    read = demo_server.gql(
        "query($uid: ID!) { nodeByUid(uid: $uid) { properties } }", {"uid": record["uid"]}, role=Role.ANALYST
    )
    props = read["data"]["nodeByUid"]["properties"]
    assert props["value"] is None and props["suppressed"] is True and props["responses"] == record["responses"]


def test_who_may_ask(demo_server) -> None:
    body = demo_server.gql(CULTURE, {"system": "s1-system"}, role=Role.PUBLIC)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_the_minimum_comes_from_the_settings(start_server, tmp_path) -> None:
    with start_server(tmp_path, culture_min_responses=200) as server:
        c = server.gql(CULTURE, {"system": "s1-system"}, role=Role.FRONTEND)["data"]["culture"]
    assert c["minimumResponses"] == 200
    shown = [f for o in c["organisations"] for f in o["indicators"] if not f["suppressed"]]
    assert shown and all(f["responses"] >= 200 for f in shown)
    assert all(f["value"] is None for o in c["organisations"] for f in o["indicators"] if f["responses"] < 200)


def test_the_board_pack_over_http_is_for_analysts(demo_server) -> None:
    with demo_server.client(Role.ANALYST) as c:
        page = c.get("/reports/board", params={"system": "s1-system"}, timeout=300)
        missing = c.get("/reports/board", params={"system": "nowhere"}, timeout=60)
        bad = c.get("/reports/board", params={"system": "s1-system", "format": "docx"}, timeout=60)
        no_place = c.get("/reports/board", params={"system": "s1-system", "place": "HEALTH"}, timeout=60)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.text.count("<svg data-chart=") >= 14 and "Culture beside the network" in page.text
    assert missing.status_code == 404 and bad.status_code == 400
    assert no_place.status_code == 404 and "no place 'HEALTH' in system 's1-system'" in no_place.text, no_place.text
    with demo_server.client(Role.FRONTEND) as c:
        assert c.get("/reports/board", params={"system": "s1-system"}).status_code == 403


def test_the_finding_and_measure_enums_are_the_analytics_rules_and_measures(demo_server) -> None:
    from carenet.analytics.culture import FLAGS, MEASURES

    q = """{ finding: __type(name: "CultureFinding") { enumValues { name description } }
      measure: __type(name: "LeaderMeasure") { enumValues { name description } }
      position: __type(name: "LeaderPosition") { fields { name } } }"""
    body = demo_server.gql(q, role=Role.FRONTEND)
    assert "errors" not in body, body
    d = body["data"]
    findings = {v["name"]: v["description"] for v in d["finding"]["enumValues"]}
    assert set(findings) == {flag["code"].upper() for flag in FLAGS}  # a new rule is a new value
    assert all(flag["text"] in findings[flag["code"].upper()] for flag in FLAGS)
    measures = {v["name"]: v["description"] for v in d["measure"]["enumValues"]}
    assert set(measures) == {m.upper() for m in MEASURES} and all(measures.values())
    assert "Krackhardt" in measures["EI_INDEX"]
    # each measure is a LeaderPosition field
    fields = {f["name"] for f in d["position"]["fields"]}
    camel = {m.split("_")[0] + "".join(w.title() for w in m.split("_")[1:]) for m in MEASURES}
    assert camel <= fields, camel - fields
