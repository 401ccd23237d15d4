"""DataLoaders, built per request: every related-node look-up of a page is one store round trip.

A root connection that knows its nodes' relations are selected reads them for the whole page
itself (:meth:`Loaders.prefetch`: the same round trip the DataLoader would make, in the same
order), and the nodes' resolvers answer from :meth:`Loaders.ready` without awaiting: graphql-core
then completes those fields at once, instead of gathering one awaitable per field and node and
a DataLoader batch in a task of its own (about a tenth of the CPU of the team query of
``benchmarks/api.py``). ``tests/api/test_plain_path.py`` compares the answers, the store calls
and the errors with and without it."""

from __future__ import annotations

from typing import Any

from strawberry.dataloader import DataLoader

from carenet.services.relations import Relation, related


class Loaders:
    def __init__(self, repo: Any) -> None:
        """``repo``: the services' repository, handed on to :func:`carenet.services.relations.related`
        (not imported: the API reaches the storage layer through services only)."""
        self._repo = repo
        self._loaders: dict[Relation, DataLoader] = {}
        self._ready: dict[Relation, dict[str, list[dict]]] = {}

    def __getitem__(self, relation: Relation) -> DataLoader:
        loader = self._loaders.get(relation)
        if loader is None:

            async def load(uids: list[str], relation: Relation = relation) -> list[list[dict]]:
                return await related(self._repo, relation=relation, uids=uids)

            loader = self._loaders[relation] = DataLoader(load_fn=load)
        return loader

    async def load(self, relation: Relation, uid: str) -> list[dict]:
        return await self[relation].load(uid)

    async def prefetch(self, relation: Relation, uids: list[str]) -> None:
        """Read ``relation`` for ``uids`` now, in one round trip, and keep the rows for :meth:`ready`
        (and for :meth:`load`: the DataLoader is primed with them)."""
        wanted = [uid for uid in dict.fromkeys(uids) if uid not in self._ready.get(relation, {})]
        if not wanted:
            return
        try:
            rows = await related(self._repo, relation=relation, uids=wanted)
        except Exception:  # noqa: BLE001 - left to load(), which reports it at each field as before
            return
        found = dict(zip(wanted, rows, strict=True))
        self._ready.setdefault(relation, {}).update(found)
        self[relation].prime_many(found)

    def ready(self, relation: Relation, uid: str) -> list[dict] | None:
        """The rows of ``relation`` for ``uid`` when :meth:`prefetch` read them; else None."""
        return self._ready.get(relation, {}).get(uid)
