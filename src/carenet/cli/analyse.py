"""``carenet analyse REPORT``: silos, gaps, brokers, quality, leadership, culture, or all."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from carenet.cli.runtime import local_or_remote, out, run, services, settings_from
from carenet.services import analysis
from carenet.services.graphs import Scope, resolve


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> Table:
    table = Table(*columns, title=title, title_justify="left")
    for row in rows:
        table.add_row(*("" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v) for v in row))
    return table


def _named(r: dict, uid: Any) -> str:
    """A node's name with its uid, where the report knows the name."""
    name = (r.get("names") or {}).get(uid)
    return f"{name} ({uid})" if name else str(uid)


def _shown(value: Any, suppressed: str = "*") -> str:
    return suppressed if value is None else str(value)


def _show_silos(r: dict) -> None:
    ei = r["ei"]["sector"]
    out.print(
        f"[bold]Silos[/bold]  network E-I by sector {ei['index']:.3f} (rescaled {ei['rescaled']}, "
        f"p lower {ei['p_lower']}); {r['communities']['count']} communities, {r['communities']['silos']} silo(s); "
        f"{r['isolates']['count']} isolated, {r['small_components']['count']} small components"
    )
    out.print(
        _table(
            "Most inward-looking sectors",
            ["sector", "E-I", "internal", "external"],
            [[g["group"], g["ei"], g.get("internal"), g.get("external")] for g in ei["groups"][:8]],
        )
    )
    out.print(
        _table(
            "Silo communities (more ties inside than outside, and fewer outside than chance)",
            ["community", "size", "E-I", "expected E-I", "largest organisation", "share"],
            [
                [
                    c["id"],
                    c["size"],
                    c["ei"],
                    c["expected_ei"],
                    _named(r, c["largest_organisation"]),
                    c["largest_organisation_share"],
                ]
                for c in r["communities"]["silo_communities"]
            ],
        )
    )


def _show_gaps(r: dict) -> None:
    hand = r["handoffs"] or {"gaps": []}
    out.print(
        _table(
            "Pathway hand-offs with no working tie",
            ["pathway", "from step", "to step", "shortest path"],
            [
                [
                    g["pathway"],
                    g.get("from_step_name"),
                    g.get("to_step_name"),
                    " > ".join(_named(r, t) for t in g["shortest_path"] or []) or "none",
                ]
                for g in hand["gaps"]
            ],
        )
    )
    ms = r["missing_sectors"]
    out.print(
        _table(
            f"Sectors absent or unconnected by {ms['by']}",
            ["place", "sector", "status"],
            [[g.get("group"), g.get("sector"), g.get("status")] for g in ms["gaps"][:20]],
        )
    )
    rel = r["relied_on_without_seat"]
    out.print(
        _table(
            "Relied on, with no seat on a forum",
            ["organisation", "relied on by"],
            [[_named(r, o["organisation"]), o["relied_on_by"]] for o in rel["organisations"][:10]],
        )
    )
    out.print(
        _table(
            "Forums with no VCSE member", ["forum", "name"], [[f["forum"], f["name"]] for f in r["forums_without_vcse"]]
        )
    )


def _show_brokers(r: dict) -> None:
    b = r["betweenness"]
    out.print(
        f"[bold]Brokers[/bold]  betweenness {b['method']}{' (k=' + str(b['k']) + ')' if b['k'] else ''}; "
        f"{r['articulation_points']['count']} cut points, {r['bridges']['count']} bridges"
    )
    out.print(
        _table(
            "Highest betweenness",
            ["node", "betweenness"],
            [[_named(r, t["node"]), t["betweenness"]] for t in b["top"][:10]],
        )
    )
    out.print(
        _table(
            "Departure impact",
            ["removed", "components split", "pairs disconnected", "efficiency change"],
            [
                [
                    ", ".join(_named(r, n) for n in d["removed"]),
                    d["components_split"],
                    d["pairs_disconnected"],
                    d["efficiency_change"],
                ]
                for d in r["departures"]
            ],
        )
    )


def _show_quality(r: dict) -> None:
    rows = sorted(r["organisations"].items(), key=lambda kv: (kv[1].get("trust") is None, kv[1].get("trust") or 0))
    out.print(
        _table(
            "Lowest trust (PARTNER scores, 1-4)",
            ["organisation", "trust", "value", "ties scored"],
            [[_named(r, k), v.get("trust"), v.get("value"), v.get("ties_scored")] for k, v in rows[:10]],
        )
    )
    if r.get("method"):
        out.print(f"[dim]Scores: {r['method']['text']}[/dim]")
    if "change" in r:
        c = r["change"]
        out.print(
            f"{c['from']} -> {c['to']}: {len(c['gained'])} ties gained, {len(c['lost'])} lost, "
            f"{len(c['strengthened'])} strengthened, {len(c['weakened'])} weakened; "
            f"{c.get('not_compared', 0)} not compared ({c.get('rule', '')})"
        )


def _show_leadership(r: dict) -> None:
    rep = r["representation"]["ethnic_group"]["workforce"]
    groups = ["White", "Asian", "Black", "Mixed", "Other"]
    out.print(
        _table(
            "Leaders by ethnic group against the workforce: share of those stated, % (95% interval), status "
            "(counts 1-7 shown as *, c withheld, others to the nearest 5)",
            ["area", "leaders", *groups],
            [
                [row["place"], _shown(row["total"]), *[_percent(row["categories"].get(g)) for g in groups]]
                for row in rep
            ],
        )
    )
    gaps = [y for y in r["demand"]["years"] if (y["gap_range"][1] or 0) > 0]
    out.print(
        _table(
            "Leadership demand that may not be met (shortfall after leavers and pipeline)",
            ["area", "level", "year", "demand", "gap", "gap range"],
            [
                [
                    y["place"],
                    y["level"],
                    y["year"],
                    y["demand"],
                    _shown(y["gap"], "-"),
                    f"{_shown(y['gap_range'][0], '?')} to {y['gap_range'][1]}",
                ]
                for y in gaps[:20]
            ],
        )
    )
    out.print(
        _table(
            "Capabilities no leader holds",
            ["area", "missing"],
            [[p, ", ".join(c["missing"]) or "-"] for p, c in r["capabilities"]["coverage"].items()],
        )
    )
    out.print("[dim]Five-year model: " + " ".join(r["demand"].get("assumptions", [])) + "[/dim]")


_STATUS = {"under-represented": "under", "over-represented": "over", "within range": "in range"}


def _percent(cell: dict | None) -> str:
    """A share as a point (where the total is large) and its interval, with its status."""
    if not cell:
        return "-"
    low, high = cell.get("interval") or (None, None)
    point = "" if cell.get("percent") is None else f"{cell['percent']} "
    status = _STATUS.get(cell.get("status"), "")
    return f"{point}({low}-{high}) {status}".strip()


def _value(figure: dict) -> str:
    """An indicator as shown: ``*`` where it is held (too few responses), never the held value."""
    if figure.get("suppressed") or figure.get("value") is None:
        return "*"
    return f"{figure['value']:.1f}%" if figure.get("scale") == "percent" else f"{figure['value']:.2f}"


def _show_culture(r: dict) -> None:
    headline = ("concerns_addressed", "raising_concerns", "safe_to_speak_up", "bullying_from_managers")
    rows = []
    for o in r["organisations"]:
        shown = {f["indicator"]: f for f in o["indicators"]}
        net = o["network"]
        rows.append(
            [
                f"{o['name']} ({o['organisation']})",
                net.get("leaders"),
                net.get("cross_boundary_ties_per_leader"),
                net.get("ei_index"),
                *[_value(shown[c]) if c in shown else "-" for c in headline],
            ]
        )
    out.print(
        _table(
            f"Culture beside the network (values from fewer than {r['minimum_responses']} responses shown as *)",
            ["organisation", "leaders", "ties out / leader", "E-I", *headline],
            rows,
        )
    )
    for o in r["organisations"]:
        for flag in o["flags"]:
            out.print(f"[bold]{o['name']}[/bold]: {flag['text']}")
            for line in flag["evidence"]:
                out.print(f"  - {line}")
    corr = [c for c in r["correlations"] if c["measure"] == "cross_boundary_ties_per_leader"]
    out.print(
        _table(
            "Rank correlation with ties outside the organisation per leader (Spearman, 95% interval)",
            ["indicator", "rho", "interval", "n"],
            [
                [
                    c["indicator"],
                    c["rho"],
                    "-" if c["ci_low"] is None else f"{c['ci_low']:.2f} to {c['ci_high']:.2f}",
                    c["n"],
                ]
                for c in corr
            ],
        )
    )
    out.print(r["warning"])
    out.print("Sources: " + "; ".join(f"{s['source'] or s['survey']} ({s['records']} figures)" for s in r["sources"]))


SHOW = {
    "silos": _show_silos,
    "gaps": _show_gaps,
    "brokers": _show_brokers,
    "quality": _show_quality,
    "leadership": _show_leadership,
    "culture": _show_culture,
}


def analyse(
    report: str = typer.Argument(..., help="silos, gaps, brokers, quality, leadership, culture or all"),
    output: str = typer.Option("table", "--format", help="table or json"),
    level: str = typer.Option("team", help="team, organisation or person"),
    system: str = typer.Option(None, help="Only this system (uid)."),
    place: str = typer.Option(None, help="Only this place (uid)."),
    wave: str = typer.Option(
        None, help="Only this survey wave (uid); default: the latest wave of each system in scope."
    ),
    at: str = typer.Option(
        None, help="Ties active on this date (YYYY-MM-DD); default: today, or the named wave's collection date."
    ),
    network: str = typer.Option(
        "either", help="either (a tie if either end reports it), both (confirmed by both) or directed (as recorded)."
    ),
    data_dir: Path = typer.Option(None, help="Embedded database folder (CARENET_DATA_DIR)."),
    server: str = typer.Option(None, help="A running server to send the work to if it holds the database."),
) -> None:
    """Find the silos, gaps and brokers, and the figures a leadership strategy needs."""
    if report not in (*analysis.REPORTS, "all"):
        raise typer.BadParameter(f"choose from {', '.join(analysis.REPORTS)} or all", param_hint="REPORT")
    if output not in ("table", "json"):
        raise typer.BadParameter("table or json", param_hint="--format")
    settings = settings_from(data_dir=data_dir, server_url=server)
    try:
        on = dt.date.fromisoformat(at) if at else None
    except ValueError:
        raise typer.BadParameter(f"a date as YYYY-MM-DD, got {at!r}", param_hint="--at") from None
    try:
        scope = Scope(level=level, system=system, place=place, wave=wave, at=on, network=network)
    except ValueError as exc:
        raise typer.BadParameter(
            str(exc), param_hint="--level" if str(exc).startswith("level") else "--network"
        ) from None

    def local() -> dict:
        async def go() -> dict:
            async with services(settings) as built:
                return await analysis.run(
                    built.repo,
                    report,
                    scope=await resolve(built.repo, scope, where="--wave"),
                    culture_minimum=settings.culture_min_responses,
                )

        return run(go())

    def remote(client) -> dict:
        params = {"level": level, "system": system, "place": place, "wave": wave, "at": at, "network": network}
        response = client.get(f"/admin/analyse/{report}", params={k: v for k, v in params.items() if v})
        response.raise_for_status()
        return response.json()

    result = local_or_remote(settings, local, remote)
    if output == "json":
        out.print_json(json.dumps(result, default=str))
        return
    for name, section in result.items() if report == "all" else [(report, result)]:
        SHOW[name](section)
        if section.get("basis"):
            out.print(f"[dim]Read: {section['basis']['rule']}[/dim]")
