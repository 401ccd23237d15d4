"""The one registry of named queries. Import ``REGISTRY`` and look queries up by name."""

from carenet.storage.queries import analysis, connections, core, crud, culture, integrity, relations, subgraph
from carenet.storage.queries.registry import Dialect, Query, Registry, Upsert

REGISTRY = Registry()
for _module in (*crud.MODULES, core, subgraph, connections, relations, analysis, integrity, culture):
    REGISTRY.add_module(_module)
from carenet.storage.queries import mutations as _api  # noqa: E402 - the API's writes, counts, look-ups
from carenet.storage.queries import pages as _pages  # noqa: E402 - after the modules they build on

REGISTRY.add_module(_api)
REGISTRY.add_module(_pages)

__all__ = ["REGISTRY", "Dialect", "Query", "Registry", "Upsert"]
