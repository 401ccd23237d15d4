"""The cost of an operation as it will execute, through real HTTP: variable defaults, fragments and
aliases; analytics costed by the network they project; and a budget per caller over a sliding
window (429 with ``Retry-After``). The issue's attacks are replayed here."""

from __future__ import annotations

import asyncio
import math
import time

import httpx
import pytest
from api.conftest import running
from graphql import parse

from carenet.api.auth import Role, demo_private_key, sign_token
from carenet.api.cost import MAX_COST, Budget, GraphSizes, operation_cost
from carenet.api.schema import build_schema
from carenet.config import Mode
from carenet.domain.schema import NodeLabel, RelType
from carenet.services import exports

BUDGET, WINDOW = 60_000, 3.0


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    # a short timeout: on code that let the attacks through they end in 504 instead of minutes of work
    with running(
        tmp_path_factory.mktemp("cost"), mode=Mode.DEMO, cost_budget=BUDGET, cost_window_s=WINDOW, request_timeout_s=10
    ) as server:
        yield server


@pytest.fixture(scope="module")
def people_network(server) -> int:
    """People and their WORKS_WITH ties, counted in plain Python over the exported rows."""

    async def count() -> int:
        nodes, rels = await exports.full_records(server.services.repo)
        ties = sum(len(rows) for t, _, _, rows in rels if t is RelType.WORKS_WITH)
        return len(nodes[NodeLabel.PERSON]) + ties

    return asyncio.run(count())


def token(server, subject: str, role: Role) -> str:
    key = demo_private_key(server.settings.data_dir)
    return sign_token(
        key, subject=subject, role=role, issuer=server.settings.jwt_issuer, audience=server.settings.jwt_audience
    )


def post(server, query: str, variables: dict | None = None, *, bearer: str) -> httpx.Response:
    with httpx.Client(
        base_url=server.url,
        timeout=120,
        headers={"Authorization": f"Bearer {bearer}", "Accept": "application/graphql-response+json"},
    ) as c:
        return c.post("/graphql", json={"query": query, "variables": variables or {}})


def refused(server, query: str, variables: dict | None, bearer: str, cost: int) -> None:
    post(server, "{ pathways { uid } }", bearer=token(server, "warm-up", Role.ADMIN))  # the sizes are counted
    server.recording.reset()
    r = post(server, query, variables, bearer=bearer)
    assert r.status_code == 400, r.text
    error = r.json()["errors"][0]
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED", error
    assert error["extensions"]["cost"] == cost and error["extensions"]["budget"] == MAX_COST
    assert server.recording.round_trips == 0  # nothing ran


ALIASES = 15
TEAM_TIES = "teams(first: $n) { edges { node { uid ties(first: $n) { edges { uid trust value } } } } }"


def test_a_variables_default_is_the_page_size(server) -> None:
    attack = "query($n: Int = 500) { " + " ".join(f"a{i}: {TEAM_TIES}" for i in range(ALIASES)) + " }"
    frontend = token(server, "attacker", Role.FRONTEND)
    refused(server, attack, None, frontend, ALIASES * (500 + 500 * 500))
    # the value sent wins over the default, both ways, whatever was costed before for this text
    small = "query($n: Int = 500) { " + TEAM_TIES + " }"
    assert post(server, small, {"n": 3}, bearer=frontend).status_code == 200
    refused(server, small, {}, frontend, 500 + 500 * 500)
    refused(server, small, {"n": 400}, frontend, 400 + 400 * 400)
    assert post(server, small, {"n": 3}, bearer=frontend).status_code == 200


def test_fragments_and_aliases_are_counted_where_they_are_spread(server) -> None:
    query = """query($n: Int = 150, $m: Int = 200) { a: teams(first: $n) { ...T } b: teams(first: $n) { ...T } }
               fragment T on TeamConnection { edges { node { ties(first: $m) { totalCount } } } }"""
    refused(server, query, None, token(server, "fragments", Role.FRONTEND), 2 * (150 + 150 * 200))
    ok = post(server, query, {"n": 2, "m": 2}, bearer=token(server, "fragments", Role.FRONTEND))
    assert ok.status_code == 200 and len(ok.json()["data"]["a"]["edges"]) == 2


def test_twelve_person_level_reports_are_refused(server, people_network) -> None:
    reports = " ".join(f"r{i}: analysisReport(report: BROKERS, filter: {{level: PERSON}})" for i in range(12))
    analyst = token(server, "analyst-12", Role.ANALYST)
    assert 12 * people_network > MAX_COST >= people_network
    refused(server, "{ " + reports + " }", None, analyst, 12 * people_network)
    # the level sent as a variable is costed as sent (the same text, two levels)
    by_variable = (
        "query($f: AnalysisFilter) { "
        + " ".join(f"r{i}: analysisReport(report: BROKERS, filter: $f)" for i in range(12))
        + " }"
    )
    refused(server, by_variable, {"f": {"level": "PERSON"}}, analyst, 12 * people_network)
    refused(server, by_variable, {"f": {"level": "PERSON", "network": "BOTH"}}, analyst, 12 * people_network)
    # ALL is five reports; departureImpact one more projection
    refused(server, "{ a: analysisReport(report: ALL, filter: {level: PERSON}) }", None, analyst, 5 * people_network)
    one = post(server, "{ analysisReport(report: LEADERSHIP, filter: {level: PERSON}) }", bearer=analyst)
    assert one.status_code == 200 and "errors" not in one.json(), one.text


def test_analytics_cost_the_network_they_project() -> None:
    schema = build_schema(demo=True).cost_schema
    sizes = GraphSizes({"team": 700, "organisation": 90, "person": 5_000}, systems=3, places=7)
    query = """{ a: analysisReport(report: ALL, filter: {level: PERSON})
                 b: analysis(filter: {level: ORGANISATION, system: "s1"}) { brokers { uid } d1: departureImpact(ids: ["x"]) { removed }
                                                                         d2: departureImpact(ids: ["y"]) { removed } }
                 c: analysisReport(report: GAPS, filter: {place: "p"})
                 pathways(system: "s1") { uid }
                 teams(first: 7) { totalCount } }"""
    # brokers(limit: 20) is a page of 20
    expected = 5 * 5_000 + 3 * math.ceil(90 / 3) + 20 + math.ceil(700 / 7) + math.ceil(700 / 3) + 7
    assert operation_cost(schema, parse(query), {}, None, sizes) == expected
    assert operation_cost(schema, parse(query), {}, None, None) == 20 + 7  # without sizes, pages only


def test_budget_over_a_sliding_window() -> None:
    now = [0.0]
    budget = Budget(100, 10.0, clock=lambda: now[0])
    assert budget.charge("a", 60) is None
    now[0] = 4.0
    assert budget.charge("a", 30) is None
    assert budget.charge("a", 20) == pytest.approx(6.0)  # when the charge at 0 leaves the window
    assert budget.charge("b", 100) is None  # callers apart
    now[0] = 10.0
    assert budget.charge("a", 20) is None
    assert budget.charge("a", 60) == pytest.approx(4.0)  # 30 (at 4) and 20 (at 10) remain: wait for 4 + 10
    assert budget.charge("a", 500) == pytest.approx(10.0)  # more than the budget counts as all of it
    assert Budget(0, 1.0).charge("a", 10**9) is None


def test_repeated_expensive_requests_get_429_with_retry_after(server) -> None:
    query = "{ teams(first: 100) { edges { node { ties(first: 100) { totalCount } } } } }"
    cost = 100 + 100 * 100
    caller, other, admin = (
        token(server, "busy", Role.FRONTEND),
        token(server, "other", Role.FRONTEND),
        token(server, "operator", Role.ADMIN),
    )
    started = time.monotonic()
    for _ in range(BUDGET // cost):
        assert post(server, query, bearer=caller).status_code == 200
    server.recording.reset()
    r = post(server, query, bearer=caller)
    assert r.status_code == 429, r.text
    wait = int(r.headers["Retry-After"])
    assert 1 <= wait <= math.ceil(WINDOW)
    error = r.json()["errors"][0]
    assert error["extensions"]["code"] == "RATE_LIMITED" and error["extensions"]["retryAfter"] == wait
    assert server.recording.round_trips == 0
    with httpx.Client(base_url=server.url, timeout=60, headers={"Authorization": f"Bearer {caller}"}) as c:
        plain = c.post("/graphql", json={"query": query}, headers={"Accept": "application/json"})
        assert plain.status_code == 429 and plain.headers["Retry-After"]
    assert post(server, query, bearer=other).status_code == 200  # another caller has a budget of its own
    for _ in range(BUDGET // cost + 2):
        assert post(server, query, bearer=admin).status_code == 200  # operators are not limited over time
    time.sleep(max(0.0, started + WINDOW - time.monotonic()) + 0.1)
    assert post(server, query, bearer=caller).status_code == 200
