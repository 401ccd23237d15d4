"""Which reader a file needs, by its suffix and first line."""

from __future__ import annotations

from pathlib import Path

from carenet.errors import Problem
from carenet.interchange import culture, ods, survey
from carenet.interchange.columnar import read_columnar
from carenet.interchange.kinds import kind_for_name
from carenet.interchange.limits import DEFAULT, Limits
from carenet.interchange.nodelink import read_node_link
from carenet.interchange.records import Parsed
from carenet.interchange.tabular import csv_rows, decode, read_template_csv, read_xlsx

SUFFIXES = (".csv", ".txt", ".xlsx", ".json")


def read_file(
    path: Path, *, wave: str | None = None, data: bytes | None = None, columnar: bool = True, limits: Limits = DEFAULT
) -> Parsed:
    """Read one file (template CSV or XLSX, ODS extract, survey responses, NHS Staff Survey results, node-link JSON).

    Never raises for bad content: every problem is in the result's ``problems``. With
    ``columnar``, a template CSV of a kind :mod:`carenet.interchange.columnar` reads comes back
    as frames when every row is sound (otherwise, and without ``columnar``, row by row).
    ``limits``: see :mod:`carenet.interchange.limits`.
    """
    path = Path(path)
    parsed = Parsed()
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        parsed.problems.append(
            Problem(f"{path.name}:1:1", f"not a file carenet imports ({', '.join(SUFFIXES)})", path.suffix)
        )
        return parsed
    data = path.read_bytes() if data is None else data
    if not data.strip():
        parsed.problems.append(Problem(f"{path.name}:1:1", "the file is empty", None))
        return parsed
    if suffix == ".xlsx":
        read_xlsx(path, parsed, limits)
    elif suffix == ".json":
        read_node_link(path, data, parsed)
    else:
        text = decode(path, data, parsed)
        if text is None:
            return parsed
        if ods.is_ods(path, text):
            ods.read_ods(path, text, parsed)
            return parsed
        first = next(csv_rows(text, path.name, Parsed(), limits), None)  # the reader reports a bad row
        if first is not None and kind_for_name(path.stem) is None and survey.is_survey(first[1]):
            survey.read_survey(path, text, parsed, wave=wave)
            return parsed
        if first is not None and kind_for_name(path.stem) is None and culture.is_staff_survey(first[1]):
            culture.read_staff_survey(path, text, parsed)
            return parsed
        fast = read_columnar(path, data) if columnar else None
        if fast is not None:
            parsed.frames, parsed.rows = fast
        else:
            read_template_csv(path, text, parsed, limits=limits)
    return parsed
