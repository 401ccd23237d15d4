"""Pages, counts and related nodes for the API's connections (queries in
:mod:`carenet.storage.queries.connections` and :mod:`carenet.storage.queries.pages`).

A filter reaches the store as alternatives (an OR of ANDs of :class:`Condition`); each fills one of
the fixed query's ``SLOTS`` with fixed parameters, never Cypher built from input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from carenet.domain.text import fold
from carenet.errors import InvalidInput, Problem
from carenet.storage.queries import connections as q
from carenet.storage.queries import mutations as mq
from carenet.storage.queries import pages as fast
from carenet.storage.store import GraphStore, Row

MAX_ALTERNATIVES = q.SLOTS
"""OR branches a filter may expand to."""
SORT_KEYS: dict[str, dict[str, str]] = q.SORT_KEYS
"""Per label, the orders a page may be read in."""
BLANK_KEYS: dict[str, Any] = {
    "uid": "",
    "name": "",
    "degree": 0,
    "betweenness": 0.0,
    "brokerage": 0.0,
    "constraint": 0.0,
}
"""Per order, the key a first page starts after (and a missing value sorts as)."""
MAX_VALUES = 1000
_UNUSED = "(unused)"
"""The one element of a list parameter switched off by its boolean (LadybugDB rejects empty lists)."""


class Condition(Protocol):
    """One condition of a filter: ``values`` (membership), ``contains``/``starts`` (name), or ``date``."""

    field: str
    values: tuple[str, ...]
    contains: str
    starts: str
    date: dt.date | None
    negated: bool


Alternatives = Sequence[Sequence[Condition]]
"""A filter in disjunctive normal form: the node passes when it meets every condition of one alternative."""

_RELATED = {
    "organisation_of_team": fast.RELATED_ORGANISATION_OF_TEAMS,
    "places_of_team": fast.RELATED_PLACES_OF_TEAMS,
    "ties_of_team": fast.RELATED_TIES_OF_TEAMS,
    "places_of_organisation": fast.RELATED_PLACES_OF_ORGANISATIONS,
    "teams_of_organisation": fast.RELATED_TEAMS_OF_ORGANISATIONS,
    "ties_of_organisation": fast.RELATED_TIES_OF_ORGANISATIONS,
    "system_of_place": fast.RELATED_SYSTEM_OF_PLACES,
    "teams_of_person": fast.RELATED_TEAMS_OF_PEOPLE,
}
RELATIONS = tuple(_RELATED)
_COUNT_CELLS = {
    "Team": mq.COUNT_CELLS_TEAM,
    "Organisation": mq.COUNT_CELLS_ORGANISATION,
    "Person": mq.COUNT_CELLS_PERSON,
}


def _slot_params(label: str, slot: int, conj: Sequence[Condition] | None, problems: list[Problem]) -> dict[str, Any]:
    params: dict[str, Any] = {f"c{slot}_on": conj is not None}
    for f in q.FIELDS[label]:
        mine = [c for c in conj or () if c.field == f.name]
        for negated in (False, True):
            p = f"c{slot}_{'not_' if negated else ''}{f.name}"
            these = [c for c in mine if c.negated is negated]
            if f.kind == "date":
                if negated:
                    if these:
                        problems.append(Problem(f"where.{f.name}", "NOT is not supported on activeAt"))
                    continue
                dates = {c.date for c in these}
                if len(dates) > 1:
                    problems.append(Problem(f"where.{f.name}", "two different dates in one alternative"))
                params[p + "_on"], params[p] = bool(dates), (dates.pop() if dates else dt.date.today())
            elif f.kind == "text":
                if negated and len(these) > 1:
                    problems.append(Problem(f"where.{f.name}", "at most one negated name condition per alternative"))
                # Terms are folded as the stored name_fold is (carenet.domain.text), never by a store.
                # '' is in every name: it adds no condition (and would match nothing on LadybugDB)
                contains = [t for t in (fold(c.contains) for c in these if c.contains) if t]
                starts = [t for t in (fold(c.starts) for c in these if c.starts) if t]
                params[p + "_on"] = bool(these)
                params[p + "_contains_used"], params[p + "_contains"] = bool(contains), contains or [_UNUSED]
                params[p + "_starts_used"], params[p + "_starts"] = bool(starts), starts or [_UNUSED]
            else:
                sets = [set(c.values) for c in these]
                values = set.intersection(*sets) if sets and not negated else set().union(*sets)
                if not negated and sets and not values:
                    params[f"c{slot}_on"] = False  # no value satisfies every condition
                if len(values) > MAX_VALUES:
                    problems.append(Problem(f"where.{f.name}", f"at most {MAX_VALUES} values"))
                # on only with values: NOT {in: []} excludes nothing, and the sentinel is never compared
                # (a sentinel '' would have matched every empty service)
                params[p + "_on"], params[p] = bool(values), sorted(values) or [_UNUSED]
    return params


def filter_params(label: str, alternatives: Alternatives | None) -> dict[str, Any]:
    """The fixed parameters of ``label``'s filtered queries for ``alternatives`` (None: no filter).
    Raises :class:`InvalidInput` for a filter the queries cannot express."""
    conjs = list(alternatives) if alternatives is not None else [()]
    if len(conjs) > q.SLOTS:
        raise InvalidInput([Problem("where", f"the filter expands to more than {q.SLOTS} alternatives (OR branches)")])
    problems: list[Problem] = []
    params: dict[str, Any] = {}
    for slot in range(q.SLOTS):
        params.update(_slot_params(label, slot, conjs[slot] if slot < len(conjs) else None, problems))
    if problems:
        raise InvalidInput(problems)
    return params


def _unfiltered(alternatives: Alternatives | None) -> bool:
    return alternatives is None or [tuple(c) for c in alternatives] == [()]


class PageReads:
    store: GraphStore

    async def nodes_by_uids(self, label: str, uids: Iterable[str]) -> list[Row]:
        """The page rows of the ``label`` nodes keyed by ``uids`` (those that exist), in no set order."""
        return await self.store.read(fast.BY_UIDS[label], uids=sorted(uids))

    async def page_nodes(
        self,
        label: str,
        *,
        where: Alternatives | None = None,
        order_by: str = "uid",
        descending: bool = False,
        after: tuple[Any, str] | None = None,
        limit: int,
    ) -> list[Row]:
        """Up to ``limit`` page rows of ``label`` nodes that pass ``where``, in ``order_by`` order
        (uid breaks ties; each row's ``sort_key`` is its key), after the keyset ``after`` = (key, uid)."""
        k, u = after if after is not None else (BLANK_KEYS[order_by], "")
        if _unfiltered(where) and order_by == "uid":
            query = fast.UNFILTERED[f"{label}:{'desc' if descending else 'asc'}"]
            return await self.store.read(query, from_start=after is None, u=u, limit=limit)
        query = q.PAGES[f"{label}:{order_by}:{'desc' if descending else 'asc'}"]
        params = filter_params(label, where)
        return await self.store.read(query, **params, from_start=after is None, k=k, u=u, limit=limit)

    async def count_nodes(self, label: str, *, where: Alternatives | None = None) -> int:
        """How many ``label`` nodes pass ``where``."""
        if _unfiltered(where):
            rows = await self.store.read(fast.COUNT_ALL[label])
        else:
            rows = await self.store.read(q.COUNTS[label], **filter_params(label, where))
        return int(rows[0]["total"]) if rows else 0

    async def count_cells(self, label: str, *, where: Alternatives | None = None) -> list[Row]:
        """Counts of ``label`` nodes passing ``where`` per (sector, kind, level, place, system) cell."""
        return await self.store.read(_COUNT_CELLS[label], **filter_params(label, where))

    async def related(self, relation: str, uids: Sequence[str]) -> list[Row]:
        """The rows of the nodes related to ``uids`` by ``relation`` (one of :data:`RELATIONS`), each
        with ``key``: the uid it is related to."""
        return await self.store.read(_RELATED[relation], uids=list(dict.fromkeys(uids)))
