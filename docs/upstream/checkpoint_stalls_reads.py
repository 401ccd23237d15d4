"""Reproduction, for LadybugDB's maintainers and for carenet's issue 16: a ``CHECKPOINT`` holds
back point reads on other connections of the same ``Database`` for most of its run, with no lock
of the caller's (carenet's own gate, ``carenet.storage.ladybug``, is not used here).

One connection creates a node table, then per round: ``COPY`` of ``ROWS`` fresh rows from an
Arrow table, then ``CHECKPOINT``. A reader thread with its own connection looks one row up by
primary key in a loop throughout. Printed per round: how long the ``COPY`` and the ``CHECKPOINT``
took, and the reader's p50 and slowest answer during each.

Run: ``python docs/upstream/checkpoint_stalls_reads.py [ROWS] [ROUNDS]`` (needs ``ladybug`` and
``pyarrow``).

Printed on this project's machine (2 cores shared with other work, load average 4.4-4.5,
ladybug 0.22.0, Python 3.11.7), 2026-12-06, two runs of ``100000 3``:

    alone: reads p50 0.25 ms, slowest 8 ms (n=894)
    round 0: COPY of 100,000 rows 224 ms, reads p50 0.53 ms, slowest 215 ms (n=14); CHECKPOINT 349 ms, reads p50 0.47 ms, slowest 223 ms (n=121)
    round 1: COPY of 100,000 rows 334 ms, reads p50 0.83 ms, slowest 332 ms (n=6); CHECKPOINT 421 ms, reads p50 0.34 ms, slowest 332 ms (n=223)
    round 2: COPY of 100,000 rows 325 ms, reads p50 0.52 ms, slowest 208 ms (n=10); CHECKPOINT 456 ms, reads p50 0.50 ms, slowest 215 ms (n=236)
    alone: reads p50 0.45 ms, slowest 20 ms (n=576)
    round 0: COPY of 100,000 rows 229 ms, reads p50 0.26 ms, slowest 209 ms (n=22); CHECKPOINT 318 ms, reads p50 0.47 ms, slowest 209 ms (n=148)
    round 1: COPY of 100,000 rows 257 ms, reads p50 0.50 ms, slowest 253 ms (n=9); CHECKPOINT 360 ms, reads p50 0.45 ms, slowest 253 ms (n=182)
    round 2: COPY of 100,000 rows 249 ms, reads p50 0.50 ms, slowest 244 ms (n=9); CHECKPOINT 418 ms, reads p50 0.30 ms, slowest 244 ms (n=334)

(A read that spans the end of the ``COPY`` and the start of the ``CHECKPOINT`` is counted in both.)
An earlier version of the script, at load average 5-6, saw checkpoints of 934 and 1,126 ms hold a
read for 644 and 767 ms.

So a server on the embedded store cannot answer every read at its normal latency while a big
import is checkpointed, whatever carenet does around the checkpoint.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time

import ladybug
import pyarrow as pa


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    folder = tempfile.mkdtemp(prefix="ladybug-stall-")
    db = ladybug.Database(os.path.join(folder, "db"), auto_checkpoint=False)
    w = ladybug.Connection(db)
    w.execute("CREATE NODE TABLE Team(uid STRING, name STRING, sector STRING, PRIMARY KEY(uid))")
    w.execute("UNWIND range(0, 999) AS i CREATE (n:Team {uid: 'x' + CAST(i AS STRING), name: 'n', sector: 'health'})")
    w.execute("CHECKPOINT")
    samples: list[tuple[float, float]] = []  # (started, ms)
    stop = threading.Event()

    def read() -> None:
        conn = ladybug.Connection(db)
        while not stop.is_set():
            started = time.perf_counter()
            conn.execute("MATCH (n:Team {uid: 'x5'}) RETURN n.name").get_all()
            samples.append((started, (time.perf_counter() - started) * 1000))

    def during(start: float, end: float) -> str:
        ms = sorted(m for s, m in samples if start <= s + m / 1000 and s <= end)
        return f"reads p50 {ms[len(ms) // 2]:.2f} ms, slowest {ms[-1]:.0f} ms (n={len(ms)})" if ms else "no reads"

    reader = threading.Thread(target=read)
    reader.start()
    try:
        time.sleep(0.3)
        print(f"alone: {during(0, time.perf_counter())}")
        for r in range(rounds):
            table = pa.table(
                {
                    "uid": [f"t{r}-{i}" for i in range(rows)],
                    "name": [f"Team {i}" for i in range(rows)],
                    "sector": ["health"] * rows,
                }
            )
            a = time.perf_counter()
            w.execute("COPY Team FROM $rows", {"rows": table})
            b = time.perf_counter()
            w.execute("CHECKPOINT")
            c = time.perf_counter()
            time.sleep(0.2)
            print(
                f"round {r}: COPY of {rows:,} rows {(b - a) * 1000:.0f} ms, {during(a, b)}; "
                f"CHECKPOINT {(c - b) * 1000:.0f} ms, {during(b, c)}"
            )
    finally:
        stop.set()
        reader.join()


if __name__ == "__main__":
    main()
