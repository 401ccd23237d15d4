"""Malformed GraphQL-over-HTTP requests, through a real server: every request parameter with every
JSON type, GET and POST, both media types, first request and repeat; then generated queries and
bodies. No response is a 5xx; a malformed parameter is a 400 with a GraphQL error (issue 15)."""

from __future__ import annotations

import json

import httpx
import pytest
from graphql import IntValueNode, StringValueNode, build_schema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import from_schema

from carenet.api.auth import Role

GQL = "application/graphql-response+json"
JSON = "application/json"
VALUES = {"null": None, "true": True, "int": 5, "float": 1.5, "string": "text", "list": ["A"], "object": {"a": 1}}
QUERY = "query A { __typename } query B { systems(first: 1) { totalCount } }"


def expectation(param: str, kind: str) -> str:
    """'ok' (executes), 'request' (malformed parameter: 400 for both media types) or 'graphql'
    (a GraphQL request error: 400 as graphql-response+json, 200 as application/json)."""
    if param == "query":
        return "graphql" if kind == "string" else "request"  # a string that is no document: a parse error
    if param == "operationName":
        return {"null": "graphql", "string": "graphql"}.get(kind, "request")  # null: two operations, no name
    return "ok" if kind in ("null", "object") else "request"  # variables, extensions


def post(client: httpx.Client, media: str, params: dict) -> httpx.Response:
    return client.post(
        "/graphql", content=json.dumps(params), headers={"Accept": media, "Content-Type": "application/json"}
    )


@pytest.mark.parametrize("media", [GQL, JSON])
@pytest.mark.parametrize("kind", list(VALUES))
@pytest.mark.parametrize("param", ["query", "operationName", "variables", "extensions"])
def test_every_parameter_with_every_json_type_over_post(demo_server, param, kind, media):
    params = {"query": QUERY, "operationName": "A"}
    params[param] = VALUES[kind]
    with demo_server.client(Role.ANALYST) as client:
        first, again = post(client, media, params), post(client, media, params)
    for response in (first, again):  # the first request and its repeat take different pipelines
        assert response.status_code < 500, response.text
        body = response.json()
        want = expectation(param, kind)
        if want == "ok":
            assert response.status_code == 200 and body["data"] == {"__typename": "Query"}, body
        elif want == "request" or media == GQL:
            assert response.status_code == 400 and body["errors"][0]["message"], body
            assert "data" not in body or body["data"] is None
        else:
            assert response.status_code == 200 and body["errors"][0]["message"], body
    assert first.json() == again.json()


@pytest.mark.parametrize("media", [GQL, JSON])
@pytest.mark.parametrize(
    "query_string, status",
    [
        ("query={__typename}&operationName=", {GQL: 400, JSON: 200}),
        ("query={__typename}&operationName=Nope", {GQL: 400, JSON: 200}),
        (f"query={QUERY}", {GQL: 400, JSON: 200}),
        (f"query={QUERY}&operationName=B", {GQL: 200, JSON: 200}),
        ("query={__typename}&variables=[1]", {GQL: 400, JSON: 400}),
        ("query={__typename}&variables=nope", {GQL: 400, JSON: 400}),
        ("query={__typename}&extensions=5", {GQL: 400, JSON: 400}),
        ("query={__typename}&extensions={}", {GQL: 200, JSON: 200}),
        ("query=", {GQL: 400, JSON: 400}),
        ("query={", {GQL: 400, JSON: 200}),
    ],
)
def test_get_parameters(demo_server, query_string, status, media):
    with demo_server.client(Role.ANALYST) as client:
        for _ in range(2):
            response = client.get("/graphql?" + query_string, headers={"Accept": media})
            assert response.status_code == status[media], response.text
            body = response.json()
            assert body.get("errors") or body.get("data")


@pytest.mark.parametrize(
    "body, content_type",
    [
        (b"{", JSON),
        (b"", JSON),
        (b"[]", JSON),
        (b"[{}]", JSON),
        (b"5", JSON),
        (b'"x"', JSON),
        (b"null", JSON),
        (b"\xff\xfe", JSON),
        (b'{"query": "{ __typename }"}', "text/plain"),
        (b'{"query": "{ __typename }"}', "application/xml"),
    ],
)
def test_bodies_that_are_not_a_request_object(demo_server, body, content_type):
    with demo_server.client(Role.ANALYST) as client:
        response = client.post("/graphql", content=body, headers={"Content-Type": content_type, "Accept": GQL})
    assert response.status_code == 400 and response.json()["errors"][0]["message"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=8,
)
request_objects = st.fixed_dictionaries(
    {},
    optional={
        "query": st.one_of(
            json_values,
            st.sampled_from(["{ __typename }", QUERY, "query($n: Int) { teams(first: $n) { totalCount } }"]),
        ),
        "operationName": st.one_of(json_values, st.sampled_from(["A", "B", ""])),
        "variables": st.one_of(json_values, st.just({"n": 3}), st.just({"n": "x"})),
        "extensions": json_values,
    },
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(params=request_objects, media=st.sampled_from([GQL, JSON]))
def test_generated_request_objects_never_answer_5xx(demo_server, params, media):
    with demo_server.client(Role.ANALYST) as client:
        response = post(client, media, params)
    assert response.status_code < 500, (params, response.text)
    body = response.json()
    assert "errors" in body or "data" in body


@pytest.fixture(scope="module")
def sdl(demo_server) -> str:
    from strawberry.printer import print_schema

    return print_schema(demo_server.app.state.schema)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_generated_queries_of_the_schema_never_answer_5xx(demo_server, sdl, data):
    query = data.draw(
        from_schema(sdl, fields=["teams", "organisations", "places", "systems", "counts", "subgraph", "node"])
    )
    with demo_server.client(Role.ADMIN) as client:
        response = post(client, GQL, {"query": query})
    assert response.status_code < 500, (query, response.text)


def _literal(value: str) -> StringValueNode:
    return StringValueNode(value=value)


CUSTOM_SCALARS = {
    "Date": st.sampled_from(["2025-03-31", "1900-02-29", "2025-13-01", "", "x", "0001-01-01"]).map(_literal),
    "DateTime": st.sampled_from(["2025-03-31T09:00:00+00:00", "2025-02-30T25:00:00", "", "soon"]).map(_literal),
    "JSON": st.one_of(
        st.text(max_size=20).map(_literal), st.integers(-5, 10**12).map(lambda v: IntValueNode(value=str(v)))
    ),
}
"""Literals of the custom scalars, good and bad (hypothesis-graphql makes none of its own)."""


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_generated_queries_of_every_root_field_never_meet_an_unexpected_error(demo_server, sdl, data):
    """Every query root field, with generated arguments: each answer is data or an expected error,
    never a 5xx nor an ``INTERNAL_SERVER_ERROR`` (an exception the code did not expect: how
    ``leaderDemographics(groupBy: [])`` answered)."""
    query = data.draw(
        from_schema(sdl, fields=sorted(build_schema(sdl).query_type.fields), custom_scalars=CUSTOM_SCALARS)
    )
    with demo_server.client(Role.ADMIN) as client:
        response = post(client, GQL, {"query": query})
    assert response.status_code < 500, (query, response.text)
    codes = [e.get("extensions", {}).get("code") for e in response.json().get("errors", [])]
    assert "INTERNAL_SERVER_ERROR" not in codes, (query, response.text)


@pytest.mark.parametrize("media", [GQL, JSON])
@pytest.mark.parametrize(
    "value",
    [123456789012345678901234567890, "ten", 2**31, [5], None],
    ids=["past-64-bits", "string", "past-32-bits", "list", "null-for-non-null"],
)
def test_variable_values_that_do_not_coerce_are_a_request_error(demo_server, value, media):
    """GraphQL over HTTP: the operation never ran, so the response has no ``data`` entry; 400 as
    graphql-response+json, 200 as application/json; and a repeat answers the same."""
    params = {"query": "query($n: Int!) { teams(first: $n) { totalCount } }", "variables": {"n": value}}
    with demo_server.client(Role.ADMIN) as client:
        for _ in range(2):  # the first run and the repeat (its document and validation kept: api/prepared.py)
            response = post(client, media, params)
            assert response.status_code == (400 if media == GQL else 200), response.text
            body = response.json()
            assert "data" not in body, body
            assert body["errors"] and body["errors"][0]["message"], body  # says $n, or the cost past 2**31
