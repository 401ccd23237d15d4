"""Imports against the real embedded store: all or nothing, idempotent, resumable."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from carenet.errors import InvalidInput
from carenet.services import imports
from carenet.storage.recording import RecordingStore
from carenet.storage.repository import Repository

FILES = {
    "systems.csv": "uid,name\ns1,North ICS\n",
    "places.csv": "uid,name,system\np1,Leeds,s1\n",
    "organisations.csv": "uid,name,kind,sector,ods_code,part_of\no1,Leeds Teaching Hospitals,nhs_trust,health,RR8,p1\n"
    "o2,Leeds City Council,local_authority,social_care,,p1\n",
    "teams.csv": "uid,name,sector,organisation,serves\nt1,Discharge,health,o1,p1\nt2,Reablement,social_care,o2,p1\n",
    "people.csv": "uid,name,level,ethnic_category,sex\nu1,Ann,team,A,female\nu2,Bob,middle,,\n",
    "memberships.csv": "person,target,relationship\nu1,t1,leads\nu1,t1,\nu2,t2,member_of\n",
    "waves.csv": "uid,name,collected_on,system\nw1,Spring,2025-04-01,s1\n",
    "collaborations.csv": "source,target,wave,kinds,trust\nt1,t2,w1,referral;joint_meeting,3\n",
}


def write_files(folder: Path, files: dict[str, str] = FILES) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in files]


async def snapshot(repo: Repository) -> dict:
    counts = await repo.counts()
    counts.pop("Migration", None)
    return counts


async def test_import_writes_everything_and_again_changes_nothing(repo: Repository, tmp_path: Path) -> None:
    paths = write_files(tmp_path / "in")
    report = await imports.import_files(repo, paths, checkpoint_dir=tmp_path / "cp")
    assert report.nodes == {
        "System": 1,
        "Place": 1,
        "Organisation": 2,
        "Team": 2,
        "Person": 2,
        "Demographic": 1,
        "SurveyWave": 1,
    }
    first = await snapshot(repo)
    assert (
        first["COLLABORATES_WITH"] == 1 and first["LEADS"] == 1 and first["MEMBER_OF"] == 2 and first["DESCRIBES"] == 1
    )
    team = await repo.get("Team", "t1")
    await imports.import_files(repo, paths, checkpoint_dir=tmp_path / "cp")
    assert await snapshot(repo) == first and await repo.get("Team", "t1") == team
    assert not list((tmp_path / "cp").glob("*.json"))


async def test_dry_run_writes_nothing(repo: Repository, tmp_path: Path) -> None:
    report = await imports.import_files(repo, write_files(tmp_path / "in"), dry_run=True)
    assert report.dry_run and report.records > 0
    assert await snapshot(repo) == {}


async def test_every_problem_reported_and_nothing_written(repo: Repository, tmp_path: Path) -> None:
    bad = dict(FILES)
    bad["teams.csv"] = FILES["teams.csv"] + "t1,Duplicate,health,o1,p1\nt3,Ghost team,health,o9,\n"
    bad["collaborations.csv"] = FILES["collaborations.csv"] + "t1,t404,w1,referral,\nt1,t2,w9,referral,\n"
    bad["people.csv"] = FILES["people.csv"] + "u3,Cy,chief,,\n"
    with pytest.raises(InvalidInput) as caught:
        await imports.import_files(repo, write_files(tmp_path / "in", bad), checkpoint_dir=tmp_path / "cp")
    found = {p.location: p for p in caught.value.problems}
    assert "duplicate Team uid (first at teams.csv:2)" in found["teams.csv:4:1"].message
    assert found["teams.csv:5:4"].value == "o9" and "no Organisation with this uid" in found["teams.csv:5:4"].message
    assert found["collaborations.csv:3:2"].value == "t404"
    assert "no survey wave" in found["collaborations.csv:4:3"].message
    assert "level" in found["people.csv:4:3"].message
    assert len(found) == 5
    assert await snapshot(repo) == {}


async def test_killed_import_resumes_to_the_same_graph(services, tmp_path: Path) -> None:
    from carenet.bootstrap import build
    from carenet.config import Settings

    lines = ["uid,name,sector"] + [f"t{i},Team {i},health" for i in range(3000)]
    ties = ["source,target,wave,kinds"] + [f"t{i},t{(i * 7 + 1) % 3000},w1,referral" for i in range(3000)]
    files = {
        "waves.csv": "uid,name,collected_on\nw1,Spring,2025-04-01\n",
        "teams.csv": "\n".join(lines) + "\n",
        "collaborations.csv": "\n".join(ties) + "\n",
    }
    paths = write_files(tmp_path / "in", files)
    commits = 0

    def fail(call) -> None:
        nonlocal commits
        if call.kind == "write_batch":
            commits += 1
            if commits == 3:
                raise RuntimeError("killed")

    broken = Repository(RecordingStore(services.store, fail=fail))
    with pytest.raises(RuntimeError):
        await imports.import_files(broken, paths, checkpoint_dir=tmp_path / "cp", tx_rows=1000, batch_rows=1000)
    assert len(list((tmp_path / "cp").glob("*.json"))) == 1
    partial = await snapshot(services.repo)
    assert partial.get("Team") == 2000 and "COLLABORATES_WITH" not in partial
    report = await imports.import_files(
        services.repo, paths, checkpoint_dir=tmp_path / "cp", tx_rows=1000, batch_rows=1000
    )
    assert report.resumed_at == 2 and not list((tmp_path / "cp").glob("*.json"))
    resumed = await snapshot(services.repo)
    unbroken = await build(Settings(data_dir=tmp_path / "unbroken"), migrate_schema=True)
    try:
        await imports.import_files(unbroken.repo, paths, tx_rows=1000, batch_rows=1000)
        assert await snapshot(unbroken.repo) == resumed == {"SurveyWave": 1, "Team": 3000, "COLLABORATES_WITH": 3000}
    finally:
        await unbroken.close()


@pytest.mark.slow
async def test_a_million_row_file_is_checked_in_bounded_time_and_writes_nothing(
    repo: Repository, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    people = ["uid,name,level"] + [f"p{i},Person {i},team" for i in range(5000)]
    waves = ["uid,name,collected_on"] + [f"w{i},Wave {i},2025-04-01" for i in range(200)]
    paths = write_files(folder, {"people.csv": "\n".join(people) + "\n", "waves.csv": "\n".join(waves) + "\n"})
    path = folder / "person_ties.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("source,target,wave,kinds\n")
        for i in range(999_999):
            f.write(f"p{i % 5000},p{(i * 13 + 7) % 5000},w{i // 5000},advice\n")
        f.write("p1,p2,w1,gossip\n")
    started = time.perf_counter()
    with pytest.raises(InvalidInput) as caught:
        await imports.import_files(repo, [*paths, path])
    elapsed = time.perf_counter() - started
    found = {p.location for p in caught.value.problems}
    assert found == {"person_ties.csv:1000001:4"}
    assert await snapshot(repo) == {}
    assert elapsed < 300, elapsed


async def test_files_imported_one_by_one_give_the_graph_of_one_import(services, tmp_path: Path) -> None:
    """Each later file's tables find their ends among stored nodes (no bulk path for them)."""
    from carenet.bootstrap import build
    from carenet.config import Settings
    from carenet.services import exports

    paths = write_files(tmp_path / "in")
    for path in paths:
        await imports.import_files(services.repo, [path])
    one_by_one = await exports.full_records(services.repo)
    together = await build(Settings(data_dir=tmp_path / "together"), migrate_schema=True)
    try:
        await imports.import_files(together.repo, paths)
        assert await exports.full_records(together.repo) == one_by_one
        assert await snapshot(together.repo) == await snapshot(services.repo)
    finally:
        await together.close()


async def test_a_row_that_refers_to_an_invalid_row_names_the_cause(repo: Repository, tmp_path: Path) -> None:
    """Issue 15: 'no Team or Organisation with this uid exists' for a row that is there but invalid."""
    files = dict(FILES)
    files["organisations.csv"] = (
        FILES["organisations.csv"] + "ts-asc,Adult social care,local_authority,not_a_sector,,p1\n"
    )
    files["teams.csv"] = FILES["teams.csv"] + "t3,Hospital social work,social_care,ts-asc,p1\nt4,,social_care,o2,p1\n"
    files["memberships.csv"] = FILES["memberships.csv"] + "u2,ts-asc,member_of\nu2,t4,member_of\nu2,nobody,member_of\n"
    with pytest.raises(InvalidInput) as err:
        await imports.import_files(repo, write_files(tmp_path / "in", files))
    messages = {(p.location, p.message) for p in err.value.problems}
    assert ("teams.csv:4:4", "refers to ts-asc, which has errors at organisations.csv:4") in messages
    assert ("memberships.csv:5:2", "refers to ts-asc, which has errors at organisations.csv:4") in messages
    assert ("memberships.csv:6:2", "refers to t4, which has errors at teams.csv:5") in messages
    assert any(loc == "memberships.csv:7:2" and msg.startswith("no ") for loc, msg in messages)  # truly missing
    assert any(loc.startswith("organisations.csv:4:") and "sector" in msg for loc, msg in messages)  # the cause itself
    assert await snapshot(repo) == {}
