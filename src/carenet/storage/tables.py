"""Bulk rows held as Arrow tables (a column-at-a-time import): the repository's steps on them.

Each step does for a table what :class:`~carenet.storage.repository.Repository` does model by
model: find the label of each relationship end, split a table by the label pair its rows join,
keep the last row of a uid given twice, and cut a table into statements.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from carenet.storage.rows import TableRows


def end_labels(uids: pa.ChunkedArray, allowed: tuple[str, ...], members: Callable[[str], pa.Array]) -> pa.Array:
    """The label of each uid among ``allowed`` (``members(label)``: the uids it holds); null
    where no label or more than one holds the uid."""
    label = pa.nulls(len(uids), pa.string())
    hits = None
    for name in allowed:
        held = pc.is_in(uids, value_set=members(name))
        label = pc.if_else(held, pa.scalar(name), label)
        count = pc.cast(held, pa.int8())
        hits = count if hits is None else pc.add(hits, count)
    if hits is None:
        return label
    return pc.if_else(pc.equal(hits, 1), label, pa.scalar(None, pa.string()))


def concat(tables: list[pa.Table]) -> pa.Table:
    """Tables of one model class as one (a column one lacks is null there)."""
    return tables[0] if len(tables) == 1 else pa.concat_tables(tables, promote_options="default")


def last_by_uid(table: pa.Table) -> pa.Table:
    """``table`` with one row per uid: the last (as the models' writes keep the last)."""
    if len(pc.unique(table["uid"])) == table.num_rows:  # (unique: a third of count_distinct's time)
        return table
    last = {uid: i for i, uid in enumerate(table["uid"].to_pylist())}
    return table.take(sorted(last.values()))


def params(chunk: pa.Table, key: str, created: pa.Array | None, *, name_keys: bool = False) -> dict[str, Any]:
    """A table chunk's parameters: ``fresh`` when every ``key`` (a node's uid, a relationship's
    source) is a node the change set creates (``created``; None: not known). ``name_keys``: the
    rows carry the properties stored from ``name`` (:mod:`carenet.domain.text`)."""
    params: dict[str, Any] = {"rows": TableRows(chunk, name_keys=name_keys)}
    if created is not None and pc.all(pc.is_in(chunk[key], value_set=created)).as_py():
        params["fresh"] = True
    return params


def chunks(table: pa.Table, rows: int) -> Iterator[pa.Table]:
    for start in range(0, table.num_rows, rows):
        yield table.slice(start, rows)


def split_by_ends(
    table: pa.Table,
    sources: tuple[str, ...],
    targets: tuple[str, ...],
    pairs: list[tuple[str, str]],
    members: Callable[[str], pa.Array],
) -> tuple[list[tuple[tuple[str, str], pa.Table]], list[int]]:
    """``table``'s rows by the (source, target) label pair of ``pairs`` they join, and the rows
    that join none (no node, or more than one label, at an end; or a pair not allowed)."""
    parts: list[tuple[tuple[str, str], pa.Table]] = []
    masks: list[pa.Array] = []
    covered = 0
    if pairs:
        ends = {
            end: end_labels(table[end], allowed, members) for end, allowed in (("source", sources), ("target", targets))
        }
        for source, target in pairs:
            mask = pc.fill_null(pc.and_(pc.equal(ends["source"], source), pc.equal(ends["target"], target)), False)
            hits = pc.sum(mask).as_py() or 0
            if hits:
                parts.append(((source, target), table if hits == table.num_rows else table.filter(mask)))
                masks.append(mask)
                covered += hits
    if covered == table.num_rows:  # a row's ends fit one pair at most
        return parts, []
    joined = functools.reduce(pc.or_, masks) if masks else pa.nulls(table.num_rows, pa.bool_())
    return parts, pc.indices_nonzero(pc.invert(pc.fill_null(joined, False))).to_pylist()
