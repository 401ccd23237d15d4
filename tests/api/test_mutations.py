"""Mutations through real HTTP, each test on a database of its own (the demo system loaded)."""

from __future__ import annotations

import pytest

from carenet.api.auth import Role, sign_token
from carenet.api.types import global_id as _gid

UPSERT = """
mutation($input: UpsertInput!) {
  upsert(input: $input) { nodes { kind count } relationships { kind count } graphVersion }
}
"""
DELETE_NODES = "mutation($input: NodeIdsInput!) { deleteNodes(input: $input) { nodes { kind count } graphVersion } }"
DELETE_RELS = """
mutation($input: RelationshipRefsInput!) { deleteRelationships(input: $input) { relationships { kind count } } }
"""
TEAM = "query($uid: ID!) { teams(where: {uid: {eq: $uid}}) { totalCount edges { node { uid name sector service organisation { uid } metrics { betweenness } } } } }"


def team(server, uid):
    body = server.gql(TEAM, {"uid": uid}, role=Role.ANALYST)
    edges = body["data"]["teams"]["edges"]
    return edges[0]["node"] if edges else None


def new_team(uid="s1-team-new", org="s1-org-acute", **extra):
    return {
        "teams": [{"uid": uid, "name": "Hospital at home", "sector": "HEALTH", "service": "Virtual ward", **extra}],
        "partOf": [{"source": uid, "target": org}],
    }


def test_upsert_writes_nodes_and_relationships_in_one_transaction_and_is_idempotent(fresh_server):
    store = fresh_server.recording
    version = store.version
    store.reset()
    body = fresh_server.gql(UPSERT, {"input": new_team()})
    assert "errors" not in body, body
    result = body["data"]["upsert"]
    assert result["nodes"] == [{"kind": "Team", "count": 1}]
    assert result["relationships"] == [{"kind": "PART_OF", "count": 1}]
    assert [c.kind for c in store.calls].count("write_batch") == 1  # one transaction
    assert store.version != version
    assert team(fresh_server, "s1-team-new")["organisation"]["uid"] == "s1-org-acute"
    again = fresh_server.gql(UPSERT, {"input": new_team()})
    assert "errors" not in again
    assert fresh_server.gql(TEAM, {"uid": "s1-team-new"}, role=Role.ANALYST)["data"]["teams"]["totalCount"] == 1
    renamed = new_team()
    renamed["teams"][0]["name"] = "Hospital at home (renamed)"
    fresh_server.gql(UPSERT, {"input": renamed})
    assert team(fresh_server, "s1-team-new")["name"] == "Hospital at home (renamed)"


def test_every_problem_comes_back_at_once_with_its_path_and_nothing_is_written(fresh_server):
    store = fresh_server.recording
    bad = {
        "teams": [
            {"uid": "s1-team-ok", "name": "Fine", "sector": "HEALTH"},
            {"uid": "s1-team-bad", "name": "", "sector": "SOCIAL_CARE"},
        ],
        "organisations": [
            {"uid": "s1-org-bad", "name": "Trust", "kind": "NHS_TRUST", "sector": "HEALTH", "odsCode": "XYZ"}
        ],
        "people": [{"uid": "s1-person-new", "name": "Pat", "level": "TEAM", "band": "x" * 500}],
        "partOf": [{"source": "s1-team-ok", "target": "s1-org-nope"}],
        "collaboratesWith": [
            {"source": "s1-team-ok", "target": "s1-team-acute-3", "kinds": [], "wave": "s1-wave-2025"}
        ],
    }
    store.reset()
    body = fresh_server.gql(UPSERT, {"input": bad})
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and body["data"] is None
    paths = {p["path"] for p in error["extensions"]["problems"]}
    assert {
        "input.teams.1.name",
        "input.organisations.0",  # a rule across fields (the ODS code must fit the kind): the item's path
        "input.people.0.band",
        "input.partOf.0.target",
        "input.collaboratesWith.0.kinds",
    } <= paths, paths
    assert all(p["message"] for p in error["extensions"]["problems"])
    assert any("ODS code" in p["message"] for p in error["extensions"]["problems"])
    assert not any(c.kind.startswith("write") for c in store.calls)
    assert team(fresh_server, "s1-team-ok") is None


def test_a_value_outside_a_vocabulary_is_refused_with_its_path_every_one_at_once_and_nothing_is_written(
    fresh_server,
):
    """Vocabularies are enums: a value that is none of the enum's (nor an old spelling of one) fails
    the variables' coercion, each with where it is and which enum, before anything runs."""
    store = fresh_server.recording
    bad = {
        "teams": [
            {"uid": "s1-team-ok", "name": "Fine", "sector": "HEALTH"},
            {"uid": "s1-team-bad", "name": "Bad", "sector": "nursing"},
        ],
        "people": [{"uid": "s1-person-new", "name": "Pat", "level": "TEAM", "ethnicCategory": "Q"}],
        "collaboratesWith": [
            {
                "source": "s1-team-ok",
                "target": "s1-team-acute-3",
                "kinds": ["REFERRAL", "GOSSIP"],
                "wave": "s1-wave-2025",
            }
        ],
    }
    store.reset()
    body = fresh_server.gql(UPSERT, {"input": bad})
    assert "data" not in body or body["data"] is None, body
    messages = [e["message"] for e in body["errors"]]
    expected = {
        ".teams[1].sector": ("'nursing'", "'Sector'"),
        ".people[0].ethnicCategory": ("'Q'", "'EthnicCategory'"),
        ".collaboratesWith[0].kinds[1]": ("'GOSSIP'", "'TieKind'"),
    }
    for path, words in expected.items():
        hits = [m for m in messages if f"'$input' has invalid value at {path}:" in m]
        assert len(hits) == 1 and all(w in hits[0] for w in words), (path, messages)
    assert len(messages) == len(expected), messages
    assert not any(c.kind.startswith("write") for c in store.calls)
    assert team(fresh_server, "s1-team-ok") is None


def test_the_old_lower_case_spellings_in_variables_still_write_and_say_they_are_deprecated(fresh_server):
    """For one release: a vocabulary's old spelling in a mutation's variables is respelled (the
    response says where, and what to send), and writes exactly what the enum value writes."""
    old = {
        "teams": [{"uid": "s1-team-old", "name": "Old", "sector": "public_health"}],
        "organisations": [{"uid": "s1-org-old", "name": "Old trust", "kind": "vcse", "sector": "voluntary"}],
        "people": [{"uid": "s1-person-old", "name": "Pat", "level": "middle", "staffGroup": "allied_health"}],
        "partOf": [
            {"source": "s1-team-old", "target": "s1-org-acute"},
            {"source": "s1-org-old", "target": "s1-place-1"},
        ],
        "collaboratesWith": [
            {
                "source": "s1-team-old",
                "target": "s1-team-acute-3",
                "kinds": ["referral", "DATA_SHARING"],
                "frequency": "weekly",
                "wave": "s1-wave-2025",
            }
        ],
    }
    body = fresh_server.gql(UPSERT, {"input": old})
    assert "errors" not in body, body
    notes = {n["path"]: (n["value"], n["use"]) for n in body["extensions"]["deprecations"]}
    assert notes == {
        "input.teams.0.sector": ("public_health", "PUBLIC_HEALTH"),
        "input.organisations.0.kind": ("vcse", "VCSE"),
        "input.organisations.0.sector": ("voluntary", "VOLUNTARY"),
        "input.people.0.level": ("middle", "MIDDLE"),
        "input.people.0.staffGroup": ("allied_health", "AHP"),
        "input.collaboratesWith.0.kinds.0": ("referral", "REFERRAL"),
        "input.collaboratesWith.0.frequency": ("weekly", "WEEKLY"),
    }, notes
    assert all("one release" in n["message"] for n in body["extensions"]["deprecations"])
    read = fresh_server.gql(
        """{ teams(where: {uid: {eq: "s1-team-old"}}) { edges { node { sectorCode
             ties { edges { kindCodes frequencyCode kinds frequency node { uid } } } } } } }""",
        role=Role.ANALYST,
    )
    node = read["data"]["teams"]["edges"][0]["node"]
    assert node["sectorCode"] == "PUBLIC_HEALTH"
    [tie] = [e for e in node["ties"]["edges"] if e["node"]["uid"] == "s1-team-acute-3"]
    assert sorted(tie["kindCodes"]) == ["DATA_SHARING", "REFERRAL"] and tie["frequencyCode"] == "WEEKLY"
    assert sorted(tie["kinds"]) == ["data_sharing", "referral"] and tie["frequency"] == "weekly"
    org = fresh_server.gql(
        "query($id: ID!) { node(id: $id) { ... on Organisation { kindCode sectorCode } } }",
        {"id": _gid("Organisation", "s1-org-old")},
    )
    assert org["data"]["node"] == {"kindCode": "VCSE", "sectorCode": "VOLUNTARY"}, org
    person = fresh_server.gql(
        '{ people(where: {uid: {eq: "s1-person-old"}}) { edges { node { levelCode staffGroupCode staffGroup } } } }',
        role=Role.ANALYST,
    )
    assert person["data"]["people"]["edges"][0]["node"] == {
        "levelCode": "MIDDLE",
        "staffGroupCode": "AHP",
        "staffGroup": "allied_health",
    }, person
    # the enum values themselves: nothing to say
    new = fresh_server.gql(UPSERT, {"input": {"teams": [{"uid": "s1-team-old", "name": "Old", "sector": "HEALTH"}]}})
    assert "errors" not in new and "extensions" not in new, new
    # variables sent to a mutation that declares none: nothing to respell, and no error of ours
    literal = (
        'mutation { upsert(input: {teams: [{uid: "s1-team-old", name: "Old", sector: HEALTH}]}) { graphVersion } }'
    )
    body = fresh_server.gql(literal, {"input": {"sector": "health"}})
    assert "errors" not in body and "extensions" not in body, body
    # a string literal in the document is not a variable: validation refuses it, as GraphQL does
    inline = fresh_server.gql(
        'mutation { upsert(input: {teams: [{uid: "s1-team-old", name: "Old", sector: "health"}]}) { graphVersion } }'
    )
    assert "Enum 'Sector' cannot represent non-enum value" in inline["errors"][0]["message"], inline


def test_person_demographics_are_written_apart_and_never_read_back(fresh_server):
    person = {
        "uid": "s1-person-new",
        "name": "Pat Jones",
        "role": "Lead",
        "level": "team",
        "band": "7",
        "ethnicCategory": "H",
        "sex": "female",
    }
    body = fresh_server.gql(
        UPSERT, {"input": {"people": [person], "memberOf": [{"source": "s1-person-new", "target": "s1-team-acute-3"}]}}
    )
    assert "errors" not in body, body
    assert body["data"]["upsert"]["nodes"] == [{"kind": "Demographic", "count": 1}, {"kind": "Person", "count": 1}]
    read = fresh_server.gql('{ nodeByUid(uid: "s1-person-new") { label labelCode properties } }', role=Role.ADMIN)
    assert read["data"]["nodeByUid"]["label"] == "Person" and read["data"]["nodeByUid"]["labelCode"] == "PERSON"
    props = read["data"]["nodeByUid"]["properties"]
    assert props["band"] == "7" and "ethnic_category" not in props and "sex" not in props
    fields = fresh_server.gql('{ __type(name: "Person") { fields { name } } }')["data"]["__type"]["fields"]
    assert not {"ethnicCategory", "sex", "demographic"} & {f["name"] for f in fields}
    lines = fresh_server.app.state.audit.lines()
    assert any(x["operation"] == "write people" and x["role"] == "admin" for x in lines)


def test_delete_nodes_and_relationships(fresh_server):
    fresh_server.gql(UPSERT, {"input": new_team()})
    tie = {"source": "s1-team-new", "target": "s1-team-acute-3", "kinds": ["referral"], "wave": "s1-wave-2025"}
    assert "errors" not in fresh_server.gql(UPSERT, {"input": {"collaboratesWith": [tie]}})
    q = "query($uid: ID!) { teams(where: {uid: {eq: $uid}}) { edges { node { ties { totalCount } } } } }"

    def ties() -> int:
        return fresh_server.gql(q, {"uid": "s1-team-new"})["data"]["teams"]["edges"][0]["node"]["ties"]["totalCount"]

    assert ties() == 1
    ref = {"source": "s1-team-new", "target": "s1-team-acute-3", "wave": "s1-wave-2025"}
    body = fresh_server.gql(DELETE_RELS, {"input": {"collaboratesWith": [ref]}})
    assert body["data"]["deleteRelationships"]["relationships"] == [{"kind": "COLLABORATES_WITH", "count": 1}]
    assert ties() == 0
    body = fresh_server.gql(
        DELETE_RELS, {"input": {"collaboratesWith": [{"source": "s1-team-new", "target": "s1-team-acute-3"}]}}
    )
    assert body["errors"][0]["extensions"]["problems"][0]["path"] == "input.collaboratesWith.0.wave"
    body = fresh_server.gql(DELETE_NODES, {"input": {"teams": ["s1-team-new", "s1-team-never"]}})
    assert body["data"]["deleteNodes"]["nodes"] == [{"kind": "Team", "count": 1}]
    assert team(fresh_server, "s1-team-new") is None


def test_node_labels_are_the_node_label_enum_in_inputs_and_outputs(fresh_server):
    """``sourceLabel``/``targetLabel`` take the NodeLabel enum (the old "Team" in variables, for one
    release); ``nodeByUid`` and ``subgraph`` give it as ``labelCode``."""
    write = {
        "teams": [{"uid": "s1-team-lab", "name": "Lab", "sector": "HEALTH"}],
        "partOf": [
            {"source": "s1-team-lab", "target": "s1-org-acute", "sourceLabel": "Team", "targetLabel": "ORGANISATION"}
        ],
    }
    body = fresh_server.gql(UPSERT, {"input": write})
    assert "errors" not in body, body
    assert body["data"]["upsert"]["relationships"] == [{"kind": "PART_OF", "count": 1}]
    assert body["extensions"]["deprecations"] == [
        {
            "path": "input.partOf.0.sourceLabel",
            "value": "Team",
            "use": "TEAM",
            "message": "the old spelling of TEAM: accepted for one release, send TEAM",
        }
    ]
    wrong = {"source": "s1-team-lab", "target": "s1-org-acute", "sourceLabel": "TEAM", "targetLabel": "TEAM"}
    body = fresh_server.gql(UPSERT, {"input": {"partOf": [wrong]}})  # the target is no team
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", body
    labelled = {"source": "s1-team-lab", "target": "s1-org-acute", "sourceLabel": "TEAM", "targetLabel": "ORGANISATION"}
    body = fresh_server.gql(UPSERT, {"input": {"partOf": [labelled]}})
    assert "errors" not in body and body["data"]["upsert"]["relationships"] == [{"kind": "PART_OF", "count": 1}], body
    assert team(fresh_server, "s1-team-lab")["organisation"]["uid"] == "s1-org-acute"
    bad = fresh_server.gql(UPSERT, {"input": {"partOf": [{**labelled, "sourceLabel": "Teams"}]}})
    assert "'Teams' does not exist in 'NodeLabel' enum" in bad["errors"][0]["message"], bad
    gone = fresh_server.gql(DELETE_RELS, {"input": {"partOf": [labelled]}})
    assert gone["data"]["deleteRelationships"]["relationships"] == [{"kind": "PART_OF", "count": 1}], gone
    assert team(fresh_server, "s1-team-lab")["organisation"] is None
    read = fresh_server.gql('{ nodeByUid(uid: "s1-org-acute") { label labelCode } }', role=Role.ANALYST)
    assert read["data"]["nodeByUid"] == {"label": "Organisation", "labelCode": "ORGANISATION"}
    drawn = fresh_server.gql(
        "{ subgraph(filter: {level: PERSON}, limit: 5) { nodes { kind labelCode } } }", role=Role.ANALYST
    )
    nodes = drawn["data"]["subgraph"]["nodes"]
    assert nodes and all((n["kind"], n["labelCode"]) == ("Person", "PERSON") for n in nodes), drawn
    # the store's record of a schema migration is bookkeeping, not a node of the graph
    migration = fresh_server.gql('{ nodeByUid(uid: "ladybug:001") { label } }', role=Role.ADMIN)
    assert migration["data"]["nodeByUid"] is None, migration


def _planner(server, system: str) -> str:
    from carenet.api.auth import demo_private_key

    key = demo_private_key(server.settings.data_dir)
    return sign_token(
        key,
        subject="planner-x",
        role=Role.PLANNER,
        issuer=server.settings.jwt_issuer,
        audience=server.settings.jwt_audience,
        system=system,
    )


def _as(server, token: str, query: str, variables: dict) -> dict:
    with server.client(None, Authorization=f"Bearer {token}") as c:
        return c.post("/graphql", json={"query": query, "variables": variables}).json()


def test_a_planner_writes_only_within_their_own_system(fresh_server):
    own = _planner(fresh_server, "s1-system")
    other = _planner(fresh_server, "s2-system")
    # a new team anchored in an organisation of s1, in the same mutation: allowed for s1's planner
    body = _as(fresh_server, own, UPSERT, {"input": new_team()})
    assert "errors" not in body, body
    # the planner of another system may neither edit it nor delete it
    body = _as(fresh_server, other, UPSERT, {"input": new_team()})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "input.teams.0" in body["errors"][0]["message"]
    body = _as(fresh_server, other, DELETE_NODES, {"input": {"teams": ["s1-team-new"]}})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    # a node with no anchor sits in no system: refused, and nothing written
    body = _as(
        fresh_server, own, UPSERT, {"input": {"teams": [{"uid": "s1-team-loose", "name": "Loose", "sector": "health"}]}}
    )
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN" and team(fresh_server, "s1-team-loose") is None
    # capabilities are a shared vocabulary: admin only
    body = _as(fresh_server, own, UPSERT, {"input": {"capabilities": [{"uid": "cap-new", "name": "New"}]}})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    # moving a team of s1 under a new system's organisation would take it out of s1
    fresh_server.gql(
        UPSERT,
        {
            "input": {
                "systems": [{"uid": "s2-system", "name": "Other"}],
                "organisations": [{"uid": "s2-org", "name": "Other trust", "kind": "other", "sector": "health"}],
                "partOf": [{"source": "s2-org", "target": "s2-system"}],
            }
        },
    )
    body = _as(fresh_server, own, UPSERT, {"input": {"partOf": [{"source": "s1-team-new", "target": "s2-org"}]}})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert team(fresh_server, "s1-team-new")["organisation"]["uid"] == "s1-org-acute"
    # and s1's planner may delete its own team
    body = _as(fresh_server, own, DELETE_NODES, {"input": {"teams": ["s1-team-new"]}})
    assert "errors" not in body and team(fresh_server, "s1-team-new") is None


def test_upsert_keeps_the_metrics_the_analytics_wrote(fresh_server):
    """An upsert sets the properties it is given and leaves the stored metrics alone (read from the
    store: a GraphQL read that selects metrics would bring them up to date first)."""
    import asyncio

    from carenet.domain.schema import NodeLabel
    from carenet.storage.queries import analysis as q

    row = {"uid": "s1-team-acute-3", "betweenness": 0.25, "brokerage": 3.0, "constraint": 0.5, "community": 2}
    asyncio.run(fresh_server.services.store.inner.write(q.SET_TEAM_METRICS, rows=[row]))
    before = team(fresh_server, "s1-team-acute-3")
    item = {"uid": "s1-team-acute-3", "name": "Renamed", "sector": before["sector"], "service": before["service"]}
    asyncio.run(fresh_server.services.store.inner.write(q.SET_TEAM_METRICS, rows=[row]))
    body = fresh_server.gql(UPSERT, {"input": {"teams": [item]}})
    assert "errors" not in body, body
    after = asyncio.run(fresh_server.services.repo.get(NodeLabel.TEAM, "s1-team-acute-3"))
    assert after.name == "Renamed"
    assert (after.betweenness, after.brokerage, after.constraint, after.community) == (0.25, 3.0, 0.5, 2)


def test_a_tie_takes_partner_sub_items_and_returns_them(fresh_server):
    """Issue 21: the six sub-items through the upsert mutation and back on the tie; partial ones are
    refused at the first missing item's path, a disagreeing trust at ``trust``, and nothing is written."""
    fresh_server.gql(UPSERT, {"input": new_team()})
    items = {
        "trustReliability": 4,
        "trustMission": 3,
        "trustOpenness": 3,
        "valuePower": 1,
        "valueInvolvement": 2,
        "valueResources": 2,
    }
    tie = {"source": "s1-team-new", "target": "s1-team-acute-3", "kinds": ["referral"], "wave": "s1-wave-2025", **items}
    body = fresh_server.gql(UPSERT, {"input": {"collaboratesWith": [tie]}})
    assert "errors" not in body, body
    q = (
        "query($uid: ID!) { teams(where: {uid: {eq: $uid}}) { edges { node { ties { edges { direction trust value "
        + " ".join(items)
        + " } } } } } }"
    )
    read = lambda: fresh_server.gql(q, {"uid": "s1-team-new"})["data"]["teams"]["edges"][0]["node"]["ties"]["edges"]  # noqa: E731
    [edge] = read()
    assert {k: edge[k] for k in items} == items
    assert edge["trust"] == pytest.approx(10 / 3) and edge["value"] == pytest.approx(5 / 3)
    store = fresh_server.recording
    store.reset()
    partial = {**tie, "trustOpenness": None, "valueResources": None, "trust": 3.0}
    disagree = {**tie, "target": "s1-team-acute-4", "trust": 3.0}
    body = fresh_server.gql(UPSERT, {"input": {"collaboratesWith": [partial, disagree]}})
    problems = {p["path"]: p["message"] for p in body["errors"][0]["extensions"]["problems"]}
    assert set(problems) == {"input.collaboratesWith.0.trustOpenness", "input.collaboratesWith.1.trust"}, problems
    assert "all three or none" in problems["input.collaboratesWith.0.trustOpenness"]
    assert "3.33" in problems["input.collaboratesWith.1.trust"]
    assert not any(c.kind.startswith("write") for c in store.calls)
    assert [e["trustOpenness"] for e in read()] == [3]


COUNTED = "{ kind labelCode typeCode count }"
UPSERT_CODES = (
    f"mutation($input: UpsertInput!) {{ upsert(input: $input) {{ nodes {COUNTED} relationships {COUNTED} }} }}"
)


def _count(kind, count, label=None, rel_type=None):
    return {"kind": kind, "labelCode": label, "typeCode": rel_type, "count": count}


def test_a_write_results_counts_name_their_label_or_type_by_its_enum(fresh_server):
    """``labelCode`` (NodeLabel) on node counts, ``typeCode`` (RelationshipType) on relationship
    counts, the other null; a person's demographic record is counted as DEMOGRAPHIC, its tie to the
    person as DESCRIBES."""
    person = {"uid": "s1-person-codes", "name": "Sam Lee", "level": "TEAM", "ethnicCategory": "WHITE_IRISH"}
    write = {
        **new_team("s1-team-codes-1"),
        "people": [person],
        "memberOf": [{"source": "s1-person-codes", "target": "s1-team-codes-1"}],
    }
    write["teams"].append({"uid": "s1-team-codes-2", "name": "Codes two", "sector": "HOUSING"})
    write["partOf"].append({"source": "s1-team-codes-2", "target": "s1-org-acute"})
    body = fresh_server.gql(UPSERT_CODES, {"input": write})
    assert "errors" not in body, body
    assert body["data"]["upsert"]["nodes"] == [
        _count("Demographic", 1, label="DEMOGRAPHIC"),
        _count("Person", 1, label="PERSON"),
        _count("Team", 2, label="TEAM"),
    ]
    assert body["data"]["upsert"]["relationships"] == [
        _count("DESCRIBES", 1, rel_type="DESCRIBES"),
        _count("MEMBER_OF", 1, rel_type="MEMBER_OF"),
        _count("PART_OF", 2, rel_type="PART_OF"),
    ]
    rels = f"mutation($input: RelationshipRefsInput!) {{ deleteRelationships(input: $input) {{ relationships {COUNTED} }} }}"
    body = fresh_server.gql(rels, {"input": {"memberOf": [{"source": "s1-person-codes", "target": "s1-team-codes-1"}]}})
    assert body["data"]["deleteRelationships"]["relationships"] == [_count("MEMBER_OF", 1, rel_type="MEMBER_OF")]
    nodes = f"mutation($input: NodeIdsInput!) {{ deleteNodes(input: $input) {{ nodes {COUNTED} }} }}"
    body = fresh_server.gql(nodes, {"input": {"teams": ["s1-team-codes-1", "s1-team-codes-2", "s1-team-never"]}})
    assert body["data"]["deleteNodes"]["nodes"] == [_count("Team", 2, label="TEAM")]
    assert team(fresh_server, "s1-team-codes-1") is None and team(fresh_server, "s1-team-codes-2") is None


def test_demographic_is_a_label_no_input_takes(fresh_server):
    """DEMOGRAPHIC is in NodeLabel for the write results that count it; an input naming it as an
    end's label is refused at that end, and nothing is written."""
    store = fresh_server.recording
    store.reset()
    member = {"source": "s1-person-icb-1-lead", "target": "s1-team-acute-3", "sourceLabel": "DEMOGRAPHIC"}
    body = fresh_server.gql(UPSERT, {"input": {"memberOf": [member]}})
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT", body
    [problem] = error["extensions"]["problems"]
    assert problem == {"path": "input.memberOf.0.source", "message": "MEMBER_OF cannot start or end at a Demographic"}
    ref = {"source": "s1-person-icb-1-lead", "target": "s1-person-icb-1-lead", "sourceLabel": "DEMOGRAPHIC"}
    body = fresh_server.gql(DELETE_RELS, {"input": {"memberOf": [ref]}})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", body
    assert not any(c.kind.startswith("write") for c in store.calls)
