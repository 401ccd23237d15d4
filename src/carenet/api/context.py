"""The per-request GraphQL context: services, the caller, and DataLoaders built per request."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strawberry.fastapi import BaseContext

from carenet.api.auth import Principal, Role


@dataclass
class Context(BaseContext):
    services: Any
    """:class:`carenet.bootstrap.Services` (not imported: the API may not depend on bootstrap)."""
    principal: Principal = field(default_factory=lambda: Principal("anonymous", Role.PUBLIC))
    audit: Any = None
    """An :class:`carenet.api.audit.AuditLog` (or None: nothing is recorded)."""
    graph_version: Any = None
    """A :class:`carenet.api.http.GraphVersion`, bumped by every mutation."""
    loaders: Any = None
    """Per-request DataLoaders (see :mod:`carenet.api.loaders`)."""
    budget: Any = None
    """The server's :class:`carenet.api.cost.Budget` per caller over time (None: no limit over time)."""
    graph_sizes: Any = None
    """:class:`carenet.api.cost.GraphSizes` the analytics are costed by (set by the schema before
    anything runs; None: analytics cost nothing)."""

    def __post_init__(self) -> None:
        super().__init__()

    @property
    def repo(self):
        """The services' repository, which resolvers hand to service functions as their first
        argument (the services' own signature). The API calls no method of it and imports no part
        of the storage layer (``tests/test_architecture.py`` and the import contracts check both)."""
        return self.services.repo
