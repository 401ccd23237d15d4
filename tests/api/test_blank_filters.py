"""Through GraphQL, an empty string in a filter means what leaving it out means (issue 17, item 4)."""

from __future__ import annotations

from carenet.api.auth import Role

ANALYSIS = "query($f: AnalysisFilter) { analysis(filter: $f) { basis { level waves at rule } } }"
SUBGRAPH = "query($f: SubgraphFilter) { subgraph(filter: $f, limit: 50) { totalNodes nodes { id } edges { id } } }"
TEAMS = "query($w: TeamWhere) { teams(where: $w, first: 5) { totalCount edges { node { uid } } } }"


def _data(server, query, variables, role=Role.ANALYST):
    body = server.gql(query, variables, role=role)
    assert "errors" not in body, body
    return body["data"]


def test_empty_strings_in_filters_read_as_not_given(demo_server):
    given = _data(demo_server, ANALYSIS, {"f": {"system": "", "place": "", "wave": ""}})["analysis"]["basis"]
    left_out = _data(demo_server, ANALYSIS, {"f": {}})["analysis"]["basis"]
    assert given == left_out and left_out["waves"]
    blank = {"system": "", "place": "", "wave": "", "search": ""}
    assert _data(demo_server, SUBGRAPH, {"f": blank}) == _data(demo_server, SUBGRAPH, {"f": {}})
    assert _data(demo_server, SUBGRAPH, {"f": {}})["subgraph"]["nodes"]
    named = _data(demo_server, TEAMS, {"w": {"name": {"contains": "", "startsWith": ""}}}, Role.FRONTEND)
    assert named == _data(demo_server, TEAMS, {"w": None}, Role.FRONTEND) and named["teams"]["totalCount"] > 0
