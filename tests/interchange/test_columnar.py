"""The column-at-a-time reader against the row-by-row one, on every kind it reads.

The column path may decline a file (the row path then reads it), but a file it accepts must
give exactly the rows the models give: the same values, the same defaults, the same labels.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from carenet.interchange import KINDS, read_file
from carenet.interchange.columnar import FAST, read_columnar

U128 = "u" * 128
CASES: list[tuple[str, str, bool | None]] = [
    # (file, text, the column path must take it: True; bad input it must leave to the row path: False;
    #  either: None)
    (
        "people.csv",
        "uid,name,level,role,staff_group,band,clinical,ethnic_category,sex\n"
        "u1,Ann,team,Nurse,nursing,7,true,A,female\n"
        f"{U128},Bob,middle,,,,,,\n"
        " u3 ,\u00a0Cy Jos\u00e9\u00a0,\tboard\t, Lead ,other, 8a ,Yes,,male\n"
        'u4,"Smith, Di",team,,,9,0,B,\n'
        "# a note,,,,,,,,\n"
        ",,,,,,,,\n"
        'u5,"Two\nlines",senior,,,,N,,\n',
        True,
    ),
    ("people.csv", "uid,name,level\nu1,Ann,chief\n", False),
    ("people.csv", "uid,name,level\nu 1,Ann,team\n", False),
    ("people.csv", "uid,name,level\n-u1,Ann,team\n", False),
    ("people.csv", f"uid,name,level\n{U128}x,Ann,team\n", False),
    ("people.csv", "uid,name,level\nu1,,team\n", False),
    ("people.csv", f"uid,name,level\nu1,{'n' * 301},team\n", False),
    ("people.csv", f"uid,name,level\nu1,{'n' * 300},team\n", True),
    ("people.csv", f"uid,name,level,role\nu1,Ann,team,{'r' * 201}\n", False),
    ("people.csv", "uid,name,level,band\nu1,Ann,team,8A\n", None),
    ("people.csv", "uid,name,level,band\nu1,Ann,team,10\n", False),
    ("people.csv", "uid,name,level,clinical\nu1,Ann,team,maybe\n", False),
    ("people.csv", "uid,name,level,clinical\nu1,Ann,team,TRUE\n", True),
    ("people.csv", "uid,name,level,sex\nu1,Ann,team,unknown\n", False),
    ("people.csv", "Uid, Name ,LEVEL\r\nu1,Ann,team\r\n", True),
    ("people.csv", "\ufeffuid,name,level\nu1,Ann,team\n", True),
    ("people.csv", "uid,name,level\nu1,Ann,team,extra\n", False),
    ("people.csv", "uid,name,level,role\nu1,Ann,team\n", None),
    ("people.csv", "uid,name,level,nickname\nu1,Ann,team,A\n", False),
    ("people.csv", "uid,name\nu1,Ann\n", False),
    ("people.csv", "uid,name,level\n\u2003u1\u2003,Ann\x1c,team\n", None),
    (
        "memberships.csv",
        "person,target,relationship,role,since,until\n"
        "u1,t1,leads,Chair,2024-01-01,\n"
        "u1,t1,,Deputy,,2025-12-31\n"
        "u2,t2,member_of,,2024-02-29,2024-02-29\n",
        True,
    ),
    ("memberships.csv", "person,target,relationship\nu1,t1,LEADS\n", False),
    ("memberships.csv", "person,target,since,until\nu1,t1,2025-01-02,2025-01-01\n", False),
    ("memberships.csv", "person,target,since\nu1,t1,2025-02-30\n", False),
    ("memberships.csv", "person,target,since\nu1,t1,2025-13-01\n", False),
    ("memberships.csv", "person,target,since\nu1,t1,2024-02-29\n", True),
    ("memberships.csv", "person,target,since\nu1,t1,2025-4-1\n", False),
    ("memberships.csv", "person,target,since\nu1,t1,01/04/2025\n", False),
    ("memberships.csv", "person,target,since\nu1,t1,0000-01-01\n", False),
    ("memberships.csv", "person,target,since\nu1,t1, 2025-04-01 \n", True),
    ("memberships.csv", "person,target\nu1,\n", False),
    (
        "collaborations.csv",
        "source,target,wave,kinds,frequency,trust,value,since,until,uid\n"
        "t1,t2,w1,referral;joint_meeting,weekly,1,4.0,,,\n"
        "t2,t1,w1, referral ; shared_record ,,3.5,,,,my-tie:1@w1\n"
        "t1,t3,w1,referral,,+2,.5e1,,,\n"
        "t1,t2,w1,referral,,,,,,\n",
        False,
    ),
    (
        "collaborations.csv",
        "source,target,wave,kinds,frequency,trust,value\n"
        "t1,t2,w1,referral;joint_meeting,weekly,1,4.0\n"
        "t2,t1,w1, referral ; shared_record ,,3.5,\n"
        "t1,t2,w1,referral,,,\n",
        True,
    ),
    ("collaborations.csv", "source,target,wave,kinds,uid\nt1,t2,w1,referral,my-tie:1@w1\n", True),
    ("collaborations.csv", "source,target,wave,kinds\nt1,t1,w1,referral\n", False),  # a tie to itself
    ("person_ties.csv", "source,target,wave,kinds\np1,p1,w1,advice\n", False),
    ("collaborations.csv", "source,target,wave,kinds,uid\nt1,t2,w1,referral,bad tie\n", False),
    ("collaborations.csv", "source,target,wave,kinds,trust\nt1,t2,w1,referral,4.01\n", False),
    ("collaborations.csv", "source,target,wave,kinds,trust\nt1,t2,w1,referral,0.99\n", False),
    ("collaborations.csv", "source,target,wave,kinds,trust\nt1,t2,w1,referral,nan\n", False),
    ("collaborations.csv", "source,target,wave,kinds,trust\nt1,t2,w1,referral,inf\n", False),
    ("collaborations.csv", "source,target,wave,kinds,trust\nt1,t2,w1,referral,1_5\n", False),
    ("collaborations.csv", "source,target,wave,kinds,trust\nt1,t2,w1,referral,1e0\n", True),
    ("collaborations.csv", "source,target,wave,kinds\nt1,t2,w1,referral;;joint_meeting\n", None),
    ("collaborations.csv", "source,target,wave,kinds\nt1,t2,w1,;\n", False),
    ("collaborations.csv", "source,target,wave,kinds\nt1,t2,w1,referral;gossip\n", False),
    ("collaborations.csv", "source,target,wave,kinds\nt1,t2,,referral\n", False),
    ("collaborations.csv", "source,target,wave,kinds,frequency\nt1,t2,w1,referral,hourly\n", False),
    # PARTNER's sub-items (issue 21): three or none per group, the score their mean, a score beside them agreeing
    (
        "collaborations.csv",
        "source,target,wave,kinds,trust_reliability,trust_mission,trust_openness,"
        "value_power,value_involvement,value_resources\n"
        "t1,t2,w1,referral,2,3,2,4,4,3\nt2,t1,w1,referral,,,,1,1,2\nt1,t3,w1,referral,,,,,,\n",
        True,
    ),
    (
        "collaborations.csv",
        "source,target,wave,kinds,trust,trust_reliability,trust_mission,trust_openness\n"
        "t1,t2,w1,referral,2.33,2,3,2\nt2,t1,w1,referral,3.5,,,\n",
        True,
    ),
    (
        "collaborations.csv",
        "source,target,wave,kinds,trust,trust_reliability,trust_mission,trust_openness\nt1,t2,w1,referral,3,2,3,2\n",
        False,
    ),  # disagrees with the mean 2.33
    (
        "collaborations.csv",
        "source,target,wave,kinds,trust_reliability,trust_mission,trust_openness\nt1,t2,w1,referral,2,3,\n",
        False,
    ),  # two of three
    ("collaborations.csv", "source,target,wave,kinds,value_power\nt1,t2,w1,referral,3\n", False),  # one column only
    ("collaborations.csv", "source,target,wave,kinds,value_power\nt1,t2,w1,referral,\n", True),
    (
        "collaborations.csv",
        "source,target,wave,kinds,trust_reliability,trust_mission,trust_openness\nt1,t2,w1,referral,5,3,3\n",
        False,
    ),
    (
        "collaborations.csv",
        "source,target,wave,kinds,trust_reliability,trust_mission,trust_openness\nt1,t2,w1,referral,2.5,3,3\n",
        False,
    ),
    (
        "collaborations.csv",
        "source,target,wave,kinds,trust_reliability,trust_mission,trust_openness\nt1,t2,w1,referral,2.0,3,3\n",
        None,
    ),
    (
        "person_ties.csv",
        "source,target,wave,kinds,frequency,since,until,uid\n"
        "u1,u2,w1,advice,monthly,,,\n"
        "u1,u2,w1,advice,monthly,,,\n"
        "u2,u1,w2,advice;support,,2025-01-01,2025-06-30,\n",
        True,
    ),
    ("person_capabilities.csv", "person,capability,level\nu1,c1,4\nu1,c2,\nu2,c1, 1 \n", True),
    ("person_capabilities.csv", "person,capability,level\nu1,c1,5\n", False),
    ("person_capabilities.csv", "person,capability,level\nu1,c1,0\n", False),
    ("person_capabilities.csv", "person,capability,level\nu1,c1,2.0\n", None),
    ("person_capabilities.csv", "person,capability,level\nu1,c1,02\n", None),
    ("person_capabilities.csv", "person,capability,level\nu1,c1,two\n", False),
    ("seats.csv", "member,forum,role,since\no1,f1,,\nu1,f1,chair,2024-04-01\n", True),
    (
        "teams.csv",
        "uid,name,sector,service,organisation,serves\n"
        "t1,Discharge,health,Discharge,o1,p1;p2\n"
        "t2,Reablement,social_care,,,\n"
        "t3,Housing,housing,,o2, p1 ; ;p3\n"
        "t4,Leisure,leisure,,o3,p1;p1\n",
        True,
    ),
    ("teams.csv", "uid,name,sector,serves\nt1,T,health,p1;bad uid\n", False),
    ("teams.csv", "uid,name,sector\nt1,T,healthcare\n", False),
    ("teams.csv", f"uid,name,sector,service\nt1,T,health,{'s' * 201}\n", False),
    ("teams.csv", "uid,name,sector,organisation\nt1,T,health,bad org\n", False),
]


def _rows(items) -> Counter:
    """Each model as (class, labels, the values it holds), dates as text, unset fields left out."""
    out: Counter = Counter()
    for model, labels, values in items:
        kept = tuple(
            sorted(
                (k, tuple(v) if isinstance(v, list) else v.isoformat() if isinstance(v, dt.date) else v)
                for k, v in values.items()
                if v is not None and k not in ("source_label", "target_label")
            )
        )
        out[(model, labels, kept)] += 1
    return out


def _from_models(parsed) -> Counter:
    return _rows(
        (
            type(model).__name__,
            (getattr(model, "source_label", None), getattr(model, "target_label", None)),
            {
                k: getattr(v, "value", v) if not isinstance(v, list) else [getattr(x, "value", x) for x in v]
                for k, v in model.__dict__.items()
            },
        )
        for model, _ in parsed.items
    )


def _from_frames(frames) -> Counter:
    return _rows((frame.model.__name__, frame.labels, row) for frame in frames for row in frame.table.to_pylist())


@pytest.mark.parametrize("index", range(len(CASES)))
def test_a_file_the_column_path_takes_gives_what_the_models_give(tmp_path: Path, index: int) -> None:
    name, text, fast = CASES[index]
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    by_rows = read_file(path, columnar=False)
    by_columns = read_columnar(path, path.read_bytes())
    if fast is True:
        assert by_columns is not None, "the column path should take this file"
    if fast is False:  # bad input: the row path finds the problem, so the column path must not take it
        assert by_rows.problems and by_columns is None
    if by_columns is not None:
        frames, rows = by_columns
        assert by_rows.problems == []
        assert rows == by_rows.rows
        assert _from_frames(frames) == _from_models(by_rows)


def test_every_kind_the_column_path_reads_has_a_case() -> None:
    assert {name.removesuffix(".csv") for name, _, _ in CASES} == set(FAST) and set(FAST) <= set(KINDS)


def test_read_file_takes_the_column_path_and_falls_back_to_rows(tmp_path: Path) -> None:
    path = tmp_path / "person_ties.csv"
    path.write_text("source,target,wave,kinds\nu1,u2,w1,advice\n", encoding="utf-8")
    parsed = read_file(path)
    assert parsed.items == [] and [f.model.__name__ for f in parsed.frames] == ["WorksWith"] and parsed.rows == 1
    path.write_text("source,target,wave,kinds\nu1,u2,w1,advice\nu1,u 3,w1,advice\n", encoding="utf-8")
    parsed = read_file(path)
    assert parsed.frames == [] and [p.location for p in parsed.problems] == ["person_ties.csv:3:2"]
