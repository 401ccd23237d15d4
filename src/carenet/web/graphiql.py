"""GraphiQL for ``/graphql`` in demo mode, served from the built bundle (``web/src/graphiql.jsx``).

The page and its assets come from ``carenet/web/static/dist/`` (built by ``npm run build`` with the map
page, and shipped in the wheel), so GraphiQL works with no CDN and no network. In demo mode the page
carries the demo tokens, one per role, and opens with the analyst's in its headers editor; a selector
swaps roles. The tokens are put in the page only for a browser on this machine (a loopback client),
as the demo server prints them only to its own console; anyone else gets the page without them.
"""

from __future__ import annotations

import ipaddress

import orjson
from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from carenet.api.auth import Role
from carenet.web.map import DIST, asset_response

router = APIRouter(tags=["graphiql"])

PLACEHOLDER = "<!--carenet-demo-->"
FIRST_ROLE = Role.ANALYST
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": _CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def page(tokens: dict[Role, str], *, client_host: str | None) -> HTMLResponse:
    """The GraphiQL page; with the demo tokens when there are any and the client is on this machine."""
    path = DIST / "graphiql.html"
    if not path.is_file():
        return HTMLResponse(
            "<!doctype html><title>carenet GraphiQL</title><p>GraphiQL is not built: run <code>make setup</code> "
            "(or <code>npm ci && npm run build</code>).</p>",
            status_code=503,
        )
    html = path.read_text(encoding="utf-8")
    demo = ""
    if tokens and is_loopback(client_host):
        data = {"role": FIRST_ROLE.value, "tokens": {role.value: token for role, token in tokens.items()}}
        # JSON in a non-executed script element; "<" escaped so nothing in it can close the element.
        text = orjson.dumps(data).decode().replace("<", "\\u003c")
        demo = f'<script type="application/json" id="carenet-demo">{text}</script>'
    return HTMLResponse(html.replace(PLACEHOLDER, demo), headers=_HEADERS)


@router.get("/graphql/static/{name}", include_in_schema=False)
async def graphiql_asset(name: str) -> Response:
    """A file of GraphiQL's bundle (the same flat folder as the map's)."""
    return asset_response(name)
