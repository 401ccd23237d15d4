"""The network map page at ``/map`` and its bundle at ``/map/static/...``.

The page is built from npm packages by ``npm run build`` (``web/build.mjs``, run by ``make setup``) into
``carenet/web/static/dist/``; nothing third-party lives in the repository. It reads everything through
``/graphql`` with the viewer's token, so this router serves files only.
"""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, HTMLResponse, Response

DIST = Path(__file__).parent / "static" / "dist"
_ASSET = re.compile(r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.(js|css|map|txt)$")
_TYPES = {".js": "text/javascript", ".css": "text/css", ".map": "application/json", ".txt": "text/plain"}
# The page draws with WebGL and talks only to its own origin.
_CSP = (
    "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
_HEADERS = {
    "Cache-Control": "no-cache",
    "Content-Security-Policy": _CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}

router = APIRouter(tags=["map"])


def _missing() -> HTMLResponse:
    return HTMLResponse(
        "<!doctype html><title>carenet map</title><p>The map page is not built: run <code>make setup</code> "
        "(or <code>npm ci && npm run build</code>).</p>",
        status_code=503,
    )


@router.get("/map", include_in_schema=False)
async def map_page() -> Response:
    """The network map. The viewer's token comes in the URL fragment (``/map#token=...``)."""
    page = DIST / "map.html"
    if not page.is_file():
        return _missing()
    return FileResponse(page, media_type="text/html; charset=utf-8", headers=_HEADERS)


def asset_response(name: str) -> Response:
    """A file of the built bundle (flat folder; names are checked, never joined blindly)."""
    path = DIST / name
    if not _ASSET.match(name) or not path.is_file():
        raise HTTPException(status_code=404, detail="no such file")
    return FileResponse(
        path, media_type=_TYPES[path.suffix], headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}
    )


@router.get("/map/static/{name}", include_in_schema=False)
async def map_asset(name: str) -> Response:
    """A file of the built bundle (flat folder; names are checked, never joined blindly)."""
    return asset_response(name)
