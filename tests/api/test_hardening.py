"""Hardening through real HTTP: the cost budget, CORS, the request timeout, production mode."""

from __future__ import annotations

import asyncio

from carenet.api.auth import Role, create_api_key
from carenet.api.cost import MAX_COST
from carenet.config import Mode
from carenet.web.security import api_keys_path

EXPENSIVE = "query($n: Int) { teams(first: $n) { edges { node { ties(first: $n) { totalCount } } } } }"


def test_cost_budget_rejects_before_execution(demo_server):
    store = demo_server.recording
    store.reset()
    body = demo_server.gql(EXPENSIVE, {"n": 500}, role=Role.ADMIN)
    error = body["errors"][0]
    assert "data" not in body and error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert error["extensions"]["cost"] == 500 + 500 * 500 and error["extensions"]["budget"] == MAX_COST
    assert store.round_trips == 0
    # the same through a fragment and literals; defaults count too (50 teams x 50 ties x 50 teams of an org)
    fragment = (
        "{ teams(first: 300) { edges { node { ...T } } } } fragment T on Team { ties(first: 300) { totalCount } }"
    )
    assert demo_server.gql(fragment)["errors"][0]["extensions"]["cost"] == 300 + 300 * 300
    nested = "{ teams { edges { node { ties { edges { node { organisation { teams { totalCount } } } } } } } } }"
    assert demo_server.gql(nested)["errors"][0]["extensions"]["cost"] == 50 + 50 * 50 + 50 * 50 * 50
    with demo_server.client(Role.FRONTEND) as c:
        r = c.post("/graphql", json={"query": EXPENSIVE, "variables": {"n": 500}})
        assert r.status_code == 400
    assert store.round_trips == 0
    ok = demo_server.gql(EXPENSIVE, {"n": 20}, role=Role.ADMIN)
    assert "errors" not in ok and len(ok["data"]["teams"]["edges"]) == 20


def test_cors_only_for_configured_origins(tmp_path, start_server, demo_server):
    allowed = "https://map.example.org"
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }
    with start_server(tmp_path, demo_data=False, cors_origins=[allowed]) as server:
        with server.client(Role.FRONTEND) as c:
            r = c.options("/graphql", headers={"Origin": allowed, **preflight})
            assert r.status_code == 200 and r.headers["access-control-allow-origin"] == allowed
            assert "authorization" in r.headers["access-control-allow-headers"].lower()
            r = c.options("/graphql", headers={"Origin": "https://evil.example", **preflight})
            assert r.status_code == 400 and "access-control-allow-origin" not in r.headers
            r = c.post("/graphql", json={"query": "{ systems { totalCount } }"}, headers={"Origin": allowed})
            assert r.status_code == 200 and r.headers["access-control-allow-origin"] == allowed
            r = c.post(
                "/graphql", json={"query": "{ systems { totalCount } }"}, headers={"Origin": "https://evil.example"}
            )
            assert "access-control-allow-origin" not in r.headers
    with demo_server.client(Role.FRONTEND) as c:  # no origins configured: no CORS at all
        r = c.options("/graphql", headers={"Origin": allowed, **preflight})
        assert "access-control-allow-origin" not in r.headers


def test_a_slow_store_call_times_out_with_504(tmp_path, start_server):
    with start_server(tmp_path, demo_data=False, request_timeout_s=0.5) as server:
        store = server.recording
        inner_read = store.read

        async def slow_read(query, /, **params):  # fault injection: the store hangs
            await asyncio.sleep(5)
            return await inner_read(query, **params)

        store.read = slow_read
        with server.client(Role.FRONTEND) as c:
            r = c.post("/graphql", json={"query": "{ systems { totalCount } }"})
        assert r.status_code == 504 and r.json()["errors"][0]["extensions"]["code"] == "TIMEOUT"
        store.read = inner_read
        with server.client(Role.FRONTEND) as c:
            assert c.post("/graphql", json={"query": "{ systems { totalCount } }"}).status_code == 200


def test_production_turns_off_introspection_suggestions_and_graphiql(tmp_path, start_server, demo_server):
    introspect = "{ __schema { queryType { name } } }"
    typo = "{ system { totalCount } }"
    with start_server(tmp_path, demo_data=False, mode=Mode.PRODUCTION) as server:
        assert server.tokens == {}  # no demo tokens in production
        key = create_api_key(api_keys_path(server.settings), subject="ops", role=Role.ADMIN)
        with server.client(None, Authorization=f"ApiKey {key}") as c:
            body = c.post("/graphql", json={"query": introspect}).json()
            assert "data" not in body and "introspection" in body["errors"][0]["message"].lower()
            body = c.post("/graphql", json={"query": typo}).json()
            assert "Did you mean" not in body["errors"][0]["message"]
            r = c.get("/graphql", headers={"Accept": "text/html"})
            assert "graphiql" not in r.text.lower()
    body = demo_server.gql(introspect)
    assert body["data"]["__schema"]["queryType"]["name"] == "Query"
    assert "Did you mean" in demo_server.gql(typo)["errors"][0]["message"]
    with demo_server.client(None, Accept="text/html") as c:
        assert "graphiql" in c.get("/graphql").text.lower()
