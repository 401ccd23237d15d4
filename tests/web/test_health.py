"""The service over real HTTP: liveness, readiness, and the first GraphQL field."""

from __future__ import annotations

import httpx

from carenet.config import Settings
from carenet.web import create_app


def test_health_ready_and_node_by_uid(tmp_path, live_server):
    settings = Settings(data_dir=tmp_path / "data")
    with live_server(create_app(settings)) as server:
        assert httpx.get(server.url + "/healthz").json() == {"status": "ok"}
        ready = httpx.get(server.url + "/readyz")
        assert ready.status_code == 200
        assert ready.json()["status"] == "ok" and ready.json()["schema_version"] >= 1
        # the server migrated at start and wrote an admin key for the CLI, readable by its owner only
        key_file = settings.data_dir / "admin.key"
        assert key_file.stat().st_mode & 0o077 == 0
        key = key_file.read_text()
        generated = httpx.post(
            server.url + "/admin/generate", json={"seed": 7}, headers={"Authorization": f"Bearer {key}"}, timeout=120
        )
        assert generated.status_code == 200 and generated.json()["nodes"]["Team"] > 500
        assert (
            httpx.post(server.url + "/admin/generate", json={}, headers={"Authorization": "Bearer wrong"}).status_code
            == 401
        )


def test_readyz_says_unavailable_when_the_store_is_down(tmp_path, live_server):
    settings = Settings(data_dir=tmp_path / "data")
    app = create_app(settings)
    with live_server(app) as server:
        services = app.state.services

        async def down() -> None:
            from carenet.errors import StorageUnavailable

            raise StorageUnavailable("injected fault")

        original = services.store.ping
        services.store.ping = down
        try:
            response = httpx.get(server.url + "/readyz")
        finally:
            services.store.ping = original
        assert response.status_code == 503 and "injected fault" in response.text
        assert httpx.get(server.url + "/healthz").status_code == 200


def test_what_start_up_keeps_is_out_of_the_collectors_walks_while_serving(tmp_path, live_server):
    """The app freezes the heap once started (its full collections then walk only what came after)
    and unfreezes it at shutdown, so what it kept can be collected once it is gone."""
    import gc

    app = create_app(Settings(data_dir=tmp_path / "data"))
    with live_server(app) as server:
        assert httpx.get(server.url + "/readyz").status_code == 200
        frozen = gc.get_freeze_count()
        assert frozen > 10_000  # the modules, the schema, the services: the objects alive at start
        gc.collect()
        assert gc.get_freeze_count() == frozen  # a full collection leaves them where they are
        tracked = len(gc.get_objects())
        assert tracked < frozen  # what a collection walks is what came after start-up
    assert gc.get_freeze_count() == 0
