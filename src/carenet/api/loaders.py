"""DataLoaders, built per request: every related-node look-up of a page is one store round trip."""

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

    def __getitem__(self, relation: Relation) -> DataLoader:
        loader = self._loaders.get(relation)
        if loader is None:

            async def load(uids: list[str], relation: Relation = relation) -> list[list[dict]]:
                return await related(self._repo, relation=relation, uids=uids)

            loader = self._loaders[relation] = DataLoader(load_fn=load)
        return loader

    async def load(self, relation: Relation, uid: str) -> list[dict]:
        return await self[relation].load(uid)
