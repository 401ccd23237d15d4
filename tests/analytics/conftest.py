"""Shared graphs for the analytics tests: canonical ones and tiny hand-built ICS projections."""

from __future__ import annotations

import networkx as nx
import pytest


@pytest.fixture
def karate() -> nx.Graph:
    return nx.karate_club_graph()


@pytest.fixture
def florentine() -> nx.Graph:
    return nx.florentine_families_graph()


@pytest.fixture
def kite() -> nx.Graph:
    return nx.krackhardt_kite_graph()


def team(G: nx.DiGraph, uid: str, sector: str, org: str, place: str | None = "p1") -> None:
    G.add_node(
        uid, label="Team", name=uid.upper(), sector=sector, organisation=org, place=place, system="s1", kind="service"
    )


@pytest.fixture
def ics() -> nx.DiGraph:
    """Eight teams in four organisations and two places.

    h1-h3: health (org A, place p1); s1-s2: social care (org B, p1);
    x1-x2: housing (org C, p2); v1: voluntary (org D, p2), isolated.
    """
    G = nx.DiGraph()
    for uid, sector, org, place in [
        ("h1", "health", "A", "p1"),
        ("h2", "health", "A", "p1"),
        ("h3", "health", "A", "p1"),
        ("s1", "social_care", "B", "p1"),
        ("s2", "social_care", "B", "p1"),
        ("x1", "housing", "C", "p2"),
        ("x2", "housing", "C", "p2"),
        ("v1", "voluntary", "D", "p2"),
    ]:
        team(G, uid, sector, org, place)
    for u, v in [
        ("h1", "h2"),
        ("h2", "h1"),
        ("h2", "h3"),
        ("h3", "h1"),
        ("h1", "s1"),
        ("s1", "s2"),
        ("s2", "s1"),
        ("x1", "x2"),
    ]:
        G.add_edge(u, v, kinds=["referral"], frequency="weekly", trust=3.0, value=3.0, wave="w1", weight=1.0)
    return G


def random_graph(n: int, m: int, seed: int, directed: bool, groups: str = "abc") -> nx.Graph:
    """A G(n, m) graph with a ``sector`` attribute and integer weights 1-4."""
    import random

    G = nx.gnm_random_graph(n, m, seed=seed, directed=directed)
    rng = random.Random(seed)
    for v in G:
        G.nodes[v]["sector"] = rng.choice(groups)
    for u, v in G.edges:
        G[u][v]["weight"] = rng.randint(1, 4)
    return G
