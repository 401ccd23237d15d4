"""Queries the analytics need besides the projections: pathways, forum seats, leadership figures,
and writing computed metrics back onto nodes.

Demographic data is only ever read here as counts per (place, level, category) cell; the
suppression of small cells happens in the analytics before anything is shown.
"""

from carenet.storage.queries.registry import Query

PATHWAY_STEPS = Query(
    "pathway_steps",
    "MATCH (c:CarePathway)-[:HAS_STEP]->(s:PathwayStep) "
    "OPTIONAL MATCH (t:Team)-[:DELIVERS]->(s) "
    "RETURN c.uid AS pathway, c.name AS pathway_name, s.uid AS step, s.name AS step_name, "
    "s.position AS position, collect(t.uid) AS teams "
    "ORDER BY pathway, position",
)

FORUM_SEATS = Query(
    "forum_seats",
    "MATCH (f:Forum) "
    "OPTIONAL MATCH (o:Organisation)-[:SITS_ON]->(f) "
    "RETURN f.uid AS forum, f.name AS name, f.kind AS kind, collect(o.uid) AS organisations, "
    "collect(o.sector) AS sectors",
)

FORUM_PERSON_SECTORS = Query(
    "forum_person_sectors",
    "MATCH (p:Person)-[:SITS_ON]->(f:Forum) "
    "MATCH (p)-[:MEMBER_OF]->(o:Organisation) "
    "RETURN f.uid AS forum, collect(DISTINCT o.sector) AS sectors",
)

# A leader's area: the first (by uid) place a team of theirs serves, else their organisation's
# place; a leader of an organisation that serves a whole system (PART_OF the System, no place)
# belongs to that system's area (``system``). Every person counts; one without a demographic
# record has ethnic category and sex null ("not stated").
_LEADER_AREA = (
    "OPTIONAL MATCH (p)-[:MEMBER_OF]->(:Team)-[:SERVES]->(tp:Place) "
    "OPTIONAL MATCH (p)-[:MEMBER_OF]->(:Organisation)-[:PART_OF]->(op:Place) "
    "OPTIONAL MATCH (p)-[:MEMBER_OF]->(:Organisation)-[:PART_OF]->(os:System) "
    "OPTIONAL MATCH (p)-[:MEMBER_OF]->(:Team)-[:PART_OF]->(:Organisation)-[:PART_OF]->(ts:System) "
)

LEADER_DEMOGRAPHIC_COUNTS = Query(
    "leader_demographic_counts",
    "MATCH (p:Person) "
    "OPTIONAL MATCH (d:Demographic)-[:DESCRIBES]->(p) "
    + _LEADER_AREA
    + "WITH p, d, coalesce(min(tp.uid), min(op.uid)) AS place, coalesce(min(os.uid), min(ts.uid)) AS system "
    "RETURN place AS place, system AS system, p.level AS level, d.ethnic_category AS ethnic_category, "
    "d.sex AS sex, count(*) AS count",
)

LEADER_CAPABILITIES = Query(
    "leader_capabilities",
    "MATCH (p:Person) "
    + _LEADER_AREA
    + "WITH p, coalesce(min(tp.uid), min(op.uid)) AS place, coalesce(min(os.uid), min(ts.uid)) AS system "
    "OPTIONAL MATCH (p)-[:HAS_CAPABILITY]->(c:Capability) "
    "RETURN p.uid AS person, place AS place, system AS system, p.level AS level, collect(c.uid) AS capabilities",
)

PLACE_SYSTEMS = Query(
    "place_systems",
    "MATCH (p:Place) OPTIONAL MATCH (p)-[:PART_OF]->(s:System) RETURN p.uid AS place, p.name AS name, s.uid AS system",
)

SURVEY_WAVES = Query(
    "survey_waves",
    "MATCH (w:SurveyWave) OPTIONAL MATCH (w)-[:PART_OF]->(s:System) "
    "RETURN w.uid AS uid, w.name AS name, w.collected_on AS collected_on, min(s.uid) AS system "
    "ORDER BY collected_on, uid",
)

_METRIC_COLUMNS = (
    ("uid", "STRING"),
    ("betweenness", "DOUBLE"),
    ("brokerage", "DOUBLE"),
    ("constraint", "DOUBLE"),
    ("community", "INT64"),
)

SET_TEAM_METRICS = Query(
    "set_team_metrics",
    "UNWIND $rows AS r MATCH (n:Team {uid: r.uid}) "
    "SET n.betweenness = r.betweenness, n.brokerage = r.brokerage, n.constraint = r.constraint, "
    "n.community = r.community",
    ladybug="LOAD FROM $rows MATCH (n:Team {uid: uid}) "
    "SET n.betweenness = betweenness, n.brokerage = brokerage, n.`constraint` = `constraint`, n.community = community",
    ladybug_small="UNWIND $rows AS r MATCH (n:Team {uid: r.uid}) "
    "SET n.betweenness = CAST(r.betweenness AS DOUBLE), n.brokerage = CAST(r.brokerage AS DOUBLE), "
    "n.`constraint` = CAST(r.`constraint` AS DOUBLE), n.community = CAST(r.community AS INT64)",
    write=True,
    skip_if_empty="rows",
    arrow_rows=_METRIC_COLUMNS,
)

SET_ORGANISATION_METRICS = Query(
    "set_organisation_metrics",
    "UNWIND $rows AS r MATCH (n:Organisation {uid: r.uid}) "
    "SET n.betweenness = r.betweenness, n.brokerage = r.brokerage, n.constraint = r.constraint, "
    "n.community = r.community",
    ladybug="LOAD FROM $rows MATCH (n:Organisation {uid: uid}) "
    "SET n.betweenness = betweenness, n.brokerage = brokerage, n.`constraint` = `constraint`, n.community = community",
    ladybug_small="UNWIND $rows AS r MATCH (n:Organisation {uid: r.uid}) "
    "SET n.betweenness = CAST(r.betweenness AS DOUBLE), n.brokerage = CAST(r.brokerage AS DOUBLE), "
    "n.`constraint` = CAST(r.`constraint` AS DOUBLE), n.community = CAST(r.community AS INT64)",
    write=True,
    skip_if_empty="rows",
    arrow_rows=_METRIC_COLUMNS,
)

SET_PERSON_METRICS = Query(
    "set_person_metrics",
    "UNWIND $rows AS r MATCH (n:Person {uid: r.uid}) "
    "SET n.betweenness = r.betweenness, n.brokerage = r.brokerage, n.constraint = r.constraint, "
    "n.community = r.community",
    ladybug="LOAD FROM $rows MATCH (n:Person {uid: uid}) "
    "SET n.betweenness = betweenness, n.brokerage = brokerage, n.`constraint` = `constraint`, n.community = community",
    ladybug_small="UNWIND $rows AS r MATCH (n:Person {uid: r.uid}) "
    "SET n.betweenness = CAST(r.betweenness AS DOUBLE), n.brokerage = CAST(r.brokerage AS DOUBLE), "
    "n.`constraint` = CAST(r.`constraint` AS DOUBLE), n.community = CAST(r.community AS INT64)",
    write=True,
    skip_if_empty="rows",
    arrow_rows=_METRIC_COLUMNS,
)
