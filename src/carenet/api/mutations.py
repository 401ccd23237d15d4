"""Mutations: batched upserts and deletes of every node and relationship kind, and erasure.

Each mutation is one transaction. The input types are made from the domain models, so they
follow them: a field the model requires is non-null in the schema (a missing one is a GraphQL
validation error naming the input type and field, before anything runs); the values are checked
by the domain model, so that every problem of every item comes back at once, as
``BAD_USER_INPUT`` with ``extensions.problems`` (``path`` like ``input.teams.3.name`` and
``message``), and nothing is written. Vocabularies (sector, kind, level...) take their enums, the
same as filters and outputs (the old lower-case spellings in variables, for one release:
:mod:`carenet.api.spellings`). Every field has a description (:data:`FIELD_DESCRIPTIONS`).

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
from carenet.api.enums import FOR_DOMAIN, NodeLabelEnum, RelationshipTypeEnum
from carenet.api.types import DEPRECATED
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


def _field_type(annotation: Any) -> Any:
    """The GraphQL type of a model field: a vocabulary's enum (:data:`~carenet.api.enums.FOR_DOMAIN`;
    a vocabulary without one fails at import), a scalar, else a string."""
    base, is_list = _unwrap(annotation)
    if isinstance(base, type) and issubclass(base, Enum):
        base = FOR_DOMAIN[base]
    else:
        base = _SCALARS.get(base, str)
    return list[base] if is_list else base


_DATES = {
    "since": "The relationship holds from this date; omitted = not recorded.",
    "until": "The relationship held until this date; omitted = it still holds.",
}
_REL = {
    "uid": "The relationship's uid; omitted = TYPE:source>target (with @wave for survey ties), so a tie "
    "imported twice is one relationship.",
    "source_label": "The source node's label, where the uid alone could name nodes of two labels.",
    "target_label": "The target node's label, where the uid alone could name nodes of two labels.",
    **_DATES,
}
_TIE = {
    "kinds": "What the tie is (at least one)",
    "frequency": "How often the two work together",
    "wave": "Uid of the survey wave that reported the tie.",
    "trust": "PARTNER trust, 1-4 (the single score; omitted when the three sub-items are given).",
    "value": "PARTNER value, 1-4 (the single score; omitted when the three sub-items are given).",
    "trust_reliability": "PARTNER trust sub-item: reliability, 1-4.",
    "trust_mission": "PARTNER trust sub-item: in support of the mission, 1-4.",
    "trust_openness": "PARTNER trust sub-item: open to discussion, 1-4.",
    "value_power": "PARTNER value sub-item: power/influence, 1-4.",
    "value_involvement": "PARTNER value sub-item: level of involvement, 1-4.",
    "value_resources": "PARTNER value sub-item: resource contribution, 1-4.",
}
FIELD_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "*": {
        "uid": "The node's uid: a new one creates the node, an existing one replaces its properties.",
        "name": "The node's name (1-300 characters).",
        "ods_code": "ODS code, when it has one.",
        "gss_code": "ONS GSS code, when it has one.",
    },
    "System": {"ods_code": "The ICB's ODS code.", "gss_code": "The ICB's ONS GSS code (E54...)."},
    "Place": {"gss_code": "The local authority's ONS GSS code."},
    "Neighbourhood": {"pcn_code": "ODS code of the primary care network that covers it."},
    "Organisation": {
        "kind": "What kind of body it is",
        "sector": "Its sector",
        "ods_code": "ODS code (checked against the kind: a trust's, a practice's, ...).",
        "gss_code": "ONS GSS code (councils).",
        "school_urn": "School unique reference number (schools).",
        "cqc_location_id": "CQC location id (registered care providers).",
        "charity_number": "Charity Commission registration number.",
        "housing_regulator_code": "Regulator of Social Housing registration code.",
        "postcode": "Postcode of its main site.",
        "parent_code": "ODS code of its parent organisation.",
        "opened": "Date it opened.",
        "closed": "Date it closed; omitted while open.",
    },
    "Team": {"service": "The service it provides (free text).", "sector": "Its sector"},
    "Person": {
        "role": "Job title (free text).",
        "level": "Leadership level",
        "staff_group": "Staff group (read back by analysts only)",
        "band": "Agenda for Change pay band (read back by analysts only).",
        "clinical": "Whether clinically qualified (read back by analysts only).",
        "ethnic_category": "NHS ethnic category, kept in a separate demographic record and only ever read in "
        "suppressed aggregates",
        "sex": "Sex, kept in a separate demographic record and only ever read in suppressed aggregates",
    },
    "Forum": {"kind": "What kind of forum it is"},
    "CarePathway": {"description": "What the pathway covers (free text)."},
    "PathwayStep": {"position": "1 for the first step of its pathway."},
    "Capability": {"description": "What the capability means (free text)."},
    "SurveyWave": {"collected_on": "The date the wave's data was collected."},
    "LeadershipDemand": {
        "uid": "The record's uid.",
        "area": "Uid of the place or system that needs the leaders.",
        "level": "Leadership level needed",
        "year": "The year (2000-2100).",
        "required": "Number of leaders needed.",
    },
    "Baseline": {
        "uid": "The record's uid.",
        "area": "Uid of the place the baseline is for.",
        "kind": "Whose share it is: the workforce's or the residents'",
        "dimension": "Which characteristic the shares are of.",
        "category": "The category whose share this is (an ethnic group or a sex).",
        "percent": "The share, 0-100.",
    },
    "CultureIndicator": {
        "uid": "The record's uid.",
        "anchor": "Uid of the organisation or team the figure describes.",
        "survey": "Which survey",
        "year": "The survey year (2000-2100); give it or the wave.",
        "wave": "Uid of the survey wave; give it or the year.",
        "indicator": "The indicator's code (from the indicator catalogue).",
        "value": "The figure, within its scale.",
        "scale": "The figure's scale",
        "responses": "Number of responses behind it (fewer than the minimum: held, never shown).",
        "source": "Where it was published or taken from.",
    },
    "PART_OF": {
        **_REL,
        "source": "Uid of the team, organisation or place that is part of the target.",
        "target": "Uid of the organisation, place or system it is part of.",
    },
    "SERVES": {
        **_REL,
        "source": "Uid of the team or organisation.",
        "target": "Uid of the place or neighbourhood served.",
    },
    "MEMBER_OF": {
        **_REL,
        "source": "Uid of the person.",
        "target": "Uid of the team.",
        "role": "The person's role in the team (free text).",
    },
    "LEADS": {**_REL, "source": "Uid of the person.", "target": "Uid of the team or organisation they lead."},
    "SITS_ON": {
        **_REL,
        "source": "Uid of the person or organisation.",
        "target": "Uid of the forum.",
        "role": "Their role on the forum (member, chair, ...; default member).",
    },
    "COLLABORATES_WITH": {
        **_REL,
        **_TIE,
        "source": "Uid of the team or organisation that reported the tie.",
        "target": "Uid of the team or organisation it named.",
    },
    "WORKS_WITH": {
        **_REL,
        **_TIE,
        "source": "Uid of the person who reported the tie.",
        "target": "Uid of the person they named.",
    },
    "HAS_STEP": {**_REL, "source": "Uid of the care pathway.", "target": "Uid of its step."},
    "NEXT": {**_REL, "source": "Uid of a pathway step.", "target": "Uid of the step that follows it."},
    "DELIVERS": {**_REL, "source": "Uid of the team.", "target": "Uid of the pathway step it delivers."},
    "HAS_CAPABILITY": {
        **_REL,
        "source": "Uid of the person.",
        "target": "Uid of the capability.",
        "level": "Proficiency, 1-4 (default 2).",
    },
}
"""Each input field's description, by the domain model's label or relationship type ("*": any node)."""


def _describe(owner: str, field_name: str) -> str:
    table = FIELD_DESCRIPTIONS.get(owner, {})
    text = table.get(field_name) or FIELD_DESCRIPTIONS["*"][field_name]
    return text if text.endswith(".") else text + "."


_LABELS = ("source_label", "target_label")
"""Fields that name a node label (the models keep them as strings: the relationship's spec checks them)."""


def _input_type(
    name: str,
    owner: str,
    model: type[m.Model],
    *,
    skip: tuple[str, ...] = (),
    ids: tuple[str, ...] = (),
    extra: dict[str, Any] | None = None,
    description: str,
) -> type:
    """An input type with the model's fields: the model's required fields non-null, the rest nullable."""
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {"__module__": __name__}
    for field_name in ids:
        annotations[field_name] = strawberry.ID
        namespace[field_name] = strawberry.field(description=_describe(owner, field_name))
    fields = {**{k: (v.annotation, v.is_required()) for k, v in model.model_fields.items()}, **(extra or {})}
    for field_name, (annotation, required) in fields.items():
        if field_name in skip or field_name in ids:
            continue
        gql = NodeLabelEnum if field_name in _LABELS else _field_type(annotation)
        if required:
            annotations[field_name] = gql
            namespace[field_name] = strawberry.field(description=_describe(owner, field_name))
        else:
            annotations[field_name] = gql | None
            namespace[field_name] = strawberry.field(default=None, description=_describe(owner, field_name))
    namespace["__annotations__"] = annotations
    return strawberry.input(type(name, (), namespace), description=description)


_PERSON_SPECIAL = {
    "ethnic_category": (m.Demographic.model_fields["ethnic_category"].annotation, False),
    "sex": (m.Demographic.model_fields["sex"].annotation, False),
}
NODE_INPUTS: dict[str, type] = {
    kind: _input_type(
        f"{label.value}Input",
        label.value,
        NODE_MODELS[label],
        skip=svc.METRICS,
        ids=("uid",),
        extra=_PERSON_SPECIAL if kind == "people" else None,
        description=f"A {label.value} node to create or replace (by uid).",
    )
    for kind, label in svc.NODE_KINDS.items()
}
REL_INPUTS: dict[str, type] = {
    kind: _input_type(
        "".join(w.title() for w in rel_type.value.split("_")) + "Input",
        rel_type.value,
        REL_SPECS[rel_type].model,
        ids=("source", "target"),
        description=f"A {rel_type.value} relationship to create or replace (by uid): "
        + ", ".join(f"{a.value} to {b.value}" for a, b in REL_SPECS[rel_type].pairs)
        + ".",
    )
    for kind, rel_type in svc.REL_KINDS.items()
}


def _lists(name: str, item_types: dict[str, type], doc: str, each: str) -> type:
    namespace: dict[str, Any] = {"__module__": __name__, "__doc__": doc}
    namespace["__annotations__"] = {kind: list[t] | None for kind, t in item_types.items()}
    labels = {**{k: v.value for k, v in svc.NODE_KINDS.items()}, **{k: v.value for k, v in svc.REL_KINDS.items()}}
    namespace.update(
        {kind: strawberry.field(default=None, description=each.format(labels[kind])) for kind in item_types}
    )
    return strawberry.input(type(name, (), namespace), description=doc)


@strawberry.input(description="A reference to one relationship: its uid, or source, target (and wave for survey ties).")
class RelationshipRef:
    source: strawberry.ID = strawberry.field(description="Uid of the source node.")
    target: strawberry.ID = strawberry.field(description="Uid of the target node.")
    uid: strawberry.ID | None = strawberry.field(default=None, description="The relationship's uid, when known.")
    wave: strawberry.ID | None = strawberry.field(
        default=None, description="survey ties: the wave, when no uid is given"
    )
    source_label: NodeLabelEnum | None = strawberry.field(default=None, description=_REL["source_label"])
    target_label: NodeLabelEnum | None = strawberry.field(default=None, description=_REL["target_label"])


UpsertInput = _lists(
    "UpsertInput",
    {**NODE_INPUTS, **REL_INPUTS},
    "Nodes and relationships to upsert together, in one transaction.",
    "{} items to create or replace.",
)
NodeIdsInput = _lists(
    "NodeIdsInput",
    dict.fromkeys(svc.NODE_KINDS, strawberry.ID),
    "Uids of nodes to delete, by kind.",
    "Uids of {} nodes to delete.",
)
RelationshipRefsInput = _lists(
    "RelationshipRefsInput",
    dict.fromkeys(svc.REL_KINDS, RelationshipRef),
    "Relationships to delete, by type.",
    "{} relationships to delete.",
)


@strawberry.type(description="How many nodes of one label, or relationships of one type, were written or deleted.")
class KindCount:
    kind: str = strawberry.field(
        description="The node label or relationship type as a string (Team, MEMBER_OF, ...).",
        deprecation_reason=DEPRECATED + "use labelCode (nodes) or typeCode (relationships).",
    )
    count: int = strawberry.field(description="How many.")
    label_code: NodeLabelEnum | None = strawberry.field(
        description="The nodes' label (the NodeLabel enum; DEMOGRAPHIC: people's demographic records, written "
        "with their ethnic category or sex); null in `relationships`."
    )
    type_code: RelationshipTypeEnum | None = strawberry.field(
        description="The relationships' type (the RelationshipType enum; DESCRIBES: a demographic record's tie to "
        "its person); null in `nodes`."
    )


@strawberry.type(description="What a mutation wrote or deleted, and the graph version after it.")
class WriteResult:
    nodes: list[KindCount] = strawberry.field(description="Nodes written or deleted, per label.")
    relationships: list[KindCount] = strawberry.field(description="Relationships written or deleted, per type.")
    graph_version: str = strawberry.field(description="The graph's version after the write.")


@strawberry.type(description="What erasing a person removed.")
class ErasePersonResult:
    uid: strawberry.ID = strawberry.field(description="Uid of the person erased.")
    relationships_removed: int = strawberry.field(description="Number of their relationships removed.")
    graph_version: str = strawberry.field(description="The graph's version after the erasure.")


def _plain(value: Any) -> Any:
    """An enum's value is the domain's (``Sector.HEALTH`` -> ``"health"``), in a list too."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _items(value: Any) -> dict[str, Any]:
    return {k: _plain(getattr(value, k)) for k in value.__annotations__ if getattr(value, k, None) is not None}


def _camel(problems: typing.Sequence[Problem]) -> list[Problem]:
    return [Problem(".".join(to_camel_case(s) for s in p.location.split(".")), p.message, p.value) for p in problems]


def writer_scope(ctx: Context, operation: str) -> str | None:
    """None for an admin (anywhere); a planner's system; Forbidden for anyone else."""
    return ctx.principal.write_scope(operation)


def _result(ctx: Context, outcome: svc.Outcome) -> WriteResult:
    return WriteResult(
        nodes=[
            KindCount(kind=k, count=v, label_code=NodeLabelEnum(k), type_code=None)
            for k, v in sorted(outcome.nodes.items())
        ],
        relationships=[
            KindCount(kind=k, count=v, label_code=None, type_code=RelationshipTypeEnum(k))
            for k, v in sorted(outcome.relationships.items())
        ],
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


@strawberry.type(description="Writes: every one is one transaction, audited where it touches people.")
class Mutation:
    @strawberry.mutation(
        description="Upsert nodes and relationships (idempotent by uid), in one transaction. "
        "Planner (own system only) or admin."
    )
    async def upsert(
        self,
        info: Info[Context, None],
        input: Annotated[UpsertInput, strawberry.argument(description="What to write.")],
    ) -> WriteResult:
        ctx = info.context
        system = writer_scope(ctx, "upsert")
        values = {k: [_items(x) for x in v] for k, v in _items(input).items()}
        nodes = {k: v for k, v in values.items() if k in svc.NODE_KINDS}
        rels = {k: v for k, v in values.items() if k in svc.REL_KINDS}
        outcome = await _run(ctx, svc.upsert(ctx.repo, nodes=nodes, relationships=rels, system=system))
        await _audit(ctx, "write people", outcome.people)
        return _result(ctx, outcome)

    @strawberry.mutation(
        description="Delete nodes and all their relationships (a person's demographic record "
        "too), in one transaction. Planner (own system only) or admin."
    )
    async def delete_nodes(
        self,
        info: Info[Context, None],
        input: Annotated[NodeIdsInput, strawberry.argument(description="What to delete.")],
    ) -> WriteResult:
        ctx = info.context
        system = writer_scope(ctx, "deleteNodes")
        ids = {k: [str(u) for u in v] for k, v in _items(input).items()}
        outcome = await _run(ctx, svc.delete_nodes(ctx.repo, ids=ids, system=system))
        await _audit(ctx, "delete people", outcome.people)
        return _result(ctx, outcome)

    @strawberry.mutation(description="Delete relationships, in one transaction. Planner (own system only) or admin.")
    async def delete_relationships(
        self,
        info: Info[Context, None],
        input: Annotated[RelationshipRefsInput, strawberry.argument(description="What to delete.")],
    ) -> WriteResult:
        ctx = info.context
        system = writer_scope(ctx, "deleteRelationships")
        refs = {k: [_items(r) for r in v] for k, v in _items(input).items()}
        outcome = await _run(ctx, svc.delete_relationships(ctx.repo, refs=refs, system=system))
        await _audit(ctx, "delete people's relationships", outcome.people)
        return _result(ctx, outcome)

    @strawberry.mutation(
        description="Erase a person: the person, their demographic record and every relationship "
        "(right to erasure). Admin only; audited."
    )
    async def erase_person(
        self,
        info: Info[Context, None],
        uid: Annotated[strawberry.ID, strawberry.argument(description="Uid of the person to erase.")],
    ) -> ErasePersonResult:
        ctx = info.context
        try:
            ctx.principal.require(Role.ADMIN, "erasePerson")
            removed = await people_svc.erase_person(ctx.repo, uid=str(uid))
        except (Forbidden, NotFound) as exc:
            await _audit(ctx, "erase person", [str(uid)], "denied" if isinstance(exc, Forbidden) else "not found")
            raise
        await _audit(ctx, "erase person", [str(uid)])
        return ErasePersonResult(uid=uid, relationships_removed=removed, graph_version=str(ctx.graph_version or "0"))


async def resolve_export_person(
    info: Info[Context, None],
    uid: Annotated[strawberry.ID, strawberry.argument(description="Uid of the person.")],
) -> JSON:
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
