"""The old spellings of vocabulary values in mutation variables (:mod:`carenet.api.spellings`),
against the schema's own SDL: every enum made from a domain vocabulary, every old spelling."""

from __future__ import annotations

import copy

import pytest
from graphql import GraphQLEnumType, build_schema, parse

from carenet.api import build_schema as build_carenet_schema
from carenet.api.enums import FOR_DOMAIN, OLD_SPELLINGS
from carenet.api.spellings import respell
from carenet.domain.schema import NodeLabel

UPSERT = "mutation Write($input: UpsertInput!) { upsert(input: $input) { graphVersion } }"


@pytest.fixture(scope="module")
def sdl():
    return build_schema(build_carenet_schema().as_str())


INTERNAL = {NodeLabel.MIGRATION}
"""Labels the API never takes or gives: the schema's migrations (a person's demographic record is
given, counted in a write's result, so DEMOGRAPHIC is a NodeLabel value that no input takes)."""


def test_every_vocabulary_has_one_enum_whose_names_and_old_spellings_match_the_domain(sdl):
    for domain, enum in FOR_DOMAIN.items():
        gql = sdl.get_type(enum.__name__)
        members = [m for m in domain if m not in INTERNAL]
        assert isinstance(gql, GraphQLEnumType), enum.__name__
        assert set(gql.values) == {m.name for m in members}, enum.__name__
        assert OLD_SPELLINGS[enum.__name__] == {m.value: m.name for m in members}
        assert all(v.description for v in gql.values.values()), enum.__name__


def test_old_spellings_are_respelled_at_every_depth_and_the_variables_given_are_not_changed(sdl):
    variables = {
        "input": {
            "teams": [{"uid": "t1", "name": "A", "sector": "health"}, {"uid": "t2", "name": "B", "sector": "HOUSING"}],
            "people": [{"uid": "p1", "name": "P", "level": "board", "ethnicCategory": "H", "sex": "not_stated"}],
            "collaboratesWith": [{"source": "t1", "target": "t2", "kinds": ["referral", "CO_LOCATION"], "wave": "w"}],
            "worksWith": [{"source": "p1", "target": "p2", "kinds": "advice", "wave": "w"}],  # one for a list
            "baselines": [{"uid": "b", "area": "x", "kind": "community", "dimension": "sex", "category": "male"}],
        }
    }
    given = copy.deepcopy(variables)
    out, notes = respell(sdl, parse(UPSERT), "Write", variables)
    assert variables == given  # never in place
    assert out["input"]["teams"][0]["sector"] == "HEALTH" and out["input"]["teams"][1]["sector"] == "HOUSING"
    person = out["input"]["people"][0]
    assert (person["level"], person["ethnicCategory"], person["sex"]) == ("BOARD", "ASIAN_INDIAN", "NOT_STATED")
    assert out["input"]["collaboratesWith"][0]["kinds"] == ["REFERRAL", "CO_LOCATION"]
    assert out["input"]["worksWith"][0]["kinds"] == "ADVICE"
    baseline = out["input"]["baselines"][0]
    assert (baseline["kind"], baseline["dimension"], baseline["category"]) == ("COMMUNITY", "SEX", "male")
    assert {n["path"]: n["use"] for n in notes} == {
        "input.teams.0.sector": "HEALTH",
        "input.people.0.level": "BOARD",
        "input.people.0.ethnicCategory": "ASIAN_INDIAN",
        "input.people.0.sex": "NOT_STATED",
        "input.collaboratesWith.0.kinds.0": "REFERRAL",
        "input.worksWith.0.kinds": "ADVICE",
        "input.baselines.0.kind": "COMMUNITY",
        "input.baselines.0.dimension": "SEX",
    }


@pytest.mark.parametrize(
    "value",
    [
        "nursing",  # no vocabulary's value: left for coercion to refuse
        "Health",  # spellings are exact
        "",
        5,
        None,
    ],
)
def test_anything_else_is_left_as_it_is(sdl, value):
    variables = {"input": {"teams": [{"uid": "t1", "name": "A", "sector": value}]}}
    out, notes = respell(sdl, parse(UPSERT), None, variables)
    assert out is variables and notes == []


def test_queries_and_shapes_coercion_refuses_are_left_alone(sdl):
    query = "query($s: [Sector!]) { teams(where: {sector: {in: $s}}) { totalCount } }"
    variables = {"s": ["health"]}
    assert respell(sdl, parse(query), None, variables) == (variables, [])  # a filter always took the enum
    for odd in ({"input": "teams"}, {"input": {"teams": "x"}}, {"input": {"teams": [["health"]]}}, {}, None):
        assert respell(sdl, parse(UPSERT), None, odd) == (odd, [])
    two = UPSERT + ' mutation Other { erasePerson(uid: "p") { uid } }'
    assert respell(sdl, parse(two), "Other", {"input": {"teams": [{"sector": "health"}]}})[1] == []
