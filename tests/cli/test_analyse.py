"""``carenet analyse`` on a generated system: tables by default, JSON on request."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from carenet.cli.main import app

runner = CliRunner()


def test_analyse_reports(tmp_path):
    data = str(tmp_path / "data")
    assert runner.invoke(app, ["generate", "--data-dir", data]).exit_code == 0
    gaps = runner.invoke(app, ["analyse", "gaps", "--data-dir", data], env={"COLUMNS": "200"})
    assert gaps.exit_code == 0, gaps.output
    assert "CAMHS single point of access" in gaps.stdout and "s1-org-vcse-home-from-hospital" in gaps.stdout
    as_json = runner.invoke(app, ["analyse", "brokers", "--format", "json", "--level", "person", "--data-dir", data])
    assert as_json.exit_code == 0
    report = json.loads(as_json.stdout)
    assert report["articulation_points"]["count"] >= 1 and report["betweenness"]["method"] == "exact"
    placed = runner.invoke(app, ["analyse", "silos", "--format", "json", "--place", "s1-place-3", "--data-dir", data])
    assert json.loads(placed.stdout)["graph"]["nodes"] < 533
    bad = runner.invoke(app, ["analyse", "nonsense", "--data-dir", data])
    assert bad.exit_code != 0 and "choose from" in bad.output


def test_analyse_and_export_take_the_network(tmp_path):
    data = str(tmp_path / "data")
    assert runner.invoke(app, ["generate", "--data-dir", data]).exit_code == 0
    for network in ("either", "both", "directed"):
        result = runner.invoke(app, ["analyse", "brokers", "--format", "json", "--level", "organisation",
                                     "--network", network, "--data-dir", data])
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        assert report["network"] == network and report["graph"]["directed"] is (network == "directed")
    out = tmp_path / "orgs.json"
    result = runner.invoke(app, ["export", "metrics", "--format", "json", "--level", "organisation", "--network", "both",
                                 "--out", str(out), "--data-dir", data])
    assert result.exit_code == 0, result.output
    assert {row["network"] for row in json.loads(out.read_text())} == {"both"}
    bad = runner.invoke(app, ["analyse", "brokers", "--network", "sideways", "--data-dir", data])
    assert bad.exit_code != 0 and "network must be one of" in bad.output
