"""Receiving the files of ``POST /files/import``: within limits, and never trusting their names.

- The body is counted as it arrives: past ``upload_max_bytes`` (or a ``Content-Length`` saying
  so) the request gets 413 before the rest is read. Each file past ``upload_max_file_bytes``,
  more than ``upload_max_files`` files, CSV lines past ``upload_max_rows`` or cells past
  ``upload_max_cells`` (all files of the request together) get 413 naming the file.
- An upload's name is only ever the last part of a path inside a fresh folder of its own (one
  folder per file): a name that is not a plain file name (empty, ``.``, ``..``, with ``/``, ``\\``
  or a NUL, starting with ``.``, over 200 characters) is refused with 400; two files of the same
  name are refused with 400 rather than one overwriting the other.
- Files are copied to disk on a worker thread; the spooled upload is never read whole into memory.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request

from carenet.errors import InvalidInput, Problem, TooLarge

_CSV = (".csv", ".txt")


@dataclass(frozen=True)
class UploadLimits:
    request_bytes: int
    file_bytes: int
    files: int
    rows: int
    cells: int

    @classmethod
    def of(cls, settings: Any) -> UploadLimits:
        return cls(
            settings.upload_max_bytes,
            settings.upload_max_file_bytes,
            settings.upload_max_files,
            settings.upload_max_rows,
            settings.upload_max_cells,
        )


def _too_large(where: str, message: str) -> TooLarge:
    return TooLarge([Problem(where, message)], message=f"{where}: {message}; nothing was written")


def safe_name(raw: str | None, index: int) -> str:
    """The upload's name if it is a plain file name, else :class:`InvalidInput`."""
    name = raw or ""
    where = f"files.{index}"
    bad = (
        not name.strip()
        or name in (".", "..")
        or name.startswith(".")
        or any(c in name for c in "/\\\0")
        or len(name) > 200
        or any(ord(c) < 32 for c in name)
    )
    if bad:
        raise InvalidInput(
            [
                Problem(
                    where,
                    "an upload's name must be a plain file name such as teams.csv "
                    "(no path, no leading dot, at most 200 characters)",
                    raw,
                )
            ]
        )
    return name


def _count(source, target, chunk: int = 1 << 20) -> tuple[int, int, int]:
    """Copy ``source`` to ``target``: (bytes, lines, separators)."""
    size = lines = commas = 0
    last = b""
    while block := source.read(chunk):
        target.write(block)
        size += len(block)
        lines += block.count(b"\n")
        commas += block.count(b",")
        last = block[-1:]
    if size and last != b"\n":
        lines += 1
    return size, lines, commas


def _save(files: list[tuple[str, UploadFile]], folder: Path, limits: UploadLimits) -> list[Path]:
    paths, rows, cells = [], 0, 0
    for i, (name, upload) in enumerate(files):
        path = folder / str(i) / name
        path.parent.mkdir()
        upload.file.seek(0)
        with open(path, "xb") as out:
            size, lines, commas = _count(upload.file, out)
        if size > limits.file_bytes:
            raise _too_large(f"{name}:1:1", f"the file has {size:,} bytes; the limit is {limits.file_bytes:,} per file")
        if path.suffix.lower() in _CSV:
            rows, cells = rows + lines, cells + lines + commas
            if rows > limits.rows:
                raise _too_large(
                    f"{name}:1:1", f"the upload has {rows:,} lines; the limit is {limits.rows:,} per request"
                )
            if cells > limits.cells:
                raise _too_large(
                    f"{name}:1:1", f"the upload has about {cells:,} cells; the limit is {limits.cells:,} per request"
                )
        paths.append(path)
    return paths


async def receive(request: Request, folder: Path, limits: UploadLimits) -> list[Path]:
    """The uploaded ``files`` saved under ``folder`` (one sub-folder each), or an error (nothing kept)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limits.request_bytes:
        raise _too_large("request", f"the body has {int(declared):,} bytes; the limit is {limits.request_bytes:,}")
    received = 0

    async def counted() -> dict:
        nonlocal received
        message = await request.receive()
        received += len(message.get("body", b""))
        if received > limits.request_bytes:
            raise _too_large("request", f"the body is over {limits.request_bytes:,} bytes, the limit")
        return message

    body = Request(request.scope, counted)
    try:
        form = await body.form(max_files=limits.files, max_fields=20)
    except TooLarge:
        raise
    except Exception as exc:  # the multipart parser's own errors (too many files, a malformed body)
        raise InvalidInput([Problem("request", f"not a multipart upload carenet can read: {exc}")]) from None
    try:
        uploads = [(k, v) for k, v in form.multi_items() if isinstance(v, UploadFile)]
        if not uploads:
            raise InvalidInput([Problem("files", "no files: send them as multipart form fields named 'files'")])
        files: list[tuple[str, UploadFile]] = []
        seen: dict[str, int] = {}
        problems = []
        for i, (_, upload) in enumerate(uploads):
            name = safe_name(upload.filename, i)
            if name in seen:
                problems.append(
                    Problem(
                        f"files.{i}", f"two uploads named {name} (files.{seen[name]} and files.{i}): rename one", name
                    )
                )
            seen.setdefault(name, i)
            files.append((name, upload))
        if problems:
            raise InvalidInput(problems)
        return await asyncio.to_thread(_save, files, folder, limits)
    finally:
        await form.close()
