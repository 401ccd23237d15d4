"""Generated named queries of the HAS_STEP relationship: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

REL_UPSERT_HAS_STEP_CARE_PATHWAY_PATHWAY_STEP = Query(
    'rel_upsert_has_step_care_pathway_pathway_step',
    (
        'UNWIND $rows AS r MATCH (a:CarePathway {uid: r.source}) MATCH (b:PathwayStep {uid: r.target}) MERGE '
        '(a)-[x:HAS_STEP {uid: r.uid}]->(b) RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:CarePathway {uid: s})-[x:HAS_STEP]->(:PathwayStep) RETURN x.uid AS uid',
        update=None,
        create="COPY HAS_STEP FROM $rows (from='CarePathway', to='PathwayStep')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:CarePathway {uid: s})-[x:HAS_STEP]->(b:PathwayStep) RETURN x.uid AS uid, '
            'b.uid AS target'
        ),
        lookup_each='MATCH (a:CarePathway {uid: $source})-[x:HAS_STEP]->(:PathwayStep) RETURN x.uid AS uid',
        update_each=None,
        current_each=(
            'MATCH (a:CarePathway {uid: $source})-[x:HAS_STEP]->(b:PathwayStep) RETURN x.uid AS uid, b.uid AS target'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:CarePathway {uid: r.source}) MATCH (b:PathwayStep {uid: r.target}) CREATE '
            '(a)-[x:HAS_STEP {uid: CAST(r.uid AS STRING)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_HAS_STEP_CARE_PATHWAY_PATHWAY_STEP = Query(
    'rel_delete_has_step_care_pathway_pathway_step',
    (
        'UNWIND $rows AS r MATCH (a:CarePathway {uid: r.source})-[x:HAS_STEP {uid: r.uid}]->(b:PathwayStep {uid: '
        'r.target}) DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_HAS_STEP_CARE_PATHWAY_PATHWAY_STEP = Query(
    'rel_scan_has_step_care_pathway_pathway_step',
    'MATCH (a:CarePathway)-[x:HAS_STEP]->(b:PathwayStep) RETURN x.uid AS uid, a.uid AS source, b.uid AS target',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
    ),
)
