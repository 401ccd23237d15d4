"""The one registry of named queries. Import ``REGISTRY`` and look queries up by name."""

from carenet.storage.queries import analysis, connections, core, crud, relations, subgraph
from carenet.storage.queries.registry import Dialect, Query, Registry, Upsert

REGISTRY = Registry()
for _module in (crud, core, subgraph, connections, relations, analysis):
    REGISTRY.add_module(_module)

__all__ = ["REGISTRY", "Dialect", "Query", "Registry", "Upsert"]
