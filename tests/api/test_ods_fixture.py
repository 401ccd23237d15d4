"""A committed NHS ODS extract (tests/interchange/fixtures/ods/etr.csv, the published layout) imported
through the import service and queried back through GraphQL: name filters, activeAt, ordering."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
from pathlib import Path

import pytest

from api.conftest import running
from carenet.bootstrap import build
from carenet.config import Settings
from carenet.services import imports

ETR = Path(__file__).resolve().parents[1] / "interchange" / "fixtures" / "ods" / "etr.csv"
QUERY = """
query($where: OrganisationWhere, $orderBy: OrderBy, $first: Int, $after: String) {
  organisations(where: $where, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { uid name } }
  }
}
"""


def records() -> list[list[str]]:
    with open(ETR, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


@pytest.fixture(scope="module")
def ods_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ods")

    async def load():
        built = await build(Settings(data_dir=folder), migrate_schema=True)
        try:
            report = await imports.import_files(built.repo, [ETR], checkpoint_dir=folder / "imports")
            assert report.nodes == {"Organisation": len(records())}
        finally:
            await built.close()

    asyncio.run(load())
    with running(folder, demo_data=False) as server:
        yield server


def every(server, **variables) -> tuple[list[str], int]:
    uids, after, total = [], None, None
    while True:
        body = server.gql(QUERY, {**variables, "first": 40, "after": after})
        assert "errors" not in body, body
        page = body["data"]["organisations"]
        total = page["totalCount"]
        uids += [e["node"]["uid"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return uids, total
        after = page["pageInfo"]["endCursor"]


def test_the_fixture_is_in_the_published_layout():
    rows = records()
    assert 200 <= len(rows) <= 400 and all(len(r) == 27 for r in rows)
    assert any(r[11] for r in rows) and any(not r[11] for r in rows)


def test_names_starting_with_royal(ods_server):
    expected = sorted(f"ods-{r[0]}" for r in records() if r[1].lower().startswith("royal"))
    for prefix in ("ROYAL", "royal", "Royal "):
        uids, total = every(ods_server, where={"name": {"startsWith": prefix}})
        assert uids == expected and total == len(expected) and len(expected) >= 9
    uids, _ = every(ods_server, where={"NOT": {"name": {"startsWith": "ROYAL"}}})
    assert len(uids) == len(records()) - len(expected) and not set(uids) & set(expected)


@pytest.mark.parametrize("day", ["2015-01-01", "2019-12-31", "2020-01-01", "2020-01-02", "2025-06-01"])
def test_trusts_active_at_a_date(ods_server, day):
    d = dt.date.fromisoformat(day).strftime("%Y%m%d")
    expected = sorted(f"ods-{r[0]}" for r in records() if r[10] <= d and (not r[11] or r[11] > d))
    uids, total = every(ods_server, where={"activeAt": day})
    assert uids == expected and total == len(expected) and expected


def test_ordered_by_name_both_ways(ods_server):
    rows = records()
    for direction in ("ASC", "DESC"):
        uids, _ = every(
            ods_server,
            orderBy={"field": "NAME", "direction": direction},
            where={"name": {"contains": "hospitals"}, "activeAt": "2020-01-01"},
        )
        d = "20200101"
        chosen = [
            (r[1], f"ods-{r[0]}")
            for r in rows
            if "hospitals" in r[1].lower() and r[10] <= d and (not r[11] or r[11] > d)
        ]
        assert uids == [u for _, u in sorted(chosen, reverse=direction == "DESC")] and uids
