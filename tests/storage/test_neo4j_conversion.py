"""The Neo4j store's conversions, proved with the driver's own value types and no server (issue 20):
dates come back as Python dates that pydantic and Arrow take, a relationship write that dropped
rows fails, and every session shares one bookmark manager (read-your-writes on a cluster)."""

from __future__ import annotations

import datetime as dt
import typing

import neo4j.time
import pyarrow as pa
import pytest

from carenet.domain.schema import NODE_MODELS
from carenet.errors import Conflict
from carenet.storage.neo4j import Neo4jStore, check_written, native, native_row
from carenet.storage.queries import REGISTRY


def test_driver_temporal_values_become_python_values():
    assert native(neo4j.time.Date(2024, 4, 1)) == dt.date(2024, 4, 1)
    assert native(neo4j.time.DateTime(2024, 4, 1, 12, 0, 0, 123456789)) == dt.datetime(2024, 4, 1, 12, 0, 0, 123456)
    assert native([neo4j.time.Date(2020, 1, 1), None]) == [dt.date(2020, 1, 1), None]
    assert native({"a": [neo4j.time.Date(2020, 1, 1)]}) == {"a": [dt.date(2020, 1, 1)]}
    assert native(7) == 7 and native("x") == "x" and native(None) is None


def _dated_fields(model) -> dict[str, bool]:
    """Date-bearing fields, each with whether it holds a time too."""
    out = {}
    for name, info in model.model_fields.items():
        args = typing.get_args(info.annotation) or (info.annotation,)
        if dt.date in args or dt.datetime in args:
            out[name] = dt.datetime in args
    return out


@pytest.mark.parametrize("label", [label for label, model in NODE_MODELS.items() if _dated_fields(model)])
def test_every_dated_kind_round_trips_from_driver_values(label):
    """A row as the driver returns it (dates as neo4j.time.Date) validates into the same model as the
    row LadybugDB returns (dates as datetime.date), and makes an Arrow batch with date columns."""
    model = NODE_MODELS[label]
    fields = _dated_fields(model)
    python_row = {
        name: dt.datetime(2023, 5, 17, 9, 30, 1, 250) if timed else dt.date(2023, 5, 17)
        for name, timed in fields.items()
    }
    driver_row = {
        name: neo4j.time.DateTime(2023, 5, 17, 9, 30, 1, 250_000) if timed else neo4j.time.Date(2023, 5, 17)
        for name, timed in fields.items()
    }
    for name, info in model.model_fields.items():
        if name not in fields and info.is_required():
            python_row[name] = driver_row[name] = _sample(model, name)
    expected = model.model_validate(python_row)
    assert model.model_validate(native_row(driver_row)) == expected
    batch = pa.RecordBatch.from_pylist([native_row(driver_row)])
    assert all(
        pa.types.is_timestamp(batch.schema.field(name).type)
        if timed
        else pa.types.is_date(batch.schema.field(name).type)
        for name, timed in fields.items()
    )


def _sample(model, name):
    samples = {
        "version": 1,
        "uid": "x-1",
        "name": "Name",
        "sector": "health",
        "kind": "nhs_trust",
        "level": "board",
        "area": "s1-place-1",
        "year": 2027,
        "leaders_needed": 3,
        "role": "Chair",
    }
    if name in samples:
        return samples[name]
    raise AssertionError(f"add a sample value for {model.__name__}.{name}")  # pragma: no cover - new required field


def test_a_relationship_write_that_dropped_rows_fails():
    query = REGISTRY["rel_upsert_part_of_team_organisation"]
    assert query.counted and "RETURN count(x) AS written" in query.cypher
    rows = [{"uid": "a"}, {"uid": "b"}]
    check_written(query, {"rows": rows}, [{"written": 2}])
    with pytest.raises(Conflict, match="1 of 2 relationships were not written"):
        check_written(query, {"rows": rows}, [{"written": 1}])
    check_written(REGISTRY["node_upsert_team"], {"rows": rows}, [])  # not a counted query


class _RecordingDriver:
    """Fault-injection seam: records how sessions are opened (no server here)."""

    def __init__(self) -> None:
        self.sessions: list[dict] = []

    def session(self, **kwargs):
        self.sessions.append(kwargs)
        return kwargs


def test_every_session_shares_the_stores_bookmark_manager():
    store = Neo4jStore("neo4j://127.0.0.1:1", user="neo4j", password="x")
    store._driver = _RecordingDriver()  # noqa: SLF001 - our own store; the driver is the seam
    store._session()  # noqa: SLF001
    store._session()  # noqa: SLF001
    managers = [s["bookmark_manager"] for s in store._driver.sessions]  # noqa: SLF001
    assert managers[0] is not None and managers[0] is managers[1] is store.bookmarks


def _with_people():
    """The contract suite's small system, two people (one at work) with a tie, and an organisations' tie."""
    from carenet.domain import models as m
    from tests.storage.test_contract import W1, small_system

    cs = small_system()
    cs.add_node(m.Person(uid="p1", name="Pat", level="team"))
    cs.add_node(m.Person(uid="p2", name="Sam", level="board"))
    cs.add_relationship(m.MemberOf(source="p1", target="a"))
    cs.add_relationship(m.WorksWith(source="p1", target="p2", kinds=["advice"], wave=W1))
    cs.add_relationship(m.CollaboratesWith(source="O1", target="O2", kinds=["pooled_budget"], wave=W1))
    return cs


STREAMED = (
    "team_nodes",
    "team_ties",
    "team_ties_all",
    "organisation_nodes",
    "organisation_ties",
    "organisation_ties_all",
    "person_nodes",
    "person_ties",
    "person_ties_all",
)
"""The projection queries (Repository.projection); the node and relationship scans are generated."""


async def test_every_streamed_query_declares_its_columns(repo):
    from carenet.storage.queries import Query

    scans = [q.name for q in REGISTRY.values() if q.name.startswith(("node_scan_", "rel_scan_"))]
    assert len(scans) >= 40
    assert [name for name in (*STREAMED, *scans) if not REGISTRY[name].columns] == []
    undeclared = Query("test_undeclared", "MATCH (n:Team) RETURN n.uid AS uid")
    with pytest.raises(ValueError, match="declares no columns"):  # refused on the embedded store too
        [b async for b in repo.store.stream(undeclared)]
    store = Neo4jStore("neo4j://127.0.0.1:1", user="neo4j", password="x")
    try:
        with pytest.raises(ValueError, match="declares no columns"):  # before any connection is tried
            [b async for b in store.stream(undeclared)]
    finally:
        await store.close()


async def test_neo4j_batches_have_the_schema_ladybugdb_streams(repo):
    """For every query that declares its columns, rows as the Neo4j driver gives them (all null;
    nulls in one batch and values in another; driver dates) make batches with the schema the
    embedded store streams for the same query, and batches of one stream join into one table."""
    import datetime as _dt

    await repo.apply(_with_people())
    declared = [q for q in REGISTRY.values() if q.columns]
    assert {name for name in STREAMED} <= {q.name for q in declared}
    params = {
        "wave": "",
        "any_time": True,
        "at": _dt.date.today(),
        "uids": ["a", "b", "c", "d", "O1", "O2", "p1", "p2"],
    }  # every end of the ties: the *_ties_out forms
    checked = set()
    for query in declared:
        needed = {k: v for k, v in params.items() if "$" + k in query.cypher}
        batches = [b async for b in repo.store.stream(query, **needed)]
        if not batches:
            continue
        checked.add(query.name)
        ladybug_schema = batches[0].schema
        names = ladybug_schema.names
        nulls = [dict.fromkeys(names)] * 3
        filled = pa.Table.from_batches(batches).to_pylist()
        for row in filled:
            for key, value in row.items():
                if isinstance(value, dt.datetime):
                    row[key] = neo4j.time.DateTime.from_native(value)
                elif isinstance(value, dt.date):
                    row[key] = neo4j.time.Date.from_native(value)
        schema = pa.schema([(n, t) for n, t in zip(names, ladybug_schema.types)])
        from carenet.storage import arrow_types
        from carenet.storage.neo4j import record_batch

        declared_schema = arrow_types.schema(query.columns)
        assert declared_schema == schema, query.name
        half = [dict(r, **{k: None for k in names[::2]}) for r in filled]  # some columns null in this batch only
        parts = [
            record_batch(nulls, declared_schema),
            record_batch([native_row(r) for r in filled], declared_schema),
            record_batch([native_row(r) for r in half], declared_schema),
        ]
        assert all(p.schema == schema for p in parts), query.name
        pa.Table.from_batches(parts)  # one stream's batches join
    assert set(STREAMED) <= checked  # every projection query gave rows here, so its types were compared
