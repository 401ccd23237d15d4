"""A real server over a small graph of two systems, s1 and s2, with one record of every kind in each.

Records are named ``s<N>-<kind>`` (``s1-team``, ``s2-baseline``...); :func:`node_input` and
:func:`rel_input` make the upsert input of a record of system N anchored in (or pointing to)
system M, the same for the graph built here and for the attacks the tests try.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api.conftest import Server, running

from carenet.api.auth import Role, demo_private_key, sign_token
from carenet.config import Mode

CAPABILITY = "cap-compassion"


def node_input(kind: str, n: int, a: int) -> dict[str, list[dict]]:
    """Upsert input (snake_case) of the ``kind`` record of system ``n``, anchored in system ``a``."""
    s, t = f"s{n}", f"s{a}"
    return {
        "systems": lambda: {"systems": [{"uid": f"{s}-system", "name": f"System {n}"}]},
        "places": lambda: {
            "places": [{"uid": f"{s}-place", "name": "Place"}],
            "part_of": [{"source": f"{s}-place", "target": f"{t}-system"}],
        },
        "neighbourhoods": lambda: {
            "neighbourhoods": [{"uid": f"{s}-hood", "name": "Hood"}],
            "part_of": [{"source": f"{s}-hood", "target": f"{t}-place"}],
        },
        "organisations": lambda: {
            "organisations": [
                {"uid": f"{s}-org", "name": "Trust", "kind": "nhs_trust", "sector": "health", "ods_code": f"RS{n}"}
            ],
            "part_of": [{"source": f"{s}-org", "target": f"{t}-system"}],
        },
        "teams": lambda: {
            "teams": [{"uid": f"{s}-team", "name": "Discharge", "sector": "health"}],
            "part_of": [{"source": f"{s}-team", "target": f"{t}-org"}],
        },
        "people": lambda: {
            "people": [{"uid": f"{s}-person", "name": "Pat", "level": "team"}],
            "member_of": [{"source": f"{s}-person", "target": f"{t}-team"}],
        },
        "forums": lambda: {
            "forums": [{"uid": f"{s}-forum", "name": "Board", "kind": "icb_board"}],
            "part_of": [{"source": f"{s}-forum", "target": f"{t}-system"}],
        },
        "care_pathways": lambda: {
            "care_pathways": [{"uid": f"{s}-pathway", "name": "Discharge"}],
            "has_step": [{"source": f"{s}-pathway", "target": f"{t}-step"}],
        },
        "pathway_steps": lambda: {
            "pathway_steps": [{"uid": f"{s}-step", "name": "Assess", "position": 1}],
            "delivers": [{"source": f"{t}-team", "target": f"{s}-step"}],
        },
        "capabilities": lambda: {"capabilities": [{"uid": CAPABILITY, "name": "Compassion"}]},
        "survey_waves": lambda: {
            "survey_waves": [{"uid": f"{s}-wave", "name": "2025", "collected_on": "2025-05-01"}],
            "part_of": [{"source": f"{s}-wave", "target": f"{t}-system"}],
        },
        "leadership_demands": lambda: {
            "leadership_demands": [
                {"uid": f"{s}-demand", "area": f"{t}-place", "level": "team", "year": 2027, "required": 4}
            ]
        },
        "baselines": lambda: {
            "baselines": [
                {
                    "uid": f"{s}-baseline",
                    "area": f"{t}-place",
                    "kind": "workforce",
                    "dimension": "sex",
                    "category": "female",
                    "percent": 70.0,
                }
            ]
        },
        "culture_indicators": lambda: {
            "culture_indicators": [
                {
                    "uid": f"{s}-culture",
                    "anchor": f"{t}-org",
                    "survey": "local_pulse",
                    "year": 2025,
                    "indicator": "raising_concerns",
                    "value": 6.5,
                    "scale": "score_0_10",
                    "responses": 40,
                }
            ]
        },
    }[kind]()


def rel_input(kind: str, n: int, m: int, w: int | None = None) -> dict[str, list[dict]]:
    """Upsert input of a ``kind`` relationship from a node of system ``n`` to one of ``m`` (survey
    ties filed under the wave of system ``w``, by default ``n``'s)."""
    s, t, wave = f"s{n}", f"s{m}", f"s{w or n}-wave"
    rel = {
        "part_of": lambda: {"source": f"{s}-team-b", "target": f"{t}-org"},
        "serves": lambda: {"source": f"{s}-team", "target": f"{t}-place"},
        "member_of": lambda: {"source": f"{s}-person-b", "target": f"{t}-team"},
        "leads": lambda: {"source": f"{s}-person", "target": f"{t}-team"},
        "sits_on": lambda: {"source": f"{s}-person", "target": f"{t}-forum"},
        "collaborates_with": lambda: {
            "source": f"{s}-team",
            "target": f"{t}-team-b",
            "kinds": ["referral"],
            "wave": wave,
        },
        "works_with": lambda: {"source": f"{s}-person", "target": f"{t}-person-b", "kinds": ["advice"], "wave": wave},
        "has_step": lambda: {"source": f"{s}-pathway", "target": f"{t}-step"},
        "next": lambda: {"source": f"{s}-step", "target": f"{t}-step-b"},
        "delivers": lambda: {"source": f"{s}-team", "target": f"{t}-step"},
        "has_capability": lambda: {"source": f"{s}-person", "target": CAPABILITY, "level": 3},
    }[kind]()
    return {kind: [rel]}


def system_graph(n: int) -> dict[str, list[dict]]:
    """Every record of system ``n``: one of every node kind, one of every relationship kind."""
    from carenet.services.mutations import NODE_KINDS, REL_KINDS

    out: dict[str, list[dict]] = {}
    s = f"s{n}"
    extra = {
        "teams": [{"uid": f"{s}-team-b", "name": "Housing", "sector": "housing"}],
        "people": [{"uid": f"{s}-person-b", "name": "Sam", "level": "team"}],
        "pathway_steps": [{"uid": f"{s}-step-b", "name": "Home", "position": 2}],
        "has_step": [{"source": f"{s}-pathway", "target": f"{s}-step-b"}],
        "delivers": [{"source": f"{s}-team-b", "target": f"{s}-step-b"}],
    }
    parts = [node_input(k, n, n) for k in NODE_KINDS] + [rel_input(k, n, n) for k in REL_KINDS] + [extra]
    for part in parts:
        for k, v in part.items():
            out.setdefault(k, []).extend(v)
    return out


def camel(data: dict) -> dict:
    from strawberry.utils.str_converters import to_camel_case

    if isinstance(data, dict):
        return {to_camel_case(k): camel(v) for k, v in data.items()}
    if isinstance(data, list):
        return [camel(x) for x in data]
    return data


UPSERT = "mutation($input: UpsertInput!) { upsert(input: $input) { nodes { kind count } } }"


def planner_token(server: Server, system: str) -> str:
    key = demo_private_key(server.settings.data_dir)
    return sign_token(
        key,
        subject=f"planner-{system}",
        role=Role.PLANNER,
        issuer=server.settings.jwt_issuer,
        audience=server.settings.jwt_audience,
        system=system,
    )


@pytest.fixture(scope="module")
def two_systems(tmp_path_factory) -> Iterator[Server]:
    with running(tmp_path_factory.mktemp("two-systems"), demo_data=False, mode=Mode.DEMO) as server:
        for n in (1, 2):
            body = server.gql(UPSERT, {"input": camel(system_graph(n))})
            assert "errors" not in body, body
        yield server
