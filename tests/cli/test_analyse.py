"""``carenet analyse`` on a generated system: tables by default, JSON on request."""

from __future__ import annotations

import json

from demo_figures import demo_teams
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
    assert json.loads(placed.stdout)["graph"]["nodes"] < demo_teams()
    bad = runner.invoke(app, ["analyse", "nonsense", "--data-dir", data])
    assert bad.exit_code != 0 and "choose from" in bad.output


def test_analyse_and_export_take_the_network(tmp_path):
    data = str(tmp_path / "data")
    assert runner.invoke(app, ["generate", "--data-dir", data]).exit_code == 0
    for network in ("either", "both", "directed"):
        result = runner.invoke(
            app,
            [
                "analyse",
                "brokers",
                "--format",
                "json",
                "--level",
                "organisation",
                "--network",
                network,
                "--data-dir",
                data,
            ],
        )
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        assert report["network"] == network and report["graph"]["directed"] is (network == "directed")
    out = tmp_path / "orgs.json"
    result = runner.invoke(
        app,
        [
            "export",
            "metrics",
            "--format",
            "json",
            "--level",
            "organisation",
            "--network",
            "both",
            "--out",
            str(out),
            "--data-dir",
            data,
        ],
    )
    assert result.exit_code == 0, result.output
    assert {row["network"] for row in json.loads(out.read_text())} == {"both"}
    bad = runner.invoke(app, ["analyse", "brokers", "--network", "sideways", "--data-dir", data])
    assert bad.exit_code != 0 and "network must be one of" in bad.output


def _rows(output: str, title: str) -> list[list[str]]:
    """The body rows of the rich table headed ``title`` (cells stripped; wrapped lines kept apart)."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(title))
    rows = []
    for line in lines[start + 4 :]:
        if not line.startswith("│"):
            break
        rows.append([cell.strip() for cell in line.strip("│").split("│")])
    return rows


def test_report_tables_fill_every_column_with_names_and_no_none(tmp_path):
    """Issue 15: the 'Lowest trust' ties column was always empty (the CLI read ``ties``, the
    analytics write ``ties_scored``), the leadership table printed ``None (None)``, and uids stood
    where a reader expects names."""
    data = str(tmp_path / "data")
    assert runner.invoke(app, ["generate", "--data-dir", data]).exit_code == 0
    wide = {"COLUMNS": "250"}
    quality = runner.invoke(app, ["analyse", "quality", "--level", "organisation", "--data-dir", data], env=wide)
    rows = _rows(quality.stdout, "Lowest trust")
    assert rows and all(r[3].isdigit() and int(r[3]) > 0 for r in rows), rows
    assert all("(s1-org-" in r[0] and not r[0].startswith("s1-") for r in rows)  # "Name (uid)"
    team = runner.invoke(app, ["analyse", "quality", "--level", "team", "--data-dir", data], env=wide)
    assert "Scores: PARTNER scores" in " ".join(team.stdout.split())  # how the scores were measured (issue 21)
    assert "trust: 0 of" not in " ".join(team.stdout.split())  # the demo's latest team ties have sub-items
    brokers = runner.invoke(app, ["analyse", "brokers", "--data-dir", data], env=wide)
    assert all("(s1-team-" in r[0] for r in _rows(brokers.stdout, "Highest betweenness"))
    for level in ("team", "person"):
        leadership = runner.invoke(app, ["analyse", "leadership", "--level", level, "--data-dir", data], env=wide)
        assert leadership.exit_code == 0 and "None" not in leadership.stdout


def test_analyse_culture(tmp_path):
    """Issue 18: culture beside the network, as a table (held values as *) and as JSON."""
    data = str(tmp_path / "data")
    assert runner.invoke(app, ["generate", "--data-dir", data]).exit_code == 0
    wide = {"COLUMNS": "250"}
    table = runner.invoke(app, ["analyse", "culture", "--system", "s1-system", "--data-dir", data], env=wide)
    assert table.exit_code == 0, table.output
    rows = _rows(table.stdout, "Culture beside the network")
    assert len(rows) > 30 and any("*" in r[4:] for r in rows) and "None" not in table.stdout
    assert (
        "low confidence that concerns are addressed and leaders with few ties outside the organisation" in table.stdout
    )
    assert "not a cause" in table.stdout and "synthetic demo data" in table.stdout
    as_json = runner.invoke(
        app, ["analyse", "culture", "--format", "json", "--place", "s1-place-2", "--data-dir", data]
    )
    report = json.loads(as_json.stdout)
    # the place's organisations, and those serving the whole system (no place: in every place scope, issue 21)
    assert {o["place"] for o in report["organisations"]} == {"s1-place-2", None}
    assert all(f["value"] is None for o in report["organisations"] for f in o["indicators"] if f["responses"] < 11)
    strict = runner.invoke(
        app,
        ["analyse", "culture", "--format", "json", "--data-dir", data],
        env={"CARENET_CULTURE_MIN_RESPONSES": "5000"},
    )
    assert all(f["suppressed"] for o in json.loads(strict.stdout)["organisations"] for f in o["indicators"])


def test_analyse_reads_the_network_as_it_is_now_unless_told(tmp_path):
    """Issue 21 item 1: the CLI had no way to set the date, and every wave was pooled by default."""
    import datetime as dt

    data = str(tmp_path / "data")
    assert runner.invoke(app, ["generate", "--data-dir", data]).exit_code == 0

    def basis(*args: str) -> dict:
        result = runner.invoke(app, ["analyse", "brokers", "--format", "json", *args, "--data-dir", data])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)["basis"]

    now = basis()
    assert now["waves"] == ["s1-wave-2026"] and now["at"] == dt.date.today().isoformat() and now["network"] == "either"
    old = basis("--wave", "s1-wave-2025", "--at", "2025-06-01")
    assert old["waves"] == ["s1-wave-2025"] and old["at"] == "2025-06-01" and "s1-wave-2025" in old["rule"]
    table = runner.invoke(app, ["analyse", "brokers", "--data-dir", data], env={"COLUMNS": "250"})
    assert "Read: ties reported in the latest survey wave of each system in scope (s1-wave-2026)" in table.stdout
    bad_date = runner.invoke(app, ["analyse", "brokers", "--at", "1 May", "--data-dir", data])
    assert bad_date.exit_code != 0 and "--at" in bad_date.output and "YYYY-MM-DD" in bad_date.output
    bad_wave = runner.invoke(app, ["analyse", "brokers", "--wave", "s1-wave-1999", "--data-dir", data])
    assert bad_wave.exit_code != 0 and "--wave: no survey wave with this uid (waves: s1-wave-2025" in str(
        bad_wave.exception
    )
    out = tmp_path / "teams.json"
    result = runner.invoke(
        app, ["export", "metrics", "--format", "json", "--wave", "s1-wave-2025", "--out", str(out), "--data-dir", data]
    )
    assert result.exit_code == 0, result.output
    assert {(row["waves"], row["at"]) for row in json.loads(out.read_text())} == {("s1-wave-2025", "2025-04-01")}
