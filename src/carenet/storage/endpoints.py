"""Checking the endpoints of a change set's relationships, before anything is written.

Given the labels each uid is known to have (in the change set or in the store), every
relationship gets its ``source_label`` and ``target_label`` filled in, or a problem for each end
that is unknown, ambiguous, or of a label its type does not allow; node uids given twice are
problems too. The models are checked one at a time, the tables of a column-at-a-time import a
column at a time. :meth:`carenet.storage.repository.Repository.resolve_endpoints` looks the
labels up and calls these.
"""

from __future__ import annotations

import functools
from collections import defaultdict

import pyarrow as pa
import pyarrow.compute as pc

from carenet.domain.models import Relationship
from carenet.domain.schema import REL_SPECS
from carenet.errors import Problem
from carenet.storage import tables
from carenet.storage.changes import ChangeSet
from carenet.storage.rows import ModelTable


@functools.cache
def ends(
    rel_type: str, source_label: str | None, target_label: str | None
) -> tuple[tuple[str, ...], tuple[str, ...], frozenset, bool]:
    """For a relationship of ``rel_type`` with these labels given (or None): the labels its source
    and its target may have, the pairs the type allows, and whether the given labels are allowed."""
    spec = REL_SPECS[rel_type]
    valid = (source_label is None or source_label in spec.sources) and (
        target_label is None or target_label in spec.targets
    )
    return (
        (source_label,) if source_label else spec.sources,
        (target_label,) if target_label else spec.targets,
        frozenset(spec.pairs),
        valid,
    )


def only(allowed: tuple[str, ...], present: set[str]) -> str | None:
    """The one label of ``allowed`` in ``present``; None when there is none or more than one."""
    hit = None
    for label in allowed:
        if label in present:
            if hit is not None:
                return None
            hit = label
    return hit


def endpoint_problems(changes: ChangeSet, found: dict[str, set[str]]) -> list[Problem]:
    """The problems of the change set's relationship models and node models, ``found`` being the
    labels of each known uid; the relationships without any get their labels filled in."""
    problems: list[Problem] = []
    none: set[str] = set()
    for i, rel in enumerate(changes.relationships):
        sources, targets, pairs, valid = ends(rel.type, rel.source_label, rel.target_label)
        if valid:  # the usual case: one label at each end, a pair the type allows
            source = only(sources, found.get(rel.source, none))
            target = only(targets, found.get(rel.target, none))
            if source and target and (source, target) in pairs:
                if rel.source_label != source or rel.target_label != target:
                    rel.source_label, rel.target_label = source, target
                continue
        problems += relationship_problems(changes.rel_origins[i] or f"relationships[{i}]", rel, found)
    seen: dict[tuple[str, str], int] = {}
    for i, node in enumerate(changes.nodes):
        key = (node.label, node.uid)
        if key in seen:
            where = changes.node_origins[i] or f"nodes[{i}]"
            first = changes.node_origins[seen[key]] or f"nodes[{seen[key]}]"
            problems.append(Problem(f"{where}.uid", f"duplicate {node.label} uid (first at {first})", node.uid))
        else:
            seen[key] = i
    return problems


def relationship_problems(where: str, rel: Relationship, found: dict[str, set[str]]) -> list[Problem]:
    """Everything wrong with the endpoints of ``rel`` (from ``where``), or nothing: then its
    labels are filled in."""
    problems: list[Problem] = []
    spec = REL_SPECS[rel.type]
    resolved: dict[str, str] = {}
    for end, allowed in (("source", spec.sources), ("target", spec.targets)):
        uid = getattr(rel, end)
        given = getattr(rel, f"{end}_label")
        if given and given not in allowed:
            problems.append(Problem(f"{where}.{end}", f"{rel.type} cannot start or end at a {given}", uid))
            continue
        hits = [label for label in ((given,) if given else allowed) if label in found.get(uid, ())]
        if not hits:
            kinds = " or ".join((given,) if given else allowed)
            problems.append(Problem(f"{where}.{end}", f"no {kinds} with this uid exists", uid))
        elif len(hits) > 1:
            problems.append(Problem(f"{where}.{end}", f"the uid is a {' and a '.join(hits)}; give {end}_label", uid))
        else:
            resolved[end] = hits[0]
    if len(resolved) == 2:
        pair = (resolved["source"], resolved["target"])
        if pair not in spec.pairs:
            problems.append(
                Problem(where, f"{rel.type} does not join a {pair[0]} to a {pair[1]}", f"{rel.source}->{rel.target}")
            )
        elif (rel.source_label, rel.target_label) != pair:
            rel.source_label, rel.target_label = pair
    return problems


def table_problems(changes: ChangeSet, found: dict[str, set[str]]) -> list[Problem]:
    """:func:`endpoint_problems` for the tables, a column at a time: each relationship
    table is split into one table per label pair its rows join; node uids given twice."""
    problems: list[Problem] = []
    members: dict[str, pa.Array] = {}

    def uids_of(label: str) -> pa.Array:
        if label not in members:
            members[label] = pa.array([uid for uid, labels in found.items() if label in labels], pa.string())
        return members[label]

    resolved: list[ModelTable] = []
    for table in changes.tables:
        if table.is_node:
            resolved.append(table)
            continue
        sources, targets, pairs, valid = ends(table.label, table.source_label, table.target_label)
        allowed = [(s, t) for s, t in sorted(pairs) if s in sources and t in targets] if valid else []
        parts, bad = tables.split_by_ends(table.table, sources, targets, allowed, uids_of)
        resolved += [ModelTable(table.model, part, table.origin, s, t) for (s, t), part in parts]
        for index, row in zip(bad, table.table.take(bad).to_pylist() if bad else []):
            fields = {k: v for k, v in row.items() if k in table.model.model_fields}
            rel = table.model.model_construct(
                **{**fields, "source_label": table.source_label, "target_label": table.target_label}
            )
            problems += relationship_problems(f"{table.origin or table.label}[{index}]", rel, found)
    changes.tables = resolved
    by_label: dict[str, list[pa.Array]] = defaultdict(list)
    origins: dict[str, str] = {}
    for table in resolved:
        if table.is_node:
            by_label[table.label].append(table.table["uid"].combine_chunks())
            origins.setdefault(table.label, table.origin or table.label)
    for label, arrays in by_label.items():
        models = [n.uid for n in changes.nodes if n.label == label]
        uids = pa.concat_arrays([*arrays, pa.array(models, pa.string())])
        if len(pc.unique(uids)) == len(uids):
            continue
        counts = pc.value_counts(uids)
        twice = counts.filter(pc.greater(counts.field("counts"), 1)).field("values").to_pylist()
        problems += [Problem(f"{origins[label]}.uid", f"duplicate {label} uid", uid) for uid in twice]
    return problems
