"""Network survey responses: one row per tie a respondent names, all in one survey wave.

Columns (header row required; ``respondent`` and ``alter`` mark the file as a survey):

=============  ===============================================================================
respondent     uid of the person, team or organisation answering (required)
alter          uid of the one they name (required)
tie_type       advice, information or support (people: ``WORKS_WITH``); referral,
               joint_meeting, shared_record, co_location, pooled_budget or data_sharing
               (teams and organisations: ``COLLABORATES_WITH``); several with ``;`` (required)
frequency      daily, weekly, monthly, quarterly or yearly
trust, value   PARTNER items, 1 to 4 (team and organisation ties only)
trust_reliability, trust_mission, trust_openness
               PARTNER's three trust sub-items, whole numbers 1 to 4: all three or none; trust
               is then their mean (a trust given too must agree to two decimals)
value_power, value_involvement, value_resources
               PARTNER's three value sub-items, likewise for value
wave           survey wave uid; may be left out when the import names the wave
=============  ===============================================================================

Several rows for the same respondent, alter and kind of tie become one tie with every tie type
named; a frequency, trust or value given twice with different answers is a problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from carenet.domain import models as m
from carenet.domain.enums import Frequency, PersonTieKind, TieKind
from carenet.errors import Problem
from carenet.interchange.kinds import PARTNER_COLUMNS, PARTNER_ITEMS, CellError, Column, convert, normalise_header
from carenet.interchange.records import Parsed, _message, rule_field
from carenet.interchange.tabular import csv_rows

PERSON_TIES = {k.value for k in PersonTieKind}
TEAM_TIES = {k.value for k in TieKind}
COLUMNS = (
    Column("respondent", "uid of the respondent", True, "uid"),
    Column("alter", "uid of the one named", True, "uid"),
    Column("tie_type", "tie types separated by ';'", True, "uids"),
    Column("frequency", "how often", type="enum", allowed=tuple(f.value for f in Frequency)),
    Column("trust", "PARTNER trust, 1-4", type="float"),
    Column("value", "PARTNER value, 1-4", type="float"),
    Column("wave", "survey wave uid", type="uid"),
    *PARTNER_COLUMNS,
)
SCORED = ("frequency", "trust", "value", *PARTNER_ITEMS)
_ALIASES = {"ego": "respondent", "tie_types": "tie_type", "type": "tie_type"}


def is_survey(header: list[str]) -> bool:
    names = {_ALIASES.get(normalise_header(h), normalise_header(h)) for h in header}
    return {"respondent", "alter"} <= names


def read_survey(path: Path, text: str, parsed: Parsed, *, wave: str | None) -> None:
    source = path.name
    rows = csv_rows(text, source, parsed)
    line, header = next(rows)
    names = [_ALIASES.get(normalise_header(h), normalise_header(h)) for h in header]
    known = {c.name: c for c in COLUMNS}
    positions: dict[str, int] = {}
    ok = True
    for i, name in enumerate(names, start=1):
        if name not in known:
            parsed.problems.append(
                Problem(
                    f"{source}:{line}:{i}", f"unknown survey column; the columns are: {', '.join(known)}", header[i - 1]
                )
            )
            ok = False
        else:
            positions.setdefault(name, i)
    for c in COLUMNS:
        if c.required and c.name not in positions:
            parsed.problems.append(Problem(f"{source}:{line}:1", f"missing required survey column {c.name!r}", None))
            ok = False
    if "wave" not in positions and not wave:
        parsed.problems.append(
            Problem(f"{source}:{line}:1", "no survey wave: add a 'wave' column or name the wave (--wave)", None)
        )
        ok = False
    parsed.columns[source] = positions
    parsed.fields[source] = {"source": "respondent", "target": "alter", "kinds": "tie_type"}
    if not ok:
        return
    ties: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for line, cells in rows:
        parsed.rows += 1
        row: dict[str, Any] = {}
        bad = False
        for name, i in positions.items():
            try:
                row[name] = convert(known[name], cells[i - 1] if i <= len(cells) else None)
            except CellError as exc:
                parsed.problems.append(Problem(f"{source}:{line}:{i}", f"{name}: {exc}", exc.value))
                bad = True
            else:
                if row[name] is None and known[name].required:
                    parsed.problems.append(Problem(f"{source}:{line}:{i}", f"{name}: a value is required", None))
                    bad = True
        if bad:
            continue
        types = set(row["tie_type"])
        people, teams = types & PERSON_TIES, types & TEAM_TIES
        unknown = types - PERSON_TIES - TEAM_TIES
        where = f"{source}:{line}:{positions['tie_type']}"
        if unknown:
            parsed.problems.append(
                Problem(
                    where,
                    "tie_type: not a tie type; people: "
                    + ", ".join(sorted(PERSON_TIES))
                    + "; teams and organisations: "
                    + ", ".join(sorted(TEAM_TIES)),
                    sorted(unknown)[0],
                )
            )
            continue
        if people and teams:
            parsed.problems.append(
                Problem(where, "tie_type: mixes person and team tie types in one row", ";".join(sorted(types)))
            )
            continue
        rel = "WORKS_WITH" if people else "COLLABORATES_WITH"
        if rel == "WORKS_WITH" and any(row.get(item) is not None for item in SCORED[1:]):
            column = positions[next(item for item in SCORED[1:] if row.get(item) is not None)]
            parsed.problems.append(
                Problem(
                    f"{source}:{line}:{column}", "trust and value are asked of team and organisation ties only", None
                )
            )
            continue
        key = (rel, row["respondent"], row["alter"], row.get("wave") or wave)
        tie = ties.setdefault(key, {"line": line, "kinds": [], **dict.fromkeys(SCORED)})
        tie["kinds"] += [t for t in sorted(types) if t not in tie["kinds"]]
        for item in SCORED:
            given = row.get(item)
            if given is None:
                continue
            if tie[item] is not None and tie[item] != given:
                parsed.problems.append(
                    Problem(
                        f"{source}:{line}:{positions[item]}",
                        f"{item}: differs from the answer on line {tie['line']} for the same tie",
                        given,
                    )
                )
            tie[item] = given
    for (rel, respondent, alter, wave_uid), tie in ties.items():
        values = {"source": respondent, "target": alter, "wave": wave_uid, "kinds": tie["kinds"]}
        values.update({k: tie[k] for k in SCORED if tie[k] is not None})
        model = m.WorksWith if rel == "WORKS_WITH" else m.CollaboratesWith
        if model is m.WorksWith:
            values.pop("trust", None)
            values.pop("value", None)
        try:
            parsed.items.append((model(**values), f"{source}:{tie['line']}"))
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                loc = error.get("loc") or ()
                message = _message(error)
                lead = None if loc else rule_field(message)  # a rule across fields that names its column
                if lead in known:
                    parsed.problems.append(
                        Problem(f"{source}:{tie['line']}:{positions.get(lead, 1)}", message, tie.get(lead))
                    )
                    continue
                name = {"source": "respondent", "target": "alter", "kinds": "tie_type"}.get(
                    str(loc[0]) if loc else "", str(loc[0]) if loc else "respondent"
                )
                parsed.problems.append(
                    Problem(
                        f"{source}:{tie['line']}:{positions.get(name, 1)}",
                        f"{name}: {message}",
                        error.get("input") if loc else None,
                    )
                )
