"""What the REST routes take and answer: dates as dates, one shape for every error, and how the
OpenAPI document says so.

Every 4xx and 5xx a route gives is ``{"error": CODE, "message": ..., "problems": [...]}`` (and a
``suggestion`` where carenet has one): the same body whether carenet raised the error
(:class:`~carenet.errors.CarenetError`), a route refused a request (Starlette's ``HTTPException``:
an unknown template, a missing admin key) or FastAPI found a query parameter or body that does not
fit its type (``RequestValidationError``: a 400 ``BAD_USER_INPUT`` with one problem per parameter,
named as the request names it). Before, those three gave three shapes, and FastAPI's own answered
422 where carenet answers 400.

:func:`documented` is what a route puts in its decorator so that the OpenAPI document lists the media
type of its answer (a GEXF file, a CSV table, a workbook) and the error statuses it can give, with
:class:`ErrorBody` as their schema: a client generated from the document then knows both.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, BeforeValidator, Field
from starlette.exceptions import HTTPException

from carenet.errors import CarenetError

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError("not a date: write it as YYYY-MM-DD")


def choice(values: Any) -> Any:
    """A parameter type that takes these values alone: the OpenAPI document lists them, and any other
    value is a 400 naming them (:func:`invalid_request`)."""
    return Literal[tuple(values)]


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
"""A date parameter written as the OpenAPI document says (``2026-03-31``): pydantic alone also takes
a number of seconds since 1970 (``at=0``) or a date and time, which nobody asking for ties on a
date means."""

STATUS_OF_CODE = {
    "BAD_USER_INPUT": 400,
    "UNAUTHENTICATED": 401,
    "FORBIDDEN": 403,
    "NOT_FOUND": 404,
    "CONFLICT": 409,
    "PAYLOAD_TOO_LARGE": 413,
    "STORE_UNAVAILABLE": 503,
}
CODE_OF_STATUS = {status: code for code, status in STATUS_OF_CODE.items()}
"""The code of an error a route refused with a status alone (Starlette's ``HTTPException``)."""
CODE_OF_STATUS.update({405: "METHOD_NOT_ALLOWED", 429: "TOO_MANY_REQUESTS"})

_MEANING = {
    400: "The request is wrong: each problem names the parameter, field or file:line:column, and what is wrong.",
    401: "No credentials, or credentials that are not valid.",
    403: "The caller's role or system does not allow this.",
    404: "No such thing (a system, place or template named in the request).",
    409: "The request conflicts with what is there (a backup folder that is not empty).",
    413: "The upload is past a limit (bytes, files, rows or cells of one request).",
    503: "The store, or the browser that prints a PDF, is not available.",
}


class ProblemBody(BaseModel):
    """One thing wrong with a request."""

    location: str = Field(description="Where: a parameter or field name, or file:line:column of an upload.")
    message: str = Field(description="What is wrong, and what would be right.")
    value: Any = Field(default=None, description="The value given, when there was one.")


class ErrorBody(BaseModel):
    """Every error a REST route answers."""

    error: str = Field(description="The error's code: BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, ...")
    message: str = Field(description="The error in a sentence.")
    suggestion: str | None = Field(default=None, description="What to do instead, when there is a hint.")
    problems: list[ProblemBody] | None = Field(default=None, description="Each problem: where, and what is wrong.")


_FILE = {"type": "string", "format": "binary"}


def documented(media: dict[str, str] | None, *statuses: int) -> dict[int | str, dict[str, Any]]:
    """A route's ``responses``: its answer as each media type in ``media`` (type -> description; None
    keeps the route's JSON), and :class:`ErrorBody` for each status in ``statuses`` (400 is always
    there: any parameter of the wrong type gives it)."""
    responses: dict[int | str, dict[str, Any]] = {}
    if media:
        responses[200] = {
            "description": "; ".join(media.values()),
            "content": {kind: {"schema": {} if "json" in kind else _FILE} for kind in media},
        }
    for status in sorted({400, *statuses}):
        responses[status] = {"model": ErrorBody, "description": _MEANING[status]}
    return responses


def error_response(exc: CarenetError) -> JSONResponse:
    """A :class:`CarenetError` raised by a route, as JSON with the status its code stands for."""
    body: dict = {"error": exc.code, "message": exc.message}
    if exc.suggestion:
        body["suggestion"] = exc.suggestion
    problems = getattr(exc, "problems", None)
    if problems:
        body["problems"] = [{"location": p.location, "message": p.message, "value": p.value} for p in problems]
    return JSONResponse(jsonable_encoder(body), status_code=STATUS_OF_CODE.get(exc.code, 500))


async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
    """A request a route (or the router: no such route, a method it does not take) refused."""
    body = {"error": CODE_OF_STATUS.get(exc.status_code, "HTTP_ERROR"), "message": str(exc.detail)}
    return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)


async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    """Parameters or a body that do not fit their types: 400, each named as the request names it
    (``at``, ``format``, ``dir``), with pydantic's sentence for what is wrong."""
    problems = []
    for error in exc.errors():
        location = error.get("loc") or ()
        name = ".".join(str(part) for part in location[1:]) or ".".join(str(part) for part in location) or "request"
        value = error.get("input")
        if not isinstance(value, (str, int, float, bool)):
            value = None  # a whole body or a missing one: the location says which
        problems.append({"location": name, "message": error.get("msg", "not valid"), "value": value})
    word = "problem" if len(problems) == 1 else "problems"
    body = {"error": "BAD_USER_INPUT", "message": f"{len(problems)} {word} in the request", "problems": problems}
    return JSONResponse(jsonable_encoder(body), status_code=400)
