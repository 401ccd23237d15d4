"""How errors leave the GraphQL API: each with a stable ``extensions.code``; the unexpected masked.

::

    extensions.code            from
    BAD_USER_INPUT             InvalidInput (with ``problems``: path + message each), bad variables
    UNAUTHENTICATED            Unauthenticated (HTTP 401 before execution)
    FORBIDDEN                  Forbidden: the caller's role may not do this
    NOT_FOUND                  NotFound
    CONFLICT                   Conflict
    STORE_UNAVAILABLE          StorageUnavailable
    GRAPHQL_PARSE_FAILED       the document does not parse (or is over the token limit)
    GRAPHQL_VALIDATION_FAILED  the document does not validate (depth, aliases, cost, unknown fields)
    TIMEOUT                    the request ran past ``request_timeout_s``
    RATE_LIMITED               past the caller's cost budget over time (HTTP 429, ``retryAfter``)
    INTERNAL_SERVER_ERROR      anything else: message masked, logged with a reference
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from graphql import GraphQLError
from graphql.error import GraphQLSyntaxError

from carenet.errors import CarenetError, InvalidInput

log = logging.getLogger("carenet.api")

MASKED_MESSAGE = "Unexpected error."


def _problems(exc: InvalidInput) -> list[dict[str, Any]]:
    return [{"path": p.location, "message": p.message} for p in exc.problems]


def format_error(error: GraphQLError) -> dict[str, Any]:
    """The JSON of one error, as sent to the client."""
    original = error.original_error
    out: dict[str, Any] = {"message": error.message}
    if error.locations:
        out["locations"] = [{"line": loc.line, "column": loc.column} for loc in error.locations]
    if error.path:
        out["path"] = list(error.path)
    if isinstance(original, CarenetError):
        out["message"] = str(original.message)
        ext: dict[str, Any] = {"code": original.code}
        if original.suggestion:
            ext["suggestion"] = original.suggestion
        if isinstance(original, InvalidInput):
            ext["problems"] = _problems(original)
        out["extensions"] = ext
    elif original is None or isinstance(original, GraphQLError):
        if isinstance(error, GraphQLSyntaxError) or isinstance(original, GraphQLSyntaxError):
            code = "GRAPHQL_PARSE_FAILED"
        elif error.path:
            code = "BAD_USER_INPUT"
        else:
            code = "GRAPHQL_VALIDATION_FAILED"
        out["extensions"] = {**(error.extensions or {}), "code": (error.extensions or {}).get("code", code)}
    else:
        ref = uuid.uuid4().hex[:12]
        log.error("unexpected error %s at %s", ref, error.path, exc_info=original)
        out["message"] = MASKED_MESSAGE
        out["extensions"] = {"code": "INTERNAL_SERVER_ERROR", "reference": ref}
    return out


def is_expected(error: GraphQLError) -> bool:
    original = error.original_error
    return original is None or isinstance(original, (CarenetError, GraphQLError))


def error_body(code: str, message: str) -> dict[str, Any]:
    """A response with no data: a request error before execution."""
    return {"errors": [{"message": message, "extensions": {"code": code}}]}
