"""Apply carenet/graph_schema/<store>/NNN_name.cypher files in order, recording each in the graph.

Each file is a list of idempotent statements ending in ``;``. A file is applied once; the
applied versions are held as ``Migration`` nodes, so ``carenet db status`` can show them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from carenet.domain.text import name_keys
from carenet.storage.queries import core
from carenet.storage.queries.crud import migration
from carenet.storage.store import GraphStore

_FILE = re.compile(r"^(\d{3})_([a-z0-9_]+)\.cypher$")


@dataclass(frozen=True, slots=True)
class SchemaFile:
    version: int
    name: str
    path: Path

    def statements(self) -> list[str]:
        text = "\n".join(
            line for line in self.path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//")
        )
        return [s.strip() for s in text.split(";") if s.strip()]


@dataclass(frozen=True, slots=True)
class SchemaStatus:
    store: str
    applied: list[tuple[int, str, dt.datetime | None]]
    pending: list[SchemaFile]

    @property
    def version(self) -> int:
        return max((v for v, _, _ in self.applied), default=0)

    @property
    def up_to_date(self) -> bool:
        return not self.pending


def schema_files(schema_dir: Path, store: str) -> list[SchemaFile]:
    folder = schema_dir / store
    files = []
    for path in sorted(folder.glob("*.cypher")):
        match = _FILE.match(path.name)
        if not match:
            raise ValueError(f"{path}: schema files are named NNN_name.cypher")
        files.append(SchemaFile(int(match.group(1)), match.group(2), path))
    if not files:
        raise FileNotFoundError(f"no schema files in {folder}")
    return files


async def _applied(store: GraphStore) -> list[tuple[int, str, dt.datetime | None]]:
    try:
        rows = await store.read(core.MIGRATIONS_APPLIED)
    except RuntimeError:  # LadybugDB before 001: the Migration table does not exist yet
        return []
    return [(int(r["version"]), r["name"], r["applied_at"]) for r in rows]


async def status(store: GraphStore, schema_dir: Path) -> SchemaStatus:
    applied = await _applied(store)
    done = {v for v, _, _ in applied}
    pending = [f for f in schema_files(schema_dir, store.dialect.value) if f.version not in done]
    return SchemaStatus(store.dialect.value, applied, pending)


async def fill_name_keys(store: GraphStore, *, batch: int = 5_000) -> int:
    """Write ``name_fold`` and ``name_key`` (:mod:`carenet.domain.text`) on every node whose name
    has none yet: the data half of schema file 002, for nodes written before it. Idempotent."""
    done = 0
    for label, missing in core.NAME_KEYS_MISSING.items():
        rows = [{"uid": r["uid"], **name_keys(r["name"])} for r in await store.read(missing)]
        for start in range(0, len(rows), batch):
            await store.write(core.SET_NAME_KEYS[label], rows=rows[start : start + batch])
        done += len(rows)
    return done


DATA_STEPS = {"name_keys": fill_name_keys}
"""Python run after the schema file of that name, for what Cypher cannot compute the same on both stores."""


async def migrate(store: GraphStore, schema_dir: Path) -> list[SchemaFile]:
    """Apply every pending schema file (and its data step); returns those applied (empty when up to date)."""
    current = await status(store, schema_dir)
    for schema_file in current.pending:
        await store.run_schema(schema_file.statements())
        if schema_file.name in DATA_STEPS:
            await DATA_STEPS[schema_file.name](store)
        row = {
            "uid": f"{store.dialect.value}:{schema_file.version:03d}",
            "version": schema_file.version,
            "name": schema_file.name,
            "applied_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
        }
        await store.write(migration.NODE_UPSERT_MIGRATION, rows=[row])
    return current.pending
