"""File formats only: import templates, NHS ODS extracts, survey responses, node-link JSON in;
GEXF, GraphML, Cytoscape.js and node-link JSON graphs and CSV/Parquet/JSON tables out.

Readers return :class:`Parsed` (models, where each came from, every problem); they never touch
a store. Writers take networkx graphs or lists of rows and stream text or bytes.
"""

from carenet.interchange import graphs, tables
from carenet.interchange.kinds import KINDS, Column, Kind
from carenet.interchange.readers import read_file
from carenet.interchange.records import Parsed
from carenet.interchange.templates import (
    template_csv,
    template_tables,
    template_workbook_bytes,
    write_csv_templates,
    write_template_data,
    write_xlsx_template,
)

__all__ = [
    "KINDS",
    "Column",
    "Kind",
    "Parsed",
    "graphs",
    "read_file",
    "tables",
    "template_csv",
    "template_tables",
    "template_workbook_bytes",
    "write_csv_templates",
    "write_template_data",
    "write_xlsx_template",
]
