"""``carenet apikey create|list|revoke``: API keys for service accounts.

A key is shown once, when it is made; only its SHA-256 hash is kept, in
``<data dir>/api_keys.json`` (mode 0600). A running server reads the file again when it
changes, so a new or revoked key takes effect without a restart. Send a key as
``Authorization: ApiKey <key>`` (or ``Bearer <key>``).
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from carenet.api.auth import Role, create_api_key, load_api_keys, revoke_api_key
from carenet.cli.runtime import out, settings_from
from carenet.errors import InvalidInput, NotFound, Problem
from carenet.web.security import api_keys_path

app = typer.Typer(no_args_is_help=True, help="API keys for service accounts: create, list, revoke.")
DATA_DIR = typer.Option(None, help="Data folder holding api_keys.json (CARENET_DATA_DIR).")


@app.command()
def create(
    role: Role = typer.Option(..., help="public, frontend, analyst, planner or admin."),
    system: str = typer.Option(None, help="The system a planner may write in (its uid, e.g. s1-system)."),
    subject: str = typer.Option("service-account", help="Who the key is for (shown in the audit log)."),
    data_dir: Path = DATA_DIR,
) -> None:
    """Make a key and print it once."""
    if role is Role.PLANNER and not system:
        raise InvalidInput([Problem("--system", "a planner key needs the system it may write in")])
    path = api_keys_path(settings_from(data_dir=data_dir))
    key = create_api_key(path, subject=subject, role=role, system=system)
    typer.echo(key)
    typer.echo(f"(shown once; stored as a hash in {path})", err=True)


@app.command("list")
def list_(data_dir: Path = DATA_DIR) -> None:
    """The keys held: id, subject, role, system (never the keys)."""
    records = load_api_keys(api_keys_path(settings_from(data_dir=data_dir)))
    table = Table("id", "subject", "role", "system")
    for r in records.values():
        table.add_row(r.id, r.subject, r.role.value, r.system or "")
    out.print(table)


@app.command()
def revoke(
    key_id: str = typer.Argument(..., help="The key's id (the part after cnk_)."), data_dir: Path = DATA_DIR
) -> None:
    """Remove a key; a running server stops accepting it at once."""
    if not revoke_api_key(api_keys_path(settings_from(data_dir=data_dir)), key_id):
        raise NotFound(f"no API key with id {key_id!r}")
    out.print(f"revoked {key_id}")
