"""Wiring of authentication for the web app: which keys verify tokens, and demo-mode tokens."""

from __future__ import annotations

import logging
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from carenet.api.auth import Authenticator, Role, demo_private_key, demo_tokens, load_api_keys
from carenet.config import Mode, Settings

log = logging.getLogger("carenet.web")


def api_keys_path(settings: Settings) -> Path:
    return settings.data_dir / "api_keys.json"


def audit_log_path(settings: Settings) -> Path:
    return settings.data_dir / "audit.log"


def _public_key(text: str):
    """``CARENET_JWT_PUBLIC_KEY`` holds a PEM public key, or the path of a file holding one."""
    data = text.encode() if "BEGIN" in text else Path(text).read_bytes()
    return serialization.load_pem_public_key(data)


def build_authenticator(settings: Settings) -> tuple[Authenticator, dict[Role, str]]:
    """The authenticator, and in demo mode one signed token per role (empty otherwise)."""
    keys = [_public_key(settings.jwt_public_key)] if settings.jwt_public_key else []
    tokens: dict[Role, str] = {}
    if settings.mode is Mode.DEMO:
        private = demo_private_key(settings.data_dir)
        keys.append(private.public_key())
        tokens = demo_tokens(private, issuer=settings.jwt_issuer, audience=settings.jwt_audience)
    authenticator = Authenticator(
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        public_keys=keys,
        jwks_url=settings.jwks_url,
        api_keys=load_api_keys(api_keys_path(settings)),
        api_keys_file=api_keys_path(settings),
    )
    return authenticator, tokens


def print_demo_links(settings: Settings, tokens: dict[Role, str]) -> None:
    if not tokens:
        return
    base = f"http://{settings.host}:{settings.port}"
    lines = ["demo tokens (Authorization: Bearer <token>), one per role; open a link to try the map:"]
    for role, token in tokens.items():
        lines.append(f"  {role.value:<9} {base}/map#token={token}")
    print("\n".join(lines), flush=True)
