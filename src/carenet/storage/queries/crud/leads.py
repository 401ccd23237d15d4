"""Generated named queries of the LEADS relationship: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

REL_UPSERT_LEADS_PERSON_TEAM = Query(
    'rel_upsert_leads_person_team',
    (
        'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Team {uid: r.target}) MERGE (a)-[x:LEADS {uid: '
        'r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(:Team) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS]->(b:Team) WHERE x.uid = r.uid AND b.uid = '
            'r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY LEADS FROM $rows (from='Person', to='Team')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(b:Team) RETURN x.uid AS uid, b.uid AS target, '
            'x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(:Team) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Team) WHERE x.uid = $uid AND b.uid = $target SET x.since = '
            'CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Team) RETURN x.uid AS uid, b.uid AS target, x.since AS '
            'since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Team {uid: r.target}) CREATE (a)-[x:LEADS '
            '{uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN '
            'count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_LEADS_PERSON_TEAM = Query(
    'rel_delete_leads_person_team',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS {uid: r.uid}]->(b:Team {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_LEADS_PERSON_TEAM = Query(
    'rel_scan_leads_person_team',
    (
        'MATCH (a:Person)-[x:LEADS]->(b:Team) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, '
        'x.until AS until'
    ),
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_LEADS_PERSON_ORGANISATION = Query(
    'rel_upsert_leads_person_organisation',
    (
        'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Organisation {uid: r.target}) MERGE (a)-[x:LEADS '
        '{uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(:Organisation) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS]->(b:Organisation) WHERE x.uid = r.uid AND '
            'b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY LEADS FROM $rows (from='Person', to='Organisation')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(b:Organisation) RETURN x.uid AS uid, b.uid AS '
            'target, x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(:Organisation) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Organisation) WHERE x.uid = $uid AND b.uid = $target SET '
            'x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Organisation) RETURN x.uid AS uid, b.uid AS target, x.since '
            'AS since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Organisation {uid: r.target}) CREATE '
            '(a)-[x:LEADS {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS '
            'DATE)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_LEADS_PERSON_ORGANISATION = Query(
    'rel_delete_leads_person_organisation',
    (
        'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS {uid: r.uid}]->(b:Organisation {uid: r.target}) '
        'DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_LEADS_PERSON_ORGANISATION = Query(
    'rel_scan_leads_person_organisation',
    (
        'MATCH (a:Person)-[x:LEADS]->(b:Organisation) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since '
        'AS since, x.until AS until'
    ),
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_LEADS_PERSON_PLACE = Query(
    'rel_upsert_leads_person_place',
    (
        'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Place {uid: r.target}) MERGE (a)-[x:LEADS {uid: '
        'r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(:Place) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS]->(b:Place) WHERE x.uid = r.uid AND b.uid = '
            'r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY LEADS FROM $rows (from='Person', to='Place')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(b:Place) RETURN x.uid AS uid, b.uid AS target, '
            'x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(:Place) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Place) WHERE x.uid = $uid AND b.uid = $target SET x.since = '
            'CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since AS '
            'since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Place {uid: r.target}) CREATE (a)-[x:LEADS '
            '{uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN '
            'count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_LEADS_PERSON_PLACE = Query(
    'rel_delete_leads_person_place',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS {uid: r.uid}]->(b:Place {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_LEADS_PERSON_PLACE = Query(
    'rel_scan_leads_person_place',
    (
        'MATCH (a:Person)-[x:LEADS]->(b:Place) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS '
        'since, x.until AS until'
    ),
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_LEADS_PERSON_FORUM = Query(
    'rel_upsert_leads_person_forum',
    (
        'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Forum {uid: r.target}) MERGE (a)-[x:LEADS {uid: '
        'r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(:Forum) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS]->(b:Forum) WHERE x.uid = r.uid AND b.uid = '
            'r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY LEADS FROM $rows (from='Person', to='Forum')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(b:Forum) RETURN x.uid AS uid, b.uid AS target, '
            'x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(:Forum) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Forum) WHERE x.uid = $uid AND b.uid = $target SET x.since = '
            'CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Forum) RETURN x.uid AS uid, b.uid AS target, x.since AS '
            'since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Forum {uid: r.target}) CREATE (a)-[x:LEADS '
            '{uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN '
            'count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_LEADS_PERSON_FORUM = Query(
    'rel_delete_leads_person_forum',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS {uid: r.uid}]->(b:Forum {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_LEADS_PERSON_FORUM = Query(
    'rel_scan_leads_person_forum',
    (
        'MATCH (a:Person)-[x:LEADS]->(b:Forum) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS '
        'since, x.until AS until'
    ),
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)
