"""``carenet import``: check every row of every file, then write all of it, or nothing."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from carenet.cli.runtime import console, local_or_remote, out, progress, raise_refused, run, services, settings_from
from carenet.errors import InvalidInput
from carenet.services import imports, reading


def import_(
    paths: list[Path] = typer.Argument(
        ...,
        help="Template CSV/XLSX files, NHS ODS extracts, survey CSVs, node-link JSON; a folder: the files in it.",
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Check everything, write nothing."),
    wave: str = typer.Option(None, help="Survey wave uid for survey files without a wave column."),
    data_dir: Path = typer.Option(None, help="Embedded database folder (CARENET_DATA_DIR)."),
    server: str = typer.Option(None, help="A running server to send the files to if it holds the database."),
) -> None:
    """Import files. Problems are listed as file:line:column; then nothing is written and the exit code is 1.

    A killed import resumes where it stopped when run again on the same files.
    """
    settings = settings_from(data_dir=data_dir, server_url=server)
    paths = imports.files_given(paths)  # a folder: the files in it

    def local() -> dict:
        async def go() -> dict:
            async with services(settings) as built:
                started = time.perf_counter()
                with progress() as bar:
                    tasks: dict[str, int] = {}

                    def advance(phase: str, n: int) -> None:
                        if phase not in tasks:
                            tasks[phase] = bar.add_task(
                                {"read": "checking", "write": "writing"}[phase], total=None, rate=""
                            )
                        task = tasks[phase]
                        bar.advance(task, n)
                        done = bar.tasks[list(tasks).index(phase)].completed
                        bar.update(task, rate=f"{done / max(time.perf_counter() - started, 1e-9):,.0f} rows/s")

                    report = await imports.import_files(
                        built.repo,
                        paths,
                        dry_run=dry_run,
                        wave=wave,
                        checkpoint_dir=settings.data_dir / "imports",
                        progress=advance,
                    )
                return report.to_dict()

        return run(go())

    def remote(client) -> dict:
        missing = [reading.no_such_file(p) for p in paths if not p.is_file()]
        if missing:  # as the reader says it when the import runs here
            raise InvalidInput(missing)
        files = [("files", (p.name, p.read_bytes())) for p in paths]
        response = client.post(
            "/files/import", params={"dry_run": dry_run, **({"wave": wave} if wave else {})}, files=files
        )
        raise_refused(response)  # every problem of the files, as the import here lists them
        return response.json()

    result = local_or_remote(settings, local, remote)
    records = sum(result["nodes"].values()) + sum(result["relationships"].values())
    verb = "checked (dry run, nothing written)" if result["dry_run"] else "imported"
    resumed = f", resumed at transaction {result['resumed_at'] + 1}" if result.get("resumed_at") else ""
    out.print(f"{verb} {result['rows']} rows from {len(result['files'])} file(s): {records} records{resumed}")
    console.print(", ".join(f"{k} {v}" for k, v in sorted({**result["nodes"], **result["relationships"]}.items())))
