"""Fast paths for the root connections, where the general filter query would scan every node:
a filter on uids only (a look-up by key: ``node(id)``, ``teams(where: {uid: ...})``), and no
filter at all in uid order. Fixed texts, one per label; nothing comes from input.
"""

import re

from carenet.storage.queries.connections import RETURNS
from carenet.storage.queries.registry import Query

BY_UIDS: dict[str, Query] = {
    label: Query(
        "page_" + label.lower() + "_by_uids",
        "UNWIND $uids AS u MATCH (n:" + label + " {uid: u}) RETURN " + RETURNS[label],
        skip_if_empty="uids",
        by_key=True,
    )
    for label in RETURNS
}

UNFILTERED: dict[str, Query] = {
    label + ":" + d: Query(
        "page_" + label.lower() + "_unfiltered_" + d,
        "MATCH (n:" + label + ") WHERE ($from_start OR n.uid " + op + " $u) "
        "RETURN " + RETURNS[label] + ", n.uid AS sort_key ORDER BY sort_key " + d.upper() + " LIMIT $limit",
    )
    for label in RETURNS
    for d, op in (("asc", ">"), ("desc", "<"))
}

COUNT_ALL: dict[str, Query] = {
    label: Query("count_" + label.lower() + "_all", "MATCH (n:" + label + ") RETURN count(n) AS total")
    for label in RETURNS
}

# --- related nodes of a page, for the DataLoaders (carenet.services.relations) -----------------
# ``MATCH (a:Label) WHERE a.uid IN $uids`` rather than ``UNWIND $uids AS u MATCH (a:Label {uid: u})``:
# the same look-up by key, several times faster on LadybugDB; on Neo4j both use the uid index.
# LadybugDB still scans every node of the label for ``IN``, so for a few keys it runs
# ``ladybug_each``, the query for one key by its primary key (benchmarks/api.py times a team's
# ties and a page's).


def _each(cypher: str) -> str:
    """The query for one key ``$uid``: ``(a:Label)`` keyed by it, the ``IN $uids`` filter dropped."""
    one = re.sub(r"\(a:(\w+)\)", r"(a:\1 {uid: $uid})", cypher).replace(" WHERE a.uid IN $uids", "")
    if "$uids" in one or "$uid" not in one:
        raise ValueError(f"no per-key form for {cypher!r}")
    return one


def _related(name: str, cypher: str) -> Query:
    return Query(name, cypher, ladybug_each=_each(cypher), skip_if_empty="uids")


_TEAM = (
    "m.uid AS uid, m.name AS name, m.service AS service, m.sector AS sector, m.betweenness AS betweenness, "
    "m.brokerage AS brokerage, m.constraint AS constraint, m.community AS community"
)
_ORG = (
    "m.uid AS uid, m.name AS name, m.kind AS kind, m.sector AS sector, m.ods_code AS ods_code, "
    "m.betweenness AS betweenness, m.brokerage AS brokerage, m.constraint AS constraint, m.community AS community"
)
_TIE = (
    "x.uid AS tie, x.kinds AS kinds, x.frequency AS frequency, x.trust AS trust, x.value AS value, x.wave AS wave, "
    "x.since AS since, x.until AS until, "
    "x.trust_reliability AS trust_reliability, x.trust_mission AS trust_mission, "
    "x.trust_openness AS trust_openness, x.value_power AS value_power, "
    "x.value_involvement AS value_involvement, x.value_resources AS value_resources"
)
_PLACE = "m.uid AS uid, m.name AS name, m.gss_code AS gss_code, r.since AS since, r.until AS until"

RELATED_ORGANISATION_OF_TEAMS = _related(
    "related_organisation_of_teams",
    "MATCH (a:Team)-[:PART_OF]->(m:Organisation) WHERE a.uid IN $uids RETURN a.uid AS key, " + _ORG,
)
RELATED_PLACES_OF_TEAMS = _related(
    "related_places_of_teams",
    "MATCH (a:Team)-[r:SERVES]->(m:Place) WHERE a.uid IN $uids RETURN a.uid AS key, " + _PLACE,
)
RELATED_PLACES_OF_ORGANISATIONS = _related(
    "related_places_of_organisations",
    "MATCH (a:Organisation)-[r:PART_OF|SERVES]->(m:Place) WHERE a.uid IN $uids RETURN DISTINCT a.uid AS key, " + _PLACE,
)
RELATED_TEAMS_OF_ORGANISATIONS = _related(
    "related_teams_of_organisations",
    "MATCH (m:Team)-[:PART_OF]->(a:Organisation) WHERE a.uid IN $uids RETURN a.uid AS key, " + _TEAM,
)
RELATED_SYSTEM_OF_PLACES = _related(
    "related_system_of_places",
    "MATCH (a:Place)-[:PART_OF]->(m:System) WHERE a.uid IN $uids "
    "RETURN a.uid AS key, m.uid AS uid, m.name AS name, m.ods_code AS ods_code, m.gss_code AS gss_code",
)
RELATED_TEAMS_OF_PEOPLE = _related(
    "related_teams_of_people",
    "MATCH (a:Person)-[r:MEMBER_OF]->(m:Team) WHERE a.uid IN $uids "
    "RETURN a.uid AS key, " + _TEAM + ", r.role AS role, r.since AS since, r.until AS until",
)
RELATED_TIES_OF_TEAMS = _related(
    "related_ties_of_teams",
    "MATCH (a:Team)-[x:COLLABORATES_WITH]->(m:Team) WHERE a.uid IN $uids "
    "RETURN a.uid AS key, 'out' AS direction, " + _TEAM + ", " + _TIE + " "
    "UNION ALL MATCH (a:Team)<-[x:COLLABORATES_WITH]-(m:Team) WHERE a.uid IN $uids "
    "RETURN a.uid AS key, 'in' AS direction, " + _TEAM + ", " + _TIE,
)
RELATED_TIES_OF_ORGANISATIONS = _related(
    "related_ties_of_organisations",
    "MATCH (a:Organisation)-[x:COLLABORATES_WITH]->(m:Organisation) WHERE a.uid IN $uids "
    "RETURN a.uid AS key, 'out' AS direction, " + _ORG + ", " + _TIE + " "
    "UNION ALL MATCH (a:Organisation)<-[x:COLLABORATES_WITH]-(m:Organisation) WHERE a.uid IN $uids "
    "RETURN a.uid AS key, 'in' AS direction, " + _ORG + ", " + _TIE,
)
