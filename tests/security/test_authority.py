"""Every write path x every kind x {own system, other system, moving between systems}, as a planner of s1.

The kinds come from the API's and the importer's own lists, and the write paths from the running
app (its routes that take writes, its mutations): a path or kind added without a case here fails
``test_every_write_path_and_kind_is_covered``. Only the own-system case is allowed (capabilities,
a shared vocabulary, never: admin only); every other case is refused with 403 / ``FORBIDDEN``, a
message naming the record, and nothing written.
"""

from __future__ import annotations

import re

import httpx
import pytest

from carenet.interchange import KINDS as IMPORT_KINDS
from carenet.services.mutations import NODE_KINDS, REL_KINDS

from .conftest import UPSERT, camel, node_input, planner_token, rel_input, system_graph

DELETE_NODES = "mutation($input: NodeIdsInput!) { deleteNodes(input: $input) { nodes { kind count } } }"
DELETE_RELS = (
    "mutation($input: RelationshipRefsInput!) { deleteRelationships(input: $input) { relationships { kind count } } }"
)

NODE_CASES = {"own": (1, 1), "other": (2, 2), "moving_in": (2, 1), "moving_out": (1, 2)}
"""(system of the record, system it is anchored in once written)."""
REL_CASES = {"own": (1, 1, 1), "other": (2, 2, 2), "crossing": (1, 2, 1), "foreign_wave": (1, 1, 2)}
"""(system of the source, of the target, of a survey tie's wave)."""
SURVEY = {"collaborates_with", "works_with", "collaborations", "person_ties"}
SHARED = {"capabilities"}
NOT_APPLICABLE = {
    ("systems", "moving_in"),
    ("systems", "moving_out"),
    ("has_capability", "crossing"),
    ("person_capabilities", "crossing"),
}
"""A system sits in itself; a capability is shared, so a HAS_CAPABILITY cannot cross systems."""


def _rel_cases(kind: str) -> list[str]:
    return [c for c in REL_CASES if (c != "foreign_wave" or kind in SURVEY) and (kind, c) not in NOT_APPLICABLE]


def _node_cases(kind: str) -> list[str]:
    return [c for c in NODE_CASES if (kind, c) not in NOT_APPLICABLE]


# --- import files of every import kind --------------------------------------------------------


def import_files(kind: str, case: str) -> list[tuple[str, str]]:
    if kind in ("memberships", "collaborations", "person_ties", "seats", "person_capabilities"):
        n, m, w = REL_CASES[case]
        s, t = f"s{n}", f"s{m}"
        return [
            {
                "memberships": ("memberships.csv", f"person,target,relationship\n{s}-person-b,{t}-team,member_of\n"),
                "collaborations": (
                    "collaborations.csv",
                    f"source,target,wave,kinds\n{s}-team,{t}-team-b,s{w}-wave,referral\n",
                ),
                "person_ties": (
                    "person_ties.csv",
                    f"source,target,wave,kinds\n{s}-person,{t}-person-b,s{w}-wave,advice\n",
                ),
                "seats": ("seats.csv", f"member,forum\n{s}-person,{t}-forum\n"),
                "person_capabilities": (
                    "person_capabilities.csv",
                    f"person,capability,level\n{s}-person,cap-compassion,3\n",
                ),
            }[kind]
        ]
    n, a = NODE_CASES[case]
    s, t = f"s{n}", f"s{a}"
    return {
        "systems": [("systems.csv", f"uid,name\n{s}-system,System {n}\n")],
        "places": [("places.csv", f"uid,name,system\n{s}-place,Place,{t}-system\n")],
        "neighbourhoods": [("neighbourhoods.csv", f"uid,name,place\n{s}-hood,Hood,{t}-place\n")],
        "organisations": [
            ("organisations.csv", f"uid,name,kind,sector,part_of\n{s}-org,Trust,nhs_trust,health,{t}-system\n")
        ],
        "teams": [("teams.csv", f"uid,name,sector,organisation\n{s}-team,Discharge,health,{t}-org\n")],
        "people": [
            ("people.csv", f"uid,name,level\n{s}-person,Pat,team\n"),
            ("memberships.csv", f"person,target\n{s}-person,{t}-team\n"),
        ],
        "waves": [("waves.csv", f"uid,name,collected_on,system\n{s}-wave,2025,2025-05-01,{t}-system\n")],
        "pathways": [
            ("pathways.csv", f"uid,name\n{s}-pathway,Discharge\n"),
            ("pathway_steps.csv", f"uid,name,pathway,position\n{t}-step,Assess,{s}-pathway,1\n"),
        ],
        "pathway_steps": [
            ("pathway_steps.csv", f"uid,name,pathway,position,delivered_by\n{s}-step,Assess,{s}-pathway,1,{t}-team\n")
        ],
        "forums": [("forums.csv", f"uid,name,kind,area\n{s}-forum,Board,icb_board,{t}-system\n")],
        "capabilities": [("capabilities.csv", "uid,name\ncap-compassion,Compassion\n")],
        "leadership_demand": [
            ("leadership_demand.csv", f"area,level,year,required,uid\n{t}-place,team,2027,4,{s}-demand\n")
        ],
        "baselines": [
            (
                "baselines.csv",
                f"area,kind,dimension,category,percent,uid\n{t}-place,workforce,sex,female,70,{s}-baseline\n",
            )
        ],
        "culture_pulse": [
            (
                "culture_pulse.csv",
                f"anchor,indicator,value,responses,year,uid\n{t}-org,raising_concerns,6.5,40,2025,{s}-culture\n",
            )
        ],
    }[kind]


IMPORT_RELS = {"memberships", "collaborations", "person_ties", "seats", "person_capabilities"}


def _cases() -> list[tuple[str, str, str]]:
    out = []
    for kind in NODE_KINDS:
        out += [("graphql.upsert", kind, c) for c in _node_cases(kind)]
        out += [("graphql.deleteNodes", kind, c) for c in ("own", "other")]
    for kind in REL_KINDS:
        out += [("graphql.upsert", kind, c) for c in _rel_cases(kind)]
        out += [("graphql.deleteRelationships", kind, c) for c in _rel_cases(kind) if c != "foreign_wave"]
    for kind in IMPORT_KINDS:
        cases = _rel_cases(kind) if kind in IMPORT_RELS else _node_cases(kind)
        out += [("files.import", kind, c) for c in cases]
    return out


CASES = _cases()


def _allowed(kind: str, case: str) -> bool:
    return case == "own" and kind not in SHARED


def _gql(server, token: str, query: str, variables: dict) -> dict:
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as c:
        r = c.post("/graphql", json={"query": query, "variables": variables})
    return r.json()


def _restore(server) -> None:
    body = server.gql(UPSERT, {"input": camel(system_graph(1))})
    assert "errors" not in body, body


def _attempt(server, token: str, path: str, kind: str, case: str) -> tuple[bool, str]:
    """(allowed, message) of one write as the planner; raises on anything but success or refusal."""
    if path == "files.import":
        files = [("files", (name, text.encode())) for name, text in import_files(kind, case)]
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as c:
            r = c.post("/files/import", files=files)
        assert r.status_code in (200, 403), r.text
        return r.status_code == 200, r.json().get("message", "")
    if path == "graphql.upsert":
        data = rel_input(kind, *REL_CASES[case]) if kind in REL_KINDS else node_input(kind, *NODE_CASES[case])
        body = _gql(server, token, UPSERT, {"input": camel(data)})
    elif path == "graphql.deleteNodes":
        n = NODE_CASES[case][0]
        uid = node_input(kind, n, n)[kind][0]["uid"]
        body = _gql(server, token, DELETE_NODES, {"input": {camel({kind: 0}).popitem()[0]: [uid]}})
    else:
        rel = rel_input(kind, *REL_CASES[case])[kind][0]
        if case == "crossing":  # an admin's tie across systems, for the planner to try to delete
            created = server.gql(UPSERT, {"input": camel(rel_input(kind, *REL_CASES[case]))})
            assert "errors" not in created, created
        ref = {k: rel[k] for k in ("source", "target", "wave") if k in rel}
        body = _gql(server, token, DELETE_RELS, {"input": camel({kind: [ref]})})
        if case == "crossing":
            assert "errors" not in server.gql(DELETE_RELS, {"input": camel({kind: [ref]})})
    if "errors" in body:
        error = body["errors"][0]
        assert error["extensions"]["code"] == "FORBIDDEN", body
        return False, error["message"]
    return True, ""


@pytest.mark.parametrize(("path", "kind", "case"), CASES, ids=["-".join(c) for c in CASES])
def test_a_planner_writes_only_records_that_sit_in_their_system_before_and_after(two_systems, path, kind, case):
    server = two_systems
    token = planner_token(server, "s1-system")
    server.recording.reset()
    allowed, message = _attempt(server, token, path, kind, case)
    writes = [c for c in server.recording.calls if c.kind.startswith("write")]
    if case == "crossing" and path == "graphql.deleteRelationships":
        writes = writes[1:-1]  # the admin's own set-up and clean-up
    if _allowed(kind, case):
        assert allowed, message
        if path.startswith("graphql.delete"):
            _restore(server)
        return
    assert not allowed, f"{path} let the s1 planner write {kind} ({case})"
    assert "s1-system" in message and ("s2-system" in message or "no system" in message), message
    assert not writes, writes


IMPORTS = [c for c in CASES if c[0] == "files.import"]


@pytest.mark.parametrize(("path", "kind", "case"), IMPORTS, ids=["-".join(c[1:]) for c in IMPORTS])
def test_an_upload_read_in_the_reading_process_is_judged_the_same(two_systems, path, kind, case):
    """A big upload is read in the server's reading process and its plain nodes come back as tables
    (:mod:`carenet.services.reading`): the same judgement, and a refusal still names each row."""
    server = two_systems
    token = planner_token(server, "s1-system")
    reader = server.services.reader
    saved, reader.apart_bytes = reader.apart_bytes, 0
    try:
        server.recording.reset()
        allowed, message = _attempt(server, token, path, kind, case)
    finally:
        reader.apart_bytes = saved
    writes = [c for c in server.recording.calls if c.kind.startswith("write")]
    if _allowed(kind, case):
        assert allowed, message
        return
    assert not allowed and not writes, f"the reading process let the s1 planner write {kind} ({case})"
    assert re.search(r"\.csv:\d+[ .]", message), message


def test_the_s2_baseline_stays_in_s2(two_systems):
    """The attack of issue 16: an s2 baseline upserted with an s1 area is refused, and stays where it was."""
    server = two_systems
    token = planner_token(server, "s1-system")
    body = _gql(server, token, UPSERT, {"input": camel(node_input("baselines", 2, 1))})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "s2-baseline" in body["errors"][0]["message"] and "as stored" in body["errors"][0]["message"]
    read = server.gql('{ nodeByUid(uid: "s2-baseline") { properties } }')
    assert read["data"]["nodeByUid"]["properties"]["area"] == "s2-place"


def test_staff_survey_results_of_another_systems_organisation_are_refused(two_systems):
    """An NHS Staff Survey file names organisations by ODS code: a planner of s1 may file results for
    s1's trust (RS1) and not for s2's (RS2), even though the file never names a uid."""
    server = two_systems
    for n in (1, 2):  # other cases import the organisations without their codes
        assert "errors" not in server.gql(UPSERT, {"input": camel(node_input("organisations", n, n))})
    token = planner_token(server, "s1-system")
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as c:
        own = c.post("/files/import", files=[("files", ("nss-2025.csv", b"Org code,Responses,PP4.2\nRS1,40,6.1\n"))])
        other = c.post("/files/import", files=[("files", ("nss-2025.csv", b"Org code,Responses,PP4.2\nRS2,40,6.1\n"))])
    assert own.status_code == 200, own.text
    assert other.status_code == 403 and "nss-2025-rs2-raising_concerns" in other.json()["message"], other.text
    read = server.gql('{ nodeByUid(uid: "nss-2025-rs2-raising_concerns") { uid } }')
    assert read["data"]["nodeByUid"] is None


def test_an_admin_and_the_cli_admin_key_write_anywhere(two_systems):
    server = two_systems
    files = [("files", (name, text.encode())) for name, text in import_files("teams", "other")]
    with httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {server.app.state.admin_key}"}, timeout=60
    ) as c:
        assert c.post("/files/import", files=files).status_code == 200
    assert "errors" not in server.gql(UPSERT, {"input": camel(node_input("baselines", 2, 2))})


ADMIN_ONLY = {"POST /admin/db/migrate", "POST /admin/generate", "POST /admin/db/backup", "mutation erasePerson"}
COVERED = {
    "POST /files/import": "files.import",
    "POST /graphql": "graphql",
    "mutation upsert": "graphql.upsert",
    "mutation deleteNodes": "graphql.deleteNodes",
    "mutation deleteRelationships": "graphql.deleteRelationships",
}


def test_every_write_path_and_kind_is_covered(two_systems):
    server = two_systems
    routes = {
        f"{method.upper()} {path}"
        for path, methods in server.app.openapi()["paths"].items()
        for method in methods
        if method.upper() not in ("GET", "HEAD", "OPTIONS")
    }
    routes.add("POST /graphql")
    body = server.gql("{ __schema { mutationType { fields { name } } } }")
    routes |= {f"mutation {f['name']}" for f in body["data"]["__schema"]["mutationType"]["fields"]}
    assert routes == set(COVERED) | ADMIN_ONLY, "a write path without a case in this test: " + str(
        routes ^ (set(COVERED) | ADMIN_ONLY)
    )
    assert {p for p, _, _ in CASES} == {v for v in COVERED.values() if v != "graphql"}
    assert {k for p, k, _ in CASES if p == "graphql.upsert"} == set(NODE_KINDS) | set(REL_KINDS)
    assert {k for p, k, _ in CASES if p == "files.import"} == set(IMPORT_KINDS)
    from carenet.domain.schema import NodeLabel

    written = {NodeLabel.DEMOGRAPHIC, NodeLabel.MIGRATION}  # with a person; by the schema migrations
    assert {NodeLabel(label) for label in NODE_KINDS.values()} | written == set(NodeLabel)


def test_admin_only_paths_refuse_a_planner(two_systems):
    server = two_systems
    token = planner_token(server, "s1-system")
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as c:
        for route in ("/admin/db/migrate", "/admin/generate", "/admin/db/backup"):
            assert c.post(route, json={"dir": "/tmp/never"}).status_code == 401
    body = _gql(server, token, 'mutation { erasePerson(uid: "s2-person") { uid } }', {})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
