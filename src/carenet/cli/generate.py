"""``carenet generate``: make the demo system (or N of them) and load it."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from carenet.cli.runtime import console, local_or_remote, out, progress, run, services, settings_from
from carenet.services import demo as demo_service


def generate(
    systems: int = typer.Option(1, min=1, max=60, help="How many systems (42 is England)."),
    seed: int = typer.Option(7, help="Seed: the same seed gives the same graph."),
    data_dir: Path = typer.Option(None, help="Embedded database folder (CARENET_DATA_DIR)."),
    server: str = typer.Option(None, help="A running server to send the work to if it holds the database."),
) -> None:
    """Generate the fictional demo ICS (planted defects listed in its docstring) and load it."""
    settings = settings_from(data_dir=data_dir, server_url=server)

    def local() -> dict:
        async def go() -> dict:
            async with services(settings) as built:
                started = time.perf_counter()
                changes = demo_service.generate(seed=seed, systems=systems)
                with progress() as bar:
                    task = bar.add_task("loading", total=len(changes), rate="")

                    def advance(n: int) -> None:
                        bar.advance(task, n)
                        done = bar.tasks[0].completed
                        bar.update(task, rate=f"{done / max(time.perf_counter() - started, 1e-9):,.0f} rows/s")

                    summary = await demo_service.load(built.repo, changes, progress=advance)
                return {"nodes": summary.nodes, "relationships": summary.relationships, "total": summary.total}

        return run(go())

    def remote(client) -> dict:
        response = client.post("/admin/generate", json={"seed": seed, "systems": systems})
        response.raise_for_status()
        return response.json()

    result = local_or_remote(settings, local, remote)
    out.print(
        f"generated {systems} system(s): {sum(result['nodes'].values())} nodes, "
        f"{sum(result['relationships'].values())} relationships"
    )
    console.print(", ".join(f"{k} {v}" for k, v in sorted(result["nodes"].items())))
