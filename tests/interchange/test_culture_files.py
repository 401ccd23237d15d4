"""Culture indicator files: NHS Staff Survey organisation results (both published layouts) and the
local pulse-survey template, on synthetic fixtures; every problem at its file:line:column."""

from __future__ import annotations

import shutil
from pathlib import Path

from carenet.domain import models as m
from carenet.interchange import read_file
from carenet.interchange.indicators import catalogue

FIXTURES = Path(__file__).parent / "fixtures" / "culture"


def fixture(tmp_path: Path, name: str) -> Path:
    return Path(shutil.copy(FIXTURES / name, tmp_path / name))


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def indicators(parsed) -> dict[str, m.CultureIndicator]:
    return {model.uid: model for model, _ in parsed.items if isinstance(model, m.CultureIndicator)}


def test_the_catalogue_is_data_with_both_scales() -> None:
    cat = catalogue()
    assert cat.minimum_responses == 11
    assert cat.find("Q25f").code == "concerns_addressed" and cat.find("PP4.2").code == "raising_concerns"
    assert cat.indicators["raising_concerns"].scale == "score_0_10"
    assert cat.indicators["bullying_from_managers"].scale == "percent"
    assert not cat.indicators["bullying_from_managers"].higher_is_better
    assert cat.ignored("q7a") and not cat.ignored("Raising concerns")


def test_one_row_per_organisation_and_indicator(tmp_path: Path) -> None:
    parsed = read_file(fixture(tmp_path, "nss-2024-organisation-results-long.csv"))
    assert parsed.problems == []
    got = indicators(parsed)
    # 7 rows of RZ1 less q7a (ignored), 2 of RZ2, 1 of RZ3 (its q25f is '*': not published)
    assert len(got) == 9
    row = got["nss-2024-rz1-raising_concerns"]
    assert (row.anchor, row.year, row.value, row.responses, row.scale, row.survey) == (
        "ods-RZ1",
        2024,
        6.41,
        1520,
        "score_0_10",
        "nhs_staff_survey",
    )
    assert got["nss-2024-rz1-concerns_addressed"].scale == "percent"
    assert "NHS Staff Survey 2024" in row.source
    assert got["nss-2024-rz3-raising_concerns"].responses == 9  # held; suppressed when shown
    assert set(parsed.ods_anchors.values()) >= {("RZ1", "nss-2024-organisation-results-long.csv:2:1")}


def test_one_column_per_indicator(tmp_path: Path) -> None:
    parsed = read_file(fixture(tmp_path, "nss-2023-organisation-results-wide.csv"))
    assert parsed.problems == []
    got = indicators(parsed)
    assert len(got) == 7 + 7 + 3  # Q31b ignored; RZ3's empty cells not published
    assert got["nss-2023-rz2-morale"].value == 6.10 and got["nss-2023-rz2-morale"].responses == 790
    assert got["nss-2023-rz1-bullying_from_colleagues"].value == 18.2
    assert {u.split("-")[2] for u in got} == {"rz1", "rz2", "rz3"}


def test_bad_cells_are_placed_and_nothing_is_kept(tmp_path: Path) -> None:
    text = "Org code,Responses,Raising concerns,Q25f,Made up heading\n"
    parsed = read_file(write(tmp_path, "nss-2024.csv", text + "RZ1,100,6.1,50\n"))
    assert [(p.location, p.value) for p in parsed.problems] == [("nss-2024.csv:1:5", "Made up heading")]
    assert parsed.items == []
    text = "Org code,Responses,Raising concerns,Q25f\n"
    rows = "rz1,100,11.5,50\nR!,ten,6.1,150\nRZ2,40,6.1,50\nRZ2,40,6.2,51\n"
    parsed = read_file(write(tmp_path, "nss-2024.csv", text + rows))
    found = {p.location: p.message for p in parsed.problems}
    assert "0 to 10" in found["nss-2024.csv:2:3"]
    assert "ODS" in found["nss-2024.csv:3:1"] and "whole number" in found["nss-2024.csv:3:2"]
    assert "0 to 100" in found["nss-2024.csv:3:4"]
    assert "given twice" in found["nss-2024.csv:5:3"] and "line 4" in found["nss-2024.csv:5:3"]
    parsed = read_file(write(tmp_path, "nss-organisations.csv", text + "RZ1,100,6.1,50\n"))
    assert [p.location for p in parsed.problems] == ["nss-organisations.csv:1:1"]
    assert "no survey year" in parsed.problems[0].message


def test_a_year_column_wins_and_a_long_file_checks_its_indicators(tmp_path: Path) -> None:
    text = "Year,Organisation code,Indicator,Value,Responses\n2022,RZ1,PP4.2,6.0,300\n2022,RZ1,not a code,6.0,300\n"
    parsed = read_file(write(tmp_path, "staff-survey.csv", text))
    assert [(p.location, p.value) for p in parsed.problems] == [("staff-survey.csv:3:3", "not a code")]


def test_the_pulse_template_takes_the_same_indicators(tmp_path: Path) -> None:
    parsed = read_file(fixture(tmp_path, "culture_pulse.csv"), columnar=False)
    assert parsed.problems == []
    got = indicators(parsed)
    row = got["culture-la-leeds-local_pulse-2024-raising_concerns"]
    assert (row.anchor, row.scale, row.survey, row.value) == ("la-leeds", "score_0_10", "local_pulse", 5.9)
    assert got["culture-vcse-hub-local_pulse-2024-concerns_addressed"].scale == "percent"
    bad = "anchor,indicator,value,responses,year,wave\nla,raising_concerns,12,40,2024,\nla,morale2,5,40,2024,\nla,morale,5,40,,\n"
    parsed = read_file(write(tmp_path, "culture_pulse.csv", bad), columnar=False)
    found = {p.location: p.message for p in parsed.problems}
    assert "outside the score_0_10 scale" in found["culture_pulse.csv:2:3"]
    assert "not one of" in found["culture_pulse.csv:3:2"]
    assert "year or the wave" in found["culture_pulse.csv:4:5"]


def test_the_catalogue_follows_the_schema_folder(tmp_path: Path, monkeypatch) -> None:
    """An installed package (the Dockerfile's) finds the catalogue where CARENET_SCHEMA_DIR says."""
    (tmp_path / "culture_indicators.json").write_text(
        '{"minimum_responses": 20, "indicators": [{"code": "morale", "name": "Morale", "kind": "theme", '
        '"scale": "score_0_10", "published": ["MOR"]}]}',
        encoding="utf-8",
    )
    monkeypatch.setenv("CARENET_SCHEMA_DIR", str(tmp_path))
    cat = catalogue()
    assert cat.minimum_responses == 20 and list(cat.indicators) == ["morale"]
    monkeypatch.delenv("CARENET_SCHEMA_DIR")
    assert "raising_concerns" in catalogue().indicators
