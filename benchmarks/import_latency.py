"""Latency of a small GraphQL query alone and while a big CSV is uploaded (prints figures). Issue 16.

A server (uvicorn subprocess, production mode, the demo system) answers a small query
(``teams(first: 5)``, one client, back to back) for ``--seconds``; then again while
``POST /files/import`` takes a ``--rows``-row CSV; then the same for the next upload. Two
uploads: ``organisations.csv``, read row by row (the path every file takes when a row has a
problem), and ``teams.csv``, read a column at a time. Prints p50, p99 and the slowest answer of
each phase, and the upload's own time. Big uploads are read in the server's reading process
(:mod:`carenet.services.reading`). The server's background recomputation of stored metrics after
writes is off unless ``--metrics-refresh`` (it is analytics work, not the import's).

Run it twice to compare two trees one after the other on the same machine: the server runs the
``src`` folder next to this script's folder, or ``--src``.

    .venv/bin/python benchmarks/import_latency.py [--rows 200000] [--seconds 5] [--src OTHER/src]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

SRC = (
    Path(sys.argv[sys.argv.index("--src") + 1]).resolve()
    if "--src" in sys.argv
    else Path(__file__).resolve().parents[1] / "src"
)
sys.path.insert(0, str(SRC))

from serving import free_port, served  # noqa: E402

from carenet.api.auth import Role, create_api_key  # noqa: E402
from carenet.bootstrap import build  # noqa: E402
from carenet.config import Settings  # noqa: E402
from carenet.services.demo import load_demo  # noqa: E402

SMALL = "{ teams(first: 5) { edges { node { uid name sector } } } }"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def line(label: str, ms: list[float]) -> str:
    return (
        f"{label:<52} n={len(ms):>5}  p50 {pct(ms, 50):7.1f} ms  p99 {pct(ms, 99):8.1f} ms  "
        f"max {max(ms):8.1f} ms  mean {statistics.fmean(ms):6.1f} ms"
    )


def sample(client: httpx.Client, stop: threading.Event, out: list[float]) -> None:
    while not stop.is_set():
        started = time.perf_counter()
        r = client.post("/graphql", json={"query": SMALL})
        out.append((time.perf_counter() - started) * 1000)
        if r.status_code != 200:
            raise RuntimeError(f"small query: {r.status_code} {r.text[:200]}")


def csv_file(kind: str, rows: int, org: str) -> bytes:
    if kind == "teams":
        head = "uid,name,sector,organisation\n"
        body = "".join(f"bench-team-{i},Team {i},health,{org}\n" for i in range(rows))
    else:
        head = "uid,name,kind,sector\n"
        body = "".join(f"bench-org-{i},Organisation {i},vcse,voluntary\n" for i in range(rows))
    return (head + body).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each phase without an upload")
    parser.add_argument("--src", help="the carenet source folder the server runs (default: this tree's)")
    parser.add_argument(
        "--kinds", default="organisations,teams", help="the uploads, in order (default: organisations,teams)"
    )
    parser.add_argument(
        "--metrics-refresh",
        action="store_true",
        help="keep the server's background recomputation of stored metrics after writes (off by "
        "default: it would run during the second upload, after the first one's writes)",
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="carenet-latency-"))

    async def prepare() -> None:
        built = await build(Settings(data_dir=folder), migrate_schema=True)
        try:
            await load_demo(built.repo)
        finally:
            await built.close()

    asyncio.run(prepare())
    key = create_api_key(folder / "api_keys.json", subject="latency", role=Role.ADMIN)
    port = free_port()
    env = {
        **os.environ,
        "CARENET_DATA_DIR": str(folder),
        "CARENET_MODE": "production",
        "CARENET_PORT": str(port),
        "PYTHONPATH": str(SRC),
        "CARENET_METRICS_REFRESH_S": "2.0" if args.metrics_refresh else "0",
    }
    headers = {"Authorization": f"ApiKey {key}", "Accept": "application/graphql-response+json"}
    print(
        f"source: {SRC}\nmachine: {os.cpu_count()} cores (shared); uvicorn subprocess, production mode, demo system; "
        f"background metrics refresh {'on' if args.metrics_refresh else 'off'}"
    )
    with served(env, port) as url:
        with httpx.Client(base_url=url, headers=headers, timeout=300) as client:
            org = client.post(
                "/graphql", json={"query": "{ organisations(first: 1) { edges { node { uid } } } }"}
            ).json()["data"]["organisations"]["edges"][0]["node"]["uid"]
            for _ in range(20):  # warm up
                client.post("/graphql", json={"query": SMALL})
            results = []
            for kind in args.kinds.split(","):
                # alone again before each upload: the graph grows by the previous one (200k more
                # teams make teams(first: 5) itself slower), so compare like with like
                alone: list[float] = []
                stop = threading.Event()
                worker = threading.Thread(target=sample, args=(client, stop, alone))
                worker.start()
                time.sleep(args.seconds)
                stop.set()
                worker.join()
                results.append(line(f"small query alone, before the {kind}.csv upload", alone))
                data = csv_file(kind, args.rows, org)
                during: list[float] = []
                stop = threading.Event()
                with httpx.Client(base_url=url, headers=headers, timeout=300) as sampler:
                    worker = threading.Thread(target=sample, args=(sampler, stop, during))
                    worker.start()
                    time.sleep(0.5)
                    started = time.perf_counter()
                    with httpx.Client(
                        base_url=url, headers={"Authorization": f"ApiKey {key}"}, timeout=600
                    ) as uploader:
                        r = uploader.post("/files/import", files=[("files", (f"{kind}.csv", data, "text/csv"))])
                    took = time.perf_counter() - started
                    stop.set()
                    worker.join()
                if r.status_code != 200:
                    raise RuntimeError(f"upload: {r.status_code} {r.text[:300]}")
                results.append(line(f"during a {args.rows:,}-row {kind}.csv upload", during))
                results.append(
                    f"{'':<52} the upload ({len(data) / 1e6:.1f} MB, {r.json()['rows']:,} rows) took {took:.1f} s"
                )
        print("\n".join(results))


if __name__ == "__main__":
    main()
