"""Readers on bad and odd input: every problem located as file:line:column, with the rule it breaks."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from carenet.domain import models as m
from carenet.interchange import read_file

TEAMS = "uid,name,sector,service,organisation\n"


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def locations(parsed) -> dict[str, str]:
    return {p.location: p.message for p in parsed.problems}


def test_good_rows_become_models_with_origins(tmp_path: Path) -> None:
    parsed = read_file(
        write(tmp_path, "teams.csv", TEAMS + "t1,District nursing 1,health,District nursing,o1\n"), columnar=False
    )
    assert parsed.problems == []
    team, part_of = (model for model, _ in parsed.items)
    assert isinstance(team, m.Team) and team.sector == "health"
    assert isinstance(part_of, m.PartOf) and (part_of.source, part_of.target) == ("t1", "o1")
    assert parsed.items[0][1] == "teams.csv:2"


def test_wrong_and_missing_headers(tmp_path: Path) -> None:
    parsed = read_file(write(tmp_path, "teams.csv", "uid,nom,service\nt1,x,y\n"))
    found = locations(parsed)
    assert "unknown column" in found["teams.csv:1:2"]
    assert any("missing required column 'name'" in p.message for p in parsed.problems)
    assert any("missing required column 'sector'" in p.message for p in parsed.problems)
    assert parsed.items == []


def test_unknown_sector_bad_identifier_bad_date_are_all_reported(tmp_path: Path) -> None:
    text = (
        "uid,name,kind,sector,ods_code,opened\n"
        "o1,Trust,nhs_trust,healthcare,RXH,2020-01-01\n"
        "o2,Trust 2,nhs_trust,health,XYZ12,2020-01-01\n"
        "o3,Trust 3,nhs_trust,health,RAB,01/02/2020\n"
        "bad uid!,Trust 4,nhs_trust,health,,\n"
    )
    parsed = read_file(write(tmp_path, "organisations.csv", text))
    found = locations(parsed)
    assert "sector: not one of: health, social_care" in found["organisations.csv:2:4"]
    assert "NHS trust ODS code" in found["organisations.csv:3:5"]
    assert "expected a date as YYYY-MM-DD" in found["organisations.csv:4:6"]
    assert "not a valid uid" in found["organisations.csv:5:1"]
    assert len(parsed.problems) == 4 and parsed.items == []
    assert next(p for p in parsed.problems if p.location == "organisations.csv:2:4").value == "healthcare"


def test_empty_file_and_header_only(tmp_path: Path) -> None:
    assert locations(read_file(write(tmp_path, "teams.csv", b""))) == {"teams.csv:1:1": "the file is empty"}
    parsed = read_file(write(tmp_path, "t2.csv", TEAMS))
    assert parsed.problems == [] and parsed.items == []


def test_non_utf8_is_reported_at_the_byte(tmp_path: Path) -> None:
    data = (TEAMS + "t1,Caf\u00e9 team,health,,\n").encode("cp1252")
    parsed = read_file(write(tmp_path, "teams.csv", data))
    (problem,) = parsed.problems
    assert problem.location == "teams.csv:2:2" and "UTF-8" in problem.message and problem.value == "byte 0xE9"


def test_byte_order_mark_is_handled(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + (TEAMS + "t1,Team,health,,\n").encode()
    parsed = read_file(write(tmp_path, "teams.csv", data), columnar=False)
    assert parsed.problems == [] and parsed.items[0][0].uid == "t1"
    parsed = read_file(write(tmp_path, "teams.csv", data))
    assert parsed.problems == [] and parsed.frames[0].table["uid"].to_pylist() == ["t1"]


def test_unrecognised_file_and_notes_rows(tmp_path: Path) -> None:
    parsed = read_file(write(tmp_path, "stuff.csv", "a,b\n1,2\n"))
    assert "cannot tell which template" in parsed.problems[0].message
    path = write(tmp_path, "teams.csv", TEAMS + "# a note,,,,\n\nt1,T,health,,\n , ,,,\n")
    parsed = read_file(path, columnar=False)
    assert parsed.problems == [] and parsed.items[0][1] == "teams.csv:4" and parsed.rows == 1
    parsed = read_file(path)
    assert parsed.problems == [] and parsed.frames[0].table["uid"].to_pylist() == ["t1"] and parsed.rows == 1


def test_xlsx_merged_cells_and_formulas(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "teams"
    ws.append(["uid", "name", "sector", "service"])
    ws.append(["t1", "Team 1", "health", "=UPPER(B2)"])
    ws.append(["t2", "Team 2", "health", "x"])
    ws.append(["t3", "Team 3", "health", "x"])
    ws.merge_cells("C3:C4")
    path = tmp_path / "book.xlsx"
    wb.save(path)
    found = locations(read_file(path))
    assert "a formula" in found["book.xlsx[teams]:2:4"]
    assert "merged cells C3:C4" in found["book.xlsx[teams]:3:3"]
    assert "sector: a value is required" in found["book.xlsx[teams]:4:3"]


def test_xlsx_values_dates_and_numbers(tmp_path: Path) -> None:
    import datetime as dt

    wb = Workbook()
    ws = wb.active
    ws.title = "Survey waves" if False else "waves"
    ws.append(["uid", "name", "collected_on"])
    ws.append(["w1", "Spring", dt.datetime(2025, 4, 1)])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    parsed = read_file(path)
    assert parsed.problems == [] and parsed.items[0][0].collected_on == dt.date(2025, 4, 1)


ETR = (
    '"RXH","UNIVERSITY HOSPITALS SUSSEX NHS FOUNDATION TRUST","Y59","QNX","WORTHING HOSPITAL","LYNDHURST ROAD",'
    '"WORTHING","WEST SUSSEX","","BN11 2DH","20210401","","","","","","","01903 205111","","","","0","","","","",""\n'
    '"RA2","ROYAL SURREY COUNTY HOSPITAL NHS FOUNDATION TRUST","Y59","QXU","EGERTON ROAD","","GUILDFORD","SURREY",'
    '"","GU2 7XX","19920401","20990101","","","","","","","","","","0","","","","",""\n'
)
EPRACCUR = (
    '"A81001","THE DENSHAM SURGERY","Y63","QHM","THEHEALTH CENTRE","LAWSON STREET","STOCKTON-ON-TEES","CLEVELAND",'
    '"","TS18 1HU","19740401","","A","B","16C","20130401","","01642 672351","","","","0","","16C","","4",""\n'
    '"A81002","QUEENS PARK MEDICAL CENTRE","Y63","QHM","FARRER STREET","","STOCKTON-ON-TEES","CLEVELAND","",'
    '"TS18 2AW","19740401","2020-03-31","C","B","16C","20130401","","01642 888","","","","0","","16C","","4",""\n'
)


def test_ods_extracts(tmp_path: Path) -> None:
    parsed = read_file(write(tmp_path, "etr.csv", ETR))
    assert parsed.problems == []
    (trust, _), (surrey, _) = parsed.items
    assert (trust.uid, trust.kind, trust.ods_code, trust.postcode, trust.parent_code) == (
        "ods-RXH",
        "nhs_trust",
        "RXH",
        "BN11 2DH",
        "QNX",
    )
    assert str(trust.opened) == "2021-04-01" and trust.closed is None and str(surrey.closed) == "2099-01-01"
    parsed = read_file(write(tmp_path, "epraccur.csv", EPRACCUR))
    assert [m.uid for m, _ in parsed.items] == ["ods-A81001"]
    assert parsed.items[0][0].parent_code == "16C" and parsed.items[0][0].kind == "gp_practice"
    assert locations(parsed) == {"epraccur.csv:2:12": "expected a date as CCYYMMDD (the ODS layout)"}


def test_survey_rows_merge_into_one_wave(tmp_path: Path) -> None:
    text = (
        "respondent,alter,tie_type,frequency,trust,value\n"
        "p1,p2,advice,weekly,,\n"
        "p1,p2,information,,,\n"
        "t1,t2,referral;joint_meeting,monthly,3,4\n"
        "t1,t3,gossip,,,\n"
        "p1,p3,advice,,3,\n"
    )
    parsed = read_file(write(tmp_path, "survey.csv", text), wave="w1")
    found = locations(parsed)
    assert "not a tie type" in found["survey.csv:5:3"]
    assert "trust and value are asked of team" in found["survey.csv:6:5"]
    ties = {(r.source, r.target): r for r, _ in parsed.items}
    assert ties["p1", "p2"].kinds == ["advice", "information"] and ties["p1", "p2"].wave == "w1"
    assert isinstance(ties["t1", "t2"], m.CollaboratesWith) and ties["t1", "t2"].trust == 3.0
    assert len(ties) == 2
    missing_wave = read_file(write(tmp_path, "survey2.csv", "respondent,alter,tie_type\np1,p2,advice\n"))
    assert "no survey wave" in missing_wave.problems[0].message


def test_node_link_problems_are_json_paths(tmp_path: Path) -> None:
    text = (
        '{"nodes": [{"id": "t1", "type": "Team", "name": "T", "sector": "nowhere"},'
        ' {"id": "p1", "type": "Demographic", "sex": "male"}],'
        ' "edges": [{"source": "t1", "target": "o1", "type": "PART_OF"}]}'
    )
    parsed = read_file(write(tmp_path, "g.json", text))
    found = locations(parsed)
    assert "g.json:$.nodes[0].sector" in found and "special-category" in found["g.json:$.nodes[1].type"]
    assert len(parsed.items) == 1
