"""Every operation x every role, from one table: allowed, FORBIDDEN, or 401 UNAUTHENTICATED.

Allowed means the request got past authorisation (data, or a non-authorisation error such as
NOT_FOUND for a uid that does not exist). Mutations are sent with inputs that change nothing,
so the module's shared demo database stays as loaded.
"""

from __future__ import annotations

import pytest

from carenet.api import build_schema
from carenet.api.auth import Role

ROLES = ("anonymous", "public", "frontend", "analyst", "planner", "admin")
RANK = {r: i for i, r in enumerate(ROLES)}


def from_(lowest: str) -> set[str]:
    return {r for r in ROLES if RANK[r] >= RANK[lowest]}


# operation -> (document, variables, roles allowed). Root fields of Query and Mutation, and the
# personal attributes of Person (frontend sees names and roles, not band, staff group, clinical).
TABLE: dict[str, tuple[str, dict, set[str]]] = {
    "subgraph": ("{ subgraph(limit: 5) { totalNodes } }", {}, from_("frontend")),
    "systemOverview": ('{ systemOverview(filter: {place: "s1-place-1"}) { truncated } }', {}, from_("frontend")),
    "teams": ("{ teams(first: 1) { edges { node { uid } } } }", {}, from_("frontend")),
    "organisations": ("{ organisations(first: 1) { edges { node { uid } } } }", {}, from_("frontend")),
    "people": ("{ people(first: 1) { edges { node { name role level } } } }", {}, from_("frontend")),
    "places": ("{ places(first: 1) { edges { node { uid } } } }", {}, from_("frontend")),
    "systems": ("{ systems { totalCount } }", {}, from_("frontend")),
    "node": ('{ node(id: "VGVhbTpzMS10ZWFtLWFjdXRlLTM=") { ... on Team { uid } } }', {}, from_("frontend")),
    "nodeByUid": ('{ nodeByUid(uid: "s1-team-acute-3") { uid } }', {}, from_("analyst")),
    "analysis": ("{ analysis { cutPoints } }", {}, from_("frontend")),
    "pathways": ("{ pathways { uid } }", {}, from_("frontend")),
    "analysisReport": ("{ analysisReport(report: QUALITY) }", {}, from_("analyst")),
    "analysisReport(LEADERSHIP)": ("{ analysisReport(report: LEADERSHIP) }", {}, from_("public")),
    "analysisReport(CULTURE)": ("{ analysisReport(report: CULTURE) }", {}, from_("analyst")),
    "culture": ('{ culture(system: "s1-system") { minimumResponses } }', {}, from_("frontend")),
    "counts": ("{ counts(of: TEAM, groupBy: [SECTOR]) { total } }", {}, from_("public")),
    "counts(personWhere)": (
        "{ counts(of: PERSON, personWhere: {level: {eq: BOARD}}) { totalShown } }",
        {},
        from_("frontend"),
    ),
    "leaderDemographics": ("{ leaderDemographics(characteristic: SEX) { totalShown } }", {}, from_("public")),
    "exportPerson": ('{ exportPerson(uid: "s1-person-icb-1-lead") }', {}, {"admin"}),
    "Person.band": ("{ people(first: 1) { edges { node { band } } } }", {}, from_("analyst")),
    "Person.staffGroup": ("{ people(first: 1) { edges { node { staffGroup } } } }", {}, from_("analyst")),
    "Person.clinical": ("{ people(first: 1) { edges { node { clinical } } } }", {}, from_("analyst")),
    "upsert": ("mutation { upsert(input: {}) { graphVersion } }", {}, from_("planner")),
    "deleteNodes": (
        'mutation { deleteNodes(input: {teams: ["s1-no-such-team"]}) { graphVersion } }',
        {},
        from_("planner"),
    ),
    "deleteRelationships": ("mutation { deleteRelationships(input: {}) { graphVersion } }", {}, from_("planner")),
    "erasePerson": ('mutation { erasePerson(uid: "s1-no-such-person") { uid } }', {}, {"admin"}),
}


def test_the_table_covers_every_root_field():
    schema = build_schema().cost_schema  # graphql-core types built from the SDL
    roots = set(schema.query_type.fields) | set(schema.mutation_type.fields)
    assert roots == {name.split("(")[0] for name in TABLE if "." not in name}


@pytest.mark.parametrize("operation", sorted(TABLE))
def test_role_matrix(demo_server, operation):
    document, variables, allowed = TABLE[operation]
    for role in ROLES:
        with demo_server.client(None if role == "anonymous" else Role(role)) as c:
            r = c.post("/graphql", json={"query": document, "variables": variables})
        if role == "anonymous":
            assert r.status_code == 401, (operation, r.text)
            assert r.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
            continue
        body = r.json()
        codes = {e.get("extensions", {}).get("code") for e in body.get("errors", ())}
        if role in allowed:
            assert not codes & {"FORBIDDEN", "UNAUTHENTICATED"}, (operation, role, body)
            assert r.status_code == 200, (operation, role, body)
        else:
            assert "FORBIDDEN" in codes, (operation, role, body)


def test_an_api_key_minted_by_the_cli_authenticates(tmp_path, start_server):
    from typer.testing import CliRunner

    from carenet.cli.main import app

    def cli(*args: str) -> str:
        result = CliRunner().invoke(app, ["apikey", *args, "--data-dir", str(tmp_path)])
        assert result.exit_code == 0, result.output
        return result.output

    with start_server(tmp_path, demo_data=False) as server:
        key = next(
            line
            for line in cli("create", "--role", "analyst", "--subject", "ci").splitlines()
            if line.startswith("cnk_")
        )
        assert key not in (tmp_path / "api_keys.json").read_text()  # only its hash is kept
        with server.client(None, Authorization=f"ApiKey {key}") as c:  # minted while the server runs
            body = c.post("/graphql", json={"query": '{ nodeByUid(uid: "x") { uid } }'}).json()
            assert body == {"data": {"nodeByUid": None}}, body  # analyst: allowed
            body = c.post("/graphql", json={"query": "mutation { upsert(input: {}) { graphVersion } }"}).json()
            assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # not a planner
        with server.client(None, Authorization=f"Bearer {key}") as c:
            assert c.post("/graphql", json={"query": "{ systems { totalCount } }"}).status_code == 200
        with server.client(None, Authorization=f"ApiKey {key[:-2]}xx") as c:
            assert c.post("/graphql", json={"query": "{ systems { totalCount } }"}).status_code == 401
        assert "ci" in cli("list")
        cli("revoke", key.split("_")[1])
        with server.client(None, Authorization=f"ApiKey {key}") as c:
            assert c.post("/graphql", json={"query": "{ systems { totalCount } }"}).status_code == 401
