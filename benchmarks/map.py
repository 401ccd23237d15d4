"""Benchmark the /map page: time to first render of 1,000 and 5,000 nodes in headless Chromium.

Prints figures; asserts nothing. Starts ``carenet demo --systems 3`` on a free port in a temporary folder
(about 1,600 teams and 6,600 leaders), then for each case opens the page in Debian's Chromium
(playwright-core, software WebGL through SwiftShader) and reads the page's own timings:

- first render: from navigation start to sigma's first drawn frame with the nodes (page, bundle,
  GraphQL ``subgraph``, graph build and the first WebGL frame);
- fetch: the ``subgraph`` request alone; draw: building the graph and the first synchronous render;
- longest stall: the longest gap between 50 ms timer ticks on the main thread over 3 s while
  ForceAtlas2 runs in its web worker (a frozen page shows up here).

By default the runs start once the server is idle (its start-up recomputation of the stored metrics
over, as on a server that has been up a while); ``--busy`` starts at once, while it still runs.

    .venv/bin/python benchmarks/map.py [--runs 3] [--systems 3] [--busy]

Target (issue 6): first render <= 2 s at 5,000 nodes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))  # the shared browser helpers

from mapbrowser import Browser, missing_requirements  # noqa: E402
from mapserver import demo_server, wait_idle  # noqa: E402

CASES = [
    ("overview", "", 0),  # the default view (issue 19): organisations and their teams' ties summed
    ("1,000 teams", "?view=network&level=TEAM&limit=1000", 1000),
    ("5,000 leaders", "?view=network&level=PERSON&limit=5000", 5000),
]
READY = "window.carenetMap && document.querySelector('#map').dataset.status === 'ready' && carenetMap.firstRenderMs()"
STALL = """
  let last = performance.now(), worst = 0;
  const tick = setInterval(() => { const now = performance.now(); worst = Math.max(worst, now - last); last = now; }, 50);
  await new Promise((r) => setTimeout(r, 3000));
  clearInterval(tick);
  return {worst, layoutRunning: carenetMap.layoutRunning()};
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--systems", type=int, default=3)
    parser.add_argument(
        "--busy",
        action="store_true",
        help="start at once, while the server still computes its stored metrics (default: wait until it is idle)",
    )
    args = parser.parse_args()
    why = missing_requirements()
    if why:
        sys.exit(why)
    with tempfile.TemporaryDirectory() as tmp, demo_server(Path(tmp), systems=args.systems) as server:
        token = server.token("analyst", "admin", "frontend")
        if not args.busy:
            print(f"the server's start-up work (stored metrics of every level) took {wait_idle(server.pid):.1f} s")
        print(f"carenet demo --systems {args.systems} at {server.url}; {args.runs} runs per case, fresh page each run")
        print(
            f"{'case':<15} {'nodes':>6} {'edges':>7} {'first render ms':>16} {'fetch ms':>9} {'draw ms':>8} {'stall ms':>9}"
        )
        with Browser() as browser:
            for name, query, _want in CASES:
                rows = []
                for _ in range(args.runs):
                    browser.goto(f"{server.url}/map{query}#token={token}")
                    browser.wait(READY, timeout=120000)
                    row = browser.js(
                        "const d = document.querySelector('#map').dataset;"
                        "return {nodes: carenetMap.nodeCount(), edges: carenetMap.edgeCount(), first: carenetMap.firstRenderMs(),"
                        " fetch: Number(d.fetchMs), draw: Number(d.drawMs)}"
                    )
                    row["stall"] = browser.js(STALL)["worst"]
                    rows.append(row)
                    print(
                        f"{name:<15} {row['nodes']:>6} {row['edges']:>7} {row['first']:>16.0f} {row['fetch']:>9.0f} {row['draw']:>8.0f} {row['stall']:>9.0f}"
                    )
                med = {k: statistics.median(r[k] for r in rows) for k in ("first", "fetch", "draw", "stall")}
                print(
                    f"{name + ' median':<22} {'':>7} {med['first']:>16.0f} {med['fetch']:>9.0f} {med['draw']:>8.0f} {med['stall']:>9.0f}"
                )


if __name__ == "__main__":
    main()
