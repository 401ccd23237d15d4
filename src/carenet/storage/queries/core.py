"""Hand-written queries: migrations, label look-ups, neighbourhoods, subgraphs and projections.

Every query returns aliased values, never whole nodes. Where LadybugDB's dialect differs the
override says why.
"""

from carenet.domain.schema import NodeLabel
from carenet.domain.text import NAME_KEYED_LABELS
from carenet.storage.queries.registry import Query

MIGRATIONS_APPLIED = Query(
    "migrations_applied",
    "MATCH (m:Migration) RETURN m.version AS version, m.name AS name, m.applied_at AS applied_at ORDER BY m.version",
)

# --- projections: a level's nodes and ties for analytics ---------------------------------------
# Each ties query comes twice: filtered by wave and date, and (``_ALL``) every tie. LadybugDB
# evaluates a parameterised filter on every row even when it lets everything through, which makes
# the whole projection several times slower (benchmarks/load.py times the projection of 1,000,000 ties).

_ACTIVE = (
    "WHERE ($wave = '' OR x.wave = $wave) "
    "AND ($any_time OR ((x.since IS NULL OR x.since <= $at) AND (x.until IS NULL OR x.until >= $at))) "
)
_COLLABORATION_COLUMNS = (
    "RETURN a.uid AS source, b.uid AS target, x.uid AS uid, x.kinds AS kinds, "
    "x.frequency AS frequency, x.trust AS trust, x.value AS value, x.wave AS wave, "
    "x.trust_reliability IS NOT NULL AS trust_items, x.value_power IS NOT NULL AS value_items"
)
# trust_items / value_items: the score is the mean of PARTNER's three sub-items (given all three or none)
_PERSON_TIE_COLUMNS = (
    "RETURN a.uid AS source, b.uid AS target, x.uid AS uid, x.kinds AS kinds, x.frequency AS frequency, x.wave AS wave"
)

# The streamed queries' columns and LadybugDB types (Query.columns): the Neo4j store builds its
# Arrow batches with them, so an all-null column or batches with different nulls keep these types.
_NODE_TYPES = (
    ("uid", "STRING"),
    ("name", "STRING"),
    ("sector", "STRING"),
    ("kind", "STRING"),
    ("organisation", "STRING"),
    ("place", "STRING"),
    ("system", "STRING"),
    ("betweenness", "DOUBLE"),
    ("brokerage", "DOUBLE"),
    ("community", "INT64"),
)
_COLLABORATION_TYPES = (
    ("source", "STRING"),
    ("target", "STRING"),
    ("uid", "STRING"),
    ("kinds", "STRING[]"),
    ("frequency", "STRING"),
    ("trust", "DOUBLE"),
    ("value", "DOUBLE"),
    ("wave", "STRING"),
    ("trust_items", "BOOLEAN"),
    ("value_items", "BOOLEAN"),
)
_PERSON_TIE_TYPES = (
    ("source", "STRING"),
    ("target", "STRING"),
    ("uid", "STRING"),
    ("kinds", "STRING[]"),
    ("frequency", "STRING"),
    ("wave", "STRING"),
)

# --- team projection: one row per team with where it sits, then one row per tie ----------------
# A team's place is its organisation's place, else the first (by uid) place the team serves; its
# system is that place's system, else the organisation's system. min() rather than head(collect()):
# LadybugDB has no head(), its lists are 1-based, and list_extract fails on an empty list.

TEAM_NODES = Query(
    "team_nodes",
    "MATCH (t:Team) "
    "OPTIONAL MATCH (t)-[:PART_OF]->(o:Organisation) "
    "OPTIONAL MATCH (o)-[:PART_OF]->(op:Place) "
    "OPTIONAL MATCH (t)-[:SERVES]->(tp:Place) "
    "WITH t, o, min(op.uid) AS org_place, min(tp.uid) AS served_place "
    "WITH t, o, coalesce(org_place, served_place) AS place "
    "OPTIONAL MATCH (pl:Place)-[:PART_OF]->(ps:System) WHERE pl.uid = place "
    "OPTIONAL MATCH (o)-[:PART_OF]->(os:System) "
    "RETURN t.uid AS uid, t.name AS name, t.sector AS sector, t.service AS kind, o.uid AS organisation, "
    "place AS place, coalesce(ps.uid, os.uid) AS system, t.betweenness AS betweenness, "
    "t.brokerage AS brokerage, t.community AS community",
    columns=_NODE_TYPES,
)

TEAM_TIES = Query(
    "team_ties",
    "MATCH (a:Team)-[x:COLLABORATES_WITH]->(b:Team) " + _ACTIVE + _COLLABORATION_COLUMNS,
    columns=_COLLABORATION_TYPES,
)

TEAM_TIES_ALL = Query(
    "team_ties_all",
    "MATCH (a:Team)-[x:COLLABORATES_WITH]->(b:Team) " + _COLLABORATION_COLUMNS,
    columns=_COLLABORATION_TYPES,
)

ORGANISATION_NODES = Query(
    "organisation_nodes",
    "MATCH (o:Organisation) "
    "OPTIONAL MATCH (o)-[:PART_OF]->(p:Place) "
    "OPTIONAL MATCH (o)-[:PART_OF]->(os:System) "
    "WITH o, min(p.uid) AS place, min(os.uid) AS direct_system "
    "OPTIONAL MATCH (pl:Place)-[:PART_OF]->(ps:System) WHERE pl.uid = place "
    "RETURN o.uid AS uid, o.name AS name, o.sector AS sector, o.kind AS kind, o.uid AS organisation, "
    "place AS place, coalesce(ps.uid, direct_system) AS system, o.betweenness AS betweenness, "
    "o.brokerage AS brokerage, o.community AS community",
    columns=_NODE_TYPES,
)

ORGANISATION_TIES = Query(
    "organisation_ties",
    "MATCH (a:Organisation)-[x:COLLABORATES_WITH]->(b:Organisation) " + _ACTIVE + _COLLABORATION_COLUMNS,
    columns=_COLLABORATION_TYPES,
)

ORGANISATION_TIES_ALL = Query(
    "organisation_ties_all",
    "MATCH (a:Organisation)-[x:COLLABORATES_WITH]->(b:Organisation) " + _COLLABORATION_COLUMNS,
    columns=_COLLABORATION_TYPES,
)

# The organisation network where a wave has no tie recorded between organisations (an import of
# team surveys): each ordered pair of organisations with team ties between them, per wave.
TEAM_TIES_ROLLED_UP = Query(
    "team_ties_rolled_up",
    "MATCH (a:Team)-[x:COLLABORATES_WITH]->(b:Team) "
    "WHERE ($wave = '' OR x.wave = $wave) "
    "AND ($any_time OR ((x.since IS NULL OR x.since <= $at) AND (x.until IS NULL OR x.until >= $at))) "
    "MATCH (a)-[:PART_OF]->(oa:Organisation) MATCH (b)-[:PART_OF]->(ob:Organisation) "
    "WHERE oa.uid <> ob.uid "
    "RETURN oa.uid AS source, ob.uid AS target, x.wave AS wave, count(x) AS weight, avg(x.trust) AS trust, "
    "avg(x.value) AS value, count(x.trust) AS trust_reports, count(x.trust_reliability) AS trust_items, "
    "count(x.value) AS value_reports, count(x.value_power) AS value_items",
)

ORGANISATION_TIE_WAVES = Query(
    "organisation_tie_waves",
    "MATCH (:Organisation)-[x:COLLABORATES_WITH]->(:Organisation) RETURN DISTINCT x.wave AS wave",
)

PERSON_NODES = Query(
    "person_nodes",
    "MATCH (p:Person) "
    "OPTIONAL MATCH (p)-[:MEMBER_OF]->(t:Team)-[:PART_OF]->(o:Organisation) "
    "OPTIONAL MATCH (p)-[:MEMBER_OF]->(po:Organisation) "
    "WITH p, coalesce(min(o.uid), min(po.uid)) AS organisation "
    "OPTIONAL MATCH (org:Organisation) WHERE org.uid = organisation "
    "OPTIONAL MATCH (org)-[:PART_OF]->(pl:Place) "
    "OPTIONAL MATCH (org)-[:PART_OF]->(os:System) "
    "WITH p, org, organisation, min(pl.uid) AS place, min(os.uid) AS direct_system "
    "OPTIONAL MATCH (ppl:Place)-[:PART_OF]->(ps:System) WHERE ppl.uid = place "
    "RETURN p.uid AS uid, p.name AS name, org.sector AS sector, p.level AS kind, organisation AS organisation, "
    "place AS place, coalesce(ps.uid, direct_system) AS system, p.betweenness AS betweenness, "
    "p.brokerage AS brokerage, p.community AS community",
    columns=_NODE_TYPES,
)

PERSON_TIES = Query(
    "person_ties",
    "MATCH (a:Person)-[x:WORKS_WITH]->(b:Person) " + _ACTIVE + _PERSON_TIE_COLUMNS,
    columns=_PERSON_TIE_TYPES,
)

PERSON_TIES_ALL = Query(
    "person_ties_all", "MATCH (a:Person)-[x:WORKS_WITH]->(b:Person) " + _PERSON_TIE_COLUMNS, columns=_PERSON_TIE_TYPES
)

# --- which label holds a uid -----------------------------------------------------------------

# Every label holding ``uid``: uids are unique per label, not across labels (a Demographic record
# shares its person's uid), so the repository picks among them; at most one row per label.
NODE_LABEL = Query(
    "node_label",
    # Neo4j: one look-up per label through its uid constraint's index; ``MATCH (n {uid: $uid})``
    # with no label scans every node there. Labels from the fixed schema, in order.
    " UNION ALL ".join(
        f"MATCH (n:{label.value} {{uid: $uid}}) RETURN '{label.value}' AS label"
        for label in sorted(NodeLabel, key=lambda label: label.value)
    ),
    ladybug="MATCH (n) WHERE n.uid = $uid RETURN label(n) AS label ORDER BY label",
)

COUNTS_BY_LABEL = Query(
    "counts_by_label",
    "MATCH (n) RETURN labels(n)[0] AS label, count(n) AS count",
    ladybug="MATCH (n) RETURN label(n) AS label, count(n) AS count",
)

COUNTS_BY_REL_TYPE = Query(
    "counts_by_rel_type",
    "MATCH ()-[x]->() RETURN type(x) AS type, count(x) AS count",
    ladybug="MATCH ()-[x]->() RETURN label(x) AS type, count(x) AS count",
)

# --- wiping a database (Neo4j; the embedded store removes its folder) -----------------------

WIPE_BATCH = Query(
    "wipe_batch",
    "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted",
    write=True,
)

# --- the properties stored from a name (carenet.domain.text), filled in by migration 002 ------

NAME_KEYS_MISSING: dict[str, Query] = {
    label: Query(
        f"name_keys_missing_{label.lower()}",
        f"MATCH (n:{label}) WHERE n.name IS NOT NULL AND n.name_key IS NULL RETURN n.uid AS uid, n.name AS name",
    )
    for label in sorted(NAME_KEYED_LABELS)
}

SET_NAME_KEYS: dict[str, Query] = {
    label: Query(
        f"set_name_keys_{label.lower()}",
        f"UNWIND $rows AS r MATCH (n:{label} {{uid: r.uid}}) SET n.name_fold = r.name_fold, n.name_key = r.name_key",
        write=True,
        skip_if_empty="rows",
    )
    for label in sorted(NAME_KEYED_LABELS)
}
