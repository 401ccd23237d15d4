"""What the demo's builders share while one system is made: its ids, random stream, and the
places, organisations and teams made so far (:mod:`generator` makes them; :mod:`ties` and
:mod:`culture` add to them)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from carenet.domain import models as m
from carenet.domain.enums import OrgKind, Sector
from carenet.storage.repository import ChangeSet


@dataclass
class TeamInfo:
    uid: str
    org: str
    sector: Sector
    service: str
    place: str | None
    tags: frozenset[str] = frozenset()


@dataclass
class OrgInfo:
    uid: str
    kind: OrgKind
    sector: Sector
    place: str | None


@dataclass
class SystemBuild:
    """What one system's builders share: its ids, random stream and what was made so far."""

    index: int
    rng: random.Random
    changes: ChangeSet
    places: list[str] = field(default_factory=list)
    neighbourhoods: dict[str, list[str]] = field(default_factory=dict)
    orgs: dict[str, OrgInfo] = field(default_factory=dict)
    teams: list[TeamInfo] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)
    place_names: dict[str, str] = field(default_factory=dict)
    label: str = ""

    @property
    def prefix(self) -> str:
        return f"s{self.index}"

    def uid(self, *parts: object) -> str:
        return "-".join([self.prefix, *map(str, parts)])

    def node(self, node: m.Node) -> m.Node:
        self.changes.add_node(node)
        return node

    def rel(self, rel: m.Relationship) -> None:
        self.changes.add_relationship(rel)

    def tagged(self, tag: str, place: str | None = None) -> list[TeamInfo]:
        return [t for t in self.teams if tag in t.tags and (place is None or t.place == place)]
