"""Smallest reproduction, for LadybugDB's maintainers: every ``COPY ... FROM`` an Arrow table into
a non-empty node table keeps about 12-14 MB of memory for good (buffer-pool pages never given
back, checkpoint or not), and every ``LOAD FROM`` an Arrow table keeps 0.05-0.3 MB; ``UNWIND`` of
the same rows keeps nothing. With a bounded buffer pool the process ends with "The buffer pool is
full and no memory could be freed", first reported as a "post-commit checkpoint failed" on a commit.

Run: ``python docs/upstream/copy_growth.py`` (needs ``ladybug`` and ``pyarrow``; about a minute).

Printed on this project's machine (2 cores, Linux x86_64, ladybug 0.22.0, Python 3.11.7), 2026-12-05:

    COPY one row                       100 calls into 100,000 rows: +1213.5 MB (12.13 MB a call)
    LOAD FROM ... CREATE one row      2000 calls into 100,000 rows: +572.0 MB (0.29 MB a call)
    LOAD FROM ... MATCH RETURN        2000 calls into 100,000 rows: +32.1 MB (0.02 MB a call)
    UNWIND ... CREATE one row         2000 calls into 100,000 rows: +4.0 MB (0.00 MB a call)

Also seen: ``COPY`` of one relationship into a 100,000-relationship table keeps about 0.1-0.3 MB a
call; the archived kuzu 0.11.3 kept about 0.2 MB per node ``COPY`` (issue 14's measurement).
"""

from __future__ import annotations

import os
import tempfile

import ladybug
import pyarrow as pa


def resident_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def fresh(rows: int) -> tuple[ladybug.Database, ladybug.Connection]:
    db = ladybug.Database(os.path.join(tempfile.mkdtemp(), "g"), buffer_pool_size=2048 * 2**20)
    conn = ladybug.Connection(db)
    conn.execute("CREATE NODE TABLE Team(uid STRING, name STRING, PRIMARY KEY(uid))")
    conn.execute(
        "COPY Team FROM $rows", {"rows": pa.table({"uid": [f"base{i}" for i in range(rows)], "name": ["x"] * rows})}
    )
    return db, conn


def measure(label: str, calls: int, statement: str, params) -> None:
    db, conn = fresh(100_000)
    for i in range(5):
        conn.execute(statement, params(f"warm{i}"))
    before = resident_mb()
    for i in range(calls):
        conn.execute(statement, params(f"n{i}"))
    grown = resident_mb() - before
    print(
        f"{label:32s} {calls:5d} calls into 100,000 rows: {grown:+.1f} MB ({grown / calls:.2f} MB a call)", flush=True
    )
    conn.close()
    db.close()


def one_row(uid: str) -> dict:
    return {"rows": pa.table({"uid": [uid], "name": ["y"]})}


if __name__ == "__main__":
    print("ladybug", ladybug.__version__ if hasattr(ladybug, "__version__") else "?")
    measure("COPY one row", 100, "COPY Team FROM $rows", one_row)
    measure("LOAD FROM ... CREATE one row", 2000, "LOAD FROM $rows CREATE (n:Team {uid: uid, name: name})", one_row)
    measure(
        "LOAD FROM ... MATCH RETURN",
        2000,
        "LOAD FROM $rows MATCH (n:Team {uid: uid}) RETURN n.uid",
        lambda uid: {"rows": pa.table({"uid": ["base1"], "name": ["y"]})},
    )
    measure(
        "UNWIND ... CREATE one row",
        2000,
        "UNWIND $rows AS r CREATE (n:Team {uid: r.uid, name: r.name})",
        lambda uid: {"rows": [{"uid": uid, "name": "y"}]},
    )
