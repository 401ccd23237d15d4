"""Every report on a scope that holds nothing: an empty answer or a clear error, never an internal one.

The HTTP fuzz run found ``analysisReport(report: ALL)`` on a filter that matches no node failing
with a NaN error inside structural holes (a masked INTERNAL error)."""

from __future__ import annotations

import pytest

from carenet.api.auth import Role

REPORTS = ["ALL", "BROKERS", "SILOS", "GAPS", "LEADERSHIP", "QUALITY", "FRAGILITY", "MIXING"]
SCOPES = [
    {"system": "no-such-system"},
    {"place": "no-such-place"},
    {"wave": "no-such-wave"},
    {"level": "ORGANISATION", "place": "no-such-place"},
    {"level": "PERSON", "system": "no-such-system"},
]


def _reports(server) -> list[str]:
    body = server.gql('{ __type(name: "Report") { enumValues { name } } }')
    return [v["name"] for v in body["data"]["__type"]["enumValues"]]


@pytest.mark.parametrize("scope", SCOPES, ids=lambda s: "-".join(f"{k}={v}" for k, v in s.items()))
def test_a_report_on_an_empty_scope_is_empty_or_a_clear_error(demo_server, scope):
    reports = _reports(demo_server)
    assert "ALL" in reports
    for report in reports:
        body = demo_server.gql(
            "query($r: Report!, $f: AnalysisFilter) { analysisReport(report: $r, filter: $f) }",
            {"r": report, "f": scope},
            role=Role.ANALYST,
        )
        for error in body.get("errors", []):
            if error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED":  # refused before it ran: costed
                assert "cost" in error["message"] and error["extensions"]["cost"] > error["extensions"]["budget"], error
                continue
            assert error["extensions"]["code"] in {"BAD_USER_INPUT", "NOT_FOUND"}, (report, scope, error)
            assert error["path"] == ["analysisReport"], (report, error)
        if not body.get("errors"):
            assert body["data"]["analysisReport"] is not None, (report, scope)


def test_analysis_fields_on_an_empty_scope(demo_server):
    body = demo_server.gql(
        """{ analysis(filter: {system: "no-such-system"}) { network
        brokers(limit: 3) { id: uid } } }""",
        role=Role.ANALYST,
    )
    for error in body.get("errors", []):
        assert error["extensions"]["code"] in {"BAD_USER_INPUT", "NOT_FOUND"}, error
    if not body.get("errors"):
        assert body["data"]["analysis"]["brokers"] == []
