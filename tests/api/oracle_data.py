"""Seeded generated systems, and a plain-Python oracle of the root connections' ``where`` filters.

The data is built to sit on the edges a store gets wrong: names in mixed case, with accents, that
are prefixes of each other; empty services; missing dates; dates the day before, on and after the
boundary the filters are tried at; nodes with no links at all. The oracle reads the same rows the
store was given and says which uids a GraphQL ``where`` filter selects.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from carenet.domain import models as m
from carenet.domain.text import fold
from carenet.storage.repository import ChangeSet

BOUNDARY = dt.date(2020, 1, 1)
DAYS = (None, BOUNDARY - dt.timedelta(days=1), BOUNDARY, BOUNDARY + dt.timedelta(days=1), dt.date(2015, 3, 31))
WORDS = (
    "Royal",
    "ROYAL",
    "royal",
    "Roy",
    "Royalty",
    "Émile",
    "émile",
    "Ecole",
    "École",
    "Straße",
    "STRASSE",
    "Medici",
    "medici",
    "Médicis",
    "Zoë",
    "Øresund",
    "a",
    "A",
    "ab",
    "Ab",
    "St. Ann's",
    "NHS",
    "nhs",
    # case folding the stores' toLower disagree on (issue 20): dotted capital I, word-final sigma
    "İstanbul",
    "ISTANBUL",
    "istanbul",
    "ΟΔΟΣ",
    "Οδός",
    "οδος",
    # sorting: past the surrogates (U+E000-U+FFFF) and outside the BMP, where Neo4j's UTF-16
    # order and LadybugDB's code point order differ
    "\ue000Private",
    "\uff21BC",
    "\U0001f600Smile",
    "\U0001d504Fraktur",
)
SECTORS = ("health", "social_care", "housing", "voluntary", "education")
KINDS = {
    "health": ("nhs_trust", "gp_practice", "hospice"),
    "social_care": ("local_authority", "care_provider"),
    "housing": ("housing_association",),
    "voluntary": ("vcse",),
    "education": ("school", "college"),
}
LEVELS = ("board", "executive", "senior", "middle", "team")
SERVICES = ("", "Discharge", "discharge", "Housing options", "Adult social care")
WAVES = ("w1", "w2")


def _name(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 3))]
    return " ".join(words)


def _dated(rng: random.Random) -> dict[str, dt.date | None]:
    since, until = rng.choice(DAYS), rng.choice(DAYS)
    if since and until and until < since:
        since, until = until, since
    return {"since": since, "until": until}


@dataclass
class Generated:
    """The rows given to the store, kept for the oracle."""

    nodes: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # label -> uid -> properties
    rels: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)  # (type, source, target, props)
    changes: ChangeSet = field(default_factory=ChangeSet)

    def add_node(self, node: m.Node) -> None:
        self.nodes.setdefault(node.label, {})[node.uid] = node.model_dump(mode="python")
        self.changes.add_node(node)

    def add_rel(self, rel: m.Relationship) -> None:
        props = rel.model_dump(mode="python")
        self.rels.append((rel.type, rel.source, rel.target, props))
        self.changes.add_relationship(rel)

    def label_of(self, uid: str) -> str | None:
        return next((label for label, rows in self.nodes.items() if uid in rows), None)

    def out(self, uid: str, *types: str) -> list[tuple[str, dict[str, Any]]]:
        return [(t, p) for ty, s, t, p in self.rels if s == uid and ty in types]


def generate(seed: int, *, orgs: int = 30, teams: int = 45, people: int = 30) -> Generated:
    rng = random.Random(seed)
    g = Generated()
    for s in ("S1", "S2"):
        g.add_node(m.System(uid=s, name=_name(rng)))
    for i, s in enumerate(("S1", "S1", "S2", "S2")):
        g.add_node(m.Place(uid=f"P{i}", name=_name(rng)))
        g.add_rel(m.PartOf(source=f"P{i}", target=s))
    for w in WAVES:
        g.add_node(m.SurveyWave(uid=w, name=w, collected_on=BOUNDARY))
    for i in range(orgs):
        sector = rng.choice(SECTORS)
        opened, closed = rng.choice(DAYS), rng.choice(DAYS)
        if opened and closed and closed < opened:
            opened, closed = closed, opened
        g.add_node(
            m.Organisation(
                uid=f"o{i:02d}",
                name=_name(rng),
                sector=sector,
                kind=rng.choice(KINDS[sector]),
                opened=opened,
                closed=closed,
            )
        )
        for target in rng.sample(["S1", "S2", "P0", "P1", "P2", "P3"], rng.choice((0, 1, 1, 2))):
            g.add_rel(m.PartOf(source=f"o{i:02d}", target=target, **_dated(rng)))
        if rng.random() < 0.3:
            g.add_rel(m.Serves(source=f"o{i:02d}", target=f"P{rng.randrange(4)}"))
    for i in range(teams):
        g.add_node(m.Team(uid=f"t{i:02d}", name=_name(rng), sector=rng.choice(SECTORS), service=rng.choice(SERVICES)))
        if rng.random() < 0.85:
            g.add_rel(m.PartOf(source=f"t{i:02d}", target=f"o{rng.randrange(orgs):02d}", **_dated(rng)))
        for p in rng.sample(range(4), rng.choice((0, 0, 1, 2))):
            g.add_rel(m.Serves(source=f"t{i:02d}", target=f"P{p}"))
    for i in range(people):
        g.add_node(m.Person(uid=f"p{i:02d}", name=_name(rng), level=rng.choice(LEVELS)))
        if rng.random() < 0.8:
            g.add_rel(m.MemberOf(source=f"p{i:02d}", target=f"t{rng.randrange(teams):02d}", **_dated(rng)))
        if rng.random() < 0.2:
            g.add_rel(m.Leads(source=f"p{i:02d}", target=f"o{rng.randrange(orgs):02d}", **_dated(rng)))
    for _label, prefix, n, model, kinds in (
        ("Team", "t", teams, m.CollaboratesWith, ["referral"]),
        ("Organisation", "o", orgs, m.CollaboratesWith, ["referral"]),
        ("Person", "p", people, m.WorksWith, ["advice"]),
    ):
        pairs = {(rng.randrange(n), rng.randrange(n)) for _ in range(n * 2)}
        for a, b in sorted(pairs):
            if a != b:
                g.add_rel(
                    model(source=f"{prefix}{a:02d}", target=f"{prefix}{b:02d}", kinds=kinds, wave=rng.choice(WAVES))
                )
    return g


# --- the oracle -------------------------------------------------------------------------------


def _active(p: dict[str, Any], day: dt.date) -> bool:
    return (p.get("since") is None or p["since"] <= day) and (p.get("until") is None or p["until"] >= day)


class Oracle:
    """Which uids a GraphQL ``where`` selects, worked out in plain Python over the generated rows."""

    TIES = {"Team": "COLLABORATES_WITH", "Organisation": "COLLABORATES_WITH", "Person": "WORKS_WITH"}

    def __init__(self, g: Generated) -> None:
        self.g = g

    def _labelled(self, pairs, label: str) -> list[tuple[str, dict]]:
        return [(t, p) for t, p in pairs if self.g.label_of(t) == label]

    def organisations_of(self, label: str, uid: str) -> set[str]:
        if label == "Team":
            return {t for t, _ in self._labelled(self.g.out(uid, "PART_OF"), "Organisation")}
        direct = {t for t, _ in self._labelled(self.g.out(uid, "MEMBER_OF", "LEADS"), "Organisation")}
        teams = {t for t, _ in self._labelled(self.g.out(uid, "MEMBER_OF", "LEADS"), "Team")}
        return direct | {o for t in teams for o in self.organisations_of("Team", t)}

    def places_of(self, label: str, uid: str) -> set[str]:
        if label == "Organisation":
            return {t for t, _ in self._labelled(self.g.out(uid, "PART_OF", "SERVES"), "Place")}
        serves = {t for t, _ in self._labelled(self.g.out(uid, "SERVES"), "Place")}
        orgs = self.organisations_of("Team", uid)
        return serves | {t for o in orgs for t, _ in self._labelled(self.g.out(o, "PART_OF"), "Place")}

    def systems_of(self, label: str, uid: str) -> set[str]:
        def up(node: str) -> set[str]:
            return {t for t, _ in self._labelled(self.g.out(node, "PART_OF"), "System")}

        if label == "Place":
            return up(uid)
        if label == "Organisation":
            places = {t for t, _ in self._labelled(self.g.out(uid, "PART_OF"), "Place")}
            return up(uid) | {s for p in places for s in up(p)}
        serves = {t for t, _ in self._labelled(self.g.out(uid, "SERVES"), "Place")}
        orgs = self.organisations_of("Team", uid)
        org_places = {t for o in orgs for t, _ in self._labelled(self.g.out(o, "PART_OF"), "Place")}
        return {s for n in serves | orgs | org_places for s in up(n)}

    def waves_of(self, label: str, uid: str) -> set[str]:
        ty = self.TIES[label]
        return {
            p["wave"]
            for t, s, d, p in self.g.rels
            if t == ty and uid in (s, d) and self.g.label_of(d if s == uid else s) == label
        }

    def degree(self, label: str, uid: str) -> int:
        ty = self.TIES[label]
        return sum((s == uid) + (d == uid) for t, s, d, _ in self.g.rels if t == ty)

    def active(self, label: str, uid: str, day: dt.date) -> bool:
        if label == "Organisation":
            row = self.g.nodes[label][uid]
            own = (row["opened"] is None or row["opened"] <= day) and (row["closed"] is None or row["closed"] > day)
            links = self.g.out(uid, "PART_OF")
            return own and (not links or any(_active(p, day) for _, p in links))
        if label == "Team":
            return any(_active(p, day) for _, p in self._labelled(self.g.out(uid, "PART_OF"), "Organisation"))
        return any(_active(p, day) for _, p in self.g.out(uid, "MEMBER_OF"))

    def value(self, label: str, uid: str, name: str) -> set[str]:
        row = self.g.nodes[label][uid]
        if name in ("uid", "sector", "kind", "level", "service"):
            return {str(row.get(name) if row.get(name) is not None else "")}
        return {
            "organisation": self.organisations_of,
            "place": self.places_of,
            "system": self.systems_of,
            "wave": self.waves_of,
            "team": self._teams_of,
        }[name](label, uid)

    def _teams_of(self, label: str, uid: str) -> set[str]:
        return {t for t, _ in self._labelled(self.g.out(uid, "MEMBER_OF", "LEADS"), "Team")}

    def matches(self, label: str, uid: str, where: dict[str, Any]) -> bool:
        for key, cond in where.items():
            if key == "AND":
                ok = all(self.matches(label, uid, w) for w in cond)
            elif key == "OR":
                ok = any(self.matches(label, uid, w) for w in cond)
            elif key == "NOT":
                ok = not self.matches(label, uid, cond)
            elif key == "activeAt":
                ok = self.active(label, uid, dt.date.fromisoformat(cond))
            elif key == "name":
                name = fold(self.g.nodes[label][uid]["name"])  # the spec: caseless by carenet.domain.text.fold
                ok = ("contains" not in cond or fold(cond["contains"]) in name) and (
                    "startsWith" not in cond or name.startswith(fold(cond["startsWith"]))
                )
            else:
                have = self.value(label, uid, key)
                wanted = lambda v, key=key: v.lower() if key in ("sector", "kind", "level") else v  # noqa: E731
                ok = ("eq" not in cond or wanted(cond["eq"]) in have) and (
                    "in" not in cond or bool(have & {wanted(v) for v in cond["in"]})
                )
            if not ok:
                return False
        return True

    def sort_key(self, label: str, uid: str, order: str) -> Any:
        row = self.g.nodes[label][uid]
        return {"UID": uid, "NAME": row.get("name") or "", "DEGREE": self.degree(label, uid)}[order]

    def select(self, label: str, where: dict[str, Any] | None, order: str = "UID", direction: str = "ASC") -> list[str]:
        found = [u for u in self.g.nodes[label] if where is None or self.matches(label, u, where)]
        return sorted(found, key=lambda u: (self.sort_key(label, u, order), u), reverse=direction == "DESC")
