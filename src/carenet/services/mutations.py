"""Writes from the API: batched upserts and deletes of every node and relationship kind.

Each call is one transaction. Every item is validated (pydantic, then every endpoint against
the store and the change set) before anything is written, and every problem is reported at
once with its input path (``input.teams.3.sector``); nothing is written when there is one.
Upserts are idempotent by uid and replace a node's properties, except the network metrics the
analytics wrote (kept). A person's ethnic category and sex go to their
:class:`~carenet.domain.models.Demographic` record, never onto the person.

``system``: when given (a planner's), every node touched must sit in that system only
(:mod:`carenet.services.authority`), else :class:`~carenet.errors.Forbidden`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from carenet.domain import models as m
from carenet.domain.schema import NODE_MODELS, REL_SPECS, NodeLabel, RelType
from carenet.errors import InvalidInput, Problem
from carenet.services import authority, scope
from carenet.storage.repository import ChangeSet, Repository

NODE_KINDS: dict[str, NodeLabel] = {
    "systems": NodeLabel.SYSTEM,
    "places": NodeLabel.PLACE,
    "neighbourhoods": NodeLabel.NEIGHBOURHOOD,
    "organisations": NodeLabel.ORGANISATION,
    "teams": NodeLabel.TEAM,
    "people": NodeLabel.PERSON,
    "forums": NodeLabel.FORUM,
    "care_pathways": NodeLabel.CARE_PATHWAY,
    "pathway_steps": NodeLabel.PATHWAY_STEP,
    "capabilities": NodeLabel.CAPABILITY,
    "survey_waves": NodeLabel.SURVEY_WAVE,
    "leadership_demands": NodeLabel.LEADERSHIP_DEMAND,
    "baselines": NodeLabel.BASELINE,
    "culture_indicators": NodeLabel.CULTURE_INDICATOR,
}
"""Input list name -> label, for every node kind the API writes (not Demographic: see people)."""

REL_KINDS: dict[str, RelType] = {
    "part_of": RelType.PART_OF,
    "serves": RelType.SERVES,
    "member_of": RelType.MEMBER_OF,
    "leads": RelType.LEADS,
    "sits_on": RelType.SITS_ON,
    "collaborates_with": RelType.COLLABORATES_WITH,
    "works_with": RelType.WORKS_WITH,
    "has_step": RelType.HAS_STEP,
    "next": RelType.NEXT,
    "delivers": RelType.DELIVERS,
    "has_capability": RelType.HAS_CAPABILITY,
}
"""Input list name -> relationship type (not DESCRIBES: written with the person)."""

METRICS = tuple(m.NetworkMetrics.model_fields)
SPECIAL = ("ethnic_category", "sex")
SURVEY_TIES = (RelType.COLLABORATES_WITH, RelType.WORKS_WITH)


@dataclass
class Outcome:
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    people: list[str] = field(default_factory=list)
    """uids of the people whose data this touched (for the audit log)."""


def _problems(exc: ValidationError, where: str) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"])
        lead = None if loc else m.rule_field(err["msg"])  # a rule across fields that names its field
        if lead is not None:
            loc = lead
        out.append(Problem(f"{where}.{loc}" if loc else where, err["msg"], err.get("input") if loc else None))
    return out


def build_changes(
    nodes: Mapping[str, Sequence[Mapping[str, Any]]],
    relationships: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    prefix: str = "input",
) -> tuple[ChangeSet, list[Problem]]:
    """Validate every item; the valid ones as a change set, the problems of the rest."""
    changes, problems = ChangeSet(), []
    for kind, items in nodes.items():
        model = NODE_MODELS[NODE_KINDS[kind]]
        for i, item in enumerate(items):
            where = f"{prefix}.{kind}.{i}"
            data = {k: v for k, v in item.items() if v is not None}
            special = {k: data.pop(k) for k in SPECIAL if k in data}
            try:
                node = model.model_validate(data)
            except ValidationError as exc:
                problems += _problems(exc, where)
                node = None
            demographic = None
            if special:
                try:
                    demographic = m.Demographic.model_validate({"uid": item.get("uid"), **special})
                except ValidationError as exc:
                    problems += [p for p in _problems(exc, where) if not p.location.endswith(".uid")]
            if node is not None:
                changes.add_node(node, where)
                if demographic is not None:
                    changes.add_node(demographic, where)
                    changes.add_relationship(
                        m.Describes(
                            source=node.uid, target=node.uid, source_label="Demographic", target_label="Person"
                        ),
                        where,
                    )
    for kind, items in relationships.items():
        model = REL_SPECS[REL_KINDS[kind]].model
        for i, item in enumerate(items):
            where = f"{prefix}.{kind}.{i}"
            try:
                rel = model.model_validate({k: v for k, v in item.items() if v is not None})
            except ValidationError as exc:
                problems += _problems(exc, where)
                continue
            changes.add_relationship(rel, where)
    return changes, problems


def _people(changes: ChangeSet) -> list[str]:
    found = {n.uid for n in changes.nodes if n.label == NodeLabel.PERSON}
    for rel in changes.relationships:
        found |= {
            uid for uid, label in ((rel.source, rel.source_label), (rel.target, rel.target_label)) if label == "Person"
        }
    return sorted(found)


async def _keep_metrics(repo: Repository, changes: ChangeSet) -> None:
    """Carry the stored network metrics over to nodes that are upserted again."""
    by_label: dict[str, list[m.Node]] = defaultdict(list)
    for node in changes.nodes:
        if isinstance(node, m.NetworkMetrics):
            by_label[node.label].append(node)
    for label, items in by_label.items():
        stored = await repo.get_many(NodeLabel(label), [n.uid for n in items])
        for node in items:
            old = stored.get(node.uid)
            if old is not None:
                for name in METRICS:
                    setattr(node, name, getattr(old, name))


async def upsert(
    repo: Repository,
    *,
    nodes: Mapping[str, Sequence[Mapping[str, Any]]],
    relationships: Mapping[str, Sequence[Mapping[str, Any]]],
    system: str | None = None,
    prefix: str = "input",
) -> Outcome:
    """Validate everything, then write it in one transaction. Raises InvalidInput or Forbidden."""
    changes, problems = build_changes(nodes, relationships, prefix=prefix)
    problems += await repo.resolve_endpoints(changes)
    if problems:
        raise InvalidInput(problems)
    if not len(changes):
        return Outcome()
    await authority.authorise_upsert(repo, changes, system=system)
    await _keep_metrics(repo, changes)
    summary = await repo.apply(changes)
    return Outcome(dict(summary.nodes), dict(summary.relationships), _people(changes))


async def delete_nodes(
    repo: Repository, *, ids: Mapping[str, Sequence[str]], system: str | None = None, prefix: str = "input"
) -> Outcome:
    """Delete nodes with every relationship they have (a person's demographic record too), in one
    transaction. Uids that do not exist are skipped; the counts are of nodes that existed."""
    where: dict[scope.Key, str] = {}
    found: dict[NodeLabel, list[str]] = {}
    for kind, uids in ids.items():
        label = NODE_KINDS[kind]
        existing = await repo.existing(label, uids)
        found[label] = sorted(existing)
        for i, uid in enumerate(uids):
            if uid in existing:
                where.setdefault((label.value, uid), f"{prefix}.{kind}.{i}")
    await authority.authorise_delete(repo, where, system=system)
    await repo.delete_node_sets(found)
    return Outcome(
        nodes={label.value: len(uids) for label, uids in found.items()}, people=found.get(NodeLabel.PERSON, [])
    )


def rel_uid(rel_type: RelType, source: str, target: str, wave: str | None) -> str:
    """The uid a relationship gets when none is given (see :class:`carenet.domain.models.Relationship`)."""
    key = rel_type.value + ":" + source + ">" + target
    return key + "@" + wave if rel_type in SURVEY_TIES else key


async def delete_relationships(
    repo: Repository,
    *,
    refs: Mapping[str, Sequence[Mapping[str, Any]]],
    system: str | None = None,
    prefix: str = "input",
) -> Outcome:
    """Delete relationships by (source, target, uid or wave), in one transaction. Endpoints must exist;
    a relationship that does not is skipped. The counts are of the references given."""
    changes, problems = ChangeSet(), []
    for kind, items in refs.items():
        rel_type = REL_KINDS[kind]
        for i, ref in enumerate(items):
            where = f"{prefix}.{kind}.{i}"
            if not ref.get("uid") and rel_type in SURVEY_TIES and not ref.get("wave"):
                problems.append(Problem(f"{where}.wave", "give the wave (or the uid) of a survey tie"))
                continue
            uid = ref.get("uid") or rel_uid(rel_type, ref["source"], ref["target"], ref.get("wave"))
            rel = REL_SPECS[rel_type].model.model_construct(
                uid=uid,
                source=ref["source"],
                target=ref["target"],
                source_label=ref.get("source_label"),
                target_label=ref.get("target_label"),
            )
            changes.add_relationship(rel, where)
    problems += await repo.resolve_endpoints(changes)
    if problems:
        raise InvalidInput(problems)
    if system is not None and changes.relationships:
        where_keys: dict[scope.Key, str] = {}
        for rel, origin in zip(changes.relationships, changes.rel_origins, strict=True):
            where_keys.setdefault((rel.source_label, rel.source), f"{origin}.source")
            where_keys.setdefault((rel.target_label, rel.target), f"{origin}.target")
        await authority.authorise_delete(repo, where_keys, system=system, ends=True)
    counts: dict[str, int] = defaultdict(int)
    for rel in changes.relationships:
        counts[rel.type] += 1
    await repo.delete_resolved(changes.relationships)
    return Outcome(relationships=dict(counts), people=_people(changes))
