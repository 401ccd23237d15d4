"""Projections: the networkx graphs the analytics take, built from the store.

Node attributes follow :mod:`carenet.analytics`: ``label`` (Team, Organisation or Person),
``name``, ``sector``, ``organisation``, ``place``, ``system``, ``kind``. A tie reported in
several survey waves becomes one edge whose ``weight`` is the number of waves that report it,
with ``kinds`` united and ``trust``/``value`` averaged; ``wave`` is kept when only one reports it.

``Scope.network`` says which network the analytics read (:mod:`carenet.analytics.networks`):
``either`` (default), ``both`` or ``directed``; :func:`network` returns it, :func:`recorded`
the ties as recorded.

Which nodes: those of the system, place and sectors in scope; in a place scope, also the
organisations that serve the place's whole system (PART_OF the System, no place), with their
teams and people that serve no other place.

Which ties: by default the network as it is now, that is the ties reported in the latest survey
wave of each system in scope (by collection date; waves attached to no system form a group of
their own) and active today (``since`` on or before, ``until`` on or after the date). Naming
``Scope.wave`` reads that wave alone, at its collection date unless ``Scope.at`` says otherwise.
:func:`resolve` fixes both choices and :func:`basis` states them, so every report can say which
waves, date and network rule it used.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
from dataclasses import dataclass, replace

import networkx as nx
import pyarrow as pa

from carenet.analytics.networks import NETWORKS, tie_network
from carenet.domain.enums import Level
from carenet.domain.schema import NodeLabel
from carenet.errors import InvalidInput, NotFound, Problem
from carenet.services.filters import Filter
from carenet.storage.repository import Projection, Repository


@dataclass(frozen=True)
class Scope(Filter):
    """Which part of the graph to analyse (:class:`~carenet.services.filters.Filter`, plus the
    level, date and network rule). Empty means everything, as it is now.

    ``wave`` names one survey wave (None: the latest wave of each system in scope); ``at`` is the
    date ties must be active on (None: today, or the named wave's collection date). ``waves`` is
    filled in by :func:`resolve` (None: not resolved yet).
    """

    level: Level = Level.TEAM
    at: dt.date | None = None
    network: str = "either"
    waves: tuple[str, ...] | None = None
    rolled_up: tuple[str, ...] = ()
    """Organisation level: the waves with no tie recorded between organisations, whose
    organisation ties are their teams' ties rolled up (set by :func:`resolve`)."""

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "level", Level.of(self.level))
        if self.network not in NETWORKS:
            raise ValueError(f"network must be one of {', '.join(NETWORKS)}")


async def resolve(repo: Repository, scope: Scope = Scope(), *, where: str = "wave") -> Scope:
    """``scope`` with ``waves`` and ``at`` fixed (see the module docstring); a resolved scope is
    returned as it is.

    Raises :class:`~carenet.errors.NotFound` when ``scope.system`` names no system, or
    ``scope.place`` no place (of that system, when one is named); and
    :class:`~carenet.errors.InvalidInput` (at ``where``) when ``scope.wave`` names no survey wave, or
    a wave of another system than the one in scope.
    """
    if scope.waves is not None and scope.at is not None:
        return scope
    system = await scope_system(repo, scope.system, scope.place)
    rows = await repo.survey_waves()  # in date order
    if scope.wave:
        found = next((r for r in rows if r["uid"] == scope.wave), None)
        if found is None:
            known = ", ".join(r["uid"] for r in rows) or "none stored"
            raise InvalidInput(
                [Problem(where, f"no survey wave with this uid (waves: {known})", scope.wave)],
                message="nothing to analyse",
            )
        if system is not None and found["system"] not in (None, system):
            raise InvalidInput(
                [
                    Problem(
                        where,
                        f"this wave is {found['system']}'s survey, not {system}'s (the system in scope)",
                        scope.wave,
                    )
                ],
                message="nothing to analyse",
            )
        at = scope.at or _as_date(found.get("collected_on")) or dt.date.today()
        return await _rolled_up(repo, replace(scope, waves=(scope.wave,), at=at))
    latest: dict[str | None, str] = {}
    for r in rows:
        if system is None or r["system"] in (None, system):
            latest[r["system"]] = r["uid"]
    return await _rolled_up(repo, replace(scope, waves=tuple(sorted(latest.values())), at=scope.at or dt.date.today()))


async def scope_system(repo: Repository, system: str | None, place: str | None) -> str | None:
    """The system a scope is in: ``system``, else ``place``'s (None: neither names one).

    Raises :class:`~carenet.errors.NotFound` when ``system`` names no system, or ``place`` no place
    (of that system, when one is named): a scope that names what is not there is named as such, not
    read as a part of the graph with nothing in it (every figure empty or None, as if the system had
    no teams). The one check of a scope's system and place: reports, exports, drawings, the board pack.
    """
    if system is not None and system not in await repo.get_many(NodeLabel.SYSTEM, [system]):
        raise NotFound(f"no system {system!r}", suggestion="name a system uid, e.g. s1-system")
    if not place:
        return system
    systems = {r["place"]: r["system"] for r in await repo.place_systems()}
    if system is None:
        if place not in systems:
            raise NotFound(f"no place {place!r}", suggestion="name a place uid, e.g. s1-place-1")
        return systems[place]
    if systems.get(place) != system:
        ours = sorted(p for p, s in systems.items() if s == system)
        elsewhere = f"it is in {systems[place]}; " if systems.get(place) else ""
        raise NotFound(
            f"no place {place!r} in system {system!r}",
            suggestion=elsewhere
            + (
                f"name one of its places, e.g. {ours[0]}, or none for the whole system"
                if ours
                else "the system has no places: name none for the whole system"
            ),
        )
    return system


async def _rolled_up(repo: Repository, scope: Scope) -> Scope:
    if scope.level is not Level.ORGANISATION:
        return scope
    direct = await repo.organisation_tie_waves()
    return replace(scope, rolled_up=tuple(w for w in scope.waves or () if w not in direct))


async def _system_of_place(repo: Repository, place: str) -> str | None:
    return next((r["system"] for r in await repo.place_systems() if r["place"] == place), None)


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def basis(scope: Scope) -> dict:
    """What a report read, stated in its output: level, waves, date and network rule.

    ``scope`` must be resolved (:func:`resolve`)."""
    if scope.waves is None or scope.at is None:
        raise ValueError("resolve the scope first")
    which = f"survey wave {scope.wave}" if scope.wave else "the latest survey wave of each system in scope"
    rule = {
        "either": "a tie wherever either end reports one",
        "both": "a tie only where both ends report it",
        "directed": "the ties as recorded, in the reporting direction",
    }[scope.network]
    return {
        "level": scope.level.value,
        "waves": list(scope.waves),
        "at": scope.at.isoformat(),
        "network": scope.network,
        "rule": (
            f"ties reported in {which} ({', '.join(scope.waves) or 'no wave stored'}) and active on "
            f"{scope.at.isoformat()} (since on or before, until on or after); {scope.network}: {rule}"
            + ("; the place's nodes and those of organisations serving its whole system" if scope.place else "")
            + (
                f"; organisation ties in {', '.join(scope.rolled_up)} (which records none between organisations) "
                "are their teams' ties rolled up: a tie from one organisation to another wherever a team of the "
                "first reports one to a team of the second, weighted by how many, trust and value averaged"
                if scope.rolled_up
                else ""
            )
        ),
    }


async def network(repo: Repository, scope: Scope = Scope()) -> nx.Graph:
    """The network the analytics read at ``scope.level`` (``scope.network``: an undirected
    ``nx.Graph`` for ``either`` and ``both``, the recorded arcs for ``directed``)."""
    return await asyncio.to_thread(build_network, await read_recorded(repo, scope))


async def recorded(repo: Repository, scope: Scope = Scope()) -> nx.DiGraph:
    """The collaboration ties at ``scope.level`` as recorded (one arc per reporting direction),
    induced on the nodes ``scope`` selects, from the waves and date :func:`resolve` chooses.

    Built on a worker thread: it is pure Python over every node and tie in scope."""
    return await asyncio.to_thread(build_recorded, await read_recorded(repo, scope))


@dataclass(frozen=True)
class Reading:
    """What :func:`recorded` reads from the store for a resolved scope: enough to build the graph
    anywhere (:func:`build_recorded`), on a thread or in a process of its own (it crosses as Arrow
    buffers)."""

    scope: Scope
    projection: Projection
    rolled: list[dict]
    """Organisation level: the teams' ties rolled up, for the waves in ``scope.rolled_up``."""
    area_system: str | None
    """A place scope: the place's system (its system-wide organisations are in the place too)."""
    version: str
    """The store's version when it was read."""

    @property
    def size(self) -> int:
        """Nodes and ties read: what building the graph and analysing it scale with."""
        return self.projection.nodes.num_rows + self.projection.edge_count + len(self.rolled)


async def read_recorded(repo: Repository, scope: Scope = Scope()) -> Reading:
    """Everything :func:`build_recorded` needs, read from the store (the scope resolved first)."""
    version = repo.version
    scope = await resolve(repo, scope)
    one = scope.waves[0] if len(set(scope.waves or ())) == 1 else ""
    projection = await repo.projection(scope.level, wave=one, at=scope.at)
    area_system = await _system_of_place(repo, scope.place) if scope.place else None
    rolled = await repo.team_ties_rolled_up(wave=one, at=scope.at) if scope.rolled_up else []
    return Reading(scope=scope, projection=projection, rolled=rolled, area_system=area_system, version=version)


def build_network(reading: Reading) -> nx.Graph:
    """:func:`network`'s graph from what was read."""
    return tie_network(build_recorded(reading), reading.scope.network)


def build_recorded(reading: Reading) -> nx.DiGraph:
    """:func:`recorded`'s graph from what was read (pure: no store)."""
    scope, projection, area_system = reading.scope, reading.projection, reading.area_system
    wanted = set(scope.waves or ())
    G = nx.DiGraph(
        level=scope.level.value,
        wave=scope.wave,
        waves=list(scope.waves),
        at=scope.at.isoformat(),
        rolled_up=list(scope.rolled_up),
        version=reading.version,
    )
    label = scope.level.label
    sectors = set(scope.sectors)
    for row in _in_order([projection.nodes], ("uid",)):
        if scope.system and row.get("system") != scope.system:
            continue
        if scope.place and row.get("place") != scope.place:
            # an organisation serving the whole system (no place), its teams and people, are in every place of it
            if row.get("place") is not None or area_system is None or row.get("system") != area_system:
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
    rolled = set(scope.rolled_up)

    def add(tie: dict) -> None:
        u, v = tie["source"], tie["target"]
        if u == v or u not in G or v not in G or tie.get("wave") not in wanted:
            return
        seen = merged.get((u, v))
        if seen is None:
            merged[(u, v)] = {
                "uid": tie.get("uid"),
                "kinds": set(tie.get("kinds") or ()),
                "waves": {tie.get("wave")},
                "frequency": tie.get("frequency"),
                "trust": [tie["trust"]] if tie.get("trust") is not None else [],
                "value": [tie["value"]] if tie.get("value") is not None else [],
                "weight": float(tie.get("weight") or 1),
                **_item_counts(tie),
            }
            return
        seen["kinds"] |= set(tie.get("kinds") or ())
        seen["waves"].add(tie.get("wave"))
        seen["weight"] += float(tie.get("weight") or 1)
        for item in ("trust", "value"):
            if tie.get(item) is not None:
                seen[item].append(tie[item])
        for key, count in _item_counts(tie).items():
            seen[key] += count

    for tie in _in_order(projection.edges, _TIE_ORDER):
        if tie.get("wave") not in rolled:
            add(tie)
    if rolled:  # waves with no tie between organisations: their teams' ties rolled up
        for tie in sorted(reading.rolled, key=lambda t: tuple(str(t.get(k)) for k in _TIE_ORDER)):
            if tie.get("wave") in rolled:
                add(tie)
    for (u, v), tie in merged.items():
        waves = sorted(w for w in tie["waves"] if w)
        G.add_edge(
            u,
            v,
            uid=tie["uid"],
            kinds=sorted(tie["kinds"]),
            frequency=tie["frequency"],
            trust=statistics.fmean(tie["trust"]) if tie["trust"] else None,
            value=statistics.fmean(tie["value"]) if tie["value"] else None,
            wave=waves[0] if len(waves) == 1 else None,
            waves=waves,
            weight=tie["weight"],
            **{key: tie[key] for key in _ITEM_COUNTS},
        )
    return G


_TIE_ORDER = ("source", "target", "wave", "uid")


def _in_order(parts: list, keys: tuple[str, ...]) -> list[dict]:
    """The rows of these Arrow tables or batches sorted by ``keys``: the store returns rows in no
    fixed order, and a graph built in another order gives other float sums, another tie kept as
    the first of a merged pair, another community when two are as good. Sorted, the same graph
    gives the same figures on every read, on a thread or in the analysis process."""
    parts = [p for p in parts if p.num_rows]
    if not parts:
        return []
    tables = [p if isinstance(p, pa.Table) else pa.Table.from_batches([p]) for p in parts]
    table = tables[0] if len(tables) == 1 else pa.concat_tables(tables, promote_options="permissive")
    present = [(k, "ascending") for k in keys if k in table.column_names]
    return (table.sort_by(present) if present else table).to_pylist()


_ITEM_COUNTS = ("trust_reports", "trust_items", "value_reports", "value_items")
"""Edge attributes of :func:`recorded`: how many reports behind a tie gave a trust (value) score,
and how many of them as the mean of PARTNER's three sub-items (the rest: a single 1-4 score)."""


def _item_counts(tie: dict) -> dict[str, int]:
    """A recorded tie is one report; a rolled-up row counts its team ties."""
    if "trust_reports" in tie:
        return {key: int(tie.get(key) or 0) for key in _ITEM_COUNTS}
    return {
        "trust_reports": int(tie.get("trust") is not None),
        "trust_items": int(bool(tie.get("trust_items"))),
        "value_reports": int(tie.get("value") is not None),
        "value_items": int(bool(tie.get("value_items"))),
    }
