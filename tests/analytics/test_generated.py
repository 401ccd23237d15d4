"""Every analytics function on generated graphs of awkward shapes, against networkx or plain Python.

Shapes: empty, one node, nodes and no ties, only self-loops, disconnected, duplicate and
reciprocated ties, directed and undirected, weighted and not, plus seeded random graphs. Nothing
may crash; each figure equals networkx's (or a plain-Python count's) to a tolerance, or is one
of the documented undefined values (NaN for structural holes of a node without contacts, None
for ratios with nothing to divide by).
"""

from __future__ import annotations

import json
import math
import random

import networkx as nx
import pytest

from carenet import analytics as an

SECTORS = ("health", "housing", "social_care")


def _attrs(G: nx.Graph, rng: random.Random) -> nx.Graph:
    for v in G:
        G.nodes[v].update(
            sector=rng.choice(SECTORS),
            organisation=f"org{rng.randrange(3)}",
            name=str(v),
            label="Team",
            place="P1",
            system="S1",
            kind=None,
        )
    return G


def _shapes() -> list[tuple[str, nx.Graph]]:
    rng = random.Random(7)
    out = []
    for directed in (False, True):
        kind = nx.DiGraph if directed else nx.Graph
        d = "directed" if directed else "undirected"
        out.append((f"empty-{d}", kind()))
        one = kind()
        one.add_node("a")
        out.append((f"one-node-{d}", one))
        no_ties = kind()
        no_ties.add_nodes_from("abcd")
        out.append((f"no-ties-{d}", no_ties))
        loops = kind()
        loops.add_edges_from([("a", "a"), ("b", "b")])
        loops.add_node("c")
        out.append((f"self-loops-{d}", loops))
        parts = kind()
        parts.add_edges_from([("a", "b"), ("b", "c"), ("x", "y"), ("y", "z"), ("z", "x")])
        parts.add_node("lonely")
        out.append((f"disconnected-{d}", parts))
        recip = kind()
        recip.add_edges_from([("a", "b"), ("b", "a"), ("a", "b"), ("b", "c"), ("c", "d"), ("d", "c"), ("c", "c")])
        out.append((f"reciprocated-{d}", recip))
        for seed in range(3):
            G = nx.gnp_random_graph(14, 0.18, seed=seed, directed=directed)
            for u, v in G.edges:
                G.edges[u, v]["weight"] = rng.choice((1.0, 2.0, 0.5))
            out.append((f"random{seed}-weighted-{d}", G))
        star = nx.star_graph(5, create_using=kind())
        out.append((f"star-{d}", star))
    return [(name, _attrs(G, random.Random(name))) for name, G in out]


SHAPES = _shapes()
IDS = [name for name, _ in SHAPES]


def _close(a: float, b: float) -> bool:
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return a == pytest.approx(b, abs=1e-9)


def _no_loops(G: nx.Graph) -> nx.Graph:
    H = G.copy()
    H.remove_edges_from(list(nx.selfloop_edges(H)))
    return H


@pytest.mark.parametrize("G", [G for _, G in SHAPES], ids=IDS)
def test_betweenness_equals_networkx(G):
    got = an.betweenness(G).values
    expected = nx.betweenness_centrality(G)
    assert set(got) == set(expected) and all(_close(got[v], expected[v]) for v in G)


def _mutual(G: nx.Graph, weight: str | None) -> nx.Graph:
    """The undirected graph of mutual weights a_uv = w_uv + w_vu that Burt's measures read (no self-loops)."""
    U = nx.Graph()
    U.add_nodes_from(G)
    for u, v, w in G.edges(data=weight, default=1):
        if u != v:
            w = 1 if weight is None else w
            U.add_edge(u, v, a=U.edges[u, v]["a"] + w if U.has_edge(u, v) else w)
    return U


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("G", [G for _, G in SHAPES], ids=IDS)
def test_structural_holes_equal_networkx(G, weighted):
    weight = "weight" if weighted else None
    got = an.structural_hole_measures(G, weight=weight)
    if not len(G):
        assert got.constraint == got.effective_size == {}
        return
    # networkx on the mutual-weight graph: on a DiGraph networkx itself gives NaN to a node with
    # only incoming ties, where Burt (and this module) count contacts in either direction.
    U = _mutual(G, weight)
    c = nx.constraint(U, weight="a")
    e = nx.effective_size(U, nodes=list(U), weight="a")  # networkx's per-node path (see module docstring)
    for v in G:
        assert _close(got.constraint[v], c[v]), (v, got.constraint[v], c[v])
        assert _close(got.effective_size[v], e[v]), (v, got.effective_size[v], e[v])


def _brokerage_oracle(G: nx.Graph) -> dict:
    D = G if G.is_directed() else G.to_directed()
    counts = {v: dict.fromkeys(an.ROLES, 0) for v in G}
    g = nx.get_node_attributes(G, "sector")
    for b in D:
        for a, c in ((a, c) for a in D.predecessors(b) for c in D.successors(b)):
            if len({a, b, c}) < 3 or D.has_edge(a, c) or D.has_edge(c, a):
                continue
            ga, gb, gc = g[a], g[b], g[c]
            role = (
                "coordinator"
                if ga == gb == gc
                else "itinerant"
                if ga == gc != gb
                else "representative"
                if ga == gb != gc
                else "gatekeeper"
                if gb == gc != ga
                else "liaison"
            )
            counts[b][role] += 1
    return counts


@pytest.mark.parametrize("G", [G for _, G in SHAPES], ids=IDS)
def test_brokerage_equals_counting_two_paths(G):
    got = an.brokerage_roles(G, "sector")
    expected = _brokerage_oracle(G)
    for v in G:
        assert got.roles.get(v, dict.fromkeys(an.ROLES, 0)) == expected[v], v
    assert got.totals == {r: sum(expected[v][r] for v in G) for r in an.ROLES}


@pytest.mark.parametrize("G", [G for _, G in SHAPES], ids=IDS)
def test_cut_points_bridges_efficiency_equal_networkx(G):
    U = _no_loops(nx.Graph(G.to_undirected()))
    assert set(an.articulation_points(G)) == set(nx.articulation_points(U))
    assert {frozenset(b) for b in an.bridges(G)} == {frozenset(b) for b in nx.bridges(U)}
    assert _close(an.global_efficiency(G).value, nx.global_efficiency(U))


@pytest.mark.parametrize("G", [G for _, G in SHAPES], ids=IDS)
def test_mixing_and_ei_equal_plain_counts(G):
    sector = nx.get_node_attributes(G, "sector")
    arcs = [(u, v) for u, v in G.edges if u != v]  # a self-loop is no tie between two nodes
    internal = sum(sector[u] == sector[v] for u, v in arcs)
    external = len(arcs) - internal
    ei = an.ei_index(G, "sector")
    assert ei.index == (None if not arcs else pytest.approx((external - internal) / len(arcs)))
    mm = an.mixing_matrix(G, "sector")
    assert sum(map(sum, mm.counts)) == pytest.approx(
        len(arcs) if G.is_directed() else len(arcs) + sum(sector[u] != sector[v] for u, v in arcs)
    )


@pytest.mark.parametrize("G", [G for _, G in SHAPES], ids=IDS)
def test_communities_cover_every_node_once(G):
    found = an.detect_communities(G, seed=0)
    assert set(found.membership) == set(G)
    members = [v for c in found.communities for v in c.members]
    assert sorted(map(str, members)) == sorted(map(str, G))


def _finite_or_none(x) -> None:
    if isinstance(x, float):
        assert not math.isinf(x)
    elif isinstance(x, dict):
        for v in x.values():
            _finite_or_none(v)
    elif isinstance(x, (list, tuple)):
        for v in x:
            _finite_or_none(v)


@pytest.mark.parametrize("G", [G for _, G in SHAPES], ids=IDS)
def test_reports_do_not_crash_and_are_json(G):
    for report in (
        an.broker_report(G),
        an.silo_report(G, permutations=9),
        an.gap_report(G, pathways={"p": [{n} for n in list(G)[:3]]}, expected_sectors=list(SECTORS)),
    ):
        json.dumps(report, allow_nan=False, default=str)
        _finite_or_none(report)
    for v in list(G)[:2]:
        impact = an.departure_impact(G, [v], seed=0).to_dict()
        json.dumps(impact, allow_nan=False, default=str)
