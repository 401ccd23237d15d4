"""Reading uploads in a process of their own, so a server keeps its latency during an import.

Reading a file row by row is pure Python (pydantic models). On a worker thread it still holds
the GIL, and every other request then waits for it at each step of its own, so a small query's
median latency grows many times over during a big upload (``benchmarks/import_latency.py`` times
a small query alone and during an upload). So a server reads big uploads in a separate process
(:class:`FileReader`), and what comes back must be cheap to take in: unpickling 200,000 models
costs the server about as much as reading them did. :func:`tabulate` therefore turns the plain
nodes read row by row into Arrow tables (the frames the column-at-a-time reader makes), which
cross as a few buffers, and :func:`with_name_keys` adds the name properties a store keeps, which
would otherwise be computed row by row on the server when the rows are written.

The frames lose the rows' line numbers. They are only made when a file had no problem, and
when a store check or the write authority later refuses the import, the import reads the
files again row by row to place each problem at ``file:line:column``
(:func:`carenet.services.imports.checked`, :func:`carenet.services.imports.import_files`).
"""

from __future__ import annotations

import asyncio
import enum
import logging
import os
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

import pyarrow as pa

from carenet.domain import models as m
from carenet.domain.text import NAME_KEYED_LABELS
from carenet.errors import InvalidInput, Problem
from carenet.interchange import Parsed, read_file
from carenet.interchange.columnar import Frame
from carenet.interchange.limits import DEFAULT as DEFAULT_LIMITS
from carenet.interchange.limits import Limits
from carenet.services.apart import Apart, BrokenProcessPool
from carenet.storage import rows

log = logging.getLogger(__name__)

APART_BYTES = 1 << 20
"""Uploads of at least this many bytes (all files together) are read in the reading process;
smaller ones on threads, where they take well under a second."""
TASKS_PER_PROCESS = 8
"""Reads a reading process serves before it is replaced (it keeps the memory a big read took)."""
KEPT_AS_MODELS = (m.LeadershipDemand, m.Baseline, m.CultureIndicator)
"""Nodes that refer to other nodes (an area, an anchor): the import's checks read them as models."""
Progress = Callable[[str, int], None]
"""Called with a phase ("read" or "write") and the number of rows just done."""
READ_THREADS = min(4, os.cpu_count() or 1)
"""Files read at once (:func:`read_files`)."""


def no_such_file(path: Path) -> Problem:
    """The problem of a file named for import that is not there (or is not a file)."""
    return Problem(f"{path.name}:1:1", "no such file", str(path))


def read_files(
    paths: Sequence[Path],
    *,
    wave: str | None = None,
    progress: Progress | None = None,
    columnar: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> Parsed:
    """Every file read (see :func:`carenet.interchange.read_file` for ``columnar``), in the order given.

    Files are read on a few threads, the biggest first: the column path spends its time in
    Arrow kernels, which release the GIL, so two threads read faster than one (the import's
    time is measured by ``benchmarks/interchange.py``).
    """
    parsed = Parsed()
    names: dict[str, Path] = {}
    todo: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.name in names and names[path.name] != path:
            parsed.problems.append(Problem(f"{path.name}:1:1", f"two files named {path.name}: rename one", str(path)))
            continue
        names[path.name] = path
        if not path.is_file():
            parsed.problems.append(no_such_file(path))
            continue
        todo.append(path)

    done: dict[Path, Parsed] = {}
    with ThreadPoolExecutor(max_workers=min(READ_THREADS, len(todo) or 1), thread_name_prefix="carenet-read") as pool:
        reading = {
            pool.submit(read_file, path, wave=wave, columnar=columnar, limits=limits): path
            for path in sorted(todo, key=_size, reverse=True)
        }
        for future in as_completed(reading):
            done[reading[future]] = future.result()
            if progress:  # on the thread that called read_files
                progress("read", done[reading[future]].rows)
    for path in todo:
        parsed.extend(done[path])
    return parsed


def _size(path: Path) -> int:
    return path.stat().st_size


class FileReader:
    """Reads uploads for a server: big ones in a separate process, started on first use.

    :meth:`read` gives what :func:`read_files` gives; with ``columnar``,
    the plain nodes of sound files as frames (:func:`tabulate`). :meth:`close` stops the process."""

    def __init__(self, apart_bytes: int = APART_BYTES) -> None:
        self.apart_bytes = apart_bytes
        self._apart = Apart(tasks_per_process=TASKS_PER_PROCESS)

    async def read(
        self, paths: Sequence[Path], *, wave: str | None = None, columnar: bool = True, limits: Limits = DEFAULT_LIMITS
    ) -> Parsed:
        paths = [Path(p) for p in paths]
        if sum(p.stat().st_size for p in paths if p.is_file()) < self.apart_bytes:
            return await asyncio.to_thread(read_files, paths, wave=wave, columnar=columnar, limits=limits)
        try:
            return await self._apart.run(read_apart, paths, wave, columnar, limits)
        except BrokenProcessPool:
            log.error("the reading process stopped while reading %s", ", ".join(p.name for p in paths))
            first = paths[0].name if paths else "upload"
            raise InvalidInput(
                [
                    Problem(
                        f"{first}:1:1",
                        "reading the upload stopped the reading process (too big to read?); nothing was written",
                        None,
                    )
                ]
            ) from None

    def close(self) -> None:
        """Stop the reading process, after the read under way if any (an upload's limits bound it)."""
        self._apart.close()


def read_apart(paths: list[Path], wave: str | None, columnar: bool, limits: Limits) -> Parsed:
    """In the reading process: every file read, and (``columnar``, when no file has a problem)
    the plain nodes as frames, with the name properties of the labels that keep them."""
    parsed = read_files(paths, wave=wave, columnar=columnar, limits=limits)
    if columnar and not parsed.problems:
        tabulate(parsed)
        parsed.frames = [with_name_keys(frame) for frame in parsed.frames]
    return parsed


_LINE = re.compile(r":\d+$")


def tabulate(parsed: Parsed) -> int:
    """Move the plain nodes of ``parsed``'s rows into frames, one per model class and source, in
    place; the number of rows moved. A label whose rows give a uid twice stays as models (the
    last row wins there), and so does a node that comes from no table row (JSON)."""
    groups: dict[tuple[type, str], list[int]] = defaultdict(list)
    seen: dict[str, set[str]] = defaultdict(set)
    kept: set[str] = set()
    for i, (model, origin) in enumerate(parsed.items):
        if not isinstance(model, m.Node) or isinstance(model, KEPT_AS_MODELS):
            continue
        if model.uid in seen[model.label] or not _LINE.search(origin):
            kept.add(model.label)
        seen[model.label].add(model.uid)
        groups[(type(model), origin.rsplit(":", 1)[0])].append(i)
    for frame in parsed.frames:  # a uid both in a frame and in a row
        label = getattr(frame.model, "label", None)
        if label in seen and not seen[label].isdisjoint(frame.table["uid"].to_pylist()):
            kept.add(label)
    moved: set[int] = set()
    for (model, source), indices in groups.items():
        if model.label in kept:
            continue
        parsed.frames.append(Frame(model, model_table(model, [parsed.items[i][0] for i in indices]), source))
        moved.update(indices)
    if not moved:
        return 0
    index: dict[int, int] = {}
    rest = []
    for i, item in enumerate(parsed.items):
        if i not in moved:
            index[i] = len(rest)
            rest.append(item)
    parsed.items = rest
    parsed.ends = {index[i]: columns for i, columns in parsed.ends.items()}
    parsed.ods_anchors = {index[i]: anchor for i, anchor in parsed.ods_anchors.items()}
    return len(moved)


def model_table(model: type[m.Node], models: Sequence[m.Node]) -> pa.Table:
    """``models`` (all of class ``model``) as a table, a column per field, with the values the
    models hold (what :class:`carenet.storage.rows.ModelRows` would write); enums as their values."""
    rows = [item.__dict__ for item in models]
    columns = {}
    for name in model.model_fields:
        values = [row[name] for row in rows]
        if isinstance(next((v for v in values if v is not None), None), enum.Enum):  # a field holds one type
            values = [None if v is None else v.value for v in values]
        columns[name] = pa.array(values)
    return pa.table(columns)


def with_name_keys(frame: Frame) -> Frame:
    """``frame`` with the name properties its label keeps (:data:`NAME_KEYED_LABELS`), computed here;
    a write keeps columns already there (:class:`carenet.storage.rows.TableRows`)."""
    label = getattr(frame.model, "label", None)
    if label not in NAME_KEYED_LABELS or "name" not in frame.table.column_names:
        return frame
    return Frame(frame.model, rows.with_name_keys(frame.table), frame.source, frame.labels)
