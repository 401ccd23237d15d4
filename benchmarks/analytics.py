"""Benchmark the analytics reports and their heavy kernels against raw igraph.

Prints figures; asserts nothing. Builds a synthetic team-level DiGraph shaped
like an ICS (teams in organisations in places, sectors per organisation, most
ties inside an organisation or place), then runs ``silo_report``,
``gap_report`` and ``broker_report`` and, for each heavy kernel, the raw igraph
call on the same graph in the same process.

    PYTHONPATH=src .venv/bin/python benchmarks/analytics.py                 # 200k teams, 1.5M ties
    PYTHONPATH=src .venv/bin/python benchmarks/analytics.py --teams 20000 --ties 150000

Peak memory is the process's maximum resident set size (``getrusage``), which
includes the networkx graph itself; tracemalloc is not used because it slows
allocation-heavy code several-fold. Times are given as wall and CPU seconds
(this process plus forked workers): on a machine shared with other work the
wall time includes waiting for the CPU, the CPU time does not.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import time

import networkx as nx
import numpy as np

from carenet.analytics import (
    betweenness,
    broker_report,
    constraint,
    detect_communities,
    gap_report,
    reuse_conversion,
    silo_report,
    structural_hole_measures,
)
from carenet.analytics._igraph import converted

SECTORS = ["health", "social_care", "housing", "education", "leisure", "voluntary", "public_health", "other"]
SECTOR_P = [0.40, 0.18, 0.08, 0.12, 0.04, 0.12, 0.03, 0.03]
KINDS = ["referral", "joint_meeting", "shared_record", "co_location", "pooled_budget", "data_sharing"]
FREQ = ["daily", "weekly", "monthly", "quarterly", "yearly", None]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(teams: int, ties: int, seed: int) -> tuple[nx.DiGraph, dict]:
    """Synthetic ICS: ~40 teams per organisation, ~30 organisations per place."""
    rng = np.random.default_rng(seed)
    n_org = max(teams // 40, 2)
    n_place = max(n_org // 30, 2)
    org_place = rng.integers(0, n_place, n_org)
    org_sector = rng.choice(len(SECTORS), n_org, p=SECTOR_P)
    org = rng.integers(0, n_org, teams)
    place = org_place[org]

    def members(key: np.ndarray, size: int):
        order = np.argsort(key, kind="stable")
        count = np.bincount(key, minlength=size)
        start = np.concatenate([[0], np.cumsum(count)[:-1]])
        return order, count, start

    by_org = members(org, n_org)
    by_place = members(place, n_place)
    keys = np.zeros(0, np.int64)
    while len(keys) < ties:
        want = int((ties - len(keys)) * 1.15) + 16
        src = rng.integers(0, teams, want)
        dst = rng.integers(0, teams, want)
        r = rng.random(want)
        for mask, (order, count, start), group in (
            (r < 0.55, by_org, org),
            ((r >= 0.55) & (r < 0.85), by_place, place),
        ):
            g = group[src[mask]]
            dst[mask] = order[start[g] + (rng.random(mask.sum()) * count[g]).astype(np.int64)]
        ok = src != dst
        keys = np.unique(np.concatenate([keys, src[ok] * teams + dst[ok]]))
    keys = rng.permutation(keys)[:ties]
    src, dst = keys // teams, keys % teams

    names = [f"team-{i:06d}" for i in range(teams)]
    G = nx.DiGraph()
    G.add_nodes_from(
        (
            names[i],
            {
                "label": "Team",
                "name": names[i],
                "sector": SECTORS[org_sector[o]],
                "organisation": f"org-{o:05d}",
                "place": f"place-{p:04d}",
                "system": "system-1",
                "kind": "service",
            },
        )
        for i, (o, p) in enumerate(zip(org.tolist(), place.tolist()))
    )
    trust = np.round(rng.uniform(1, 4, ties), 1).tolist()
    value = np.round(rng.uniform(1, 4, ties), 1).tolist()
    freq = rng.integers(0, len(FREQ), ties).tolist()
    kind = rng.integers(0, len(KINDS), ties).tolist()
    weight = np.round(rng.uniform(0.5, 3, ties), 2).tolist()
    G.add_edges_from(
        (
            names[u],
            names[v],
            {"kinds": [KINDS[k]], "frequency": FREQ[f], "trust": t, "value": x, "wave": "wave-1", "weight": w},
        )
        for u, v, k, f, t, x, w in zip(src.tolist(), dst.tolist(), kind, freq, trust, value, weight)
    )
    pyr = random.Random(seed)
    pathways = {f"pathway-{p}": [pyr.sample(names, pyr.randint(1, 3)) for _ in range(4)] for p in range(20)}
    seats = {f"org-{o:05d}" for o in range(n_org) if pyr.random() < 0.3}
    return G, {"pathways": pathways, "forum_seats": seats}


def cpu_seconds() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--teams", type=int, default=200_000)
    ap.add_argument("--ties", type=int, default=1_500_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--k", type=int, default=64, help="betweenness pivots")
    ap.add_argument(
        "--processes", type=int, default=1, help="betweenness processes in the report (the kernels try 1 and 2)"
    )
    ap.add_argument("--permutations", type=int, default=99)
    ap.add_argument("--efficiency-k", type=int, default=16)
    ap.add_argument("--departures", type=int, default=3, help="top brokers whose departure is assessed")
    ap.add_argument("--repeat", type=int, default=2, help="runs per kernel comparison")
    ap.add_argument("--skip-kernels", action="store_true", help="reports only")
    args = ap.parse_args()

    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    (G, extra), t = timed(build, args.teams, args.ties, args.seed)
    print(
        f"graph: {G.number_of_nodes():,} teams, {G.number_of_edges():,} ties; "
        f"built in {t:.1f} s; peak RSS {rss_mb():,.0f} MB"
    )

    total = 0.0
    with reuse_conversion(G):
        reports = {
            "silo_report": lambda: silo_report(G, permutations=args.permutations, seed=args.seed),
            "gap_report": lambda: gap_report(G, pathways=extra["pathways"], forum_seats=extra["forum_seats"]),
            "broker_report": lambda: broker_report(
                G,
                k=args.k,
                seed=args.seed,
                processes=args.processes,
                efficiency_k=args.efficiency_k,
                departures=args.departures,
            ),
        }
        total_cpu = 0.0
        for name, run in reports.items():
            c0 = cpu_seconds()
            out, t = timed(run)
            total += t
            total_cpu += cpu_seconds() - c0
            print(f"\n{name}: wall {t:.2f} s, cpu {cpu_seconds() - c0:.2f} s")
            for metric, s in out["timings_s"].items():
                if metric != "total":
                    print(f"  {metric:<28} wall {s:7.2f} s   cpu {out['cpu_s'][metric]:7.2f} s")
        print(
            f"\nfull report total: wall {total:.2f} s, cpu {total_cpu:.2f} s; "
            f"peak RSS {rss_mb():,.0f} MB; load {os.getloadavg()[0]:.1f}"
        )

        if args.skip_kernels:
            return
        print("\nkernels vs raw igraph (same graph, conversion cached):")
        conv = converted(G)
        gd, gu = conv.igraph(True), conv.igraph(False)
        wu = conv.igraph_weights(False, "weight")

        def compare(label: str, ours, raw) -> None:
            # alternate raw and ours and keep each one's best, so a burst of load
            # from other processes on the machine does not land on one side only;
            # CPU time (process and children) is what to compare on a busy machine
            walls: dict[str, list[float]] = {"ours": [], "raw": []}
            cpus: dict[str, list[float]] = {"ours": [], "raw": []}
            for _ in range(args.repeat):
                for side, fn in (("raw", raw), ("ours", ours)):
                    c0 = cpu_seconds()
                    walls[side].append(timed(fn)[1])
                    cpus[side].append(cpu_seconds() - c0)
            w, c = {k: min(v) for k, v in walls.items()}, {k: min(v) for k, v in cpus.items()}
            print(
                f"  {label:<40} wall ours {w['ours']:6.2f} igraph {w['raw']:6.2f} "
                f"ratio {w['ours'] / w['raw']:4.2f} | cpu ours {c['ours']:6.2f} "
                f"igraph {c['raw']:6.2f} ratio {c['ours'] / c['raw']:4.2f} "
                f"(load {os.getloadavg()[0]:.1f})"
            )

        compare(
            "leiden (modularity, 2 iterations)",
            lambda: detect_communities(G, method="leiden", seed=1),
            lambda: gu.community_leiden(objective_function="modularity", weights=wu, n_iterations=2),
        )
        compare(
            "louvain (multilevel)",
            lambda: detect_communities(G, method="louvain", seed=1),
            lambda: gu.community_multilevel(weights=wu),
        )
        pivots = [conv.index[v] for v in random.Random(args.seed).sample(conv.nodes, args.k)]
        compare(
            f"betweenness sampled k={args.k}, 1 process",
            lambda: betweenness(G, k=args.k, seed=args.seed, processes=1),
            lambda: gd.betweenness(sources=pivots),
        )
        compare(
            f"betweenness sampled k={args.k}, 2 processes",
            lambda: betweenness(G, k=args.k, seed=args.seed, processes=2),
            lambda: gd.betweenness(sources=pivots),
        )
        compare("constraint (weighted)", lambda: constraint(G, weight="weight"), lambda: gu.constraint(weights=wu))
        compare(
            "constraint + effective size (weighted)",
            lambda: structural_hole_measures(G, weight="weight"),
            lambda: gu.constraint(weights=wu),
        )
    print(f"\npeak RSS {rss_mb():,.0f} MB; load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
