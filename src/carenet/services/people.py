"""A person's rights over their data: subject access (everything held on them) and erasure.

:func:`export_person` is the one place a person's own ethnic category and sex are read back
per person, for a subject access request; the API lets only an admin call it and audits it.
"""

from __future__ import annotations

from typing import Any

from carenet.domain.schema import NodeLabel
from carenet.errors import NotFound
from carenet.storage.repository import Repository

_EMPTY = (None, "", [], 0)


async def export_person(repo: Repository, *, uid: str) -> dict[str, Any]:
    """Everything held on one person: their properties, their demographic record and every
    relationship they have (with its properties). Raises :class:`NotFound`."""
    person = await repo.get(NodeLabel.PERSON, uid)
    if person is None:
        raise NotFound(f"no person with uid {uid!r}")
    demographic = await repo.subject_access_demographic(uid)
    rels = await repo.subject_access_relationships(uid)
    relationships = [
        {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items() if v not in _EMPTY or k == "uid"}
        for r in sorted(rels, key=lambda r: (r["type"], r["direction"], r["other"], r["uid"] or ""))
    ]
    return {
        "person": person.model_dump(mode="json"),
        "demographic": {k: v for k, v in demographic[0].items() if v is not None} if demographic else None,
        "relationships": relationships,
    }


async def erase_person(repo: Repository, *, uid: str) -> int:
    """Delete the person, their demographic record and every relationship either has, in one
    transaction. Returns how many relationships the person had. Raises :class:`NotFound`."""
    if uid not in await repo.existing(NodeLabel.PERSON, [uid]):
        raise NotFound(f"no person with uid {uid!r}")
    had = len(await repo.subject_access_relationships(uid))
    await repo.erase_person(uid)
    return had
