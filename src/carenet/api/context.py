"""The per-request GraphQL context: services, the caller, and DataLoaders built per request."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.fastapi import BaseContext

from carenet.bootstrap import Services


@dataclass
class Context(BaseContext):
    services: Services

    def __post_init__(self) -> None:
        super().__init__()
