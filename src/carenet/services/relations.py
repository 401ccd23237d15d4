"""Related nodes for a batch of nodes in one store round trip (the API's DataLoaders call these)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from carenet.storage.repository import Repository


class Relation(StrEnum):
    ORGANISATION_OF_TEAM = "organisation_of_team"
    PLACES_OF_TEAM = "places_of_team"
    TIES_OF_TEAM = "ties_of_team"
    PLACES_OF_ORGANISATION = "places_of_organisation"
    TEAMS_OF_ORGANISATION = "teams_of_organisation"
    TIES_OF_ORGANISATION = "ties_of_organisation"
    SYSTEM_OF_PLACE = "system_of_place"
    TEAMS_OF_PERSON = "teams_of_person"


async def related(repo: Repository, *, relation: Relation, uids: Sequence[str]) -> list[list[dict[str, Any]]]:
    """For each of ``uids`` (in order), the rows of its related nodes, sorted by uid."""
    rows = await repo.related(relation, uids)
    by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_key[row.pop("key")].append(row)
    for items in by_key.values():
        items.sort(key=lambda r: (r["uid"], r.get("tie") or ""))
    return [by_key.get(uid, []) for uid in uids]
