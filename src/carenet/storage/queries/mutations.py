"""Queries the API's writes need besides the generated CRUD: where nodes sit (for a planner's
system), grouped counts, and a person's subject access record.

Every text here is fixed when this module is imported; nothing comes from input.
"""

from carenet.domain.schema import REL_SPECS, RelType
from carenet.storage.queries import connections as _c
from carenet.storage.queries.registry import Query

# --- anchors: the links that place a node inside a system ------------------------------------
# A node sits where its anchors sit: PART_OF (child to parent), MEMBER_OF and LEADS (a person to
# a team, organisation, place or forum), DELIVERS (a pathway step sits with the teams that
# deliver it) and HAS_STEP (a pathway sits with its steps). Walked upwards in Python until a
# System is reached (carenet.services.scope).

# One branch per (label, type, label) the schema allows, so every match of a uid goes through a
# label and its uid index (Neo4j scans every node for ``MATCH (a {uid: u})``; issue 20). The same
# text runs on both stores, so the embedded contract suite proves Neo4j's answer too.
_UPWARD = tuple(
    (t, src.value, tgt.value)
    for t in (RelType.PART_OF, RelType.MEMBER_OF, RelType.LEADS)
    for src, tgt in REL_SPECS[t].pairs
)
_ANCHOR_BRANCHES = [
    *(
        f"UNWIND $uids AS u MATCH (a:{src} {{uid: u}})-[:{t.value}]->(b:{tgt}) "
        f"RETURN u AS uid, '{src}' AS label, b.uid AS parent, '{tgt}' AS parent_label"
        for t, src, tgt in _UPWARD
    ),
    "UNWIND $uids AS u MATCH (a:PathwayStep {uid: u})<-[:DELIVERS]-(b:Team) "
    "RETURN u AS uid, 'PathwayStep' AS label, b.uid AS parent, 'Team' AS parent_label",
    "UNWIND $uids AS u MATCH (a:CarePathway {uid: u})-[:HAS_STEP]->(b:PathwayStep) "
    "RETURN u AS uid, 'CarePathway' AS label, b.uid AS parent, 'PathwayStep' AS parent_label",
]

ANCHORS_OF = Query("anchors_of", " UNION ALL ".join(_ANCHOR_BRANCHES), skip_if_empty="uids")

# --- grouped counts: one row per (sector, kind, level, place, system) cell, counted here -------
# The filter is the root connections' (same $c<slot>_... parameters). A team's place is its
# organisation's place, else the first (by uid) place it serves; a leader's place is the first
# place a team of theirs serves, else their organisation's place (as in analysis.LEADER_*);
# a system is the place's system, else the organisation's own. min() picks one of several.

COUNT_CELLS_TEAM = Query(
    "count_cells_team",
    "MATCH (n:Team) WHERE " + _c.where("Team") + " "
    "OPTIONAL MATCH (n)-[:PART_OF]->(o:Organisation) "
    "OPTIONAL MATCH (o)-[:PART_OF]->(op:Place) "
    "OPTIONAL MATCH (n)-[:SERVES]->(tp:Place) "
    "OPTIONAL MATCH (o)-[:PART_OF]->(os:System) "
    "WITH n, min(op.uid) AS org_place, min(tp.uid) AS served_place, min(os.uid) AS org_system "
    "WITH n, coalesce(org_place, served_place) AS place, org_system "
    "OPTIONAL MATCH (pl:Place)-[:PART_OF]->(ps:System) WHERE pl.uid = place "
    "WITH n, place, org_system, min(ps.uid) AS place_system "
    "RETURN n.sector AS sector, n.service AS kind, '' AS level, place AS place, "
    "coalesce(place_system, org_system) AS system, count(n) AS count",
)

COUNT_CELLS_ORGANISATION = Query(
    "count_cells_organisation",
    "MATCH (n:Organisation) WHERE " + _c.where("Organisation") + " "
    "OPTIONAL MATCH (n)-[:PART_OF]->(p:Place) "
    "OPTIONAL MATCH (n)-[:PART_OF]->(os:System) "
    "WITH n, min(p.uid) AS place, min(os.uid) AS org_system "
    "OPTIONAL MATCH (pl:Place)-[:PART_OF]->(ps:System) WHERE pl.uid = place "
    "WITH n, place, org_system, min(ps.uid) AS place_system "
    "RETURN n.sector AS sector, n.kind AS kind, '' AS level, place AS place, "
    "coalesce(place_system, org_system) AS system, count(n) AS count",
)

COUNT_CELLS_PERSON = Query(
    "count_cells_person",
    "MATCH (n:Person) WHERE " + _c.where("Person") + " "
    "OPTIONAL MATCH (n)-[:MEMBER_OF]->(:Team)-[:SERVES]->(tp:Place) "
    "OPTIONAL MATCH (n)-[:MEMBER_OF]->(:Organisation)-[:PART_OF]->(op:Place) "
    "OPTIONAL MATCH (n)-[:MEMBER_OF]->(:Team)-[:PART_OF]->(to:Organisation) "
    "OPTIONAL MATCH (n)-[:MEMBER_OF]->(po:Organisation) "
    "WITH n, min(tp.uid) AS team_place, min(op.uid) AS org_place, min(to.sector) AS team_sector, "
    "min(po.sector) AS org_sector "
    "WITH n, coalesce(team_place, org_place) AS place, coalesce(team_sector, org_sector) AS sector "
    "OPTIONAL MATCH (pl:Place)-[:PART_OF]->(ps:System) WHERE pl.uid = place "
    "WITH n, place, sector, min(ps.uid) AS system "
    "RETURN sector AS sector, '' AS kind, n.level AS level, place AS place, system AS system, count(n) AS count",
)

# --- subject access: everything held on one person (the one lawful per-person read of their
# special-category record; used only by carenet.services.people.export_person, admin only) ---

SUBJECT_ACCESS_DEMOGRAPHIC = Query(
    "subject_access_demographic",
    "MATCH (d:Demographic {uid: $uid})-[:DESCRIBES]->(p:Person {uid: $uid}) "
    "RETURN d.ethnic_category AS ethnic_category, d.sex AS sex",
)

_PERSON_REL = (
    "RETURN {t} AS type, {d} AS direction, x.uid AS uid, o.uid AS other, {ol} AS other_label, "
    "{role} AS role, {since} AS since, {until} AS until, {kinds} AS kinds, {frequency} AS frequency, "
    "{wave} AS wave, {level} AS level"
)


def _rel(pattern: str, t: str, d: str, ol: str, *, role=False, dated=True, survey=False, level=False) -> str:
    return (
        "MATCH "
        + pattern
        + " "
        + _PERSON_REL.format(
            t="'" + t + "'",
            d="'" + d + "'",
            ol="'" + ol + "'",
            role="x.role" if role else "''",
            since="x.since" if dated else "CAST(NULL AS DATE)",
            until="x.until" if dated else "CAST(NULL AS DATE)",
            kinds="x.kinds" if survey else "CAST([] AS STRING[])",
            frequency="x.frequency" if survey else "''",
            wave="x.wave" if survey else "''",
            level="x.level" if level else "0",
        )
    )


_BRANCHES = (
    ("(p:Person {uid: $uid})-[x:MEMBER_OF]->(o:Team)", "MEMBER_OF", "out", "Team", {"role": True}),
    ("(p:Person {uid: $uid})-[x:MEMBER_OF]->(o:Organisation)", "MEMBER_OF", "out", "Organisation", {"role": True}),
    ("(p:Person {uid: $uid})-[x:LEADS]->(o:Team)", "LEADS", "out", "Team", {}),
    ("(p:Person {uid: $uid})-[x:LEADS]->(o:Organisation)", "LEADS", "out", "Organisation", {}),
    ("(p:Person {uid: $uid})-[x:LEADS]->(o:Place)", "LEADS", "out", "Place", {}),
    ("(p:Person {uid: $uid})-[x:LEADS]->(o:Forum)", "LEADS", "out", "Forum", {}),
    ("(p:Person {uid: $uid})-[x:SITS_ON]->(o:Forum)", "SITS_ON", "out", "Forum", {"role": True}),
    ("(p:Person {uid: $uid})-[x:WORKS_WITH]->(o:Person)", "WORKS_WITH", "out", "Person", {"survey": True}),
    ("(p:Person {uid: $uid})<-[x:WORKS_WITH]-(o:Person)", "WORKS_WITH", "in", "Person", {"survey": True}),
    (
        "(p:Person {uid: $uid})-[x:HAS_CAPABILITY]->(o:Capability)",
        "HAS_CAPABILITY",
        "out",
        "Capability",
        {"dated": False, "level": True},
    ),
)
_CYPHER_CASTS = {"CAST(NULL AS DATE)": "null", "CAST([] AS STRING[])": "[]"}


def _neo4j(text: str) -> str:
    for lb, neo in _CYPHER_CASTS.items():
        text = text.replace(lb, neo)
    return text


_LADYBUG_PERSON_RELS = " UNION ALL ".join(_rel(p, t, d, ol, **kw) for p, t, d, ol, kw in _BRANCHES)

SUBJECT_ACCESS_RELATIONSHIPS = Query(
    "subject_access_relationships",
    _neo4j(_LADYBUG_PERSON_RELS),
    ladybug=_LADYBUG_PERSON_RELS,
)
