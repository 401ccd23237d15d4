"""The GraphQL documents the map page sends (web/src), checked against the schema as served: each
is valid, and none selects a deprecated field (those go in the next release: the page would break).
No browser: the documents are read from the page's source, where they are plain template strings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import build_schema, parse, specified_rules, validate
from graphql.validation import NoDeprecatedCustomRule

from carenet.api import build_schema as build_carenet_schema

SOURCE = Path(__file__).resolve().parents[2] / "web" / "src"
EXPECTED = {
    "MapSubgraph",
    "MapAnalysis",
    "MapDeparture",
    "MapPathways",
    "MapCulture",
    "MapFind",
    "MapOverview",
    "MapNames",
}


def _documents() -> dict[str, str]:
    """Every document the page sends, by operation name. ``MapNames`` is built in code (one aliased
    ``nodeByUid`` per uid): it is rebuilt here for one uid from the selection the code uses."""
    found: dict[str, str] = {}
    for path in sorted(SOURCE.glob("*.js")):
        text = path.read_text()
        for match in re.finditer(r"`\s*(query\s+(\w+)[^`]*)`", text):
            document, name = match.group(1), match.group(2)
            if "${" not in document:
                found[name] = document
        for selection in re.findall(r"nodeByUid\(uid: \$u\$\{i\}\) \{([^}]*)\}", text):
            found["MapNames"] = f"query MapNames($u0: ID!) {{ n0: nodeByUid(uid: $u0) {{{selection}}} }}"
    return found


DOCUMENTS = _documents()


def test_every_document_the_page_sends_is_found():
    assert set(DOCUMENTS) == EXPECTED, set(DOCUMENTS) ^ EXPECTED


@pytest.fixture(scope="module")
def served():
    return build_schema(build_carenet_schema().as_str())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_document_is_valid_and_selects_nothing_deprecated(served, name):
    document = parse(DOCUMENTS[name])
    assert validate(served, document, specified_rules) == [], name
    deprecated = validate(served, document, [NoDeprecatedCustomRule])
    assert deprecated == [], [e.message for e in deprecated]


def test_the_check_sees_a_deprecated_field(served):
    """The rule is live: the same check refuses a document that selects a deprecated field."""
    document = parse("{ subgraph { nodes { uid kind sector } } }")
    messages = [e.message for e in validate(served, document, [NoDeprecatedCustomRule])]
    assert any("SubgraphNode.kind" in m for m in messages) and any("SubgraphNode.sector" in m for m in messages)
