"""Exports: graphs (by level, filtered) and metrics per node and per group, for other tools.

Personal data follows the API's rules: a person's ethnic category and sex are never exported
(no query here reads :class:`~carenet.domain.models.Demographic` records), and grouped exports
that count people show counts with NHS small-number suppression (1-7 as ``*``, others to the
nearest 5).

Levels: ``team``, ``organisation`` and ``person`` give the collaboration network of that level
with sector, organisation, place, system, community and metric attributes; ``all`` gives every
node and relationship with all stored properties (for node-link round trips and templates).
Which ties: as the analyses read them (:mod:`carenet.services.graphs`), by default the latest wave of
each system in scope and ties active today; ``GraphFilter.wave`` and ``at`` choose others. The graph
says which (``G.graph``: ``waves``, ``at``, ``network``, ``rule``). Ties between the same pair in
several waves are merged into one edge: ``weight`` counts them, ``kinds`` is the union,
``trust``/``value`` are means, ``waves`` lists them.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from carenet import analytics
from carenet.domain.enums import Level
from carenet.domain.schema import NODE_MODELS, REL_SPECS, SPECIAL_CATEGORY_LABELS, NodeLabel, RelType
from carenet.services import graphs
from carenet.services.filters import Filter
from carenet.services.graphs import Scope
from carenet.storage.repository import Repository

ALL = "all"
LEVELS = (*(level.value for level in Level), ALL)
"""What a graph export may read: one :class:`~carenet.domain.enums.Level`'s network, or ``all``
(every node and relationship)."""
NODE_METRICS = (
    "degree",
    "in_degree",
    "out_degree",
    "betweenness",
    "brokerage",
    "constraint",
    "effective_size",
    "ei_index",
    "community",
)
GROUP_BY = ("sector", "organisation", "place", "system", "community")
_SKIP_LABELS = SPECIAL_CATEGORY_LABELS | {NodeLabel.MIGRATION, NodeLabel.CULTURE_INDICATOR}
"""Not written into graph exports: special-category records, migrations, and culture indicators
(survey results, some held below the minimum responses: read them through the culture report)."""
_SKIP_RELS = {RelType.DESCRIBES}


@dataclass(frozen=True)
class GraphFilter(Filter):
    """Which part of the graph to export (:class:`~carenet.services.filters.Filter`), which
    network its metrics read and on which date its ties hold."""

    network: str = "either"
    at: dt.date | None = None
    """Ties active on this date (None: today, or the named wave's collection date)."""
    """Which network the metrics read (:mod:`carenet.analytics.networks`); the graph written is the ties as recorded."""

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.network not in analytics.NETWORKS:
            raise ValueError(f"network must be one of {', '.join(analytics.NETWORKS)}")


async def _rows(batches) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    async for batch in batches:
        rows += batch.to_pylist()
    return rows


async def full_records(
    repo: Repository,
) -> tuple[dict[NodeLabel, list[dict]], list[tuple[RelType, NodeLabel, NodeLabel, list[dict]]]]:
    """Every node (special-category records and migrations excepted) and relationship, as rows."""
    nodes = {label: await _rows(repo.scan(label)) for label in NODE_MODELS if label not in _SKIP_LABELS}
    rels = []
    for rel_type, spec in REL_SPECS.items():
        if rel_type in _SKIP_RELS:
            continue
        for src, tgt in spec.pairs:
            rels.append((rel_type, src, tgt, await _rows(repo.scan_relationships(rel_type, src, tgt))))
    return nodes, rels


async def full_models(repo: Repository):
    """Every node and relationship as domain models (special-category records excepted)."""
    nodes, rels = await full_records(repo)
    out_nodes = [
        NODE_MODELS[label].model_validate({k: v for k, v in row.items() if v is not None})
        for label, rows in nodes.items()
        for row in rows
    ]
    out_rels = [
        REL_SPECS[t].model.model_validate(
            {**{k: v for k, v in row.items() if v is not None}, "source_label": s, "target_label": g}
        )
        for t, s, g, rows in rels
        for row in rows
    ]
    return out_nodes, out_rels


async def full_graph(repo: Repository) -> nx.MultiDiGraph:
    """The whole graph: node attribute ``type`` is the label, edge ``type`` the relationship type."""
    nodes, rels = await full_records(repo)
    G = nx.MultiDiGraph()
    for label, rows in nodes.items():
        for row in rows:
            uid = row.pop("uid")
            G.add_node(
                uid, type=label.value, label=row.get("name") or uid, **{k: v for k, v in row.items() if v is not None}
            )
    for rel_type, _, _, rows in rels:
        for row in rows:
            G.add_edge(
                row["source"],
                row["target"],
                key=row["uid"],
                type=rel_type.value,
                **{k: v for k, v in row.items() if v is not None and k not in ("source", "target")},
            )
    return G


async def network(repo: Repository, *, level: str = "team", where: GraphFilter = GraphFilter()) -> nx.DiGraph:
    """The collaboration network of one level, filtered, named for graph files: node ``type`` is
    the kind of node and ``label`` its display name (as Gephi expects); no attribute is None."""
    level = Level.of(level).value
    scope = await graphs.resolve(
        repo,
        Scope(
            level=level,
            system=where.system,
            place=where.place,
            sectors=tuple(where.sectors),
            wave=where.wave,
            at=where.at,
            network=where.network,
        ),
    )
    G = await graphs.recorded(repo, scope)
    stated = graphs.basis(scope)
    G.graph = {
        "level": level,
        "wave": where.wave or "",
        "waves": ", ".join(stated["waves"]),
        "at": stated["at"],
        "network": where.network,
        "rule": stated["rule"],
    }
    for v, data in G.nodes(data=True):
        data["type"] = data.pop("label")
        data["label"] = data.get("name") or v
        for key in [k for k, value in data.items() if value is None]:
            del data[key]
    for _, _, data in G.edges(data=True):
        for key in [k for k, value in data.items() if value is None]:
            del data[key]
    return G


def _finite(x: float | None) -> float | None:
    """NaN (an isolated node's constraint) becomes None: GEXF, GraphML and JSON readers choke on NaN."""
    return None if x is None or x != x or x in (float("inf"), float("-inf")) else float(x)


def add_metrics(G: nx.DiGraph, *, seed: int = 0, network: str | None = None) -> str:
    """Compute the node metrics with :mod:`carenet.analytics` and set them as node attributes.

    The metrics read ``network`` (default ``G.graph["network"]``, else ``either``) built from
    ``G``'s recorded ties; degrees count the recorded ties. Returns how betweenness was computed
    (``exact`` or ``sampled``).
    """
    network = network or G.graph.get("network") or "either"
    G.graph["network"] = network
    for v in G:
        G.nodes[v]["degree"] = G.degree(v)
        G.nodes[v]["in_degree"] = G.in_degree(v)
        G.nodes[v]["out_degree"] = G.out_degree(v)
    if G.number_of_nodes() == 0:
        return "exact"
    N = analytics.tie_network(G, network)
    with analytics.reuse_conversion(N):  # one conversion to igraph for every metric
        between = analytics.betweenness(N, seed=seed)
        brokerage = analytics.brokerage_roles(N, "sector")
        holes = analytics.structural_hole_measures(N)
        communities = analytics.detect_communities(N, seed=seed)
        ei = analytics.ei_index(N, "sector")
    for v in G:
        data = G.nodes[v]
        data["betweenness"] = between.values.get(v)
        data["brokerage"] = float(sum(brokerage.roles.get(v, {}).values()))
        data["constraint"] = _finite(holes.constraint.get(v))
        data["effective_size"] = _finite(holes.effective_size.get(v))
        data["ei_index"] = ei.nodes.get(v)
        data["community"] = communities.membership.get(v)
    return between.method


def node_table(G: nx.DiGraph) -> list[dict[str, Any]]:
    """One row per node: who it is, where it sits, and its metrics."""
    keys = ("uid", "type", "name", "sector", "kind", "organisation", "place", "system", *NODE_METRICS)
    out = []
    for v, data in G.nodes(data=True):
        row = {k: data.get(k) for k in keys}
        row["uid"] = v
        out.append(row)
    return out


def _suppress(value: int) -> int | str:
    return analytics.suppress_count(int(value))


def group_table(G: nx.DiGraph, by: str = "sector") -> list[dict[str, Any]]:
    """One row per group of ``by``: how many nodes, ties inside and across, E-I index, mean metrics.

    At the person level every count is suppressed (counts of people, and ties that could
    reveal them).
    """
    if by not in GROUP_BY:
        raise ValueError(f"group by one of {', '.join(GROUP_BY)}")
    people = G.graph.get("level") == "person"
    members: dict[Any, list[Any]] = defaultdict(list)
    for v, data in G.nodes(data=True):
        members[data.get(by)].append(v)
    internal: dict[Any, int] = defaultdict(int)
    external: dict[Any, int] = defaultdict(int)
    for u, v in G.edges():
        gu, gv = G.nodes[u].get(by), G.nodes[v].get(by)
        if gu == gv:
            internal[gu] += 1
        else:
            external[gu] += 1
            external[gv] += 1
    rows = []
    for group in sorted(members, key=lambda g: (g is None, str(g))):
        vs = members[group]
        n, i, e = len(vs), internal[group], external[group]

        def mean(metric: str, vs: list = vs) -> float | None:
            values = [G.nodes[v][metric] for v in vs if G.nodes[v].get(metric) is not None]
            return statistics.fmean(values) if values else None

        row = {
            "group_by": by,
            "group": group,
            "nodes": _suppress(n) if people else n,
            "internal_ties": _suppress(i) if people else i,
            "external_ties": _suppress(e) if people else e,
            "ei_index": (e - i) / (e + i) if (e + i) else None,
            "mean_degree": mean("degree"),
            "mean_betweenness": mean("betweenness"),
            "mean_brokerage": mean("brokerage"),
        }
        if people and n <= 7:  # a small group's means describe a few people: suppress them too
            row.update(ei_index=None, mean_degree=None, mean_betweenness=None, mean_brokerage=None)
        rows.append(row)
    return rows


async def export_graph(
    repo: Repository, *, level: str = "team", where: GraphFilter = GraphFilter(), metrics: bool = True
) -> nx.Graph:
    """The graph to write: ``all`` levels carry stored properties only; others get metrics."""
    if level == "all":
        return await full_graph(repo)
    G = await network(repo, level=level, where=where)
    if metrics:
        G.graph["betweenness"] = add_metrics(G)
    return G


async def export_metrics(
    repo: Repository,
    *,
    level: str = "team",
    where: GraphFilter = GraphFilter(),
    per: str = "node",
    by: Sequence[str] = ("sector",),
) -> list[dict[str, Any]]:
    G = await network(repo, level=level, where=where)
    add_metrics(G)
    if per == "node":
        said = {"network": where.network, "waves": G.graph["waves"], "at": G.graph["at"]}
        return [{**row, **said} for row in node_table(G)]
    rows: list[dict[str, Any]] = []
    for attr in by:
        rows += group_table(G, attr)
    return rows
