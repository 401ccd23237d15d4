"""``carenet report board``: the board's leadership strategy pack, as self-contained HTML or PDF."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from carenet.cli.runtime import local_or_remote, out, run, services, settings_from
from carenet.services import board, files

app = typer.Typer(no_args_is_help=True, help="Reports a board can read without carenet.")


@app.command("board")
def board_report(
    system: str = typer.Option(..., help="The system (uid) the pack is for."),
    place: str = typer.Option(None, help="Only this place of the system (uid)."),
    output: str = typer.Option("html", "--format", help="html or pdf"),
    out_path: Path = typer.Option(..., "--out", help="The file to write."),
    data_dir: Path = typer.Option(None, help="Embedded database folder (CARENET_DATA_DIR)."),
    server: str = typer.Option(None, help="A running server to ask if it holds the database."),
) -> None:
    """Leaders needed against the pipeline, representation, capabilities, collective leadership and
    culture beside the network, with charts and the date and source of every dataset."""
    if output not in ("html", "pdf"):
        raise typer.BadParameter("html or pdf", param_hint="--format")
    settings = settings_from(data_dir=data_dir, server_url=server)
    started = time.perf_counter()

    def local() -> str:
        async def go() -> str:
            async with services(settings) as built:
                pack = await board.board_pack(
                    built.repo, system=system, place=place, minimum=settings.culture_min_responses
                )
                return files.board_html(pack)

        return run(go())

    def remote(client) -> str:
        response = client.get(
            "/admin/report/board", params={k: v for k, v in {"system": system, "place": place}.items() if v}
        )
        response.raise_for_status()
        return response.text

    document = local_or_remote(settings, local, remote)
    if output == "pdf":
        try:
            files.board_pdf(document, out_path)
        except RuntimeError as exc:
            raise typer.BadParameter(str(exc), param_hint="--format") from None
    else:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(document, encoding="utf-8")
    out.print(f"wrote {out_path} ({out_path.stat().st_size:,} bytes) in {time.perf_counter() - started:.1f} s")
