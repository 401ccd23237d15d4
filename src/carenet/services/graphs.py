"""Projections: the networkx graphs the analytics take, built from the store.

Node attributes follow :mod:`carenet.analytics`: ``label`` (Team, Organisation or Person),
``name``, ``sector``, ``organisation``, ``place``, ``system``, ``kind``. A tie reported in
several survey waves becomes one edge whose ``weight`` is the number of waves that report it,
with ``kinds`` united and ``trust``/``value`` averaged; ``wave`` is kept when only one reports it.

``Scope.network`` says which network the analytics read (:mod:`carenet.analytics.networks`):
``either`` (default), ``both`` or ``directed``; :func:`network` returns it, :func:`recorded`
the ties as recorded.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field

import networkx as nx

from carenet.analytics.networks import NETWORKS, tie_network
from carenet.storage.repository import Repository

LEVELS = ("team", "organisation", "person")
_LABELS = {"team": "Team", "organisation": "Organisation", "person": "Person"}


@dataclass(frozen=True)
class Scope:
    """Which part of the graph to analyse. Empty means everything."""

    level: str = "team"
    system: str | None = None
    place: str | None = None
    sectors: tuple[str, ...] = field(default_factory=tuple)
    wave: str | None = None
    at: dt.date | None = None
    network: str = "either"

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}")
        if self.network not in NETWORKS:
            raise ValueError(f"network must be one of {', '.join(NETWORKS)}")


async def network(repo: Repository, scope: Scope = Scope()) -> nx.Graph:
    """The network the analytics read at ``scope.level`` (``scope.network``: an undirected
    ``nx.Graph`` for ``either`` and ``both``, the recorded arcs for ``directed``)."""
    return tie_network(await recorded(repo, scope), scope.network)


async def recorded(repo: Repository, scope: Scope = Scope()) -> nx.DiGraph:
    """The collaboration ties at ``scope.level`` as recorded (one arc per reporting direction),
    induced on the nodes ``scope`` selects."""
    projection = await repo.projection(scope.level, wave=scope.wave or "", at=scope.at)
    G = nx.DiGraph(level=scope.level, wave=scope.wave, version=repo.store.version)
    label = _LABELS[scope.level]
    sectors = set(scope.sectors)
    for row in projection.nodes.to_pylist():
        if scope.system and row.get("system") != scope.system:
            continue
        if scope.place and row.get("place") != scope.place:
            continue
        if sectors and row.get("sector") not in sectors:
            continue
        G.add_node(
            row["uid"],
            label=label,
            name=row.get("name") or row["uid"],
            sector=row.get("sector"),
            organisation=row.get("organisation"),
            place=row.get("place"),
            system=row.get("system"),
            kind=row.get("kind"),
        )
    merged: dict[tuple[str, str], dict] = {}
    for batch in projection.edges:
        for tie in batch.to_pylist():
            u, v = tie["source"], tie["target"]
            if u == v or u not in G or v not in G:
                continue
            seen = merged.get((u, v))
            if seen is None:
                merged[(u, v)] = {
                    "uid": tie.get("uid"),
                    "kinds": set(tie.get("kinds") or ()), "waves": {tie.get("wave")}, "frequency": tie.get("frequency"),
                    "trust": [tie["trust"]] if tie.get("trust") is not None else [],
                    "value": [tie["value"]] if tie.get("value") is not None else [],
                    "weight": float(tie.get("weight") or 1),
                }
                continue
            seen["kinds"] |= set(tie.get("kinds") or ())
            seen["waves"].add(tie.get("wave"))
            seen["weight"] += float(tie.get("weight") or 1)
            for item in ("trust", "value"):
                if tie.get(item) is not None:
                    seen[item].append(tie[item])
    for (u, v), tie in merged.items():
        waves = sorted(w for w in tie["waves"] if w)
        G.add_edge(
            u, v,
            uid=tie["uid"],
            kinds=sorted(tie["kinds"]),
            frequency=tie["frequency"],
            trust=statistics.fmean(tie["trust"]) if tie["trust"] else None,
            value=statistics.fmean(tie["value"]) if tie["value"] else None,
            wave=waves[0] if len(waves) == 1 else None,
            waves=waves,
            weight=tie["weight"],
        )
    return G
