"""The schema files: generated from the model, applied in order, once, and matching the model."""

from __future__ import annotations

from pathlib import Path

import pytest

from carenet.bootstrap import SCHEMA_DIR
from carenet.domain.schema import REL_SPECS, NodeLabel, RelType
from carenet.storage import codegen
from carenet.storage.migrations import migrate, schema_files, status
from carenet.storage.queries import Query
from carenet.storage.schema_model import rel_props, written_props

SHOW_TABLES = Query(
    "test_show_tables",
    "CALL db.labels() YIELD label RETURN label AS name",
    ladybug="CALL show_tables() RETURN name AS name, type AS type",
)


def test_generated_files_are_up_to_date():
    stale = [str(path) for path, text in codegen.outputs().items() if path.read_text(encoding="utf-8") != text]
    assert not stale, f"run `python -m carenet.storage.codegen`: stale {stale}"


def test_the_schema_files_live_in_the_package_where_codegen_writes_them():
    """One copy, package data (so a wheel carries it): codegen writes where the stores read."""
    import carenet

    package = Path(carenet.__file__).resolve().parent
    assert SCHEMA_DIR.resolve() == codegen.SCHEMA_DIR.resolve() == package / "graph_schema"
    written = {p.resolve() for p in codegen.outputs() if p.suffix == ".cypher"}
    assert written == {
        (SCHEMA_DIR / store / name).resolve()
        for store in ("ladybug", "neo4j")
        for name in ("001_base.cypher", "002_name_keys.cypher")
    }
    assert not (package.parents[1] / "graph_schema").exists(), "a second copy of the schema files beside the package"


def test_every_store_has_its_schema_files_in_order():
    for store in ("ladybug", "neo4j"):
        files = schema_files(SCHEMA_DIR, store)
        assert [f.version for f in files] == sorted(f.version for f in files)
        assert files[0].version == 1


def test_neo4j_schema_has_a_uid_constraint_for_every_label():
    statements = schema_files(SCHEMA_DIR, "neo4j")[0].statements()
    for label in NodeLabel:
        assert any(f"FOR (n:{label.value}) REQUIRE n.uid IS UNIQUE" in s for s in statements), label


async def test_ladybug_tables_match_the_model(store):
    tables = {r["name"]: r["type"] for r in await store.read(SHOW_TABLES)}
    for label in NodeLabel:
        assert tables.get(label.value) == "NODE"
        info = await store.read(Query("t", "RETURN 1", ladybug="CALL table_info('" + label.value + "') RETURN *"))
        declared = [(p.name, p.ladybug_type.replace("BOOLEAN", "BOOL")) for p in written_props(label)]
        assert [(r["name"], r["type"]) for r in info] == [("uid", "STRING"), *declared]
    for rel_type in RelType:
        assert tables.get(rel_type.value) == "REL"
        info = await store.read(Query("t", "RETURN 1", ladybug="CALL table_info('" + rel_type.value + "') RETURN *"))
        assert [r["name"] for r in info] == ["uid"] + [p.name for p in rel_props(rel_type)]
        pairs = await store.read(
            Query("t", "RETURN 1", ladybug="CALL show_connection('" + rel_type.value + "') RETURN *")
        )
        got = {(r["source table name"], r["destination table name"]) for r in pairs}
        assert got == {(a.value, b.value) for a, b in REL_SPECS[rel_type].pairs}


async def test_migrate_applies_each_file_once_and_records_it(store):
    # the fixture migrated already
    current = await status(store, SCHEMA_DIR)
    assert current.up_to_date
    assert current.version == max(f.version for f in schema_files(SCHEMA_DIR, "ladybug"))
    assert await migrate(store, SCHEMA_DIR) == []
    assert len((await status(store, SCHEMA_DIR)).applied) == len(schema_files(SCHEMA_DIR, "ladybug"))


async def test_a_new_schema_file_is_applied_and_recorded(store, tmp_path):
    folder = tmp_path / "schema" / "ladybug"
    folder.mkdir(parents=True)
    for f in schema_files(SCHEMA_DIR, "ladybug"):
        (folder / f.path.name).write_text(f.path.read_text())
    (folder / "900_extra_table.cypher").write_text(
        "// a later change\nCREATE NODE TABLE IF NOT EXISTS ZExtra(uid STRING PRIMARY KEY);\n"
    )
    applied = await migrate(store, tmp_path / "schema")
    assert [f.version for f in applied] == [900]
    assert (await status(store, tmp_path / "schema")).version == 900
    assert "ZExtra" in {r["name"] for r in await store.read(SHOW_TABLES)}


def test_schema_files_must_be_numbered(tmp_path):
    (tmp_path / "ladybug").mkdir()
    (tmp_path / "ladybug" / "tables.cypher").write_text("RETURN 1;")
    with pytest.raises(ValueError, match="NNN_name.cypher"):
        schema_files(tmp_path, "ladybug")


async def test_migration_002_fills_in_the_name_keys_of_nodes_written_before_it(tmp_path):
    """A store made before 002 (001 applied, names written without name_fold / name_key) gets the
    columns and the values, computed in Python (carenet.domain.text), when it is migrated."""
    from carenet.bootstrap import build
    from carenet.config import Settings
    from carenet.domain.text import name_keys

    old = tmp_path / "schema" / "ladybug"
    old.mkdir(parents=True)
    first = schema_files(SCHEMA_DIR, "ladybug")[0]
    (old / first.path.name).write_text(first.path.read_text())
    built = await build(Settings(data_dir=tmp_path / "data"))
    try:
        assert [f.version for f in await migrate(built.store, tmp_path / "schema")] == [1]
        names = {"a": "İstanbul", "b": "ΟΔΟΣ", "c": "Straße \U0001f600"}
        for uid, name in names.items():
            await built.store.write(
                Query("test_old_write", "CREATE (:Team {uid: $uid, name: $name, sector: 'health'})", write=True),
                uid=uid,
                name=name,
            )
        await built.store.write(
            Query("test_old_person", "CREATE (:Person {uid: 'p', name: 'Σίσυφος', level: 'team'})", write=True)
        )
        applied = await migrate(built.store, SCHEMA_DIR)
        assert [f.name for f in applied] == ["name_keys", "culture_indicator", "partner_items"]
        rows = await built.store.read(
            Query("test_keys", "MATCH (n:Team) RETURN n.uid AS uid, n.name_fold AS name_fold, n.name_key AS name_key")
        )
        assert {r["uid"]: {"name_fold": r["name_fold"], "name_key": r["name_key"]} for r in rows} == {
            uid: name_keys(name) for uid, name in names.items()
        }
        person = await built.store.read(Query("test_p", "MATCH (n:Person) RETURN n.name_fold AS f"))
        assert person == [{"f": "σίσυφοσ"}]
        assert await migrate(built.store, SCHEMA_DIR) == []
    finally:
        await built.close()


async def test_a_store_made_before_culture_indicators_gains_their_table(tmp_path):
    """Issue 18: 001_base is generated and now creates CultureIndicator, but a store that applied the
    old 001 never re-runs it; 003_culture_indicator adds the table there (and is a no-op elsewhere)."""
    from carenet.bootstrap import build
    from carenet.config import Settings

    old = tmp_path / "old" / "ladybug"
    old.mkdir(parents=True)
    base = schema_files(SCHEMA_DIR, "ladybug")[0]
    (old / base.path.name).write_text(
        "\n".join(line for line in base.path.read_text().splitlines() if "CultureIndicator" not in line) + "\n"
    )
    built = await build(Settings(data_dir=tmp_path / "data"))
    try:
        await migrate(built.store, tmp_path / "old")
        assert "CultureIndicator" not in {r["name"] for r in await built.store.read(SHOW_TABLES)}
        applied = await migrate(built.store, SCHEMA_DIR)
        assert [f.name for f in applied] == ["name_keys", "culture_indicator", "partner_items"]
        assert "CultureIndicator" in {r["name"] for r in await built.store.read(SHOW_TABLES)}
    finally:
        await built.close()


async def test_a_store_made_before_partner_items_gains_their_columns_last(tmp_path):
    """Issue 21: ties written before 004 keep their scores; the six sub-item columns are added after
    ``wave`` (the model's order, which bulk loads follow), and a tie with sub-items can then be written."""
    from carenet.bootstrap import build
    from carenet.config import Settings
    from carenet.domain import models as m
    from carenet.domain.models import TRUST_ITEMS, VALUE_ITEMS
    from carenet.storage.repository import ChangeSet, Repository

    items = (*TRUST_ITEMS, *VALUE_ITEMS)
    old = tmp_path / "old" / "ladybug"
    old.mkdir(parents=True)
    base = schema_files(SCHEMA_DIR, "ladybug")[0]
    text = base.path.read_text()
    for name in items:
        text = text.replace(f", {name} INT64", "")
    (old / base.path.name).write_text(text)
    built = await build(Settings(data_dir=tmp_path / "data"))
    try:
        await migrate(built.store, tmp_path / "old")
        info = await built.store.read(Query("t", "RETURN 1", ladybug="CALL table_info('COLLABORATES_WITH') RETURN *"))
        assert not set(items) & {r["name"] for r in info}
        applied = await migrate(built.store, SCHEMA_DIR)
        assert [f.name for f in applied] == ["name_keys", "culture_indicator", "partner_items"]
        info = await built.store.read(Query("t", "RETURN 1", ladybug="CALL table_info('COLLABORATES_WITH') RETURN *"))
        assert [r["name"] for r in info] == ["uid"] + [p.name for p in rel_props(RelType.COLLABORATES_WITH)]
        repo = Repository(built.store)
        tie = m.CollaboratesWith(
            source="t1",
            target="t2",
            wave="w1",
            kinds=["referral"],
            trust_reliability=4,
            trust_mission=3,
            trust_openness=3,
        )
        await repo.apply(
            ChangeSet(
                nodes=[m.Team(uid="t1", name="One", sector="health"), m.Team(uid="t2", name="Two", sector="housing")],
                relationships=[tie],
            )
        )
        rows = await built.store.read(
            Query(
                "t",
                "MATCH ()-[x:COLLABORATES_WITH]->() RETURN x.trust AS trust, x.trust_openness AS o, x.value_power AS p",
            )
        )
        assert rows == [{"trust": pytest.approx(10 / 3), "o": 3, "p": None}]
    finally:
        await built.close()
