"""``carenet serve`` and ``carenet demo``."""

from __future__ import annotations

from pathlib import Path

import typer
import uvicorn

from carenet.cli.runtime import console, out, progress, run, services, settings_from
from carenet.config import Mode, Settings
from carenet.services import demo as demo_service
from carenet.web import create_app


def _serve(settings: Settings) -> None:
    base = f"http://{settings.host}:{settings.port}"
    out.print(f"carenet on [bold]{settings.ladybug_path if not settings.uses_neo4j else settings.neo4j_uri}[/bold]")
    out.print(f"  GraphQL   {base}/graphql")
    out.print(f"  Map       {base}/map")
    out.print(f"  Health    {base}/healthz  {base}/readyz")
    app = create_app(settings, record_url=None if settings.uses_neo4j else base)
    uvicorn.run(app, host=settings.host, port=settings.port, workers=1, log_level="info")


def serve(
    host: str = typer.Option(None, help="Address to listen on (CARENET_HOST, default 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (CARENET_PORT, default 8000)."),
    data_dir: Path = typer.Option(None, help="Embedded database folder (CARENET_DATA_DIR)."),
) -> None:
    """Serve the API on the embedded store, or on Neo4j when CARENET_NEO4J_URI is set. Migrates first."""
    _serve(settings_from(host=host, port=port, data_dir=data_dir))


def demo(
    host: str = typer.Option(None, help="Address to listen on (default 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default 8000)."),
    data_dir: Path = typer.Option(None, help="Embedded database folder (default ./.carenet)."),
    seed: int = typer.Option(7, help="Seed of the demo system."),
    systems: int = typer.Option(1, min=1, help="How many systems to generate."),
) -> None:
    """Generate the demo system, load it, and serve it in demo mode (GraphiQL on)."""
    settings = settings_from(host=host, port=port, data_dir=data_dir, mode=Mode.DEMO)

    async def load() -> None:
        async with services(settings) as built:
            changes = demo_service.generate(seed=seed, systems=systems)
            with progress() as bar:
                task = bar.add_task("loading the demo system", total=len(changes), rate="")
                summary = await demo_service.load(built.repo, changes, progress=lambda n: bar.advance(task, n))
            console.print(
                f"loaded {sum(summary.nodes.values())} nodes and {sum(summary.relationships.values())} relationships"
            )

    run(load())
    _serve(settings)
