"""Backups of the embedded store: a checkpointed copy of its database file, a manifest of what it
holds, and a check that a copy opens and holds what its manifest says.

A backup folder holds ``graph`` (the LadybugDB file) and ``manifest.json``. Neo4j has backups of
its own (``neo4j-admin database dump``); carenet does not copy a Neo4j database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from carenet.errors import Conflict, InvalidInput, Problem
from carenet.storage.ladybug import LadybugStore, ensure_free
from carenet.storage.migrations import status
from carenet.storage.repository import Repository
from carenet.storage.store import GraphStore

__all__ = ["Integrity", "Manifest", "backup", "ensure_free", "integrity", "inspect", "prune", "replace_files", "verify"]

MANIFEST = "manifest.json"


@dataclass
class Integrity:
    """What a store holds and what is wrong with it (``problems`` empty: nothing)."""

    schema_version: int
    counts: dict[str, int]
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Manifest:
    created_at: str
    schema_version: int
    counts: dict[str, int]
    store: str = "ladybug"

    def write(self, folder: Path) -> None:
        path = folder / MANIFEST
        path.write_text(json.dumps(asdict(self), indent=2, sort_keys=True), encoding="utf-8")

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        path = folder / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(**data)
        except FileNotFoundError:
            raise InvalidInput([Problem(str(path), "no backup manifest here: not a carenet backup folder")]) from None
        except (ValueError, TypeError) as exc:
            raise InvalidInput([Problem(str(path), f"the manifest cannot be read: {exc}")]) from None


async def integrity(store: GraphStore, schema_dir: Path) -> Integrity:
    """Schema version, counts per label and relationship type, and every problem found."""
    schema = await status(store, schema_dir)
    problems = [f"schema file {f.version:03d}_{f.name} is not applied" for f in schema.pending]
    found = await Repository(store).integrity()
    counts = {}
    for kind, row in sorted(found.items()):
        counts[kind] = row["count"]
        for key, what in (
            ("missing", "without a uid"),
            ("duplicates", "uids held twice"),
            ("dangling", "with an end that has no uid"),
        ):
            if row.get(key):
                problems.append(f"{kind}: {row[key]:,} {what}")
    return Integrity(schema.version, counts, problems)


@contextlib.asynccontextmanager
async def opened(path: Path) -> AsyncIterator[LadybugStore]:
    """The embedded database at ``path``, read-only."""
    store = LadybugStore.open(path, read_threads=1, read_only=True)
    try:
        yield store
    finally:
        await store.close()


async def inspect(path: Path, schema_dir: Path) -> Integrity:
    """Open the database file ``path`` read-only and check it."""
    async with opened(path) as store:
        return await integrity(store, schema_dir)


async def backup(store: GraphStore, dest: Path, schema_dir: Path) -> Manifest:
    """Copy ``store`` (embedded, may be serving) to the new or empty folder ``dest``, check the
    copy opens and is sound, and write its manifest. Raises :class:`InvalidInput` for a folder
    in use and :class:`Conflict` when the copy fails its check (the copy is removed)."""
    if not isinstance(store, LadybugStore):
        raise Conflict(
            "carenet backs up the embedded store only", suggestion="back up Neo4j with neo4j-admin database dump"
        )
    dest = Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise InvalidInput([Problem(str(dest), "must be a new or empty folder")])
    await store.backup(dest)
    found = await inspect(dest / "graph", schema_dir)
    if not found.ok:
        shutil.rmtree(dest, ignore_errors=True)
        raise Conflict("the backup copy failed its check and was removed: " + "; ".join(found.problems))
    manifest = Manifest(dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), found.schema_version, found.counts)
    manifest.write(dest)
    return manifest


async def verify(folder: Path, schema_dir: Path) -> tuple[Manifest, Integrity]:
    """Check a backup folder: it opens, is sound, and holds what its manifest says."""
    manifest = Manifest.read(folder)
    found = await inspect(folder / "graph", schema_dir)
    problems = list(found.problems)
    if found.counts != manifest.counts:
        differ = sorted(k for k in {*found.counts, *manifest.counts} if found.counts.get(k) != manifest.counts.get(k))
        problems.append(
            "counts differ from the manifest: "
            + ", ".join(f"{k} {found.counts.get(k, 0):,} (manifest {manifest.counts.get(k, 0):,})" for k in differ)
        )
    return manifest, Integrity(found.schema_version, found.counts, problems)


def replace_files(source: Path, live: Path) -> Path:
    """Put the backup's database file at ``live``; the files it replaces go to a folder beside it,
    whose path is returned. The caller must hold no store open on ``live``."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = live.parent / f"replaced-{stamp}"
    aside.mkdir(parents=True)
    for path in [live, *live.parent.glob(live.name + ".*")]:
        if path.exists():
            os.replace(path, aside / path.name)
    partial = live.with_name(live.name + ".restoring")
    shutil.copyfile(source / "graph", partial)
    if (source / "graph.wal").exists():
        shutil.copyfile(source / "graph.wal", live.with_name(live.name + ".wal"))
    os.replace(partial, live)
    return aside


def prune(root: Path, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` backups (folders with a manifest) under ``root``."""
    folders = sorted((p for p in root.iterdir() if (p / MANIFEST).exists()), key=lambda p: p.name)
    gone = folders[:-keep] if keep > 0 else folders
    for path in gone:
        shutil.rmtree(path, ignore_errors=True)
    return gone
