"""``carenet db migrate|status|wipe``."""

from __future__ import annotations

import shutil
from dataclasses import asdict
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from carenet.bootstrap import schema_dir
from carenet.cli.runtime import console, local_or_remote, out, run, services, settings_from
from carenet.errors import Conflict
from carenet.services import backups

app = typer.Typer(no_args_is_help=True, help="The database: schema migrations, status, wipe.")


@app.command()
def migrate(
    data_dir: Path = typer.Option(None, help="Embedded database folder (CARENET_DATA_DIR)."),
    server: str = typer.Option(None, help="A running server to send the work to if it holds the database."),
) -> None:
    """Apply the schema files that are not yet applied."""
    settings = settings_from(data_dir=data_dir, server_url=server)

    def local() -> list[str]:
        async def go() -> list[str]:
            async with services(settings, migrate=False) as built:
                return await built.migrate()

        return run(go())

    def remote(client) -> list[str]:
        response = client.post("/admin/db/migrate")
        response.raise_for_status()
        return response.json()["applied"]

    applied = local_or_remote(settings, local, remote)
    out.print("applied: " + ", ".join(applied) if applied else "the schema is up to date")


@app.command()
def status(
    data_dir: Path = typer.Option(None, help="Embedded database folder (CARENET_DATA_DIR)."),
    server: str = typer.Option(None, help="A running server to ask if it holds the database."),
) -> None:
    """Show the applied schema version, pending files and what the graph holds."""
    settings = settings_from(data_dir=data_dir, server_url=server)

    def local() -> dict:
        async def go() -> dict:
            async with services(settings, migrate=False) as built:
                st = await built.schema_status()
                counts = await built.counts() if st.version else {}
                return {
                    "store": st.store,
                    "version": st.version,
                    "applied": [{"version": v, "name": n, "applied_at": str(at)} for v, n, at in st.applied],
                    "pending": [f"{f.version:03d}_{f.name}" for f in st.pending],
                    "counts": counts,
                }

        return run(go())

    def remote(client) -> dict:
        response = client.get("/admin/db/status")
        response.raise_for_status()
        return response.json()

    result = local_or_remote(settings, local, remote)
    out.print(f"store: {result['store']}   schema version: {result['version']}")
    for item in result["applied"]:
        out.print(f"  applied {item['version']:03d}_{item['name']} at {item['applied_at']}")
    for name in result["pending"]:
        out.print(f"  pending {name}")
    if result["counts"]:
        table = Table("kind", "count")
        for kind, count in sorted(result["counts"].items()):
            table.add_row(kind, f"{count:,}")
        out.print(table)


def _print_integrity(result: dict, title: str) -> None:
    out.print(f"{title}   schema version: {result['schema_version']}")
    table = Table("kind", "count")
    for kind, count in sorted(result["counts"].items()):
        table.add_row(kind, f"{count:,}")
    out.print(table)
    for problem in result["problems"]:
        console.print(f"[red]problem:[/red] {escape(problem)}", soft_wrap=True)


@app.command()
def check(
    data_dir: Path = typer.Option(None, help="Embedded database folder (CARENET_DATA_DIR)."),
    server: str = typer.Option(None, help="A running server to ask if it holds the database."),
) -> None:
    """Check the store: schema version, counts per kind, records without a uid, uids held twice,
    relationships with an end that has no uid. Exit code 1 when anything is wrong."""
    settings = settings_from(data_dir=data_dir, server_url=server)

    def local() -> dict:
        async def go() -> dict:
            if settings.uses_neo4j:
                async with services(settings, migrate=False) as built:
                    found = await built.check()
            else:
                found = await backups.check_file(settings.ladybug_path, schema_dir=schema_dir(settings))
            return {"schema_version": found.schema_version, "counts": found.counts, "problems": found.problems}

        return run(go())

    def remote(client) -> dict:
        response = client.get("/admin/db/check")
        response.raise_for_status()
        return response.json()

    result = local_or_remote(settings, local, remote)
    _print_integrity(result, "checked")
    if result["problems"]:
        raise typer.Exit(1)
    out.print("no problems found")


@app.command()
def backup(
    dest: Path = typer.Argument(..., help="A new or empty folder for the backup."),
    data_dir: Path = typer.Option(None, help="Embedded database folder (CARENET_DATA_DIR)."),
    server: str = typer.Option(None, help="A running server to send the work to if it holds the database."),
) -> None:
    """Back up the embedded store (online: a running server that holds it takes the backup)."""
    settings = settings_from(data_dir=data_dir, server_url=server)
    dest = dest.resolve()

    def local() -> dict:
        async def go() -> dict:
            async with services(settings, migrate=False) as built:
                manifest = await built.backup(dest)
                return {"dir": str(dest), **asdict(manifest)}

        return run(go())

    def remote(client) -> dict:
        response = client.post("/admin/db/backup", json={"dir": str(dest)})
        if response.status_code >= 400:
            body = response.json() if response.headers.get("content-type", "").startswith("application/json") else {}
            detail = "; ".join(f"{p['location']}: {p['message']}" for p in body.get("problems", [])) or body.get(
                "message"
            )
            raise Conflict(f"the server could not back up into {dest}: {detail or response.text}")
        return response.json()

    result = local_or_remote(settings, local, remote)
    records = sum(result["counts"].values())
    out.print(f"backed up {records:,} records (schema version {result['schema_version']}) into {result['dir']}")


@app.command()
def restore(
    source: Path = typer.Argument(..., help="A backup folder written by `carenet db backup`."),
    data_dir: Path = typer.Option(None, help="Embedded database folder (CARENET_DATA_DIR)."),
) -> None:
    """Replace the embedded store with a backup (stop the server first). The backup is checked
    before anything is touched; the replaced files are kept beside the store."""
    settings = settings_from(data_dir=data_dir)
    if settings.uses_neo4j:
        raise Conflict(
            "carenet restores the embedded store only", suggestion="restore Neo4j with neo4j-admin database load"
        )

    async def go():
        return await backups.restore(source.resolve(), settings.ladybug_path, schema_dir=schema_dir(settings))

    restored = run(go())
    found = restored.integrity
    _print_integrity(
        {"schema_version": found.schema_version, "counts": found.counts, "problems": found.problems},
        f"restored {source} (taken {restored.manifest.created_at})",
    )
    out.print(f"the files it replaced are in {restored.replaced}")


@app.command()
def wipe(
    data_dir: Path = typer.Option(None, help="Embedded database folder (CARENET_DATA_DIR)."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Delete everything in the database (the embedded store's folder is removed)."""
    settings = settings_from(data_dir=data_dir)
    target = settings.neo4j_uri if settings.uses_neo4j else str(settings.ladybug_path)
    if not yes:
        typer.confirm(f"Delete everything in {target}?", abort=True)
    if settings.uses_neo4j:

        async def go() -> int:
            async with services(settings, migrate=False) as built:
                return await built.wipe()

        out.print(f"deleted {run(go()):,} nodes")
        return

    async def check_free() -> None:  # raises StorageUnavailable (naming the holder) if held
        async with services(settings, migrate=False):
            pass

    if settings.ladybug_path.exists():
        run(check_free())
        path = settings.ladybug_path
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
        for extra in path.parent.glob(path.name + ".*"):
            extra.unlink()
    out.print(f"wiped {target}")
