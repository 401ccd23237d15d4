"""A carenet server for a benchmark: uvicorn (or any command) in a subprocess on a free port,
waited for until ``/readyz`` answers, and stopped afterwards. Shared by the benchmarks that time
requests over HTTP."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def uvicorn_command(port: int, *, log_level: str = "warning") -> list[str]:
    """The app factory under uvicorn on ``port``, no access log (settings come from the environment)."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "carenet.web:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        log_level,
        "--no-access-log",
    ]


def wait_ready(url: str, proc: subprocess.Popen, *, timeout: float = 120.0, poll: float = 0.2) -> float:
    """Seconds until ``url``/readyz answers 200; RuntimeError when ``proc`` exits or time runs out."""
    began = time.monotonic()
    while True:
        try:
            if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                return time.monotonic() - began
        except httpx.HTTPError:
            pass
        if time.monotonic() - began > timeout or proc.poll() is not None:
            raise RuntimeError("the server did not start")
        time.sleep(poll)


@contextlib.contextmanager
def served(env: dict[str, str], port: int, command: list[str] | None = None, **popen) -> Iterator[str]:
    """``command`` (default: :func:`uvicorn_command`) running with ``env``; its URL once ready. On
    exit it gets SIGTERM, and SIGKILL if it has not stopped 30 s later."""
    server = subprocess.Popen(command or uvicorn_command(port), env=env, **popen)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
            print("the server did not stop within 30 s of SIGTERM; killed")
