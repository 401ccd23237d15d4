"""Generated named queries of the SITS_ON relationship: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

REL_UPSERT_SITS_ON_PERSON_FORUM = Query(
    'rel_upsert_sits_on_person_forum',
    (
        'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Forum {uid: r.target}) MERGE (a)-[x:SITS_ON {uid: '
        'r.uid}]->(b) SET x.since = r.since, x.until = r.until, x.role = r.role RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:SITS_ON]->(:Forum) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:SITS_ON]->(b:Forum) WHERE x.uid = r.uid AND b.uid = '
            'r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE), x.role = CAST(r.role AS '
            'STRING)'
        ),
        create="COPY SITS_ON FROM $rows (from='Person', to='Forum')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
            ('role', 'STRING'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:SITS_ON]->(b:Forum) RETURN x.uid AS uid, b.uid AS '
            'target, x.since AS since, x.until AS until, x.role AS role'
        ),
        lookup_each='MATCH (a:Person {uid: $source})-[x:SITS_ON]->(:Forum) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Person {uid: $source})-[x:SITS_ON]->(b:Forum) WHERE x.uid = $uid AND b.uid = $target SET x.since '
            '= CAST($since AS DATE), x.until = CAST($until AS DATE), x.role = CAST($role AS STRING)'
        ),
        current_each=(
            'MATCH (a:Person {uid: $source})-[x:SITS_ON]->(b:Forum) RETURN x.uid AS uid, b.uid AS target, x.since AS '
            'since, x.until AS until, x.role AS role'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Forum {uid: r.target}) CREATE (a)-[x:SITS_ON '
            '{uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE), role: '
            'CAST(r.role AS STRING)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_SITS_ON_PERSON_FORUM = Query(
    'rel_delete_sits_on_person_forum',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:SITS_ON {uid: r.uid}]->(b:Forum {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_SITS_ON_PERSON_FORUM = Query(
    'rel_scan_sits_on_person_forum',
    (
        'MATCH (a:Person)-[x:SITS_ON]->(b:Forum) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS '
        'since, x.until AS until, x.role AS role'
    ),
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
        ('role', 'STRING'),
    ),
)

REL_UPSERT_SITS_ON_ORGANISATION_FORUM = Query(
    'rel_upsert_sits_on_organisation_forum',
    (
        'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Forum {uid: r.target}) MERGE (a)-[x:SITS_ON '
        '{uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until, x.role = r.role RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:SITS_ON]->(:Forum) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:SITS_ON]->(b:Forum) WHERE x.uid = r.uid AND '
            'b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE), x.role = '
            'CAST(r.role AS STRING)'
        ),
        create="COPY SITS_ON FROM $rows (from='Organisation', to='Forum')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
            ('role', 'STRING'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:SITS_ON]->(b:Forum) RETURN x.uid AS uid, b.uid AS '
            'target, x.since AS since, x.until AS until, x.role AS role'
        ),
        lookup_each='MATCH (a:Organisation {uid: $source})-[x:SITS_ON]->(:Forum) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Organisation {uid: $source})-[x:SITS_ON]->(b:Forum) WHERE x.uid = $uid AND b.uid = $target SET '
            'x.since = CAST($since AS DATE), x.until = CAST($until AS DATE), x.role = CAST($role AS STRING)'
        ),
        current_each=(
            'MATCH (a:Organisation {uid: $source})-[x:SITS_ON]->(b:Forum) RETURN x.uid AS uid, b.uid AS target, '
            'x.since AS since, x.until AS until, x.role AS role'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Forum {uid: r.target}) CREATE '
            '(a)-[x:SITS_ON {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE), '
            'role: CAST(r.role AS STRING)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_SITS_ON_ORGANISATION_FORUM = Query(
    'rel_delete_sits_on_organisation_forum',
    (
        'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:SITS_ON {uid: r.uid}]->(b:Forum {uid: r.target}) '
        'DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_SITS_ON_ORGANISATION_FORUM = Query(
    'rel_scan_sits_on_organisation_forum',
    (
        'MATCH (a:Organisation)-[x:SITS_ON]->(b:Forum) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since '
        'AS since, x.until AS until, x.role AS role'
    ),
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
        ('role', 'STRING'),
    ),
)
