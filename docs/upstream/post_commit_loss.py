"""Smallest reproduction, for LadybugDB's maintainers: a commit that LadybugDB reports as
"committed successfully, but the post-commit checkpoint failed. The committed data is durable and
will be recovered on restart" is not there after a restart.

A writer fills a 256 MB buffer pool with one-row ``COPY`` statements in explicit transactions (a
node and a relationship each; see ``copy_growth.py`` for why the pool fills), stops at the first
error, and kills itself with SIGKILL. A second process reopens the database and counts the nodes.

Run: ``python docs/upstream/post_commit_loss.py`` (needs ``ladybug`` and ``pyarrow``; under a minute).

Printed on this project's machine (2 cores, Linux x86_64, ladybug 0.22.0, Python 3.11.7), 2026-12-05:

    transactions committed without error: 162
    then: Transaction committed successfully, but the post-commit checkpoint failed. The committed data is durable and will be recovered on restart: Buffer manager exception: Unable to allocate memory! ...
    files after SIGKILL: graph (5,541,888 bytes), graph.shadow (28,672 bytes)
    nodes after reopening: 20,162 (20,000 loaded + 162): the transaction reported durable is missing

(Four runs, stopping after 1, 3, 10 and 30 errors, all reopened with 20,162 nodes. The store always
reopened in these runs; the "shadow file ... is missing its checkpoint-bundle compatibility guard"
failure seen in issue 14 was not reproduced here.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

WRITER = r"""
import os, signal, sys
import ladybug, pyarrow as pa
db = ladybug.Database(sys.argv[1], buffer_pool_size=256 * 2**20)
c = ladybug.Connection(db)
c.execute("CREATE NODE TABLE Team(uid STRING, name STRING, PRIMARY KEY(uid))")
c.execute("CREATE REL TABLE P(FROM Team TO Team, uid STRING)")
c.execute("COPY Team FROM $rows", {"rows": pa.table({"uid": [f"b{i}" for i in range(20000)], "name": ["x"] * 20000})})
for i in range(1000):
    c.execute("BEGIN TRANSACTION")
    c.execute("COPY Team FROM $rows", {"rows": pa.table({"uid": [f"n{i}"], "name": ["y"]})})
    c.execute("COPY P FROM $rows", {"rows": pa.table({"from": [f"n{i}"], "to": ["b1"], "uid": [f"p{i}"]})})
    try:
        c.execute("COMMIT")
    except RuntimeError as exc:
        print(f"transactions committed without error: {i}")
        print("then:", str(exc)[:230], "...")
        break
sys.stdout.flush()
os.kill(os.getpid(), signal.SIGKILL)
"""

REOPEN = r"""
import sys, ladybug
c = ladybug.Connection(ladybug.Database(sys.argv[1]))
print(list(c.execute("MATCH (t:Team) RETURN count(t) AS n").rows_as_dict())[0]["n"])
"""

if __name__ == "__main__":
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "graph")
    print(subprocess.run([sys.executable, "-c", WRITER, path], capture_output=True, text=True).stdout, end="")
    files = ", ".join(f"{f} ({os.path.getsize(os.path.join(folder, f)):,} bytes)" for f in sorted(os.listdir(folder)))
    print("files after SIGKILL:", files)
    reopened = subprocess.run([sys.executable, "-c", REOPEN, path], capture_output=True, text=True)
    print("nodes after reopening:", reopened.stdout.strip() or reopened.stderr.strip().splitlines()[-1])
