"""Mutations: batched upserts and deletes of every node and relationship kind, and erasure.

Each mutation is one transaction. The input types are made from the domain models, so they
follow them: ``uid`` (and a relationship's ``source``/``target``) are required by the schema;
every other field is nullable here and checked by the domain model, so that every problem of
every item comes back at once, as ``BAD_USER_INPUT`` with ``extensions.problems`` (``path`` like
``input.teams.3.sector`` and ``message``), and nothing is written. Vocabularies (sector, kind,
level...) take the domain's lower-case values, as the query types return them.

``upsert`` takes nodes and relationships together, so a new node comes with the relationship
that anchors it (a planner's new team with its ``partOf``) in one transaction. Who may write:
admins anything; planners only inside their own system (:mod:`carenet.services.authority`).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info
from strawberry.utils.str_converters import to_camel_case

from carenet.api.auth import Role
from carenet.api.context import Context
from carenet.domain import models as m
from carenet.domain.schema import NODE_MODELS, REL_SPECS
from carenet.errors import Forbidden, InvalidInput, NotFound, Problem
from carenet.services import mutations as svc
from carenet.services import people as people_svc

_SCALARS = {bool: bool, int: int, float: float, dt.date: dt.date, dt.datetime: dt.datetime}


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the type without Optional/Annotated, whether it is a list)."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0])
    if origin is list:
        inner, _ = _unwrap(typing.get_args(annotation)[0])
        return inner, True
    return annotation, False


def _field_type(annotation: Any) -> tuple[Any, str]:
    base, is_list = _unwrap(annotation)
    note = ""
    if isinstance(base, type) and issubclass(base, Enum):
        note = "one of: " + ", ".join(str(e.value) for e in base)
        base = str
    else:
        base = _SCALARS.get(base, str)
    return (list[base] if is_list else base), note


def _input_type(name: str, model: type[m.Model], *, skip: tuple[str, ...] = (), ids: tuple[str, ...] = (),
                extra: dict[str, Any] | None = None) -> type:
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {"__module__": __name__}
    for field_name in ids:
        annotations[field_name] = strawberry.ID
    fields = {**{k: (v.annotation, v.is_required()) for k, v in model.model_fields.items()}, **(extra or {})}
    for field_name, (annotation, required) in fields.items():
        if field_name in skip or field_name in ids:
            continue
        gql, note = _field_type(annotation)
        annotations[field_name] = gql | None
        description = "; ".join(x for x in ("required" if required else "", note) if x) or None
        namespace[field_name] = strawberry.field(default=None, description=description)
    namespace["__annotations__"] = annotations
    return strawberry.input(type(name, (), namespace))


_PERSON_SPECIAL = {
    "ethnic_category": (m.Demographic.model_fields["ethnic_category"].annotation, False),
    "sex": (m.Demographic.model_fields["sex"].annotation, False),
}
NODE_INPUTS: dict[str, type] = {
    kind: _input_type(
        f"{label.value}Input", NODE_MODELS[label], skip=svc.METRICS, ids=("uid",),
        extra=_PERSON_SPECIAL if kind == "people" else None,
    )
    for kind, label in svc.NODE_KINDS.items()
}
REL_INPUTS: dict[str, type] = {
    kind: _input_type(
        "".join(w.title() for w in rel_type.value.split("_")) + "Input", REL_SPECS[rel_type].model, ids=("source", "target")
    )
    for kind, rel_type in svc.REL_KINDS.items()
}


def _lists(name: str, item_types: dict[str, type], doc: str) -> type:
    namespace: dict[str, Any] = {"__module__": __name__, "__doc__": doc}
    namespace["__annotations__"] = {kind: list[t] | None for kind, t in item_types.items()}
    namespace.update(dict.fromkeys(item_types))
    return strawberry.input(type(name, (), namespace), description=doc)


@strawberry.input(description="A reference to one relationship: its uid, or source, target (and wave for survey ties).")
class RelationshipRef:
    source: strawberry.ID
    target: strawberry.ID
    uid: strawberry.ID | None = None
    wave: strawberry.ID | None = strawberry.field(default=None, description="survey ties: the wave, when no uid is given")
    source_label: str | None = None
    target_label: str | None = None


UpsertInput = _lists("UpsertInput", {**NODE_INPUTS, **REL_INPUTS},
                     "Nodes and relationships to upsert together, in one transaction.")
NodeIdsInput = _lists("NodeIdsInput", dict.fromkeys(svc.NODE_KINDS, strawberry.ID), "Uids of nodes to delete, by kind.")
RelationshipRefsInput = _lists("RelationshipRefsInput", dict.fromkeys(svc.REL_KINDS, RelationshipRef),
                               "Relationships to delete, by type.")


@strawberry.type
class KindCount:
    kind: str
    count: int


@strawberry.type(description="What a mutation wrote or deleted, and the graph version after it.")
class WriteResult:
    nodes: list[KindCount]
    relationships: list[KindCount]
    graph_version: str


@strawberry.type
class ErasePersonResult:
    uid: strawberry.ID
    relationships_removed: int
    graph_version: str


def _items(value: Any) -> dict[str, Any]:
    return {k: getattr(value, k) for k in value.__annotations__ if getattr(value, k, None) is not None}


def _camel(problems: typing.Sequence[Problem]) -> list[Problem]:
    return [Problem(".".join(to_camel_case(s) for s in p.location.split(".")), p.message, p.value) for p in problems]


def writer_scope(ctx: Context, operation: str) -> str | None:
    """None for an admin (anywhere); a planner's system; Forbidden for anyone else."""
    return ctx.principal.write_scope(operation)


def _result(ctx: Context, outcome: svc.Outcome) -> WriteResult:
    return WriteResult(
        nodes=[KindCount(kind=k, count=v) for k, v in sorted(outcome.nodes.items())],
        relationships=[KindCount(kind=k, count=v) for k, v in sorted(outcome.relationships.items())],
        graph_version=str(ctx.graph_version) if ctx.graph_version is not None else "0",
    )


async def _audit(ctx: Context, operation: str, people: typing.Iterable[str], outcome: str = "ok") -> None:
    people = list(people)
    if people and ctx.audit is not None:
        await ctx.audit.record(ctx.principal, operation, people, outcome)


async def _run(ctx: Context, call):
    try:
        return await call
    except InvalidInput as exc:
        raise InvalidInput(_camel(exc.problems)) from None


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Upsert nodes and relationships (idempotent by uid), in one transaction. "
                                     "Planner (own system only) or admin.")
    async def upsert(self, info: Info[Context, None], input: UpsertInput) -> WriteResult:
        ctx = info.context
        system = writer_scope(ctx, "upsert")
        values = {k: [_items(x) for x in v] for k, v in _items(input).items()}
        nodes = {k: v for k, v in values.items() if k in svc.NODE_KINDS}
        rels = {k: v for k, v in values.items() if k in svc.REL_KINDS}
        outcome = await _run(ctx, svc.upsert(ctx.repo, nodes=nodes, relationships=rels, system=system))
        await _audit(ctx, "write people", outcome.people)
        return _result(ctx, outcome)

    @strawberry.mutation(description="Delete nodes and all their relationships (a person's demographic record "
                                     "too), in one transaction. Planner (own system only) or admin.")
    async def delete_nodes(self, info: Info[Context, None], input: NodeIdsInput) -> WriteResult:
        ctx = info.context
        system = writer_scope(ctx, "deleteNodes")
        ids = {k: [str(u) for u in v] for k, v in _items(input).items()}
        outcome = await _run(ctx, svc.delete_nodes(ctx.repo, ids=ids, system=system))
        await _audit(ctx, "delete people", outcome.people)
        return _result(ctx, outcome)

    @strawberry.mutation(description="Delete relationships, in one transaction. Planner (own system only) or admin.")
    async def delete_relationships(self, info: Info[Context, None], input: RelationshipRefsInput) -> WriteResult:
        ctx = info.context
        system = writer_scope(ctx, "deleteRelationships")
        refs = {k: [_items(r) for r in v] for k, v in _items(input).items()}
        outcome = await _run(ctx, svc.delete_relationships(ctx.repo, refs=refs, system=system))
        await _audit(ctx, "delete people's relationships", outcome.people)
        return _result(ctx, outcome)

    @strawberry.mutation(description="Erase a person: the person, their demographic record and every relationship "
                                     "(right to erasure). Admin only; audited.")
    async def erase_person(self, info: Info[Context, None], uid: strawberry.ID) -> ErasePersonResult:
        ctx = info.context
        try:
            ctx.principal.require(Role.ADMIN, "erasePerson")
            removed = await people_svc.erase_person(ctx.repo, uid=str(uid))
        except (Forbidden, NotFound) as exc:
            await _audit(ctx, "erase person", [str(uid)], "denied" if isinstance(exc, Forbidden) else "not found")
            raise
        await _audit(ctx, "erase person", [str(uid)])
        return ErasePersonResult(uid=uid, relationships_removed=removed, graph_version=str(ctx.graph_version or "0"))


async def resolve_export_person(info: Info[Context, None], uid: strawberry.ID) -> JSON:
    """Subject access: everything held on one person, their own ethnic category and sex included."""
    ctx = info.context
    try:
        ctx.principal.require(Role.ADMIN, "exportPerson")
        record = await people_svc.export_person(ctx.repo, uid=str(uid))
    except (Forbidden, NotFound) as exc:
        await _audit(ctx, "export person", [str(uid)], "denied" if isinstance(exc, Forbidden) else "not found")
        raise
    await _audit(ctx, "export person", [str(uid)])
    return record


export_person_field = strawberry.field(
    resolver=resolve_export_person,
    description="Subject access request: everything held on one person, including their own demographic "
    "record (the one per-person disclosure of it). Admin only; audited.",
)

__all__ = ["Mutation", "export_person_field", "writer_scope"]
