"""Tables of metrics for spreadsheets, R and Power BI: CSV, Parquet and JSON.

A table is a list of rows (dicts with the same keys). A column that mixes numbers and text
(a suppressed count, ``"*"``) is written as text in every format, so Parquet gets one type.
In CSV, text that a spreadsheet would run as a formula gets a leading ``'``
(:mod:`carenet.interchange.formulas`); Parquet and JSON keep the exact text.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from carenet.interchange.formulas import neutralise
from carenet.interchange.streams import json_pieces

FORMATS = {
    "csv": ("text/csv; charset=utf-8", ".csv"),
    "parquet": ("application/vnd.apache.parquet", ".parquet"),
    "json": ("application/json", ".json"),
}


def _columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(k for row in rows for k in row))


def _normalised(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    columns = _columns(rows)
    textual = {
        c
        for c in columns
        if any(isinstance(r.get(c), str) for r in rows)
        and any(isinstance(r.get(c), (int, float)) and not isinstance(r.get(c), bool) for r in rows)
    }
    out = []
    for row in rows:
        clean = {}
        for c in columns:
            v = row.get(c)
            if isinstance(v, float) and not math.isfinite(v):
                v = None
            if c in textual and v is not None:
                v = str(v)
            clean[c] = v
        out.append(clean)
    return out


def chunks(rows: Sequence[dict[str, Any]], fmt: str) -> Iterator[bytes]:
    if fmt == "csv":  # only text as given: a number written as text for its column stays a number to read
        rows = [{k: neutralise(v) for k, v in row.items()} for row in rows]
    rows = _normalised(rows)
    if fmt == "csv":
        columns = _columns(rows)
        buf = io.StringIO()
        # CRLF as RFC 4180 says: the writer quotes a cell holding any character of the line
        # terminator, so a carriage return inside a name cannot start a row of its own
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        for i, row in enumerate(rows, 1):
            writer.writerow(row)
            if i % 5000 == 0:
                yield buf.getvalue().encode("utf-8")
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue().encode("utf-8")
    elif fmt == "json":
        for piece in json_pieces(rows):
            yield piece.encode("utf-8")
    elif fmt == "parquet":
        sink = io.BytesIO()
        pq.write_table(pa.Table.from_pylist(rows), sink)
        data = sink.getvalue()
        for start in range(0, len(data), 1 << 20):
            yield data[start : start + (1 << 20)]
    else:
        raise ValueError(f"unknown table format {fmt!r}; one of {', '.join(FORMATS)}")


def write(rows: Sequence[dict[str, Any]], fmt: str, path: Path) -> int:
    size = 0
    with open(path, "wb") as f:
        for chunk in chunks(rows, fmt):
            f.write(chunk)
            size += len(chunk)
    return size
