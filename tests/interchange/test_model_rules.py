"""One definition of each model rule: the column path's checks come from the models.

For every column the column-at-a-time reader reads, a value that breaks the rule of the model field
it fills is generated from that field's own metadata (type, enum values, pattern, bounds, required),
and both paths must refuse it: the column path declines the file and the row path reports a problem
at that cell (``file:line:column``). The values on each bound are accepted by both, with the same rows.
So a rule changed in a model changes the generated values and, with them, what both paths must do.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_columnar import _from_frames, _from_models

from carenet.interchange import read_file
from carenet.interchange.columnar import FAST, read_columnar
from carenet.interchange.rules import Rule, rule

BASES: dict[str, list[dict[str, str]]] = {
    "teams": [
        {
            "uid": "t1",
            "name": "Discharge",
            "sector": "health",
            "service": "Discharge",
            "organisation": "o1",
            "serves": "p1;p2",
        }
    ],
    "people": [
        {
            "uid": "u1",
            "name": "Ann",
            "level": "team",
            "role": "Nurse",
            "staff_group": "nursing",
            "band": "7",
            "clinical": "true",
            "ethnic_category": "A",
            "sex": "female",
        }
    ],
    "memberships": [
        {
            "person": "u1",
            "target": "t1",
            "relationship": "member_of",
            "role": "Deputy",
            "since": "2024-01-01",
            "until": "2024-12-31",
        }
    ],
    "collaborations": [
        {
            "source": "t1",
            "target": "t2",
            "wave": "w1",
            "kinds": "referral",
            "frequency": "weekly",
            "trust": "2",
            "value": "3",
            "since": "2024-01-01",
            "until": "2024-12-31",
            "uid": "my-tie:1@w1",
        },
        {
            "source": "t1",
            "target": "t2",
            "wave": "w1",
            "kinds": "referral",
            "trust_reliability": "2",
            "trust_mission": "2",
            "trust_openness": "2",
            "value_power": "3",
            "value_involvement": "3",
            "value_resources": "3",
        },
    ],
    "person_ties": [
        {
            "source": "u1",
            "target": "u2",
            "wave": "w1",
            "kinds": "advice",
            "frequency": "monthly",
            "since": "2024-01-01",
            "until": "2024-12-31",
            "uid": "my-tie:2@w1",
        }
    ],
    "seats": [{"member": "o1", "forum": "f1", "role": "chair", "since": "2024-01-01", "until": "2024-12-31"}],
    "person_capabilities": [{"person": "u1", "capability": "c1", "level": "3"}],
}


def _fits(r: Rule, text: str) -> bool:
    text = text.upper() if r.case == "upper" else text.lower() if r.case == "lower" else text
    return re.fullmatch(r.pattern, text) is not None if r.pattern else True


def _bad(r: Rule, link: bool) -> list[str]:
    """Values that break ``r``, from ``r`` alone."""
    out = []
    if r.required and not link:
        out.append("")
    if r.type == "enum":
        out.append("zz_" + r.allowed[0] + ("" if not r.many else ";" + r.allowed[0]))
    elif r.type == "date":
        out += ["2025-02-30", "2025-4-1"]
    elif r.type == "bool":
        out.append("maybe")
    elif r.type in ("int", "float"):
        out.append("two")
        step = 1 if r.type == "int" else 0.01
        out += [str(b - step) for b in (r.ge,) if b is not None] + [str(b + step) for b in (r.le,) if b is not None]
        out += [str(b) for b in (r.gt, r.lt) if b is not None]
        if r.type == "int":
            out.append("1.5")
    elif r.type == "text":
        if r.pattern:
            out += [c for c in ("bad value!", "-x", "x" * 401) if not _fits(r, c)][:2]
        if r.max_length is not None:
            out.append("x" * (r.max_length + 1))
    return out


def _good(r: Rule) -> list[str]:
    """Values on the rule's bounds (each must be taken)."""
    if r.type in ("int", "float"):
        return [str(b) if r.type == "float" else str(int(b)) for b in (r.ge, r.le) if b is not None]
    if r.type == "text" and r.max_length is not None and not r.pattern:
        return ["x" * r.max_length]
    return []


def _cases(good: bool) -> list[tuple[str, str, str]]:
    out = []
    for kind, fast in FAST.items():
        for column, (model, field) in fast.fields.items():
            r = rule(model, field)
            link = column in fast.links
            for value in _good(r) if good else _bad(r, link):
                if link and not good and value and column == "serves":
                    value = "p1;" + value  # one bad uid in a list
                out.append((kind, column, value))
    return out


def _write(tmp_path: Path, kind: str, column: str, value: str) -> tuple[Path, int]:
    base = next(b for b in BASES[kind] if column in b)
    row = {**base, column: value}
    names = list(row)
    path = tmp_path / f"{kind}.csv"
    quoted = ['"' + row[n].replace('"', '""') + '"' for n in names]
    path.write_text(",".join(names) + "\n" + ",".join(quoted) + "\n", encoding="utf-8")
    return path, names.index(column) + 1


def test_every_column_the_fast_path_reads_has_a_base_row_and_a_model_rule():
    for kind, fast in FAST.items():
        assert set(fast.fields) <= {c for b in BASES[kind] for c in b}, kind
        for model, field in fast.fields.values():
            assert isinstance(rule(model, field), Rule)
    assert len(_cases(good=False)) > 40


@pytest.mark.parametrize(("kind", "column", "value"), _cases(good=False))
def test_a_value_breaking_a_model_rule_is_refused_by_both_paths_at_its_cell(tmp_path, kind, column, value):
    path, at = _write(tmp_path, kind, column, value)
    assert read_columnar(path, path.read_bytes()) is None
    problems = read_file(path, columnar=False).problems
    assert f"{path.name}:2:{at}" in [p.location for p in problems], problems


@pytest.mark.parametrize(("kind", "column", "value"), _cases(good=True))
def test_a_value_on_a_model_bound_is_taken_by_both_paths_alike(tmp_path, kind, column, value):
    path, _ = _write(tmp_path, kind, column, value)
    by_rows = read_file(path, columnar=False)
    by_columns = read_columnar(path, path.read_bytes())
    assert by_rows.problems == [] and by_columns is not None
    assert _from_frames(by_columns[0]) == _from_models(by_rows)


def test_a_rule_is_read_from_the_model():
    from carenet.domain import models as m

    assert rule(m.Team, "name") == Rule("text", required=True, min_length=1, max_length=300)
    assert rule(m.CollaboratesWith, "trust") == Rule("float", ge=1.0, le=4.0)
    assert rule(m.CollaboratesWith, "kinds").many and rule(m.CollaboratesWith, "kinds").min_length == 1
    assert rule(m.Person, "band").case == "lower" and _fits(rule(m.Person, "band"), "8A")
    assert not _fits(rule(m.Team, "uid"), "-u1")


def test_the_template_columns_say_what_the_model_fields_accept():
    """The columns' own types and value lists (the row path's cell reading, the templates' help)
    agree with the rule of the model field each fills."""
    from carenet.interchange import KINDS

    for kind, fast in FAST.items():
        for column, (model, field) in fast.fields.items():
            r, c = rule(model, field), KINDS[kind].column(column)
            if r.type == "enum":
                assert set(c.allowed) == set(r.allowed), (kind, column)
            if r.type in ("int", "float", "date", "bool"):
                assert c.type == r.type, (kind, column)
            if r.pattern and c.allowed:
                assert all(_fits(r, value) for value in c.allowed), (kind, column)
