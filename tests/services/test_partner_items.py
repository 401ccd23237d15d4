"""PARTNER's six sub-items (issue 21): imported from every tie file, stored, exported, read back, and
used by the quality report; partial sub-items refused at their cell, with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from carenet.domain import models as m
from carenet.domain.models import TRUST_ITEMS, VALUE_ITEMS
from carenet.errors import InvalidInput
from carenet.interchange import graphs as graph_files
from carenet.interchange.templates import template_tables, write_template_data
from carenet.services import analysis, exports, imports
from carenet.services.graphs import Scope
from carenet.storage.repository import ChangeSet, Repository

ITEMS = (*TRUST_ITEMS, *VALUE_ITEMS)
BASE = {
    "systems.csv": "uid,name\ns1,North ICS\n",
    "organisations.csv": "uid,name,kind,sector,part_of\no1,Hospital,other,health,s1\no2,Council,local_authority,social_care,s1\n"
    "o3,Housing,housing_association,housing,s1\n",
    "teams.csv": "uid,name,sector,organisation\nt1,Discharge,health,o1\nt2,Reablement,social_care,o2\nt3,Homes,housing,o3\n",
    "waves.csv": "uid,name,collected_on,system\nw1,Spring,2025-04-01,s1\n",
}
# t1 -> t2 with all six sub-items (trust (4+3+3)/3, value (2+2+1)/3); t2 -> t1 a single score (old data);
# t1 -> t3 trust sub-items only, with a trust that agrees to two decimals (2.33 for 7/3)
GOOD = (
    "source,target,wave,kinds,trust,value," + ",".join(ITEMS) + "\n"
    "t1,t2,w1,referral,,,4,3,3,2,2,1\n"
    "t2,t1,w1,referral,3,2,,,,,,\n"
    "t1,t3,w1,joint_meeting,2.33,,2,3,2,,,\n"
)
EXPECTED = {  # uid -> (trust, value, the six items), worked by hand
    "COLLABORATES_WITH:t1>t2@w1": (10 / 3, 5 / 3, (4, 3, 3, 2, 2, 1)),
    "COLLABORATES_WITH:t2>t1@w1": (3.0, 2.0, (None,) * 6),
    "COLLABORATES_WITH:t1>t3@w1": (7 / 3, None, (2, 3, 2, None, None, None)),
}


def write(folder: Path, files: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in files]


async def stored_ties(repo: Repository) -> dict[str, tuple]:
    _, rels = await exports.full_models(repo)
    return {
        r.uid: (r.trust, r.value, tuple(getattr(r, n) for n in ITEMS)) for r in rels if r.type == "COLLABORATES_WITH"
    }


def same(got: dict, want: dict) -> bool:
    return got.keys() == want.keys() and all(
        got[k][2] == want[k][2]
        and all((a is None and b is None) or a == pytest.approx(b) for a, b in zip(got[k][:2], want[k][:2]))
        for k in want
    )


async def snapshot(repo: Repository) -> dict:
    counts = await repo.counts()
    counts.pop("Migration", None)
    return counts


@pytest.mark.parametrize("columnar", [True, False])
async def test_sub_items_are_stored_with_their_mean_as_the_score(repo, tmp_path, columnar):
    await imports.import_files(repo, write(tmp_path / "in", {**BASE, "collaborations.csv": GOOD}), columnar=columnar)
    got = await stored_ties(repo)
    assert same(got, EXPECTED), got
    # the mean, computed in plain Python over the same rows
    for line in GOOD.splitlines()[1:]:
        cells = line.split(",")
        trust_items = [int(x) for x in cells[6:9] if x]
        if trust_items:
            assert got[f"COLLABORATES_WITH:{cells[0]}>{cells[1]}@w1"][0] == sum(trust_items) / 3


@pytest.mark.parametrize("columnar", [True, False])
async def test_partial_sub_items_are_refused_at_their_cell_and_nothing_is_written(repo, tmp_path, columnar):
    bad = (
        "source,target,wave,kinds,trust," + ",".join(ITEMS) + "\n"
        "t1,t2,w1,referral,,4,3,,,,\n"  # trust_openness missing: line 2, column 8
        "t2,t1,w1,referral,,,,,2,,\n"  # value_involvement, value_resources missing
        "t1,t3,w1,referral,3,2,3,2,,,\n"  # trust 3 against (2+3+2)/3 = 2.33
        "t3,t1,w1,referral,,1,5,2,,,\n"
    )  # 5 is not 1-4
    with pytest.raises(InvalidInput) as caught:
        await imports.import_files(repo, write(tmp_path / "in", {**BASE, "collaborations.csv": bad}), columnar=columnar)
    found = {p.location: p.message for p in caught.value.problems}
    assert set(found) == {
        "collaborations.csv:2:8",
        "collaborations.csv:3:10",
        "collaborations.csv:4:5",
        "collaborations.csv:5:7",
    }, found
    assert (
        "trust_openness" in found["collaborations.csv:2:8"] and "all three or none" in found["collaborations.csv:2:8"]
    )
    assert "value_involvement, value_resources" in found["collaborations.csv:3:10"]
    assert "2.33" in found["collaborations.csv:4:5"]
    assert await snapshot(repo) == {}


async def test_partial_sub_items_in_a_workbook_a_survey_and_json_are_placed_too(repo, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "collaborations"
    sheet.append(["source", "target", "wave", "kinds", *ITEMS])
    sheet.append(["t1", "t2", "w1", "referral", None, None, None, 4, None, 1])
    book.save(tmp_path / "ties.xlsx")
    survey = tmp_path / "responses.csv"
    survey.write_text(
        "respondent,alter,tie_type,wave,trust_reliability,trust_mission,trust_openness\nt1,t2,referral,w1,3,,2\n",
        encoding="utf-8",
    )
    node_link = tmp_path / "graph.json"
    node_link.write_text(
        json.dumps(
            {
                "nodes": [],
                "edges": [
                    {
                        "type": "COLLABORATES_WITH",
                        "source": "t1",
                        "target": "t3",
                        "wave": "w1",
                        "kinds": ["referral"],
                        "value_power": 2,
                        "value_involvement": 2,
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    paths = write(tmp_path / "in", BASE) + [tmp_path / "ties.xlsx", survey, node_link]
    with pytest.raises(InvalidInput) as caught:
        await imports.import_files(repo, paths)
    found = {p.location: p.message for p in caught.value.problems}
    assert set(found) == {
        "ties.xlsx[collaborations]:2:9",
        "responses.csv:2:6",
        "graph.json:$.edges[0].value_resources",
    }, found
    assert all("all three or none" in message for message in found.values())
    assert await snapshot(repo) == {}
    # and whole sub-items from the same three readers are stored
    sheet.delete_rows(2)
    sheet.append(["t1", "t2", "w1", "referral", None, None, None, 4, 3, 1])
    book.save(tmp_path / "ties.xlsx")
    survey.write_text(
        "respondent,alter,tie_type,wave,trust_reliability,trust_mission,trust_openness\nt2,t3,referral,w1,3,1,2\n",
        encoding="utf-8",
    )
    node_link.write_text(
        json.dumps(
            {
                "nodes": [],
                "edges": [
                    {
                        "type": "COLLABORATES_WITH",
                        "source": "t1",
                        "target": "t3",
                        "wave": "w1",
                        "kinds": ["referral"],
                        "value_power": 2,
                        "value_involvement": 2,
                        "value_resources": 4,
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    await imports.import_files(repo, paths)
    got = await stored_ties(repo)
    assert same(
        got,
        {
            "COLLABORATES_WITH:t1>t2@w1": (None, 8 / 3, (None, None, None, 4, 3, 1)),
            "COLLABORATES_WITH:t2>t3@w1": (2.0, None, (3, 1, 2, None, None, None)),
            "COLLABORATES_WITH:t1>t3@w1": (None, 8 / 3, (None, None, None, 2, 2, 4)),
        },
    ), got


async def test_import_export_import_keeps_the_sub_items(services, tmp_path):
    from carenet.bootstrap import build

    repo = services.repo
    await imports.import_files(repo, write(tmp_path / "in", {**BASE, "collaborations.csv": GOOD}))
    first = await stored_ties(repo)
    nodes, rels = await exports.full_models(repo)
    csvs = write_template_data(template_tables(nodes, rels), tmp_path / "out")
    graph_files.write(await exports.full_graph(repo), "node-link", tmp_path / "graph.json")
    for i, paths in enumerate((list(csvs.values()), [tmp_path / "graph.json"])):
        again = await build(
            services.settings.model_copy(update={"data_dir": tmp_path / f"again{i}"}), migrate_schema=True
        )
        try:
            await imports.import_files(again.repo, paths)
            assert await stored_ties(again.repo) == first
        finally:
            await again.close()
    assert same(first, EXPECTED)


async def two_waves(repo: Repository, ties: list[tuple[str, str, str, dict]]) -> None:
    cs = ChangeSet()
    cs.add_node(m.System(uid="s", name="S"))
    for wave, on in (("w1", "2024-01-01"), ("w2", "2025-01-01")):
        cs.add_node(m.SurveyWave(uid=wave, name=wave, collected_on=on))
        cs.add_relationship(m.PartOf(source=wave, target="s"))
    for org in ("a", "b", "c", "d"):
        cs.add_node(m.Organisation(uid=org, name=org.upper(), kind="other", sector="other"))
        cs.add_relationship(m.PartOf(source=org, target="s"))
    for source, target, wave, extra in ties:
        cs.add_relationship(m.CollaboratesWith(source=source, target=target, wave=wave, kinds=["referral"], **extra))
    await repo.apply(cs)


async def test_quality_uses_the_sub_items_where_given_and_says_how_many(repo):
    partner = dict(zip(ITEMS, (4, 4, 3, 1, 2, 2)))  # trust 11/3, value 5/3
    await two_waves(
        repo,
        [
            ("a", "b", "w2", partner),
            ("c", "b", "w2", {"trust": 2.0, "value": 3.0}),
            ("b", "a", "w2", dict(zip(TRUST_ITEMS, (1, 1, 2)))),
        ],
    )  # trust 4/3, no value
    report = await analysis.quality(repo, scope=Scope(level="organisation", wave="w2"))
    b, a = report["organisations"]["b"], report["organisations"]["a"]
    assert b["trust_in"] == pytest.approx((11 / 3 + 2.0) / 2) and b["value_in"] == pytest.approx((5 / 3 + 3.0) / 2)
    assert a["trust_in"] == pytest.approx(4 / 3) and a["value_in"] is None
    assert report["method"]["trust"] == {"scored": 3, "sub_items": 2, "single": 1, "both": 0}
    assert report["method"]["value"] == {"scored": 2, "sub_items": 1, "single": 1, "both": 0}
    assert "trust: 2 of 3 scored ties from PARTNER's three sub-items" in report["basis"]["scores"]
    assert "value: 1 of 2 scored ties" in report["method"]["text"]


async def test_quality_of_old_data_says_it_used_the_single_scores(repo):
    await two_waves(repo, [("a", "b", "w2", {"trust": 3.0})])
    report = await analysis.quality(repo, scope=Scope(level="organisation", wave="w2"))
    assert report["organisations"]["b"]["trust_in"] == 3.0
    assert report["method"]["trust"] == {"scored": 1, "sub_items": 0, "single": 1, "both": 0}
    assert "trust: 0 of 1 scored ties from PARTNER's three sub-items" in report["method"]["text"]


async def test_rolled_up_organisation_ties_count_their_team_reports(repo):
    cs = ChangeSet()
    cs.add_node(m.SurveyWave(uid="w", name="w", collected_on="2025-01-01"))
    for org in ("o1", "o2"):
        cs.add_node(m.Organisation(uid=org, name=org, kind="other", sector="other"))
    for team, org in (("x", "o1"), ("y", "o1"), ("z", "o2")):
        cs.add_node(m.Team(uid=team, name=team, sector="health"))
        cs.add_relationship(m.PartOf(source=team, target=org))
    cs.add_relationship(
        m.CollaboratesWith(source="x", target="z", wave="w", kinds=["referral"], **dict(zip(TRUST_ITEMS, (3, 3, 4))))
    )
    cs.add_relationship(m.CollaboratesWith(source="y", target="z", wave="w", kinds=["referral"], trust=2.0))
    await repo.apply(cs)
    report = await analysis.quality(repo, scope=Scope(level="organisation"))
    assert report["organisations"]["o2"]["trust_in"] == pytest.approx((10 / 3 + 2.0) / 2)
    assert report["method"]["trust"] == {"scored": 1, "sub_items": 0, "single": 0, "both": 1}


async def test_a_frequency_change_counts_from_two_ranks(repo):
    """a answered both waves: a->b monthly -> weekly (1 rank: noise), a->c monthly -> daily (2 ranks: up),
    a->d weekly -> quarterly (2 ranks: down); trust from sub-items 2 -> 11/3 (5/3 points: noise)."""
    await two_waves(
        repo,
        [
            ("a", "b", "w1", {"frequency": "monthly"}),
            ("a", "b", "w2", {"frequency": "weekly"}),
            ("a", "c", "w1", {"frequency": "monthly"}),
            ("a", "c", "w2", {"frequency": "daily"}),
            ("a", "d", "w1", {"frequency": "weekly", "trust": 2.0}),
            ("a", "d", "w2", {"frequency": "quarterly", **dict(zip(TRUST_ITEMS, (4, 4, 3)))}),
        ],
    )
    change = (await analysis.quality(repo, scope=Scope(level="organisation")))["change"]
    assert [(r["target"], r["changes"]) for r in change["strengthened"]] == [("c", {"frequency": ["monthly", "daily"]})]
    assert [(r["target"], r["changes"]) for r in change["weakened"]] == [("d", {"frequency": ["weekly", "quarterly"]})]
    assert change["unchanged"] == 1 and change["mixed"] == []
    assert "frequency change from 2 ranks" in change["rule"]
