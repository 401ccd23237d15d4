"""The templates: what openpyxl sees in the workbook, and that blank templates import as nothing."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from carenet.interchange import KINDS, read_file, write_csv_templates, write_xlsx_template


def test_workbook_has_a_sheet_per_kind_with_header_descriptions_and_allowed_values(tmp_path: Path) -> None:
    path = write_xlsx_template(tmp_path / "t.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["README", *KINDS]
    ws = wb["organisations"]
    header = [c.value for c in ws[1]]
    assert header == list(KINDS["organisations"].names)
    descriptions = [c.value for c in ws[2]]
    assert descriptions[0].startswith("# required.")
    assert "the sector it belongs to" in descriptions[header.index("sector")]
    allowed = [c.value for c in ws[3]]
    assert "social_care" in allowed[header.index("sector")]
    assert allowed[header.index("opened")] == "YYYY-MM-DD"
    lists = {str(dv.sqref).split(":")[0][0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert "housing" in lists["D"]  # sector is column D
    assert ws.freeze_panes == "A4"


def test_blank_templates_import_as_nothing_without_problems(tmp_path: Path) -> None:
    paths = write_csv_templates(tmp_path)
    assert len(paths) == len(KINDS) and (tmp_path / "README.txt").exists()
    for path in paths:
        parsed = read_file(path)
        assert parsed.problems == [] and parsed.items == [], path.name
    parsed = read_file(write_xlsx_template(tmp_path / "t.xlsx"))
    assert parsed.problems == [] and parsed.items == []
