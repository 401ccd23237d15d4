"""Generated named queries of the PathwayStep label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_PATHWAY_STEP = Query(
    'node_exists_pathway_step',
    'UNWIND $uids AS u MATCH (n:PathwayStep {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_PATHWAY_STEP = Query(
    'node_upsert_pathway_step',
    'UNWIND $rows AS r MERGE (n:PathwayStep {uid: r.uid}) SET n.name = r.name, n.position = r.position',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:PathwayStep {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:PathwayStep {uid: uid}) SET n.name = `name`, n.position = `position`',
        create='COPY PathwayStep FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('name', 'STRING'),
            ('position', 'INT64'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:PathwayStep {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:PathwayStep {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.position = '
            'CAST(r.position AS INT64)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:PathwayStep {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), '
            'position: CAST(r.position AS INT64)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_PATHWAY_STEP = Query(
    'node_delete_pathway_step',
    'UNWIND $uids AS u MATCH (n:PathwayStep {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_PATHWAY_STEP = Query(
    'node_count_pathway_step',
    'MATCH (n:PathwayStep) RETURN count(n) AS count',
)

NODE_GET_PATHWAY_STEP = Query(
    'node_get_pathway_step',
    'UNWIND $uids AS u MATCH (n:PathwayStep {uid: u}) RETURN n.uid AS uid, n.name AS name, n.position AS position',
    skip_if_empty='uids',
)

NODE_PAGE_PATHWAY_STEP = Query(
    'node_page_pathway_step',
    (
        'MATCH (n:PathwayStep) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.position AS position ORDER '
        'BY n.uid LIMIT $limit'
    ),
)

NODE_SCAN_PATHWAY_STEP = Query(
    'node_scan_pathway_step',
    'MATCH (n:PathwayStep) RETURN n.uid AS uid, n.name AS name, n.position AS position',
    columns=(
        ('uid', 'STRING'),
        ('name', 'STRING'),
        ('position', 'INT64'),
    ),
)
