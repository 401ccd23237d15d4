"""Files and routes: keys, the audit log and the server record are created 0600 (the data folder
0700) whatever the umask, and the OpenAPI pages, which list the admin routes, are served in demo
mode only. Real servers, real HTTP."""

from __future__ import annotations

import contextlib
import os
import socket
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from typer.testing import CliRunner

from carenet.api.auth import Role, load_api_keys
from carenet.cli.main import app as cli
from carenet.config import Mode, Settings
from carenet.web import create_app

PAGES = ["/openapi.json", "/docs", "/redoc", "/docs/oauth2-redirect"]
PRIVATE = ["admin.key", "server.json", "audit.log", "audit.salt", "api_keys.json"]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextlib.contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


@contextlib.contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """``carenet serve`` as it runs: the app records its URL in the data folder while it listens."""
    url = f"http://127.0.0.1:{settings.port}"
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings, record_url=url),
            host="127.0.0.1",
            port=settings.port,
            log_level="warning",
            lifespan="on",
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(30)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_production_files_are_private_and_openapi_pages_are_off(tmp_path: Path) -> None:
    data = tmp_path / "data"
    settings = Settings(data_dir=data, mode=Mode.PRODUCTION, port=free_port(), metrics_refresh_s=0, read_pool_size=2)
    runner = CliRunner()
    with umask(0):  # the worst umask: nothing but carenet's own modes stands between the files and other users
        made = runner.invoke(
            cli, ["apikey", "create", "--role", "admin", "--data-dir", str(data)], catch_exceptions=False
        )
        assert made.exit_code == 0, made.stdout
        key = next(w for w in made.stdout.split() if w.startswith("cnk_"))
        spare = runner.invoke(
            cli, ["apikey", "create", "--role", "analyst", "--data-dir", str(data)], catch_exceptions=False
        )
        assert spare.exit_code == 0
        assert mode(data) == 0o700
        (data / "audit.log").write_text("")
        (data / "audit.log").chmod(0o644)  # a log left world-readable by an older version is narrowed
        with serving(settings) as url:
            with httpx.Client(base_url=url, timeout=60) as c:
                for page in PAGES:
                    for headers in ({}, {"Authorization": f"ApiKey {key}"}):
                        r = c.get(page, headers=headers)
                        assert r.status_code == 404, (page, r.status_code)
                        assert "/admin/" not in r.text
                r = c.post(
                    "/graphql",
                    json={"query": "{ people(first: 1) { edges { node { name } } } }"},
                    headers={"Authorization": f"ApiKey {key}"},
                )
                assert r.status_code == 200 and "errors" not in r.json(), r.text
            assert (data / "server.json").exists()
            spare_id = next(k for k, r in load_api_keys(data / "api_keys.json").items() if r.role is Role.ANALYST)
            assert runner.invoke(cli, ["apikey", "revoke", spare_id, "--data-dir", str(data)]).exit_code == 0
            assert "read people" in (data / "audit.log").read_text()
            found = {name: oct(mode(data / name)) for name in PRIVATE}
    assert found == {name: oct(0o600) for name in PRIVATE}


def test_demo_mode_serves_the_pages_and_keeps_its_signing_key_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    settings = Settings(data_dir=data, mode=Mode.DEMO, port=free_port(), metrics_refresh_s=0, read_pool_size=2)
    with umask(0), serving(settings) as url:
        with httpx.Client(base_url=url, timeout=60) as c:
            assert c.get("/openapi.json").status_code == 200
            assert c.get("/docs").status_code == 200
    assert mode(data / "demo_jwt_key.pem") == 0o600
    assert mode(data / "admin.key") == 0o600


@pytest.mark.parametrize("existing", [None, 0o644])
def test_private_writes_never_leave_a_wider_file(tmp_path: Path, existing: int | None) -> None:
    from carenet import private

    path = tmp_path / "secret"
    if existing is not None:
        path.write_text("old")
        path.chmod(existing)
    with umask(0):
        private.write(path, "new")
    assert (mode(path), path.read_text()) == (0o600, "new")
    assert not list(tmp_path.glob(".secret*"))
    assert private.create(path, "other") is False and path.read_text() == "new"
