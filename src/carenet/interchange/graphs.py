"""Graph files for other tools: GEXF (Gephi), GraphML, Cytoscape.js JSON and node-link JSON.

Each is written by networkx's own writer (``generate_gexf``, ``generate_graphml``,
``cytoscape_data``, ``node_link_data``) and produced as a stream of text chunks, so an HTTP
response never holds the whole file. GEXF and GraphML hold scalars only: list attributes
(tie ``kinds``) become ``a;b``, dates ISO text, and missing values are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import networkx as nx

from carenet.interchange.streams import json_pieces

FORMATS = {
    "gexf": ("application/gexf+xml", ".gexf"),
    "graphml": ("application/graphml+xml", ".graphml"),
    "cytoscape": ("application/json", ".cyjs"),
    "node-link": ("application/json", ".json"),
}
"""Graph format -> (media type, file suffix)."""


def _scalar(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set)):
        return ";".join(str(_scalar(v)) for v in value)
    return value


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold at all, not even as a character reference."""


def _xml_scalar(value: Any) -> Any:
    """:func:`_scalar`, with each character XML cannot hold (a C0 control other than tab, line feed
    and carriage return) written as U+FFFD: the one change GEXF and GraphML make to a text."""
    value = _scalar(value)
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _json_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set)):
        return [_json_value(v) for v in value]
    return value


def _cleaned(G: nx.Graph, convert) -> nx.Graph:
    H = G.__class__()
    H.graph.update({k: convert(v) for k, v in G.graph.items() if v is not None})
    for v, data in G.nodes(data=True):
        H.add_node(v, **{k: convert(x) for k, x in data.items() if x is not None})
    if G.is_multigraph():
        for u, v, key, data in G.edges(keys=True, data=True):
            H.add_edge(u, v, key=key, **{k: convert(x) for k, x in data.items() if x is not None})
    else:
        for u, v, data in G.edges(data=True):
            H.add_edge(u, v, **{k: convert(x) for k, x in data.items() if x is not None})
    return H


def node_link(G: nx.Graph) -> dict[str, Any]:
    return nx.node_link_data(_cleaned(G, _json_value), edges="edges")


def cytoscape(G: nx.Graph) -> dict[str, Any]:
    """Cytoscape.js elements: ``{"elements": {"nodes": [{"data": ...}], "edges": [...]}}``; edges keep
    their uid as id."""
    doc = nx.cytoscape_data(_cleaned(G, _json_value))
    for edge in doc["elements"]["edges"]:
        data = edge["data"]
        if "uid" in data:
            data["id"] = data["uid"]
        data.pop("key", None)
    return doc


def _xml_chunks(text: str) -> Iterator[str]:
    """XML text in pieces, exact: a carriage return in a value is written ``&#13;`` (XML readers
    turn a literal one into a line feed), and the text is never split at line breaks, which
    ``str.splitlines`` also finds inside values (U+2028, U+0085...)."""
    text = text.replace("\r", "&#13;") + "\n"
    for start in range(0, len(text), 1 << 16):
        yield text[start : start + (1 << 16)]


def chunks(G: nx.Graph, fmt: str) -> Iterator[str]:
    """The graph as text chunks in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "gexf":
        from networkx.readwrite.gexf import GEXFWriter

        writer = GEXFWriter(version="1.2draft")
        writer.add_graph(_cleaned(G, _xml_scalar))
        yield from _xml_chunks(str(writer))
    elif fmt == "graphml":
        from networkx.readwrite.graphml import GraphMLWriter

        writer = GraphMLWriter(infer_numeric_types=True, named_key_ids=True, edge_id_from_attribute="uid")
        writer.add_graph_element(_cleaned(G, _xml_scalar))
        yield from _xml_chunks(str(writer))
    elif fmt == "cytoscape":
        yield from json_pieces(cytoscape(G), allow_nan=False)
    elif fmt == "node-link":
        yield from json_pieces(node_link(G), allow_nan=False)
    else:
        raise ValueError(f"unknown graph format {fmt!r}; one of {', '.join(FORMATS)}")


def write(G: nx.Graph, fmt: str, path: Path) -> int:
    """Write the graph to ``path``; returns the bytes written."""
    size = 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for chunk in chunks(G, fmt):
            f.write(chunk)
            size += len(chunk) if chunk.isascii() else len(chunk.encode("utf-8"))
    return size
