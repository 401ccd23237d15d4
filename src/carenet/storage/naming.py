"""Names of the generated CRUD queries, from a label or relationship type of the fixed schema."""

from __future__ import annotations

from carenet.domain.schema import NodeLabel, RelType


def _snake(label: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in label).lstrip("_")


def node_exists(label: NodeLabel) -> str:
    return "node_exists_" + _snake(NodeLabel(label).value)


def node_upsert(label: NodeLabel) -> str:
    return "node_upsert_" + _snake(NodeLabel(label).value)


def node_delete(label: NodeLabel) -> str:
    return "node_delete_" + _snake(NodeLabel(label).value)


def node_get(label: NodeLabel) -> str:
    return "node_get_" + _snake(NodeLabel(label).value)


def node_page(label: NodeLabel) -> str:
    return "node_page_" + _snake(NodeLabel(label).value)


def node_count(label: NodeLabel) -> str:
    return "node_count_" + _snake(NodeLabel(label).value)


def node_scan(label: NodeLabel) -> str:
    return "node_scan_" + _snake(NodeLabel(label).value)


def _pair(rel_type: RelType, source: NodeLabel, target: NodeLabel) -> str:
    return "_".join((RelType(rel_type).value.lower(), _snake(NodeLabel(source).value), _snake(NodeLabel(target).value)))


def rel_upsert(rel_type: RelType, source: NodeLabel, target: NodeLabel) -> str:
    return "rel_upsert_" + _pair(rel_type, source, target)


def rel_delete(rel_type: RelType, source: NodeLabel, target: NodeLabel) -> str:
    return "rel_delete_" + _pair(rel_type, source, target)


def rel_scan(rel_type: RelType, source: NodeLabel, target: NodeLabel) -> str:
    return "rel_scan_" + _pair(rel_type, source, target)
