"""Culture indicators in: the indicator catalogue, and NHS Staff Survey organisation results as published.

The catalogue is data (``carenet/graph_schema/culture_indicators.json``): each indicator's code, name,
scale (``score_0_10`` for People Promise elements, sub-scores and themes; ``percent`` for
question-level results), whether a higher value is better, and every heading or code the
published files use for it. A new survey year's question numbers are added there, not here.

Published organisation results come in two layouts, both read here (a header row; headings are
compared without case, spaces or punctuation):

- **one row per organisation and indicator**: an organisation code column (``Org code``,
  ``Organisation code``, ``ODS code``, ``Trust code``), an indicator column (``Indicator``,
  ``Question``, ``Measure``, ``Theme``), a value column (``Score``, ``Value``, ``Percentage``)
  and a responses column (``Responses``, ``Base``, ``n``);
- **one row per organisation, one column per indicator**: the code and responses columns, then
  a column per indicator headed with any of its published names.

The survey year comes from a ``Year`` column or, failing that, from a year (``2024``) in the
file name. A value cell holding ``*``, ``-`` or nothing is "not published" and skipped. Headings
and codes the catalogue's ``ignore`` patterns match are skipped; any other unknown one is a
problem at its ``file:line:column``. Organisations are named by ODS code: the records come out
anchored on ``ods-<code>`` (the uid an ODS extract gives) and :mod:`carenet.services.imports`
re-anchors them on the organisation that holds the code (:attr:`Parsed.ods_anchors`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from carenet.domain import models as m
from carenet.domain.enums import CultureScale, CultureSurvey
from carenet.domain.identifiers import OdsCode
from carenet.errors import Problem
from carenet.interchange.indicators import Catalogue, Indicator, catalogue, compact
from carenet.interchange.records import Parsed
from carenet.interchange.tabular import csv_rows

_ORG = {"orgcode", "organisationcode", "odscode", "trustcode", "orgid", "organisationid"}
_RESPONSES = {"responses", "base", "n", "numberofresponses", "respondents", "responsecount"}
_INDICATOR = {"indicator", "question", "measure", "theme", "questionnumber", "indicatorcode"}
_VALUE = {"value", "score", "percentage", "percent", "result"}
_YEAR = {"year", "surveyyear"}
_NOT_PUBLISHED = {"", "*", "-", "n/a", "na"}
_ODS = TypeAdapter(OdsCode)


def is_staff_survey(header: list[str]) -> bool:
    names = {compact(h) for h in header}
    return bool(names & _ORG) and bool(names & _RESPONSES)


def _year_from_name(path: Path) -> int | None:
    found = re.findall(r"(?<!\d)(20\d\d)(?!\d)", path.stem)
    return int(found[-1]) if found else None


def read_staff_survey(path: Path, text: str, parsed: Parsed, *, cat: Catalogue | None = None) -> None:
    """NHS Staff Survey organisation results (either layout) as
    :class:`~carenet.domain.models.CultureIndicator` items."""
    cat = cat or catalogue()
    source = path.name
    rows = csv_rows(text, source, parsed)
    first = next(rows, None)
    if first is None:
        parsed.problems.append(Problem(f"{source}:1:1", "the file has no header row", None))
        return
    line, header = first
    keys = [compact(h) for h in header]

    def column(names: set[str]) -> int | None:
        return next((i for i, k in enumerate(keys, 1) if k in names), None)

    org, responses, year_col = column(_ORG), column(_RESPONSES), column(_YEAR)
    indicator_col, value_col = column(_INDICATOR), column(_VALUE)
    long = indicator_col is not None and value_col is not None
    problems: list[Problem] = []
    wide: dict[int, Indicator] = {}
    if not long:
        meta = {org, responses, year_col}
        for i, heading in enumerate(header, 1):
            if i in meta or not keys[i - 1]:
                continue
            found = cat.find(heading)
            if found is not None:
                wide[i] = found
            elif not cat.ignored(heading):
                problems.append(
                    Problem(
                        f"{source}:{line}:{i}",
                        "a heading that is no indicator in carenet/graph_schema/culture_indicators.json "
                        "(add it to an indicator's 'published' names, or to 'ignore')",
                        heading,
                    )
                )
        if not wide and not problems:
            problems.append(
                Problem(
                    f"{source}:{line}:1",
                    "no indicator columns: give one column per indicator, or "
                    "Indicator and Value columns (one row per organisation and indicator)",
                    None,
                )
            )
    file_year = _year_from_name(path)
    if year_col is None and file_year is None:
        problems.append(
            Problem(
                f"{source}:{line}:1",
                "no survey year: add a Year column or put the year in the file name (e.g. nss-2024-organisations.csv)",
                None,
            )
        )
    parsed.columns[source] = {
        "anchor": org,
        "responses": responses,
        "indicator": indicator_col,
        "value": value_col,
        "year": year_col,
    }
    parsed.problems += problems
    if problems:
        return
    seen: dict[str, int] = {}
    for line, cells in rows:
        parsed.rows += 1

        def cell(i: int | None, cells: list = cells) -> str:
            return str(cells[i - 1]).strip() if i is not None and i <= len(cells) and cells[i - 1] is not None else ""

        bad: list[Problem] = []
        code = cell(org).upper()
        try:
            _ODS.validate_python(code)
        except ValidationError:
            bad.append(
                Problem(f"{source}:{line}:{org}", "not an ODS organisation code (e.g. RXX or RA2)", cell(org) or None)
            )
        year: Any = file_year
        if year_col is not None:
            year = _int(cell(year_col))
            if year is None or not 2000 <= year <= 2100:
                bad.append(
                    Problem(f"{source}:{line}:{year_col}", "year: expected a year such as 2024", cell(year_col) or None)
                )
        n = _int(cell(responses))
        if n is None or n < 0:
            bad.append(
                Problem(
                    f"{source}:{line}:{responses}",
                    "responses: expected a whole number of responses, 0 or more",
                    cell(responses) or None,
                )
            )
        if long:
            found = cat.find(cell(indicator_col))
            if found is None:
                if not cat.ignored(cell(indicator_col)):
                    bad.append(
                        Problem(
                            f"{source}:{line}:{indicator_col}",
                            "an indicator not in carenet/graph_schema/culture_indicators.json",
                            cell(indicator_col) or None,
                        )
                    )
                cells_of: list[tuple[int, Indicator]] = []
            else:
                cells_of = [(value_col, found)]
        else:
            cells_of = list(wide.items())
        values: list[tuple[int, Indicator, float]] = []
        for i, ind in cells_of:
            raw = cell(i)
            if raw.lower() in _NOT_PUBLISHED:
                continue
            value = _float(raw.rstrip("%"))
            top = 10.0 if ind.scale is CultureScale.SCORE_0_10 else 100.0
            if value is None or not 0.0 <= value <= top:
                bad.append(
                    Problem(
                        f"{source}:{line}:{i}",
                        f"{ind.code}: expected a number from 0 to {top:g} ({ind.scale.value})",
                        raw,
                    )
                )
                continue
            values.append((i, ind, value))
        if bad:
            parsed.problems += bad
            continue
        for i, ind, value in values:
            uid = f"nss-{year}-{code.lower()}-{ind.code}"
            if uid in seen:
                parsed.problems.append(
                    Problem(
                        f"{source}:{line}:{i}",
                        f"{ind.code} of {code} for {year} is given twice (first on line {seen[uid]})",
                        value,
                    )
                )
                continue
            seen[uid] = line
            model = m.CultureIndicator(
                uid=uid,
                anchor=f"ods-{code}",
                survey=CultureSurvey.NHS_STAFF_SURVEY,
                year=year,
                indicator=ind.code,
                value=value,
                scale=ind.scale,
                responses=n,
                source=f"NHS Staff Survey {year}, organisation results ({source})",
            )
            parsed.ods_anchors[len(parsed.items)] = (code, f"{source}:{line}:{org}")
            parsed.items.append((model, f"{source}:{line}"))


def _int(text: str) -> int | None:
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return int(value) if value.is_integer() else None


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
