"""The schema as a Relay or Apollo front-end takes it (issue 17, item 5).

Read through public interfaces only: the schema's SDL (``schema.as_str()``) built by graphql-core's
``build_schema``, and queries over real HTTP against the demo data.

- every type, field, argument, input field and enum value has a description;
- ``node(id:)`` returns the ``Node`` interface and resolves every ``Node`` type from its global id;
  every ``id`` field (deprecated ones aside) is a global id that ``node`` resolves to the same uid;
- every relation of a ``Node`` type is a connection (``first``/``after``, ``totalCount``,
  ``pageInfo``, ``edges { cursor node }``), never a plain list;
- one enum per vocabulary: sectors, organisation kinds and leadership levels are the same enums
  in outputs as in filters;
- a field the domain model requires is non-null in its input type, and leaving it out is a
  validation error that names it;
- every deprecation starts "Deprecated for one release" and the README lists each one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
    get_named_type,
)
from graphql import (
    build_schema as from_sdl,
)

from carenet.api import build_schema
from carenet.api.auth import Role
from carenet.api.mutations import NODE_INPUTS, REL_INPUTS
from carenet.domain.schema import NODE_MODELS, REL_SPECS
from carenet.services import mutations as mutation_service

ROOT = Path(__file__).resolve().parents[2]
BUILT_IN = {"String", "Int", "Float", "Boolean", "ID"}
NODE_TYPES = ("Team", "Organisation", "Person", "Place", "System")
DEPRECATED = "Deprecated for one release"


@pytest.fixture(scope="module")
def sdl():
    return from_sdl(build_schema(demo=True).as_str())


def _types(schema):
    return {name: t for name, t in schema.type_map.items() if not name.startswith("__") and name not in BUILT_IN}


def _object_fields(schema):
    for name, t in _types(schema).items():
        if isinstance(t, GraphQLObjectType | GraphQLInterfaceType):
            for field_name, field in t.fields.items():
                yield name, field_name, field


def test_every_type_field_argument_and_enum_value_has_a_description(sdl):
    missing = []
    for name, t in _types(sdl).items():
        if not (t.description or "").strip():
            missing.append(name)
        if isinstance(t, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            for field_name, field in t.fields.items():
                if not (field.description or "").strip():
                    missing.append(f"{name}.{field_name}")
                for arg_name, arg in getattr(field, "args", {}).items():
                    if not (arg.description or "").strip():
                        missing.append(f"{name}.{field_name}({arg_name})")
        if isinstance(t, GraphQLEnumType):
            missing += [f"{name}.{v}" for v, value in t.values.items() if not (value.description or "").strip()]
    assert not missing, f"{len(missing)} without a description: {missing}"
    assert len(_types(sdl)) > 80  # the walk saw the schema, not an empty one


def test_a_description_is_not_the_name_again(sdl):
    """A description that only repeats the field's name says nothing."""
    echoes = [
        f"{name}.{field_name}"
        for name, field_name, field in _object_fields(sdl)
        if re.sub(r"[^a-z]", "", (field.description or "").lower()) == field_name.lower()
    ]
    assert not echoes, echoes


def test_node_returns_the_node_interface_and_every_node_type_implements_it(sdl):
    node = sdl.query_type.fields["node"]
    assert isinstance(node.type, GraphQLInterfaceType) and node.type.name == "Node"  # nullable: null when not found
    assert str(node.args["id"].type) == "ID!"
    assert not any(isinstance(t, GraphQLUnionType) for t in _types(sdl).values())
    implementing = {t.name for t in sdl.get_possible_types(sdl.get_type("Node"))}
    assert implementing == set(NODE_TYPES)
    for name in NODE_TYPES:
        fields = sdl.get_type(name).fields
        assert str(fields["id"].type) == "ID!" and str(fields["uid"].type) == "ID!"


def test_every_id_field_is_an_id_and_raw_keys_are_uid(sdl):
    ids = {
        name: str(field.type)
        for name, field_name, field in _object_fields(sdl)
        if field_name == "id" and field.deprecation_reason is None
    }
    assert set(ids.values()) == {"ID!"}, ids
    # every type with a global id also says its raw key
    assert all("uid" in sdl.get_type(name).fields for name in ids), ids


def _global_ids(server) -> dict[str, list[tuple[str, str, str]]]:
    """Per type with an ``id`` field: (id, uid, expected Node type) from real answers."""
    q = """{
      teams(first: 2) { edges { node { id uid } } }
      organisations(first: 2) { edges { node { id uid } } }
      people(first: 2) { edges { node { id uid } } }
      places(first: 2) { edges { node { id uid } } }
      systems(first: 2) { edges { node { id uid } } }
      subgraph(limit: 3) { nodes { id uid kind } }
      leaders: subgraph(filter: {level: PERSON}, limit: 2) { nodes { id uid kind } }
      systemOverview { nodes { id uid } }
      analysis(filter: {level: ORGANISATION}) { brokers(limit: 2) { id uid } }
      teamBrokers: analysis { brokers(limit: 2) { id uid } }
      culture { organisations { id uid } places { id uid } }
    }"""
    body = server.gql(q, role=Role.ANALYST)
    assert "errors" not in body, body
    d = body["data"]
    out: dict[str, list[tuple[str, str, str]]] = {}
    for root, kind in (
        ("teams", "Team"),
        ("organisations", "Organisation"),
        ("people", "Person"),
        ("places", "Place"),
        ("systems", "System"),
    ):
        out[kind] = [(e["node"]["id"], e["node"]["uid"], kind) for e in d[root]["edges"]]
    out["SubgraphNode"] = [(n["id"], n["uid"], n["kind"]) for n in d["subgraph"]["nodes"] + d["leaders"]["nodes"]]
    out["OverviewNode"] = [(n["id"], n["uid"], "Organisation") for n in d["systemOverview"]["nodes"][:3]]
    out["BrokerView"] = [(b["id"], b["uid"], "Organisation") for b in d["analysis"]["brokers"]] + [
        (b["id"], b["uid"], "Team") for b in d["teamBrokers"]["brokers"]
    ]
    out["CultureOrganisation"] = [(o["id"], o["uid"], "Organisation") for o in d["culture"]["organisations"][:2]]
    out["CulturePlace"] = [(p["id"], p["uid"], "Place") for p in d["culture"]["places"][:2]]
    return out


def test_node_resolves_every_global_id_the_schema_hands_out(demo_server, sdl):
    with_id = {
        name
        for name, field_name, field in _object_fields(sdl)
        if field_name == "id" and field.deprecation_reason is None and name != "Node"
    }
    found = _global_ids(demo_server)
    assert set(found) == with_id, "a type with an id field this test does not check"
    kinds_seen = set()
    for type_name, rows in found.items():
        assert rows, f"the demo gave no {type_name}"
        for gid, uid, kind in rows:
            assert gid != uid  # a global id, not the raw key
            body = demo_server.gql(
                "query($id: ID!) { node(id: $id) { __typename id uid } }", {"id": gid}, role=Role.ANALYST
            )
            assert "errors" not in body, body
            assert body["data"]["node"] == {"__typename": kind, "id": gid, "uid": uid}, (type_name, gid)
            kinds_seen.add(kind)
    assert kinds_seen == set(NODE_TYPES)


def test_node_of_an_unknown_uid_is_null_and_a_bad_id_an_error(demo_server):
    body = demo_server.gql('{ node(id: "VGVhbTpuby1zdWNoLXRlYW0=") { id } }', role=Role.FRONTEND)  # Team:no-such-team
    assert body == {"data": {"node": None}}
    bad = demo_server.gql('{ node(id: "not a global id") { id } }', role=Role.FRONTEND)
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def _is_list_of_objects(t) -> bool:
    while isinstance(t, GraphQLNonNull):
        t = t.of_type
    return isinstance(t, GraphQLList) and isinstance(get_named_type(t), GraphQLObjectType)


def test_every_relation_of_a_node_type_is_a_connection(sdl):
    plain, connections = [], []
    for name in NODE_TYPES:
        for field_name, field in sdl.get_type(name).fields.items():
            if field.deprecation_reason is not None:
                continue
            if _is_list_of_objects(field.type):
                plain.append(f"{name}.{field_name}")
            target = get_named_type(field.type)
            if isinstance(target, GraphQLObjectType) and target.name.endswith("Connection"):
                connections.append((f"{name}.{field_name}", field, target))
    assert not plain, f"plain lists where a connection belongs: {plain}"
    assert {c[0] for c in connections} >= {
        "Team.ties",
        "Team.servedPlaces",
        "Organisation.teams",
        "Organisation.ties",
        "Organisation.servedPlaces",
        "Person.memberships",
    }
    for where, field, target in connections:
        assert {"first", "after"} <= set(field.args), where
        assert {"edges", "pageInfo", "totalCount"} <= set(target.fields), where
        edge = get_named_type(target.fields["edges"].type)
        assert {"cursor", "node"} <= set(edge.fields), where
        assert str(target.fields["pageInfo"].type) == "PageInfo!"


def test_relation_connections_page_with_their_cursors(demo_server):
    q = """query($after: String) { organisations(where: {uid: {eq: "s1-org-acute"}}) { edges { node {
      teams(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { uid } } }
      servedPlaces(first: 1) { totalCount edges { node { uid } } } } } } }"""
    seen = []
    after = None
    while True:
        body = demo_server.gql(q, {"after": after}, role=Role.FRONTEND)
        assert "errors" not in body, body
        org = body["data"]["organisations"]["edges"][0]["node"]
        teams = org["teams"]
        seen += [e["node"]["uid"] for e in teams["edges"]]
        if not teams["pageInfo"]["hasNextPage"]:
            break
        after = teams["pageInfo"]["endCursor"]
    assert len(seen) == teams["totalCount"] == len(set(seen)) > 2
    assert org["servedPlaces"]["totalCount"] >= 1 and len(org["servedPlaces"]["edges"]) == 1
    old = demo_server.gql(
        '{ organisations(where: {uid: {eq: "s1-org-acute"}}) { edges { node { '
        "teams(first: 500) { nodes { uid } } places { node { uid } } } } } }",
        role=Role.FRONTEND,
    )
    node = old["data"]["organisations"]["edges"][0]["node"]
    assert sorted(t["uid"] for t in node["teams"]["nodes"]) == sorted(seen)  # the deprecated alias still answers


CODES = {
    "sectorCode": "Sector",
    "largestSectorCode": "Sector",
    "kindCode": "OrgKind",
    "levelCode": "LeadershipLevel",
    "labelCode": "NodeLabel",
    "kindCodes": "TieKind",
    "personKindCodes": "PersonTieKind",
    "directionCode": "TieDirection",
    "trendCode": "TrendDirection",
    "typeCode": "RelationshipType",
    "frequencyCode": "Frequency",
    "staffGroupCode": "StaffGroup",
    "scaleCode": "CultureScale",
    "surveyCode": "CultureSurvey",
    "ethnicGroupCode": "EthnicGroup",
    "sexCode": "Sex",
    "workforceStatusCode": "RepresentationStatus",
    "communityStatusCode": "RepresentationStatus",
    "measureCode": "LeaderMeasure",
    "findingCode": "CultureFinding",
}
"""Each output field that gives a vocabulary as its enum, by name, and the enum: one name, one enum."""


def test_one_enum_per_vocabulary_in_filters_and_outputs(sdl, demo_server):
    filters = {"SectorFilter": "Sector", "OrgKindFilter": "OrgKind", "LevelFilter": "LeadershipLevel"}
    for name, enum in filters.items():
        assert get_named_type(sdl.get_type(name).fields["eq"].type).name == enum
    wrong = []
    seen = set()
    for name, field_name, field in _object_fields(sdl):
        if field.deprecation_reason is not None:
            continue
        t = get_named_type(field.type)
        if re.search(r"[sS]ector", field_name) and not field_name.endswith("Share") and t.name != "Sector":
            wrong.append(f"{name}.{field_name}: {t.name}")
        if field_name.endswith(("Code", "Codes")) and field_name not in ("odsCode", "gssCode"):  # identifiers
            seen.add(field_name)
            if CODES.get(field_name) != t.name:  # a new one: say which enum it gives here
                wrong.append(f"{name}.{field_name}: {t.name}")
    assert not wrong, wrong
    assert seen == set(CODES), seen ^ set(CODES)
    # the same enum wherever a mutation's input takes that vocabulary
    for name, t in _types(sdl).items():
        if isinstance(t, GraphQLInputObjectType) and name.endswith("Input"):
            for field_name, field in t.fields.items():
                code = CODES.get(field_name + "Code") or CODES.get(field_name + "Codes")
                if (name, field_name) == ("HasCapabilityInput", "level"):
                    continue  # proficiency, 1-4: a number, not the leadership level
                if field_name in ("sector", "level", "frequency", "staffGroup", "scale", "survey"):
                    assert get_named_type(field.type).name == code, f"{name}.{field_name}"
    # what a filter takes is what the output gives
    body = demo_server.gql(
        """{ teams(first: 1, where: {sector: {eq: SOCIAL_CARE}}) { edges { node { sector sectorCode } } }
      organisations(first: 1, where: {kind: {eq: LOCAL_AUTHORITY}}) { edges { node { kindCode sectorCode } } }
      people(first: 1, where: {level: {eq: BOARD}}) { edges { node { level levelCode } } } }""",
        role=Role.ANALYST,
    )
    assert "errors" not in body, body
    d = body["data"]
    assert d["teams"]["edges"][0]["node"] == {"sector": "social_care", "sectorCode": "SOCIAL_CARE"}
    assert d["organisations"]["edges"][0]["node"]["kindCode"] == "LOCAL_AUTHORITY"
    assert d["people"]["edges"][0]["node"] == {"level": "board", "levelCode": "BOARD"}


def test_required_input_fields_are_non_null(sdl):
    inputs = {
        **{k: (NODE_INPUTS[k], NODE_MODELS[v]) for k, v in mutation_service.NODE_KINDS.items()},
        **{k: (REL_INPUTS[k], REL_SPECS[v].model) for k, v in mutation_service.REL_KINDS.items()},
    }
    checked = 0
    for input_type, model in inputs.values():
        gql = sdl.get_type(input_type.__name__)
        for name, field in model.model_fields.items():
            camel = re.sub(r"_([a-z])", lambda m: m.group(1).upper(), name)
            if camel not in gql.fields:
                continue  # the stored metrics: not written through the API
            non_null = isinstance(gql.fields[camel].type, GraphQLNonNull)
            assert non_null == field.is_required(), f"{gql.name}.{camel}"
            checked += non_null
    assert checked > 40


def test_a_missing_required_field_is_refused_with_its_name_and_nothing_is_written(fresh_server):
    store = fresh_server.recording
    store.reset()
    q = "mutation($input: UpsertInput!) { upsert(input: $input) { graphVersion } }"
    body = fresh_server.gql(q, {"input": {"teams": [{"uid": "s1-team-x", "sector": "health"}]}})
    [error] = body["errors"]
    assert ".teams[0]" in error["message"] and "'TeamInput'" in error["message"], error  # the path, the type
    assert "required field 'name'" in error["message"], error
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    inline = fresh_server.gql(
        'mutation { upsert(input: {teams: [{uid: "s1-team-x", sector: "health"}]}) { graphVersion } }'
    )
    assert "'TeamInput' to include required field 'name'" in inline["errors"][0]["message"], inline
    assert inline["errors"][0]["locations"]
    assert not any(c.kind.startswith("write") for c in store.calls)


def test_every_deprecation_is_for_one_release_and_listed_in_the_readme(sdl):
    readme = (ROOT / "README.md").read_text()
    section = readme.split("### Deprecated for one release", 1)[1].split("\n#", 1)[0]
    listed = set(re.findall(r"`([A-Z][A-Za-z]+\.[a-z][A-Za-z]+)`", section))
    deprecated = set()
    for name, t in _types(sdl).items():
        if isinstance(t, GraphQLObjectType | GraphQLInterfaceType):
            for field_name, field in t.fields.items():
                if field.deprecation_reason is not None:
                    assert field.deprecation_reason.startswith(DEPRECATED), f"{name}.{field_name}"
                    deprecated.add(f"{name}.{field_name}")
    assert deprecated and listed == deprecated, listed ^ deprecated


def test_no_scalar_of_the_schema_goes_undescribed(sdl):
    """Custom scalars (Date, DateTime, JSON) count too."""
    scalars = [t for t in _types(sdl).values() if isinstance(t, GraphQLScalarType)]
    assert {t.name for t in scalars} >= {"Date", "DateTime", "JSON"}
    assert all(t.description for t in scalars)
