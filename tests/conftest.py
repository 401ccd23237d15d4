"""Shared fixtures: every test gets its own embedded database in its own temporary folder."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from carenet.bootstrap import SCHEMA_DIR, Services, build
from carenet.config import Settings
from carenet.storage.migrations import migrate
from carenet.storage.repository import Repository
from carenet.storage.store import GraphStore


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
async def services(settings: Settings) -> AsyncIterator[Services]:
    built = await build(settings, migrate_schema=True)
    try:
        yield built
    finally:
        await built.close()


@pytest.fixture
async def store(services: Services) -> GraphStore:
    return services.store


@pytest.fixture
async def repo(services: Services) -> Repository:
    return services.repo


def _neo4j_settings() -> Settings | None:
    uri = os.environ.get("CARENET_TEST_NEO4J_URI")
    if not uri:
        return None
    return Settings(
        neo4j_uri=uri,
        neo4j_user=os.environ.get("CARENET_TEST_NEO4J_USER", "neo4j"),
        neo4j_password=os.environ.get("CARENET_TEST_NEO4J_PASSWORD", ""),
        neo4j_database=os.environ.get("CARENET_TEST_NEO4J_DATABASE", "neo4j"),
    )


@pytest.fixture(params=["ladybug", "neo4j"])
async def any_repo(request, tmp_path: Path) -> AsyncIterator[Repository]:
    """A fresh, migrated repository on every store that is available (Neo4j only when
    ``CARENET_TEST_NEO4J_URI`` is set; the database there is wiped before and after)."""
    if request.param == "neo4j":
        neo = _neo4j_settings()
        if neo is None:
            pytest.skip("Neo4j: set CARENET_TEST_NEO4J_URI (and _USER, _PASSWORD) to run the contract suite on it")
        built = await build(neo)
        from carenet.storage.queries import core

        async def wipe() -> None:
            while (await built.store.write(core.WIPE_BATCH))[0]["deleted"]:
                pass

        await wipe()
        await migrate(built.store, SCHEMA_DIR)
        try:
            yield built.repo
        finally:
            await wipe()
            await built.close()
        return
    built = await build(Settings(data_dir=tmp_path / "contract"), migrate_schema=True)
    try:
        yield built.repo
    finally:
        await built.close()


class LiveServer:
    """A real uvicorn server on 127.0.0.1 and a free port, in a thread of this process."""

    def __init__(self, app) -> None:
        import socket
        import threading

        import uvicorn

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        import time

        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


@pytest.fixture
def live_server():
    """``with live_server(create_app(settings)) as server: httpx.get(server.url + ...)``"""
    return LiveServer
