"""The fast subgraph (rank and cut first, join only the nodes kept, ties filtered as Arrow) against the
plain one and against plain Python over the same rows, on generated graphs: some teams in two
organisations, some organisations in two places, ties in two waves, ties repeated between a pair."""

from __future__ import annotations

import dataclasses
import random

import pytest

from carenet.domain import models as m
from carenet.domain.enums import OrgKind, Sector, TieKind
from carenet.services import subgraph as sg
from carenet.storage.recording import RecordingStore
from carenet.storage.repository import ChangeSet, Repository

SECTORS = list(Sector)


def generated(seed: int, teams: int = 120, orgs: int = 12, ties: int = 500, twice: bool = True) -> ChangeSet:
    rng = random.Random(seed)
    cs = ChangeSet()
    cs.add_node(m.System(uid="sys-a", name="System A"))
    cs.add_node(m.System(uid="sys-b", name="System B"))
    for p in range(4):
        cs.add_node(m.Place(uid=f"pl{p}", name=f"Place {p}"))
        cs.add_relationship(
            m.PartOf(
                uid=f"pp{p}",
                source=f"pl{p}",
                target="sys-a" if p < 2 else "sys-b",
                source_label="Place",
                target_label="System",
            )
        )
    for o in range(orgs):
        cs.add_node(
            m.Organisation(uid=f"o{o}", name=f"Org {o}", kind=OrgKind.NHS_TRUST, sector=SECTORS[o % len(SECTORS)])
        )
        if o % 5 != 4:  # a few organisations in no place, one of them in a system directly
            cs.add_relationship(
                m.PartOf(
                    uid=f"op{o}", source=f"o{o}", target=f"pl{o % 4}", source_label="Organisation", target_label="Place"
                )
            )
        elif o % 2:
            cs.add_relationship(
                m.PartOf(
                    uid=f"os{o}", source=f"o{o}", target="sys-b", source_label="Organisation", target_label="System"
                )
            )
        if twice and o == 3:  # an organisation in two places
            cs.add_relationship(
                m.PartOf(uid=f"op{o}b", source=f"o{o}", target="pl2", source_label="Organisation", target_label="Place")
            )
    for w in ("w1", "w2"):
        cs.add_node(m.SurveyWave(uid=w, name=w, collected_on="2026-04-01"))
    for t in range(teams):
        cs.add_node(
            m.Team(
                uid=f"t{t:03d}",
                name=f"Team {t} {'ward' if t % 3 else 'home'}",
                sector=SECTORS[rng.randrange(len(SECTORS))],
            )
        )
        if t % 17:  # a few teams in no organisation, serving a place instead
            cs.add_relationship(
                m.PartOf(
                    uid=f"tp{t}",
                    source=f"t{t:03d}",
                    target=f"o{t % orgs}",
                    source_label="Team",
                    target_label="Organisation",
                )
            )
        else:
            cs.add_relationship(
                m.Serves(
                    uid=f"ts{t}", source=f"t{t:03d}", target=f"pl{t % 4}", source_label="Team", target_label="Place"
                )
            )
        if twice and t in (5, 40):  # a team in two organisations
            cs.add_relationship(
                m.PartOf(
                    uid=f"tp{t}b",
                    source=f"t{t:03d}",
                    target=f"o{(t + 1) % orgs}",
                    source_label="Team",
                    target_label="Organisation",
                )
            )
    kinds = list(TieKind)
    for i in range(ties):
        a, b = rng.randrange(teams), rng.randrange(teams)
        if rng.random() < 0.3:
            b = (a + rng.randint(1, 4)) % teams  # clusters, so ranks tie and repeat
        if a == b:
            continue
        cs.add_relationship(
            m.CollaboratesWith(
                uid=f"c{i}",
                source=f"t{a:03d}",
                target=f"t{b:03d}",
                source_label="Team",
                target_label="Team",
                kinds=rng.sample(kinds, rng.randint(1, 2)),
                wave=rng.choice(("w1", "w2")),
                trust=rng.choice((None, 1.0, 2.5, 4.0)),
                value=None,
                frequency=None,
            )
        )
    for i in range(60):
        a, b = rng.randrange(orgs), rng.randrange(orgs)
        if a == b:
            continue
        cs.add_relationship(
            m.CollaboratesWith(
                uid=f"oc{i}",
                source=f"o{a}",
                target=f"o{b}",
                source_label="Organisation",
                target_label="Organisation",
                kinds=[rng.choice(kinds)],
                wave=rng.choice(("w1", "w2")),
                trust=None,
                value=None,
                frequency=None,
            )
        )
    return cs


def as_dicts(g: sg.Subgraph) -> dict:
    return {
        "nodes": [dataclasses.asdict(n) for n in g.nodes],
        "edges": [dataclasses.asdict(e) for e in g.edges],
        "total": g.total_nodes,
        "truncated": g.truncated,
    }


FILTERS = [
    ({}, {}),
    ({}, {"limit": 7}),
    ({"sectors": ("health", "housing")}, {"limit": 15}),
    ({"search": "ward"}, {"limit": 30}),
    ({"wave": "w2"}, {}),
    ({"wave": "w1", "sectors": ("social_care",)}, {}),
    ({"search": "no such name"}, {}),
    ({}, {"centre": "t010", "depth": 2, "limit": 12}),
    ({"level": sg.Level.ORGANISATION}, {}),
    ({"level": sg.Level.ORGANISATION}, {"limit": 3}),
    ({"level": sg.Level.ORGANISATION, "wave": "w1", "search": "org 1"}, {}),
    ({"place": "pl1"}, {}),  # place and system filters take the plain way in both
    ({"system": "sys-b"}, {"limit": 9}),
]


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_fast_equals_plain_on_generated_graphs(repo, seed):
    await repo.load(generated(seed))
    for fields, kwargs in FILTERS:
        f = sg.SubgraphFilter(**fields)
        fast = await sg.subgraph(repo, filter=f, **kwargs)
        plain = await sg.subgraph(repo, filter=f, plain=True, **kwargs)
        assert as_dicts(fast) == as_dicts(plain), (fields, kwargs)


async def test_the_fast_way_matches_plain_python_over_the_rows(repo):
    """Unfiltered teams, a limit: the best connected by number of ties (either direction, repeats
    counted), then by uid; one edge per pair among them, weight the number of ties, degree the pairs."""
    changes = generated(7, twice=False)
    await repo.load(changes)
    ties = [r for r in changes.relationships if isinstance(r, m.CollaboratesWith) and r.source.startswith("t")]
    teams = sorted(n.uid for n in changes.nodes if isinstance(n, m.Team))
    rank = {t: 0 for t in teams}
    for r in ties:
        rank[r.source] += 1
        rank[r.target] += 1
    keep = sorted(teams, key=lambda t: (-rank[t], t))[:25]
    pairs: dict[tuple[str, str], int] = {}
    for r in ties:
        if r.source in keep and r.target in keep and r.source != r.target:
            key = tuple(sorted((r.source, r.target)))
            pairs[key] = pairs.get(key, 0) + 1
    recording = Repository(RecordingStore(repo.store))
    got = await sg.subgraph(recording, limit=25)
    # every team ranked in one grouped read, then the 25 kept joined (not the per-node count)
    sent = [name for call in recording.store.calls for name in call.names]
    assert "subgraph_team_degrees" in sent and "subgraph_team_kept" in sent and "subgraph_team_top_all" not in sent
    assert [n.id for n in got.nodes] == keep
    assert got.total_nodes == len(teams) and got.truncated
    assert {tuple(sorted((e.source, e.target))): e.weight for e in got.edges} == pairs
    degree = {t: sum(t in k for k in pairs) for t in keep}
    assert {n.id: n.degree for n in got.nodes} == degree


async def test_a_node_with_two_organisations_is_counted_once(repo):
    await repo.load(generated(4))
    for plain in (False, True):
        got = await sg.subgraph(repo, limit=500, plain=plain)
        assert got.total_nodes == 120 == len(got.nodes), plain
        # its first organisation by uid, every time (it was whichever row the store gave last)
        assert {n.id: n.organisation for n in got.nodes}["t005"] == "o5", plain
