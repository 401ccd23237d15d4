"""Uploads read in the server's reading process (:mod:`carenet.services.reading`) give the graph
that reading on threads gives, keep every check, and still place problems at ``file:line:column``.
(What the process is for, the latency of other requests during an upload, is measured by
``benchmarks/import_latency.py``.)"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from services.test_imports import FILES, write_files

from carenet.bootstrap import Services, build
from carenet.config import Settings
from carenet.domain.schema import NodeLabel
from carenet.errors import InvalidInput
from carenet.services import imports
from carenet.services.reading import APART_BYTES, FileReader
from carenet.storage.queries import Query

NAME_KEYS_OF = {
    label: Query(
        f"test_name_keys_{label.lower()}",
        f"MATCH (n:{label}) RETURN n.uid AS uid, n.name_fold AS name_fold, n.name_key AS name_key",
    )
    for label in ("System", "Place", "Organisation", "Team", "Person")
}
"""Test-only reads of the stored name properties (no named query returns them)."""

MORE = {
    **FILES,
    "organisations.csv": FILES["organisations.csv"] + "o3,Ça Va Café CIC  ,vcse,voluntary,,p1\n"
    "o4,ÉCOLE Ōsaka Straße,school,education,,s1\n",
    "leadership_demand.csv": "area,level,year,required,uid\np1,team,2027,4,d1\n",
}


PAGED = (
    NodeLabel.SYSTEM,
    NodeLabel.PLACE,
    NodeLabel.ORGANISATION,
    NodeLabel.TEAM,
    NodeLabel.PERSON,
    NodeLabel.SURVEY_WAVE,
    NodeLabel.LEADERSHIP_DEMAND,
)


@pytest.fixture
async def twin(tmp_path: Path) -> AsyncIterator[Services]:
    built = await build(Settings(data_dir=tmp_path / "twin"), migrate_schema=True)
    try:
        yield built
    finally:
        await built.close()


async def graph_of(services: Services) -> dict:
    repo = services.repo
    nodes = {
        label.value: sorted(
            (n.model_dump(mode="json") for n in await repo.page(label, limit=1000)), key=lambda row: row["uid"]
        )
        for label in PAGED
    }
    keys = {
        label: sorted(await services.store.read(query), key=lambda row: row["uid"])
        for label, query in NAME_KEYS_OF.items()
    }
    counts = await repo.counts()
    counts.pop("Migration", None)
    return {"nodes": nodes, "keys": keys, "counts": counts, "integrity": await repo.integrity()}


async def test_the_reading_process_gives_the_graph_threads_give(services, twin, tmp_path):
    paths = write_files(tmp_path / "files", MORE)
    reader = FileReader(apart_bytes=0)
    try:
        parsed = await reader.read(paths)
        rows = {"System", "Place", "Organisation", "SurveyWave"}  # read row by row, sent as tables
        assert rows <= {f.model.__name__ for f in parsed.frames}
        assert not any(type(model).__name__ in rows for model, _ in parsed.items)
        assert any(type(model).__name__ == "LeadershipDemand" for model, _ in parsed.items)  # checked as a model
        apart = await imports.import_files(services.repo, paths, reader=reader)
    finally:
        reader.close()
    threads = await imports.import_files(twin.repo, paths)
    assert (apart.nodes, apart.relationships) == (threads.nodes, threads.relationships)
    ours, theirs = await graph_of(services), await graph_of(twin)
    assert ours == theirs
    assert ours["nodes"]["Organisation"][2]["name"] == "Ça Va Café CIC"
    assert {row["uid"]: row["name_fold"] for row in ours["keys"]["Organisation"]}["o4"] == "école ōsaka strasse"


async def test_a_problem_found_after_the_reading_process_is_placed(services, tmp_path):
    files = {**MORE, "leadership_demand.csv": "area,level,year,required,uid\np1,team,2027,4,d1\np9,team,2027,4,d2\n"}
    paths = write_files(tmp_path / "files", files)
    reader = FileReader(apart_bytes=0)
    try:
        with pytest.raises(InvalidInput) as caught:
            await imports.import_files(services.repo, paths, reader=reader)
    finally:
        reader.close()
    assert [p.location for p in caught.value.problems] == ["leadership_demand.csv:3:1"]
    assert (await services.repo.counts()).get("Organisation", 0) == 0  # nothing written


async def test_a_uid_given_twice_keeps_the_models_rule(tmp_path):
    """The last row of a uid wins, as for models: such a file is not sent as a table."""
    paths = write_files(tmp_path / "files", {"systems.csv": "uid,name\ns1,First\ns1,Second\n"})
    reader = FileReader(apart_bytes=0)
    try:
        parsed = await reader.read(paths)
    finally:
        reader.close()
    assert not parsed.frames and [m.name for m, _ in parsed.items] == ["First", "Second"]


def test_a_server_stopped_after_a_big_upload_leaves_no_semaphore_behind(tmp_path):
    """A server stopped (SIGTERM) after an upload read in its reading process closes that process
    cleanly. Closed without waiting, the pool's queues were left to the resource tracker, which
    warned at exit: "There appear to be 5 leaked semaphore objects"."""
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    from carenet.api.auth import Role, create_api_key

    data = tmp_path / "data"
    data.mkdir()
    key = create_api_key(data / "api_keys.json", subject="t", role=Role.ADMIN)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "CARENET_MODE": "production", "CARENET_METRICS_REFRESH_S": "0"}
    server = subprocess.Popen(
        [sys.executable, "-m", "carenet.cli.main", "serve", "--data-dir", str(data), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/readyz").status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
            time.sleep(0.2)
        body = "uid,name,kind,sector\n" + "".join(f"o{i},Organisation {i},vcse,voluntary\n" for i in range(40_000))
        assert len(body) > APART_BYTES  # read in the reading process
        r = httpx.post(
            url + "/files/import",
            headers={"Authorization": f"ApiKey {key}"},
            timeout=120,
            files=[("files", ("organisations.csv", body.encode(), "text/csv"))],
        )
        assert r.status_code == 200 and r.json()["rows"] == 40_000, r.text
    finally:
        server.terminate()
        _, err = server.communicate(timeout=60)
    assert "Application shutdown complete" in err, err
    assert "leaked semaphore" not in err, err
