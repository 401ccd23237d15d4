"""A real server on 127.0.0.1 over a real embedded store, one per test module (or per test)."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from carenet.api.auth import Role
from carenet.bootstrap import Services, build
from carenet.config import Mode, Settings
from carenet.services.demo import load_demo
from carenet.storage.recording import RecordingStore
from carenet.storage.repository import Repository
from carenet.web import create_app


@dataclass
class Server:
    url: str
    app: object
    services: Services
    settings: Settings

    @property
    def tokens(self) -> dict[Role, str]:
        return self.app.state.demo_tokens

    def client(self, role: Role | None = Role.ADMIN, **headers: str) -> httpx.Client:
        if role is not None:
            headers.setdefault("Authorization", f"Bearer {self.tokens[role]}")
        headers.setdefault("Accept", "application/graphql-response+json")
        return httpx.Client(base_url=self.url, headers=headers, timeout=60)

    def gql(self, query: str, variables: dict | None = None, *, role: Role = Role.ADMIN) -> dict:
        with self.client(role) as c:
            r = c.post("/graphql", json={"query": query, "variables": variables or {}})
        assert r.status_code in (200, 400), r.text
        return r.json()

    @property
    def recording(self) -> RecordingStore:
        return self.services.store


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running(
    data_dir: Path, *, demo_data: bool = True, mode: Mode = Mode.DEMO, with_app=None, **overrides
) -> Iterator[Server]:
    """``with_app(app)``, when given, is called on the app before the server starts (to add a middleware)."""
    overrides.setdefault("metrics_refresh_s", 0)  # no background work unless a test asks (round-trip counts)
    settings = Settings(data_dir=data_dir, mode=mode, port=_free_port(), read_pool_size=2, **overrides)

    async def prepare() -> Services:
        built = await build(settings, migrate_schema=True)
        if demo_data:
            await load_demo(built.repo)
        store = RecordingStore(built.store)
        return dataclasses.replace(built, store=store, repo=Repository(store))

    services = asyncio.run(prepare())
    app = create_app(settings, services=services)
    if with_app is not None:
        with_app(app)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=settings.port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield Server(f"http://127.0.0.1:{settings.port}", app, services, settings)
    finally:
        server.should_exit = True
        thread.join(10)
        asyncio.run(services.close())


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory) -> Iterator[Server]:
    """The demo system loaded once per module: for read-only tests."""
    with running(tmp_path_factory.mktemp("demo")) as server:
        yield server


@pytest.fixture
def fresh_server(tmp_path) -> Iterator[Server]:
    """The demo system in a database of this test's own: for tests that write."""
    with running(tmp_path) as server:
        yield server


@pytest.fixture
def start_server():
    """``with start_server(tmp_path, demo_data=False, mode=..., **settings) as server``: a server of the test's own."""
    return running
