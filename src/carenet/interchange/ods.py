"""NHS ODS extracts in their standard headerless CSV layout (``etr.csv``, ``epraccur.csv``, ...).

Every file of the family has the same 27 columns; carenet reads these (1-based):

==  =====================================================================
1   organisation code                      (-> ``ods_code``; uid ``ods-<code>``)
2   name
4   high level health geography (the ICB)  (-> ``parent_code`` when 15 is empty)
10  postcode
11  open date, CCYYMMDD
12  close date, CCYYMMDD (empty while open)
15  parent organisation code (GP practices: the commissioner)  (-> ``parent_code``)
==  =====================================================================

The file name says what the organisations are (see :data:`LAYOUTS`). Names are kept as ODS
publishes them (upper case). The parent is a code, not a link: it need not be in the graph.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pydantic import ValidationError

from carenet.domain import models as m
from carenet.domain.enums import OrgKind, Sector
from carenet.errors import Problem
from carenet.interchange.records import Parsed, _message
from carenet.interchange.tabular import csv_rows

LAYOUTS: dict[str, tuple[OrgKind, Sector, str]] = {
    "etr": (OrgKind.NHS_TRUST, Sector.HEALTH, "NHS trusts"),
    "epraccur": (OrgKind.GP_PRACTICE, Sector.HEALTH, "GP practices"),
    "ets": (OrgKind.OTHER, Sector.HEALTH, "NHS trust sites"),
    "ephp": (OrgKind.OTHER, Sector.HEALTH, "independent healthcare providers"),
    "espha": (OrgKind.OTHER, Sector.HEALTH, "special health authorities"),
    "ecarehomesite": (OrgKind.CARE_PROVIDER, Sector.SOCIAL_CARE, "care home sites"),
}
"""ODS file stem -> (kind, sector, what the file lists)."""

COLUMNS = {"ods_code": 1, "name": 2, "hlhg": 4, "postcode": 10, "opened": 11, "closed": 12, "parent": 15}
_ODS_DATE = re.compile(r"^\d{8}$")
_CODE = re.compile(r"[A-Z0-9]{3,9}")


def layout_for(path: Path) -> tuple[OrgKind, Sector, str] | None:
    return LAYOUTS.get(path.stem.lower())


def is_ods(path: Path, text: str) -> bool:
    """An ODS extract: a known file stem, and a first line that is a record (a code), not a header."""
    if layout_for(path) is None:
        return False
    first = next(csv_rows(text, path.name, Parsed()), None)  # the reader reports a bad row
    return first is None or bool(_CODE.fullmatch(first[1][0].strip()))


def _date(value: str, where: str, parsed: Parsed) -> dt.date | None | bool:
    value = value.strip()
    if not value:
        return None
    if not _ODS_DATE.match(value):
        parsed.problems.append(Problem(where, "expected a date as CCYYMMDD (the ODS layout)", value))
        return False
    try:
        return dt.datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        parsed.problems.append(Problem(where, "not a real date (CCYYMMDD)", value))
        return False


def read_ods(path: Path, text: str, parsed: Parsed) -> None:
    kind, sector, _ = LAYOUTS[path.stem.lower()]
    source = path.name
    parsed.columns[source] = {
        "uid": 1,
        "ods_code": 1,
        "name": 2,
        "postcode": 10,
        "opened": 11,
        "closed": 12,
        "parent_code": 15,
    }
    for line, cells in csv_rows(text, source, parsed):
        parsed.rows += 1
        if len(cells) < 12:
            parsed.problems.append(
                Problem(
                    f"{source}:{line}:{len(cells) + 1}",
                    f"an ODS record has 27 columns (at least 12 are needed); this row has {len(cells)}",
                    None,
                )
            )
            continue

        def cell(n: int, cells: list = cells) -> str:
            return cells[n - 1].strip() if len(cells) >= n else ""

        opened = _date(cell(11), f"{source}:{line}:11", parsed)
        closed = _date(cell(12), f"{source}:{line}:12", parsed)
        if opened is False or closed is False:
            continue
        code = cell(1)
        values = {
            "uid": f"ods-{code}",
            "name": cell(2),
            "kind": kind,
            "sector": sector,
            "ods_code": code,
            "postcode": cell(10) or None,
            "opened": opened,
            "closed": closed,
            "parent_code": cell(15) or cell(4) or None,
        }
        try:
            node = m.Organisation(**{k: v for k, v in values.items() if v is not None})
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                loc = error.get("loc") or ()
                name = str(loc[0]) if loc else "ods_code"
                column = {"parent_code": 15 if cell(15) else 4}.get(name, parsed.columns[source].get(name, 1))
                parsed.problems.append(
                    Problem(
                        f"{source}:{line}:{column}", f"{name}: {_message(error)}", error.get("input") if loc else code
                    )
                )
            continue
        parsed.items.append((node, f"{source}:{line}"))
