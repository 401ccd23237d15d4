"""Scheduled backups (``CARENET_BACKUP_DIR``, ``CARENET_BACKUP_EVERY``, ``CARENET_BACKUP_KEEP``): a
running server takes them, each checked and with a manifest, and keeps the newest ones."""

from __future__ import annotations

import datetime as dt
import json
import time

from carenet.bootstrap import SCHEMA_DIR
from carenet.config import Settings
from carenet.storage.migrations import schema_files
from carenet.web.app import create_app


def test_a_server_takes_backups_on_schedule_and_keeps_the_newest(tmp_path, live_server):
    root = tmp_path / "backups"
    settings = Settings(
        data_dir=tmp_path / "data", backup_dir=root, backup_every=dt.timedelta(seconds=0.3), backup_keep=2
    )
    with live_server(create_app(settings)):
        deadline = time.monotonic() + 60
        taken: set[str] = set()
        while time.monotonic() < deadline and len(taken) < 4:
            taken |= {p.parent.name for p in root.glob("*/manifest.json")} if root.exists() else set()
            time.sleep(0.1)
    kept = sorted(p.parent for p in root.glob("*/manifest.json"))
    assert 1 <= len(kept) <= 2, kept
    assert len(taken) >= 3  # more were taken than kept
    manifest = json.loads((kept[-1] / "manifest.json").read_text())
    assert (
        manifest["schema_version"] == schema_files(SCHEMA_DIR, "ladybug")[-1].version and "Team" in manifest["counts"]
    )
    assert (kept[-1] / "graph").stat().st_size > 0
