"""Who is calling, and what their role lets them do.

Credentials are a bearer JWT (RS256 only; ``exp``, ``iss``, ``aud`` and ``sub`` required; the key
from ``CARENET_JWT_PUBLIC_KEY`` or a JWKS URL) with a ``role`` claim and, for planners, a
``system`` claim; or an API key for a service account (``Authorization: ApiKey <key>``): random,
stored only as a SHA-256 hash in ``<data_dir>/api_keys.json``, compared in constant time.

Roles, least to most: ``public`` (aggregates only), ``frontend`` (map data, people's names and
roles), ``analyst`` (read and export), ``planner`` (read, and write within their own system),
``admin``. Ethnicity and sex are never returned per person to any role.

What each role may call (tests/api/test_roles.py checks every operation against every role):

- public: ``counts`` (grouped counts; filtering people needs frontend), ``leaderDemographics``,
  ``analysisReport(report: LEADERSHIP)``: aggregates only, people's counts suppressed.
- frontend: also ``teams``, ``organisations``, ``people``, ``places``, ``systems``, ``node``,
  ``subgraph``, ``analysis`` (team and organisation level), ``pathways``, ``culture`` (organisations'
  survey figures, held ones null, beside their leaders' network position). Of a person it sees the
  name, role (job title), leadership level, memberships and network metrics: what an
  organisation chart or a map shows.
- analyst: also the personal attributes of a person (``staffGroup``, ``band``, ``clinical``:
  facts about their employment, not their job in the network), ``nodeByUid``, the other
  reports of ``analysisReport`` and person-level ``analysis``.
- planner: also the mutations ``upsert``, ``deleteNodes``, ``deleteRelationships``, only for
  nodes that sit in the system named by their credentials (the rule: carenet.services.scope).
- admin: everything, anywhere; and the two per-person rights operations, ``exportPerson``
  (subject access, the only per-person read of ethnicity and sex) and ``erasePerson``.

No credentials, or bad ones: HTTP 401 (``UNAUTHENTICATED``) before anything runs. A role below
the one needed: ``FORBIDDEN``. Every read or write of people's data is audited (api/audit.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from carenet import private
from carenet.errors import Forbidden, Unauthenticated

ALGORITHM = "RS256"


class Role(StrEnum):
    PUBLIC = "public"
    FRONTEND = "frontend"
    ANALYST = "analyst"
    PLANNER = "planner"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)


@dataclass(frozen=True)
class Principal:
    subject: str
    role: Role
    system: str | None = None
    via: str = "jwt"

    def at_least(self, role: Role) -> bool:
        return self.role.rank >= role.rank

    def require(self, role: Role, operation: str) -> None:
        if not self.at_least(role):
            raise Forbidden(
                f"{operation} needs the {role} role or above; you have {self.role}",
                suggestion="ask an administrator for a token with that role",
            )

    def write_scope(self, operation: str) -> str | None:
        """Where this principal may write: None for an admin (anywhere), a planner's system;
        :class:`Forbidden` for anyone else. Every write path asks this, then
        :mod:`carenet.services.authority` with the answer."""
        if self.role is Role.ADMIN:
            return None
        self.require(Role.PLANNER, operation)
        if not self.system:
            raise Forbidden(
                f"{operation}: your credentials name no system to write in",
                suggestion="ask for a planner token (or API key) with a system",
            )
        return self.system


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class ApiKeyRecord:
    id: str
    sha256: str
    subject: str
    role: Role
    system: str | None = None


def load_api_keys(path: Path) -> dict[str, ApiKeyRecord]:
    if not path.exists():
        return {}
    rows = json.loads(path.read_text(encoding="utf-8"))
    return {r["id"]: ApiKeyRecord(r["id"], r["sha256"], r["subject"], Role(r["role"]), r.get("system")) for r in rows}


def create_api_key(path: Path, *, subject: str, role: Role, system: str | None = None) -> str:
    """Mint a key, store its hash in ``path`` and return the key (shown once, never stored)."""
    key_id = secrets.token_hex(6)
    key = f"cnk_{key_id}_{secrets.token_urlsafe(32)}"
    rows = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    rows.append({"id": key_id, "sha256": _hash(key), "subject": subject, "role": Role(role).value, "system": system})
    private.write(path, json.dumps(rows, indent=1))
    return key


def revoke_api_key(path: Path, key_id: str) -> bool:
    """Remove the key with ``key_id``; False when there is none."""
    rows = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    kept = [r for r in rows if r["id"] != key_id]
    if len(kept) == len(rows):
        return False
    private.write(path, json.dumps(kept, indent=1))
    return True


class Authenticator:
    """Turns an ``Authorization`` header into a :class:`Principal`, or raises :class:`Unauthenticated`."""

    def __init__(
        self,
        *,
        issuer: str,
        audience: str,
        public_keys: list[Any] = (),
        jwks_url: str | None = None,
        api_keys: dict[str, ApiKeyRecord] | None = None,
        api_keys_file: Path | None = None,
    ) -> None:
        self.issuer = issuer
        self.audience = audience
        self.public_keys = list(public_keys)
        self.jwks = jwt.PyJWKClient(jwks_url, cache_keys=True) if jwks_url else None
        self.api_keys = api_keys or {}
        self.api_keys_file = api_keys_file
        self._api_keys_seen: float | None = None

    def _current_api_keys(self) -> dict[str, ApiKeyRecord]:
        """The keys, re-read when the file changes (a key minted by the CLI works without a restart)."""
        if self.api_keys_file is None:
            return self.api_keys
        try:
            mtime = self.api_keys_file.stat().st_mtime_ns
        except FileNotFoundError:
            return self.api_keys
        if mtime != self._api_keys_seen:
            self.api_keys = load_api_keys(self.api_keys_file)
            self._api_keys_seen = mtime
        return self.api_keys

    def authenticate(self, authorization: str | None) -> Principal:
        scheme, _, credential = (authorization or "").strip().partition(" ")
        credential = credential.strip()
        if not credential:
            raise Unauthenticated("credentials required: Authorization: Bearer <token> or ApiKey <key>")
        if scheme.lower() == "bearer" and credential.startswith("cnk_"):
            return self._api_key(credential)
        if scheme.lower() == "apikey":
            return self._api_key(credential)
        if scheme.lower() == "bearer":
            return self._jwt(credential)
        raise Unauthenticated(f"unsupported authorization scheme {scheme!r}")

    def _api_key(self, key: str) -> Principal:
        parts = key.split("_", 2)
        record = self._current_api_keys().get(parts[1]) if len(parts) == 3 else None
        expected = record.sha256 if record else _hash("no such key")
        if not secrets.compare_digest(_hash(key), expected) or record is None:
            raise Unauthenticated("the API key is not valid")
        return Principal(record.subject, record.role, record.system, via="api_key")

    def _keys_for(self, token: str) -> list[Any]:
        keys = list(self.public_keys)
        if self.jwks is not None:
            try:
                keys.append(self.jwks.get_signing_key_from_jwt(token).key)
            except jwt.PyJWKClientError as exc:
                raise Unauthenticated(f"no signing key for the token: {exc}") from None
        return keys

    def _jwt(self, token: str) -> Principal:
        keys = self._keys_for(token)
        if not keys:
            raise Unauthenticated("this server has no key to verify tokens with")
        last: Exception | None = None
        for key in keys:
            try:
                claims = jwt.decode(
                    token,
                    key,
                    algorithms=[ALGORITHM],
                    audience=self.audience,
                    issuer=self.issuer,
                    options={"require": ["exp", "iss", "aud", "sub"]},
                )
                break
            except jwt.InvalidSignatureError as exc:
                last = exc
            except jwt.PyJWTError as exc:
                raise Unauthenticated(f"the token is not valid: {exc}") from None
        else:
            raise Unauthenticated(f"the token is not valid: {last}")
        try:
            role = Role(claims.get("role", ""))
        except ValueError:
            raise Unauthenticated("the token has no valid role claim") from None
        return Principal(str(claims["sub"]), role, claims.get("system"))


# --- demo mode: a key pair in the data folder and one token per role ---------------------------


def demo_private_key(data_dir: Path) -> rsa.RSAPrivateKey:
    path = data_dir / "demo_jwt_key.pem"
    if path.exists():
        return serialization.load_pem_private_key(path.read_bytes(), password=None)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private.write(
        path,
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
    )
    return key


def sign_token(
    private_key: Any,
    *,
    subject: str,
    role: Role,
    issuer: str,
    audience: str,
    system: str | None = None,
    lifetime: dt.timedelta = dt.timedelta(hours=12),
) -> str:
    now = dt.datetime.now(dt.UTC)
    claims = {
        "sub": subject,
        "role": Role(role).value,
        "iss": issuer,
        "aud": audience,
        "iat": now,
        "exp": now + lifetime,
    }
    if system:
        claims["system"] = system
    return jwt.encode(claims, private_key, algorithm=ALGORITHM)


def demo_tokens(private_key: Any, *, issuer: str, audience: str, system: str = "s1-system") -> dict[Role, str]:
    return {
        role: sign_token(
            private_key,
            subject=f"demo-{role.value}",
            role=role,
            issuer=issuer,
            audience=audience,
            system=system if role is Role.PLANNER else None,
        )
        for role in Role
    }
