"""Generated named queries of the MEMBER_OF relationship: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

REL_UPSERT_MEMBER_OF_PERSON_TEAM = Query(
    'rel_upsert_member_of_person_team',
    (
        'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Team {uid: r.target}) MERGE (a)-[x:MEMBER_OF '
        '{uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until, x.role = r.role RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:MEMBER_OF]->(:Team) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:MEMBER_OF]->(b:Team) WHERE x.uid = r.uid AND b.uid '
            '= r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE), x.role = CAST(r.role AS '
            'STRING)'
        ),
        create="COPY MEMBER_OF FROM $rows (from='Person', to='Team')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
            ('role', 'STRING'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:MEMBER_OF]->(b:Team) RETURN x.uid AS uid, b.uid AS '
            'target, x.since AS since, x.until AS until, x.role AS role'
        ),
        lookup_each='MATCH (a:Person {uid: $source})-[x:MEMBER_OF]->(:Team) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Person {uid: $source})-[x:MEMBER_OF]->(b:Team) WHERE x.uid = $uid AND b.uid = $target SET '
            'x.since = CAST($since AS DATE), x.until = CAST($until AS DATE), x.role = CAST($role AS STRING)'
        ),
        current_each=(
            'MATCH (a:Person {uid: $source})-[x:MEMBER_OF]->(b:Team) RETURN x.uid AS uid, b.uid AS target, x.since AS '
            'since, x.until AS until, x.role AS role'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Team {uid: r.target}) CREATE (a)-[x:MEMBER_OF '
            '{uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE), role: '
            'CAST(r.role AS STRING)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_MEMBER_OF_PERSON_TEAM = Query(
    'rel_delete_member_of_person_team',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:MEMBER_OF {uid: r.uid}]->(b:Team {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_MEMBER_OF_PERSON_TEAM = Query(
    'rel_scan_member_of_person_team',
    (
        'MATCH (a:Person)-[x:MEMBER_OF]->(b:Team) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS '
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

REL_UPSERT_MEMBER_OF_PERSON_ORGANISATION = Query(
    'rel_upsert_member_of_person_organisation',
    (
        'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Organisation {uid: r.target}) MERGE '
        '(a)-[x:MEMBER_OF {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until, x.role = r.role RETURN count(x) '
        'AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:MEMBER_OF]->(:Organisation) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:MEMBER_OF]->(b:Organisation) WHERE x.uid = r.uid '
            'AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE), x.role = '
            'CAST(r.role AS STRING)'
        ),
        create="COPY MEMBER_OF FROM $rows (from='Person', to='Organisation')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
            ('role', 'STRING'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:MEMBER_OF]->(b:Organisation) RETURN x.uid AS uid, b.uid '
            'AS target, x.since AS since, x.until AS until, x.role AS role'
        ),
        lookup_each='MATCH (a:Person {uid: $source})-[x:MEMBER_OF]->(:Organisation) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Person {uid: $source})-[x:MEMBER_OF]->(b:Organisation) WHERE x.uid = $uid AND b.uid = $target '
            'SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE), x.role = CAST($role AS STRING)'
        ),
        current_each=(
            'MATCH (a:Person {uid: $source})-[x:MEMBER_OF]->(b:Organisation) RETURN x.uid AS uid, b.uid AS target, '
            'x.since AS since, x.until AS until, x.role AS role'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Organisation {uid: r.target}) CREATE '
            '(a)-[x:MEMBER_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE), '
            'role: CAST(r.role AS STRING)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_MEMBER_OF_PERSON_ORGANISATION = Query(
    'rel_delete_member_of_person_organisation',
    (
        'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:MEMBER_OF {uid: r.uid}]->(b:Organisation {uid: '
        'r.target}) DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_MEMBER_OF_PERSON_ORGANISATION = Query(
    'rel_scan_member_of_person_organisation',
    (
        'MATCH (a:Person)-[x:MEMBER_OF]->(b:Organisation) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, '
        'x.since AS since, x.until AS until, x.role AS role'
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
