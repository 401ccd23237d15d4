"""Reads for drawings: a part of the network (:mod:`carenet.services.subgraph`) and the system
overview (:mod:`carenet.services.overview`); queries in :mod:`carenet.storage.queries.subgraph`.

Two query forms give the same nodes. The plain one joins every node to its organisation, place and
system, then ranks, cuts and counts; without a place or system filter the fast one (teams and
organisations) ranks and cuts first and joins only the nodes kept. With no filter at all, the rank
of every node is read in one grouped query once per graph version (``store.version``) and kept on
the repository; the nodes kept are then joined by key (on 100,000 teams, ranking each node with
``COUNT {}`` per request was the larger part of a 2,000-node subgraph). A given set of nodes (a
centre's neighbourhood) is ranked by key, not by scanning every node of the level, cut here, and
joined the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from carenet.domain.text import fold
from carenet.storage.queries import subgraph as q
from carenet.storage.store import GraphStore, Row

# level -> (nodes, count, ties among given nodes, one hop)
_PLAIN = {
    "team": (q.SUBGRAPH_TEAM_NODES, q.SUBGRAPH_TEAM_COUNT, q.SUBGRAPH_TEAM_TIES, q.SUBGRAPH_TEAM_HOP),
    "organisation": (
        q.SUBGRAPH_ORGANISATION_NODES,
        q.SUBGRAPH_ORGANISATION_COUNT,
        q.SUBGRAPH_ORGANISATION_TIES,
        q.SUBGRAPH_ORGANISATION_HOP,
    ),
    "person": (q.SUBGRAPH_PERSON_NODES, q.SUBGRAPH_PERSON_COUNT, q.SUBGRAPH_PERSON_TIES, q.SUBGRAPH_PERSON_HOP),
}
# level -> (ranked and cut first, the same with no filter, count, count with no filter)
_FAST = {
    "team": (q.SUBGRAPH_TEAM_TOP, q.SUBGRAPH_TEAM_TOP_ALL, q.SUBGRAPH_TEAM_TOTAL, q.SUBGRAPH_TEAM_TOTAL_ALL),
    "organisation": (
        q.SUBGRAPH_ORGANISATION_TOP,
        q.SUBGRAPH_ORGANISATION_TOP_ALL,
        q.SUBGRAPH_ORGANISATION_TOTAL,
        q.SUBGRAPH_ORGANISATION_TOTAL_ALL,
    ),
}
# level -> the rank of each of a given set of nodes, found by key: the fast form for a set
_GIVEN = {"team": q.SUBGRAPH_TEAM_RANK_GIVEN, "organisation": q.SUBGRAPH_ORGANISATION_RANK_GIVEN}
# level -> (every node's rank, the nodes kept joined): the unfiltered fast form
_RANKED = {
    "team": (q.SUBGRAPH_TEAM_DEGREES, q.SUBGRAPH_TEAM_KEPT),
    "organisation": (q.SUBGRAPH_ORGANISATION_DEGREES, q.SUBGRAPH_ORGANISATION_KEPT),
}
_TIES_OUT = {
    "team": q.SUBGRAPH_TEAM_TIES_OUT,
    "organisation": q.SUBGRAPH_ORGANISATION_TIES_OUT,
    "person": q.SUBGRAPH_PERSON_TIES_OUT,
}
_TIES_OUT_FEW = {
    "team": q.SUBGRAPH_TEAM_TIES_OUT_FEW,
    "organisation": q.SUBGRAPH_ORGANISATION_TIES_OUT_FEW,
    "person": q.SUBGRAPH_PERSON_TIES_OUT_FEW,
}
FEW_TIES_OUT = 500
"""Up to this many nodes, the ties leaving them are read with the ``IN`` form, past it with the
``UNWIND`` form (the same rows; on LadybugDB the first is far faster for a centre's neighbourhood
and slower for a 2,000-node drawing: ``benchmarks/load.py`` times the neighbourhood)."""


def _params(
    uids: Sequence[str] | None, sectors: Sequence[str], levels: Sequence[str], search: str, place: str, system: str
) -> dict[str, Any]:
    return {
        "all_uids": uids is None,
        "uids": list(dict.fromkeys(uids)) if uids else [""],
        "all_sectors": not sectors,
        "sectors": list(sectors) or [""],
        "all_levels": not levels,
        "levels": list(levels) or [""],
        "search": fold(search.strip()),  # as the stored name_fold is (carenet.domain.text)
        "place": place,
        "system": system,
    }


class DrawingReads:
    store: GraphStore
    _ranked: dict[str, tuple[str, pa.Table]]
    """level -> (the store's version, every node with a tie: uid and rank, best first), kept for the
    version it was read at (any committed write changes the version)."""

    async def neighbours(self, level: str, uids: Sequence[str], *, wave: str = "") -> list[Row]:
        """The ``uid`` of every node one tie from ``uids`` at ``level`` (ties of ``wave``, or of any)."""
        return await self.store.read(_PLAIN[level][3], uids=list(uids), wave=wave)

    async def drawing_total(
        self,
        level: str,
        *,
        uids: Sequence[str] | None = None,
        sectors: Sequence[str] = (),
        levels: Sequence[str] = (),
        search: str = "",
        place: str = "",
        system: str = "",
        plain: bool = False,
    ) -> int:
        """How many ``level`` nodes pass the filter (``uids`` None: any node). ``plain``: count with
        the plain query even where the fast one applies (same answer)."""
        params = _params(uids, sectors, levels, search, place, system)
        if not plain and level in _FAST and not place and not system:
            _, _, total_q, total_all_q = _FAST[level]
            unfiltered = uids is None and not sectors and not search.strip()
            if uids is not None:
                return len(await self.store.read(_GIVEN[level], **params))
            query = total_all_q if unfiltered else total_q
        else:
            query = _PLAIN[level][1]
        return int((await self.store.read(query, **params))[0]["total"])

    async def drawing_nodes(
        self,
        level: str,
        *,
        uids: Sequence[str] | None = None,
        sectors: Sequence[str] = (),
        levels: Sequence[str] = (),
        search: str = "",
        place: str = "",
        system: str = "",
        limit: int,
        plain: bool = False,
    ) -> list[Row]:
        """At most ``limit`` ``level`` nodes that pass the filter, best connected first, each with its
        organisation, place, system and stored metrics; a node with two organisations or places
        comes once per pair, in the order the queries give."""
        params = _params(uids, sectors, levels, search, place, system)
        if not plain and level in _FAST and not place and not system:
            top_q, top_all_q, _, _ = _FAST[level]
            unfiltered = uids is None and not sectors and not search.strip()
            if uids is not None:
                ranked = await self.store.read(_GIVEN[level], **params)
                kept = sorted(ranked, key=lambda r: (-r["rank"], r["uid"]))[:limit]
                rows = await self.store.read(_RANKED[level][1], nodes=kept) if kept else []
            else:
                rows = await self._kept(level, limit) if unfiltered else None
                if rows is None:
                    rows = await self.store.read(top_all_q if unfiltered else top_q, **params, limit=limit)
            if len({r["uid"] for r in rows}) == len(rows):
                return rows
            # a node with two organisations, places or systems: the plain query orders its rows
        return await self.store.read(_PLAIN[level][0], **params, limit=limit)

    async def _ranking(self, level: str) -> pa.Table:
        """Every ``level`` node with a tie (``uid``, ``rank``: its ties, either direction), by rank
        then uid; read once per graph version."""
        cache: dict[str, tuple[str, pa.Table]] | None = getattr(self, "_ranked", None)
        if cache is None:
            cache = self._ranked = {}
        version = self.store.version
        found = cache.get(level)
        if found is not None and found[0] == version:
            return found[1]
        batches = [b async for b in self.store.stream(_RANKED[level][0])]
        table = (
            pa.Table.from_batches(batches, schema=batches[0].schema)
            if batches
            else pa.table({"uid": pa.array([], pa.string()), "rank": pa.array([], pa.int64())})
        )
        table = table.select(["uid", "rank"]).cast(pa.schema([("uid", pa.string()), ("rank", pa.int64())]))
        table = table.take(pc.sort_indices(table, sort_keys=[("rank", "descending"), ("uid", "ascending")]))
        if self.store.version == version:  # no write landed while it was read
            cache[level] = (version, table)
        return table

    async def _kept(self, level: str, limit: int) -> list[Row] | None:
        """The ``limit`` best-connected ``level`` nodes joined to their organisation, place and system
        (the rows of the unfiltered fast query), or None when fewer than ``limit`` nodes have a tie
        (the rest, with none, are ranked by uid in the store)."""
        ranking = await self._ranking(level)
        if ranking.num_rows < limit:
            return None
        kept = ranking.slice(0, limit).to_pylist()
        return await self.store.read(_RANKED[level][1], nodes=kept)

    async def drawing_ties(self, level: str, uids: Sequence[str], *, wave: str = "", plain: bool = False) -> list[Row]:
        """The ties from ``uids`` to ``uids`` at ``level`` (of ``wave`` when one is given).

        The fast way streams every tie leaving the set as Arrow and makes Python rows of those kept
        only; ``plain`` asks the store for the ties among the set (same ties)."""
        uids = sorted(uids)
        if plain:
            return await self.store.read(_PLAIN[level][2], uids=uids, wave=wave)
        if not uids:
            return []
        inside = pa.array(uids, type=pa.string())
        out: list[Row] = []
        query = (_TIES_OUT_FEW if len(uids) <= FEW_TIES_OUT else _TIES_OUT)[level]
        async for batch in self.store.stream(query, uids=uids):
            keep = pc.is_in(batch.column("target").cast(pa.string()), value_set=inside)
            if wave:
                keep = pc.and_(keep, pc.equal(batch.column("wave").cast(pa.string()), wave))
            out.extend(batch.filter(keep).drop_columns(["wave"]).to_pylist())
        return out

    async def place_names(self) -> dict[str, str]:
        """Every place: uid -> name."""
        return {r["uid"]: r["name"] for r in await self.store.read(q.OVERVIEW_PLACE_NAMES)}

    async def team_counts(self, organisations: Sequence[str] | None = None) -> list[Row]:
        """Per organisation (``organisation``), how many teams it has (``teams``); of ``organisations``
        only, when given."""
        if organisations is not None:
            return await self.store.read(q.OVERVIEW_TEAM_COUNTS_OF, uids=sorted(organisations))
        return await self.store.read(q.OVERVIEW_TEAM_COUNTS)

    async def team_ties_by_organisation(
        self, *, wave: str = "", organisations: Sequence[str] | None = None
    ) -> list[Row]:
        """Team ties summed per (``source``, ``target``) pair of the teams' organisations: ``ties``.
        ``organisations``: the pairs whose source is one of them only (any target)."""
        if organisations is not None:
            uids = sorted(organisations)
            if wave:
                return await self.store.read(q.OVERVIEW_TEAM_TIES_OF_WAVE, uids=uids, wave=wave)
            return await self.store.read(q.OVERVIEW_TEAM_TIES_OF, uids=uids)
        if wave:
            return await self.store.read(q.OVERVIEW_TEAM_TIES_WAVE, wave=wave)
        return await self.store.read(q.OVERVIEW_TEAM_TIES)

    async def organisation_ties(self, *, wave: str = "", organisations: Sequence[str] | None = None) -> list[Row]:
        """Ties recorded between organisations, per (``source``, ``target``) pair: ``ties``.
        ``organisations``: the pairs whose source is one of them only (any target)."""
        if organisations is not None:
            uids = sorted(organisations)
            if wave:
                return await self.store.read(q.OVERVIEW_ORGANISATION_TIES_OF_WAVE, uids=uids, wave=wave)
            return await self.store.read(q.OVERVIEW_ORGANISATION_TIES_OF, uids=uids)
        if wave:
            return await self.store.read(q.OVERVIEW_ORGANISATION_TIES_WAVE, wave=wave)
        return await self.store.read(q.OVERVIEW_ORGANISATION_TIES)
