"""Who may write where: the one decision every write path asks before it writes.

Every path that writes the graph (the GraphQL mutations, ``POST /files/import``, the admin API
and the CLI commands a server runs for the CLI) calls :func:`authorise_upsert` or
:func:`authorise_delete` with the writer's system: ``None`` for an admin (anywhere), the system
a planner's credentials name otherwise. Nobody else writes (the API checks the role first).

A planner of system S may write a record only when it sits in S and nowhere else **both as
stored and as it will be after the write** (where a node sits: :mod:`carenet.services.scope`):

- every node written, every end of a relationship written or deleted, every node deleted;
- a survey tie's wave (a tie of S's teams may not be filed under another system's wave);
- leadership demand and baselines sit in their ``area``, culture indicators where their ``anchor``
  (an organisation or team) sits: the stored one and the new one must both be in S, so a planner
  can neither edit another system's record nor move it out;
- a node not stored yet must come with its anchor (``PART_OF``, ``MEMBER_OF``...) in the same
  write; a stored node that sits in no system (an orphan) needs an admin;
- capabilities are a shared vocabulary: only an admin writes them, but a planner may link their
  own people to one (``HAS_CAPABILITY``).

Raises :class:`~carenet.errors.Forbidden` naming every record outside S (its input path, or
its file for an import) and where it sits; nothing is written then.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import pyarrow.compute as pc

from carenet.domain.schema import NodeLabel
from carenet.errors import Forbidden
from carenet.services import scope
from carenet.services.scope import Key
from carenet.storage.repository import ChangeSet, Repository

SHARED = frozenset({NodeLabel.CAPABILITY.value})
"""Labels of a shared vocabulary: a relationship may end at one; only an admin writes them."""
_AREA_OF = (NodeLabel.SYSTEM.value, NodeLabel.PLACE.value)
SITS_IN: dict[str, tuple[str, tuple[str, ...]]] = {
    NodeLabel.LEADERSHIP_DEMAND.value: ("area", _AREA_OF),
    NodeLabel.BASELINE.value: ("area", _AREA_OF),
    NodeLabel.CULTURE_INDICATOR.value: ("anchor", (NodeLabel.ORGANISATION.value, NodeLabel.TEAM.value)),
}
"""Labels that sit where a property names (label -> property, the labels it may name), not where a link leads."""


class _Touched:
    """What a change set touches: key -> where it came from, new anchors, new areas."""

    def __init__(self) -> None:
        self.where: dict[Key, str] = {}
        self.areas: dict[Key, str] = {}

    def add(self, key: Key, origin: str) -> None:
        self.where.setdefault(key, origin)


def _touched(changes: ChangeSet) -> _Touched:
    out = _Touched()
    for node, origin in zip(changes.nodes, changes.node_origins, strict=True):
        key = (node.label, node.uid)
        out.add(key, origin or node.uid)
        if node.label in SITS_IN:
            out.areas[key] = getattr(node, SITS_IN[node.label][0])
    for rel, origin in zip(changes.relationships, changes.rel_origins, strict=True):
        where = origin or rel.uid
        for end, label, uid in (("source", rel.source_label, rel.source), ("target", rel.target_label, rel.target)):
            if label not in SHARED:
                out.add((label, uid), f"{where}.{end}")
        wave = getattr(rel, "wave", None)
        if wave is not None:
            out.add((NodeLabel.SURVEY_WAVE.value, wave), f"{where}.wave")
    for table in changes.tables:
        where = table.origin or table.label
        columns = table.table.column_names
        if table.is_node:
            uids = table.table["uid"].to_pylist()
            for uid in uids:
                out.add((table.label, uid), where)
            prop = SITS_IN.get(table.label, ("",))[0]
            if prop and prop in columns:
                for uid, area in zip(uids, table.table[prop].to_pylist(), strict=True):
                    out.areas[(table.label, uid)] = area
            continue
        for end, label in (("source", table.source_label), ("target", table.target_label)):
            if label not in SHARED:
                for uid in pc.unique(table.table[end]).to_pylist():
                    out.add((label, uid), f"{where} ({end})")
        if "wave" in columns:
            for wave in pc.unique(table.table["wave"]).to_pylist():
                if wave is not None:
                    out.add((NodeLabel.SURVEY_WAVE.value, wave), f"{where} (wave)")
    return out


def _table_anchors(changes: ChangeSet) -> dict[Key, set[Key]]:
    """Child -> parents from the anchor relationships held in the change set's tables."""
    out: dict[Key, set[Key]] = defaultdict(set)
    for table in changes.tables:
        if table.is_node or not (table.source_label and table.target_label):
            continue
        upward = table.label in scope.UPWARD
        if not upward and table.label not in scope.DOWNWARD:
            continue
        sources = table.table["source"].to_pylist()
        targets = table.table["target"].to_pylist()
        for s, t in zip(sources, targets, strict=True):
            child, parent = ((table.source_label, s), (table.target_label, t))
            if not upward:
                child, parent = parent, child
            out[child].add(parent)
    return out


async def _area_keys(repo: Repository, areas: Mapping[Key, str], new: set[Key]) -> dict[Key, set[Key]]:
    """Each record -> the node its area (or anchor) names (stored, or new in ``new``)."""
    names: dict[str, set[str]] = defaultdict(set)
    for key, area in areas.items():
        for label in SITS_IN[key[0]][1]:
            names[label].add(area)
    found: set[Key] = {k for k in new if k[1] in names.get(k[0], ())}
    for label, uids in names.items():
        found |= {(label, uid) for uid in await repo.existing(NodeLabel(label), uids)}
    out: dict[Key, set[Key]] = defaultdict(set)
    for key, area in areas.items():
        out[key] = {(label, area) for label in SITS_IN[key[0]][1] if (label, area) in found}
    return out


async def _stored(repo: Repository, keys: Iterable[Key]) -> set[Key]:
    by_label: dict[str, list[str]] = defaultdict(list)
    for label, uid in keys:
        by_label[label].append(uid)
    out: set[Key] = set()
    for label, uids in by_label.items():
        out |= {(label, uid) for uid in await repo.existing(NodeLabel(label), uids)}
    return out


async def _stored_areas(repo: Repository, keys: Iterable[Key]) -> dict[Key, str]:
    out: dict[Key, str] = {}
    by_label: dict[str, list[str]] = defaultdict(list)
    for label, uid in keys:
        if label in SITS_IN:
            by_label[label].append(uid)
    for label, uids in by_label.items():
        for uid, node in (await repo.get_many(NodeLabel(label), uids)).items():
            out[(label, uid)] = getattr(node, SITS_IN[label][0])
    return out


def _refuse(system: str, outside: list[tuple[str, Key, set[str], str]]) -> None:
    if not outside:
        return
    shown = "; ".join(
        f"{origin} ({key[0]} {key[1]}) sits in {', '.join(sorted(s)) if s else 'no system'} {when}"
        for origin, key, s, when in outside[:10]
    )
    more = f"; and {len(outside) - 10} more" if len(outside) > 10 else ""
    raise Forbidden(
        f"a planner may only write within their own system ({system}): {shown}{more}",
        suggestion="anchor new nodes in your system in the same write (PART_OF, MEMBER_OF...), or ask an admin",
    )


async def _judge(
    repo: Repository, system: str, where: Mapping[Key, str], *, after: Mapping[Key, set[Key]] | None
) -> None:
    """Every stored key must sit in ``system`` only as stored; with ``after`` (extra anchors of the
    write), every key must also sit there once written."""
    if any(label in SHARED for label, _ in where):
        shared = [
            (o, k, set(), "(a shared vocabulary: only an admin writes it)") for k, o in where.items() if k[0] in SHARED
        ]
        _refuse(system, shared)
    stored = await _stored(repo, where)
    stored_areas = await _stored_areas(repo, stored)
    before_extra = await _area_keys(repo, stored_areas, set())
    before = await scope.systems_of(repo, stored, extra=before_extra)
    outside = [(where[k], k, s, "as stored") for k, s in before.items() if s != {system}]
    if after is not None:
        now = await scope.systems_of(repo, where, extra=after)
        outside += [(where[k], k, s, "once written") for k, s in now.items() if s != {system}]
    _refuse(system, sorted(outside, key=lambda x: x[0]))


async def authorise_upsert(repo: Repository, changes: ChangeSet, *, system: str | None) -> None:
    """Raise :class:`Forbidden` unless a writer of ``system`` (None: an admin) may write ``changes``.

    Endpoint labels must be resolved first (:meth:`Repository.resolve_endpoints`)."""
    if system is None:
        return
    touched = _touched(changes)
    extra = scope.anchors_in(changes)
    for child, parents in _table_anchors(changes).items():
        extra[child].update(parents)
    new = set(touched.where)
    for child, parents in (await _area_keys(repo, touched.areas, new)).items():
        extra[child] = set(parents)  # the new area replaces the stored one
    await _judge(repo, system, touched.where, after=extra)


async def authorise_delete(
    repo: Repository, where: Mapping[Key, str], *, system: str | None, ends: bool = False
) -> None:
    """Raise :class:`Forbidden` unless a writer of ``system`` (None: an admin) may delete the stored
    nodes ``where`` names (key -> input path), or, with ``ends``, relationships between them (a
    relationship may end at a shared vocabulary node)."""
    if system is None or not where:
        return
    await _judge(repo, system, {k: v for k, v in where.items() if not (ends and k[0] in SHARED)}, after=None)
