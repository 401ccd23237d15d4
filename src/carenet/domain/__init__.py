"""The carenet graph model: enums, identifier types, node and relationship models, the schema.

Imports nothing else from carenet.
"""

from carenet.domain.enums import *  # noqa: F403
from carenet.domain.models import *  # noqa: F403
from carenet.domain.schema import NODE_MODELS, REL_SPECS, NodeLabel, RelSpec, RelType

__all__ = ["NODE_MODELS", "REL_SPECS", "NodeLabel", "RelSpec", "RelType"]
