"""Backups and recovery of the embedded store: back up (online), check, restore, and the
scheduled backups a server takes (``CARENET_BACKUP_DIR``, ``CARENET_BACKUP_EVERY``)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from carenet.errors import CarenetError, Conflict
from carenet.storage import backup as files
from carenet.storage.backup import Integrity, Manifest, ensure_free
from carenet.storage.store import GraphStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    integrity: Integrity
    replaced: Path
    """Where the files the restore replaced were moved."""


async def backup(store: GraphStore, dest: Path, *, schema_dir: Path) -> Manifest:
    """Back up the store to the new or empty folder ``dest``; the copy is checked before this returns."""
    return await files.backup(store, Path(dest), schema_dir)


async def check(store: GraphStore, *, schema_dir: Path) -> Integrity:
    """Schema version, counts per label and relationship type, and every problem found."""
    return await files.integrity(store, schema_dir)


async def check_file(path: Path, *, schema_dir: Path) -> Integrity:
    """:func:`check` on the embedded database at ``path``, opened read-only; raises
    :class:`StorageUnavailable` ("held by") when a server holds it: ask the server instead."""
    ensure_free(Path(path))
    return await files.inspect(Path(path), schema_dir)


async def verify(folder: Path, *, schema_dir: Path) -> tuple[Manifest, Integrity]:
    return await files.verify(Path(folder), schema_dir)


async def restore(source: Path, live: Path, *, schema_dir: Path) -> Restored:
    """Replace the embedded database at ``live`` with the backup in ``source``.

    The backup is checked first (it opens, is sound, holds what its manifest says); nothing is
    touched if it fails. The database must not be held by a server (:class:`StorageUnavailable`
    names the holder). The replaced files are kept beside it. After the copy the restored store
    is checked again and must hold the manifest's counts."""
    manifest, found = await verify(source, schema_dir=schema_dir)
    if not found.ok:
        raise Conflict(f"the backup in {source} failed its check; nothing was restored: " + "; ".join(found.problems))
    ensure_free(live)
    replaced = files.replace_files(Path(source), live)
    after = await files.inspect(live, schema_dir)
    if after.counts != manifest.counts or not after.ok:
        raise Conflict(
            f"the restored store at {live} does not match its backup's manifest: "
            + "; ".join(after.problems or ["counts differ"]),
            suggestion=f"the files it replaced are in {replaced}",
        )
    return Restored(manifest, after, replaced)


async def every(store: GraphStore, root: Path, interval: dt.timedelta, *, keep: int, schema_dir: Path) -> None:
    """Back up into ``root/<UTC time>/`` every ``interval``, keeping the newest ``keep``; runs until cancelled."""
    root.mkdir(parents=True, exist_ok=True)
    while True:
        await asyncio.sleep(interval.total_seconds())
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        try:
            manifest = await backup(store, root / stamp, schema_dir=schema_dir)
            gone = files.prune(root, keep)
            log.info("backup %s: %s records; removed %d old backups", stamp, sum(manifest.counts.values()), len(gone))
        except (CarenetError, OSError) as exc:
            log.error("scheduled backup into %s failed: %s", root, exc)
