"""Reading single nodes by uid, with personal data kept to what may be shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from carenet.storage.repository import Repository


@dataclass(frozen=True)
class NodeView:
    uid: str
    label: str
    name: str | None
    properties: dict[str, Any]


async def find_node(repo: Repository, *, uid: str) -> NodeView | None:
    """The node with ``uid`` (never a special-category record), as plain JSON-ready values."""
    node = await repo.find(uid)
    if node is None:
        return None
    props = node.model_dump(mode="json", exclude={"uid"})
    return NodeView(uid=node.uid, label=node.label, name=props.get("name"), properties=props)
