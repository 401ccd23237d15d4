"""docker-compose.yml and the Dockerfile (no Docker engine runs here, so they are read, not run)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from carenet.config import Settings

ROOT = Path(__file__).resolve().parents[1]


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _settings_vars() -> set[str]:
    return {"CARENET_" + name.upper() for name in Settings.model_fields}


def test_compose_passes_only_variables_config_reads():
    compose = _compose()
    env = compose["services"]["carenet"]["environment"]
    passed = set(env) | set(re.findall(r"^(CARENET_[A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    unknown = {name for name in passed if name.startswith("CARENET_")} - _settings_vars()
    assert not unknown, f"config.py does not read {unknown}"
    assert env["CARENET_NEO4J_URI"].startswith("neo4j://")
    for needed in ("CARENET_NEO4J_URI", "CARENET_NEO4J_USER"):
        assert needed in env
    assert "CARENET_NEO4J_PASSWORD" in (ROOT / ".env.example").read_text()


def test_compose_runs_neo4j_5_with_a_secret_memory_settings_and_healthchecks():
    services = _compose()["services"]
    neo4j = services["neo4j"]
    assert neo4j["image"].startswith("neo4j:5")
    assert "NEO4J_AUTH_FILE" in neo4j["environment"] and "neo4j_auth" in neo4j["secrets"]
    assert {"NEO4J_server_memory_heap_max__size", "NEO4J_server_memory_pagecache_size"} <= set(neo4j["environment"])
    assert "healthcheck" in neo4j and "healthcheck" in services["carenet"]
    assert services["carenet"]["depends_on"]["neo4j"]["condition"] == "service_healthy"
    for service in services.values():  # published only on loopback
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:")


def test_dockerfile_runs_as_a_non_root_user_with_a_healthcheck():
    text = (ROOT / "Dockerfile").read_text()
    users = re.findall(r"^USER\s+(\S+)", text, re.M)
    assert users and users[-1] not in ("root", "0")
    assert "HEALTHCHECK" in text and "/readyz" in text
    # the schema files and the built pages ship in the package: nothing is copied beside it
    assert "COPY graph_schema" not in text and "CARENET_SCHEMA_DIR" not in text
    assert re.search(r"^RUN pip install --no-cache-dir \.$", text, re.M) and "setup.py" in text
