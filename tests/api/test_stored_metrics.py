"""Stored network metrics through GraphQL: current after every write, ordered as networkx says.

A generated graph of teams (each tie recorded once, in a random direction) is loaded into the
store; ordering by each metric through GraphQL is checked against networkx on the same ties read
as the ``either`` network; a mutation that changes the graph changes them; the map's sizing too.
"""

from __future__ import annotations

import asyncio
import random

import networkx as nx
import pytest

from api.conftest import running
from carenet import analytics as an
from carenet.bootstrap import build
from carenet.config import Settings
from carenet.domain import models as m
from carenet.storage.repository import ChangeSet

QUERY = """
query($field: OrderField!, $direction: Direction!) {
  teams(first: 500, orderBy: {field: $field, direction: $direction}) {
    metricsComputedAt
    edges { node { uid metrics { betweenness brokerage constraint community } } }
  }
}
"""
UPSERT = "mutation($input: UpsertInput!) { upsert(input: $input) { graphVersion } }"
SECTORS = ("health", "housing", "social_care")
OTHER_ARCS = [(0, 1), (1, 2), (2, 3), (3, 0), (3, 4), (4, 5), (5, 6), (6, 4), (6, 7), (8, 9), (9, 10), (10, 8), (2, 8)]


def _ties(seed: int = 3, n: int = 24) -> tuple[nx.Graph, list[tuple[str, str]]]:
    rng = random.Random(seed)
    G = nx.connected_watts_strogatz_graph(n, 4, 0.3, seed=seed)
    arcs = [(f"t{u:02d}", f"t{v:02d}") if rng.random() < 0.5 else (f"t{v:02d}", f"t{u:02d}") for u, v in G.edges]
    return G, arcs


@pytest.fixture(scope="module")
def metrics_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("metrics")
    _, arcs = _ties()
    cs = ChangeSet()
    cs.add_node(m.SurveyWave(uid="w", name="w", collected_on="2024-01-01"))
    for i in range(24):
        cs.add_node(m.Team(uid=f"t{i:02d}", name=f"Team {i}", sector=SECTORS[i % 3]))
    for s, t in arcs:
        cs.add_relationship(m.CollaboratesWith(source=s, target=t, kinds=["referral"], wave="w"))
    for i in range(12):
        cs.add_node(m.Organisation(uid=f"o{i:02d}", name=f"Org {i}", kind="other", sector=SECTORS[i % 3]))
        cs.add_node(m.Person(uid=f"p{i:02d}", name=f"Person {i}", level="senior"))
    for s, t in OTHER_ARCS:
        cs.add_relationship(m.CollaboratesWith(source=f"o{s:02d}", target=f"o{t:02d}", kinds=["referral"], wave="w"))
        cs.add_relationship(m.WorksWith(source=f"p{t:02d}", target=f"p{s:02d}", kinds=["advice"], wave="w"))

    async def load():
        built = await build(Settings(data_dir=folder), migrate_schema=True)
        try:
            await built.repo.apply(cs)
        finally:
            await built.close()

    asyncio.run(load())
    with running(folder, demo_data=False) as server:
        server.arcs = list(arcs)
        yield server


def expected(arcs: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """networkx (betweenness, constraint) and the analytics' own brokerage on the either network."""
    U = nx.Graph()
    U.add_nodes_from(f"t{i:02d}" for i in range(24))
    for s, t in arcs:
        U.add_edge(s, t, weight=U.edges[s, t]["weight"] + 1 if U.has_edge(s, t) else 1.0)
    nx.set_node_attributes(U, {v: SECTORS[int(v[1:]) % 3] for v in U}, "sector")
    brokerage = an.brokerage_roles(U, "sector").roles
    constraint = nx.constraint(U, weight="weight")
    return {
        v: {"betweenness": b, "constraint": constraint[v], "brokerage": float(sum(brokerage.get(v, {}).values()))}
        for v, b in nx.betweenness_centrality(U).items()
    }


def read(server, field: str, direction: str = "DESC") -> dict:
    body = server.gql(QUERY, {"field": field, "direction": direction})
    assert "errors" not in body, body
    return body["data"]["teams"]


@pytest.mark.parametrize("field", ["BETWEENNESS", "BROKERAGE", "CONSTRAINT"])
def test_order_by_each_metric_follows_networkx(metrics_server, field):
    page = read(metrics_server, field)
    assert page["metricsComputedAt"] is not None
    want = expected(metrics_server.arcs)
    got = [(e["node"]["uid"], e["node"]["metrics"]) for e in page["edges"]]
    assert len(got) == 24
    key = field.lower()
    for uid, metrics in got:
        assert metrics[key] == pytest.approx(want[uid][key], abs=1e-9), (uid, key)
        assert metrics["community"] is not None
    # the order is the metric's (uid breaks ties), not uid order
    assert [u for u, _ in got] == [u for u, _ in sorted(got, key=lambda x: (x[1][key], x[0]), reverse=True)]
    assert [u for u, _ in got] != sorted(u for u, _ in got)


def test_a_mutation_changes_the_metrics_and_the_map(metrics_server):
    before = read(metrics_server, "BETWEENNESS")
    new_ties = [("t00", "t12"), ("t12", "t05"), ("t18", "t00")]
    body = metrics_server.gql(
        UPSERT,
        {
            "input": {
                "collaboratesWith": [
                    {"source": s, "target": t, "kinds": ["referral"], "wave": "w"} for s, t in new_ties
                ]
            }
        },
    )
    assert "errors" not in body, body
    metrics_server.arcs += new_ties
    after = read(metrics_server, "BETWEENNESS")
    assert after["metricsComputedAt"] > before["metricsComputedAt"]
    want = expected(metrics_server.arcs)
    for e in after["edges"]:
        assert e["node"]["metrics"]["betweenness"] == pytest.approx(want[e["node"]["uid"]]["betweenness"], abs=1e-9)
    sub = metrics_server.gql(
        "{ subgraph(sizeBy: BETWEENNESS) { metricsComputedAt nodes { id: uid size betweenness } } }"
    )
    assert "errors" not in sub, sub
    sizes = {n["id"]: n["size"] for n in sub["data"]["subgraph"]["nodes"]}
    assert max(sizes.values()) > 0
    assert all(sizes[v] == pytest.approx(want[v]["betweenness"], abs=1e-9) for v in sizes)
    again = read(metrics_server, "BETWEENNESS")
    assert again["metricsComputedAt"] == after["metricsComputedAt"]  # nothing changed: not recomputed


def test_background_refresh_after_a_write(tmp_path):
    """With a refresh interval the server recomputes after writes pause, before anyone reads."""
    with running(tmp_path, demo_data=False, metrics_refresh_s=0.2) as server:
        keeper = server.services.metrics
        body = server.gql(
            UPSERT,
            {
                "input": {
                    "organisations": [
                        {"uid": "oa", "name": "Org A", "kind": "nhs_trust", "sector": "health"},
                        {"uid": "ob", "name": "Org B", "kind": "local_authority", "sector": "housing"},
                    ],
                    "teams": [
                        {"uid": "a", "name": "A", "sector": "health"},
                        {"uid": "b", "name": "B", "sector": "housing"},
                    ],
                    "partOf": [{"source": "a", "target": "oa"}, {"source": "b", "target": "ob"}],
                    "surveyWaves": [{"uid": "w1", "name": "Wave 1", "collectedOn": "2026-04-01"}],
                    "collaboratesWith": [{"source": "a", "target": "b", "kinds": ["referral"], "wave": "w1"}],
                }
            },
        )
        assert "errors" not in body, body
        import time

        deadline = time.monotonic() + 20
        while keeper.computed_at("team") is None or not keeper.is_current(server.services.repo, "team"):
            assert time.monotonic() < deadline, "the metrics were not recomputed in the background"
            time.sleep(0.1)
        # then the map's first view is drawn ahead, for this graph version: the whole overview
        repo, cache = server.services.repo, server.services.analysis_cache
        while (kept := cache.peek((repo.version, "overview", "", "", (), ""))) is None:
            assert time.monotonic() < deadline, "the overview was not drawn ahead"
            time.sleep(0.1)
        assert sorted((n.id, n.teams) for n in kept.nodes) == [("oa", 1), ("ob", 1)]
        assert [(e.source, e.target, e.team_ties) for e in kept.edges] == [("oa", "ob", 1)]


@pytest.mark.parametrize("root", ["organisations", "people"])
def test_organisations_and_people_ordered_by_betweenness(metrics_server, root):
    prefix = "o" if root == "organisations" else "p"
    body = metrics_server.gql(f"""{{ {root}(first: 500, orderBy: {{field: BETWEENNESS, direction: DESC}}) {{
        metricsComputedAt edges {{ node {{ uid metrics {{ betweenness }} }} }} }} }}""")
    assert "errors" not in body, body
    got = [(e["node"]["uid"], e["node"]["metrics"]["betweenness"]) for e in body["data"][root]["edges"]]
    U = nx.Graph([(f"{prefix}{s:02d}", f"{prefix}{t:02d}") for s, t in OTHER_ARCS])
    U.add_nodes_from(f"{prefix}{i:02d}" for i in range(12))
    want = nx.betweenness_centrality(U)
    assert {u: b for u, b in got} == pytest.approx(want, abs=1e-9)
    assert [u for u, _ in got] == [u for u, _ in sorted(got, key=lambda x: (x[1], x[0]), reverse=True)]
