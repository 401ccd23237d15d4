"""CSV and XLSX files in the template layout (and the raw rows other readers build on).

Rules for both: the first row is the header (column names as in the templates; case, spaces
and hyphens do not matter); a row whose first cell starts with ``#`` is a note and is skipped,
as are empty rows. CSV files must be UTF-8 (a byte-order mark is fine). Workbook cells must
hold values: a formula or a merged range is reported, never guessed at.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from carenet.errors import Problem
from carenet.interchange.kinds import Kind, kind_for_header, kind_for_name, normalise_header
from carenet.interchange.limits import DEFAULT, UNREADABLE_XLSX, Limits, merged_ranges, xlsx_problem
from carenet.interchange.records import Parsed, TableReader

csv.field_size_limit(2**31 - 1)  # cells are measured by csv_rows, which says where one is too long


def decode(path: Path, data: bytes, parsed: Parsed) -> str | None:
    """The text of a CSV file, or None (with a problem) when it is empty or not UTF-8."""
    if not data.strip():
        parsed.problems.append(Problem(f"{path.name}:1:1", "the file is empty", None))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = data.count(b",", line_start, exc.start) + 1  # the CSV column (quotes aside)
        byte = data[exc.start : exc.start + 1]
        parsed.problems.append(
            Problem(
                f"{path.name}:{line}:{column}",
                f"not UTF-8 text (byte {exc.start - line_start + 1} of the line); "
                "save the file as 'CSV UTF-8' (in Excel: Save As > CSV UTF-8)",
                f"byte 0x{byte.hex().upper()}",
            )
        )
        return None


def csv_rows(
    text: str, source: str | None = None, parsed: Parsed | None = None, limits: Limits = DEFAULT
) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of every row that is neither empty nor a ``#`` note.

    A cell longer than ``limits.cell_chars``, or text the CSV reader cannot split, ends the rows
    with a problem at its ``source:line:column`` in ``parsed`` (:class:`ValueError` without one)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            _stop(parsed, Problem(f"{source}:{start}:1", f"not CSV text the reader can split: {exc}", None))
            return
        line, start = start, reader.line_num + 1
        for column, cell in enumerate(cells, 1):
            if len(cell) > limits.cell_chars:
                _stop(
                    parsed,
                    Problem(
                        f"{source}:{line}:{column}",
                        f"a cell of {len(cell):,} characters; the limit is {limits.cell_chars:,}",
                        cell[:40] + "...",
                    ),
                )
                return
        if not cells or not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        yield line, cells


def _stop(parsed: Parsed | None, problem: Problem) -> None:
    if parsed is None:
        raise ValueError(f"{problem.location}: {problem.message}")
    if problem not in parsed.problems:
        parsed.problems.append(problem)


def read_template_csv(
    path: Path, text: str, parsed: Parsed, *, kind: Kind | None = None, limits: Limits = DEFAULT
) -> None:
    rows = csv_rows(text, path.name, parsed, limits)
    first = next(rows, None)
    if first is None:
        parsed.problems.append(Problem(f"{path.name}:1:1", "the file has no header row", None))
        return
    line, header = first
    kind = kind or kind_for_name(path.stem) or kind_for_header([normalise_header(h) for h in header])
    if kind is None:
        parsed.problems.append(
            Problem(
                f"{path.name}:{line}:1",
                "cannot tell which template this file follows: name it after the template "
                "(e.g. organisations.csv) or use the template's header",
                path.name,
            )
        )
        return
    TableReader(kind, path.name, header, parsed, header_line=line).rows(rows)


# --- XLSX -----------------------------------------------------------------------------------


def _sheet_rows(ws, source: str, parsed: Parsed, limits: Limits) -> Iterator[tuple[int, list[Any]]]:
    for row, cells in enumerate(ws.iter_rows(), 1):
        values = []
        for column, cell in enumerate(cells, 1):
            value = cell.value
            if getattr(cell, "data_type", None) == "f" or (isinstance(value, str) and value.startswith("=")):
                parsed.problems.append(
                    Problem(
                        f"{source}:{row}:{column}",
                        "a formula: carenet imports values only (copy the column, Paste Special > Values)",
                        value if len(value) <= 200 else value[:200] + "...",
                    )
                )
                value = None
            elif isinstance(value, str) and len(value) > limits.cell_chars:
                parsed.problems.append(
                    Problem(
                        f"{source}:{row}:{column}",
                        f"a cell of {len(value):,} characters; the limit is {limits.cell_chars:,}",
                        value[:40] + "...",
                    )
                )
                value = None
            values.append(value)
        if not values or all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        if isinstance(values[0], str) and values[0].lstrip().startswith("#"):
            continue
        yield row, values


def read_xlsx(path: Path, parsed: Parsed, limits: Limits = DEFAULT) -> None:
    """Every sheet named after a template kind; a ``README`` sheet and empty sheets are skipped.

    The zip directory is checked against ``limits`` first (a zip bomb is refused unread); then
    the workbook is read in openpyxl's read-only mode, a row at a time."""
    from openpyxl import load_workbook
    from openpyxl.utils.cell import range_boundaries

    problem = xlsx_problem(path, limits)
    if problem is not None:
        parsed.problems.append(problem)
        return
    try:
        merged = merged_ranges(path)
        wb = load_workbook(path, read_only=True, data_only=False)
    except UNREADABLE_XLSX as exc:
        parsed.problems.append(Problem(f"{path.name}:1:1", f"not a readable .xlsx workbook ({exc})", None))
        return
    try:
        for ws in wb.worksheets:
            source = f"{path.name}[{ws.title}]"
            if ws.title.strip().lower() in ("readme", "read me", "notes", "lists"):
                continue
            for ref in merged.get(ws.title, ()):
                min_col, min_row, _, _ = range_boundaries(ref)
                parsed.problems.append(
                    Problem(
                        f"{source}:{min_row}:{min_col}",
                        f"merged cells {ref}: unmerge them and fill every cell",
                        None,
                    )
                )
            rows = _sheet_rows(ws, source, parsed, limits)
            first = next(rows, None)
            if first is None:
                continue
            line, header = first
            kind = kind_for_name(ws.title) or kind_for_header([normalise_header(h) for h in header])
            if kind is None:
                parsed.problems.append(
                    Problem(
                        f"{source}:{line}:1", "sheet name is not a template kind (e.g. organisations, teams)", ws.title
                    )
                )
                continue
            TableReader(kind, source, header, parsed, header_line=line).rows(rows)
    except UNREADABLE_XLSX as exc:
        parsed.problems.append(Problem(f"{path.name}:1:1", f"not a readable .xlsx workbook ({exc})", None))
    finally:
        wb.close()
