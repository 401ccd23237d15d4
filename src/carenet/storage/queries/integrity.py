"""Integrity checks of a stored graph (``carenet db check``), one query per label and per
relationship type of the fixed schema (:mod:`carenet.domain.schema`), made at import time.

Each returns one row of counts: ``count``; ``missing`` (no uid); ``duplicates`` (uids held by
more than one record of the label or type); for relationships also ``dangling`` (an end with no
uid, so nothing in carenet can reach it). Labels and types come from the enums, never from input.
"""

from __future__ import annotations

from carenet.domain.schema import NodeLabel, RelType
from carenet.storage.queries.registry import Query

NODE_CHECKS: dict[str, Query] = {
    label.value: Query(
        f"check_node_{label.value.lower()}",
        f"MATCH (n:{label.value}) "
        "RETURN count(n) AS count, count(n) - count(n.uid) AS missing, "
        "count(n.uid) - count(DISTINCT n.uid) AS duplicates",
    )
    for label in NodeLabel
}

REL_CHECKS: dict[str, Query] = {
    rel.value: Query(
        f"check_rel_{rel.value.lower()}",
        f"MATCH (a)-[x:{rel.value}]->(b) "
        "RETURN count(x) AS count, count(x) - count(x.uid) AS missing, "
        "count(x.uid) - count(DISTINCT x.uid) AS duplicates, "
        "sum(CASE WHEN a.uid IS NULL OR b.uid IS NULL THEN 1 ELSE 0 END) AS dangling",
    )
    for rel in RelType
}
