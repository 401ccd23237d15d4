"""Generate the stores' base schema and the CRUD queries from the domain model.

Run ``python -m carenet.storage.codegen`` after changing a model; it rewrites
``carenet/graph_schema/*/00[12]_*.cypher`` and the package ``storage/queries/crud/`` (a module per
label and per relationship type, each under the line length). A test fails when any is out of
date. (Once a release has shipped, a model change also needs a new numbered
schema file, because 001 is never applied twice.)

This module writes Cypher text from the fixed schema in :mod:`carenet.domain.schema` at
development time only; nothing here runs in the service, and no input ever reaches it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from carenet.domain.schema import REL_SPECS, SPECIAL_CATEGORY_LABELS, NodeLabel, RelType
from carenet.storage.naming import _snake
from carenet.storage.schema_model import Prop, name_key_props, node_props, rel_props, written_props

CRUD_DIR = Path(__file__).with_name("queries") / "crud"
SCHEMA_DIR = Path(__file__).resolve().parents[1] / "graph_schema"  # package data: shipped in the wheel

INDEXED = ("name", "sector", "kind", "level", "area")


def _const(*parts: str) -> str:
    return "_".join(p.upper() for p in parts)


def _set(var: str, props: tuple[Prop, ...]) -> str:
    return ", ".join(f"{var}.{p.name} = r.{p.name}" for p in props)


def _set_loaded(var: str, props: tuple[Prop, ...]) -> str:
    """SET from the columns of a ``LOAD FROM`` scan (back-quoted: some are keywords)."""
    return ", ".join(f"{var}.{p.name} = `{p.name}`" for p in props)


def _set_cast(var: str, props: tuple[Prop, ...]) -> str:
    """SET from ``UNWIND`` rows, each value cast to its column type (an all-null key has none)."""
    return ", ".join(f"{var}.{p.name} = CAST(r.{p.name} AS {p.ladybug_type})" for p in props)


def _props_cast(props: tuple[Prop, ...]) -> str:
    """A property map from ``UNWIND`` rows, each value cast to its column type."""
    return ", ".join(f"{p.name}: CAST(r.{p.name} AS {p.ladybug_type})" for p in props)


def _returns(var: str, props: tuple[Prop, ...]) -> str:
    return ", ".join(f"{var}.{p.name} AS {p.name}" for p in props)


LINE = 120
"""The longest line written (ruff's ``line-length``): longer strings are split into adjacent literals."""


def _chunks(text: str, width: int) -> list[str]:
    """``text`` cut after spaces into pieces whose literals are at most ``width`` long; joined,
    they are exactly ``text``."""
    chunks: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(repr(f"{current} {word} ")) > width:
            chunks.append(current + " ")
            current = word
        else:
            current = f"{current} {word}" if current or chunks else word
    chunks.append(current)
    return chunks


def _lit(text: str, indent: int, key: str = "") -> list[str]:
    """``key=text,`` (or ``text,``) as one literal, or as adjacent literals in parentheses, each
    line at most :data:`LINE` long."""
    pad = " " * indent
    whole = f"{pad}{key}{text!r},"
    if len(whole) <= LINE:
        return [whole]
    return [f"{pad}{key}(", *(f"{pad}    {c!r}" for c in _chunks(text, LINE - indent - 4)), f"{pad}),"]


def _q(const: str, name: str, cypher: str, ladybug=None, *, write=False, skip=None, counted=False, columns=None) -> str:
    lines = [f"{const} = Query(", f"    {name!r},", *_lit(cypher, 4)]
    if ladybug is not None:
        if isinstance(ladybug, dict):
            lines.append("    ladybug=Upsert(")
            for k, v in ladybug.items():
                if k == "columns":
                    lines.append("        columns=(")
                    lines += [f"            {c!r}," for c in v]
                    lines.append("        ),")
                else:
                    lines += _lit(v, 8, f"{k}=") if isinstance(v, str) else [f"        {k}={v!r},"]
            lines.append("    ),")
        elif isinstance(ladybug, tuple):
            lines.append("    ladybug=(")
            lines += [line for text in ladybug for line in _lit(text, 8)]
            lines.append("    ),")
        else:
            lines += _lit(ladybug, 4, "ladybug=")
    if write:
        lines.append("    write=True,")
    if skip:
        lines.append(f"    skip_if_empty={skip!r},")
    if counted:
        lines.append("    counted=True,")
    if columns:
        lines.append("    columns=(")
        lines += [f"        {c!r}," for c in columns]
        lines.append("    ),")
    lines.append(")")
    return "\n".join(lines)


def node_queries(label: NodeLabel) -> list[str]:
    props = node_props(label)
    written = written_props(label)
    s = _snake(label.value)
    L = label.value
    all_props = ", ".join(["n.uid AS uid", _returns("n", props)]) if props else "n.uid AS uid"
    out = [
        _q(
            _const("node_exists", s),
            f"node_exists_{s}",
            f"UNWIND $uids AS u MATCH (n:{L} {{uid: u}}) RETURN n.uid AS uid",
            skip="uids",
        ),
        _q(
            _const("node_upsert", s),
            f"node_upsert_{s}",
            f"UNWIND $rows AS r MERGE (n:{L} {{uid: r.uid}}) SET {_set('n', written)}",
            {
                "lookup": f"LOAD FROM $rows MATCH (n:{L} {{uid: uid}}) RETURN n.uid AS uid",
                "update": f"LOAD FROM $rows MATCH (n:{L} {{uid: uid}}) SET {_set_loaded('n', written)}"
                if written
                else None,
                "create": f"COPY {L} FROM $rows",
                "columns": (("uid", "STRING"), *((p.name, p.ladybug_type) for p in written)),
                "lookup_small": f"UNWIND $uids AS u MATCH (n:{L} {{uid: u}}) RETURN n.uid AS uid",
                "update_small": f"UNWIND $rows AS r MATCH (n:{L} {{uid: r.uid}}) SET {_set_cast('n', written)}"
                if written
                else None,
                "create_small": f"UNWIND $rows AS r CREATE (n:{L} "
                f"{{{_props_cast((Prop('uid', 'STRING'), *written))}}})",
            },
            write=True,
            skip="rows",
        ),
        _q(
            _const("node_delete", s),
            f"node_delete_{s}",
            f"UNWIND $uids AS u MATCH (n:{L} {{uid: u}}) DETACH DELETE n",
            write=True,
            skip="uids",
        ),
        _q(_const("node_count", s), f"node_count_{s}", f"MATCH (n:{L}) RETURN count(n) AS count"),
    ]
    if label not in SPECIAL_CATEGORY_LABELS:
        out += [
            _q(
                _const("node_get", s),
                f"node_get_{s}",
                f"UNWIND $uids AS u MATCH (n:{L} {{uid: u}}) RETURN {all_props}",
                skip="uids",
            ),
            _q(
                _const("node_page", s),
                f"node_page_{s}",
                f"MATCH (n:{L}) WHERE n.uid > $after RETURN {all_props} ORDER BY n.uid LIMIT $limit",
            ),
            _q(
                _const("node_scan", s),
                f"node_scan_{s}",
                f"MATCH (n:{L}) RETURN {all_props}",
                columns=(("uid", "STRING"), *((p.name, p.ladybug_type) for p in props)),
            ),
        ]
    return out


def rel_queries(rel_type: RelType) -> list[str]:
    spec = REL_SPECS[rel_type]
    props = rel_props(rel_type)
    T = rel_type.value
    out = []
    for src, tgt in spec.pairs:
        tag = f"{T.lower()}_{_snake(src.value)}_{_snake(tgt.value)}"
        a = f"(a:{src.value} {{uid: r.source}})"
        b = f"(b:{tgt.value} {{uid: r.target}})"
        set_neo = (" SET " + _set("x", props)) if props else ""
        returns = ", ".join(
            ["x.uid AS uid", "a.uid AS source", "b.uid AS target"] + ([_returns("x", props)] if props else [])
        )
        leaving = f"UNWIND $sources AS s MATCH (a:{src.value} {{uid: s}})-[x:{T}]->"
        leaving_each = f"MATCH (a:{src.value} {{uid: $source}})-[x:{T}]->"
        matched = (
            f"MATCH (a:{src.value} {{uid: r.source}})-[x:{T}]->(b:{tgt.value}) WHERE x.uid = r.uid AND b.uid = r.target"
        )
        upsert_lb = {
            "lookup": f"{leaving}(:{tgt.value}) RETURN x.uid AS uid",
            "update": f"UNWIND $rows AS r {matched} SET {_set_cast('x', props)}" if props else None,
            "create": f"COPY {T} FROM $rows (from='{src.value}', to='{tgt.value}')",
            "columns": (
                ("source", "STRING"),
                ("target", "STRING"),
                ("uid", "STRING"),
                *((p.name, p.ladybug_type) for p in props),
            ),
            "current": f"{leaving}(b:{tgt.value}) RETURN " + returns.replace("a.uid AS source, ", ""),
            "lookup_each": f"{leaving_each}(:{tgt.value}) RETURN x.uid AS uid",
            "update_each": (
                f"{leaving_each}(b:{tgt.value}) WHERE x.uid = $uid AND b.uid = $target SET "
                + ", ".join(f"x.{p.name} = CAST(${p.name} AS {p.ladybug_type})" for p in props)
            )
            if props
            else None,
            "current_each": f"{leaving_each}(b:{tgt.value}) RETURN " + returns.replace("a.uid AS source, ", ""),
            "create_small": (
                f"UNWIND $rows AS r MATCH (a:{src.value} {{uid: r.source}}) MATCH (b:{tgt.value} {{uid: r.target}}) "
                f"CREATE (a)-[x:{T} {{{_props_cast((Prop('uid', 'STRING'), *props))}}}]->(b) RETURN count(x) AS written"
            ),
        }
        out += [
            _q(
                _const("rel_upsert", tag),
                f"rel_upsert_{tag}",
                f"UNWIND $rows AS r MATCH {a} MATCH {b} MERGE (a)-[x:{T} {{uid: r.uid}}]->(b){set_neo} "
                "RETURN count(x) AS written",
                upsert_lb,
                write=True,
                skip="rows",
                counted=True,
            ),
            _q(
                _const("rel_delete", tag),
                f"rel_delete_{tag}",
                f"UNWIND $rows AS r MATCH {a}-[x:{T} {{uid: r.uid}}]->{b} DELETE x",
                write=True,
                skip="rows",
            ),
            _q(
                _const("rel_scan", tag),
                f"rel_scan_{tag}",
                f"MATCH (a:{src.value})-[x:{T}]->(b:{tgt.value}) RETURN {returns}",
                columns=(
                    ("uid", "STRING"),
                    ("source", "STRING"),
                    ("target", "STRING"),
                    *((p.name, p.ladybug_type) for p in props),
                ),
            ),
        ]
    return out


def _crud_file(title: str, queries: list[str]) -> str:
    uses = [name for name in ("Query", "Upsert") if any(f"{name}(" in q for q in queries)]
    parts = [
        f'"""Generated named queries of {title}: do not edit (see the package)."""',
        "",
        f"from carenet.storage.queries.registry import {', '.join(uses)}",
    ]
    parts += ["\n" + q for q in queries]
    return "\n".join(parts).rstrip() + "\n"


def crud_modules() -> dict[str, str]:
    """Module name -> text: the package ``__init__`` and a module per label and relationship type."""
    names = [_snake(label.value) for label in NodeLabel] + [rel_type.value.lower() for rel_type in RelType]
    files = {_snake(label.value): _crud_file(f"the {label.value} label", node_queries(label)) for label in NodeLabel}
    files |= {
        rel_type.value.lower(): _crud_file(f"the {rel_type.value} relationship", rel_queries(rel_type))
        for rel_type in RelType
    }
    files["__init__"] = "\n".join(
        [
            '"""Generated CRUD queries for every label and relationship, a module each: do not edit.',
            "",
            "Made by ``python -m carenet.storage.codegen`` from :mod:`carenet.domain`. Special-category",
            "labels get no read queries here: they are only ever counted (see ``queries.aggregates``).",
            '"""',
            "",
            "from carenet.storage.queries.crud import (",
            *(f"    {name}," for name in sorted(names)),
            ")",
            "",
            "MODULES = (",
            *(f"    {name}," for name in names),
            ")",
            '"""Every generated module, for the registry."""',
            "",
        ]
    )
    return files


def ladybug_schema() -> str:
    lines = ["// Generated from carenet.domain by `python -m carenet.storage.codegen`: do not edit.", ""]
    for label in NodeLabel:
        cols = ", ".join(["uid STRING PRIMARY KEY", *(f"{p.name} {p.ladybug_type}" for p in node_props(label))])
        lines.append(f"CREATE NODE TABLE IF NOT EXISTS {label.value}({cols});")
    for rel_type in RelType:
        spec = REL_SPECS[rel_type]
        pairs = ", ".join(f"FROM {a.value} TO {b.value}" for a, b in spec.pairs)
        cols = ", ".join(["uid STRING", *(f"{p.name} {p.ladybug_type}" for p in rel_props(rel_type))])
        lines.append(f"CREATE REL TABLE IF NOT EXISTS {rel_type.value}({pairs}, {cols});")
    return "\n".join(lines) + "\n"


def neo4j_schema() -> str:
    lines = ["// Generated from carenet.domain by `python -m carenet.storage.codegen`: do not edit.", ""]
    for label in NodeLabel:
        s = _snake(label.value)
        lines.append(f"CREATE CONSTRAINT {s}_uid_unique IF NOT EXISTS FOR (n:{label.value}) REQUIRE n.uid IS UNIQUE;")
    for label in NodeLabel:
        s = _snake(label.value)
        for p in node_props(label):
            if p.name in INDEXED:
                lines.append(f"CREATE INDEX {s}_{p.name} IF NOT EXISTS FOR (n:{label.value}) ON (n.{p.name});")
    for rel_type in RelType:
        lines.append(
            f"CREATE INDEX {rel_type.value.lower()}_uid IF NOT EXISTS FOR ()-[x:{rel_type.value}]-() ON (x.uid);"
        )
    return "\n".join(lines) + "\n"


def ladybug_name_keys() -> str:
    lines = [
        "// Generated by `python -m carenet.storage.codegen`: do not edit. The properties stored from a",
        "// node's name (carenet.domain.text); the migration then fills them in for stored nodes.",
        "",
    ]
    for label in NodeLabel:
        for p in name_key_props(label):
            lines.append(f"ALTER TABLE {label.value} ADD IF NOT EXISTS {p.name} {p.ladybug_type};")
    return "\n".join(lines) + "\n"


def neo4j_name_keys() -> str:
    lines = [
        "// Generated by `python -m carenet.storage.codegen`: do not edit. Indexes on the properties stored",
        "// from a node's name (carenet.domain.text); the migration then fills them in for stored nodes.",
        "",
    ]
    for label in NodeLabel:
        if name_key_props(label):
            s = _snake(label.value)
            lines.append(f"CREATE TEXT INDEX {s}_name_fold IF NOT EXISTS FOR (n:{label.value}) ON (n.name_fold);")
            lines.append(f"CREATE INDEX {s}_name_key IF NOT EXISTS FOR (n:{label.value}) ON (n.name_key);")
    return "\n".join(lines) + "\n"


def outputs() -> dict[Path, str]:
    return {
        **{CRUD_DIR / f"{name}.py": text for name, text in crud_modules().items()},
        SCHEMA_DIR / "ladybug" / "001_base.cypher": ladybug_schema(),
        SCHEMA_DIR / "neo4j" / "001_base.cypher": neo4j_schema(),
        SCHEMA_DIR / "ladybug" / "002_name_keys.cypher": ladybug_name_keys(),
        SCHEMA_DIR / "neo4j" / "002_name_keys.cypher": neo4j_name_keys(),
    }


def main() -> int:
    for path, text in outputs().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
