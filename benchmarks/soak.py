"""Soak: the embedded store under a planner's write workload, through real HTTP (prints figures;
asserts nothing). Issue 14.

Run 1: a server (uvicorn subprocess, production mode, an admin API key) on the demo system takes
``--creates`` single-team upserts that create (each with its ``partOf`` anchor), then ``--updates``
that rename existing ones, then ``--ties`` relationship upserts (``collaboratesWith``), from
``--clients`` concurrent clients. Every acknowledged write is recorded. It prints the server's
resident memory (RSS, from /proc) at every 1,000 writes, and p50/p99 latency of the first and last
10% of writes.

Run 2: the same workload on a fresh copy; the server is killed with SIGKILL at ``--kills`` random
moments and restarted each time; after each restart it counts the acknowledged writes that are
missing and the time the server took to answer ``/readyz`` again.

Targets (issue 14): RSS after all writes within 150 MB of RSS after the first 1,000; last-10% p99
within 1.5x of first-10% p99; 0 acknowledged writes lost; every restart opens, each in under 5 s.

    .venv/bin/python benchmarks/soak.py [--creates 20000] [--updates 5000] [--ties 2000] [--clients 4] [--kills 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import aiohttp
import httpx
from serving import free_port, uvicorn_command

from carenet.api.auth import Role, create_api_key
from carenet.bootstrap import build
from carenet.config import Settings
from carenet.services import demo

UPSERT = "mutation($input: UpsertInput!) { upsert(input: $input) { graphVersion } }"
TEAMS = "query($after: String) { teams(first: 500, after: $after) { pageInfo { hasNextPage endCursor } edges { node { uid } } } }"
ORG = "s1-org-acute"
WAVE = "s1-wave-2026"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))] if ordered else float("nan")


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def workload(creates: int, updates: int, ties: int, seed: int) -> list[tuple[str, dict]]:
    """(kind, input) for every write, in order: creates, then updates, then ties."""
    rng = random.Random(seed)
    out: list[tuple[str, dict]] = []
    for i in range(creates):
        uid = f"soak-team-{i}"
        out.append(
            (
                "create",
                {
                    "teams": [{"uid": uid, "name": f"Soak team {i}", "sector": "HEALTH", "service": "Soak"}],
                    "partOf": [{"source": uid, "target": ORG}],
                },
            )
        )
    for i in range(updates):
        uid = f"soak-team-{rng.randrange(creates)}"
        out.append(
            (
                "update",
                {
                    "teams": [{"uid": uid, "name": f"Renamed {i}", "sector": "HOUSING", "service": "Soak"}],
                    "partOf": [{"source": uid, "target": ORG}],
                },
            )
        )
    for i in range(ties):
        a, b = rng.sample(range(creates), 2)
        out.append(
            (
                "tie",
                {
                    "collaboratesWith": [
                        {
                            "source": f"soak-team-{a}",
                            "target": f"soak-team-{b}",
                            "kinds": ["REFERRAL"],
                            "wave": WAVE,
                            "uid": f"soak-tie-{i}",
                        }
                    ]
                },
            )
        )
    return out


async def make_demo(folder: Path) -> str:
    built = await build(Settings(data_dir=folder), migrate_schema=True)
    try:
        await demo.load_demo(built.repo, seed=7, systems=1)
    finally:
        await built.close()
    return create_api_key(folder / "api_keys.json", subject="soak", role=Role.ADMIN)


class Server:
    def __init__(self, folder: Path) -> None:
        self.folder, self.port = folder, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> float:
        """Start and wait for /readyz; the seconds it took."""
        env = {**os.environ, "CARENET_DATA_DIR": str(self.folder), "CARENET_MODE": "production"}
        began = time.monotonic()
        self.proc = subprocess.Popen(
            uvicorn_command(self.port, log_level="error"),
            env=env,
            stderr=subprocess.PIPE,
        )
        deadline = began + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/readyz", timeout=2).status_code == 200:
                    return time.monotonic() - began
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError("the server exited: " + self.proc.stderr.read().decode()[-2000:])
            time.sleep(0.05)
        raise RuntimeError("the server did not become ready in 120 s")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.kill()


async def drive(
    server: Server,
    key: str,
    writes: list[tuple[str, dict]],
    clients: int,
    *,
    stop_at: int | None = None,
    on_progress=None,
    spans: dict[int, tuple[float, float]] | None = None,
) -> tuple[list[tuple[int, float]], set[int], int]:
    """Send ``writes`` from ``clients`` clients; returns (index, ms) of acknowledged writes, their
    indexes, and the number of errors. ``stop_at``: stop after that many acknowledged. ``spans``
    gets (sent, acknowledged) monotonic times of each acknowledged write, by index."""
    queue: asyncio.Queue = asyncio.Queue()
    for item in enumerate(writes):
        queue.put_nowait(item)
    timings: list[tuple[int, float]] = []
    acknowledged: set[int] = set()
    errors = 0
    headers = {"Authorization": f"ApiKey {key}", "Content-Type": "application/json"}

    async def client(session: aiohttp.ClientSession) -> None:
        nonlocal errors
        while not queue.empty():
            if stop_at is not None and len(acknowledged) >= stop_at:
                return
            index, (_, payload) = queue.get_nowait()
            began = time.perf_counter()
            try:
                async with session.post(
                    server.url + "/graphql", json={"query": UPSERT, "variables": {"input": payload}}, headers=headers
                ) as response:
                    body = await response.json(content_type=None)
            except (TimeoutError, aiohttp.ClientError, ValueError):
                errors += 1
                return  # the server is gone
            if response.status == 200 and not body.get("errors"):
                timings.append((index, (time.perf_counter() - began) * 1000))
                if spans is not None:
                    spans[index] = (began, time.perf_counter())
                acknowledged.add(index)
                if on_progress:
                    on_progress(len(acknowledged))
            else:
                errors += 1

    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        await asyncio.gather(*(client(session) for _ in range(clients)))
    return timings, acknowledged, errors


def held_uids(server: Server, key: str) -> tuple[set[str], set[str]]:
    """Team uids and their names, and tie uids, as the server now holds them (names by uid)."""
    headers = {"Authorization": f"ApiKey {key}"}
    teams: dict[str, str] = {}
    after = None
    with httpx.Client(base_url=server.url, headers=headers, timeout=120) as client:
        while True:
            body = client.post(
                "/graphql",
                json={"query": TEAMS.replace("node { uid }", "node { uid name }"), "variables": {"after": after}},
            ).json()
            page = body["data"]["teams"]
            teams.update({e["node"]["uid"]: e["node"]["name"] for e in page["edges"]})
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        ties = client.get(
            "/admin/db/status", headers={"Authorization": "Bearer " + (server.folder / "admin.key").read_text().strip()}
        ).json()
    return teams, ties["counts"]


def missing(
    writes,
    acknowledged: set[int],
    teams: dict[str, str],
    tie_count_needed: int,
    tie_count: int,
    spans: dict[int, tuple[float, float]],
) -> int:
    """Acknowledged writes the store no longer shows: creates whose team is gone; ties beyond the
    count held (this workload deletes none); and updates: the name held must be that of an
    acknowledged write to the team that was still in flight when the last one sent to it was sent
    (those may land in any order), or of a write never acknowledged (it may have landed)."""
    lost = 0
    by_uid: dict[str, list[int]] = {}
    for index, (kind, payload) in enumerate(writes):
        if kind != "tie":
            by_uid.setdefault(payload["teams"][0]["uid"], []).append(index)
    for uid, indexes in by_uid.items():
        acked = [i for i in indexes if i in acknowledged]
        if not acked:
            continue
        if uid not in teams:
            lost += sum(1 for i in acked if writes[i][0] == "create")
            continue
        last_sent = max(spans[i][0] for i in acked)
        allowed = {writes[i][1]["teams"][0]["name"] for i in acked if spans[i][1] >= last_sent}
        allowed |= {writes[i][1]["teams"][0]["name"] for i in indexes if i not in acknowledged}
        if teams[uid] not in allowed:
            lost += 1
            if os.environ.get("SOAK_DEBUG"):
                print(
                    "  not as acknowledged:",
                    uid,
                    repr(teams[uid]),
                    sorted(allowed)[:4],
                    [(i, writes[i][0], round(spans[i][0], 3), round(spans[i][1], 3)) for i in acked][-4:],
                )
    return lost + max(0, tie_count_needed - tie_count)


async def run_one(folder: Path, key: str, writes, clients: int) -> None:
    server = Server(folder)
    opened = server.start()
    print(f"server ready in {opened:.2f} s; RSS {rss_mb(server.proc.pid):.0f} MB", flush=True)
    marks: dict[int, float] = {}

    def progress(done: int) -> None:
        if done % 1000 == 0 and done not in marks:
            marks[done] = rss_mb(server.proc.pid)
            print(f"  {done:6d} writes  RSS {marks[done]:7.1f} MB", flush=True)

    began = time.monotonic()
    try:
        spans: dict[int, tuple[float, float]] = {}
        timings, acknowledged, errors = await drive(server, key, writes, clients, on_progress=progress, spans=spans)
        elapsed = time.monotonic() - began
        teams, counts = held_uids(server, key)
    finally:
        server.stop()
    ordered = [ms for _, ms in sorted(timings)]
    tenth = max(1, len(ordered) // 10)
    first, last = ordered[:tenth], ordered[-tenth:]
    ties_acked = sum(1 for i in acknowledged if writes[i][0] == "tie")
    base_ties = counts.get("COLLABORATES_WITH", 0)
    print(
        f"\n{len(acknowledged):,} of {len(writes):,} writes acknowledged, {errors} errors, {elapsed:.0f} s "
        f"({len(acknowledged) / elapsed:.0f} writes/s)"
    )
    if 1000 in marks:
        end = marks[max(marks)]
        print(
            f"RSS after 1,000 writes {marks[1000]:.1f} MB; after {max(marks):,} {end:.1f} MB: "
            f"+{end - marks[1000]:.1f} MB (target <= 150)"
        )
    p99_first, p99_last = pct(first, 99), pct(last, 99)
    print(
        f"first 10%: p50 {pct(first, 50):.1f} ms p99 {p99_first:.1f} ms; last 10%: p50 {pct(last, 50):.1f} ms "
        f"p99 {p99_last:.1f} ms; ratio of p99s {p99_last / p99_first:.2f} (target <= 1.5)"
    )
    for kind in ("create", "update", "tie"):  # the same operation early and late: does it slow down?
        of_kind = [ms for i, ms in sorted(timings) if writes[i][0] == kind]
        part = max(1, len(of_kind) // 10)
        if len(of_kind) >= 20:
            a, b = of_kind[:part], of_kind[-part:]
            print(
                f"  {kind + 's':8s} first 10%: p50 {pct(a, 50):.1f} p99 {pct(a, 99):.1f} ms; last 10%: p50 {pct(b, 50):.1f} "
                f"p99 {pct(b, 99):.1f} ms; ratio of p99s {pct(b, 99) / pct(a, 99):.2f}"
            )
    print(
        f"acknowledged writes missing at the end: {missing(writes, acknowledged, teams, 0, 0, spans)}; "
        f"COLLABORATES_WITH held {base_ties:,} (acknowledged soak ties {ties_acked:,})"
    )


async def run_kills(folder: Path, key: str, writes, clients: int, kills: int, seed: int) -> None:
    rng = random.Random(seed)
    server = Server(folder)
    server.start()
    baseline_ties = held_uids(server, key)[1].get("COLLABORATES_WITH", 0)
    acknowledged: set[int] = set()
    spans: dict[int, tuple[float, float]] = {}
    remaining = list(range(len(writes)))
    lost_total, opened = 0, []
    for k in range(kills):
        todo = [writes[i] for i in remaining]
        stop_at = rng.randrange(200, max(201, len(todo) // (kills - k)))
        local: dict[int, tuple[float, float]] = {}
        timings, acked, _ = await drive(server, key, todo, clients, stop_at=stop_at, spans=local)
        acknowledged |= {remaining[i] for i in acked}
        spans.update({remaining[i]: span for i, span in local.items()})
        await asyncio.sleep(rng.uniform(0, 0.05))
        server.kill()
        remaining = [i for i in remaining if i not in acknowledged]
        try:
            opened.append(server.start())
        except RuntimeError as exc:
            print(f"kill {k + 1}: the store did not reopen: {exc}")
            return
        teams, counts = held_uids(server, key)
        ties_acked = sum(1 for i in acknowledged if writes[i][0] == "tie")
        lost = missing(
            writes, acknowledged, teams, baseline_ties + ties_acked, counts.get("COLLABORATES_WITH", 0), spans
        )
        lost_total += lost
        print(
            f"kill {k + 1}: after {len(acknowledged):,} acknowledged writes; reopened in {opened[-1]:.2f} s; "
            f"acknowledged writes missing: {lost}",
            flush=True,
        )
    server.stop()
    print(
        f"\n{kills} kills: {len(opened)} of {kills} restarts opened, slowest {max(opened):.2f} s (target < 5); "
        f"acknowledged writes lost: {lost_total} (target 0)"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--creates", type=int, default=20_000)
    parser.add_argument("--updates", type=int, default=5_000)
    parser.add_argument("--ties", type=int, default=2_000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--keep", type=Path, help="keep the stores in this folder (to inspect them afterwards)")
    args = parser.parse_args()
    writes = workload(args.creates, args.updates, args.ties, args.seed)
    with tempfile.TemporaryDirectory(prefix="carenet-soak-") as tmp:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            tmp = str(args.keep)
        demo_folder = Path(tmp) / "demo"
        key = await make_demo(demo_folder)
        print(
            f"== run 1: {len(writes):,} writes ({args.creates:,} creates, {args.updates:,} updates, "
            f"{args.ties:,} ties) from {args.clients} clients",
            flush=True,
        )
        first = Path(tmp) / "run1"
        shutil.copytree(demo_folder, first)
        await run_one(first, key, writes, args.clients)
        if args.kills == 0:
            return
        print(f"\n== run 2: the same writes, the server killed with SIGKILL {args.kills} times", flush=True)
        second = Path(tmp) / "run2"
        shutil.copytree(demo_folder, second)
        await run_kills(second, key, writes, args.clients, args.kills, args.seed)


if __name__ == "__main__":
    asyncio.run(main())
