"""One filter vocabulary: None is "not set", and an empty string a user sends means the same."""

from __future__ import annotations

import dataclasses

import pytest
from test_subgraph_fast import as_dicts, generated

from carenet.domain import models as m
from carenet.errors import InvalidInput
from carenet.services import connections, exports, filters, graphs, overview
from carenet.services import subgraph as sg


def test_every_filter_shares_the_base_and_reads_empty_as_not_set():
    for cls in (graphs.Scope, exports.GraphFilter, sg.SubgraphFilter):
        assert issubclass(cls, filters.Filter)
        blank = cls(system="", place="", sectors=("",), wave="")
        assert blank == cls() and (blank.system, blank.place, blank.sectors, blank.wave) == (None, None, (), None)
    assert sg.SubgraphFilter(search="", levels=("",)) == sg.SubgraphFilter()
    assert connections.Cond("name", contains="", starts="") == connections.Cond("name")
    assert graphs.Scope(system="s1", sectors=["health"]).sectors == ("health",)


def test_a_sector_that_is_no_sector_is_a_problem_not_an_empty_answer():
    """A query string or the CLI can send any text as a sector; it matched nothing and the export
    came back empty, as if the sector had no teams. Every filter refuses it, naming each one."""
    for cls in (graphs.Scope, exports.GraphFilter, sg.SubgraphFilter):
        with pytest.raises(InvalidInput) as refused:
            cls(sectors=("health", "group", "HEALTH"))
        problems = refused.value.problems
        assert [(p.location, p.value) for p in problems] == [("sector", "group"), ("sector", "HEALTH")], problems
        assert all("one of health, social_care" in p.message for p in problems)
        assert cls(sectors=("health", "", "public_health")).sectors == ("health", "public_health")


def _no_version(G):
    return {k: v for k, v in G.graph.items() if k != "version"}


async def test_empty_strings_and_none_give_the_same_answers_on_a_store(repo):
    cs = generated(1)
    cs.add_relationship(
        m.PartOf(uid="w1-sys", source="w1", target="sys-a", source_label="SurveyWave", target_label="System")
    )
    await repo.load(cs)
    # analyses: before, system="" was taken for a system of its own and a named wave was refused
    for wave in (None, "w1"):
        plain = await graphs.resolve(repo, graphs.Scope(wave=wave))
        blank = await graphs.resolve(repo, graphs.Scope(system="", place="", wave=wave or ""))
        assert dataclasses.replace(blank, at=plain.at) == plain
    G, H = await graphs.recorded(repo, graphs.Scope()), await graphs.recorded(repo, graphs.Scope(system="", place=""))
    assert sorted(G.edges) == sorted(H.edges) and len(G) > 0 and _no_version(G) == _no_version(H)
    # drawings
    for fields in ({}, {"sectors": ("health",)}):
        none = await sg.subgraph(repo, filter=sg.SubgraphFilter(**fields))
        blank = await sg.subgraph(repo, filter=sg.SubgraphFilter(**fields, system="", place="", wave="", search=""))
        assert as_dicts(none) == as_dicts(blank) and none.nodes
    a = await overview.system_overview(repo)
    b = await overview.system_overview(repo, system="", place="", wave="")
    assert a == b and a.nodes
    # exports
    E = await exports.network(repo, where=exports.GraphFilter())
    F = await exports.network(repo, where=exports.GraphFilter(system="", place="", wave=""))
    assert sorted(E.edges) == sorted(F.edges) and E.graph == F.graph and len(E) > 0
    # root connections: an empty name condition adds no condition
    where = connections.Where(conds=[connections.Cond("name", contains="", starts="")])
    assert await connections.count(repo, label="Team", where=where) == await connections.count(repo, label="Team") > 0
