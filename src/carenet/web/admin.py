"""Admin routes for the local CLI, when a running server holds the embedded database.

Every route needs ``Authorization: Bearer <admin key>`` (see :func:`carenet.web.app._admin_key`).
"""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import asdict
from pathlib import Path

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from carenet.bootstrap import Services
from carenet.domain.enums import Level
from carenet.services import analysis, board, demo, files
from carenet.services.graphs import NETWORKS, Scope
from carenet.web.responses import IsoDate, choice, documented


def require_admin(request: Request, authorization: str = Header(default="")) -> Services:
    scheme, _, token = authorization.partition(" ")
    expected = request.app.state.admin_key
    if scheme.lower() != "bearer" or not secrets.compare_digest(token.encode(), expected.encode()):
        raise HTTPException(status_code=401, detail="admin key required", headers={"WWW-Authenticate": "Bearer"})
    return request.app.state.services


router = APIRouter(tags=["admin"])
ReportName = choice(name.value for name in analysis.ReportName)
LevelName = choice(level.value for level in Level)
Network = choice(NETWORKS)


class GenerateRequest(BaseModel):
    seed: int = 7
    systems: int = Field(default=1, ge=1, le=60)


@router.get("/db/status", responses=documented(None, 401))
async def db_status(services: Services = Depends(require_admin)) -> dict:
    status = await services.schema_status()
    return {
        "store": status.store,
        "version": status.version,
        "applied": [{"version": v, "name": n, "applied_at": str(at)} for v, n, at in status.applied],
        "pending": [f"{f.version:03d}_{f.name}" for f in status.pending],
        "counts": await services.counts(),
    }


class BackupRequest(BaseModel):
    dir: str = Field(description="A new or empty folder on the server's machine.")


@router.post("/db/backup", responses=documented(None, 401, 409, 503))
async def db_backup(body: BackupRequest, services: Services = Depends(require_admin)) -> dict:
    manifest = await services.backup(Path(body.dir))
    return {"dir": body.dir, **asdict(manifest)}


@router.get("/db/check", responses=documented(None, 401))
async def db_check(services: Services = Depends(require_admin)) -> dict:
    found = await services.check()
    return {"schema_version": found.schema_version, "counts": found.counts, "problems": found.problems}


@router.post("/db/migrate", responses=documented(None, 401))
async def db_migrate(services: Services = Depends(require_admin)) -> dict:
    return {"applied": await services.migrate()}


@router.get("/analyse/{report}", responses=documented(None, 401, 403, 404))
async def analyse(
    report: ReportName,
    level: LevelName = "team",
    system: str | None = None,
    place: str | None = None,
    wave: str | None = None,
    at: IsoDate | None = None,
    network: Network = "either",
    services: Services = Depends(require_admin),
) -> dict:
    try:
        scope = Scope(level=level, system=system, place=place, wave=wave, at=at, network=network)
        return jsonable_encoder(
            await analysis.run(
                services.repo,
                report,
                scope=scope,
                cache=services.analysis_cache,
                culture_minimum=services.settings.culture_min_responses,
            )
        )
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from None


@router.get(
    "/report/board",
    response_class=Response,
    responses=documented({"text/html; charset=utf-8": "the board pack as one HTML page"}, 401, 404),
)
async def report_board(
    system: str, place: str | None = None, services: Services = Depends(require_admin)
) -> HTMLResponse:
    """The board pack as HTML, for ``carenet report board`` when this server holds the database."""
    pack = await board.board_pack(
        services.repo,
        system=system,
        place=place,
        cache=services.analysis_cache,
        minimum=services.settings.culture_min_responses,
    )
    return HTMLResponse(await asyncio.to_thread(files.board_html, pack))


@router.post("/generate", responses=documented(None, 401))
async def generate(body: GenerateRequest, services: Services = Depends(require_admin)) -> dict:
    summary = await demo.load_demo(services.repo, seed=body.seed, systems=body.systems)
    return {"nodes": summary.nodes, "relationships": summary.relationships, "total": summary.total}
