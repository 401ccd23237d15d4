"""Collaboration ties, leaders' ties and care pathways of the demo system, with the planted gaps.

See :mod:`carenet.services.demo.generator` for the list of planted defects.
"""

from __future__ import annotations

import itertools
import random

from carenet.domain import models as m
from carenet.domain.enums import Frequency, PersonTieKind, Sector, TieKind
from carenet.services.demo.build import SystemBuild, TeamInfo

_KINDS = list(TieKind)
_FREQ = [Frequency.DAILY, Frequency.WEEKLY, Frequency.WEEKLY, Frequency.MONTHLY, Frequency.MONTHLY, Frequency.QUARTERLY]

PATHWAYS = {
    "discharge": (
        "Hospital discharge",
        ["ward", "discharge", "asc_hospital", "reablement", "gp", "home_from_hospital"],
    ),
    "frailty": ("Frailty", ["gp", "pcn_frailty", "frailty_team", "frailty_unit", "care_home_support"]),
    "camhs": ("Children's mental health", ["school_pastoral", "gp", "camhs_spa", "early_help", "camhs_team", "vcse"]),
}
BROKEN_HANDOFF = ("camhs", "camhs_spa", "early_help")
_STEP_NAMES = {
    "ward": "Acute medical ward",
    "discharge": "Acute discharge team",
    "asc_hospital": "Hospital social work assessment",
    "reablement": "Reablement",
    "gp": "General practice",
    "home_from_hospital": "Home from hospital support",
    "pcn_frailty": "PCN frailty MDT",
    "frailty_team": "Community frailty team",
    "frailty_unit": "Acute frailty unit",
    "care_home_support": "Care home support",
    "school_pastoral": "School pastoral care",
    "camhs_spa": "CAMHS single point of access",
    "early_help": "Early help (children's social care)",
    "camhs_team": "CAMHS community team",
    "vcse": "Community support (VCSE)",
}


def _forbidden(b: SystemBuild, a: TeamInfo, c: TeamInfo) -> bool:
    """The planted silo and broken hand-off: pairs that must never be tied."""
    silo_place = b.uid("place", 3)
    for x, y in ((a, c), (c, a)):
        if x.place == silo_place and "housing" in x.tags and y.sector is Sector.HEALTH:
            return True
        if "camhs_spa" in x.tags and "early_help" in y.tags:
            return True
    return False


def _tie(b: SystemBuild, a: TeamInfo, c: TeamInfo, wave: str, *, trust: float | None = None) -> None:
    rng = b.rng
    kinds = sorted(set(rng.sample(_KINDS, rng.choice([1, 1, 2, 2, 3]))), key=_KINDS.index)
    b.rel(
        m.CollaboratesWith(
            source=a.uid,
            target=c.uid,
            kinds=kinds,
            frequency=rng.choice(_FREQ),
            trust=trust if trust is not None else float(rng.choice([2, 3, 3, 3, 4, 4])),
            value=float(rng.choice([2, 3, 3, 4, 4])),
            wave=wave,
        )
    )


def _pathway_teams(b: SystemBuild, tag: str) -> list[TeamInfo]:
    local = b.tagged(tag, b.places[0])
    return (local or b.tagged(tag))[:2]


def add_team_ties(b: SystemBuild, waves: list[str]) -> None:
    rng = b.rng
    by_org: dict[str, list[TeamInfo]] = {}
    by_place: dict[str | None, list[TeamInfo]] = {}
    for t in b.teams:
        by_org.setdefault(t.org, []).append(t)
        by_place.setdefault(t.place, []).append(t)
    base: dict[tuple[str, str], tuple[TeamInfo, TeamInfo]] = {}

    def propose(a: TeamInfo, c: TeamInfo) -> None:
        if a.uid != c.uid and not _forbidden(b, a, c):
            base.setdefault((a.uid, c.uid), (a, c))

    for t in b.teams:
        for c in rng.sample(by_org[t.org], min(len(by_org[t.org]), 3)):
            propose(t, c)
        local = by_place[t.place]
        for _ in range(3):
            c = rng.choice(local)
            if c.org != t.org and (c.sector == t.sector or rng.random() < 0.6):
                propose(t, c)
    # The relied-on VCSE: many organisations' teams send to it.
    hfh = b.tagged("home_from_hospital")
    for t in rng.sample(b.teams, min(40, len(b.teams))):
        propose(t, rng.choice(hfh))
    # Every pathway hand-off but the planted one has a working tie.
    handoffs = []
    for key, (_, steps) in PATHWAYS.items():
        for x, y in zip(steps, steps[1:]):
            if (key, x, y) != BROKEN_HANDOFF:
                handoffs.append((_pathway_teams(b, x)[0], _pathway_teams(b, y)[0]))
    for a, c in handoffs:
        propose(a, c)
    keys = sorted(base)
    first, second = waves
    for key in keys:
        a, c = base[key]
        _tie(b, a, c, first)
    kept = [k for k in keys if rng.random() > 0.1 or base[k] in handoffs]
    for key in kept:
        a, c = base[key]
        _tie(b, a, c, second, trust=float(rng.choice([2, 3, 3, 4, 4])))
    for t in rng.sample(b.teams, len(b.teams) // 10):
        c = rng.choice(by_place[t.place])
        if (t.uid, c.uid) not in base and t.uid != c.uid and not _forbidden(b, t, c):
            _tie(b, t, c, second)
    _organisation_ties(b, waves)


def _organisation_ties(b: SystemBuild, waves: list[str]) -> None:
    """Roll team ties up to organisation ties, per wave: kinds united, trust and value averaged."""
    team_org = {t.uid: t.org for t in b.teams}
    agg: dict[tuple[str, str, str], list[m.CollaboratesWith]] = {}
    for rel in b.changes.relationships:
        if isinstance(rel, m.CollaboratesWith) and rel.source in team_org and rel.wave in waves:
            a, c = team_org[rel.source], team_org[rel.target]
            if a != c:
                agg.setdefault((a, c, rel.wave), []).append(rel)
    for (a, c, wave), rels in sorted(agg.items()):
        kinds = sorted({k for r in rels for k in r.kinds}, key=_KINDS.index)
        b.rel(
            m.CollaboratesWith(
                source=a,
                target=c,
                kinds=kinds,
                wave=wave,
                frequency=min((r.frequency for r in rels if r.frequency), key=lambda f: -f.per_year, default=None),
                trust=round(sum(r.trust for r in rels) / len(rels), 2),
                value=round(sum(r.value for r in rels) / len(rels), 2),
            )
        )


_TRIPLES = {total: [t for t in itertools.product(range(1, 5), repeat=3) if sum(t) == total] for total in range(3, 13)}
"""Ordered PARTNER sub-item answers (1-4) by their sum."""


def add_partner_items(b: SystemBuild, rng: random.Random, relationships: list[m.Relationship], wave: str) -> None:
    """PARTNER's three trust and three value sub-items on ``b``'s team ties of ``wave`` (the latest),
    drawn from ``rng`` (a stream of their own, so the rest of the demo is as before) among the answers
    whose mean is the tie's score: scores are unchanged. Earlier waves and organisation ties keep the
    single scores older surveys had."""
    teams = {t.uid for t in b.teams}
    position = {id(rel): i for i, rel in enumerate(b.changes.relationships)}
    for rel in relationships:
        if not (isinstance(rel, m.CollaboratesWith) and rel.wave == wave and rel.source in teams):
            continue
        items: dict[str, int] = {}
        for score, names in (("trust", m.TRUST_ITEMS), ("value", m.VALUE_ITEMS)):
            x = getattr(rel, score)
            if x is not None and float(x).is_integer():
                items.update(zip(names, rng.choice(_TRIPLES[int(x) * 3])))
        if items:
            b.changes.relationships[position[id(rel)]] = m.CollaboratesWith(**{**rel.model_dump(), **items})


def add_person_ties(b: SystemBuild, waves: list[str]) -> None:
    rng = b.rng
    discharge = {t.uid for t in b.tagged("discharge")}
    asc = {t.uid for t in b.tagged("asc")}
    closed = [p for p in b.people if p.get("team") and p["team"].uid in discharge]
    closed_ids = {p["uid"] for p in closed}
    bridge = next(p for p in b.people if p.get("bridge"))
    open_people = [p for p in b.people if p["uid"] not in closed_ids and p is not bridge]
    by_unit: dict[str, list[dict]] = {}
    for p in open_people:
        unit = p["team"].org if p.get("team") else p.get("org")
        by_unit.setdefault(unit, []).append(p)
    by_place: dict[str | None, list[dict]] = {}
    for p in open_people:
        by_place.setdefault(p["place"], []).append(p)
    pairs: set[tuple[str, str]] = set()
    for p in open_people:
        unit = p["team"].org if p.get("team") else p.get("org")
        for _ in range(rng.randint(1, 3)):
            pool = by_unit[unit] if rng.random() < 0.6 else by_place.get(p["place"]) or by_unit[unit]
            q = rng.choice(pool)
            if q["uid"] != p["uid"]:
                pairs.add((p["uid"], q["uid"]))
    for p in closed:  # the acute discharge team talks only among itself and to the bridge
        for q in closed:
            if q is not p and rng.random() < 0.7:
                pairs.add((p["uid"], q["uid"]))
    asc_people = [p for p in open_people if p.get("team") and p["team"].uid in asc]
    for q in closed[:2] + asc_people[:3]:
        pairs.add((bridge["uid"], q["uid"]))
        pairs.add((q["uid"], bridge["uid"]))
    pairs.add((bridge["uid"], rng.choice(by_unit[b.tagged("d2a")[0].org])["uid"]))
    for source, target in sorted(pairs):
        kinds = [rng.choice(list(PersonTieKind))]
        for wave in waves:
            b.rel(m.WorksWith(source=source, target=target, kinds=kinds, frequency=rng.choice(_FREQ), wave=wave))


def add_pathways(b: SystemBuild) -> None:
    for key, (name, steps) in PATHWAYS.items():
        pathway = b.uid("pathway", key)
        b.node(m.CarePathway(uid=pathway, name=name, description=f"{name} pathway in {b.place_names[b.places[0]]}"))
        previous = None
        for position, tag in enumerate(steps, start=1):
            step = f"{pathway}-step-{position}"
            b.node(m.PathwayStep(uid=step, name=_STEP_NAMES[tag], position=position))
            b.rel(m.HasStep(source=pathway, target=step))
            if previous:
                b.rel(m.Next(source=previous, target=step))
            for team in _pathway_teams(b, tag)[:1]:
                b.rel(m.Delivers(source=team.uid, target=step))
            previous = step
