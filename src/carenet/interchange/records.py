"""What a file reader returns: models, where each came from, and every problem found.

A *source* is a file, or one sheet of a workbook (``book.xlsx[teams]``). An *origin* is
``source:line``; :meth:`Parsed.locate` turns an origin and a model field into
``source:line:column`` (columns numbered from 1).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from carenet.domain import models as m
from carenet.domain.models import rule_field
from carenet.errors import Problem
from carenet.interchange.columnar import Frame
from carenet.interchange.kinds import CellError, Kind, convert, normalise_header

Model = m.Node | m.Relationship


@dataclass
class Parsed:
    items: list[tuple[Model, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    columns: dict[str, dict[str, int]] = field(default_factory=dict)
    """source -> column name -> column number."""
    fields: dict[str, Mapping[str, str]] = field(default_factory=dict)
    """source -> model field -> column name, where they differ."""
    rows: int = 0
    ends: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """item index -> the columns a relationship's source and target came from."""
    frames: list[Frame] = field(default_factory=list)
    """Rows read a column at a time (:mod:`carenet.interchange.columnar`): no problems, no origins."""
    rejected: dict[str, list[str]] = field(default_factory=dict)
    """uid -> ``source:line`` of each row with that uid that has errors (so a row that refers to it
    can say why it is missing, not only that it is)."""
    ods_anchors: dict[int, tuple[str, str]] = field(default_factory=dict)
    """item index -> (ODS code, ``source:line:column``) of a culture indicator anchored by ODS code:
    the import re-anchors it on the organisation holding the code."""

    def extend(self, other: Parsed) -> None:
        offset = len(self.items)
        self.ends.update({offset + i: cols for i, cols in other.ends.items()})
        self.ods_anchors.update({offset + i: code for i, code in other.ods_anchors.items()})
        self.items += other.items
        self.frames += other.frames
        self.problems += other.problems
        for uid, where in other.rejected.items():
            self.rejected.setdefault(uid, []).extend(where)
        self.columns.update(other.columns)
        self.fields.update(other.fields)
        self.rows += other.rows

    def locate(self, origin: str, name: str | None = None) -> str:
        """``source:line:column`` for a model field (or column name) of the row at ``origin``."""
        source = origin.rsplit(":", 1)[0]
        columns = self.columns.get(source)
        if columns is None:  # not a table (JSON paths)
            return f"{origin}.{name}" if name else origin
        column = self.fields.get(source, {}).get(name, name) if name else None
        return f"{origin}:{columns.get(column, 1)}"


def _message(error: dict[str, Any]) -> str:
    text = error.get("msg", "invalid")
    return text.removeprefix("Value error, ")


class TableReader:
    """Check a header, then turn rows into models, collecting every problem."""

    def __init__(self, kind: Kind, source: str, header: list[Any], parsed: Parsed, *, header_line: int = 1) -> None:
        self.kind = kind
        self.source = source
        self.parsed = parsed
        self.names = [normalise_header(h) for h in header]
        self.ok = True
        known = set(kind.names)
        positions: dict[str, int] = {}
        for i, name in enumerate(self.names, start=1):
            if not name:
                continue
            if name not in known:
                self._problem(
                    header_line,
                    i,
                    f"unknown column for {kind.name}; the columns are: {', '.join(kind.names)}",
                    header[i - 1],
                )
                self.ok = False
            elif name in positions:
                self._problem(
                    header_line, i, f"column {name!r} appears twice (first in column {positions[name]})", header[i - 1]
                )
                self.ok = False
            else:
                positions[name] = i
        for name in kind.required:
            if name not in positions:
                self._problem(header_line, 1, f"missing required column {name!r} for {kind.name}", None)
                self.ok = False
        parsed.columns[source] = positions
        parsed.fields[source] = kind.fields
        self.positions = positions
        self.spec = [(i, kind.column(name)) for name, i in positions.items()]

    def _problem(self, line: int, column: int, message: str, value: object) -> None:
        self.parsed.problems.append(Problem(f"{self.source}:{line}:{column}", message, value))

    def rows(self, rows: Iterable[tuple[int, list[Any]]]) -> None:
        if not self.ok:
            return
        kind, parsed, width = self.kind, self.parsed, len(self.names)
        items = parsed.items
        for line, cells in rows:
            parsed.rows += 1
            if len(cells) > width and any(c not in (None, "") for c in cells[width:]):
                self._problem(line, width + 1, "a value beyond the last column of the header", cells[width])
                continue
            row: dict[str, Any] = {}
            bad = False
            for i, column in self.spec:
                raw = cells[i - 1] if i <= len(cells) else None
                try:
                    row[column.name] = convert(column, raw)
                except CellError as exc:
                    self._problem(line, i, f"{column.name}: {exc}", exc.value)
                    bad = True
                    continue
                if row[column.name] is None and column.required:
                    self._problem(line, i, f"{column.name}: a value is required", None)
                    bad = True
            if bad:
                self._rejected(line, cells)
                continue
            try:
                built = kind.build(row)
            except ValidationError as exc:
                self._rejected(line, cells)
                for error in exc.errors(include_url=False):
                    loc = error.get("loc") or ()
                    message = _message(error)
                    where, column = self._where(line, str(loc[0]) if loc else None, message)
                    value = error.get("input")
                    value = None if isinstance(value, dict) else value
                    named = column and message.startswith(f"{column}: ")  # a rule that names its column
                    parsed.problems.append(
                        Problem(
                            where,
                            f"{column}: {message}" if column and not named else message,
                            row.get(column) if named else value,
                        )
                    )
                continue
            origin = f"{self.source}:{line}"
            for model, columns in built:
                if len(columns) == 2:
                    parsed.ends[len(items)] = columns
                items.append((model, origin))

    def _rejected(self, line: int, cells: list[Any]) -> None:
        at = self.positions.get("uid")
        raw = cells[at - 1] if at is not None and at <= len(cells) else None
        if raw not in (None, "") and str(raw).strip():
            self.parsed.rejected.setdefault(str(raw).strip(), []).append(f"{self.source}:{line}")

    def _where(self, line: int, name: str | None, message: str) -> tuple[str, str | None]:
        column = self.kind.fields.get(name, name) if name else None
        if column is None:  # a rule across fields: the column it starts with, else the first it names
            lead = rule_field(message)
            if lead is not None and self.kind.fields.get(lead, lead) in self.kind.names:
                column = self.kind.fields.get(lead, lead)
                return f"{self.source}:{line}:{self.positions.get(column, 1)}", column
            hints = {"ODS code": "ods_code", "PCN code": "ods_code"}
            column = next((c for h, c in hints.items() if h in message), None)
            column = column or next((c for c in self.positions if c in message), None)
        return f"{self.source}:{line}:{self.positions.get(column, 1)}", column
