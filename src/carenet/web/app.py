"""The FastAPI app: health, readiness, GraphQL, and the admin routes the CLI uses.

One store per process, opened in the lifespan and closed on shutdown. The server migrates the
schema at start.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import os
import secrets
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from carenet import __version__, private
from carenet.api import build_schema
from carenet.api.audit import AuditLog
from carenet.api.cost import Budget
from carenet.bootstrap import Services, build
from carenet.config import Mode, Settings
from carenet.errors import CarenetError, StorageUnavailable
from carenet.web import admin, files, graphiql, responses, security
from carenet.web import graphql as graphql_http
from carenet.web import map as map_page
from carenet.web.graphql import GraphVersion
from carenet.web.responses import error_response

log = logging.getLogger("carenet.web")


def admin_key_path(settings: Settings) -> Path:
    return settings.data_dir / "admin.key"


def server_file_path(settings: Settings) -> Path:
    """Where ``carenet serve`` records the URL and process of the server holding the data folder."""
    return settings.data_dir / "server.json"


def write_server_file(settings: Settings, url: str) -> Path:
    """Record this process as the server at ``url`` (mode 0600); the CLI reads it to reach us."""
    return private.write(server_file_path(settings), json.dumps({"url": url, "pid": os.getpid()}))


def running_server_url(settings: Settings) -> str | None:
    """The URL of the server recorded in the data folder, if that process is still alive."""
    try:
        found = json.loads(server_file_path(settings).read_text(encoding="utf-8"))
        os.kill(int(found["pid"]), 0)  # raises when no such process
        return str(found["url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _admin_key(settings: Settings) -> str:
    """The key admin routes take: ``CARENET_ADMIN_KEY``, else a fresh random one written to
    ``<data_dir>/admin.key`` (mode 0600) so the local CLI can reach this server."""
    if settings.admin_key:
        return settings.admin_key.get_secret_value()
    key = secrets.token_urlsafe(32)
    private.write(admin_key_path(settings), key)
    return key


def _settle_heap() -> None:
    """Collect start-up's garbage, then move every object left (the modules, the schema, the
    services, the demo's loaded data) to the garbage collector's permanent generation
    (:func:`gc.freeze`), which its collections do not walk.

    Without it, every full collection walks all of them, and one falls every few requests of a
    large drawing (the response's objects are promoted through the generations while it is built):
    the request it falls in takes several times as long as the drawing itself. ``benchmarks/api.py
    --only subgraph`` prints the drawing's p99 beside its p50. Reference counting still frees a
    frozen object that is dropped; only a cycle among frozen objects waits for :func:`gc.unfreeze`,
    at shutdown."""
    gc.collect()
    gc.freeze()


def create_app(
    settings: Settings | None = None, *, services: Services | None = None, record_url: str | None = None
) -> FastAPI:
    """The app. ``record_url``: the URL this server listens on, recorded in the data folder while
    it runs (:func:`write_server_file`), so the CLI can reach it there."""
    settings = settings or Settings()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        own = services is None
        app.state.services = services or await build(settings)
        app.state.admin_key = _admin_key(settings)
        security.print_demo_links(settings, app.state.demo_tokens)
        scheduled = None
        record = write_server_file(settings, record_url) if record_url else None
        try:
            applied = await app.state.services.migrate()
            if applied:
                log.info("applied schema files: %s", ", ".join(applied))
            if settings.backup_dir is not None and not settings.uses_neo4j:
                scheduled = asyncio.create_task(
                    app.state.services.backup_every(
                        settings.backup_dir, settings.backup_every, keep=settings.backup_keep
                    )
                )
            built = app.state.services
            _settle_heap()
            if settings.metrics_refresh_s > 0:
                built.metrics.debounce_s = settings.metrics_refresh_s
                async with built.metrics.background(built.repo, cache=built.analysis_cache):
                    yield
            else:
                yield
        finally:
            gc.unfreeze()  # what start-up kept is ordinary again: collected once this app is gone
            if scheduled is not None:
                scheduled.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await scheduled
            if record is not None:
                record.unlink(missing_ok=True)
            if own:
                await app.state.services.close()

    # the OpenAPI pages list every route, the admin API's too: served in demo mode only
    pages = {} if settings.mode is Mode.DEMO else {"openapi_url": None, "docs_url": None, "redoc_url": None}
    app = FastAPI(title="carenet", version=__version__, lifespan=lifespan, **pages)
    app.state.settings = settings

    app.state.schema = build_schema(demo=settings.mode is Mode.DEMO)
    app.state.authenticator, app.state.demo_tokens = security.build_authenticator(settings)
    app.state.audit = AuditLog(security.audit_log_path(settings))
    app.state.graph_version = GraphVersion(lambda: app.state.services.version)
    app.state.cost_budget = Budget(settings.cost_budget, settings.cost_window_s) if settings.cost_budget else None
    app.add_route("/graphql", graphql_http.graphql_endpoint, methods=["GET", "POST"], include_in_schema=False)
    if settings.cors_origins:
        cors = dict(
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "Accept"],
        )
        app.add_middleware(CORSMiddleware, **cors)
    app.include_router(admin.router, prefix="/admin")
    app.include_router(map_page.router)
    app.include_router(graphiql.router)
    app.include_router(files.router)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        """Alive: the process answers. Says nothing of the store."""
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz(request: Request) -> JSONResponse:
        """Ready: the store answers and its schema is up to date."""
        services: Services = request.app.state.services
        try:
            await services.ping()
            status = await services.schema_status()
        except (StorageUnavailable, OSError, RuntimeError) as exc:
            return JSONResponse({"status": "unavailable", "detail": str(exc)}, status_code=503)
        body = {
            "status": "ok" if status.up_to_date else "migrating",
            "store": status.store,
            "schema_version": status.version,
            "pending": [f"{f.version:03d}_{f.name}" for f in status.pending],
        }
        return JSONResponse(body, status_code=200 if status.up_to_date else 503)

    @app.exception_handler(CarenetError)
    async def carenet_error(request: Request, exc: CarenetError) -> JSONResponse:
        return error_response(exc)

    app.add_exception_handler(HTTPException, responses.http_error)
    app.add_exception_handler(RequestValidationError, responses.invalid_request)

    return app
