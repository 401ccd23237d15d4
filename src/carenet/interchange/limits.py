"""How big an imported file may be, and the checks made before a reader parses it.

A workbook is a zip of XML parts: its directory says how big each part is once inflated, so a
zip bomb (a small file that inflates to gigabytes) is refused from the directory, before any
part is inflated. A CSV cell over :attr:`Limits.cell_chars` is refused at its line and column.
The same limits apply to the CLI and to uploads; an upload also has the server's per-file and
per-request limits (:mod:`carenet.web.files`).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError

from carenet.errors import Problem


@dataclass(frozen=True)
class Limits:
    cell_chars: int = 100_000
    """Characters in one cell (CSV or workbook)."""
    xlsx_bytes: int = 200_000_000
    """Bytes of a workbook's parts once inflated, all together."""
    xlsx_ratio: float = 200.0
    """Inflated size over compressed size of any part bigger than ``xlsx_ratio_from`` once inflated."""
    xlsx_ratio_from: int = 1_000_000


DEFAULT = Limits()


UNREADABLE_XLSX = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    KeyError,
    OSError,
    ValueError,
    TypeError,
    ParseError,
)
"""What reading a damaged workbook raises, besides the zip module's own errors: a damaged deflate
stream (zlib.error), an unknown compression method or zip version (NotImplementedError, from the
zip directory already), an encrypted part (RuntimeError), broken XML (ParseError)."""


def xlsx_problem(path: Path, limits: Limits = DEFAULT) -> Problem | None:
    """A problem when the workbook's zip directory shows more than ``limits`` allow, else None."""
    where = f"{path.name}:1:1"
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except UNREADABLE_XLSX as exc:
        return Problem(where, f"not a readable .xlsx workbook ({exc})", None)
    total = sum(i.file_size for i in infos)
    if total > limits.xlsx_bytes:
        return Problem(
            where,
            f"the workbook inflates to {total:,} bytes; the limit is {limits.xlsx_bytes:,} "
            "(split it, or import CSV files)",
            None,
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.xlsx_ratio_from and ratio > limits.xlsx_ratio:
            return Problem(
                where,
                f"part {info.filename} inflates {ratio:,.0f} times (to {info.file_size:,} bytes); "
                f"the limit is {limits.xlsx_ratio:,.0f} times: not a workbook carenet reads",
                None,
            )
    return None


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL = re.compile(rb'<(?:\w+:)?Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
_REL_REVERSED = re.compile(rb'<(?:\w+:)?Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')


def merged_ranges(path: Path) -> dict[str, list[str]]:
    """Sheet title -> its merged ranges (``C3:C4``), read from the sheet parts a block at a time
    (a read-only workbook does not keep them)."""
    from xml.sax.saxutils import unescape

    out: dict[str, list[str]] = {}
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
            return out
        rels_xml = zf.read("xl/_rels/workbook.xml.rels")
        targets = {rid: target for rid, target in _REL.findall(rels_xml)}
        targets.update({rid: target for target, rid in _REL_REVERSED.findall(rels_xml)})
        for title, rid in _SHEET.findall(zf.read("xl/workbook.xml")):
            target = targets.get(rid, b"").decode()
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            if part in names:
                out[unescape(title.decode(), {"&quot;": '"', "&apos;": "'"})] = list(_scan(zf, part))
    return out


def _scan(zf: zipfile.ZipFile, part: str) -> Iterator[str]:
    tail = b""
    with zf.open(part) as f:
        while block := f.read(1 << 20):
            data = tail + block
            cut = data.rfind(b"<")
            cut = cut if cut > 0 else len(data)
            for ref in _MERGE.findall(data[:cut]):
                yield ref.decode()
            tail = data[cut:][-4096:]
    for ref in _MERGE.findall(tail):
        yield ref.decode()
