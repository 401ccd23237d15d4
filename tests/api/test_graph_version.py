"""``graphVersion`` changes with every write to the graph, by any path, and only then (issue 15:
an import over HTTP left it as it was, so a front-end cache keyed on it showed stale data)."""

from __future__ import annotations

from carenet.api.auth import Role

VERSION = "{ subgraph(limit: 5) { graphVersion } }"


def version(server) -> str:
    return server.gql(VERSION, role=Role.ADMIN)["data"]["subgraph"]["graphVersion"]


def test_an_import_over_http_changes_the_graph_version(fresh_server):
    first = version(fresh_server)
    assert version(fresh_server) == first  # reads change nothing
    teams = "uid,name,sector,organisation\nimported-team,Imported,health,s1-org-acute\n"
    with fresh_server.client(Role.ADMIN) as client:
        done = client.post("/files/import", files=[("files", ("teams.csv", teams.encode()))])
    assert done.status_code == 200, done.text
    after_import = version(fresh_server)
    assert after_import != first
    upsert = "mutation($input: UpsertInput!) { upsert(input: $input) { graphVersion } }"
    team = {"teams": [{"uid": "imported-team", "name": "Renamed", "sector": "health"}]}
    body = fresh_server.gql(upsert, {"input": team})
    assert body["data"]["upsert"]["graphVersion"] not in (first, after_import)
    assert version(fresh_server) == body["data"]["upsert"]["graphVersion"]
