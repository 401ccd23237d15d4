"""A set of changes to write together: what the importers, the API's mutations and the demo
build, what the endpoint checks (:mod:`carenet.storage.endpoints`) and the repository take."""

from __future__ import annotations

from dataclasses import dataclass, field

from carenet.domain.models import Node, Relationship
from carenet.storage.rows import ModelTable


@dataclass
class ChangeSet:
    """Nodes and relationships to upsert together. ``origins`` says where each came from
    (``file:line:column`` or a GraphQL path) so problems can point at it. ``tables`` holds
    more of them as Arrow tables (a column-at-a-time import): written after the models of
    their label or type, and where a relationship uid is in both, the table's row wins."""

    nodes: list[Node] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    node_origins: list[str | None] = field(default_factory=list)
    rel_origins: list[str | None] = field(default_factory=list)
    tables: list[ModelTable] = field(default_factory=list)
    stored: set[tuple[str, str]] | None = None
    """(label, uid) of the nodes of this change set the store held already; filled in by
    :meth:`Repository.resolve_endpoints` (None: not looked up). The writes use it to send rows
    that cannot exist yet straight to the store's bulk path (see :meth:`Repository._ops`)."""

    def add_node(self, node: Node, origin: str | None = None) -> None:
        self.nodes.append(node)
        self.node_origins.append(origin)

    def add_relationship(self, rel: Relationship, origin: str | None = None) -> None:
        self.relationships.append(rel)
        self.rel_origins.append(origin)

    def extend(self, other: ChangeSet) -> None:
        self.nodes += other.nodes
        self.node_origins += other.node_origins
        self.relationships += other.relationships
        self.rel_origins += other.rel_origins
        self.tables += other.tables

    def __len__(self) -> int:
        return len(self.nodes) + len(self.relationships) + sum(len(t) for t in self.tables)
