"""``carenet demo`` in a subprocess on a free port, for the map's browser tests and benchmark."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
_TOKEN = re.compile(r"^\s*(\w+)\s+\S+/map#token=(\S+)\s*$")


@dataclass
class DemoServer:
    url: str
    pid: int = 0
    tokens: dict[str, str] = field(default_factory=dict)
    output: list[str] = field(default_factory=list)

    def token(self, *roles: str) -> str:
        """The first demo token of these roles; a placeholder when the server prints none (no auth)."""
        for role in roles:
            if role in self.tokens:
                return self.tokens[role]
        return "no-auth-configured"

    def graphql(self, query: str, variables: dict | None = None, *, token: str | None = None) -> dict:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        r = httpx.post(
            self.url + "/graphql", json={"query": query, "variables": variables or {}}, headers=headers, timeout=120
        )
        return r.json()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def demo_server(
    data_dir: Path,
    *,
    systems: int = 1,
    seed: int = 7,
    timeout: float = 300,
    carenet: list[str] | None = None,
    cwd: Path = ROOT,
    env: dict[str, str] | None = None,
) -> Iterator[DemoServer]:
    """Generate and load the demo system(s) into ``data_dir`` and serve them; stopped on exit.

    ``carenet``: the command to run (default: this interpreter's ``-m carenet.cli.main``), with ``cwd``
    and ``env`` (default: this process's environment)."""
    port = free_port()
    env = {
        **(os.environ if env is None else env),
        "CARENET_DATA_DIR": str(data_dir),
        "CARENET_MODE": "demo",
        "PYTHONUNBUFFERED": "1",
    }
    carenet = carenet or [sys.executable, "-m", "carenet.cli.main"]
    cmd = [*carenet, "demo", "--port", str(port), "--seed", str(seed), "--systems", str(systems)]
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    server = DemoServer(url=f"http://127.0.0.1:{port}", pid=proc.pid)

    def pump() -> None:
        for line in proc.stdout:
            server.output.append(line.rstrip())
            m = _TOKEN.match(line)
            if m:
                server.tokens[m.group(1)] = m.group(2)

    threading.Thread(target=pump, daemon=True).start()
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError("carenet demo stopped:\n" + "\n".join(server.output[-40:]))
            try:
                if httpx.get(server.url + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("carenet demo was not ready in time:\n" + "\n".join(server.output[-40:]))
            time.sleep(0.5)
        time.sleep(0.3)  # the token lines are printed during start-up; let the reader catch up
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


_TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """CPU time of ``pid`` and its children now (the analysis and reading processes)."""
    total = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / _TICK  # utime, stime
    return total


def wait_idle(pid: int, *, share: float = 0.05, quiet_s: float = 3.0, limit_s: float = 900.0) -> float:
    """Seconds until the server and its children used under ``share`` of a core for ``quiet_s`` running."""
    started = time.monotonic()
    quiet = 0.0
    last = cpu_seconds(pid)
    while quiet < quiet_s and time.monotonic() - started < limit_s:
        time.sleep(0.5)
        now = cpu_seconds(pid)
        quiet = quiet + 0.5 if now - last < share * 0.5 else 0.0
        last = now
    return time.monotonic() - started - quiet
