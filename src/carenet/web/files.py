"""Files over HTTP: import templates, uploads for import, and streamed exports.

Authorisation: ``Authorization: Bearer <token>`` (or ``ApiKey <key>``) checked by the API's
:class:`~carenet.api.auth.Authenticator`: exports need the ``analyst`` role or above, uploads
``planner`` or above; templates are open to anyone signed in. The server's admin key (the one
the local CLI uses, see :mod:`carenet.web.admin`) counts as ``admin``.
"""

from __future__ import annotations

import asyncio
import secrets
import tempfile
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from carenet.api.auth import Principal, Role
from carenet.bootstrap import Services
from carenet.domain.enums import Sector
from carenet.services import board, exports, files, imports
from carenet.services.graphs import NETWORKS
from carenet.web import uploads
from carenet.web.responses import IsoDate, choice, documented

router = APIRouter(tags=["files"])


def _principal(request: Request) -> Principal:
    header = request.headers.get("authorization") or ""
    scheme, _, token = header.partition(" ")
    admin_key = getattr(request.app.state, "admin_key", None)
    if admin_key and scheme.lower() == "bearer" and secrets.compare_digest(token.strip().encode(), admin_key.encode()):
        return Principal("admin-key", Role.ADMIN, via="admin_key")
    return request.app.state.authenticator.authenticate(header)


def role(needed: Role, operation: str):
    def dependency(request: Request) -> Services:
        principal = _principal(request)
        principal.require(needed, operation)
        return request.app.state.services

    return dependency


def writer(operation: str):
    """The services and where the caller may write (None: anywhere), for a route that writes."""

    def dependency(request: Request) -> tuple[Services, str | None]:
        return request.app.state.services, _principal(request).write_scope(operation)

    return dependency


def _filter(system, place, sector, wave, network="either", at=None) -> exports.GraphFilter:
    return exports.GraphFilter(
        system=system, place=place, sectors=tuple(sector or ()), wave=wave, network=network, at=at
    )


GraphFormat = choice(files.GRAPH_FORMATS)
TableFormat = choice(files.TABLE_FORMATS)
Network = choice(NETWORKS)
GraphLevel = choice(exports.LEVELS)
MetricsLevel = choice(level for level in exports.LEVELS if level != exports.ALL)
GroupBy = choice(exports.GROUP_BY)
SectorName = choice(sector.value for sector in Sector)
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_EXPORT = (401, 403, 404)


def _media(formats: dict[str, tuple[str, str]]) -> dict[str, str]:
    kinds: dict[str, list[str]] = {}
    for name, (media, _) in formats.items():
        kinds.setdefault(media, []).append(name)
    return {media: "format " + " or ".join(names) for media, names in kinds.items()}


@router.get(
    "/files/templates.xlsx",
    response_class=Response,
    responses=documented({_XLSX: "the import templates as one workbook"}, 401),
)
async def templates_xlsx(_: Services = Depends(role(Role.PUBLIC, "downloading templates"))) -> Response:
    return Response(
        files.template_workbook(),
        media_type=_XLSX,
        headers={"Content-Disposition": 'attachment; filename="carenet-templates.xlsx"'},
    )


@router.get(
    "/files/templates/{kind}.csv",
    response_class=Response,
    responses=documented({"text/csv; charset=utf-8": "the import template of this kind"}, 401, 404),
)
async def template_file(kind: str, _: Services = Depends(role(Role.PUBLIC, "downloading templates"))) -> Response:
    if kind not in files.TEMPLATE_KINDS:
        raise HTTPException(404, f"no template {kind!r}; one of {', '.join(files.TEMPLATE_KINDS)}")
    return Response(
        files.template_csv(kind),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{kind}.csv"'},
    )


@router.post("/files/import", responses=documented(None, 401, 403, 404, 413))
async def upload(
    request: Request,
    dry_run: bool = False,
    wave: str | None = None,
    writing: tuple[Services, str | None] = Depends(writer("importing files")),
) -> dict:
    """Import uploaded files (multipart ``files``); 400 with every problem (``file:line:column``)
    when any row is wrong, 413 past an upload limit. Files are read and checked off the event loop:
    big uploads in a process of their own (:mod:`carenet.services.reading`)."""
    services, system = writing
    settings = services.settings
    with tempfile.TemporaryDirectory(prefix="carenet-upload-") as tmp:
        paths = await uploads.receive(request, Path(tmp), uploads.UploadLimits.of(settings))
        report = await imports.import_files(
            services.repo,
            paths,
            dry_run=dry_run,
            wave=wave,
            system=system,
            checkpoint_dir=settings.data_dir / "imports",
            reader=services.reader,
        )
    return report.to_dict()


@router.get(
    "/export/graph", response_class=StreamingResponse, responses=documented(_media(files.GRAPH_FORMATS), *_EXPORT)
)
async def export_graph(
    format: GraphFormat = "gexf",
    level: GraphLevel = "team",
    system: str | None = None,
    place: str | None = None,
    sector: list[SectorName] = Query(default=[]),
    wave: str | None = None,
    at: IsoDate | None = None,
    metrics: bool = True,
    network: Network = "either",
    services: Services = Depends(role(Role.ANALYST, "exporting")),
) -> StreamingResponse:
    G = await exports.export_graph(
        services.repo, level=level, where=_filter(system, place, sector, wave, network, at), metrics=metrics
    )
    media, suffix = files.GRAPH_FORMATS[format]
    return StreamingResponse(
        (c.encode("utf-8") for c in files.graph_chunks(G, format)),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="carenet-{level}{suffix}"'},
    )


@router.get(
    "/export/metrics", response_class=StreamingResponse, responses=documented(_media(files.TABLE_FORMATS), *_EXPORT)
)
async def export_metrics(
    format: TableFormat = "csv",
    per: Literal["node", "group"] = "node",
    by: list[GroupBy] = Query(default=["sector"]),
    level: MetricsLevel = "team",
    system: str | None = None,
    place: str | None = None,
    sector: list[SectorName] = Query(default=[]),
    wave: str | None = None,
    at: IsoDate | None = None,
    network: Network = "either",
    services: Services = Depends(role(Role.ANALYST, "exporting")),
) -> StreamingResponse:
    rows = await exports.export_metrics(
        services.repo, level=level, where=_filter(system, place, sector, wave, network, at), per=per, by=by
    )
    media, suffix = files.TABLE_FORMATS[format]
    return StreamingResponse(
        files.table_chunks(rows, format),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="carenet-{level}-{per}{suffix}"'},
    )


@router.get(
    "/reports/board",
    response_class=Response,
    responses=documented(
        {"text/html; charset=utf-8": "the pack as one HTML page", "application/pdf": "the pack printed"},
        *_EXPORT,
        503,
    ),
)
async def board_report(
    system: str,
    place: str | None = None,
    format: Literal["html", "pdf"] = "html",
    services: Services = Depends(role(Role.ANALYST, "the board report")),
) -> Response:
    """The board's leadership strategy pack (``carenet report board``): self-contained HTML, or PDF."""
    pack = await board.board_pack(
        services.repo,
        system=system,
        place=place,
        cache=services.analysis_cache,
        minimum=services.settings.culture_min_responses,
    )
    document = await asyncio.to_thread(files.board_html, pack)
    if format == "html":
        return HTMLResponse(document)
    with tempfile.TemporaryDirectory(prefix="carenet-board-") as folder:
        out = Path(folder) / "board.pdf"
        try:
            await asyncio.to_thread(files.board_pdf, document, out)
        except RuntimeError as exc:
            raise HTTPException(503, str(exc)) from None
        data = out.read_bytes()
    return Response(
        data, media_type="application/pdf", headers={"Content-Disposition": 'attachment; filename="carenet-board.pdf"'}
    )
