"""Rows of a bulk write, kept as the models they come from until a store asks for them.

A bulk load used to turn every model into a dict (``model_dump``) and LadybugDB's store then
turned the dicts into an Arrow table: on the 42-system demo (1,208,593 rows) 2.5 s and 1.7 s of
a 30 s load. :class:`ModelRows` skips both for a store that takes columns: :meth:`arrow` reads
each column straight off the models. It is still a sequence of dicts (built on demand) for
everything that takes rows: the Neo4j driver through :func:`carenet.storage.params.plain`,
recordings in tests, benchmarks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, overload

import pyarrow as pa
from pydantic import BaseModel


class ModelRows(Sequence[dict[str, Any]]):
    """``models`` as rows of their fields, less the names in ``skip``."""

    __slots__ = ("models", "skip")

    def __init__(self, models: Sequence[BaseModel], skip: tuple[str, ...] = ()) -> None:
        self.models = list(models)
        self.skip = skip

    def __len__(self) -> int:
        return len(self.models)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> ModelRows: ...
    def __getitem__(self, index):
        if isinstance(index, slice):
            return ModelRows(self.models[index], self.skip)
        return self._row(self.models[index])

    def __iter__(self):
        return (self._row(model) for model in self.models)

    def _row(self, model: BaseModel) -> dict[str, Any]:
        """What ``model.model_dump()`` gives for these flat models (a test checks every kind):
        the validated values pydantic keeps, less ``skip``."""
        values = dict(model.__dict__)
        for name in self.skip:
            values.pop(name, None)
        return values

    def arrow(self, schema: pa.Schema) -> pa.Table:
        """The rows as a table of ``schema``'s columns, read column by column off the models."""
        columns = [pa.array([getattr(m, f.name, None) for m in self.models], type=f.type) for f in schema]
        return pa.Table.from_arrays(columns, schema=schema)
