"""The composition root: the one place a store is chosen and services are wired together."""

from __future__ import annotations

from pathlib import Path

from carenet.config import Settings
from carenet.services.container import Services
from carenet.storage.repository import Repository
from carenet.storage.store import GraphStore

__all__ = ["SCHEMA_DIR", "Services", "build", "open_store", "schema_dir"]

SCHEMA_DIR = Path(__file__).resolve().parent / "graph_schema"
"""The schema files shipped in the package (``carenet/graph_schema/<store>/NNN_name.cypher``)."""


def schema_dir(settings: Settings) -> Path:
    return settings.schema_dir or SCHEMA_DIR


def open_store(settings: Settings) -> GraphStore:
    """Neo4j when ``CARENET_NEO4J_URI`` is set, else the embedded LadybugDB in the data folder."""
    if settings.uses_neo4j:
        from carenet.storage.neo4j import Neo4jStore

        return Neo4jStore(
            settings.neo4j_uri,
            user=settings.neo4j_user,
            password=settings.neo4j_password.get_secret_value(),
            database=settings.neo4j_database,
        )
    from carenet.storage.ladybug import LadybugStore

    return LadybugStore.open(
        settings.ladybug_path, read_threads=settings.read_pool_size, buffer_pool_mb=settings.buffer_pool_mb
    )


async def build(settings: Settings | None = None, *, migrate_schema: bool = False) -> Services:
    settings = settings or Settings()
    store = open_store(settings)
    services = Services(settings=settings, store=store, repo=Repository(store), schema_dir=schema_dir(settings))
    if migrate_schema:
        await services.migrate()
    return services
