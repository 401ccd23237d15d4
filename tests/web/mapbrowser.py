"""Drive Debian's Chromium from Python through ``driver.mjs`` (playwright-core under Node).

Also used by ``benchmarks/map.py``. Never downloads a browser: ``CARENET_CHROMIUM`` or ``/usr/bin/chromium``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("driver.mjs")
CHROMIUM = os.environ.get("CARENET_CHROMIUM", "/usr/bin/chromium")


class BrowserError(RuntimeError):
    pass


def missing_requirements() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM}: run `make chromium` (Debian's package)"
    if shutil.which("node") is None:
        return "node is not on PATH"
    if not (ROOT / "node_modules" / "playwright-core").is_dir():
        return "node_modules/playwright-core is missing: run `make setup`"
    if not (ROOT / "src" / "carenet" / "web" / "static" / "dist" / "map.js").is_file():
        return "the map bundle is not built: run `make setup` (npm run build)"
    return None


class Browser:
    """One Chromium page. Each method sends one command and returns the driver's answer."""

    def __init__(self, timeout: float = 120.0) -> None:
        env = {**os.environ, "CARENET_CHROMIUM": CHROMIUM}
        self.proc = subprocess.Popen(
            ["node", str(DRIVER)],
            cwd=ROOT,
            env=env,
            text=True,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.timeout = timeout
        first = self._read()
        if not first.get("ok"):
            raise BrowserError(f"the browser did not start: {first}")

    def _read(self) -> dict:
        line = self.proc.stdout.readline()
        if not line:
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            err = self.proc.stderr.read()
            raise BrowserError(f"the browser driver stopped: {err[-2000:]}")
        return json.loads(line)

    def send(self, op: str, **params: Any) -> Any:
        self.proc.stdin.write(json.dumps({"op": op, **params}) + "\n")
        self.proc.stdin.flush()
        answer = self._read()
        if not answer["ok"]:
            raise BrowserError(f"{op} failed: {answer['error']}")
        return answer["value"]

    def goto(self, url: str) -> None:
        """A full page load, even when ``url`` differs from the current one only in its fragment."""
        self.send("goto", url="about:blank")
        self.send("goto", url=url)

    def js(self, expression: str, arg: Any = None) -> Any:
        """Run ``expression`` as the body of an async function in the page (``arg`` is available)."""
        return self.send("evaluate", expression=expression, arg=arg)

    def wait(self, expression: str, timeout: int = 30000) -> None:
        self.send("wait", expression=expression, timeout=timeout)

    def offline(self) -> None:
        """Every request to a host other than this machine fails from now on (see :meth:`traffic`)."""
        self.send("offline")

    def traffic(self) -> dict:
        """``blocked``: every URL :meth:`offline` stopped; ``responses``: the responses since the last call."""
        return self.send("traffic")

    def traffic_reset(self) -> None:
        self.send("traffic")

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.write(json.dumps({"op": "close"}) + "\n")
                self.proc.stdin.flush()
                self.proc.wait(timeout=20)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
