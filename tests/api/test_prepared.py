"""A query text seen before has its document and validation kept (carenet.api.prepared): through
real HTTP, a repeat answers exactly as the first run did, and every per-request check still applies."""

from __future__ import annotations

import pytest

from carenet.api.auth import Role

TEAMS = "query($n: Int) { teams(first: $n) { totalCount edges { node { uid name ties(first: $n) { totalCount } } } } }"

# The same text twice: the first run goes the whole way through strawberry, the second is a repeat.
SAME_TWICE = [
    (
        "variables and nesting",
        "query($uid: ID!) { teams(where: {uid: {eq: $uid}}) { edges { node { uid name "
        "organisation { uid name } ties(first: 3) { totalCount edges { uid kinds node { uid name } } } } } } }",
        {"uid": "team-0001"},
        Role.FRONTEND,
    ),
    (
        "aliases and fragments",
        "{ a: systems { totalCount } b: teams(first: 2) { edges { node { ...T } } } } "
        "fragment T on Team { uid sector metrics { community } }",
        {},
        Role.ANALYST,
    ),
    (
        "a forbidden field: error with its path, null in place",
        "{ people(first: 2) { edges { node { uid staffGroup } } } }",
        {},
        Role.FRONTEND,
    ),
    (
        "a variable of the wrong type",
        "query($n: Int) { teams(first: $n) { totalCount } }",
        {"n": "many"},
        Role.FRONTEND,
    ),
    ("bad input from a resolver", "{ teams(first: 501) { totalCount } }", {}, Role.FRONTEND),
    (
        "one of two named operations",
        "query A { systems { totalCount } } query B { places { totalCount } }",
        {},
        Role.FRONTEND,
    ),
]


@pytest.mark.parametrize(("label", "query", "variables", "role"), SAME_TWICE, ids=[c[0] for c in SAME_TWICE])
def test_a_repeat_answers_as_the_first_run(demo_server, label, query, variables, role):
    schema = demo_server.app.state.schema
    operation = "B" if "query B" in query else None
    payload = {"query": query, "variables": variables, "operationName": operation}
    with demo_server.client(role) as c:
        first = c.post("/graphql", json=payload)
        kept = schema.documents.validation(query) == ()
        second = c.post("/graphql", json=payload)
    assert kept, "the text passed every check before execution, so it is kept"
    assert (second.status_code, second.json()) == (first.status_code, first.json())
    assert second.headers["content-type"] == first.headers["content-type"]
    if label.startswith("a forbidden"):
        error = second.json()["errors"][0]
        assert error["extensions"]["code"] == "FORBIDDEN" and error["path"][-1] == "staffGroup"
    if label.startswith("one of two"):
        assert second.json()["data"] == {"places": {"totalCount": first.json()["data"]["places"]["totalCount"]}}


def test_the_cost_is_checked_on_every_repeat(demo_server):
    store = demo_server.recording
    ok = demo_server.gql(TEAMS, {"n": 5}, role=Role.ADMIN)
    assert "errors" not in ok and len(ok["data"]["teams"]["edges"]) == 5
    assert demo_server.app.state.schema.documents.validation(TEAMS) == ()
    store.reset()
    body = demo_server.gql(TEAMS, {"n": 500}, role=Role.ADMIN)
    assert "data" not in body and body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert body["errors"][0]["extensions"]["cost"] == 500 + 500 * 500
    assert store.round_trips == 0
    again = demo_server.gql(TEAMS, {"n": 5}, role=Role.ADMIN)
    assert again == ok


def test_credentials_are_checked_on_every_repeat(demo_server):
    query = "{ teams(first: 1) { totalCount } }"
    assert "errors" not in demo_server.gql(query, role=Role.FRONTEND)
    assert demo_server.app.state.schema.documents.validation(query) == ()
    with demo_server.client(None) as anon:
        r = anon.post("/graphql", json={"query": query})
    assert r.status_code == 401
    body = demo_server.gql(query, role=Role.PUBLIC)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_a_mutation_posted_before_is_still_refused_over_get(fresh_server):
    mutation = "mutation { deleteNodes(input: {teams: []}) { graphVersion } }"
    with fresh_server.client(Role.ADMIN) as c:
        r = c.post("/graphql", json={"query": mutation})
        assert r.status_code == 200 and "errors" not in r.json(), r.text
        assert fresh_server.app.state.schema.documents.validation(mutation) == ()
        r = c.get("/graphql", params={"query": mutation})
        assert r.status_code == 405 and r.headers["allow"] == "POST"


def test_what_fails_before_execution_fails_again_on_a_repeat(demo_server):
    """A text that does not parse is not kept; an invalid one keeps its errors; one over the cost
    budget is valid (kept so) but refused on every run."""
    schema = demo_server.app.state.schema
    cases = {
        "{ systems { ": None,
        "{ nope }": "nope",
        "{ teams(first: 500) { edges { node { ties(first: 500) { totalCount } } } } }": "250,500",
    }
    for query, said in cases.items():
        bodies = [demo_server.gql(query, role=Role.ADMIN) for _ in range(2)]
        assert bodies[0] == bodies[1]
        assert bodies[0]["errors"] and "data" not in bodies[0], bodies[0]
        assert said is None or said in bodies[0]["errors"][0]["message"], bodies[0]
    assert schema.documents.parse("{ systems { ") is None and schema.documents.validation("{ systems { ") is None
    assert [e.message.startswith("Cannot query field 'nope'") for e in schema.documents.validation("{ nope }")] == [
        True
    ]
