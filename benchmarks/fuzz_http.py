"""Fuzz the GraphQL endpoint through real HTTP (prints figures; asserts nothing). Issue 15.

A server (uvicorn subprocess, demo mode, the demo system) gets ``--cases`` generated requests:
about half are queries generated from the schema (hypothesis-graphql), half are request objects
of random JSON in every parameter (query, operationName, variables, extensions), sent by POST and
by GET, with both media types. Prints the count of responses by status and every 5xx found (the
target is none). Bounded by ``--cases`` and ``--seconds``; stops by itself.

    .venv/bin/python benchmarks/fuzz_http.py [--cases 10000] [--seconds 1200] [--seed 15]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.parse

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import from_schema
from serving import free_port, served

MEDIA = ["application/graphql-response+json", "application/json"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=10,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=1200)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="carenet-fuzz-")
    port = free_port()
    env = {**os.environ, "CARENET_DATA_DIR": folder, "CARENET_MODE": "demo", "CARENET_PORT": str(port)}
    subprocess.run(
        [sys.executable, "-m", "carenet.cli.main", "generate", "--data-dir", folder],
        env=env,
        check=True,
        capture_output=True,
    )
    serve = [sys.executable, "-m", "carenet.cli.main", "serve", "--data-dir", folder, "--port", str(port)]
    with served(env, port, serve, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as url:
        from strawberry.printer import print_schema

        from carenet.api import build_schema

        sdl = print_schema(build_schema(demo=True))
        token = _admin_token(folder)
        run(url, token, sdl, args)


def _admin_token(folder: str) -> str:
    from pathlib import Path

    from carenet.api.auth import Role, create_api_key

    return "ApiKey " + create_api_key(Path(folder) / "api_keys.json", subject="fuzz", role=Role.ADMIN)


def run(url: str, token: str, sdl: str, args) -> None:
    statuses: collections.Counter = collections.Counter()
    failures: list[str] = []
    began = time.monotonic()
    rng = random.Random(args.seed)
    client = httpx.Client(base_url=url, headers={"Authorization": token}, timeout=60)
    queries = from_schema(
        sdl,
        fields=[
            "teams",
            "organisations",
            "people",
            "places",
            "systems",
            "counts",
            "subgraph",
            "node",
            "nodeByUid",
            "analysis",
            "pathways",
            "leaderDemographics",
        ],
    )
    objects = st.fixed_dictionaries(
        {},
        optional={
            "query": json_values | queries,
            "operationName": json_values,
            "variables": json_values,
            "extensions": json_values,
        },
    )

    def send(params: dict) -> None:
        media = rng.choice(MEDIA)
        try:
            if rng.random() < 0.25:  # GET: every value as text, objects as JSON
                qs = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
                response = client.get("/graphql?" + urllib.parse.urlencode(qs), headers={"Accept": media})
            else:
                response = client.post(
                    "/graphql",
                    content=json.dumps(params),
                    headers={"Accept": media, "Content-Type": "application/json"},
                )
        except httpx.HTTPError as exc:  # no answer in time: a finding too
            statuses[type(exc).__name__] += 1
            if len(failures) < 20:
                failures.append(f"{type(exc).__name__} {json.dumps(params)[:300]}")
            return
        statuses[response.status_code] += 1
        if response.status_code >= 500 and len(failures) < 20:
            failures.append(f"{response.status_code} {json.dumps(params)[:300]} -> {response.text[:200]}")

    half = args.cases // 2

    @settings(
        max_examples=half, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(query=queries)
    def schema_queries(query) -> None:
        if time.monotonic() - began < args.seconds:
            send({"query": query})

    @settings(
        max_examples=args.cases - half,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(params=objects)
    def request_objects(params) -> None:
        if time.monotonic() - began < args.seconds:
            send(params)

    schema_queries()
    request_objects()
    elapsed = time.monotonic() - began
    total = sum(statuses.values())
    print(
        f"{total:,} requests in {elapsed:.0f} s; by status: "
        + ", ".join(f"{k}: {v:,}" for k, v in sorted(statuses.items(), key=str))
    )
    print(
        f"5xx responses: {sum(v for k, v in statuses.items() if isinstance(k, int) and k >= 500)} (target 0); "
        f"no answer in 60 s: {sum(v for k, v in statuses.items() if not isinstance(k, int))}"
    )
    for line in failures:
        print("  " + line)


if __name__ == "__main__":
    main()
