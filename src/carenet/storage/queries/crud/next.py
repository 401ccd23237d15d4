"""Generated named queries of the NEXT relationship: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

REL_UPSERT_NEXT_PATHWAY_STEP_PATHWAY_STEP = Query(
    'rel_upsert_next_pathway_step_pathway_step',
    (
        'UNWIND $rows AS r MATCH (a:PathwayStep {uid: r.source}) MATCH (b:PathwayStep {uid: r.target}) MERGE '
        '(a)-[x:NEXT {uid: r.uid}]->(b) RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:PathwayStep {uid: s})-[x:NEXT]->(:PathwayStep) RETURN x.uid AS uid',
        update=None,
        create="COPY NEXT FROM $rows (from='PathwayStep', to='PathwayStep')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:PathwayStep {uid: s})-[x:NEXT]->(b:PathwayStep) RETURN x.uid AS uid, b.uid '
            'AS target'
        ),
        lookup_each='MATCH (a:PathwayStep {uid: $source})-[x:NEXT]->(:PathwayStep) RETURN x.uid AS uid',
        update_each=None,
        current_each=(
            'MATCH (a:PathwayStep {uid: $source})-[x:NEXT]->(b:PathwayStep) RETURN x.uid AS uid, b.uid AS target'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:PathwayStep {uid: r.source}) MATCH (b:PathwayStep {uid: r.target}) CREATE '
            '(a)-[x:NEXT {uid: CAST(r.uid AS STRING)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_NEXT_PATHWAY_STEP_PATHWAY_STEP = Query(
    'rel_delete_next_pathway_step_pathway_step',
    (
        'UNWIND $rows AS r MATCH (a:PathwayStep {uid: r.source})-[x:NEXT {uid: r.uid}]->(b:PathwayStep {uid: '
        'r.target}) DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_NEXT_PATHWAY_STEP_PATHWAY_STEP = Query(
    'rel_scan_next_pathway_step_pathway_step',
    'MATCH (a:PathwayStep)-[x:NEXT]->(b:PathwayStep) RETURN x.uid AS uid, a.uid AS source, b.uid AS target',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
    ),
)
