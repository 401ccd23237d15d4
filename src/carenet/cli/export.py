"""``carenet export graph|metrics``: graphs for Gephi and Cytoscape, metrics for spreadsheets, R and Power BI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from carenet.cli.runtime import local_or_remote, out, raise_refused, run, services, settings_from
from carenet.services import exports, files

app = typer.Typer(no_args_is_help=True, help="Export graphs and metrics.")


def _filter(system, place, sector, wave, network="either", at=None) -> exports.GraphFilter:
    return exports.GraphFilter(
        system=system, place=place, sectors=tuple(sector or ()), wave=wave, network=network, at=at
    )


def _where(system, place, sector, wave, network, at=None) -> exports.GraphFilter:
    try:
        on = dt.date.fromisoformat(at) if at else None
    except ValueError:
        raise typer.BadParameter(f"a date as YYYY-MM-DD, got {at!r}", param_hint="--at") from None
    try:
        return _filter(system, place, sector, wave, network, on)
    except ValueError as exc:
        raise typer.BadParameter(
            str(exc), param_hint="--level" if str(exc).startswith("level") else "--network"
        ) from None


@app.command("graph")
def graph(
    out_path: Path = typer.Option(..., "--out", help="File to write (a folder for --format csv)."),
    format: str = typer.Option(
        "gexf", "--format", help="gexf, graphml, cytoscape, node-link, or csv (template CSVs, level all)."
    ),
    level: str = typer.Option("team", help="team, organisation, person, or all (every node and relationship)."),
    system: str = typer.Option(None, help="Only this system (uid)."),
    place: str = typer.Option(None, help="Only this place (uid)."),
    sector: list[str] = typer.Option(None, help="Only these sectors (repeat the option)."),
    wave: str = typer.Option(
        None, help="Only ties of this survey wave (uid); default: the latest wave of each system in scope."
    ),
    at: str = typer.Option(
        None, help="Ties active on this date (YYYY-MM-DD); default: today, or the named wave's collection date."
    ),
    metrics: bool = typer.Option(True, help="Compute network metrics as node attributes."),
    network: str = typer.Option(
        "either", help="either (a tie if either end reports it), both (confirmed by both) or directed (as recorded)."
    ),
    data_dir: Path = typer.Option(None, help="Embedded database folder (CARENET_DATA_DIR)."),
    server: str = typer.Option(None, help="A running server to ask if it holds the database."),
) -> None:
    """Export a graph with sector, place, community and metric attributes (never ethnicity or sex)."""
    settings = settings_from(data_dir=data_dir, server_url=server)
    where = _where(system, place, sector, wave, network, at)
    if format not in (*files.GRAPH_FORMATS, "csv"):
        raise typer.BadParameter(", ".join((*files.GRAPH_FORMATS, "csv")), param_hint="--format")

    def local() -> str:
        async def go() -> str:
            async with services(settings) as built:
                if format == "csv":
                    nodes, rels = await exports.full_models(built.repo)
                    paths = files.write_template_data(nodes, rels, out_path)
                    return f"wrote {len(paths)} template CSVs to {out_path}"
                G = await exports.export_graph(built.repo, level=level, where=where, metrics=metrics)
                size = files.write_graph(G, format, out_path)
                return (
                    f"wrote {out_path}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, {size / 1e6:.2f} MB"
                )

        return run(go())

    def remote(client) -> str:
        if format == "csv":  # template CSVs hold every record, personal data too: the database's own export
            raise typer.BadParameter(
                "csv (template CSVs) is written from the database itself, and a running server "
                "holds it: stop the server first, or export gexf, graphml, cytoscape or "
                "node-link through it",
                param_hint="--format",
            )
        params = {
            "format": format,
            "level": level,
            "system": system,
            "place": place,
            "sector": sector or [],
            "wave": wave,
            "at": at,
            "metrics": metrics,
            "network": network,
        }
        with client.stream("GET", "/export/graph", params={k: v for k, v in params.items() if v is not None}) as r:
            raise_refused(r)
            with open(out_path, "wb") as f:
                for chunk in r.iter_bytes():
                    f.write(chunk)
        return f"wrote {out_path}"

    out.print(local_or_remote(settings, local, remote))


@app.command("metrics")
def metrics(
    out_path: Path = typer.Option(..., "--out", help="File to write."),
    format: str = typer.Option("csv", "--format", help="csv, parquet or json."),
    per: str = typer.Option(
        "node", help="node (one row per node) or group (one row per group, counts suppressed for people)."
    ),
    by: list[str] = typer.Option(None, help="Group by sector, organisation, place, system or community (repeat)."),
    level: str = typer.Option("team", help="team, organisation or person."),
    system: str = typer.Option(None),
    place: str = typer.Option(None),
    sector: list[str] = typer.Option(None),
    wave: str = typer.Option(None),
    at: str = typer.Option(
        None, help="Ties active on this date (YYYY-MM-DD); default: today, or the named wave's collection date."
    ),
    network: str = typer.Option(
        "either", help="either (a tie if either end reports it), both (confirmed by both) or directed (as recorded)."
    ),
    data_dir: Path = typer.Option(None, help="Embedded database folder (CARENET_DATA_DIR)."),
    server: str = typer.Option(None, help="A running server to ask if it holds the database."),
) -> None:
    """Export network metrics per node or per group."""
    settings = settings_from(data_dir=data_dir, server_url=server)
    where = _where(system, place, sector, wave, network, at)
    if format not in files.TABLE_FORMATS:
        raise typer.BadParameter(", ".join(files.TABLE_FORMATS), param_hint="--format")
    if level not in exports.LEVELS or level == exports.ALL:
        raise typer.BadParameter("team, organisation or person", param_hint="--level")
    if per not in ("node", "group"):
        raise typer.BadParameter("node or group", param_hint="--per")
    wrong = [b for b in by or () if b not in exports.GROUP_BY]
    if wrong:
        raise typer.BadParameter(f"{', '.join(wrong)}: group by {', '.join(exports.GROUP_BY)}", param_hint="--by")

    def local() -> str:
        async def go() -> str:
            async with services(settings) as built:
                rows = await exports.export_metrics(
                    built.repo, level=level, where=where, per=per, by=tuple(by or ("sector",))
                )
                size = files.write_table(rows, format, out_path)
                return f"wrote {out_path}: {len(rows)} rows, {size / 1e6:.2f} MB"

        return run(go())

    def remote(client) -> str:
        params = {
            "format": format,
            "per": per,
            "by": by or ["sector"],
            "level": level,
            "system": system,
            "place": place,
            "sector": sector or [],
            "wave": wave,
            "at": at,
            "network": network,
        }
        with client.stream("GET", "/export/metrics", params={k: v for k, v in params.items() if v is not None}) as r:
            raise_refused(r)
            with open(out_path, "wb") as f:
                for chunk in r.iter_bytes():
                    f.write(chunk)
        return f"wrote {out_path}"

    out.print(local_or_remote(settings, local, remote))
