"""Aggregates through real HTTP: grouped counts (counted by the store) and suppressed diversity figures."""

from __future__ import annotations

from demo_figures import demo_teams

from carenet.api.auth import Role

COUNTS = """
query($of: CountOf!, $groupBy: [CountGroupBy!], $teamWhere: TeamWhere, $personWhere: PersonWhere) {
  counts(of: $of, groupBy: $groupBy, teamWhere: $teamWhere, personWhere: $personWhere) {
    of groupBy total totalShown suppressed
    groups { sector kind place level system count shown percent }
  }
}
"""


def counts(server, role=Role.PUBLIC, **variables):
    body = server.gql(COUNTS, variables, role=role)
    assert "errors" not in body, body
    return body["data"]["counts"]


def test_team_counts_by_sector_match_the_connections(demo_server):
    c = counts(demo_server, of="TEAM", groupBy=["SECTOR"])
    assert c["total"] == demo_teams() and not c["suppressed"]
    by_sector = {g["sector"]: g["count"] for g in c["groups"]}
    assert sum(by_sector.values()) == demo_teams()
    housing = demo_server.gql("{ teams(where: {sector: {eq: HOUSING}}) { totalCount } }", role=Role.FRONTEND)
    assert by_sector["housing"] == housing["data"]["teams"]["totalCount"]
    assert all(g["place"] is None and g["kind"] is None for g in c["groups"])
    assert abs(sum(g["percent"] for g in c["groups"]) - 100) < 0.5


def test_counts_are_counted_by_the_store_not_collected(demo_server):
    store = demo_server.recording
    store.reset()
    counts(demo_server, of="TEAM", groupBy=["PLACE", "SECTOR"])
    assert [c.names for c in store.calls] == [("count_cells_team",)]


def test_filters_and_groups_of_places(demo_server):
    c = counts(demo_server, role=Role.FRONTEND, of="TEAM", groupBy=["PLACE"], teamWhere={"sector": {"eq": "HOUSING"}})
    place3 = next(g for g in c["groups"] if g["place"] == "s1-place-3")
    filtered = demo_server.gql(
        '{ teams(where: {sector: {eq: HOUSING}, place: {eq: "s1-place-3"}}) { totalCount } }', role=Role.FRONTEND
    )["data"]["teams"]["totalCount"]
    assert place3["count"] == filtered > 0


def test_people_below_national_level_are_suppressed(demo_server):
    national = counts(demo_server, of="PERSON", groupBy=["LEVEL"])
    assert not national["suppressed"] and isinstance(national["total"], int)
    local = counts(demo_server, of="PERSON", groupBy=["PLACE", "SECTOR", "LEVEL"])
    assert local["suppressed"]
    raw = {(g["place"], g["sector"], g["level"]): g for g in local["groups"]}
    assert all(
        g["shown"] == "*" and g["count"] is None and g["percent"] is None for g in local["groups"] if g["count"] is None
    )
    shown = [g for g in local["groups"] if g["count"] is not None]
    assert shown and all(g["count"] % 5 == 0 for g in shown)
    assert any(g["shown"] == "*" for g in raw.values()), (
        "the demo has small cells (executives of one sector in a place)"
    )
    assert local["total"] % 5 == 0
    # percentages come from the rounded figures
    assert all(g["percent"] == round(100 * g["count"] / local["total"], 1) for g in shown)
    # filtering people is below national level too, and needs the frontend role
    one = demo_server.gql(
        COUNTS, {"of": "PERSON", "personWhere": {"uid": {"eq": "s1-person-icb-1-lead"}}}, role=Role.PUBLIC
    )
    assert one["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    one = counts(demo_server, role=Role.FRONTEND, of="PERSON", personWhere={"uid": {"eq": "s1-person-icb-1-lead"}})
    assert one["suppressed"] and one["totalShown"] == "*" and one["total"] is None


def test_bad_grouping_is_a_typed_error(demo_server):
    body = demo_server.gql(COUNTS, {"of": "TEAM", "groupBy": ["LEVEL"]}, role=Role.PUBLIC)
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and error["extensions"]["problems"][0]["path"] == "groupBy"
    body = demo_server.gql(COUNTS, {"of": "TEAM", "personWhere": {"level": {"eq": "BOARD"}}}, role=Role.FRONTEND)
    assert body["errors"][0]["extensions"]["problems"][0]["path"] == "personWhere"


LEADERS = """
query($by: [LeaderGroupBy!], $c: Characteristic!) {
  leaderDemographics(groupBy: $by, characteristic: $c) {
    place level total totalShown
    categories { category ethnicGroupCode sexCode count shown percent workforceBaseline workforceGapPp communityBaseline
      workforceStatus workforceStatusCode communityStatus communityStatusCode }
  }
}
"""


def test_leader_demographics_are_suppressed_aggregates(demo_server):
    body = demo_server.gql(LEADERS, {"by": ["PLACE", "LEVEL"], "c": "ETHNIC_GROUP"}, role=Role.PUBLIC)
    assert "errors" not in body, body
    rows = body["data"]["leaderDemographics"]
    assert rows and all(r["place"] and r["level"] for r in rows)
    cells = [c for r in rows for c in r["categories"]]
    assert {c["category"] for c in cells} >= {"White", "Asian", "Black"}
    assert any(c["shown"] == "*" for c in cells)
    assert all(c["count"] is None or c["count"] % 5 == 0 for c in cells)
    sexes = demo_server.gql(LEADERS, {"by": ["PLACE"], "c": "SEX"}, role=Role.PUBLIC)["data"]["leaderDemographics"]
    assert {c["category"] for r in sexes for c in r["categories"]} >= {"female", "male"}
    assert any(c["workforceBaseline"] is not None for r in sexes for c in r["categories"])


def test_leader_demographics_grouped_by_nothing_is_a_typed_error(demo_server):
    """``groupBy: []`` answered 500 (the analytics has no table of the whole scope: one beside the
    published tables could undo their suppression). Now a BAD_USER_INPUT at groupBy; the orders and
    repeats of place and level are the tables they name."""
    for role in (Role.PUBLIC, Role.ADMIN):
        body = demo_server.gql(LEADERS, {"by": [], "c": "ETHNIC_GROUP"}, role=role)
        [error] = body["errors"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT" and body["data"] is None, body
        [problem] = error["extensions"]["problems"]
        assert problem["path"] == "groupBy" and "place and/or level" in problem["message"], problem

    def rows(by):
        body = demo_server.gql(LEADERS, {"by": by, "c": "SEX"}, role=Role.PUBLIC)
        assert "errors" not in body, body
        return sorted(body["data"]["leaderDemographics"], key=lambda r: (r["place"] or "", r["level"] or ""))

    both = rows(["PLACE", "LEVEL"])
    assert both and rows(["LEVEL", "PLACE"]) == both and rows(["LEVEL", "PLACE", "LEVEL"]) == both
    assert rows(["PLACE", "PLACE"]) == rows(["PLACE"]) and all(r["level"] is None for r in rows(["PLACE"]))


STATUS_CODES = {
    "under-represented": "UNDER_REPRESENTED",
    "over-represented": "OVER_REPRESENTED",
    "within range": "WITHIN_RANGE",
}


def test_leader_demographics_give_each_category_and_status_as_its_enum(demo_server):
    ethnic = {"White": "WHITE", "Mixed": "MIXED", "Asian": "ASIAN", "Black": "BLACK", "Other": "OTHER"}
    ethnic["Not stated"] = "NOT_STATED"
    sexes = {"female": "FEMALE", "male": "MALE", "not_stated": "NOT_STATED"}
    statuses = []
    for characteristic, codes, field, other in (
        ("ETHNIC_GROUP", ethnic, "ethnicGroupCode", "sexCode"),
        ("SEX", sexes, "sexCode", "ethnicGroupCode"),
    ):
        for by in (["PLACE", "LEVEL"], ["PLACE"], ["LEVEL"]):
            body = demo_server.gql(LEADERS, {"by": by, "c": characteristic}, role=Role.PUBLIC)
            assert "errors" not in body, body
            cells = [c for r in body["data"]["leaderDemographics"] for c in r["categories"]]
            assert cells, (characteristic, by)
            for c in cells:
                assert c[field] == codes[c["category"]] and c[other] is None, (characteristic, c)
                for side in ("workforce", "community"):
                    status = c[f"{side}Status"]
                    assert c[f"{side}StatusCode"] == (STATUS_CODES[status] if status else None), c
                    statuses.append(c[f"{side}StatusCode"])
            assert {c[field] for c in cells} >= {codes[k] for k in list(codes)[:2]}
    assert set(statuses) == {*STATUS_CODES.values(), None}, set(statuses)  # the demo has each status


def test_erasing_a_person_updates_the_aggregates_and_export_shows_everything(fresh_server):
    uid = "s1-person-icb-1-lead"
    q = "{ counts(of: PERSON) { total } }"
    before = fresh_server.gql(q, role=Role.PUBLIC)["data"]["counts"]["total"]
    record = fresh_server.gql("query($u: ID!) { exportPerson(uid: $u) }", {"u": uid}, role=Role.ADMIN)["data"][
        "exportPerson"
    ]
    assert record["person"]["uid"] == uid and record["person"]["name"]
    assert set(record["demographic"]) == {"ethnic_category", "sex"}
    kinds = {r["type"] for r in record["relationships"]}
    assert {"MEMBER_OF", "LEADS"} <= kinds
    body = fresh_server.gql("mutation($u: ID!) { erasePerson(uid: $u) { uid relationshipsRemoved } }", {"u": uid})
    assert body["data"]["erasePerson"]["relationshipsRemoved"] == len(record["relationships"])
    after = fresh_server.gql(q, role=Role.PUBLIC)["data"]["counts"]["total"]
    assert after == before - 1
    gone = fresh_server.gql("query($u: ID!) { exportPerson(uid: $u) }", {"u": uid}, role=Role.ADMIN)
    assert gone["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    # the demographic record went with the person
    import asyncio

    from carenet.domain.schema import NodeLabel

    assert asyncio.run(fresh_server.services.repo.existing(NodeLabel.DEMOGRAPHIC, [uid])) == set()
    ops = [x["operation"] for x in fresh_server.app.state.audit.lines() if x["role"] == "admin"]
    assert "export person" in ops and "erase person" in ops
