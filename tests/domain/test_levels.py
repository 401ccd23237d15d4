"""One ``Level``: the domain defines it once and every layer uses that definition."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from carenet.domain.enums import Level
from carenet.domain.schema import NodeLabel, RelType

SRC = Path(__file__).resolve().parents[2] / "src" / "carenet"


def test_each_level_names_a_node_label_and_a_tie_type():
    assert [lv.value for lv in Level] == ["team", "organisation", "person"]
    assert {lv: NodeLabel(lv.label) for lv in Level} == {
        Level.TEAM: NodeLabel.TEAM,
        Level.ORGANISATION: NodeLabel.ORGANISATION,
        Level.PERSON: NodeLabel.PERSON,
    }
    assert {lv: RelType(lv.tie) for lv in Level} == {
        Level.TEAM: RelType.COLLABORATES_WITH,
        Level.ORGANISATION: RelType.COLLABORATES_WITH,
        Level.PERSON: RelType.WORKS_WITH,
    }


def test_an_unknown_level_is_refused_with_the_choices():
    assert Level.of("person") is Level.PERSON
    with pytest.raises(ValueError, match="level must be one of team, organisation, person, all"):
        Level.of("people", extra=("all",))


def test_every_layer_uses_the_domain_level():
    from carenet.api import aggregates, cost, enums
    from carenet.services import exports, graphs, subgraph

    # the schema's enum is made from Level (its own class, to carry a description on each value)
    assert {m.name: m.value for m in enums.GraphLevel} == {lv.name: lv.value for lv in Level}
    assert subgraph.Level is Level
    assert graphs.Scope(level="organisation").level is Level.ORGANISATION
    assert graphs.Scope().level is Level.TEAM
    with pytest.raises(ValueError, match="level must be one of"):
        graphs.Scope(level="teams")
    assert {c.name: c.value for c in aggregates.CountOf} == {lv.name: lv.label for lv in Level}
    assert cost.LEVELS == {lv.value: (lv.label, lv.tie) for lv in Level}
    assert exports.LEVELS == (*Level, exports.ALL)


def test_no_module_spells_the_levels_by_hand():
    """A hand list of the three levels (a tuple, or an enum body) outside ``domain/enums.py``."""
    by_hand = re.compile(
        r"""["']team["'],\s*["']organisation["'],\s*["']person["']|ORGANISATION\s*=\s*["']organisation["']"""
    )
    found = [
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if p != SRC / "domain" / "enums.py" and by_hand.search(p.read_text(encoding="utf-8"))
    ]
    assert found == []
