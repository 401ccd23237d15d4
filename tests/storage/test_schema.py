"""The schema files: generated from the model, applied in order, once, and matching the model."""

from __future__ import annotations

from pathlib import Path

import pytest

from carenet.bootstrap import SCHEMA_DIR
from carenet.domain.schema import REL_SPECS, NodeLabel, RelType
from carenet.storage import codegen
from carenet.storage.migrations import migrate, schema_files, status
from carenet.storage.queries import Query
from carenet.storage.schema_model import node_props, rel_props

SHOW_TABLES = Query("test_show_tables", "CALL db.labels() YIELD label RETURN label AS name", ladybug="CALL show_tables() RETURN name AS name, type AS type")


def test_generated_files_are_up_to_date():
    stale = [str(path) for path, text in codegen.outputs().items() if path.read_text(encoding="utf-8") != text]
    assert not stale, f"run `python -m carenet.storage.codegen`: stale {stale}"


def test_the_schema_files_live_in_the_package_where_codegen_writes_them():
    """One copy, package data (so a wheel carries it): codegen writes where the stores read."""
    import carenet

    package = Path(carenet.__file__).resolve().parent
    assert SCHEMA_DIR.resolve() == codegen.SCHEMA_DIR.resolve() == package / "graph_schema"
    written = {p.resolve() for p in codegen.outputs() if p.suffix == ".cypher"}
    assert written == {(SCHEMA_DIR / store / "001_base.cypher").resolve() for store in ("ladybug", "neo4j")}
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
        declared = [(p.name, p.ladybug_type.replace("BOOLEAN", "BOOL")) for p in node_props(label)]
        assert [(r["name"], r["type"]) for r in info] == [("uid", "STRING"), *declared]
    for rel_type in RelType:
        assert tables.get(rel_type.value) == "REL"
        info = await store.read(Query("t", "RETURN 1", ladybug="CALL table_info('" + rel_type.value + "') RETURN *"))
        assert [r["name"] for r in info] == ["uid"] + [p.name for p in rel_props(rel_type)]
        pairs = await store.read(Query("t", "RETURN 1", ladybug="CALL show_connection('" + rel_type.value + "') RETURN *"))
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
    (folder / "900_extra_table.cypher").write_text("// a later change\nCREATE NODE TABLE IF NOT EXISTS ZExtra(uid STRING PRIMARY KEY);\n")
    applied = await migrate(store, tmp_path / "schema")
    assert [f.version for f in applied] == [900]
    assert (await status(store, tmp_path / "schema")).version == 900
    assert "ZExtra" in {r["name"] for r in await store.read(SHOW_TABLES)}


def test_schema_files_must_be_numbered(tmp_path):
    (tmp_path / "ladybug").mkdir()
    (tmp_path / "ladybug" / "tables.cypher").write_text("RETURN 1;")
    with pytest.raises(ValueError, match="NNN_name.cypher"):
        schema_files(tmp_path, "ladybug")
