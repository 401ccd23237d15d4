"""Culture indicators imported into the real embedded store: NHS Staff Survey results re-anchored
from ODS code to the organisation holding it, pulse surveys by uid; all or nothing, idempotent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from carenet.domain.schema import NodeLabel
from carenet.errors import InvalidInput
from carenet.services import imports
from carenet.storage.repository import Repository

FIXTURES = Path(__file__).parents[1] / "interchange" / "fixtures" / "culture"
ORGS = {
    "systems.csv": "uid,name\ns1,North ICS\n",
    "places.csv": "uid,name,system\np1,Leeds,s1\n",
    "organisations.csv": "uid,name,kind,sector,ods_code,part_of\n"
    "acute,Synthetic Acute,nhs_trust,health,RZ1,p1\n"
    "community,Synthetic Community,nhs_trust,health,RZ2,p1\n"
    "specialist,Synthetic Specialist,nhs_trust,health,RZ3,p1\n"
    "la-leeds,Synthetic City Council,local_authority,social_care,,p1\n"
    "vcse-hub,Synthetic VCSE hub,vcse,voluntary,,p1\n",
}


def files(folder: Path, texts: dict[str, str], *copies: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name in copies:
        shutil.copy(FIXTURES / name, folder / name)
    return [folder / n for n in (*texts, *copies)]


async def culture(repo: Repository) -> dict[str, dict]:
    out = {}
    async for batch in repo.scan(NodeLabel.CULTURE_INDICATOR):
        out.update({r["uid"]: r for r in batch.to_pylist()})
    return out


async def test_staff_survey_and_pulse_files_land_on_their_organisations(repo: Repository, tmp_path: Path) -> None:
    paths = files(
        tmp_path / "in",
        ORGS,
        "nss-2024-organisation-results-long.csv",
        "nss-2023-organisation-results-wide.csv",
        "culture_pulse.csv",
    )
    report = await imports.import_files(repo, paths)
    assert report.nodes["CultureIndicator"] == 9 + 17 + 3
    stored = await culture(repo)
    assert stored["nss-2024-rz1-raising_concerns"]["anchor"] == "acute"
    assert stored["nss-2023-rz3-voice_that_counts"]["anchor"] == "specialist"
    assert stored["culture-vcse-hub-local_pulse-2024-concerns_addressed"]["responses"] == 7
    await imports.import_files(repo, paths)
    assert await culture(repo) == stored


async def test_a_second_import_finds_the_organisations_in_the_store(repo: Repository, tmp_path: Path) -> None:
    await imports.import_files(repo, files(tmp_path / "orgs", ORGS))
    await imports.import_files(repo, files(tmp_path / "nss", {}, "nss-2024-organisation-results-long.csv"))
    assert {r["anchor"] for r in (await culture(repo)).values()} == {"acute", "community", "specialist"}


async def test_unknown_codes_and_anchors_are_placed_and_nothing_is_written(repo: Repository, tmp_path: Path) -> None:
    await imports.import_files(repo, files(tmp_path / "orgs", ORGS))
    bad = {
        "nss-2024.csv": "Org code,Responses,Raising concerns\nRZ1,100,6.0\nRQQ,40,6.1\n",
        "culture_pulse.csv": "anchor,indicator,value,responses,year,wave\nla-leeds,morale,6,40,2024,\n"
        "nobody,morale,6,40,2024,\nla-leeds,morale,6,40,,w9\n",
    }
    with pytest.raises(InvalidInput) as caught:
        await imports.import_files(repo, files(tmp_path / "bad", bad))
    found = {p.location: p.message for p in caught.value.problems}
    assert "no organisation with ODS code RQQ" in found["nss-2024.csv:3:1"]
    assert "no organisation or team" in found["culture_pulse.csv:3:1"]
    assert "no survey wave" in found["culture_pulse.csv:4:6"]
    assert len(found) == 3
    assert await culture(repo) == {}
