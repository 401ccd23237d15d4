"""``carenet db backup|check|restore`` end to end: a backup taken online through a running server
(a subprocess that holds the database), checked, then restored once the server has stopped; a
damaged backup is refused and changes nothing (issue 14)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time

import httpx
import pytest
from typer.testing import CliRunner

from carenet.bootstrap import SCHEMA_DIR
from carenet.cli.main import app
from carenet.storage.migrations import schema_files

runner = CliRunner()


def invoke(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env=env)


def said(result) -> str:
    """What the user is shown: the output, and the CarenetError ``carenet``'s main prints."""
    return result.output + ("" if result.exception is None else str(result.exception))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(data, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "carenet.cli.main", "serve", "--data-dir", str(data), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz").status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
        time.sleep(0.2)


def _counts(url: str, data) -> dict[str, int]:
    key = (data / "admin.key").read_text()
    return httpx.get(url + "/admin/db/status", headers={"Authorization": "Bearer " + key}).json()["counts"]


@pytest.mark.slow
def test_backup_online_check_and_restore_through_the_cli(tmp_path):
    data = tmp_path / "data"
    assert invoke("generate", "--data-dir", str(data), "--seed", "3").exit_code == 0
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {"CARENET_SERVER_URL": url}
    server = _serve(data, port)
    try:
        before = _counts(url, data)
        checked = invoke("db", "check", "--data-dir", str(data), env=env)
        assert checked.exit_code == 0, checked.output
        assert "no problems found" in checked.stdout and f"{before['Team']:,}" in checked.stdout

        backed = invoke("db", "backup", str(tmp_path / "b1"), "--data-dir", str(data), env=env)
        assert backed.exit_code == 0, backed.output
        assert "sending the command to " + url in backed.output  # online: the server took it
        manifest = json.loads((tmp_path / "b1" / "manifest.json").read_text())
        assert (
            manifest["counts"] == before
            and manifest["schema_version"] == schema_files(SCHEMA_DIR, "ladybug")[-1].version
        )

        # A folder in use is refused; the server goes on.
        refused = invoke("db", "backup", str(tmp_path / "b1"), "--data-dir", str(data), env=env)
        assert refused.exit_code == 1 and "new or empty folder" in said(refused)

        held = invoke("db", "restore", str(tmp_path / "b1"), "--data-dir", str(data), env=env)
        assert held.exit_code == 1 and "held by another process" in said(held)
    finally:
        server.terminate()
        server.wait(timeout=30)

    # Change the live store, then restore the backup over it.
    assert invoke("generate", "--data-dir", str(data), "--seed", "3", "--systems", "2").exit_code == 0
    restored = invoke("db", "restore", str(tmp_path / "b1"), "--data-dir", str(data))
    assert restored.exit_code == 0, restored.output
    assert "the files it replaced are in" in restored.stdout
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = _serve(data, port)
    try:
        assert _counts(url, data) == before
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert invoke("db", "check", "--data-dir", str(data)).exit_code == 0


def test_a_backup_that_does_not_match_its_manifest_is_refused_and_changes_nothing(tmp_path):
    data = tmp_path / "data"
    assert invoke("generate", "--data-dir", str(data), "--seed", "3").exit_code == 0
    assert invoke("db", "backup", str(tmp_path / "b1"), "--data-dir", str(data)).exit_code == 0
    path = tmp_path / "b1" / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["counts"]["Team"] += 1
    path.write_text(json.dumps(manifest))
    live = (data / "graph").read_bytes()
    refused = invoke("db", "restore", str(tmp_path / "b1"), "--data-dir", str(data))
    assert refused.exit_code == 1
    assert "counts differ from the manifest" in said(refused) and "nothing was restored" in said(refused)
    assert (data / "graph").read_bytes() == live
    assert not list(data.glob("replaced-*"))
    not_a_backup = invoke("db", "restore", str(tmp_path), "--data-dir", str(data))
    assert not_a_backup.exit_code == 1 and "not a carenet backup folder" in said(not_a_backup)
