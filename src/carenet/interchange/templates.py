"""Writing the import templates (blank) and graph data in the template layout.

A template has a header row, then two note rows (first cell starting with ``#``): what each
column means, and its allowed values. Readers skip note rows, so a filled-in template imports
as it is. The XLSX workbook has one sheet per kind, a README sheet, and drop-down lists on
columns with a fixed vocabulary.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Any

from carenet.domain import models as m
from carenet.interchange.formulas import neutralise
from carenet.interchange.kinds import KINDS, Kind

README = """carenet import templates

One sheet (or CSV file) per kind of record. Row 1 is the header: keep it. Rows whose first
cell starts with '#' are notes (what each column means, and its allowed values) and are
skipped on import, so you may keep or delete them. Fill one record per row from row 4.

* uid: your own stable key for the record (letters, digits, '_', '.', ':' or '-'). Importing a
  row with a uid that exists updates that record; importing the same file twice changes nothing.
* Columns ending in a list of uids (serves, part_of, next, delivered_by) take uids separated by ';'.
* Dates are YYYY-MM-DD. true/false columns also take yes/no and 1/0.
* Columns marked required must have a value on every row.
* Cells must hold values: no formulas, no merged cells.
* ethnic_category and sex (people) are special-category data: stored apart, never shown or
  exported per person, and only ever counted with NHS small-number suppression.

Import:  carenet import FILE... [--dry-run]   (every row is checked first; nothing is written if
any row has a problem, and every problem is listed as file:line:column). A folder named instead
of files stands for the CSV, XLSX, TXT and JSON files in it, this README apart: carenet import
on this folder, filled in, imports it.
"""


def note_rows(kind: Kind) -> tuple[list[str], list[str]]:
    described = [("required. " if c.required else "") + c.description for c in kind.columns]
    allowed = [c.allowed_text for c in kind.columns]
    return ["# " + described[0], *described[1:]], ["# allowed: " + allowed[0], *allowed[1:]]


def template_csv(kind: Kind) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(kind.names)
    for row in note_rows(kind):
        writer.writerow(row)
    return buf.getvalue()


def write_csv_templates(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind in KINDS.values():
        path = out / f"{kind.name}.csv"
        path.write_text(template_csv(kind), encoding="utf-8")
        paths.append(path)
    (out / "README.txt").write_text(README, encoding="utf-8")
    return paths


def template_workbook_bytes() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    readme = wb.active
    readme.title = "README"
    for i, line in enumerate(README.splitlines(), 1):
        readme.cell(row=i, column=1, value=line)
    readme.column_dimensions["A"].width = 100
    for kind in KINDS.values():
        ws = wb.create_sheet(kind.name)
        ws.append(kind.names)
        for row in note_rows(kind):
            ws.append(row)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for r in (2, 3):
            for cell in ws[r]:
                cell.font = Font(italic=True, color="666666")
        for i, column in enumerate(kind.columns, 1):
            letter = get_column_letter(i)
            ws.column_dimensions[letter].width = max(14, min(40, len(column.name) + 4))
            if column.type == "enum" and column.allowed and len(",".join(column.allowed)) < 250:
                dv = DataValidation(type="list", formula1='"' + ",".join(column.allowed) + '"', allow_blank=True)
                dv.error = f"{column.name}: one of {column.allowed_text}"
                ws.add_data_validation(dv)
                dv.add(f"{letter}4:{letter}5000")
        ws.freeze_panes = "A4"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_xlsx_template(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(template_workbook_bytes())
    return path


# --- graph data in the template layout ------------------------------------------------------


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ";".join(str(_cell(v)) for v in value)
    return value


def template_tables(
    nodes: Iterable[m.Node], relationships: Iterable[m.Relationship]
) -> dict[str, list[dict[str, Any]]]:
    """Graph records as template rows, per kind. Special-category records are never written.

    What the templates cannot hold is left out: network metrics stored on nodes, dates on
    ``PART_OF``/``SERVES``/pathway links, and more than one ``system``/``place``/``area``/
    ``organisation`` for a record (the first is kept).
    """
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    links: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for rel in relationships:
        t = rel.type
        if t in ("PART_OF", "SERVES", "NEXT"):
            links[rel.source][t].append(rel.target)
        elif t == "HAS_STEP":
            links[rel.target]["pathway"].append(rel.source)
        elif t == "DELIVERS":
            links[rel.target]["delivered_by"].append(rel.source)
        elif t in ("MEMBER_OF", "LEADS"):
            row = {
                "person": rel.source,
                "target": rel.target,
                "relationship": t.lower(),
                "role": getattr(rel, "role", None) or None,
                "since": rel.since,
                "until": rel.until,
            }
            out["memberships"].append(row)
        elif t in ("COLLABORATES_WITH", "WORKS_WITH"):
            row = {
                "source": rel.source,
                "target": rel.target,
                "wave": rel.wave,
                "kinds": rel.kinds,
                "frequency": rel.frequency,
                "since": rel.since,
                "until": rel.until,
                "uid": rel.uid if rel.uid != rel.key() else None,
            }
            if t == "COLLABORATES_WITH":
                row.update(
                    trust=rel.trust, value=rel.value, **{n: getattr(rel, n) for n in (*m.TRUST_ITEMS, *m.VALUE_ITEMS)}
                )
            out["collaborations" if t == "COLLABORATES_WITH" else "person_ties"].append(row)
        elif t == "SITS_ON":
            out["seats"].append(
                {"member": rel.source, "forum": rel.target, "role": rel.role, "since": rel.since, "until": rel.until}
            )
        elif t == "HAS_CAPABILITY":
            out["person_capabilities"].append({"person": rel.source, "capability": rel.target, "level": rel.level})

    def first(uid: str, key: str) -> str | None:
        found = links.get(uid, {}).get(key)
        return found[0] if found else None

    for node in nodes:
        props = node.model_dump(exclude={"betweenness", "brokerage", "constraint", "community"})
        label, uid = node.label, node.uid
        if label == "System":
            out["systems"].append(props)
        elif label == "Place":
            out["places"].append({**props, "system": first(uid, "PART_OF")})
        elif label == "Neighbourhood":
            out["neighbourhoods"].append({**props, "place": first(uid, "PART_OF")})
        elif label == "Organisation":
            out["organisations"].append({**props, "part_of": links[uid]["PART_OF"], "serves": links[uid]["SERVES"]})
        elif label == "Team":
            out["teams"].append({**props, "organisation": first(uid, "PART_OF"), "serves": links[uid]["SERVES"]})
        elif label == "Person":
            out["people"].append(props)
        elif label == "SurveyWave":
            out["waves"].append({**props, "system": first(uid, "PART_OF")})
        elif label == "CarePathway":
            out["pathways"].append(props)
        elif label == "PathwayStep":
            out["pathway_steps"].append(
                {
                    **props,
                    "pathway": first(uid, "pathway"),
                    "next": links[uid]["NEXT"],
                    "delivered_by": links[uid]["delivered_by"],
                }
            )
        elif label == "Forum":
            out["forums"].append({**props, "area": first(uid, "PART_OF")})
        elif label == "Capability":
            out["capabilities"].append(props)
        elif label == "LeadershipDemand":
            out["leadership_demand"].append(props)
        elif label == "Baseline":
            out["baselines"].append(props)
        elif label == "CultureIndicator":
            out["culture_pulse"].append(props)
    return {name: out[name] for name in KINDS if out.get(name)}


def write_template_data(tables: dict[str, list[dict[str, Any]]], out: Path) -> dict[str, Path]:
    """One CSV per kind in ``out`` (header row, no note rows). Text a spreadsheet would run as a
    formula gets a leading ``'`` (:mod:`carenet.interchange.formulas`), which the importer takes away."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, rows in tables.items():
        kind = KINDS[name]
        path = out / f"{name}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\r\n")  # quotes a carriage return inside a cell (see tables.chunks)
            writer.writerow(kind.names)
            for row in rows:
                writer.writerow([neutralise(_cell(row.get(c))) for c in kind.names])
        paths[name] = path
    return paths
