"""Generated named queries of the DESCRIBES relationship: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

REL_UPSERT_DESCRIBES_DEMOGRAPHIC_PERSON = Query(
    'rel_upsert_describes_demographic_person',
    (
        'UNWIND $rows AS r MATCH (a:Demographic {uid: r.source}) MATCH (b:Person {uid: r.target}) MERGE '
        '(a)-[x:DESCRIBES {uid: r.uid}]->(b) RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Demographic {uid: s})-[x:DESCRIBES]->(:Person) RETURN x.uid AS uid',
        update=None,
        create="COPY DESCRIBES FROM $rows (from='Demographic', to='Person')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Demographic {uid: s})-[x:DESCRIBES]->(b:Person) RETURN x.uid AS uid, b.uid '
            'AS target'
        ),
        lookup_each='MATCH (a:Demographic {uid: $source})-[x:DESCRIBES]->(:Person) RETURN x.uid AS uid',
        update_each=None,
        current_each=(
            'MATCH (a:Demographic {uid: $source})-[x:DESCRIBES]->(b:Person) RETURN x.uid AS uid, b.uid AS target'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Demographic {uid: r.source}) MATCH (b:Person {uid: r.target}) CREATE '
            '(a)-[x:DESCRIBES {uid: CAST(r.uid AS STRING)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_DESCRIBES_DEMOGRAPHIC_PERSON = Query(
    'rel_delete_describes_demographic_person',
    (
        'UNWIND $rows AS r MATCH (a:Demographic {uid: r.source})-[x:DESCRIBES {uid: r.uid}]->(b:Person {uid: '
        'r.target}) DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_DESCRIBES_DEMOGRAPHIC_PERSON = Query(
    'rel_scan_describes_demographic_person',
    'MATCH (a:Demographic)-[x:DESCRIBES]->(b:Person) RETURN x.uid AS uid, a.uid AS source, b.uid AS target',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
    ),
)
