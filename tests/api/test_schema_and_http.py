"""The schema snapshot, and GraphQL over HTTP: status codes, media types, limits, credentials."""

from __future__ import annotations

from pathlib import Path

from carenet.api import build_schema
from carenet.api.auth import Role

SNAPSHOT = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_schema_matches_the_snapshot():
    current = build_schema(demo=True).as_str() + "\n"
    assert SNAPSHOT.read_text(encoding="utf-8") == current, (
        "the GraphQL schema changed: review it, then regenerate schema.graphql with "
        "python -c \"from carenet.api import build_schema; open('schema.graphql','w').write(build_schema().as_str()+'\\n')\""
    )


def test_http_status_codes_and_media_types(demo_server):
    with demo_server.client(None) as anon:
        r = anon.post("/graphql", json={"query": "{ systems { totalCount } }"})
        assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
        r = anon.post(
            "/graphql", json={"query": "{ systems { totalCount } }"}, headers={"Authorization": "Bearer nonsense"}
        )
        assert r.status_code == 401 and 'error="invalid_token"' in r.headers["www-authenticate"]
    with demo_server.client(Role.FRONTEND) as c:
        r = c.post("/graphql", json={"query": "{ systems { totalCount } }"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/graphql-response+json")
        assert r.json()["data"]["systems"]["totalCount"] == 1
        r = c.get("/graphql", params={"query": "{ systems { totalCount } }"})
        assert r.status_code == 200
        r = c.get("/graphql", params={"query": "mutation { x }"})
        assert r.status_code == 405
        r = c.post("/graphql", json={"query": "{ systems { "})
        assert r.status_code == 400 and r.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"
        r = c.post("/graphql", json={"query": "{ nope }"}, headers={"Accept": "application/json"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
        r = c.post("/graphql", json=[{"query": "{ systems { totalCount } }"}])
        assert r.status_code == 400  # batching is off
        r = c.post(
            "/graphql",
            content=b'{"query": "' + b" " * 1_100_000 + b'{ x }"}',
            headers={"Content-Type": "application/json"},
        )
        assert r.status_code == 413


def test_limits_rejected_before_execution(demo_server):
    store = demo_server.recording
    deep = "{ teams { edges { node { ties { edges { node { ties { edges { node { ties { edges { node { organisation { places { node { system { uid } } } } } } } } } } } } } } } } }"
    aliases = "{ " + " ".join(f"a{i}: systems {{ totalCount }}" for i in range(16)) + " }"
    tokens = "{ systems { " + " ".join(["totalCount"] * 2100) + " } }"
    for query in (deep, aliases, tokens):
        store.reset()
        body = demo_server.gql(query, role=Role.ADMIN)
        assert "data" not in body and body["errors"], body
        assert store.round_trips == 0
