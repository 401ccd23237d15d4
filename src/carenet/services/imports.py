"""Importing files: check every row of every file, then write all of it, or nothing.

Steps: read each file (:func:`carenet.interchange.read_file`), gather the models into one
:class:`ChangeSet`, check what only the whole import and the store can tell (survey waves and
areas that exist, relationship ends that exist and fit the schema, uids given twice), and
stop with :class:`InvalidInput` listing every problem as ``file:line:column``. Otherwise write
in transactions of about ``tx_rows`` rows (upserts by uid: re-importing changes nothing).

The big template files are read a column at a time (:mod:`carenet.interchange.columnar`),
which knows no line numbers. So when any check fails, :func:`checked` reads every file again
row by row and checks again: the problems then point at file, line and column.

A checkpoint file in ``checkpoint_dir`` records the transactions committed so far. If the
import is killed, running it again on the same files skips those transactions and ends with
the graph an unbroken import would have made; the checkpoint is removed when it finishes.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from carenet.domain import models as m
from carenet.domain.schema import NodeLabel
from carenet.errors import Forbidden, InvalidInput, Problem
from carenet.interchange import Parsed
from carenet.interchange.limits import DEFAULT as DEFAULT_LIMITS
from carenet.interchange.limits import Limits
from carenet.interchange.readers import SUFFIXES
from carenet.services import authority
from carenet.services.reading import FileReader, Progress, read_files
from carenet.storage import repository
from carenet.storage.repository import ChangeSet, Repository
from carenet.storage.rows import ModelTable

TX_ROWS = repository.TX_ROWS
"""Rows a committed transaction (and a checkpoint) holds; statements hold the store's
``write_rows``. With LadybugDB, transactions of 100,000 rows and statements of 500,000 (a whole
table, as a bare ``COPY``) wrote the 42-system import faster than bigger transactions, or smaller
statements in bigger transactions (the import at this size is measured by
``benchmarks/interchange.py``)."""


@dataclass
class ImportReport:
    files: list[str]
    rows: int
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False
    transactions: int = 0
    resumed_at: int = 0
    seconds: float = 0.0

    @property
    def records(self) -> int:
        return sum(self.nodes.values()) + sum(self.relationships.values())

    def to_dict(self) -> dict:
        return {
            "files": self.files,
            "rows": self.rows,
            "nodes": self.nodes,
            "relationships": self.relationships,
            "dry_run": self.dry_run,
            "transactions": self.transactions,
            "resumed_at": self.resumed_at,
            "seconds": round(self.seconds, 3),
        }


async def checked(
    repo: Repository,
    paths: Sequence[Path],
    *,
    wave: str | None = None,
    progress: Progress | None = None,
    columnar: bool = True,
    limits: Limits = DEFAULT_LIMITS,
    reader: FileReader | None = None,
) -> tuple[Parsed, ChangeSet]:
    """Every file read and checked: the change set to write, or :class:`InvalidInput` with every
    problem placed as ``file:line:column`` (the files read again row by row to place them).
    ``columnar=False`` reads every file row by row from the start. Files are read on worker
    threads, never on the event loop's, or by ``reader`` (a server's: big uploads in a process
    of their own, :mod:`carenet.services.reading`; ``progress`` is then not called)."""
    parsed = await _read(paths, wave=wave, progress=progress, columnar=columnar, limits=limits, reader=reader)
    try:
        return parsed, await check(repo, parsed)
    except InvalidInput:
        if not parsed.frames:
            raise
    parsed = await _read(paths, wave=wave, columnar=False, limits=limits, reader=reader)
    return parsed, await check(repo, parsed)


async def _read(
    paths: Sequence[Path],
    *,
    wave: str | None,
    columnar: bool,
    limits: Limits,
    progress: Progress | None = None,
    reader: FileReader | None = None,
) -> Parsed:
    if reader is not None:
        return await reader.read(paths, wave=wave, columnar=columnar, limits=limits)
    return await asyncio.to_thread(read_files, paths, wave=wave, progress=progress, columnar=columnar, limits=limits)


async def check(repo: Repository, parsed: Parsed) -> ChangeSet:
    """The change set of ``parsed``, or :class:`InvalidInput` with every problem.

    The change set is built, and its problems placed, on worker threads: only the store look-ups
    run on the caller's event loop, so a server keeps answering while it checks an upload."""
    ods_problems = await _reanchor_by_ods(repo, parsed)
    changes, problems, waves, areas, anchors, in_change = await asyncio.to_thread(_change_set, parsed)
    problems += ods_problems
    for uids, labels, what in (
        (waves, (NodeLabel.SURVEY_WAVE,), "survey wave"),
        (areas, (NodeLabel.PLACE, NodeLabel.SYSTEM), "place or system"),
        (anchors, (NodeLabel.ORGANISATION, NodeLabel.TEAM), "organisation or team"),
    ):
        missing = {u for u in uids if not any((label.value, u) in in_change for label in labels)}
        for label in labels:
            if missing:
                missing -= _in_tables(changes, label, missing)
        for label in labels:
            if missing:
                missing -= await repo.existing(label, missing)
        problems += [
            Problem(uids[u], _missing(parsed, u, f"no {what} with this uid exists (in this import or the store)"), u)
            for u in sorted(missing)
        ]
    endpoint_problems = await repo.resolve_endpoints(changes)
    problems += await asyncio.to_thread(_placed, parsed, changes, endpoint_problems)
    if problems:
        raise InvalidInput(await asyncio.to_thread(sorted, problems, key=_order))
    return changes


def _in_tables(changes: ChangeSet, label: NodeLabel, uids: set[str]) -> set[str]:
    """The ``uids`` that are nodes of ``label`` in the change set's tables."""
    wanted = pa.array(sorted(uids), pa.string())
    found: set[str] = set()
    for table in changes.tables:
        if table.is_node and table.label == label.value:
            found.update(table.table["uid"].filter(pc.is_in(table.table["uid"], value_set=wanted)).to_pylist())
    return found


def _change_set(parsed: Parsed) -> tuple[ChangeSet, list[Problem], dict[str, str], dict[str, str], dict[str, str], set]:
    """The change set of ``parsed``, its problems so far, the waves, areas and culture anchors it
    refers to (uid -> where), and the (label, uid) of its nodes."""
    changes = ChangeSet()
    problems = list(parsed.problems)
    waves: dict[str, str] = {}
    areas: dict[str, str] = {}
    for frame in parsed.frames:
        changes.tables.append(ModelTable(frame.model, frame.table, frame.source, *frame.labels))
        if "wave" in frame.table.column_names:
            for uid in pc.unique(frame.table["wave"]).to_pylist():
                if uid is not None:
                    waves.setdefault(uid, f"{frame.source}.wave")
    anchors: dict[str, str] = {}
    for i, (model, origin) in enumerate(parsed.items):
        if isinstance(model, m.CultureIndicator) and i not in parsed.ods_anchors:
            anchors.setdefault(model.anchor, parsed.locate(origin, "anchor"))
            if model.wave is not None:
                waves.setdefault(model.wave, parsed.locate(origin, "wave"))
        if isinstance(model, m.Node):
            changes.add_node(model, origin)
            if isinstance(model, (m.LeadershipDemand, m.Baseline)):
                areas.setdefault(model.area, parsed.locate(origin, "area"))
        else:
            changes.add_relationship(model, f"{origin}#{i}")
            wave = getattr(model, "wave", None)
            if wave is not None:
                waves.setdefault(wave, parsed.locate(origin, "wave"))
    in_change = {(n.label, n.uid) for n in changes.nodes}
    return changes, problems, waves, areas, anchors, in_change


def _placed(parsed: Parsed, changes: ChangeSet, endpoint_problems: list[Problem]) -> list[Problem]:
    """The repository's endpoint problems placed at ``file:line:column``; the relationship origins
    made plain again."""
    out = []
    for problem in endpoint_problems:
        message = problem.message
        if message.startswith("no ") and message.endswith("with this uid exists"):
            message = _missing(parsed, problem.value, message)
        out.append(Problem(_located(parsed, problem.location), message, problem.value))
    changes.rel_origins = [o.rsplit("#", 1)[0] if o else o for o in changes.rel_origins]
    return out


async def _reanchor_by_ods(repo: Repository, parsed: Parsed) -> list[Problem]:
    """Anchor each culture indicator named by ODS code on the organisation holding the code (one of
    this import, else a stored one); a code no organisation holds, or two hold, is a problem."""
    if not parsed.ods_anchors:
        return []
    codes = sorted({code for code, _ in parsed.ods_anchors.values()})
    holders: dict[str, set[str]] = {}
    for model, _ in parsed.items:
        if isinstance(model, m.Organisation) and model.ods_code in codes:
            holders.setdefault(model.ods_code, set()).add(model.uid)
    stored = [c for c in codes if c not in holders]
    if stored:
        for row in await repo.organisations_by_ods_code(stored):
            holders.setdefault(row["ods_code"], set()).add(row["uid"])
    problems, resolved = [], []
    for i, (code, where) in parsed.ods_anchors.items():
        found = holders.get(code, set())
        if len(found) != 1:
            message = (
                (
                    f"no organisation with ODS code {code} (in this import or the store): import the ODS extract "
                    "(etr.csv) or add the organisation first"
                )
                if not found
                else f"ODS code {code} is held by more than one organisation ({', '.join(sorted(found))})"
            )
            problems.append(Problem(where, message, code))
            continue
        model, origin = parsed.items[i]
        parsed.items[i] = (model.model_copy(update={"anchor": next(iter(found))}), origin)
        resolved.append(i)
    for i in resolved:
        del parsed.ods_anchors[i]  # what stays is unresolved: reported here, not again as a missing anchor
    return problems


def _missing(parsed: Parsed, uid: object, message: str) -> str:
    """The cause when ``uid`` is missing because its own row was rejected, else ``message``."""
    rows = parsed.rejected.get(str(uid)) if uid is not None else None
    if not rows:
        return message
    return f"refers to {uid}, which has errors at {', '.join(rows)}"


def _located(parsed: Parsed, location: str) -> str:
    """``source:line:column`` for a location the repository gave (``origin#index.source``)."""
    match = re.match(r"^(?P<origin>.+?)(?:#(?P<index>\d+))?(?:\.(?P<field>source|target|uid))?$", location)
    if match is None or ":$" in location:
        return re.sub(r"#\d+", "", location)
    origin, index, end = match["origin"], match["index"], match["field"]
    if not re.search(r":\d+$", origin):
        return location
    if index is not None and end in ("source", "target") and int(index) in parsed.ends:
        column = parsed.ends[int(index)][0 if end == "source" else 1]
        return parsed.locate(origin, column)
    return parsed.locate(origin, end)


def _order(problem: Problem) -> tuple:
    parts = re.split(r"(\d+)", problem.location)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def _checkpoint_path(directory: Path, paths: Sequence[Path], tx_rows: int, wave: str | None) -> Path:
    digest = hashlib.sha256(f"{tx_rows}|{wave}".encode())
    for path in paths:
        digest.update(Path(path).name.encode() + b"\0")
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    return directory / f"import-{digest.hexdigest()[:24]}.json"


def files_given(paths: Sequence[Path]) -> list[Path]:
    """The files to import for ``paths`` as named on a command line: a folder stands for the files
    in it that carenet imports (:data:`~carenet.interchange.readers.SUFFIXES`, any case), in name
    order; not its sub-folders, hidden files (a spreadsheet's lock file, ``.DS_Store``), nor a
    README (as a workbook's README sheet is skipped). So the folder ``carenet template --format csv``
    writes, filled in, imports as it is. A folder with no such file is a problem
    (:class:`InvalidInput`); anything else is passed on as given (a missing file is the reader's
    problem to report, beside every other)."""
    out: list[Path] = []
    problems: list[Problem] = []
    for path in map(Path, paths):
        if not path.is_dir():
            out.append(path)
            continue
        found = sorted(
            p
            for p in path.iterdir()
            if p.is_file()
            and not p.name.startswith(".")
            and p.suffix.lower() in SUFFIXES
            and p.stem.lower() != "readme"
        )
        if not found:
            problems.append(
                Problem(f"{path.name}:1:1", f"a folder with no file carenet imports ({', '.join(SUFFIXES)})", str(path))
            )
        out.extend(found)
    if problems:
        raise InvalidInput(problems)
    return out


async def import_files(
    repo: Repository,
    paths: Sequence[Path],
    *,
    dry_run: bool = False,
    wave: str | None = None,
    checkpoint_dir: Path | None = None,
    tx_rows: int = TX_ROWS,
    batch_rows: int | None = None,
    progress: Progress | None = None,
    columnar: bool = True,
    system: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    reader: FileReader | None = None,
) -> ImportReport:
    """Import ``paths`` (see the module docstring). Raises :class:`InvalidInput`; writes nothing then.

    ``system``: a planner's; every record must sit in it (:mod:`carenet.services.authority`), else
    :class:`~carenet.errors.Forbidden` and nothing is written. None: an admin's import, anywhere.
    ``reader``: a server's (see :func:`checked`)."""
    started = time.perf_counter()
    paths = [Path(p) for p in paths]
    parsed, changes = await checked(
        repo, paths, wave=wave, progress=progress, columnar=columnar, limits=limits, reader=reader
    )
    try:
        await authority.authorise_upsert(repo, changes, system=system)
    except Forbidden:
        if not parsed.frames:
            raise
        # rows read a column at a time have no line numbers: read them again to say where
        parsed, changes = await checked(repo, paths, wave=wave, columnar=False, limits=limits, reader=reader)
        await authority.authorise_upsert(repo, changes, system=system)
        raise
    plan, summary = await asyncio.to_thread(repo.transactions, changes, batch_rows=batch_rows, tx_rows=tx_rows)
    report = ImportReport(
        [p.name for p in paths],
        parsed.rows,
        summary.nodes,
        summary.relationships,
        dry_run=dry_run,
        transactions=len(plan),
    )
    if dry_run:
        report.seconds = time.perf_counter() - started
        return report
    checkpoint = (
        await asyncio.to_thread(_checkpoint_path, checkpoint_dir, paths, tx_rows, wave) if checkpoint_dir else None
    )
    done = 0
    if checkpoint and checkpoint.exists():
        saved = json.loads(checkpoint.read_text(encoding="utf-8"))
        if saved.get("transactions") == len(plan):
            done = int(saved.get("committed", 0))
    report.resumed_at = done
    if progress and done:
        progress("write", sum(rows for _, rows in plan[:done]))
    for i, (ops, rows) in enumerate(plan):
        if i < done:
            continue
        await repo.write_transaction(ops)
        if checkpoint:
            checkpoint.parent.mkdir(parents=True, exist_ok=True)
            tmp = checkpoint.with_suffix(".tmp")
            tmp.write_text(
                json.dumps({"files": report.files, "transactions": len(plan), "committed": i + 1}), encoding="utf-8"
            )
            tmp.replace(checkpoint)
        if progress:
            progress("write", rows)
    if checkpoint and checkpoint.exists():
        checkpoint.unlink()
    report.seconds = time.perf_counter() - started
    return report
