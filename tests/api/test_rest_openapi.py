"""The REST routes answer what their OpenAPI document says, for any request a client can send.

schemathesis reads the document of a real server (demo mode, the demo system) and sends each route
requests generated from it, good and bad: every answer must be in the document (status, media
type, body schema), no answer may be a 5xx, and a request the document rules out (a format that is
not one, ``at=0``) must be refused. The admin key is used, so every route is reached (it counts as
the admin role on the file routes); ``/admin/generate`` (which loads a system) and
``/admin/db/backup`` (which writes a folder it is given) are left out.

Left out of schemathesis's checks: that every request the document allows is accepted. A uid
(a wave, a place) that names nothing is a 400 or a 404 naming it, which the check counts as a
failure.
"""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.specs.openapi.checks import positive_data_acceptance

from carenet.api.auth import Role


def _operations(demo_server):
    api = schemathesis.openapi.from_url(demo_server.url + "/openapi.json")
    for result in api.exclude(path_regex="^/admin/(generate|db/backup)$").get_all_operations():
        yield result.ok()


@pytest.mark.parametrize("mode", [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE])
def test_every_route_answers_as_its_document_says(demo_server, mode):
    headers = {"Authorization": f"Bearer {demo_server.app.state.admin_key}"}
    operations = list(_operations(demo_server))
    assert len(operations) >= 13, [op.label for op in operations]
    for operation in operations:

        @given(case=operation.as_strategy(mode))
        @settings(
            max_examples=25,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def answers(case):
            case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

        try:
            answers()
        except Unsatisfiable:  # nothing in the request to make wrong (no parameters, no body)
            assert mode is schemathesis.GenerationMode.NEGATIVE, operation.label


def test_every_error_has_one_shape_and_names_where(demo_server):
    """A bad parameter, an unknown template, a missing key, no such route: the same body, and a
    parameter's problem names the parameter (they were FastAPI's ``detail`` in three shapes)."""
    with demo_server.client(Role.ANALYST) as c:
        bad_format = c.get("/export/graph", params={"format": "xls"})
        bad_date = c.get("/export/metrics", params={"at": "0"})
        bad_by = c.get("/export/metrics", params={"by": ["sector", "shoe size"], "level": "all"})
        no_system = c.get("/reports/board")
        no_template = c.get("/files/templates/nope.csv")
        no_route = c.get("/export/nothing")
    with demo_server.client(None) as anonymous:
        no_key = anonymous.post("/admin/db/migrate")
    assert bad_format.status_code == 400
    assert bad_format.json()["problems"] == [
        {
            "location": "format",
            "message": "Input should be 'gexf', 'graphml', 'cytoscape' or 'node-link'",
            "value": "xls",
        }
    ]
    assert bad_date.status_code == 400 and bad_date.json()["problems"][0]["location"] == "at"
    assert "YYYY-MM-DD" in bad_date.json()["problems"][0]["message"]
    assert {p["location"] for p in bad_by.json()["problems"]} == {"by.1", "level"}
    assert no_system.status_code == 400 and no_system.json()["problems"][0]["location"] == "system"
    assert (no_template.status_code, no_template.json()["error"]) == (404, "NOT_FOUND")
    assert (no_route.status_code, no_route.json()["error"]) == (404, "NOT_FOUND")
    assert (no_key.status_code, no_key.json()["error"]) == (401, "UNAUTHENTICATED")
    assert no_key.headers["www-authenticate"] == "Bearer"
    for r in (bad_format, bad_date, bad_by, no_system, no_template, no_route, no_key):
        assert set(r.json()) <= {"error", "message", "suggestion", "problems"} and r.json()["message"], r.text


def test_the_document_lists_each_routes_media_types_and_choices(demo_server):
    doc = httpx.get(demo_server.url + "/openapi.json").json()
    graph = doc["paths"]["/export/graph"]["get"]
    assert set(graph["responses"]["200"]["content"]) == {
        "application/gexf+xml",
        "application/graphml+xml",
        "application/json",
    }
    assert {"400", "401", "403", "404"} <= set(graph["responses"])
    error = graph["responses"]["404"]["content"]["application/json"]["schema"]
    assert error == {"$ref": "#/components/schemas/ErrorBody"}
    parameters = {p["name"]: p["schema"] for p in graph["parameters"]}
    assert parameters["format"]["enum"] == ["gexf", "graphml", "cytoscape", "node-link"]
    assert parameters["at"]["anyOf"][0] == {"type": "string", "format": "date"}
    assert "health" in parameters["sector"]["items"]["enum"]
    board = doc["paths"]["/reports/board"]["get"]["responses"]
    assert set(board["200"]["content"]) == {"text/html; charset=utf-8", "application/pdf"}
    assert set(doc["paths"]["/files/templates.xlsx"]["get"]["responses"]["200"]["content"]) == {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    }
