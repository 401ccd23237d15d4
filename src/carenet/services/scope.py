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
- leadership demand and baselines sit in their ``area`` (a place or a system); culture indicators
  where their ``anchor`` (an organisation or team) sits;
- capabilities (a shared vocabulary) and migrations sit nowhere: only an admin writes them.

Who may write where is decided from this by :mod:`carenet.services.authority`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from carenet.domain.schema import NodeLabel, RelType
from carenet.storage.repository import ChangeSet, Repository

Key = tuple[str, str]
"""(label, uid)"""

MAX_HOPS = 8
UPWARD = {RelType.PART_OF, RelType.MEMBER_OF, RelType.LEADS, RelType.HAS_STEP, RelType.DESCRIBES}
"""Anchor relationships that point from the child (source) to the parent (target)."""
DOWNWARD = {RelType.DELIVERS}
"""Anchor relationships that point from the parent (source) to the child (target)."""


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
        rows = await repo.anchors_of(uids)
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


def anchors_in(changes: ChangeSet) -> dict[Key, set[Key]]:
    """Child -> parents from the anchor relationships of a change set (endpoint labels resolved)."""
    out: dict[Key, set[Key]] = defaultdict(set)
    for rel in changes.relationships:
        if not (rel.source_label and rel.target_label):
            continue
        source, target = (rel.source_label, rel.source), (rel.target_label, rel.target)
        if rel.type in UPWARD:
            out[source].add(target)
        elif rel.type in DOWNWARD:
            out[target].add(source)
    return out
