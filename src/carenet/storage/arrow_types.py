"""The Arrow type of each LadybugDB column type: what a store's streams must give, whichever
store it is (LadybugDB types its results itself; the Neo4j driver does not)."""

from __future__ import annotations

import pyarrow as pa

ARROW = {
    "STRING": pa.string(),
    "INT64": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "STRING[]": pa.list_(pa.string()),
}


def schema(columns: tuple[tuple[str, str], ...]) -> pa.Schema:
    """The Arrow schema of (name, LadybugDB type) pairs."""
    return pa.schema([(name, ARROW[kind]) for name, kind in columns])
