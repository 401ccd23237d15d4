"""GraphQL for planners and front-ends: types, queries, mutations, context, errors.

No Cypher and no networkx here: the API reaches the graph through services.
"""

from carenet.api.schema import build_schema

__all__ = ["build_schema"]
