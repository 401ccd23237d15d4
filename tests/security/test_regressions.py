"""The attacks that held in the issue, replayed as regressions through real HTTP: forged, expired,
misaddressed, tampered and revoked credentials (401, nothing runs); field and role rules around
special-category data; and Cypher-injection payloads through names, filters and uids, which are
stored and matched as plain text and change nothing else (compared with plain Python)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from carenet.api.auth import Role, create_api_key, demo_private_key, revoke_api_key, sign_token
from carenet.web.security import api_keys_path
from security.conftest import UPSERT, camel

WRITE = (
    'mutation { upsert(input: {teams: [{uid: "s1-forged", name: "Forged", sector: "health"}], '
    'partOf: [{source: "s1-forged", target: "s1-org"}]}) { graphVersion } }'
)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def claims(server, **changes) -> dict:
    now = int(dt.datetime.now(dt.UTC).timestamp())
    out = {
        "sub": "mallory",
        "role": "admin",
        "iss": server.settings.jwt_issuer,
        "aud": server.settings.jwt_audience,
        "iat": now,
        "exp": now + 600,
    }
    out.update(changes)
    return {k: v for k, v in out.items() if v is not None}


def unsigned(header: dict, payload: dict, signature: bytes = b"") -> str:
    head = b64(json.dumps(header).encode()) + "." + b64(json.dumps(payload).encode())
    return head + "." + b64(signature)


def forged_tokens(server) -> dict[str, str]:
    key = demo_private_key(server.settings.data_dir)
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    signing_input = (
        b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()) + "." + b64(json.dumps(claims(server)).encode())
    )
    hs256 = signing_input + "." + b64(hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest())
    valid = sign_token(
        key,
        subject="frank",
        role=Role.FRONTEND,
        issuer=server.settings.jwt_issuer,
        audience=server.settings.jwt_audience,
    )
    head, payload, signature = valid.split(".")
    body = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    tampered = ".".join([head, b64(json.dumps({**body, "role": "admin"}).encode()), signature])
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def signed(private=key, **changes) -> str:
        import jwt

        return jwt.encode(claims(server, **changes), private, algorithm="RS256")

    return {
        "alg none": unsigned({"alg": "none", "typ": "JWT"}, claims(server)),
        "alg None": unsigned({"alg": "None"}, claims(server)),
        "HS256 keyed with the public key": hs256,
        "expired": signed(exp=int(dt.datetime.now(dt.UTC).timestamp()) - 120),
        "wrong issuer": signed(iss="https://evil.example"),
        "wrong audience": signed(aud="someone-else"),
        "no expiry": signed(exp=None),
        "no subject": signed(sub=None),
        "tampered role": tampered,
        "another key": signed(private=other_key),
        "empty signature": ".".join([head, payload, ""]),
        "not a token": "not.a.token",
        "unknown api key": "cnk_000000000000_" + "A" * 43,
    }


@pytest.fixture(scope="module")
def forged(two_systems) -> dict[str, str]:
    return forged_tokens(two_systems)


def teams(server) -> int:
    return server.gql("{ teams { totalCount } }")["data"]["teams"]["totalCount"]


ATTACKS = [
    "alg none",
    "alg None",
    "HS256 keyed with the public key",
    "expired",
    "wrong issuer",
    "wrong audience",
    "no expiry",
    "no subject",
    "tampered role",
    "another key",
    "empty signature",
    "not a token",
    "unknown api key",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_forged_credentials_get_401_and_run_nothing(two_systems, forged, attack) -> None:
    server, credential = two_systems, forged[attack]
    before = teams(server)
    server.recording.reset()
    with httpx.Client(base_url=server.url, timeout=60, headers={"Authorization": f"Bearer {credential}"}) as c:
        r = c.post("/graphql", json={"query": WRITE}, headers={"Accept": "application/graphql-response+json"})
        assert r.status_code == 401, (attack, r.text)
        assert r.headers["WWW-Authenticate"].startswith("Bearer")
        assert r.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        for method, path in (("GET", "/export/metrics"), ("GET", "/export/graph"), ("POST", "/files/import")):
            assert c.request(method, path).status_code == 401, (attack, path)
    assert server.recording.round_trips == 0
    assert teams(server) == before


def test_a_revoked_api_key_stops_working_at_once(two_systems) -> None:
    server = two_systems
    path = api_keys_path(server.settings)
    key = create_api_key(path, subject="service", role=Role.ADMIN)
    query = {"query": "{ teams { totalCount } }"}
    with httpx.Client(base_url=server.url, timeout=60) as c:
        assert c.post("/graphql", json=query, headers={"Authorization": f"ApiKey {key}"}).status_code == 200
        key_id = key.split("_")[1]
        guessed = f"cnk_{key_id}_{'B' * 43}"  # the id is printed; the secret is not
        assert c.post("/graphql", json=query, headers={"Authorization": f"ApiKey {guessed}"}).status_code == 401
        assert revoke_api_key(path, key_id)
        r = c.post("/graphql", json={"query": WRITE}, headers={"Authorization": f"ApiKey {key}"})
        assert r.status_code == 401
        assert c.get("/export/metrics", headers={"Authorization": f"ApiKey {key}"}).status_code == 401
    assert server.gql('{ nodeByUid(uid: "s1-forged") { uid } }')["data"]["nodeByUid"] is None


# --- field and role rules around special-category data ---------------------------------------

SECRET_PERSON = {
    "people": [{"uid": "s1-person-secret", "name": "Secret", "level": "team", "ethnicCategory": "A", "sex": "female"}],
    "memberOf": [{"source": "s1-person-secret", "target": "s1-team"}],
}


def test_no_role_reads_a_persons_ethnicity_or_sex(two_systems) -> None:
    server = two_systems
    assert "errors" not in server.gql(UPSERT, {"input": SECRET_PERSON})
    global_id = base64.urlsafe_b64encode(b"Person:s1-person-secret").decode()
    demographic_id = base64.urlsafe_b64encode(b"Demographic:s1-person-secret").decode()
    reads = [
        '{ nodeByUid(uid: "s1-person-secret") { label properties } }',
        f'{{ node(id: "{global_id}") {{ ... on Person {{ uid name band staffGroup }} }} }}',
        f'{{ node(id: "{demographic_id}") {{ __typename }} }}',
        '{ people(where: {uid: {eq: "s1-person-secret"}}) { edges { node { uid name role level } } } }',
    ]
    for role in (Role.FRONTEND, Role.ANALYST, Role.PLANNER, Role.ADMIN):
        for query in reads:
            text = json.dumps(server.gql(query, role=role)).lower()
            assert "ethnic" not in text and "female" not in text and "demographic" not in text, (
                role,
                query,
                text[:300],
            )
        for characteristic in ("ETHNIC_GROUP", "SEX"):  # the one person with a record is a group of one
            rows = server.gql(
                f"{{ leaderDemographics(characteristic: {characteristic}) {{ total totalShown "
                "categories { category ethnicGroupCode sexCode count shown percent } } }",
                role=role,
            )
            assert "errors" not in rows, rows
            for row in rows["data"]["leaderDemographics"]:
                assert row["total"] is None and row["totalShown"] in ("*", "0"), row
                assert all(c["count"] is None or c["count"] == 0 for c in row["categories"]), row
                # each row names the categories themselves, never whose they are: the enum beside the string
                code = "ethnicGroupCode" if characteristic == "ETHNIC_GROUP" else "sexCode"
                assert all(c[code] == c["category"].upper().replace(" ", "_") for c in row["categories"]), row
    for field in ("ethnicCategory", "sex", "ethnicity"):
        body = server.gql(f"{{ people {{ edges {{ node {{ {field} }} }} }} }}")
        assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    # exportPerson is the admin's alone
    for role in (Role.FRONTEND, Role.ANALYST, Role.PLANNER):
        denied = server.gql('{ exportPerson(uid: "s1-person-secret") }', role=role)
        assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"


# --- Cypher injection: text is data --------------------------------------------------------------

PAYLOADS = [
    "x' }) MATCH (n) DETACH DELETE n //",
    'x" }) MATCH (n) DETACH DELETE n //',
    "x`) DETACH DELETE n //",
    "') RETURN 1 UNION MATCH (n) SET n.name = 'pwned' //",
    "$name} WITH 1 AS x MATCH (n) DELETE n //",
    "\\' OR 1=1 --",
    "'; CALL db.clearQueryCaches(); //",
    "{uid: 'x'}",
    "\u0000\u202e' OR '1'='1",
    "n.name CONTAINS '' OR true",
]


def all_names(server) -> dict[str, str]:
    out = {}
    after = None
    while True:
        page = server.gql(
            "query($a: String) { teams(first: 200, after: $a) { pageInfo { hasNextPage endCursor } "
            "edges { node { uid name } } } }",
            {"a": after},
        )["data"]["teams"]
        out |= {e["node"]["uid"]: e["node"]["name"] for e in page["edges"]}
        if not page["pageInfo"]["hasNextPage"]:
            return out
        after = page["pageInfo"]["endCursor"]


def counts(server) -> dict:
    return server.gql(
        "{ counts(of: TEAM, groupBy: [SECTOR]) { total } p: people { totalCount } o: organisations { totalCount } }"
    )["data"]


def test_cypher_payloads_in_names_filters_and_uids_change_nothing(two_systems) -> None:
    server = two_systems
    teams_in = [
        {"uid": f"s1-inject-{i}", "name": p.replace("\u0000", ""), "sector": "health"} for i, p in enumerate(PAYLOADS)
    ]
    body = server.gql(
        UPSERT,
        {"input": camel({"teams": teams_in, "part_of": [{"source": t["uid"], "target": "s1-org"} for t in teams_in]})},
    )
    assert "errors" not in body, body
    before, names = counts(server), all_names(server)
    for t in teams_in:  # stored exactly as sent
        assert names[t["uid"]] == t["name"]
    for payload in PAYLOADS + ["", "%", "_", ".*", "(?i)", "\\"]:
        for op in ("contains", "startsWith"):
            got = server.gql(
                "query($w: TeamWhere) { teams(first: 500, where: $w) { totalCount edges { node { uid } } } }",
                {"w": {"name": {op: payload}}},
            )
            if payload == "":  # an empty filter value is refused or matches everything, never nothing silently
                assert "errors" in got or got["data"]["teams"]["totalCount"] == len(names), got
                continue
            assert "errors" not in got, (payload, got)
            match = (
                (lambda n, p=payload: p.lower() in n.lower())
                if op == "contains"
                else (lambda n, p=payload: n.lower().startswith(p.lower()))
            )
            expected = {u for u, n in names.items() if match(n)}
            strict = {u for u, n in names.items() if (payload in n if op == "contains" else n.startswith(payload))}
            found = {e["node"]["uid"] for e in got["data"]["teams"]["edges"]}
            assert found in (expected, strict), (payload, op, found ^ expected)
        for query, variables in (
            ("query($u: ID!) { nodeByUid(uid: $u) { uid } }", {"u": payload}),
            ("query($u: ID!) { teams(where: {uid: {eq: $u}}) { totalCount } }", {"u": payload}),
            ("query($u: [ID!]) { teams(where: {uid: {in: $u}}) { totalCount } }", {"u": [payload, "s1-team"]}),
            ("query($u: ID!) { subgraph(centre: $u, limit: 5) { totalNodes } }", {"u": payload}),
            ("mutation($u: ID!) { deleteNodes(input: {teams: [$u]}) { graphVersion } }", {"u": payload}),
            (
                "mutation($i: UpsertInput!) { upsert(input: $i) { graphVersion } }",
                {"i": {"teams": [{"uid": payload, "name": "x", "sector": "health"}]}},
            ),
        ):
            got = server.gql(query, variables)
            text = json.dumps(got)
            assert "INTERNAL_SERVER_ERROR" not in text, (payload, query, text)
    assert counts(server) == before
    assert all_names(server) == names
