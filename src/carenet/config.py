"""Settings, read from the environment with the ``CARENET_`` prefix.

Nothing here connects to anything: settings are plain values that
:func:`carenet.bootstrap.build` turns into services.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Mode(StrEnum):
    """``demo`` turns on GraphiQL, introspection and printed demo tokens; ``production`` turns them off."""

    DEMO = "demo"
    PRODUCTION = "production"


class Settings(BaseSettings):
    """Every setting carenet reads. The environment variable is ``CARENET_`` + the upper-case name."""

    model_config = SettingsConfigDict(env_prefix="CARENET_", env_file=None, extra="ignore")

    mode: Mode = Mode.PRODUCTION
    data_dir: Path = Path(".carenet")
    """Folder of the embedded LadybugDB database (``<data_dir>/graph``) and other local state."""

    neo4j_uri: str | None = None
    """``neo4j://`` (cluster routing) or ``bolt://``; when set, Neo4j is the store instead of LadybugDB."""
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"

    schema_dir: Path | None = None
    """Folder of the schema files; defaults to the ones in the package (``carenet/graph_schema/``)."""

    host: str = "127.0.0.1"
    port: int = 8000
    server_url: str | None = None
    """Where a running carenet server is, for CLI commands that must go through its HTTP API."""

    read_pool_size: int = Field(default=4, ge=1, le=64)
    """Threads (each with its own connection) serving reads from the embedded store."""
    buffer_pool_mb: int = Field(default=0, ge=0)
    metrics_refresh_s: float = Field(default=2.0, ge=0)
    """Recompute the stored network metrics in the background once writes pause this long (0: only
    when a read needs them)."""
    """The embedded store's buffer pool in MiB; 0 leaves LadybugDB's default (80% of the machine's memory)."""

    backup_dir: Path | None = None
    """Folder of scheduled backups of the embedded store (one subfolder each); unset: none are taken."""
    backup_every: dt.timedelta = dt.timedelta(hours=6)
    """Time between scheduled backups: seconds, or ISO 8601 such as ``PT6H``."""
    backup_keep: int = Field(default=7, ge=1)
    """Scheduled backups kept; older ones are removed."""

    # API hardening (the GraphQL issue uses these)
    cors_origins: list[str] = Field(default_factory=list)
    max_body_bytes: int = 1_000_000
    request_timeout_s: float = 30.0
    cost_budget: int = Field(default=2_000_000, ge=0)
    """GraphQL cost (see carenet.api.cost) one caller may spend per cost_window_s; 0: no limit over time."""
    cost_window_s: float = Field(default=60.0, gt=0)

    # Uploads to POST /files/import (see carenet.web.files)
    upload_max_bytes: int = Field(default=200_000_000, ge=1)
    """Bytes of one request's body, all files together (413 past it)."""
    upload_max_file_bytes: int = Field(default=100_000_000, ge=1)
    """Bytes of one uploaded file."""
    upload_max_files: int = Field(default=50, ge=1)
    upload_max_rows: int = Field(default=2_000_000, ge=1)
    """Lines of all CSV files of one request together."""
    upload_max_cells: int = Field(default=50_000_000, ge=1)
    """Cells (separators and line ends) of all CSV files of one request together."""

    culture_min_responses: int = Field(default=11, ge=1)
    """A culture indicator from fewer responses is held but never shown (11: the NHS Staff Survey's
    published minimum for organisation breakdowns)."""

    admin_key: SecretStr | None = None
    """Key for the /admin routes the CLI uses; by default a random one in <data_dir>/admin.key."""

    # Authentication
    jwt_public_key: str | None = None
    jwks_url: str | None = None
    jwt_issuer: str = "carenet"
    jwt_audience: str = "carenet-api"

    @property
    def ladybug_path(self) -> Path:
        return self.data_dir / "graph"

    @property
    def uses_neo4j(self) -> bool:
        return bool(self.neo4j_uri)
