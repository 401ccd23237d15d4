"""Pages of nodes for the API's root connections: filter, order, keyset cursors, counts.

A filter is a tree (``Where``) of field conditions joined by AND, OR and NOT. It is brought to
disjunctive normal form (at most ``SLOTS`` alternatives) and sent as the fixed parameters of a
fixed query (:meth:`~carenet.storage.repository.Repository.page_nodes`); the count is a ``count()``
of the same filter, run only when asked for.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import Any

from carenet.domain.text import sort_key
from carenet.errors import InvalidInput, Problem
from carenet.services import cursors
from carenet.services.filters import given
from carenet.storage.access.pages import BLANK_KEYS as _BLANK
from carenet.storage.access.pages import MAX_ALTERNATIVES, MAX_VALUES, SORT_KEYS
from carenet.storage.access.pages import filter_params as _params
from carenet.storage.repository import Repository

DEFAULT_PAGE = 50
MAX_PAGE = 500


@dataclass(frozen=True)
class Cond:
    """One condition: ``values`` (membership), ``contains``/``starts`` (name), or ``date`` (active at).

    None is a part not given (an empty ``contains``/``starts`` is read as None, as in
    :mod:`carenet.services.filters`)."""

    field: str
    values: tuple[str, ...] = ()
    contains: str | None = None
    starts: str | None = None
    date: dt.date | None = None
    negated: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "contains", given(self.contains))
        object.__setattr__(self, "starts", given(self.starts))

    def negate(self) -> Cond:
        return Cond(self.field, self.values, self.contains, self.starts, self.date, not self.negated)


@dataclass
class Where:
    conds: list[Cond] = field(default_factory=list)
    all_of: list[Where] = field(default_factory=list)
    any_of: list[Where] | None = None
    none_of: Where | None = None


Conj = tuple[Cond, ...]


def _product(a: list[Conj], b: list[Conj]) -> list[Conj]:
    out = [x + y for x, y in itertools.product(a, b)]
    if len(out) > 4 * MAX_ALTERNATIVES:
        raise InvalidInput(
            [Problem("where", f"the filter expands to more than {MAX_ALTERNATIVES} alternatives (OR branches)")]
        )
    return out


def dnf(w: Where) -> list[Conj]:
    result: list[Conj] = [tuple(w.conds)]
    for item in w.all_of:
        result = _product(result, dnf(item))
    if w.any_of is not None:
        result = _product(result, [c for item in w.any_of for c in dnf(item)])
    if w.none_of is not None:
        negated: list[Conj] = [()]
        for conj in dnf(w.none_of):
            negated = _product(negated, [(c.negate(),) for c in conj] or [])
        result = _product(result, negated)
    return result


def filter_params(label: str, where: Where | None) -> dict[str, Any]:
    """The fixed query parameters ``where`` becomes (what the repository sends; for tests)."""
    return _params(label, dnf(where) if where is not None else None)


def _unfiltered(where: Where | None) -> bool:
    return where is None or dnf(where) == [()]


def uid_only(where: Where | None) -> set[str] | None:
    """The uids a filter allows when it is nothing but uid conditions (no OR, no NOT); else None."""
    if where is None:
        return None
    conjs = dnf(where)
    if len(conjs) != 1 or not conjs[0] or any(c.field != "uid" or c.negated or not c.values for c in conjs[0]):
        return None
    allowed = set.intersection(*(set(c.values) for c in conjs[0]))
    return allowed if len(allowed) <= MAX_VALUES else None


_ROW_KEYS = {
    "uid": "uid",
    "name": "name",
    "betweenness": "betweenness",
    "brokerage": "brokerage",
    "constraint": "constraint",
}


def _row_key(row: dict[str, Any], order_by: str) -> Any:
    value = row.get(_ROW_KEYS[order_by])
    if value is None:
        return _BLANK[order_by] if order_by in ("uid", "name") else -1.0
    return sort_key(value) if order_by == "name" else value  # the key the stores order by


async def _by_uids(
    repo, label: str, uids: set[str], order_by: str, desc: bool, after: tuple | None, limit: int
) -> list:
    """Nodes by uid (an index look-up), in keyset order after ``after`` = (key, uid), at most ``limit``."""
    rows = await repo.nodes_by_uids(label, uids)
    for row in rows:
        row["sort_key"] = _row_key(row, order_by)
    rows.sort(key=lambda r: (r["sort_key"], r["uid"]), reverse=desc)
    if after is not None:
        mark = (after[0], after[1])
        rows = [r for r in rows if ((r["sort_key"], r["uid"]) < mark if desc else (r["sort_key"], r["uid"]) > mark)]
    return rows[:limit]


@dataclass
class Page:
    rows: list[dict[str, Any]]
    cursors: list[str]
    has_next: bool
    has_previous: bool


async def page(
    repo: Repository,
    *,
    label: str,
    where: Where | None = None,
    order_by: str = "uid",
    descending: bool = False,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> Page:
    """One page in ``order_by`` order (uid breaks ties), after/before a keyset cursor."""
    problems = []
    if first is not None and last is not None:
        problems.append(Problem("last", "give first or last, not both"))
    size = last if last is not None else (first if first is not None else DEFAULT_PAGE)
    if not 0 <= size <= MAX_PAGE:
        problems.append(Problem("last" if last is not None else "first", f"must be between 0 and {MAX_PAGE}", size))
    if order_by not in SORT_KEYS[label]:
        problems.append(Problem("orderBy", f"{label} cannot be ordered by {order_by}"))
    if problems:
        raise InvalidInput(problems)
    backward = last is not None
    cursor = before if backward else after
    k, u = cursors.decode(cursor, order_by, "before" if backward else "after") if cursor else (_BLANK[order_by], "")
    desc = descending != backward
    uids = uid_only(where)
    if uids is not None and order_by in _ROW_KEYS:  # a look-up by key, ordered here
        rows = await _by_uids(repo, label, uids, order_by, desc, None if cursor is None else (k, u), size + 1)
    else:
        rows = await repo.page_nodes(
            label,
            where=None if _unfiltered(where) else dnf(where),
            order_by=order_by,
            descending=desc,
            after=None if cursor is None else (k, u),
            limit=size + 1,
        )
    more = len(rows) > size
    rows = rows[:size]
    if backward:
        rows.reverse()
    marks = [cursors.encode(order_by, r.pop("sort_key"), r["uid"]) for r in rows]
    return Page(
        rows,
        marks,
        has_next=more if not backward else cursor is not None,
        has_previous=more if backward else cursor is not None,
    )


async def count(repo: Repository, *, label: str, where: Where | None = None) -> int:
    uids = uid_only(where)
    if uids is not None:
        return len(await repo.nodes_by_uids(label, uids))
    return await repo.count_nodes(label, where=None if _unfiltered(where) else dnf(where))
