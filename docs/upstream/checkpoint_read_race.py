"""Smallest reproduction, for LadybugDB's maintainers: an update committed shortly before a
``CHECKPOINT``, while reads run on other connections of the same ``Database``, ends up in another
row of the table as well as, or instead of, its own.

One connection creates a node table of ``N`` rows (one-row creates, as a server takes them), then
runs ``UPDATES`` one-row ``UNWIND ... MATCH ... SET`` updates, with a ``CHECKPOINT`` after every
100. Meanwhile ``READERS`` threads, each with its own connection, look rows up by primary key. At
the end every row is compared with the last value written to it.

Run: ``python docs/upstream/checkpoint_read_race.py [N] [UPDATES] [READERS] [MODE]`` (needs only
``ladybug``). MODE ``plain`` is the race; ``gated`` holds the reads back during each checkpoint
(what carenet does, ``carenet.storage.ladybug``); ``no_checkpoint`` runs no explicit checkpoint.

Printed on this project's machine (2 cores, Linux x86_64, ladybug 0.22.0, Python 3.11.7), 2026-12-05:

    plain N=20533 updates=2000 readers=2: wrong rows 35   (e.g. t53 holds "Renamed 1766")
    plain N=5000 updates=2000 readers=2: wrong rows 4 and 17 (two runs)
    plain N=20533 updates=2000 readers=0: wrong rows 0
    gated N=5000 updates=2000 readers=2: wrong rows 0
    no_checkpoint N=5000 updates=2000 readers=2: wrong rows 0

Through carenet's HTTP API (``benchmarks/soak.py``, 4 clients, 20,000 creates then 5,000 renames
on the one-system demo) 100 renames landed on the wrong team before the fix, almost all of them
among the last few writes before one of carenet's checkpoints; the wrong row's offset was always
the intended row's offset less a multiple of 2,048 (for example 19,608 -> 3,224).
"""

from __future__ import annotations

import contextlib
import os
import random
import sys
import tempfile
import threading

import ladybug


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_533
    updates = int(sys.argv[2]) if len(sys.argv) > 2 else 2_000
    readers = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    mode = sys.argv[4] if len(sys.argv) > 4 else "plain"
    gate = threading.Lock()
    folder = tempfile.mkdtemp(prefix="ladybug-race-")
    db = ladybug.Database(os.path.join(folder, "db"))
    w = ladybug.Connection(db)
    w.execute("CREATE NODE TABLE Team(uid STRING, name STRING, sector STRING, PRIMARY KEY(uid))")
    create = "UNWIND $rows AS r CREATE (n:Team {uid: r.uid, name: r.name, sector: 'health'})"
    w.execute(create, {"rows": [{"uid": f"t{i}", "name": f"name {i}"} for i in range(533)]})
    for i in range(533, n):
        w.execute(create, {"rows": [{"uid": f"t{i}", "name": f"name {i}"}]})
        if i % 100 == 0:
            w.execute("CHECKPOINT")
    expected = {f"t{i}": f"name {i}" for i in range(n)}
    stop = threading.Event()

    def read() -> None:
        conn, rng = ladybug.Connection(db), random.Random()
        while not stop.is_set():
            with gate:
                result = conn.execute("MATCH (n:Team {uid: $u}) RETURN n.name", {"u": f"t{rng.randrange(n)}"})
                while result.has_next():
                    result.get_next()
                result.close()

    threads = [threading.Thread(target=read) for _ in range(readers)]
    for thread in threads:
        thread.start()
    rng = random.Random(14)
    for i in range(updates):
        uid = f"t{rng.randrange(533, n)}"
        w.execute(
            "UNWIND $rows AS r MATCH (n:Team {uid: r.uid}) SET n.name = r.name, n.sector = r.sector",
            {"rows": [{"uid": uid, "name": f"Renamed {i}", "sector": "housing"}]},
        )
        expected[uid] = f"Renamed {i}"
        if (i + 1) % 100 == 0 and mode != "no_checkpoint":
            with gate if mode == "gated" else contextlib.nullcontext():
                w.execute("CHECKPOINT")
    stop.set()
    for thread in threads:
        thread.join()
    result = w.execute("MATCH (n:Team) RETURN n.uid, n.name")
    wrong = []
    while result.has_next():
        uid, name = result.get_next()
        if expected[uid] != name:
            wrong.append((uid, name, expected[uid]))
    for uid, name, want in wrong[:5]:
        print(f"  {uid} holds {name!r}, last written {want!r}")
    print(f"{mode} N={n} updates={updates} readers={readers}: wrong rows {len(wrong)}")


if __name__ == "__main__":
    main()
