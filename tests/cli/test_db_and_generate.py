"""The CLI with typer's CliRunner, on a real embedded database; and the fall-back to a running server."""

from __future__ import annotations

import httpx
import networkx as nx
from typer.testing import CliRunner

from carenet.bootstrap import SCHEMA_DIR
from carenet.cli.main import app
from carenet.config import Settings
from carenet.errors import InvalidInput, NotFound
from carenet.storage.migrations import schema_files

SCHEMA_VERSION = schema_files(SCHEMA_DIR, "ladybug")[-1].version

runner = CliRunner()


def invoke(*args: str, env: dict | None = None):
    result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
    return result


def test_migrate_status_generate_and_wipe(tmp_path):
    data = str(tmp_path / "data")
    status = invoke("db", "status", "--data-dir", data)
    assert status.exit_code == 0 and "pending 001_base" in status.stdout
    assert "applied: 001_base" in invoke("db", "migrate", "--data-dir", data).stdout
    assert "up to date" in invoke("db", "migrate", "--data-dir", data).stdout
    generated = invoke("generate", "--data-dir", data, "--seed", "3")
    assert generated.exit_code == 0 and "generated 1 system(s)" in generated.stdout
    status = invoke("db", "status", "--data-dir", data)
    assert f"schema version: {SCHEMA_VERSION}" in status.stdout and "Team" in status.stdout
    wiped = invoke("db", "wipe", "--data-dir", data, "--yes")
    assert wiped.exit_code == 0
    assert "pending 001_base" in invoke("db", "status", "--data-dir", data).stdout


def test_wipe_asks_first(tmp_path):
    data = str(tmp_path / "data")
    invoke("db", "migrate", "--data-dir", data)
    refused = runner.invoke(app, ["db", "wipe", "--data-dir", data], input="n\n")
    assert refused.exit_code != 0
    assert f"schema version: {SCHEMA_VERSION}" in invoke("db", "status", "--data-dir", data).stdout


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_commands_go_through_the_server_that_holds_the_database(tmp_path):
    import subprocess
    import sys
    import time

    settings = Settings(data_dir=tmp_path / "data")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "carenet.cli.main", "serve", "--data-dir", str(settings.data_dir), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/readyz").status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
            time.sleep(0.2)
        env = {"CARENET_SERVER_URL": url}
        data = str(settings.data_dir)
        status = invoke("db", "status", "--data-dir", data, env=env)
        assert status.exit_code == 0, status.output
        assert f"held by process {server.pid}" in status.output
        assert "sending the command to " + url in status.output
        assert f"schema version: {SCHEMA_VERSION}" in status.stdout
        generated = invoke("generate", "--data-dir", data, env=env)
        assert generated.exit_code == 0 and "generated 1 system(s)" in generated.stdout
        key = (settings.data_dir / "admin.key").read_text()
        teams = httpx.get(url + "/admin/db/status", headers={"Authorization": "Bearer " + key}).json()["counts"]["Team"]
        assert teams > 500
        gexf = invoke(
            "export", "graph", "--format", "gexf", "--out", str(tmp_path / "g.gexf"), "--data-dir", data, env=env
        )
        assert gexf.exit_code == 0, gexf.output
        assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == teams
        # through the server too: a folder named is the files in it; a file that is not there is a
        # problem listed as the import here lists it, before anything is sent (it was an OSError from reading it)
        folder = tmp_path / "in"
        folder.mkdir()
        (folder / "teams.csv").write_text("uid,name,sector\nserved-team,Sent through the server,health\n")
        (folder / "README.txt").write_text("what these files are")
        imported = invoke("import", str(folder), "--data-dir", data, env=env)
        assert imported.exit_code == 0 and "imported 1 rows from 1 file(s)" in imported.stdout, imported.output
        missing = runner.invoke(  # the command's own error (carenet.cli.main prints it), not a FileNotFoundError
            app, ["import", str(folder / "teams.csv"), str(tmp_path / "missing.csv"), "--data-dir", data], env=env
        )
        assert isinstance(missing.exception, InvalidInput), missing.exception
        assert "missing.csv:1:1: no such file" in str(missing.exception)
        csv_out = invoke(
            "export", "graph", "--format", "csv", "--out", str(tmp_path / "csv"), "--data-dir", data, env=env
        )
        assert csv_out.exit_code == 2 and "stop the server first" in csv_out.output, csv_out.output
        assert not (tmp_path / "csv").exists()
        # the server's refusal reads as the command's own error, not as a server that "did not answer"
        for command in (
            ["analyse", "silos", "--system", "nowhere"],
            ["export", "metrics", "--system", "nowhere", "--out", str(tmp_path / "m.csv")],
            ["export", "graph", "--place", "nowhere", "--out", str(tmp_path / "g2.gexf")],
        ):
            refused = runner.invoke(app, [*command, "--data-dir", data], env=env)
            assert isinstance(refused.exception, NotFound), (command, refused.exception)
            assert "no system 'nowhere'" in str(refused.exception) or "no place 'nowhere'" in str(refused.exception)
        assert not (tmp_path / "m.csv").exists()
        bad = runner.invoke(app, ["analyse", "silos", "--wave", "nowhere", "--data-dir", data], env=env)
        assert isinstance(bad.exception, InvalidInput), bad.exception
        assert [p.location for p in bad.exception.problems] in (["wave"], ["--wave"]), bad.exception
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_held_database_without_a_server_is_a_clear_error(tmp_path):
    import subprocess
    import sys

    data = tmp_path / "data"
    data.mkdir()
    hold = "import sys, time, ladybug; db = ladybug.Database(sys.argv[1]); print('held', flush=True); time.sleep(60)"
    holder = subprocess.Popen([sys.executable, "-c", hold, str(data / "graph")], stdout=subprocess.PIPE, text=True)
    try:
        holder.stdout.readline()
        done = subprocess.run(
            [sys.executable, "-m", "carenet.cli.main", "db", "status", "--data-dir", str(data)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 1
        assert f"held by process {holder.pid}" in done.stderr
        assert "Traceback" not in done.stderr
    finally:
        holder.kill()
        holder.wait()


def test_the_cli_finds_the_server_that_holds_the_database_on_any_port(tmp_path):
    """Issue 15: the CLI sent work (and the admin key) to 127.0.0.1:8000 whatever port the server
    listened on. ``carenet serve`` records its URL in the data folder; the CLI reads it there,
    and with no server recorded it sends the key nowhere."""
    import json
    import subprocess
    import sys
    import time

    data = tmp_path / "data"
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "carenet.cli.main", "serve", "--data-dir", str(data), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz").status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
            time.sleep(0.2)
        record = data / "server.json"
        assert json.loads(record.read_text()) == {"url": f"http://127.0.0.1:{port}", "pid": server.pid}
        assert record.stat().st_mode & 0o777 == 0o600
        status = invoke("db", "status", "--data-dir", str(data), env={"CARENET_SERVER_URL": ""})
        assert status.exit_code == 0, status.output
        assert (
            f"sending the command to http://127.0.0.1:{port}" in status.output
            and f"schema version: {SCHEMA_VERSION}" in status.stdout
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not (data / "server.json").exists()  # removed on a clean stop
