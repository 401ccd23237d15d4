"""Generated named queries of the CarePathway label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_CARE_PATHWAY = Query(
    'node_exists_care_pathway',
    'UNWIND $uids AS u MATCH (n:CarePathway {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_CARE_PATHWAY = Query(
    'node_upsert_care_pathway',
    'UNWIND $rows AS r MERGE (n:CarePathway {uid: r.uid}) SET n.name = r.name, n.description = r.description',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:CarePathway {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:CarePathway {uid: uid}) SET n.name = `name`, n.description = `description`',
        create='COPY CarePathway FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('name', 'STRING'),
            ('description', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:CarePathway {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:CarePathway {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.description = '
            'CAST(r.description AS STRING)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:CarePathway {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), '
            'description: CAST(r.description AS STRING)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_CARE_PATHWAY = Query(
    'node_delete_care_pathway',
    'UNWIND $uids AS u MATCH (n:CarePathway {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_CARE_PATHWAY = Query(
    'node_count_care_pathway',
    'MATCH (n:CarePathway) RETURN count(n) AS count',
)

NODE_GET_CARE_PATHWAY = Query(
    'node_get_care_pathway',
    (
        'UNWIND $uids AS u MATCH (n:CarePathway {uid: u}) RETURN n.uid AS uid, n.name AS name, n.description AS '
        'description'
    ),
    skip_if_empty='uids',
)

NODE_PAGE_CARE_PATHWAY = Query(
    'node_page_care_pathway',
    (
        'MATCH (n:CarePathway) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.description AS description '
        'ORDER BY n.uid LIMIT $limit'
    ),
)

NODE_SCAN_CARE_PATHWAY = Query(
    'node_scan_care_pathway',
    'MATCH (n:CarePathway) RETURN n.uid AS uid, n.name AS name, n.description AS description',
    columns=(
        ('uid', 'STRING'),
        ('name', 'STRING'),
        ('description', 'STRING'),
    ),
)
