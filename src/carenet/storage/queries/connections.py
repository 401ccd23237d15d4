"""Pages of nodes for the GraphQL root connections: filtered, sorted, keyset-paged, counted.

Every text here is fixed when this module is imported; nothing comes from input. A filter is
sent as parameters of a fixed shape: up to ``SLOTS`` alternatives (a filter in disjunctive
normal form), each a conjunction of optional conditions. A condition that is not used is
switched off by a boolean (``$c0_sector_on``) and given a one-element sentinel list, because
LadybugDB rejects empty-list parameters and ``$x IS NULL`` on a parameter of changing type.

Sorting: one query per (label, sort key, direction), chosen from a fixed table. The keyset is
``(sort key, uid)``: ``$from_start`` or rows after ``($k, $u)`` in the query's own order, so a
cursor is never an offset. ``last``/``before`` runs the opposite direction and reverses.
"""

from __future__ import annotations

from dataclasses import dataclass

from carenet.storage.queries.registry import Query

SLOTS = 4
"""Alternatives (OR branches after normalising to DNF) a filter may have."""


@dataclass(frozen=True)
class Field:
    """One filterable field: ``in`` tests membership of a list, ``text`` a name's words."""

    name: str
    kind: str  # "in" | "text" | "date"
    test: str  # the condition, with {p} for this slot's parameter


def _in_prop(prop: str) -> str:
    return "coalesce(n." + prop + ", '') IN {p}"


_PLACE_OF_TEAM = (
    "(EXISTS { MATCH (n)-[:SERVES]->(p:Place) WHERE p.uid IN {p} } "
    "OR EXISTS { MATCH (n)-[:PART_OF]->(:Organisation)-[:PART_OF]->(p:Place) WHERE p.uid IN {p} })"
)
_SYSTEM_OF_TEAM = (
    "(EXISTS { MATCH (n)-[:SERVES]->(:Place)-[:PART_OF]->(s:System) WHERE s.uid IN {p} } "
    "OR EXISTS { MATCH (n)-[:PART_OF]->(:Organisation)-[:PART_OF]->(s:System) WHERE s.uid IN {p} } "
    "OR EXISTS { MATCH (n)-[:PART_OF]->(:Organisation)-[:PART_OF]->(:Place)-[:PART_OF]->(s:System) "
    "WHERE s.uid IN {p} })"
)
_ACTIVE = "(r.since IS NULL OR r.since <= {p}) AND (r.until IS NULL OR r.until >= {p})"
# An organisation is active at D when it had opened (opened null or <= D), had not closed
# (closed null or > D: the close date is its first day closed), and, if it is PART_OF
# anything, at least one of those links is current at D.
_ORGANISATION_ACTIVE = (
    "((n.opened IS NULL OR n.opened <= {p}) AND (n.closed IS NULL OR n.closed > {p}) "
    "AND (NOT EXISTS { MATCH (n)-[:PART_OF]->() } OR EXISTS { MATCH (n)-[r:PART_OF]->() WHERE " + _ACTIVE + " }))"
)

FIELDS: dict[str, tuple[Field, ...]] = {
    "Team": (
        Field("uid", "in", "n.uid IN {p}"),
        Field("name", "text", ""),
        Field("sector", "in", _in_prop("sector")),
        Field("service", "in", _in_prop("service")),
        Field("organisation", "in", "EXISTS { MATCH (n)-[:PART_OF]->(o:Organisation) WHERE o.uid IN {p} }"),
        Field("place", "in", _PLACE_OF_TEAM),
        Field("system", "in", _SYSTEM_OF_TEAM),
        Field("wave", "in", "EXISTS { MATCH (n)-[x:COLLABORATES_WITH]-(:Team) WHERE x.wave IN {p} }"),
        Field("active_at", "date", "EXISTS { MATCH (n)-[r:PART_OF]->(:Organisation) WHERE " + _ACTIVE + " }"),
    ),
    "Organisation": (
        Field("uid", "in", "n.uid IN {p}"),
        Field("name", "text", ""),
        Field("sector", "in", _in_prop("sector")),
        Field("kind", "in", _in_prop("kind")),
        Field("place", "in", "EXISTS { MATCH (n)-[:PART_OF|SERVES]->(p:Place) WHERE p.uid IN {p} }"),
        Field(
            "system",
            "in",
            "(EXISTS { MATCH (n)-[:PART_OF]->(s:System) WHERE s.uid IN {p} } "
            "OR EXISTS { MATCH (n)-[:PART_OF]->(:Place)-[:PART_OF]->(s:System) WHERE s.uid IN {p} })",
        ),
        Field("wave", "in", "EXISTS { MATCH (n)-[x:COLLABORATES_WITH]-(:Organisation) WHERE x.wave IN {p} }"),
        Field("active_at", "date", _ORGANISATION_ACTIVE),
    ),
    "Person": (
        Field("uid", "in", "n.uid IN {p}"),
        Field("name", "text", ""),
        Field("level", "in", _in_prop("level")),
        Field("team", "in", "EXISTS { MATCH (n)-[:MEMBER_OF|LEADS]->(t:Team) WHERE t.uid IN {p} }"),
        Field(
            "organisation",
            "in",
            "(EXISTS { MATCH (n)-[:MEMBER_OF|LEADS]->(o:Organisation) WHERE o.uid IN {p} } "
            "OR EXISTS { MATCH (n)-[:MEMBER_OF|LEADS]->(:Team)-[:PART_OF]->(o:Organisation) WHERE o.uid IN {p} })",
        ),
        Field("wave", "in", "EXISTS { MATCH (n)-[x:WORKS_WITH]-(:Person) WHERE x.wave IN {p} }"),
        Field("active_at", "date", "EXISTS { MATCH (n)-[r:MEMBER_OF]->() WHERE " + _ACTIVE + " }"),
    ),
    "Place": (
        Field("uid", "in", "n.uid IN {p}"),
        Field("name", "text", ""),
        Field("system", "in", "EXISTS { MATCH (n)-[:PART_OF]->(s:System) WHERE s.uid IN {p} }"),
    ),
    "System": (Field("uid", "in", "n.uid IN {p}"), Field("name", "text", "")),
}

RETURNS: dict[str, str] = {
    "Team": "n.uid AS uid, n.name AS name, n.service AS service, n.sector AS sector, n.betweenness AS betweenness, "
    "n.brokerage AS brokerage, n.constraint AS constraint, n.community AS community",
    "Organisation": "n.uid AS uid, n.name AS name, n.kind AS kind, n.sector AS sector, n.ods_code AS ods_code, "
    "n.betweenness AS betweenness, n.brokerage AS brokerage, n.constraint AS constraint, n.community AS community",
    "Person": "n.uid AS uid, n.name AS name, n.role AS role, n.level AS level, n.staff_group AS staff_group, "
    "n.band AS band, n.clinical AS clinical, n.betweenness AS betweenness, n.brokerage AS brokerage, "
    "n.constraint AS constraint, n.community AS community",
    "Place": "n.uid AS uid, n.name AS name, n.gss_code AS gss_code",
    "System": "n.uid AS uid, n.name AS name, n.ods_code AS ods_code, n.gss_code AS gss_code",
}

_TIES = {"Team": "COLLABORATES_WITH", "Organisation": "COLLABORATES_WITH", "Person": "WORKS_WITH"}
SORT_KEYS: dict[str, dict[str, str]] = {
    label: {
        "uid": "n.uid",
        "name": "coalesce(n.name_key, '')",  # carenet.domain.text.sort_key: one order on both stores
        **(
            {
                "degree": "COUNT { MATCH (n)-[:" + _TIES[label] + "]-() }",
                "betweenness": "coalesce(n.betweenness, -1.0)",
                "brokerage": "coalesce(n.brokerage, -1.0)",
                "constraint": "coalesce(n.constraint, -1.0)",
            }
            if label in _TIES
            else {}
        ),
    }
    for label in FIELDS
}


def _condition(slot: int, f: Field, negated: bool) -> str:
    p = f"$c{slot}_{'not_' if negated else ''}{f.name}"
    if f.kind == "text":
        # Each list is switched off by its own boolean (its sentinel is never compared): an
        # empty string as "no condition" would exclude every row on LadybugDB, where
        # 'medici' CONTAINS '' is false. The name is the stored name_fold and the terms are
        # folded in Python (carenet.domain.text): the stores' toLower disagree. A node with no
        # name matches neither a name condition nor its negation (tested before all(), whose
        # null handling differs between the stores).
        name = "n.name_fold"
        test = (
            f"({name} IS NOT NULL AND (NOT {p}_contains_used OR all(s IN {p}_contains WHERE {name} CONTAINS s)) "
            f"AND (NOT {p}_starts_used OR all(s IN {p}_starts WHERE {name} STARTS WITH s)))"
        )
        on = f"{p}_on"
        if negated:
            return f"(NOT ({on} AND ({name} IS NULL OR {test})))"
    else:
        test = f.test.replace("{p}", p)
        on = f"{p}_on"
    return f"(NOT ({on} AND NOT {test}))" if not negated else f"(NOT ({on} AND {test}))"


def _slot(label: str, slot: int) -> str:
    parts = [f"$c{slot}_on"]
    for f in FIELDS[label]:
        parts.append(_condition(slot, f, False))
        if f.kind != "date":
            parts.append(_condition(slot, f, True))
    return "(" + " AND ".join(parts) + ")"


def where(label: str) -> str:
    return "(" + " OR ".join(_slot(label, i) for i in range(SLOTS)) + ")"


def _page(label: str, key: str, descending: bool) -> Query:
    op, order = ("<", "DESC") if descending else (">", "ASC")
    text = (
        f"MATCH (n:{label}) WHERE {where(label)} "
        f"WITH n, {SORT_KEYS[label][key]} AS k "
        f"WHERE ($from_start OR k {op} $k OR (k = $k AND n.uid {op} $u)) "
        f"RETURN {RETURNS[label]}, k AS sort_key ORDER BY sort_key {order}, uid {order} LIMIT $limit"
    )
    name = f"page_{label.lower()}_by_{key}_{'desc' if descending else 'asc'}"
    return Query(name, text)


PAGES: dict[str, Query] = {
    f"{label}:{key}:{d}": _page(label, key, d == "desc")
    for label in FIELDS
    for key in SORT_KEYS[label]
    for d in ("asc", "desc")
}
COUNTS: dict[str, Query] = {
    label: Query(f"count_{label.lower()}_where", f"MATCH (n:{label}) WHERE {where(label)} RETURN count(n) AS total")
    for label in FIELDS
}
