"""Generated named queries of the Neighbourhood label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_NEIGHBOURHOOD = Query(
    'node_exists_neighbourhood',
    'UNWIND $uids AS u MATCH (n:Neighbourhood {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_NEIGHBOURHOOD = Query(
    'node_upsert_neighbourhood',
    'UNWIND $rows AS r MERGE (n:Neighbourhood {uid: r.uid}) SET n.name = r.name, n.pcn_code = r.pcn_code',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Neighbourhood {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:Neighbourhood {uid: uid}) SET n.name = `name`, n.pcn_code = `pcn_code`',
        create='COPY Neighbourhood FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('name', 'STRING'),
            ('pcn_code', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:Neighbourhood {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:Neighbourhood {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.pcn_code = '
            'CAST(r.pcn_code AS STRING)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:Neighbourhood {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), '
            'pcn_code: CAST(r.pcn_code AS STRING)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_NEIGHBOURHOOD = Query(
    'node_delete_neighbourhood',
    'UNWIND $uids AS u MATCH (n:Neighbourhood {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_NEIGHBOURHOOD = Query(
    'node_count_neighbourhood',
    'MATCH (n:Neighbourhood) RETURN count(n) AS count',
)

NODE_GET_NEIGHBOURHOOD = Query(
    'node_get_neighbourhood',
    'UNWIND $uids AS u MATCH (n:Neighbourhood {uid: u}) RETURN n.uid AS uid, n.name AS name, n.pcn_code AS pcn_code',
    skip_if_empty='uids',
)

NODE_PAGE_NEIGHBOURHOOD = Query(
    'node_page_neighbourhood',
    (
        'MATCH (n:Neighbourhood) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.pcn_code AS pcn_code '
        'ORDER BY n.uid LIMIT $limit'
    ),
)

NODE_SCAN_NEIGHBOURHOOD = Query(
    'node_scan_neighbourhood',
    'MATCH (n:Neighbourhood) RETURN n.uid AS uid, n.name AS name, n.pcn_code AS pcn_code',
    columns=(
        ('uid', 'STRING'),
        ('name', 'STRING'),
        ('pcn_code', 'STRING'),
    ),
)
