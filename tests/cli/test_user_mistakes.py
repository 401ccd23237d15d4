"""A user's mistake on the command line gets a clear error, never a traceback (issue 15): every
command with a missing file, a folder that does not exist, an unknown choice, a bad option, and a
database held by another process with no server to send the work to. Run as the user runs it
(a subprocess), since typer's own handling differs from CliRunner's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = [
    ["serve"],
    ["demo"],
    ["generate"],
    ["template"],
    ["import", "x.csv"],
    ["analyse", "silos"],
    ["db", "migrate"],
    ["db", "status"],
    ["db", "wipe"],
    ["db", "check"],
    ["db", "backup", "b"],
    ["db", "restore", "b"],
    ["export", "graph"],
    ["export", "metrics"],
    ["apikey", "create", "--role", "analyst"],
    ["apikey", "list"],
    ["apikey", "revoke", "x"],
]


def carenet(*args: str, cwd: Path, data: Path) -> subprocess.CompletedProcess:
    env_args = ["--data-dir", str(data)] if args and args[0] not in ("template", "apikey") else []
    return subprocess.run(
        [sys.executable, "-m", "carenet.cli.main", *args, *env_args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "CARENET_SERVER_URL": "http://127.0.0.1:9"},
    )


def assert_clear(done: subprocess.CompletedProcess, *, says: str) -> None:
    assert done.returncode in (1, 2), (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr
    assert says.lower() in done.stderr.lower(), done.stderr
    assert any(line.lower().startswith("error") for line in done.stderr.splitlines()), done.stderr


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_bad_option(tmp_path, command):
    assert_clear(carenet(*command, "--no-such-option", cwd=tmp_path, data=tmp_path / "data"), says="No such option")


@pytest.mark.parametrize(
    "args, says",
    [
        (["import", "missing.csv"], "no such file"),
        (["db", "restore", "missing-backup"], "not a carenet backup folder"),
        (["export", "metrics", "--out", "no/such/folder/m.csv"], "No such file or directory"),
        (["export", "graph", "--format", "gexf", "--out", "no/such/folder/g.gexf"], "No such file or directory"),
        (["analyse", "silos", "--out", "x"], "No such option"),
        (["analyse", "nope"], "choose from"),
        (["analyse", "silos", "--format", "yaml"], "table or json"),
        (["analyse", "silos", "--level", "county"], "level must be one of"),
        (["analyse", "silos", "--network", "sideways"], "network must be one of"),
        (["export", "metrics", "--format", "docx", "--out", "m.docx"], "--format"),
        (["export", "metrics", "--level", "all", "--out", "m.csv"], "--level"),
        (["export", "metrics", "--per", "team", "--out", "m.csv"], "--per"),
        (["export", "metrics", "--by", "shoe", "--out", "m.csv"], "shoe: group by sector"),
        (["analyse", "silos", "--system", "nowhere"], "no system 'nowhere'"),
        (["analyse", "brokers", "--place", "nowhere"], "no place 'nowhere'"),
        (["export", "graph", "--system", "nowhere", "--out", "g.gexf"], "no system 'nowhere'"),
        (["template", "--format", "ods"], "xlsx or csv"),
        (["apikey", "create", "--role", "king"], "role"),
    ],
)
def test_missing_files_folders_and_unknown_choices(tmp_path, args, says):
    data = tmp_path / "data"
    assert carenet("db", "migrate", cwd=tmp_path, data=data).returncode == 0
    assert_clear(carenet(*args, cwd=tmp_path, data=data), says=says)


@pytest.mark.parametrize(
    "args",
    [
        ["db", "status"],
        ["db", "check"],
        ["analyse", "silos"],
        ["export", "metrics", "--out", "m.csv"],
        ["generate"],
        ["db", "backup", "b"],
        ["db", "migrate"],
    ],
    ids=" ".join,
)
def test_a_database_held_with_no_server_to_reach(tmp_path, args):
    data = tmp_path / "data"
    data.mkdir()
    (data / "admin.key").write_text("not-a-server-key")
    hold = "import sys, time, ladybug; db = ladybug.Database(sys.argv[1]); print('held', flush=True); time.sleep(120)"
    holder = subprocess.Popen([sys.executable, "-c", hold, str(data / "graph")], stdout=subprocess.PIPE, text=True)
    try:
        holder.stdout.readline()
        assert_clear(carenet(*args, cwd=tmp_path, data=data), says="held by")
    finally:
        holder.kill()
        holder.wait()
