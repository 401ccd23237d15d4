"""Generated named queries of the HAS_CAPABILITY relationship: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

REL_UPSERT_HAS_CAPABILITY_PERSON_CAPABILITY = Query(
    'rel_upsert_has_capability_person_capability',
    (
        'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Capability {uid: r.target}) MERGE '
        '(a)-[x:HAS_CAPABILITY {uid: r.uid}]->(b) SET x.level = r.level RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:HAS_CAPABILITY]->(:Capability) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:HAS_CAPABILITY]->(b:Capability) WHERE x.uid = r.uid '
            'AND b.uid = r.target SET x.level = CAST(r.level AS INT64)'
        ),
        create="COPY HAS_CAPABILITY FROM $rows (from='Person', to='Capability')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('level', 'INT64'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:HAS_CAPABILITY]->(b:Capability) RETURN x.uid AS uid, '
            'b.uid AS target, x.level AS level'
        ),
        lookup_each='MATCH (a:Person {uid: $source})-[x:HAS_CAPABILITY]->(:Capability) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Person {uid: $source})-[x:HAS_CAPABILITY]->(b:Capability) WHERE x.uid = $uid AND b.uid = $target '
            'SET x.level = CAST($level AS INT64)'
        ),
        current_each=(
            'MATCH (a:Person {uid: $source})-[x:HAS_CAPABILITY]->(b:Capability) RETURN x.uid AS uid, b.uid AS target, '
            'x.level AS level'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Capability {uid: r.target}) CREATE '
            '(a)-[x:HAS_CAPABILITY {uid: CAST(r.uid AS STRING), level: CAST(r.level AS INT64)}]->(b) RETURN count(x) '
            'AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_HAS_CAPABILITY_PERSON_CAPABILITY = Query(
    'rel_delete_has_capability_person_capability',
    (
        'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:HAS_CAPABILITY {uid: r.uid}]->(b:Capability {uid: '
        'r.target}) DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_HAS_CAPABILITY_PERSON_CAPABILITY = Query(
    'rel_scan_has_capability_person_capability',
    (
        'MATCH (a:Person)-[x:HAS_CAPABILITY]->(b:Capability) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, '
        'x.level AS level'
    ),
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('level', 'INT64'),
    ),
)
