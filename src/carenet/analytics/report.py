"""Report bundles for the service, CLI and GraphQL layers: plain JSON-serialisable dicts.

Each report converts ``G`` once (:func:`~carenet.analytics.reuse_conversion`),
runs its metrics, and records each metric's wall time under ``timings_s`` and
its CPU time under ``cpu_s``.
Long lists are cut to ``limit`` entries; counts are always complete. NaN
becomes None and tuples become lists, so ``json.dumps`` accepts the result.
"""

from __future__ import annotations

import math
import time
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import networkx as nx

from carenet.analytics._igraph import converted, reuse_conversion
from carenet.analytics.brokerage import ROLES, brokerage_roles
from carenet.analytics.centrality import betweenness
from carenet.analytics.communities import (
    attribute_modularity,
    consensus_communities,
    isolated_nodes,
    small_components,
)
from carenet.analytics.fragility import articulation_points, bridges, departure_impact
from carenet.analytics.gaps import pathway_handoffs, relied_on_without_seat
from carenet.analytics.mixing import ei_index, mixing_matrix
from carenet.analytics.sectors import missing_sectors, sector_pair_gaps
from carenet.analytics.structural_holes import structural_hole_measures

__all__ = ["silo_report", "gap_report", "broker_report"]


def _clean(x: Any) -> Any:
    if isinstance(x, float):
        return None if math.isnan(x) or math.isinf(x) else x
    if isinstance(x, Mapping):
        return {str(k) if not isinstance(k, str) else k: _clean(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_clean(v) for v in x]
    return x


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (forked betweenness workers)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        return time.process_time()
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


class _Clock:
    """Wall time (``timings_s``) and CPU time (``cpu_s``) per metric.

    On a busy machine wall time includes waiting for other processes; CPU time
    does not, so it is the fairer figure for comparing runs.
    """

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        t0, c0 = time.perf_counter(), _cpu_seconds()
        try:
            yield
        finally:
            self.timings[name] = round(time.perf_counter() - t0, 4)
            self.cpu[name] = round(_cpu_seconds() - c0, 4)

    def finish(self, out: dict[str, Any]) -> dict[str, Any]:
        out["timings_s"] = self.timings | {"total": round(sum(self.timings.values()), 4)}
        out["cpu_s"] = self.cpu | {"total": round(sum(self.cpu.values()), 4)}
        return _clean(out)


def _graph_summary(G: nx.Graph) -> dict[str, Any]:
    return {"nodes": G.number_of_nodes(), "ties": G.number_of_edges(), "directed": G.is_directed()}


def silo_report(
    G: nx.Graph,
    *,
    attrs: Sequence[str] = ("sector", "organisation", "place"),
    mixing_attrs: Sequence[str] = ("sector", "place"),
    max_mixing_groups: int = 100,
    permutations: int = 99,
    seed: int | None = 0,
    community_method: str = "leiden",
    weight: str | None = "weight",
    resolution: float = 1.0,
    silo_share: float = 0.8,
    small_component_threshold: int = 5,
    limit: int = 50,
    consensus_runs: int = 10,
) -> dict[str, Any]:
    """Silos: mixing matrices, E-I per attribute (with permutation test), communities, isolates.

    Mixing matrices are given for ``mixing_attrs`` with at most ``max_mixing_groups``
    groups (a matrix over thousands of organisations is not a report).
    ``ei[attr]["groups"]`` lists the ``limit`` most inward-looking groups (lowest
    E-I first). Communities (the consensus of ``consensus_runs`` seeds from ``seed``, with their
    stability; :func:`~carenet.analytics.communities.consensus_communities`) are listed largest
    first without members; silo communities (E-I below 0 and below its expected value) and
    single-organisation clusters (one organisation holds ``silo_share`` of members) are listed apart,
    and ``boundary_modularity[attr]`` gives the modularity of the existing
    boundaries to set against the modularity of the communities found.
    """
    clock = _Clock()
    out: dict[str, Any] = {"graph": _graph_summary(G)}
    with reuse_conversion(G):
        with clock("conversion"):  # arrays, igraph and weights, reused by every metric
            conv = converted(G)
            conv.igraph(directed=False)
            conv.igraph_weights(False, weight)
        out["mixing"] = {}
        for attr in mixing_attrs:
            groups = len(conv.codes(attr)[1])
            if groups > max_mixing_groups:
                out["mixing"][attr] = {"skipped": f"{groups} groups > {max_mixing_groups}"}
                continue
            with clock(f"mixing[{attr}]"):
                out["mixing"][attr] = mixing_matrix(G, attr).to_dict()
        out["ei"] = {}
        for attr in attrs:
            with clock(f"ei_index[{attr}]"):
                ei = ei_index(G, attr, permutations=permutations, seed=seed)
            groups = sorted(
                ({"group": g, **row} for g, row in ei.groups.items()),
                key=lambda r: (r["ei"] is None, r["ei"] if r["ei"] is not None else 0),
            )
            out["ei"][attr] = {
                k: getattr(ei, k)
                for k in (
                    "index",
                    "rescaled",
                    "expected",
                    "minimum",
                    "maximum",
                    "internal",
                    "external",
                    "permutations",
                    "p_lower",
                    "p_upper",
                    "permuted_mean",
                    "permuted_sd",
                )
            } | {"group_count": len(groups), "groups": groups[:limit]}
        with clock("communities"):
            first = seed or 0
            comms = consensus_communities(
                G,
                seeds=range(first, first + consensus_runs),
                method=community_method,
                weight=weight,
                resolution=resolution,
                silo_share=silo_share,
            )
        summary = comms.to_dict(members=False, limit=limit)
        summary["silo_communities"] = [
            {k: v for k, v in c.__dict__.items() if k != "members"} for c in comms.communities if c.silo
        ][:limit]
        summary["single_organisation_communities"] = [
            {k: v for k, v in c.__dict__.items() if k != "members"} for c in comms.communities if c.single_organisation
        ][:limit]
        with clock("boundary_modularity"):
            summary["boundary_modularity"] = {
                attr: attribute_modularity(G, attr, weight=weight, resolution=resolution) for attr in attrs
            }
        out["communities"] = summary
        with clock("isolates"):
            iso = isolated_nodes(G)
        out["isolates"] = {"count": len(iso), "nodes": iso[:limit]}
        with clock("small_components"):
            small = small_components(G, small_component_threshold)
        out["small_components"] = {
            "threshold": small_component_threshold,
            "count": len(small),
            "components": small[:limit],
        }
    return clock.finish(out)


def gap_report(
    G: nx.Graph,
    *,
    pathways: Mapping[Any, Sequence[Collection[Any]]] | Sequence[Sequence[Collection[Any]]] | None = None,
    expected_sectors: Collection[str] | None = None,
    forum_seats: Collection[Any] | None = None,
    by: str = "place",
    reliance_threshold: int = 5,
    path_cutoff: int | None = None,
    limit: int = 200,
) -> dict[str, Any]:
    """Gaps: failing hand-offs; absent, cut-off or unlinked sectors; unseated relied-on orgs.

    ``expected_sectors`` defaults to every sector present in ``G``. A section whose
    input is not given (``pathways``, ``forum_seats``) is None.
    """
    clock = _Clock()
    out: dict[str, Any] = {"graph": _graph_summary(G)}
    with reuse_conversion(G):
        if pathways is not None:
            with clock("pathway_handoffs"):
                gaps = pathway_handoffs(G, pathways, cutoff=path_cutoff)
            out["handoffs"] = {"count": len(gaps), "gaps": [g.to_dict() for g in gaps[:limit]]}
        else:
            out["handoffs"] = None
        if expected_sectors is None:
            expected_sectors = sorted({s for _, s in G.nodes(data="sector") if s is not None}, key=str)
        with clock("missing_sectors"):
            missing = missing_sectors(G, expected_sectors, by=by)
        out["missing_sectors"] = {
            "by": by,
            "expected": list(expected_sectors),
            "count": len(missing),
            "absent": sum(m.status == "absent" for m in missing),
            "unconnected": sum(m.status == "unconnected" for m in missing),
            "gaps": [m.to_dict() for m in missing[:limit]],
        }
        with clock("sector_pair_gaps"):
            pairs = sector_pair_gaps(G, expected_sectors, by=by)
        out["sector_pair_gaps"] = {"by": by, "count": len(pairs), "gaps": pairs[:limit]}
        if forum_seats is not None:
            with clock("relied_on_without_seat"):
                rows = relied_on_without_seat(G, forum_seats, threshold=reliance_threshold)
            out["relied_on_without_seat"] = {
                "threshold": reliance_threshold,
                "count": len(rows),
                "organisations": rows[:limit],
            }
        else:
            out["relied_on_without_seat"] = None
    return clock.finish(out)


def broker_report(
    G: nx.Graph,
    *,
    attr: str = "sector",
    top: int = 20,
    exact_max_nodes: int = 5000,
    k: int | None = None,
    seed: int | None = 0,
    processes: int = 1,
    weight: str | None = "weight",
    departures: int = 3,
    efficiency_k: int = 16,
    limit: int = 50,
) -> dict[str, Any]:
    """Brokers and fragility: betweenness, brokerage, structural holes, cut points, departures.

    Betweenness is unweighted (tie weight is strength, not distance); ``weight``
    is the tie strength used by constraint and effective size. The departure
    impact is computed for each of the ``departures`` nodes of highest
    betweenness, one at a time, with efficiency estimated from ``efficiency_k``
    sources on graphs above ``exact_max_nodes`` nodes.
    """
    clock = _Clock()
    out: dict[str, Any] = {"graph": _graph_summary(G)}
    with reuse_conversion(G):
        with clock("conversion"):  # arrays, igraph and weights, reused by every metric
            conv = converted(G)
            conv.igraph(directed=True)
            conv.undirected(weight)
        with clock("betweenness"):
            btw = betweenness(G, exact_max_nodes=exact_max_nodes, k=k, seed=seed, processes=processes)
        out["betweenness"] = btw.to_dict(limit=top)
        with clock("brokerage"):
            brk = brokerage_roles(G, attr)
        out["brokerage"] = {
            "attr": attr,
            "totals": brk.totals,
            "expected_totals": brk.expected_totals,
            "top": {
                role: [
                    {"node": v, "count": c, "expected": brk.expected.get(v, {}).get(role)}
                    for v, c in brk.top(role, top)
                ]
                for role in ROLES
            },
        }
        with clock("structural_holes"):
            sh = structural_hole_measures(G, weight=weight)
        ranked = sorted((v for v in sh.constraint if not math.isnan(sh.constraint[v])), key=lambda v: sh.constraint[v])
        out["structural_holes"] = {
            "weight": weight,
            "lowest_constraint": [
                {
                    "node": v,
                    "constraint": sh.constraint[v],
                    "effective_size": sh.effective_size[v],
                    "efficiency": sh.efficiency[v],
                }
                for v in ranked[:top]
            ],
        }
        with clock("articulation_points"):
            cut = articulation_points(G)
        out["articulation_points"] = {"count": len(cut), "nodes": cut[:limit]}
        with clock("bridges"):
            br = bridges(G)
        out["bridges"] = {"count": len(br), "ties": br[:limit]}
        with clock("departure_impact"):
            out["departures"] = [
                departure_impact(G, [v], exact_max_nodes=exact_max_nodes, k=efficiency_k, seed=seed).to_dict()
                for v, _ in btw.top(departures)
            ]
    return clock.finish(out)
