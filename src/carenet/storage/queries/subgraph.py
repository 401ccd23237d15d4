"""Queries behind the GraphQL ``subgraph`` field: the nodes of one level that pass a filter,
the ties among them, and the neighbours of a frontier (to walk out from a centre node).

Filters use sentinels, never ``$x IS NULL``: ``''`` for an unused string, ``$all_uids`` /
``$all_sectors`` / ``$all_levels`` booleans with a one-element ``['']`` list when a list is unused
(LadybugDB rejects empty-list parameters). Nodes come back ranked by their number of ties, most
first, then by uid, so a ``$limit`` keeps the best-connected part of the picture.
"""

from carenet.storage.queries.registry import Query

_RANK = "COUNT { MATCH (n)-[:{rel}]-() } AS rank"

# --- teams: place is the organisation's place, else the first (by uid) place the team serves
# (LadybugDB: min() of a collected uid, because list_extract fails on an empty list even inside CASE)

_TEAM_HEAD = (
    "MATCH (n:Team) "
    "WHERE ($all_uids OR n.uid IN $uids) AND ($all_sectors OR n.sector IN $sectors) "
    "AND ($search = '' OR toLower(n.name) CONTAINS $search) "
    "OPTIONAL MATCH (n)-[:PART_OF]->(o:Organisation) "
    "OPTIONAL MATCH (o)-[:PART_OF]->(op:Place) "
    "OPTIONAL MATCH (n)-[:SERVES]->(tp:Place) "
    "WITH n, o, op.uid AS org_place, min(tp.uid) AS served "
    "WITH n, o, coalesce(org_place, served) AS place "
)
_TEAM_PLACE_NEO4J = "OPTIONAL MATCH (pl:Place {uid: place})-[:PART_OF]->(ps:System) "
_TEAM_PLACE_LADYBUG = "OPTIONAL MATCH (pl:Place)-[:PART_OF]->(ps:System) WHERE pl.uid = place "
_TEAM_TAIL = (
    "OPTIONAL MATCH (o)-[:PART_OF]->(os:System) "
    "WITH n, o, place, coalesce(ps.uid, os.uid) AS system "
    "WHERE ($place = '' OR place = $place) AND ($system = '' OR system = $system) "
)
_TEAM_RETURN = (
    "RETURN n.uid AS uid, n.name AS name, n.sector AS sector, o.uid AS organisation, "
    "o.name AS organisation_name, place AS place, n.betweenness AS betweenness, "
    "n.brokerage AS brokerage, n.community AS community, "
    + _RANK.replace("{rel}", "COLLABORATES_WITH")
    + " ORDER BY rank DESC, uid LIMIT $limit"
)

SUBGRAPH_TEAM_NODES = Query(
    "subgraph_team_nodes",
    _TEAM_HEAD + _TEAM_PLACE_NEO4J + _TEAM_TAIL + _TEAM_RETURN,
    ladybug=_TEAM_HEAD + _TEAM_PLACE_LADYBUG + _TEAM_TAIL + _TEAM_RETURN,
)
SUBGRAPH_TEAM_COUNT = Query(
    "subgraph_team_count",
    _TEAM_HEAD + _TEAM_PLACE_NEO4J + _TEAM_TAIL + "RETURN count(n) AS total",
    ladybug=_TEAM_HEAD + _TEAM_PLACE_LADYBUG + _TEAM_TAIL + "RETURN count(n) AS total",
)

# --- organisations: place is the place it is part of; system that place's, else its own ------

_ORG_HEAD = (
    "MATCH (n:Organisation) "
    "WHERE ($all_uids OR n.uid IN $uids) AND ($all_sectors OR n.sector IN $sectors) "
    "AND ($search = '' OR toLower(n.name) CONTAINS $search) "
    "OPTIONAL MATCH (n)-[:PART_OF]->(p:Place) "
    "OPTIONAL MATCH (n)-[:PART_OF]->(os:System) "
    "WITH n, min(p.uid) AS place, min(os.uid) AS direct_system "
)
_ORG_PLACE_NEO4J = "OPTIONAL MATCH (pl:Place {uid: place})-[:PART_OF]->(ps:System) "
_ORG_PLACE_LADYBUG = "OPTIONAL MATCH (pl:Place)-[:PART_OF]->(ps:System) WHERE pl.uid = place "
_ORG_TAIL = (
    "WITH n, place, coalesce(ps.uid, direct_system) AS system "
    "WHERE ($place = '' OR place = $place) AND ($system = '' OR system = $system) "
)
_ORG_RETURN = (
    "RETURN n.uid AS uid, n.name AS name, n.sector AS sector, n.uid AS organisation, "
    "n.name AS organisation_name, place AS place, n.betweenness AS betweenness, "
    "n.brokerage AS brokerage, n.community AS community, "
    + _RANK.replace("{rel}", "COLLABORATES_WITH")
    + " ORDER BY rank DESC, uid LIMIT $limit"
)

SUBGRAPH_ORGANISATION_NODES = Query(
    "subgraph_organisation_nodes",
    _ORG_HEAD + _ORG_PLACE_NEO4J + _ORG_TAIL + _ORG_RETURN,
    ladybug=_ORG_HEAD + _ORG_PLACE_LADYBUG + _ORG_TAIL + _ORG_RETURN,
)
SUBGRAPH_ORGANISATION_COUNT = Query(
    "subgraph_organisation_count",
    _ORG_HEAD + _ORG_PLACE_NEO4J + _ORG_TAIL + "RETURN count(n) AS total",
    ladybug=_ORG_HEAD + _ORG_PLACE_LADYBUG + _ORG_TAIL + "RETURN count(n) AS total",
)

# --- people: organisation is the one they are a member of, else their team's; place their
# team's served place, else their organisation's place. Sector is the organisation's.

_PERSON_HEAD = (
    "MATCH (n:Person) "
    "WHERE ($all_uids OR n.uid IN $uids) AND ($all_levels OR n.level IN $levels) "
    "AND ($search = '' OR toLower(n.name) CONTAINS $search) "
    "OPTIONAL MATCH (n)-[:MEMBER_OF]->(d:Organisation) "
    "OPTIONAL MATCH (n)-[:MEMBER_OF|LEADS]->(t:Team)-[:PART_OF]->(to:Organisation) "
    "OPTIONAL MATCH (t)-[:SERVES]->(tp:Place) "
    "WITH n, coalesce(min(d.uid), min(to.uid)) AS org_uid, min(tp.uid) AS team_place "
)
_PERSON_ORG_NEO4J = "OPTIONAL MATCH (o:Organisation {uid: org_uid}) "
_PERSON_ORG_LADYBUG = "OPTIONAL MATCH (o:Organisation) WHERE o.uid = org_uid "
_PERSON_PLACE_NEO4J = (
    "OPTIONAL MATCH (o)-[:PART_OF]->(op:Place) "
    "WITH n, o, coalesce(team_place, op.uid) AS place "
    "OPTIONAL MATCH (pl:Place {uid: place})-[:PART_OF]->(ps:System) "
)
_PERSON_PLACE_LADYBUG = (
    "OPTIONAL MATCH (o)-[:PART_OF]->(op:Place) "
    "WITH n, o, coalesce(team_place, op.uid) AS place "
    "OPTIONAL MATCH (pl:Place)-[:PART_OF]->(ps:System) WHERE pl.uid = place "
)
_PERSON_TAIL = (
    "OPTIONAL MATCH (o)-[:PART_OF]->(os:System) "
    "WITH n, o, place, coalesce(ps.uid, os.uid) AS system "
    "WHERE ($place = '' OR place = $place) AND ($system = '' OR system = $system) "
    "AND ($all_sectors OR o.sector IN $sectors) "
)
_PERSON_RETURN = (
    "RETURN n.uid AS uid, n.name AS name, o.sector AS sector, o.uid AS organisation, "
    "o.name AS organisation_name, place AS place, n.betweenness AS betweenness, "
    "n.brokerage AS brokerage, n.community AS community, "
    + _RANK.replace("{rel}", "WORKS_WITH")
    + " ORDER BY rank DESC, uid LIMIT $limit"
)

SUBGRAPH_PERSON_NODES = Query(
    "subgraph_person_nodes",
    _PERSON_HEAD + _PERSON_ORG_NEO4J + _PERSON_PLACE_NEO4J + _PERSON_TAIL + _PERSON_RETURN,
    ladybug=_PERSON_HEAD + _PERSON_ORG_LADYBUG + _PERSON_PLACE_LADYBUG + _PERSON_TAIL + _PERSON_RETURN,
)
SUBGRAPH_PERSON_COUNT = Query(
    "subgraph_person_count",
    _PERSON_HEAD + _PERSON_ORG_NEO4J + _PERSON_PLACE_NEO4J + _PERSON_TAIL + "RETURN count(n) AS total",
    ladybug=_PERSON_HEAD + _PERSON_ORG_LADYBUG + _PERSON_PLACE_LADYBUG + _PERSON_TAIL + "RETURN count(n) AS total",
)

# --- ties leaving a set of nodes (the caller keeps those whose target is in the set too) -----
# One primary-key look-up per uid; filtering targets against a long list in Cypher is slower.

_TIES = (
    "UNWIND $uids AS u MATCH (a:{label} {uid: u})-[x:{rel}]->(b:{label}) "
    "WHERE ($wave = '' OR x.wave = $wave) "
    "RETURN a.uid AS source, b.uid AS target, x.uid AS uid, x.kinds AS kinds, x.frequency AS frequency, "
)
SUBGRAPH_TEAM_TIES = Query(
    "subgraph_team_ties",
    _TIES.replace("{label}", "Team").replace("{rel}", "COLLABORATES_WITH") + "x.trust AS trust",
    skip_if_empty="uids",
)
SUBGRAPH_ORGANISATION_TIES = Query(
    "subgraph_organisation_ties",
    _TIES.replace("{label}", "Organisation").replace("{rel}", "COLLABORATES_WITH") + "x.trust AS trust",
    skip_if_empty="uids",
)
SUBGRAPH_PERSON_TIES = Query(
    "subgraph_person_ties",
    _TIES.replace("{label}", "Person").replace("{rel}", "WORKS_WITH") + "NULL AS trust",
    skip_if_empty="uids",
)

# --- one hop out from a frontier, either direction ------------------------------------------

_HOP = (
    "UNWIND $uids AS u MATCH (a:{label} {uid: u})-[x:{rel}]-(b:{label}) "
    "WHERE ($wave = '' OR x.wave = $wave) RETURN DISTINCT b.uid AS uid"
)
SUBGRAPH_TEAM_HOP = Query(
    "subgraph_team_hop", _HOP.replace("{label}", "Team").replace("{rel}", "COLLABORATES_WITH"), skip_if_empty="uids"
)
SUBGRAPH_ORGANISATION_HOP = Query(
    "subgraph_organisation_hop",
    _HOP.replace("{label}", "Organisation").replace("{rel}", "COLLABORATES_WITH"),
    skip_if_empty="uids",
)
SUBGRAPH_PERSON_HOP = Query(
    "subgraph_person_hop", _HOP.replace("{label}", "Person").replace("{rel}", "WORKS_WITH"), skip_if_empty="uids"
)

# --- the system overview: teams' ties summed per pair of organisations ------------------------
# Two forms, with and without the wave filter: LadybugDB evaluates a parameterised filter on every
# row even when it cannot exclude anything. Pairs of one organisation come back too (its inner ties).

_OVERVIEW_TIES = (
    "MATCH (a:Team)-[x:COLLABORATES_WITH]->(b:Team) {wave}"
    "MATCH (a)-[:PART_OF]->(oa:Organisation) MATCH (b)-[:PART_OF]->(ob:Organisation) "
    "RETURN oa.uid AS source, ob.uid AS target, count(x) AS ties"
)
OVERVIEW_TEAM_TIES = Query("overview_team_ties", _OVERVIEW_TIES.replace("{wave}", ""))
OVERVIEW_TEAM_TIES_WAVE = Query("overview_team_ties_wave", _OVERVIEW_TIES.replace("{wave}", "WHERE x.wave = $wave "))
_OVERVIEW_ORG_TIES = (
    "MATCH (a:Organisation)-[x:COLLABORATES_WITH]->(b:Organisation) {wave}"
    "RETURN a.uid AS source, b.uid AS target, count(x) AS ties"
)
OVERVIEW_ORGANISATION_TIES = Query("overview_organisation_ties", _OVERVIEW_ORG_TIES.replace("{wave}", ""))
OVERVIEW_ORGANISATION_TIES_WAVE = Query(
    "overview_organisation_ties_wave", _OVERVIEW_ORG_TIES.replace("{wave}", "WHERE x.wave = $wave ")
)
OVERVIEW_TEAM_COUNTS = Query(
    "overview_team_counts",
    "MATCH (t:Team)-[:PART_OF]->(o:Organisation) RETURN o.uid AS organisation, count(t) AS teams",
)
OVERVIEW_PLACE_NAMES = Query("overview_place_names", "MATCH (p:Place) RETURN p.uid AS uid, p.name AS name")
