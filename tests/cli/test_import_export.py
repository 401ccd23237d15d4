"""``carenet template``, ``import`` and ``export`` on a real embedded database, and the HTTP routes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from typer.testing import CliRunner

from carenet.cli.main import app
from carenet.config import Settings

runner = CliRunner()
GOOD = {
    "organisations.csv": "uid,name,kind,sector\no1,Trust,nhs_trust,health\no2,Council,local_authority,social_care\n",
    "teams.csv": "uid,name,sector,organisation\nt1,Ward,health,o1\nt2,Reablement,social_care,o2\n",
    "waves.csv": "uid,name,collected_on\nw1,Spring,2025-04-01\n",
    "survey.csv": "respondent,alter,tie_type,trust\nt1,t2,referral,3\nt2,t1,joint_meeting,4\n",
}


def files(folder: Path, spec: dict[str, str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in spec.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / n) for n in spec]


def test_template_import_export(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    made = runner.invoke(app, ["template", "--format", "xlsx", "--out", str(tmp_path / "t")], catch_exceptions=False)
    assert (
        made.exit_code == 0 and "organisations" in load_workbook(tmp_path / "t" / "carenet-templates.xlsx").sheetnames
    )
    assert runner.invoke(app, ["template", "--format", "csv", "--out", str(tmp_path / "c")]).exit_code == 0
    assert (tmp_path / "c" / "baselines.csv").exists()
    paths = files(tmp_path / "in", GOOD)
    dry = runner.invoke(
        app, ["import", *paths, "--dry-run", "--wave", "w1", "--data-dir", data], catch_exceptions=False
    )
    assert dry.exit_code == 0 and "dry run, nothing written" in dry.stdout
    done = runner.invoke(app, ["import", *paths, "--wave", "w1", "--data-dir", data], catch_exceptions=False)
    assert done.exit_code == 0 and "imported 7 rows from 4 file(s): 9 records" in done.stdout
    out = tmp_path / "g.gexf"
    exported = runner.invoke(app, ["export", "graph", "--out", str(out), "--data-dir", data], catch_exceptions=False)
    assert exported.exit_code == 0
    G = nx.read_gexf(out)
    assert (G.number_of_nodes(), G.number_of_edges()) == (2, 2) and G.nodes["t2"]["sector"] == "social_care"
    metrics = runner.invoke(
        app,
        ["export", "metrics", "--out", str(tmp_path / "m.csv"), "--per", "group", "--data-dir", data],
        catch_exceptions=False,
    )
    assert metrics.exit_code == 0 and (tmp_path / "m.csv").read_text().startswith("group_by,group,nodes")


def test_a_folder_named_is_the_files_in_it(tmp_path: Path) -> None:
    """The folder ``carenet template --format csv`` writes imports as it is (its README and the note
    rows skipped), and filled in, imports what was filled in; hidden files and sub-folders are left
    out, and a folder with nothing to import is a problem, not an empty import."""
    data = str(tmp_path / "data")
    folder = tmp_path / "templates"
    assert runner.invoke(app, ["template", "--format", "csv", "--out", str(folder)]).exit_code == 0
    assert (folder / "README.txt").exists()
    untouched = runner.invoke(app, ["import", str(folder), "--data-dir", data], catch_exceptions=False)
    written = sorted(p for p in folder.iterdir() if p.suffix == ".csv")
    assert untouched.exit_code == 0, untouched.output
    assert f"imported 0 rows from {len(written)} file(s): 0 records" in untouched.stdout
    with open(folder / "organisations.csv", "a", encoding="utf-8") as f:
        f.write("o1,Trust,nhs_trust,health" + "," * 12 + "\n")
    with open(folder / "teams.csv", "a", encoding="utf-8") as f:
        f.write("t1,Ward,health,,o1,\n")
    (folder / ".~lock.teams.csv#").write_text("a spreadsheet's lock file")
    (folder / ".hidden.csv").write_text("uid,name,sector\nhidden,Hidden,health\n")
    (folder / "old").mkdir()
    (folder / "old" / "teams.csv").write_text("uid,name,sector\nold,Old,health\n")
    done = runner.invoke(app, ["import", str(folder), "--data-dir", data], catch_exceptions=False)
    assert done.exit_code == 0 and f"imported 2 rows from {len(written)} file(s)" in done.stdout, done.output
    status = runner.invoke(app, ["db", "status", "--data-dir", data], catch_exceptions=False).stdout
    assert re.search(r"Team\W+1\b", status) and re.search(r"Organisation\W+1\b", status), status
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "sub" / "teams.csv").write_text("uid,name,sector\nx,X,health\n")
    (empty / "notes.md").write_text("nothing to import")
    refused = subprocess.run(
        [sys.executable, "-m", "carenet.cli.main", "import", str(empty), str(folder), "--data-dir", data],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 1 and "Traceback" not in refused.stderr, refused.stderr
    assert "empty:1:1: a folder with no file carenet imports" in refused.stderr, refused.stderr


def test_bad_import_exits_non_zero_lists_problems_and_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    bad = dict(
        GOOD, **{"teams.csv": "uid,name,sector,organisation\nt1,Ward,hospital,o1\nt2,Reablement,social_care,o9\n"}
    )
    paths = files(tmp_path / "in", bad)
    done = subprocess.run(
        [sys.executable, "-m", "carenet.cli.main", "import", *paths, "--wave", "w1", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "teams.csv:2:3: sector: not one of" in done.stderr and "teams.csv:3:4: no Organisation" in done.stderr
    status = runner.invoke(app, ["db", "status", "--data-dir", str(data)], catch_exceptions=False)
    assert "Team" not in status.stdout


def test_http_templates_upload_and_streamed_export(tmp_path: Path) -> None:
    from carenet.web.app import create_app

    settings = Settings(data_dir=tmp_path / "data", admin_key="k" * 32)
    with TestClient(create_app(settings)) as client:
        assert client.get("/files/templates.xlsx").status_code == 401
        admin = {"Authorization": "Bearer " + "k" * 32}
        assert client.get("/files/templates/teams.csv", headers=admin).text.startswith("uid,name,sector")
        upload = [("files", (Path(p).name, Path(p).read_bytes())) for p in files(tmp_path / "in", GOOD)]
        bad = client.post("/files/import", params={"wave": "w9"}, files=upload, headers=admin)
        assert bad.status_code == 400 and bad.json()["problems"][0]["message"].startswith("no survey wave")
        ok = client.post("/files/import", params={"wave": "w1"}, files=upload, headers=admin)
        assert ok.status_code == 200 and ok.json()["nodes"]["Team"] == 2
        graph = client.get("/export/graph", params={"format": "graphml"}, headers=admin)
        assert graph.status_code == 200 and "<graphml" in graph.text and "social_care" in graph.text
        assert client.get("/export/metrics", params={"format": "parquet"}, headers=admin).content[:4] == b"PAR1"
