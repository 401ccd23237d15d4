"""The audit log: every read, write or export of personal data, one JSON line each.

A line holds the time, the caller's subject and role, the operation, the people concerned as
salted SHA-256 hashes (never their uids), and the outcome. The salt is kept beside the log, so
an auditor with both can check whether a given person was touched, and the log alone names no one.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Iterable
from pathlib import Path

from carenet import private
from carenet.api.auth import Principal


class AuditLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        salt_path = path.with_suffix(".salt")
        private.create(salt_path, secrets.token_hex(16))
        private.append(path).close()  # the log and its salt: mode 0600, an older wider log narrowed
        self._salt = salt_path.read_text(encoding="utf-8").strip()
        self._lock = asyncio.Lock()

    def person_hash(self, uid: str) -> str:
        return hashlib.sha256(f"{self._salt}:{uid}".encode()).hexdigest()[:32]

    async def record(self, principal: Principal, operation: str, people: Iterable[str], outcome: str) -> None:
        line = json.dumps(
            {
                "time": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
                "subject": principal.subject,
                "role": principal.role.value,
                "operation": operation,
                "people": sorted({self.person_hash(u) for u in people}),
                "outcome": outcome,
            }
        )
        async with self._lock:
            await asyncio.to_thread(self._append, line)

    def _append(self, line: str) -> None:
        with private.append(self.path) as f:
            f.write(line + "\n")

    def lines(self) -> list[dict]:
        if not self.path.exists():
            return []
        return [json.loads(x) for x in self.path.read_text(encoding="utf-8").splitlines() if x.strip()]
