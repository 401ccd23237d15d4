"""Which system a node sits in, so a planner's writes can be kept inside their own system.

The rule (also in :mod:`carenet.api.auth`): a node sits in the systems its anchors lead to.

- a System sits in itself;
- ``PART_OF`` places the child where the parent sits (team in organisation, organisation in
  place, system or parent organisation, place in system, neighbourhood in place, forum in
  place or system, survey wave in system);
- ``MEMBER_OF`` and ``LEADS`` place a person where their teams, organisations, places and
  forums sit;
- a pathway step sits with the teams that ``DELIVERS`` it, a care pathway with its steps
  (``HAS_STEP``); a person's demographic record with the person (``DESCRIBES``);
- leadership demand and baselines sit in their ``area`` (a place or a system);
- capabilities (a shared vocabulary) and migrations sit nowhere: only an admin writes them.

A planner of system S may write a node, or a relationship between two nodes, only when every
node touched sits in S and nowhere else, counting the anchors already stored and those in the
same change set (so a new team comes with its ``PART_OF`` in the same mutation). A node shared
with another system (a person who is a member of teams in two systems, a tie between systems)
needs an admin.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from carenet.domain.schema import NodeLabel, RelType
from carenet.errors import Forbidden
from carenet.storage.queries import mutations as q
from carenet.storage.repository import ChangeSet, Repository

Key = tuple[str, str]
"""(label, uid)"""

MAX_HOPS = 8
_UPWARD = {RelType.PART_OF, RelType.MEMBER_OF, RelType.LEADS, RelType.HAS_STEP, RelType.DESCRIBES}
"""Anchor relationships that point from the child (source) to the parent (target)."""
_DOWNWARD = {RelType.DELIVERS}
"""Anchor relationships that point from the parent (source) to the child (target)."""
_AREA_LABELS = (NodeLabel.LEADERSHIP_DEMAND, NodeLabel.BASELINE)


async def systems_of(
    repo: Repository, keys: Iterable[Key], *, extra: Mapping[Key, set[Key]] | None = None
) -> dict[Key, set[str]]:
    """The systems each of ``keys`` sits in, from stored anchors plus ``extra`` (child -> parents)."""
    parents: dict[Key, set[Key]] = defaultdict(set)
    for child, ps in (extra or {}).items():
        parents[child] |= ps
    wanted = set(keys)
    asked: set[str] = set()
    frontier = set(wanted)
    for _ in range(MAX_HOPS):
        seen = set(frontier)
        for key in frontier:
            seen |= parents.get(key, set())
        uids = sorted({uid for label, uid in seen if label != NodeLabel.SYSTEM} - asked)
        if not uids:
            break
        asked |= set(uids)
        rows = await repo.store.read(q.ANCHORS_OF, uids=uids)
        for r in rows:
            parents[(r["label"], r["uid"])].add((r["parent_label"], r["parent"]))
        frontier = {p for key in seen for p in parents.get(key, ())} - seen
        if not frontier:
            break
    memo: dict[Key, set[str]] = {}

    def resolve(key: Key, path: frozenset[Key]) -> set[str]:
        if key in memo:
            return memo[key]
        if key[0] == NodeLabel.SYSTEM:
            return {key[1]}
        found: set[str] = set()
        for parent in parents.get(key, ()):
            if parent not in path:
                found |= resolve(parent, path | {key})
        memo[key] = found
        return found

    return {key: resolve(key, frozenset()) for key in wanted}


async def _area_anchors(repo: Repository, changes: ChangeSet) -> dict[Key, set[Key]]:
    """Leadership demand and baselines sit in their area: a stored or new place or system."""
    out: dict[Key, set[Key]] = defaultdict(set)
    areas = {n.area for n in changes.nodes if n.label in _AREA_LABELS}
    if not areas:
        return out
    new = {(n.label, n.uid) for n in changes.nodes}
    found = {(NodeLabel.SYSTEM.value, u) for u in await repo.existing(NodeLabel.SYSTEM, areas)}
    found |= {(NodeLabel.PLACE.value, u) for u in await repo.existing(NodeLabel.PLACE, areas)}
    for node in changes.nodes:
        if node.label in _AREA_LABELS:
            for label in (NodeLabel.SYSTEM.value, NodeLabel.PLACE.value):
                if (label, node.area) in found or (label, node.area) in new:
                    out[(node.label, node.uid)].add((label, node.area))
    return out


def anchors_in(changes: ChangeSet) -> dict[Key, set[Key]]:
    """Child -> parents from the anchor relationships of a change set (endpoint labels resolved)."""
    out: dict[Key, set[Key]] = defaultdict(set)
    for rel in changes.relationships:
        if not (rel.source_label and rel.target_label):
            continue
        source, target = (rel.source_label, rel.source), (rel.target_label, rel.target)
        if rel.type in _UPWARD:
            out[source].add(target)
        elif rel.type in _DOWNWARD:
            out[target].add(source)
    return out


def _check(system: str, where: dict[Key, str], found: dict[Key, set[str]]) -> None:
    outside = [(origin, key, found.get(key, set())) for key, origin in where.items() if found.get(key, set()) != {system}]
    if not outside:
        return
    shown = "; ".join(
        f"{origin} ({key[0]} {key[1]}) sits in {', '.join(sorted(s)) if s else 'no system'}" for origin, key, s in outside[:10]
    )
    more = f"; and {len(outside) - 10} more" if len(outside) > 10 else ""
    raise Forbidden(
        f"a planner may only write within their own system ({system}): {shown}{more}",
        suggestion="anchor new nodes in your system in the same mutation (PART_OF, MEMBER_OF...), or ask an admin",
    )


async def check_upsert(repo: Repository, changes: ChangeSet, *, system: str) -> None:
    """Raise :class:`Forbidden` unless every node ``changes`` touches sits in ``system`` only, once written.

    Endpoint labels must be resolved (:meth:`Repository.resolve_endpoints`)."""
    where: dict[Key, str] = {}
    for node, origin in zip(changes.nodes, changes.node_origins, strict=True):
        where.setdefault((node.label, node.uid), origin or node.uid)
    for rel, origin in zip(changes.relationships, changes.rel_origins, strict=True):
        where.setdefault((rel.source_label, rel.source), f"{origin}.source")
        where.setdefault((rel.target_label, rel.target), f"{origin}.target")
    extra = anchors_in(changes)
    for child, parents in (await _area_anchors(repo, changes)).items():
        extra.setdefault(child, set()).update(parents)
    _check(system, where, await systems_of(repo, where, extra=extra))


async def check_stored(repo: Repository, where: Mapping[Key, str], *, system: str) -> None:
    """Raise :class:`Forbidden` unless every stored node in ``where`` (key -> input path) sits in ``system`` only."""
    keys = dict(where)
    extra: dict[Key, set[Key]] = {}
    areas = [k for k in keys if k[0] in _AREA_LABELS]
    if areas:  # their area is a property, not a relationship: read it
        for label in {k[0] for k in areas}:
            got = await repo.get_many(NodeLabel(label), [k[1] for k in areas if k[0] == label])
            systems = await repo.existing(NodeLabel.SYSTEM, [n.area for n in got.values()])
            for uid, node in got.items():
                area_label = NodeLabel.SYSTEM if node.area in systems else NodeLabel.PLACE
                extra[(label, uid)] = {(area_label.value, node.area)}
    _check(system, keys, await systems_of(repo, keys, extra=extra))
