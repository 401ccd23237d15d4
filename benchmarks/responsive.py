"""Does the server keep answering while it recomputes the stored metrics after a write?

Prints figures; asserts nothing. Starts ``carenet demo --systems N`` (default 42: about 20,000 teams
and 85,000 leaders) on a free port, waits until its start-up work is done (the server and its
children idle), then makes one small write (a new team) and, until the recomputation it starts is
over (idle again), times a request every half second: ``{ __typename }`` (nothing to read: any delay
is the server being held) and the map's default overview (its answer for the new graph version is
computed once, then kept). Before the write the same two are timed on the idle server, as the
reference.

Before big graphs were analysed in a process of their own, the server built each level's graph
and ran igraph on the event loop's own process: a request could wait seconds for the GIL.

    .venv/bin/python benchmarks/responsive.py [--systems 42] [--every 0.5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))  # the shared demo server helper

from mapserver import demo_server, wait_idle  # noqa: E402

OVERVIEW = """query($filter: OverviewFilter) { systemOverview(filter: $filter) { truncated graphVersion
  nodes { id: uid label sector place placeName teams innerTies outerTies }
  edges { id: key source target teamTies organisationTies weight } } }"""
WRITE = "mutation($i: UpsertInput!) { upsert(input: $i) { __typename } }"


def figures(name: str, ms: list[float]) -> str:
    if not ms:
        return f"{name:<38} (none)"
    q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else [ms[0]] * 99
    return f"{name:<38} p50 {statistics.median(ms):8.1f}   p99 {q[98]:8.1f}   max {max(ms):8.1f} ms   (n={len(ms)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--systems", type=int, default=42)
    parser.add_argument("--every", type=float, default=0.5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, demo_server(Path(tmp), systems=args.systems, timeout=900) as server:
        token = server.token("admin")
        client = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=600)

        def timed(query: str, variables: dict | None = None) -> float:
            t = time.perf_counter()
            r = client.post("/graphql", json={"query": query, "variables": variables or {}})
            ms = (time.perf_counter() - t) * 1000
            if r.status_code != 200 or r.json().get("errors"):
                raise RuntimeError(f"{r.status_code}: {r.text[:300]}")
            return ms

        print(f"carenet demo --systems {args.systems} at {server.url}")
        print(f"start-up work (metrics of every level) over after {wait_idle(server.pid):.1f} s")
        idle = {"typename": [], "overview": []}
        for _ in range(10):
            idle["typename"].append(timed("{ __typename }"))
            idle["overview"].append(timed(OVERVIEW, {"filter": {}}))
        write = timed(WRITE, {"i": {"teams": [{"uid": "bench-responsive", "name": "Bench team", "sector": "HEALTH"}]}})
        busy: dict[str, list[float]] = {"typename": [], "overview": []}
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                busy["typename"].append(timed("{ __typename }"))
                busy["overview"].append(timed(OVERVIEW, {"filter": {}}))
                stop.wait(args.every)

        sampler = threading.Thread(target=sample)
        sampler.start()
        try:  # the timed requests themselves use about a tenth of a core: idle is under a fifth
            over = wait_idle(server.pid, share=0.2)
        finally:
            stop.set()
            sampler.join()
        print(f"one write ({write:.0f} ms), then the recomputation: over after {over:.1f} s")
        print("== idle server")
        print(figures("{ __typename }", idle["typename"]))
        print(figures("overview (kept)", idle["overview"]))
        print("== after the write, until the server is idle again")
        print(figures("{ __typename }", busy["typename"]))
        print(figures("overview (first computed, then kept)", busy["overview"]))


if __name__ == "__main__":
    main()
