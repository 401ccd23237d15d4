"""Generated named queries of the WORKS_WITH relationship: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

REL_UPSERT_WORKS_WITH_PERSON_PERSON = Query(
    'rel_upsert_works_with_person_person',
    (
        'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Person {uid: r.target}) MERGE (a)-[x:WORKS_WITH '
        '{uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until, x.kinds = r.kinds, x.frequency = r.frequency, '
        'x.wave = r.wave RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:WORKS_WITH]->(:Person) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:WORKS_WITH]->(b:Person) WHERE x.uid = r.uid AND '
            'b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE), x.kinds = '
            'CAST(r.kinds AS STRING[]), x.frequency = CAST(r.frequency AS STRING), x.wave = CAST(r.wave AS STRING)'
        ),
        create="COPY WORKS_WITH FROM $rows (from='Person', to='Person')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
            ('kinds', 'STRING[]'),
            ('frequency', 'STRING'),
            ('wave', 'STRING'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:WORKS_WITH]->(b:Person) RETURN x.uid AS uid, b.uid AS '
            'target, x.since AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.wave AS wave'
        ),
        lookup_each='MATCH (a:Person {uid: $source})-[x:WORKS_WITH]->(:Person) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Person {uid: $source})-[x:WORKS_WITH]->(b:Person) WHERE x.uid = $uid AND b.uid = $target SET '
            'x.since = CAST($since AS DATE), x.until = CAST($until AS DATE), x.kinds = CAST($kinds AS STRING[]), '
            'x.frequency = CAST($frequency AS STRING), x.wave = CAST($wave AS STRING)'
        ),
        current_each=(
            'MATCH (a:Person {uid: $source})-[x:WORKS_WITH]->(b:Person) RETURN x.uid AS uid, b.uid AS target, x.since '
            'AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.wave AS wave'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Person {uid: r.target}) CREATE '
            '(a)-[x:WORKS_WITH {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS '
            'DATE), kinds: CAST(r.kinds AS STRING[]), frequency: CAST(r.frequency AS STRING), wave: CAST(r.wave AS '
            'STRING)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_WORKS_WITH_PERSON_PERSON = Query(
    'rel_delete_works_with_person_person',
    (
        'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:WORKS_WITH {uid: r.uid}]->(b:Person {uid: r.target}) '
        'DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_WORKS_WITH_PERSON_PERSON = Query(
    'rel_scan_works_with_person_person',
    (
        'MATCH (a:Person)-[x:WORKS_WITH]->(b:Person) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS '
        'since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.wave AS wave'
    ),
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
        ('kinds', 'STRING[]'),
        ('frequency', 'STRING'),
        ('wave', 'STRING'),
    ),
)
