"""Which network a measure reads: the ties as reported, or the relation they stand for.

A survey or a planner records a tie once, in the direction of whoever reported it. For most
measures that direction is an accident of data entry, not a direction of flow, so every report
says which network it read:

``either``
    an undirected tie wherever either end reports one (the default for collaboration);
``both``
    an undirected tie only where both ends report it (confirmed ties);
``directed``
    the arcs as recorded, for flow measures where direction means something (Gould-Fernandez
    brokerage, who reports whom).
"""

from __future__ import annotations

import statistics
from typing import Any

import networkx as nx

__all__ = ["NETWORKS", "tie_network"]

NETWORKS = ("either", "both", "directed")


def _merge(arcs: list[dict[str, Any]]) -> dict[str, Any]:
    """One undirected tie from the arcs between a pair: weights summed (a tie reported by both
    ends weighs both reports, as Burt's mutual weights do), kinds and waves united, scores averaged."""
    out: dict[str, Any] = {"weight": float(sum(a.get("weight", 1.0) or 1.0 for a in arcs)), "arcs": len(arcs)}
    kinds = sorted({k for a in arcs for k in a.get("kinds") or ()})
    waves = sorted({w for a in arcs for w in a.get("waves") or ([a["wave"]] if a.get("wave") else [])})
    out.update(kinds=kinds, waves=waves, wave=waves[0] if len(waves) == 1 else None)
    for item in ("trust", "value"):
        scores = [a[item] for a in arcs if a.get(item) is not None]
        out[item] = statistics.fmean(scores) if scores else None
    frequencies = [a["frequency"] for a in arcs if a.get("frequency")]
    out["frequency"] = frequencies[0] if frequencies else None
    out["uid"] = arcs[0].get("uid")
    return out


def tie_network(G: nx.Graph, network: str = "either") -> nx.Graph:
    """The network a measure reads, from ``G``'s recorded ties (see the module docstring).

    Parameters
    ----------
    G : nx.DiGraph or nx.Graph
        Recorded ties. An undirected ``G`` has no reporting direction: ``either`` and ``both``
        then both keep each of its ties.
    network : {"either", "both", "directed"}

    Returns
    -------
    nx.Graph for ``either`` and ``both`` (with ``G.graph`` copied and ``network`` set);
    ``G`` itself for ``directed``. Self-loops are dropped from the undirected networks.
    """
    if network not in NETWORKS:
        raise ValueError(f"network must be one of {', '.join(NETWORKS)}, got {network!r}")
    if network == "directed":
        G.graph.setdefault("network", "directed")
        return G
    U = nx.Graph()
    U.graph.update(G.graph)
    U.graph["network"] = network
    U.add_nodes_from(G.nodes(data=True))
    if not G.is_directed():
        U.add_edges_from((u, v, d) for u, v, d in G.edges(data=True) if u != v)
        return U
    pairs: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
    for u, v, data in G.edges(data=True):
        if u == v:
            continue
        key = (u, v) if (u, v) in pairs or (v, u) not in pairs else (v, u)
        pairs.setdefault(key, []).append(data)
    for (u, v), arcs in pairs.items():
        if network == "both" and not (G.has_edge(u, v) and G.has_edge(v, u)):
            continue
        U.add_edge(u, v, **_merge(arcs))
    return U
