"""Every named query, in the text the Neo4j store sends, passes Neo4j's own Cypher linter.

No Neo4j server runs on these machines; the linter (npm ``@neo4j-cypher/language-support``,
under Node) checks syntax and semantics against our schema: labels, relationship types,
property keys and parameters.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from carenet.domain.schema import NodeLabel, RelType
from carenet.storage.queries import REGISTRY, Dialect
from carenet.storage.schema_model import node_props, rel_props

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("lint_cypher.mjs")
ERROR = 1  # LSP DiagnosticSeverity.Error


def _schema() -> dict:
    keys = {"uid"}
    for label in NodeLabel:
        keys |= {p.name for p in node_props(label)}
    for rel_type in RelType:
        keys |= {p.name for p in rel_props(rel_type)}
    params = set()
    for query in REGISTRY.values():
        params |= set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", query.cypher))
    return {
        "labels": [label.value for label in NodeLabel],
        "relationshipTypes": [rel.value for rel in RelType],
        "propertyKeys": sorted(keys),
        "parameters": {name: "" for name in sorted(params)},
    }


def lint(queries: list[tuple[str, str]], *, workers: int = 1) -> list[dict]:
    """Lint in ``workers`` Node processes at once (the linter takes ~1 s per 10 kB of Cypher)."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: `make setup` needs Node.js and npm")
    if not (ROOT / "node_modules" / "@neo4j-cypher" / "language-support").exists():
        pytest.fail("node_modules is missing: run `make setup` (npm ci)")
    schema = _schema()
    ordered = sorted(queries, key=lambda q: -len(q[1]))
    shares = [ordered[i::workers] for i in range(workers)]
    procs = []
    for share in shares:
        payload = json.dumps({"schema": schema, "queries": [{"name": n, "text": t} for n, t in share]})
        proc = subprocess.Popen(
            [node, str(SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        procs.append((proc, payload))
    results = []
    for proc, payload in procs:
        stdout, stderr = proc.communicate(payload, timeout=1200)
        assert proc.returncode == 0, stderr
        results += json.loads(stdout)
    return results


def test_every_named_query_passes_the_neo4j_linter():
    queries = [(q.name, text) for q in REGISTRY.values() for text in q.statements(Dialect.NEO4J)]
    assert len(queries) > 150
    results = lint(queries, workers=max(1, min(4, os.cpu_count() or 1)))
    assert len(results) == len(queries)
    errors = {r["name"]: [d["message"] for d in r["diagnostics"] if d["severity"] == ERROR] for r in results}
    assert {name: msgs for name, msgs in errors.items() if msgs} == {}


def test_the_linter_catches_what_it_should():
    # a test that cannot fail is a defect: prove the linter reports real mistakes
    results = lint(
        [
            ("syntax", "MATCH (n:Team {uid: $uid} RETURN n.uid AS uid"),
            ("ladybug_only", "MATCH (n:Team) RETURN label(n) AS l"),
            ("unknown_param", "MATCH (n:Team {uid: $not_a_parameter_we_send}) RETURN n.uid AS uid"),
        ]
    )
    for result in results:
        assert any(d["severity"] == ERROR for d in result["diagnostics"]), result["name"]


_UNLABELLED_UID = re.compile(r"\(\s*\w*\s*\{\s*uid\s*:|\((\w+)\)[^()]*?\bWHERE\s+\1\.uid\s*(=|IN\b)")
"""A node matched by uid with no label: ``(a {uid: u})`` or ``MATCH (n) WHERE n.uid = ...``."""


def test_no_neo4j_text_matches_a_uid_without_a_label():
    """Neo4j finds a uid through a label's uid constraint index; ``MATCH (n {uid: $uid})`` with no
    label scans every node of the database (issue 20). LadybugDB overrides may differ."""
    assert _UNLABELLED_UID.search("UNWIND $uids AS u MATCH (a {uid: u})-[:PART_OF]->(b) RETURN b.uid AS uid")
    assert _UNLABELLED_UID.search("MATCH (n) WHERE n.uid = $uid RETURN n.uid AS uid")
    assert not _UNLABELLED_UID.search("MATCH (a:Team {uid: u})-[:PART_OF]->(b:Organisation) RETURN b.uid AS uid")
    offending = [
        q.name for q in REGISTRY.values() for text in q.statements(Dialect.NEO4J) if _UNLABELLED_UID.search(text)
    ]
    assert offending == []
