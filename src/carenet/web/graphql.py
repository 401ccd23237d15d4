"""GraphQL over HTTP at ``/graphql`` (the GraphQL over HTTP specification).

- POST with a JSON body (one operation: batching is off); GET for queries only (405 otherwise).
- ``application/graphql-response+json`` when the client accepts it: 400 for a request that fails
  before execution (bad JSON, parse or validation failure), 200 once execution has begun.
  ``application/json`` for clients that ask for it (or send no Accept): 200 for any
  well-formed request. 406 when neither is acceptable.
- Credentials before anything else: 401 with ``WWW-Authenticate`` when missing or bad.
- Bodies over ``max_body_bytes`` get 413; an operation past ``request_timeout_s`` gets 504; one
  past the caller's cost budget over time (:mod:`carenet.api.cost`) gets 429 with ``Retry-After``.
- In demo mode a browser GET without a query gets GraphiQL (:mod:`carenet.web.graphiql`: served from the
  built bundle, no CDN; with the demo tokens for a browser on this machine).

The routes go through the app's middleware and routing like every other route.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any

import orjson
from fastapi import Request
from fastapi.responses import Response
from strawberry.exceptions import MissingQueryError
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types.execution import PreExecutionError
from strawberry.types.graphql import OperationType

from carenet.api.context import Context
from carenet.api.cost import retry_after
from carenet.api.errors import error_body, format_error
from carenet.api.loaders import Loaders
from carenet.config import Mode
from carenet.errors import Unauthenticated
from carenet.web import graphiql

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


class GraphVersion:
    """Changes whenever the store this server holds is written, by any path (a GraphQL mutation,
    an import over HTTP, the admin API, the stored metrics being recomputed): the start time and
    the store's own version, which every committed write changes. An import once left it as it
    was, so a front-end cache keyed on it showed stale data (issue 15)."""

    def __init__(self, store_version: Callable[[], str]) -> None:
        self.boot = format(int(time.time()), "x")
        self._store_version = store_version

    def __str__(self) -> str:
        return f"{self.boot}-{self._store_version()}"


def _media_type(accept: str) -> str | None:
    if not accept.strip():
        return JSON
    types = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    if GRAPHQL_RESPONSE in types:
        return GRAPHQL_RESPONSE
    if JSON in types or "*/*" in types or "application/*" in types:
        return JSON
    return None


def _respond(body: dict[str, Any], status: int, media: str, headers: dict[str, str] | None = None) -> Response:
    if media == JSON and status == 400 and "data" not in body and not body.get("_request_error"):
        status = 200  # application/json: a well-formed request gets 200 whatever GraphQL said
    body.pop("_request_error", None)
    return Response(orjson.dumps(body), status_code=status, media_type=media, headers=headers)


def _request_error(message: str, media: str, status: int = 400) -> Response:
    body = {**error_body("BAD_REQUEST", message), "_request_error": True}
    return _respond(body, status, media)


async def _params_from_body(request: Request, limit: int) -> dict[str, Any] | str:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        return "too large"
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return "too large"
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in ("application/json", ""):
        return f"unsupported content type {content_type!r}: send application/json"
    try:
        params = orjson.loads(body or b"null")
    except ValueError:
        return "the body is not valid JSON"
    if isinstance(params, list):
        return "batching is not supported: send one operation per request"
    if not isinstance(params, dict):
        return "the body must be a JSON object with a query"
    return params


def _params_from_query(request: Request) -> dict[str, Any] | str:
    params: dict[str, Any] = dict(request.query_params)
    for name in ("variables", "extensions"):
        if name in params:
            try:
                params[name] = json.loads(params[name])
            except ValueError:
                return f"{name} must be JSON"
    return params


async def _handle(request: Request, *, get: bool) -> Response:
    app = request.app
    settings = app.state.settings
    media = _media_type(request.headers.get("accept", ""))
    if get and "query" not in request.query_params and settings.mode is Mode.DEMO:
        if "text/html" in request.headers.get("accept", ""):
            return graphiql.page(app.state.demo_tokens, client_host=request.client.host if request.client else None)
    if media is None:
        return Response("accept application/graphql-response+json or application/json", status_code=406)
    try:
        principal = app.state.authenticator.authenticate(request.headers.get("authorization"))
    except Unauthenticated as exc:
        body = error_body("UNAUTHENTICATED", exc.message)
        challenge = 'Bearer realm="carenet"' + ("" if "required" in exc.message else ', error="invalid_token"')
        return _respond({**body, "_request_error": True}, 401, media, {"WWW-Authenticate": challenge})
    params = _params_from_query(request) if get else await _params_from_body(request, settings.max_body_bytes)
    if params == "too large":
        return _request_error(f"the request body is over {settings.max_body_bytes} bytes", media, 413)
    if isinstance(params, str):
        return _request_error(params, media)
    query, variables = params.get("query"), params.get("variables")
    if query is not None and not isinstance(query, str):
        return _request_error("query must be a string", media)
    if not isinstance(query, str) or not query.strip():
        return _request_error("the request has no query", media)
    if variables is not None and not isinstance(variables, dict):
        return _request_error("variables must be a JSON object", media)
    operation_name = params.get("operationName")
    if operation_name is not None and not isinstance(operation_name, str):
        return _request_error("operationName must be a string or null", media)
    extensions = params.get("extensions")
    if extensions is not None and not isinstance(extensions, dict):
        return _request_error("extensions must be a JSON object", media)
    context = Context(
        services=app.state.services,
        principal=principal,
        audit=app.state.audit,
        graph_version=app.state.graph_version,
        loaders=Loaders(app.state.services.repo),
        budget=app.state.cost_budget,
    )
    allowed = (OperationType.QUERY,) if get else (OperationType.QUERY, OperationType.MUTATION)
    try:
        async with asyncio.timeout(settings.request_timeout_s):  # no task of its own, as wait_for makes
            result = await app.state.schema.execute(
                query,
                variable_values=variables,
                context_value=context,
                operation_name=operation_name,
                allowed_operation_types=allowed,
            )
    except InvalidOperationTypeError:
        return _respond(
            {**error_body("BAD_REQUEST", "only queries may be sent with GET"), "_request_error": True},
            405,
            media,
            {"Allow": "POST"},
        )
    except MissingQueryError:
        return _request_error("the request has no query", media)
    except TimeoutError:
        return _respond({**error_body("TIMEOUT", "the request took too long"), "_request_error": True}, 504, media)
    body: dict[str, Any] = {}
    if result.errors:
        body["errors"] = [format_error(e) for e in result.errors]
    if isinstance(result, PreExecutionError) or _never_ran(result):
        wait = retry_after(result.errors)
        if wait is not None:  # past the caller's budget over time
            return _respond(body, 429, media, {"Retry-After": str(wait)})
        return _respond(body, 400, media)
    body["data"] = result.data
    if result.extensions:
        body["extensions"] = result.extensions
    return _respond(body, 200, media)


def _never_ran(result: Any) -> bool:
    """Variable values that did not coerce (GraphQL's CoerceVariableValues): execution never
    started, so this is a request error, with no ``data`` entry (GraphQL over HTTP). Only then
    is ``data`` null with every error outside any field (field errors carry their path)."""
    return result.data is None and bool(result.errors) and all(e.path is None for e in result.errors)


async def graphql_endpoint(request: Request) -> Response:
    """GET and POST ``/graphql``, added to the app as a plain route (``app.add_route``: the request is
    all it takes, so FastAPI's dependency resolution, with nothing to resolve, is not run); the app's
    middleware and exception handlers apply to it as to every route."""
    return await _handle(request, get=request.method != "POST")  # GET, or HEAD (GET without the body)
