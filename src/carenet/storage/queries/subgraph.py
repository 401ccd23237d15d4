"""Queries behind the GraphQL ``subgraph`` field: the nodes of one level that pass a filter,
the ties among them, and the neighbours of a frontier (to walk out from a centre node).

Filters use sentinels, never ``$x IS NULL``: ``''`` for an unused string, ``$all_uids`` /
``$all_sectors`` / ``$all_levels`` booleans with a one-element ``['']`` list when a list is unused
(LadybugDB rejects empty-list parameters). Nodes come back ranked by their number of ties, most
first, then by uid, so a ``$limit`` keeps the best-connected part of the picture. ``$search`` is
folded in Python and compared with the stored ``name_fold`` (:mod:`carenet.domain.text`): the
stores' own ``toLower`` disagree (``'İ'``, a word-final ``'Σ'``). The counts count nodes, not
rows: a team in two organisations (or an organisation in two places) is one node, whose rows are
ordered by organisation and place so the service keeps the same one (the first) each time.
"""

from carenet.storage.queries.registry import Query

_RANK = "COUNT { MATCH (n)-[:{rel}]-() } AS rank"

# --- teams: place is the organisation's place, else the first (by uid) place the team serves
# (LadybugDB: min() of a collected uid, because list_extract fails on an empty list even inside CASE)

_TEAM_HEAD = (
    "MATCH (n:Team) "
    "WHERE ($all_uids OR n.uid IN $uids) AND ($all_sectors OR n.sector IN $sectors) "
    "AND ($search = '' OR n.name_fold CONTAINS $search) "
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
    + " ORDER BY rank DESC, uid, organisation, place LIMIT $limit"
)

SUBGRAPH_TEAM_NODES = Query(
    "subgraph_team_nodes",
    _TEAM_HEAD + _TEAM_PLACE_NEO4J + _TEAM_TAIL + _TEAM_RETURN,
    ladybug=_TEAM_HEAD + _TEAM_PLACE_LADYBUG + _TEAM_TAIL + _TEAM_RETURN,
)
SUBGRAPH_TEAM_COUNT = Query(
    "subgraph_team_count",
    _TEAM_HEAD + _TEAM_PLACE_NEO4J + _TEAM_TAIL + "RETURN count(DISTINCT n) AS total",
    ladybug=_TEAM_HEAD + _TEAM_PLACE_LADYBUG + _TEAM_TAIL + "RETURN count(DISTINCT n) AS total",
)

# --- organisations: place is the place it is part of; system that place's, else its own ------

_ORG_HEAD = (
    "MATCH (n:Organisation) "
    "WHERE ($all_uids OR n.uid IN $uids) AND ($all_sectors OR n.sector IN $sectors) "
    "AND ($search = '' OR n.name_fold CONTAINS $search) "
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
    + " ORDER BY rank DESC, uid, organisation, place LIMIT $limit"
)

SUBGRAPH_ORGANISATION_NODES = Query(
    "subgraph_organisation_nodes",
    _ORG_HEAD + _ORG_PLACE_NEO4J + _ORG_TAIL + _ORG_RETURN,
    ladybug=_ORG_HEAD + _ORG_PLACE_LADYBUG + _ORG_TAIL + _ORG_RETURN,
)
SUBGRAPH_ORGANISATION_COUNT = Query(
    "subgraph_organisation_count",
    _ORG_HEAD + _ORG_PLACE_NEO4J + _ORG_TAIL + "RETURN count(DISTINCT n) AS total",
    ladybug=_ORG_HEAD + _ORG_PLACE_LADYBUG + _ORG_TAIL + "RETURN count(DISTINCT n) AS total",
)

# --- people: organisation is the one they are a member of, else their team's; place their
# team's served place, else their organisation's place. Sector is the organisation's.

_PERSON_HEAD = (
    "MATCH (n:Person) "
    "WHERE ($all_uids OR n.uid IN $uids) AND ($all_levels OR n.level IN $levels) "
    "AND ($search = '' OR n.name_fold CONTAINS $search) "
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
    + " ORDER BY rank DESC, uid, organisation, place LIMIT $limit"
)

SUBGRAPH_PERSON_NODES = Query(
    "subgraph_person_nodes",
    _PERSON_HEAD + _PERSON_ORG_NEO4J + _PERSON_PLACE_NEO4J + _PERSON_TAIL + _PERSON_RETURN,
    ladybug=_PERSON_HEAD + _PERSON_ORG_LADYBUG + _PERSON_PLACE_LADYBUG + _PERSON_TAIL + _PERSON_RETURN,
)
SUBGRAPH_PERSON_COUNT = Query(
    "subgraph_person_count",
    _PERSON_HEAD + _PERSON_ORG_NEO4J + _PERSON_PLACE_NEO4J + _PERSON_TAIL + "RETURN count(DISTINCT n) AS total",
    ladybug=_PERSON_HEAD
    + _PERSON_ORG_LADYBUG
    + _PERSON_PLACE_LADYBUG
    + _PERSON_TAIL
    + "RETURN count(DISTINCT n) AS total",
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
# ``WHERE a.uid IN $uids``, not ``UNWIND $uids AS u MATCH (a {uid: u})``: LadybugDB 0.22 plans the
# UNWIND form before this pattern as something far slower for a frontier of a few nodes (what a
# centre's neighbourhood asks; ``benchmarks/load.py`` times it); on Neo4j both use the uid index.

_HOP = (
    "MATCH (a:{label})-[x:{rel}]-(b:{label}) "
    "WHERE a.uid IN $uids AND ($wave = '' OR x.wave = $wave) RETURN DISTINCT b.uid AS uid"
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

# --- the fast forms: rank and cut first, then join (no place or system filter) ---------------
# The forms above join every node to its organisation, place and system before ranking and cutting,
# and count by the same joins: on 100,000 teams that is most of a 2,000-node subgraph's time. With no
# place or system filter the joins cannot drop a node, so these rank and cut the nodes first and join
# only those kept; the count is a plain count. Rows equal the forms above whenever no kept node has
# two organisations, places or systems (the service checks for repeated uids and falls back). Each
# comes without the filter too: a parameterised filter costs on every row even when it keeps all.

_FILTER_TEAM = (
    "WHERE ($all_uids OR n.uid IN $uids) AND ($all_sectors OR n.sector IN $sectors) "
    "AND ($search = '' OR n.name_fold CONTAINS $search) "
)
_TOP = "WITH n, " + _RANK.replace("{rel}", "COLLABORATES_WITH") + " ORDER BY rank DESC, n.uid LIMIT $limit "
_TEAM_JOIN = (
    "OPTIONAL MATCH (n)-[:PART_OF]->(o:Organisation) "
    "OPTIONAL MATCH (o)-[:PART_OF]->(op:Place) "
    "OPTIONAL MATCH (n)-[:SERVES]->(tp:Place) "
    "WITH n, rank, o, op.uid AS org_place, min(tp.uid) AS served "
    "WITH n, rank, o, coalesce(org_place, served) AS place "
)
_TEAM_JOIN_TAIL = (
    "OPTIONAL MATCH (o)-[:PART_OF]->(os:System) WITH n, rank, o, place, coalesce(ps.uid, os.uid) AS system "
)
_TOP_RETURN = (
    "RETURN n.uid AS uid, n.name AS name, n.sector AS sector, o.uid AS organisation, "
    "o.name AS organisation_name, place AS place, n.betweenness AS betweenness, "
    "n.brokerage AS brokerage, n.community AS community, rank AS rank ORDER BY rank DESC, uid, organisation, place"
)


def _team_top(where: str, place: str) -> str:
    return "MATCH (n:Team) " + where + _TOP + _TEAM_JOIN + place + _TEAM_JOIN_TAIL + _TOP_RETURN


SUBGRAPH_TEAM_TOP = Query(
    "subgraph_team_top",
    _team_top(_FILTER_TEAM, _TEAM_PLACE_NEO4J),
    ladybug=_team_top(_FILTER_TEAM, _TEAM_PLACE_LADYBUG),
)
SUBGRAPH_TEAM_TOP_ALL = Query(
    "subgraph_team_top_all",
    _team_top("", _TEAM_PLACE_NEO4J),
    ladybug=_team_top("", _TEAM_PLACE_LADYBUG),
)
SUBGRAPH_TEAM_TOTAL = Query("subgraph_team_total", "MATCH (n:Team) " + _FILTER_TEAM + "RETURN count(n) AS total")


SUBGRAPH_TEAM_TOTAL_ALL = Query("subgraph_team_total_all", "MATCH (n:Team) RETURN count(n) AS total")

_ORG_JOIN = (
    "OPTIONAL MATCH (n)-[:PART_OF]->(p:Place) "
    "OPTIONAL MATCH (n)-[:PART_OF]->(os:System) "
    "WITH n, rank, min(p.uid) AS place, min(os.uid) AS direct_system "
)
_ORG_TOP_RETURN = (
    "WITH n, rank, place, coalesce(ps.uid, direct_system) AS system "
    "RETURN n.uid AS uid, n.name AS name, n.sector AS sector, n.uid AS organisation, "
    "n.name AS organisation_name, place AS place, n.betweenness AS betweenness, "
    "n.brokerage AS brokerage, n.community AS community, rank AS rank ORDER BY rank DESC, uid, organisation, place"
)


def _org_top(where: str, place: str) -> str:
    return "MATCH (n:Organisation) " + where + _TOP + _ORG_JOIN + place + _ORG_TOP_RETURN


SUBGRAPH_ORGANISATION_TOP = Query(
    "subgraph_organisation_top",
    _org_top(_FILTER_TEAM, _ORG_PLACE_NEO4J),
    ladybug=_org_top(_FILTER_TEAM, _ORG_PLACE_LADYBUG),
)
SUBGRAPH_ORGANISATION_TOP_ALL = Query(
    "subgraph_organisation_top_all",
    _org_top("", _ORG_PLACE_NEO4J),
    ladybug=_org_top("", _ORG_PLACE_LADYBUG),
)
SUBGRAPH_ORGANISATION_TOTAL = Query(
    "subgraph_organisation_total", "MATCH (n:Organisation) " + _FILTER_TEAM + "RETURN count(n) AS total"
)
SUBGRAPH_ORGANISATION_TOTAL_ALL = Query(
    "subgraph_organisation_total_all", "MATCH (n:Organisation) RETURN count(n) AS total"
)


# --- the fast unfiltered forms: every node's rank in one grouped pass, then the nodes kept joined --
# Ranking with ``COUNT {}`` per node before the cut is most of a 2,000-node subgraph's time on 100,000
# teams. The repository reads every node's rank once per graph version with these (a node with no tie
# has no row), cuts in Arrow, and joins the nodes kept by key, with the rank they were cut by (the
# same ``count`` as ``COUNT {}``, the same pattern grouped). ``$nodes``: maps ``{uid, rank}``.

_DEGREES = "MATCH (n:{label})-[:{rel}]-() RETURN n.uid AS uid, count(*) AS rank"
_DEGREE_COLUMNS = (("uid", "STRING"), ("rank", "INT64"))
SUBGRAPH_TEAM_DEGREES = Query(
    "subgraph_team_degrees",
    _DEGREES.replace("{label}", "Team").replace("{rel}", "COLLABORATES_WITH"),
    columns=_DEGREE_COLUMNS,
)
SUBGRAPH_ORGANISATION_DEGREES = Query(
    "subgraph_organisation_degrees",
    _DEGREES.replace("{label}", "Organisation").replace("{rel}", "COLLABORATES_WITH"),
    columns=_DEGREE_COLUMNS,
)
# (LadybugDB 0.22: a ``WITH`` of a value from the ``UNWIND`` before an ``OPTIONAL MATCH`` fails,
# "Cannot evaluate expression with type VARIABLE", so the first ``WITH`` of the join takes ``r.rank``.)
_KEPT = "UNWIND $nodes AS r MATCH (n:{label} {uid: r.uid}) "


def _kept(label: str, join: str) -> str:
    assert join.count("WITH n, rank, ") >= 1
    return _KEPT.replace("{label}", label) + join.replace("WITH n, rank, ", "WITH n, r.rank AS rank, ", 1)


SUBGRAPH_TEAM_KEPT = Query(
    "subgraph_team_kept",
    _kept("Team", _TEAM_JOIN) + _TEAM_PLACE_NEO4J + _TEAM_JOIN_TAIL + _TOP_RETURN,
    ladybug=_kept("Team", _TEAM_JOIN) + _TEAM_PLACE_LADYBUG + _TEAM_JOIN_TAIL + _TOP_RETURN,
    skip_if_empty="nodes",
)
# The rank of each of a given set of nodes (a centre's neighbourhood) that passes the filter, each
# node found by its key: ``n.uid IN $uids`` scanned every node of the level, most of the request on a
# big graph. The repository cuts in Python and joins the nodes kept with the queries above. (LadybugDB
# 0.22: after an ``UNWIND``, ``COUNT {}`` or a ``WITH`` before an ``OPTIONAL MATCH`` fails, "Cannot
# evaluate expression with type VARIABLE"; so the same pattern as ``COUNT {}``, counted by aggregation.)
_RANK_GIVEN = (
    "UNWIND $uids AS u MATCH (n:{label} {uid: u}) "
    "WHERE ($all_sectors OR n.sector IN $sectors) AND ($search = '' OR n.name_fold CONTAINS $search) "
    "OPTIONAL MATCH (n)-[x:COLLABORATES_WITH]-() RETURN n.uid AS uid, count(x) AS rank"
)
SUBGRAPH_TEAM_RANK_GIVEN = Query("subgraph_team_rank_given", _RANK_GIVEN.replace("{label}", "Team"))
SUBGRAPH_ORGANISATION_RANK_GIVEN = Query(
    "subgraph_organisation_rank_given", _RANK_GIVEN.replace("{label}", "Organisation")
)

SUBGRAPH_ORGANISATION_KEPT = Query(
    "subgraph_organisation_kept",
    _kept("Organisation", _ORG_JOIN) + _ORG_PLACE_NEO4J + _ORG_TOP_RETURN,
    ladybug=_kept("Organisation", _ORG_JOIN) + _ORG_PLACE_LADYBUG + _ORG_TOP_RETURN,
    skip_if_empty="nodes",
)

# Ties leaving a set of nodes with their wave and no filter, streamed as Arrow: the caller keeps the
# ones that end in the set and are of the wave asked for, before any row becomes a Python object
# (of the 31,000 ties leaving the 2,000 best-connected of 100,000 teams, 1,000 end among them).
_TIES_OUT = (
    "UNWIND $uids AS u MATCH (a:{label} {uid: u})-[x:{rel}]->(b:{label}) "
    "RETURN a.uid AS source, b.uid AS target, x.uid AS uid, x.kinds AS kinds, x.frequency AS frequency, "
)
_TIES_OUT_COLUMNS = (
    ("source", "STRING"),
    ("target", "STRING"),
    ("uid", "STRING"),
    ("kinds", "STRING[]"),
    ("frequency", "STRING"),
    ("trust", "DOUBLE"),
    ("wave", "STRING"),
)
"""Streamed (the service keeps the ties that end in the picture while they are Arrow columns), so
declared: the Neo4j store builds its batches with LadybugDB's schema (issue 20)."""
SUBGRAPH_TEAM_TIES_OUT = Query(
    "subgraph_team_ties_out",
    _TIES_OUT.replace("{label}", "Team").replace("{rel}", "COLLABORATES_WITH") + "x.trust AS trust, x.wave AS wave",
    skip_if_empty="uids",
    columns=_TIES_OUT_COLUMNS,
)
SUBGRAPH_ORGANISATION_TIES_OUT = Query(
    "subgraph_organisation_ties_out",
    _TIES_OUT.replace("{label}", "Organisation").replace("{rel}", "COLLABORATES_WITH")
    + "x.trust AS trust, x.wave AS wave",
    skip_if_empty="uids",
    columns=_TIES_OUT_COLUMNS,
)
SUBGRAPH_PERSON_TIES_OUT = Query(
    "subgraph_person_ties_out",
    _TIES_OUT.replace("{label}", "Person").replace("{rel}", "WORKS_WITH") + "NULL AS trust, x.wave AS wave",
    # LadybugDB cannot make an Arrow column of an untyped NULL ("a vector with ANY type")
    ladybug=_TIES_OUT.replace("{label}", "Person").replace("{rel}", "WORKS_WITH")
    + "CAST(NULL AS DOUBLE) AS trust, x.wave AS wave",
    skip_if_empty="uids",
    columns=_TIES_OUT_COLUMNS,
)
# The same for a few nodes (a centre's neighbourhood), ``WHERE a.uid IN $uids``: LadybugDB 0.22 has a
# large fixed cost for the UNWIND form and a cost per key for this one, so this is far faster for a
# few hundred keys and slower for thousands (``DrawingReads.drawing_ties`` picks by ``FEW_TIES_OUT``).
_TIES_OUT_FEW = (
    "MATCH (a:{label})-[x:{rel}]->(b:{label}) WHERE a.uid IN $uids "
    "RETURN a.uid AS source, b.uid AS target, x.uid AS uid, x.kinds AS kinds, x.frequency AS frequency, "
)
SUBGRAPH_TEAM_TIES_OUT_FEW = Query(
    "subgraph_team_ties_out_few",
    _TIES_OUT_FEW.replace("{label}", "Team").replace("{rel}", "COLLABORATES_WITH") + "x.trust AS trust, x.wave AS wave",
    skip_if_empty="uids",
    columns=_TIES_OUT_COLUMNS,
)
SUBGRAPH_ORGANISATION_TIES_OUT_FEW = Query(
    "subgraph_organisation_ties_out_few",
    _TIES_OUT_FEW.replace("{label}", "Organisation").replace("{rel}", "COLLABORATES_WITH")
    + "x.trust AS trust, x.wave AS wave",
    skip_if_empty="uids",
    columns=_TIES_OUT_COLUMNS,
)
SUBGRAPH_PERSON_TIES_OUT_FEW = Query(
    "subgraph_person_ties_out_few",
    _TIES_OUT_FEW.replace("{label}", "Person").replace("{rel}", "WORKS_WITH") + "NULL AS trust, x.wave AS wave",
    ladybug=_TIES_OUT_FEW.replace("{label}", "Person").replace("{rel}", "WORKS_WITH")
    + "CAST(NULL AS DOUBLE) AS trust, x.wave AS wave",
    skip_if_empty="uids",
    columns=_TIES_OUT_COLUMNS,
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

# The same for the organisations of a scope (``$uids``): from each of them, so a place's overview reads
# its own ties, not the whole store's (the caller keeps the pairs whose other end is in the scope too).
# Written as steps: one pattern from the organisation to the far end plans a scan of the ties, several
# times slower for a place's organisations on the 42-system demo (measured by benchmarks/overview.py).
_OVERVIEW_TIES_OF = (
    "UNWIND $uids AS u MATCH (oa:Organisation {uid: u})<-[:PART_OF]-(a:Team) WITH oa, a "
    "MATCH (a)-[x:COLLABORATES_WITH]->(b:Team) {wave}WITH oa, b, x "
    "MATCH (b)-[:PART_OF]->(ob:Organisation) RETURN oa.uid AS source, ob.uid AS target, count(x) AS ties"
)
OVERVIEW_TEAM_TIES_OF = Query("overview_team_ties_of", _OVERVIEW_TIES_OF.replace("{wave}", ""), skip_if_empty="uids")
OVERVIEW_TEAM_TIES_OF_WAVE = Query(
    "overview_team_ties_of_wave", _OVERVIEW_TIES_OF.replace("{wave}", "WHERE x.wave = $wave "), skip_if_empty="uids"
)
_OVERVIEW_ORG_TIES_OF = (
    "UNWIND $uids AS u MATCH (a:Organisation {uid: u})-[x:COLLABORATES_WITH]->(b:Organisation) {wave}"
    "RETURN a.uid AS source, b.uid AS target, count(x) AS ties"
)
OVERVIEW_ORGANISATION_TIES_OF = Query(
    "overview_organisation_ties_of", _OVERVIEW_ORG_TIES_OF.replace("{wave}", ""), skip_if_empty="uids"
)
OVERVIEW_ORGANISATION_TIES_OF_WAVE = Query(
    "overview_organisation_ties_of_wave",
    _OVERVIEW_ORG_TIES_OF.replace("{wave}", "WHERE x.wave = $wave "),
    skip_if_empty="uids",
)
OVERVIEW_TEAM_COUNTS_OF = Query(
    "overview_team_counts_of",
    "UNWIND $uids AS u MATCH (t:Team)-[:PART_OF]->(o:Organisation {uid: u}) "
    "RETURN o.uid AS organisation, count(t) AS teams",
    skip_if_empty="uids",
)
