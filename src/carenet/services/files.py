"""The files the interfaces serve and write: import templates, graph files, metric tables and the
board pack's documents, in the formats of :mod:`carenet.interchange`.

The web app and the CLI reach the file formats here, so they depend on services only
(``cli, web -> bootstrap -> api -> services -> interchange``; an import contract keeps it so).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from carenet.domain import models as m
from carenet.interchange import KINDS, graphs, tables, templates
from carenet.interchange import board as _board

GRAPH_FORMATS: dict[str, tuple[str, str]] = graphs.FORMATS
"""Graph file format -> (media type, file suffix)."""
TABLE_FORMATS: dict[str, tuple[str, str]] = tables.FORMATS
"""Table format -> (media type, file suffix)."""
TEMPLATE_KINDS: tuple[str, ...] = tuple(KINDS)
"""The kinds of records an import template exists for."""


def template_csv(kind: str) -> str:
    """The CSV import template of ``kind`` (one of :data:`TEMPLATE_KINDS`)."""
    return templates.template_csv(KINDS[kind])


def template_workbook() -> bytes:
    """Every import template as one XLSX workbook, a sheet per kind."""
    return templates.template_workbook_bytes()


def write_xlsx_template(path: Path) -> Path:
    return templates.write_xlsx_template(path)


def write_csv_templates(out: Path) -> list[Path]:
    return templates.write_csv_templates(out)


def write_template_data(nodes: Iterable[m.Node], relationships: Iterable[m.Relationship], out: Path) -> dict[str, Path]:
    """Records as filled-in import templates (CSV files in ``out``): a round trip of an export."""
    return templates.write_template_data(templates.template_tables(nodes, relationships), out)


def graph_chunks(G: nx.Graph, fmt: str) -> Iterator[str]:
    """``G`` as a graph file of format ``fmt`` (one of :data:`GRAPH_FORMATS`), streamed in pieces."""
    return graphs.chunks(G, fmt)


def write_graph(G: nx.Graph, fmt: str, path: Path) -> int:
    """Write ``G`` as a ``fmt`` graph file; its size in bytes."""
    return graphs.write(G, fmt, path)


def table_chunks(rows: Sequence[dict[str, Any]], fmt: str) -> Iterator[bytes]:
    """``rows`` as a table of format ``fmt`` (one of :data:`TABLE_FORMATS`), streamed in pieces."""
    return tables.chunks(rows, fmt)


def write_table(rows: Sequence[dict[str, Any]], fmt: str, path: Path) -> int:
    """Write ``rows`` as a ``fmt`` table; its size in bytes."""
    return tables.write(rows, fmt, path)


def board_html(pack: dict[str, Any]) -> str:
    """The board pack (:func:`carenet.services.board.board_pack`) as one self-contained HTML page."""
    return _board.render_html(pack)


def board_pdf(document: str, out: Path) -> Path:
    """Print the board pack's HTML to a PDF at ``out`` (needs Chromium)."""
    return _board.print_pdf(document, out)
