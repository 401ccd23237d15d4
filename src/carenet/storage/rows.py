"""Rows of a bulk write, kept as the models (or the Arrow table) they come from until a store asks for them.

A bulk load used to turn every model into a dict (``model_dump``) and LadybugDB's store then
turned the dicts into an Arrow table: on the 42-system demo the two took about a seventh of the
load (measured by ``benchmarks/load.py``, which loads it through the repository).
:class:`ModelRows` skips both for a store that takes columns: :meth:`arrow` reads each column
straight off the models. It is still a sequence of dicts (built on demand) for
everything that takes rows: the Neo4j driver through :func:`carenet.storage.params.plain`,
recordings in tests, benchmarks.

:class:`TableRows` is the same for rows that come as an Arrow table (a column-at-a-time import
reads files straight into tables: :class:`ModelTable`); its columns are model fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, overload

import pyarrow as pa
from pydantic import BaseModel

from carenet.domain.text import NAME_KEYS, name_keys


def with_name_keys(table: pa.Table) -> pa.Table:
    """``table`` with the properties stored from its ``name`` column (:data:`NAME_KEYS`; None for
    a missing name), in place of any it had."""
    names = table["name"].to_pylist() if "name" in table.column_names else [None] * table.num_rows
    keys = [name_keys(name) for name in names]
    table = table.drop_columns([k for k in NAME_KEYS if k in table.column_names])
    for key in NAME_KEYS:
        table = table.append_column(key, pa.array([row[key] for row in keys], pa.string()))
    return table


class BulkRows(Sequence[dict[str, Any]]):
    """Rows a store may take as dicts (iterate) or as one Arrow table (:meth:`arrow`)."""

    __slots__ = ()

    def arrow(self, schema: pa.Schema) -> pa.Table:
        raise NotImplementedError


class ModelRows(BulkRows):
    """``models`` as rows of their fields, less the names in ``skip``; with ``name_keys``, also
    the properties stored from each ``name`` (:data:`carenet.domain.text.NAME_KEYS`)."""

    __slots__ = ("models", "skip", "name_keys")

    def __init__(self, models: Sequence[BaseModel], skip: tuple[str, ...] = (), *, name_keys: bool = False) -> None:
        self.models = list(models)
        self.skip = skip
        self.name_keys = name_keys

    def __len__(self) -> int:
        return len(self.models)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> ModelRows: ...
    def __getitem__(self, index):
        if isinstance(index, slice):
            return ModelRows(self.models[index], self.skip, name_keys=self.name_keys)
        return self._row(self.models[index])

    def __iter__(self):
        return (self._row(model) for model in self.models)

    def _row(self, model: BaseModel) -> dict[str, Any]:
        """What ``model.model_dump()`` gives for these flat models (a test checks every kind):
        the validated values pydantic keeps, less ``skip``."""
        values = dict(model.__dict__)
        for name in self.skip:
            values.pop(name, None)
        if self.name_keys:
            values.update(name_keys(values.get("name")))
        return values

    def arrow(self, schema: pa.Schema) -> pa.Table:
        """The rows as a table of ``schema``'s columns, read column by column off the models."""
        derived: dict[str, list] = {}
        if self.name_keys:
            keys = [name_keys(getattr(m, "name", None)) for m in self.models]
            derived = {k: [row[k] for row in keys] for k in NAME_KEYS}
        columns = [
            pa.array(
                derived[f.name] if f.name in derived else [getattr(m, f.name, None) for m in self.models], type=f.type
            )
            for f in schema
        ]
        return pa.Table.from_arrays(columns, schema=schema)


class TableRows(BulkRows):
    """The rows of ``table`` (a column per model field), less the columns in ``skip``; with
    ``name_keys``, plus the properties stored from its ``name`` column (as :class:`ModelRows`),
    unless the table has them already (an upload's reading process computes them,
    :func:`carenet.services.reading.with_name_keys`)."""

    __slots__ = ("table",)

    def __init__(self, table: pa.Table, skip: tuple[str, ...] = (), *, name_keys: bool = False) -> None:
        self.table = table.drop_columns([c for c in skip if c in table.column_names])
        if name_keys and not set(NAME_KEYS) <= set(self.table.column_names):
            self.table = with_name_keys(self.table)

    def __len__(self) -> int:
        return self.table.num_rows

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> TableRows: ...
    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return TableRows(self.table.take(list(range(start, stop, step))))
            return TableRows(self.table.slice(start, max(stop - start, 0)))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.table.slice(index, 1).to_pylist()[0]

    def __iter__(self):
        return iter(self.table.to_pylist())

    def arrow(self, schema: pa.Schema) -> pa.Table:
        """The rows as a table of ``schema``'s columns; a column the table lacks is null, as a
        model field left at None would be."""
        n = self.table.num_rows
        names = set(self.table.column_names)
        columns = [self.table[f.name].cast(f.type) if f.name in names else pa.nulls(n, f.type) for f in schema]
        return pa.Table.from_arrays(columns, schema=schema)


@dataclass
class ModelTable:
    """Rows of one model class held as an Arrow table, a column per model field given.

    For relationships, ``source_label`` and ``target_label`` are the labels of every row's ends
    (filled in by ``Repository.resolve_endpoints``, which splits a table whose rows join
    different label pairs). ``origin`` names where the rows came from (a file).
    """

    model: type[BaseModel]
    table: pa.Table
    origin: str | None = None
    source_label: str | None = None
    target_label: str | None = None

    @property
    def label(self) -> str:
        """The node label or relationship type of the rows."""
        return getattr(self.model, "label", None) or self.model.type

    @property
    def is_node(self) -> bool:
        return hasattr(self.model, "label")

    def __len__(self) -> int:
        return self.table.num_rows
