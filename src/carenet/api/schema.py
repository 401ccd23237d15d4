"""The GraphQL schema (a first endpoint: any node by uid)."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from carenet.api.context import Context
from carenet.services import nodes


@strawberry.type(description="Any node of the graph, by its carenet uid.")
class GraphNode:
    uid: strawberry.ID
    label: str
    name: str | None
    properties: JSON


@strawberry.type
class Query:
    @strawberry.field(description="The node with this uid, of whatever kind; null when there is none.")
    async def node_by_uid(self, info: Info[Context, None], uid: strawberry.ID) -> GraphNode | None:
        found = await nodes.find_node(info.context.services.repo, uid=str(uid))
        if found is None:
            return None
        return GraphNode(uid=found.uid, label=found.label, name=found.name, properties=found.properties)


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(query=Query)
