"""The map's default view, ``systemOverview``: its time cold and warm, read directly and through HTTP
(prints figures; asserts nothing).

Runs on a graph folder made by ``carenet demo --systems 42 --data-dir DIR`` (stop the server first:
one process holds the database). Directly: cold is a fresh repository and cache each sample (the
first visit after a write; the store open and read once before), warm the same cache again. Through HTTP (``uvicorn`` in a subprocess,
production mode, a frontend API key, no background metrics): cold is the first request of each
scope (the whole map, which is also the server's first request; then each wave and each place, each
a cache key of its own), warm the same requests repeated. Target (issue 19): at most 100 ms.

    .venv/bin/python benchmarks/overview.py --folder DIR [--samples 10]

To compare with another tree, run it with that tree's ``src`` first on ``PYTHONPATH`` (a tree
without the cache gives the same figure cold and warm).
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import os
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import pct  # noqa: E402
from serving import free_port, served  # noqa: E402

from carenet.api.auth import Role, create_api_key  # noqa: E402
from carenet.services import overview  # noqa: E402
from carenet.services.analysis import AnalysisCache  # noqa: E402
from carenet.storage.ladybug import LadybugStore  # noqa: E402
from carenet.storage.repository import Repository  # noqa: E402

QUERY = """query($filter: OverviewFilter) { systemOverview(filter: $filter) { truncated graphVersion
  nodes { id: uid label sector: sectorCode place placeName teams innerTies outerTies }
  edges { id: key source target teamTies organisationTies weight } } }"""  # the map's own selection
CACHED = "cache" in inspect.signature(overview.system_overview).parameters


def line(name: str, ms: list[float]) -> str:
    return f"{name:<44} p50 {pct(ms, 0.5):8.1f} ms   p99 {pct(ms, 0.99):8.1f} ms   (n={len(ms)})"


async def direct(folder: Path, samples: int, place: str) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    store = LadybugStore.open(folder / "graph", read_only=True)
    await overview.system_overview(Repository(store))  # the store's own pages read in once
    for scope_name, scope in (("whole", {}), ("place", {"place": place})):
        cold, warm = [], []
        for _ in range(samples):
            repo, cache = Repository(store), AnalysisCache()  # as after a write: nothing cached for this version
            kw = {"cache": cache} if CACHED else {}
            t = time.perf_counter()
            got = await overview.system_overview(repo, **scope, **kw)
            cold.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            await overview.system_overview(repo, **scope, **kw)
            warm.append((time.perf_counter() - t) * 1000)
        out[f"direct {scope_name} cold"], out[f"direct {scope_name} warm"] = cold, warm
        print(f"{scope_name}: {len(got.nodes):,} organisations, {len(got.edges):,} edges")
    await store.close()
    return out


def over_http(folder: Path, samples: int, places: list[str], waves: list[str]) -> dict[str, list[float]]:
    key = create_api_key(folder / "api_keys.json", subject="benchmark", role=Role.FRONTEND)
    port = free_port()
    env = {
        **os.environ,
        "CARENET_DATA_DIR": str(folder),
        "CARENET_MODE": "production",
        "CARENET_PORT": str(port),
        "CARENET_COST_BUDGET": "0",
        "CARENET_METRICS_REFRESH_S": "0",
    }
    out: dict[str, list[float]] = {
        "http whole, the server's first request": [],
        "http whole warm": [],
        "http one wave cold": [],
        "http place cold": [],
        "http place warm": [],
    }
    with served(env, port) as url, httpx.Client(headers={"Authorization": f"Bearer {key}"}, timeout=120) as client:

        def post(f: dict | None) -> float:
            t = time.perf_counter()
            r = client.post(url + "/graphql", json={"query": QUERY, "variables": {"filter": f}})
            ms = (time.perf_counter() - t) * 1000
            body = r.json()
            assert r.status_code == 200 and "errors" not in body, body
            return ms

        out["http whole, the server's first request"].append(post(None))
        for w in waves[:samples]:  # every organisation, the ties of one wave (one system's)
            out["http one wave cold"].append(post({"wave": w}))
        for _ in range(samples):
            out["http whole warm"].append(post(None))
        for p in places[:samples]:
            out["http place cold"].append(post({"place": p}))
        for _ in range(samples):
            out["http place warm"].append(post({"place": places[0]}))
    return out


async def scopes(folder: Path) -> tuple[list[str], list[str]]:
    from carenet.storage.queries.subgraph import OVERVIEW_PLACE_NAMES

    store = LadybugStore.open(folder / "graph", read_only=True)
    places = sorted(r["uid"] for r in await store.read(OVERVIEW_PLACE_NAMES))
    waves = sorted(r["uid"] for r in await store.read("node_scan_survey_wave"))
    await store.close()
    return places, waves


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folder", required=True, help="a carenet data folder (graph/ inside), no server on it")
    parser.add_argument("--samples", type=int, default=10)
    args = parser.parse_args()
    folder = Path(args.folder)
    places, waves = asyncio.run(scopes(folder))
    print(f"{folder}: {len(places)} places, {len(waves)} waves; cache in this tree: {CACHED}")
    d = asyncio.run(direct(folder, args.samples, places[0]))
    h = over_http(folder, args.samples, places, waves)
    for name, ms in {**d, **h}.items():
        print(line(name, ms))


if __name__ == "__main__":
    main()
