"""What every command shares: settings, opening the store, and the fallback to a running server.

The embedded database can be held by one process only. When a command finds it held by a
running carenet server, it sends the work to that server's admin API instead.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any, TypeVar

import httpx
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from carenet.bootstrap import Services, build
from carenet.config import Settings
from carenet.errors import (
    CarenetError,
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    Problem,
    StorageUnavailable,
    TooLarge,
    Unauthenticated,
)
from carenet.web.app import admin_key_path, running_server_url, server_file_path

console = Console(stderr=True)
out = Console()
T = TypeVar("T")


def settings_from(**overrides: Any) -> Settings:
    return Settings(**{k: v for k, v in overrides.items() if v is not None})


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


@contextlib.asynccontextmanager
async def services(settings: Settings, *, migrate: bool = True) -> AsyncIterator[Services]:
    built = await build(settings)
    try:
        if migrate:
            await built.migrate()
        yield built
    finally:
        await built.close()


def server_url(settings: Settings) -> str | None:
    """``--server`` / ``CARENET_SERVER_URL`` if given, else the server recorded in the data folder
    (``carenet serve`` writes ``server.json``), else None: the admin key is never sent to a guess."""
    return settings.server_url or running_server_url(settings)


def remote(settings: Settings, held: str | None = None) -> httpx.Client:
    """A client for a running server's admin API, with the key that server wrote. ``held``: what
    opening the store said (it names the process holding it)."""
    url = server_url(settings)
    if url is None:
        held = held or f"the embedded database at {settings.ladybug_path} is held by another process"
        raise StorageUnavailable(
            f"{held}, and no running carenet server is recorded in {server_file_path(settings)}",
            suggestion="stop the process that holds it, or pass --server URL (or CARENET_SERVER_URL) "
            "of the server that does",
        )
    path = admin_key_path(settings)
    key = settings.admin_key.get_secret_value() if settings.admin_key else None
    if key is None and path.exists():
        key = path.read_text(encoding="utf-8").strip()
    if key is None:
        raise StorageUnavailable(
            "the embedded database is held by another process and no admin key was found",
            suggestion=f"set CARENET_ADMIN_KEY to the server's key, or stop the process holding "
            f"{settings.ladybug_path}",
        )
    return httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=600)


def local_or_remote(
    settings: Settings,
    local: Callable[[], T],
    remote_call: Callable[[httpx.Client], T],
) -> T:
    """Run ``local``; if the embedded database is held by a server, run ``remote_call`` on it."""
    try:
        return local()
    except StorageUnavailable as exc:
        if settings.uses_neo4j or "held by" not in exc.message:
            raise
        with remote(settings, exc.message) as client:
            where = str(client.base_url).rstrip("/")
            console.print(f"[yellow]{escape(exc.message)}; sending the command to {where}[/yellow]", soft_wrap=True)
            try:
                return remote_call(client)
            except httpx.HTTPStatusError as refusal:
                raise refused(refusal.response) from None
            except httpx.HTTPError as http_exc:
                raise StorageUnavailable(
                    f"{exc.message}, and the server at {server_url(settings)} did not answer: {http_exc}",
                    suggestion="stop the process holding the database, or pass --server URL",
                ) from None


_KINDS = (InvalidInput, TooLarge, NotFound, Conflict, Forbidden, Unauthenticated, StorageUnavailable)
_ERRORS: dict[str, type[CarenetError]] = {kind.code: kind for kind in _KINDS}
"""carenet's errors by the code a server answers them with."""


def refused(response: httpx.Response) -> CarenetError:
    """The error a server answered a command with, as the command raises it when it runs here: every
    REST route refuses in one shape (``{"error", "message", "problems"}``, :mod:`carenet.web.responses`),
    so a bad ``--level`` or an unknown ``--system`` reads the same either way, not as a server that
    "did not answer"."""
    with contextlib.suppress(httpx.StreamError):
        response.read()  # a streamed answer (an export) has its body still to read
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        body = {}
    message = str(body.get("message") or f"the server answered {response.status_code}")
    problems = [
        Problem(str(p.get("location", "")), str(p.get("message", "")), p.get("value"))
        for p in body.get("problems") or []
        if isinstance(p, dict)
    ]
    kind = _ERRORS.get(body.get("error"), CarenetError)
    if issubclass(kind, InvalidInput):
        if problems:
            return kind(problems, message=message)
        kind = CarenetError  # a refusal of this kind with no problem listed: its message alone
    suggestion = body.get("suggestion")
    return kind(message, suggestion=str(suggestion) if suggestion else None)


def raise_refused(response: httpx.Response) -> None:
    """:func:`refused`, raised, when ``response`` is an error."""
    if response.is_error:
        raise refused(response)


def progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=console,
    )


def fail(exc: CarenetError) -> None:
    console.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
