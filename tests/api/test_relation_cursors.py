"""A node's relations page with the same cursor format as the root connections (issue 17, item 4)."""

from __future__ import annotations

import base64
import json

from carenet.api.auth import Role

TIES = """
query($first: Int, $after: String) { teams(first: 40, orderBy: {field: UID, direction: ASC}) { edges { node { uid
  ties(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor uid node { uid } } }
} } } }
"""


def _ties(server, **variables):
    body = server.gql(TIES, variables, role=Role.FRONTEND)
    data = body.get("data") or {}
    return body, {e["node"]["uid"]: e["node"]["ties"] for e in ((data.get("teams") or {}).get("edges") or [])}


def test_relation_pages_follow_on_with_new_and_old_cursors(demo_server):
    _, whole = _ties(demo_server, first=50)
    team, conn = next((t, c) for t, c in whole.items() if c["totalCount"] >= 4)
    everything = [e["uid"] for e in conn["edges"]]
    _, first = _ties(demo_server, first=2)
    page = first[team]
    assert [e["uid"] for e in page["edges"]] == everything[:2] and page["pageInfo"]["hasNextPage"]
    end = page["pageInfo"]["endCursor"]
    kind, tie, uid = json.loads(base64.urlsafe_b64decode(end))
    assert (kind, tie) == ("tie", everything[1]) and uid == page["edges"][1]["node"]["uid"]
    _, second = _ties(demo_server, first=2, after=end)
    assert [e["uid"] for e in second[team]["edges"]] == everything[2:4]
    old = base64.urlsafe_b64encode(f"{uid}|{tie}".encode()).decode()  # read until the next release
    _, again = _ties(demo_server, first=2, after=old)
    assert [e["uid"] for e in again[team]["edges"]] == everything[2:4]


def test_a_relation_cursor_that_is_no_cursor_is_an_error_at_after(demo_server):
    body, _ = _ties(demo_server, first=2, after="not a cursor")
    assert body.get("errors") and "after" in json.dumps(body["errors"])
