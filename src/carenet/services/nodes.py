"""Reading single nodes by uid, with personal data kept to what may be shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from carenet.analytics.culture import suppress
from carenet.domain.models import CULTURE_MIN_RESPONSES, CultureIndicator
from carenet.domain.schema import NodeLabel
from carenet.storage.repository import Repository


@dataclass(frozen=True)
class NodeView:
    uid: str
    label: str
    name: str | None
    properties: dict[str, Any]


async def find_node(repo: Repository, *, uid: str, culture_minimum: int = CULTURE_MIN_RESPONSES) -> NodeView | None:
    """The node with ``uid`` (never a special-category record, nor the store's record of a schema
    migration: bookkeeping, not part of the graph), as plain JSON-ready values.

    A culture indicator from fewer than ``culture_minimum`` responses comes with its ``value``
    null and ``suppressed`` true: held, never shown."""
    node = await repo.find(uid)
    if node is None or node.label == NodeLabel.MIGRATION:
        return None
    props = node.model_dump(mode="json", exclude={"uid"})
    if isinstance(node, CultureIndicator):
        props = suppress([props], culture_minimum)[0]
    return NodeView(uid=node.uid, label=node.label, name=props.get("name"), properties=props)
