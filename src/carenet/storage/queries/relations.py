"""Batched look-ups of related nodes, one query for a whole page (the API's DataLoaders).

Each takes ``$uids`` (the page's nodes) and returns ``key`` (which of them a row belongs to).
Ties come back from both ends, with ``direction`` ``out`` or ``in``, and their properties.
"""

from carenet.storage.queries.registry import Query

ORGANISATION_OF_TEAMS = Query(
    "organisation_of_teams",
    "UNWIND $uids AS u MATCH (t:Team {uid: u})-[:PART_OF]->(o:Organisation) "
    "RETURN u AS key, o.uid AS uid, o.name AS name, o.kind AS kind, o.sector AS sector, o.ods_code AS ods_code, "
    "o.betweenness AS betweenness, o.brokerage AS brokerage, o.constraint AS constraint, o.community AS community",
    skip_if_empty="uids",
)

PLACES_OF_TEAMS = Query(
    "places_of_teams",
    "UNWIND $uids AS u MATCH (t:Team {uid: u})-[r:SERVES]->(p:Place) "
    "RETURN u AS key, p.uid AS uid, p.name AS name, p.gss_code AS gss_code, r.since AS since, r.until AS until",
    skip_if_empty="uids",
)

PLACES_OF_ORGANISATIONS = Query(
    "places_of_organisations",
    "UNWIND $uids AS u MATCH (o:Organisation {uid: u})-[r:PART_OF|SERVES]->(p:Place) "
    "RETURN DISTINCT u AS key, p.uid AS uid, p.name AS name, p.gss_code AS gss_code, "
    "r.since AS since, r.until AS until",
    skip_if_empty="uids",
)

TEAMS_OF_ORGANISATIONS = Query(
    "teams_of_organisations",
    "UNWIND $uids AS u MATCH (t:Team)-[:PART_OF]->(o:Organisation {uid: u}) "
    "RETURN u AS key, t.uid AS uid, t.name AS name, t.service AS service, t.sector AS sector, "
    "t.betweenness AS betweenness, t.brokerage AS brokerage, t.constraint AS constraint, t.community AS community",
    skip_if_empty="uids",
)

SYSTEM_OF_PLACES = Query(
    "system_of_places",
    "UNWIND $uids AS u MATCH (p:Place {uid: u})-[:PART_OF]->(s:System) "
    "RETURN u AS key, s.uid AS uid, s.name AS name, s.ods_code AS ods_code, s.gss_code AS gss_code",
    skip_if_empty="uids",
)

TEAMS_OF_PEOPLE = Query(
    "teams_of_people",
    "UNWIND $uids AS u MATCH (p:Person {uid: u})-[r:MEMBER_OF]->(t:Team) "
    "RETURN u AS key, t.uid AS uid, t.name AS name, t.service AS service, t.sector AS sector, "
    "t.betweenness AS betweenness, t.brokerage AS brokerage, t.constraint AS constraint, t.community AS community, "
    "r.role AS role, r.since AS since, r.until AS until",
    skip_if_empty="uids",
)

_PARTNER_ITEMS = (
    "x.trust_reliability AS trust_reliability, x.trust_mission AS trust_mission, "
    "x.trust_openness AS trust_openness, x.value_power AS value_power, "
    "x.value_involvement AS value_involvement, x.value_resources AS value_resources"
)
"""PARTNER's six sub-items of a collaboration tie (issue 21; null where only the scores were given)."""
_TEAM_TIE_FIELDS = (
    "m.uid AS uid, m.name AS name, m.service AS service, m.sector AS sector, m.betweenness AS betweenness, "
    "m.brokerage AS brokerage, m.constraint AS constraint, m.community AS community, x.uid AS tie, x.kinds AS kinds, "
    "x.frequency AS frequency, x.trust AS trust, x.value AS value, x.wave AS wave, x.since AS since, x.until AS until, "
    + _PARTNER_ITEMS
)
TIES_OF_TEAMS = Query(
    "ties_of_teams",
    "UNWIND $uids AS u MATCH (t:Team {uid: u})-[x:COLLABORATES_WITH]->(m:Team) "
    "RETURN u AS key, 'out' AS direction, " + _TEAM_TIE_FIELDS + " "
    "UNION ALL UNWIND $uids AS u MATCH (t:Team {uid: u})<-[x:COLLABORATES_WITH]-(m:Team) "
    "RETURN u AS key, 'in' AS direction, " + _TEAM_TIE_FIELDS,
    skip_if_empty="uids",
)

_ORG_TIE_FIELDS = (
    "m.uid AS uid, m.name AS name, m.kind AS kind, m.sector AS sector, m.ods_code AS ods_code, "
    "m.betweenness AS betweenness, m.brokerage AS brokerage, m.constraint AS constraint, m.community AS community, "
    "x.uid AS tie, x.kinds AS kinds, x.frequency AS frequency, x.trust AS trust, x.value AS value, x.wave AS wave, "
    "x.since AS since, x.until AS until, " + _PARTNER_ITEMS
)
TIES_OF_ORGANISATIONS = Query(
    "ties_of_organisations",
    "UNWIND $uids AS u MATCH (t:Organisation {uid: u})-[x:COLLABORATES_WITH]->(m:Organisation) "
    "RETURN u AS key, 'out' AS direction, " + _ORG_TIE_FIELDS + " "
    "UNION ALL UNWIND $uids AS u MATCH (t:Organisation {uid: u})<-[x:COLLABORATES_WITH]-(m:Organisation) "
    "RETURN u AS key, 'in' AS direction, " + _ORG_TIE_FIELDS,
    skip_if_empty="uids",
)
