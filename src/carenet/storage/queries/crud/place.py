"""Generated named queries of the Place label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_PLACE = Query(
    'node_exists_place',
    'UNWIND $uids AS u MATCH (n:Place {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_PLACE = Query(
    'node_upsert_place',
    (
        'UNWIND $rows AS r MERGE (n:Place {uid: r.uid}) SET n.name = r.name, n.gss_code = r.gss_code, n.name_fold = '
        'r.name_fold, n.name_key = r.name_key'
    ),
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Place {uid: uid}) RETURN n.uid AS uid',
        update=(
            'LOAD FROM $rows MATCH (n:Place {uid: uid}) SET n.name = `name`, n.gss_code = `gss_code`, n.name_fold = '
            '`name_fold`, n.name_key = `name_key`'
        ),
        create='COPY Place FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('name', 'STRING'),
            ('gss_code', 'STRING'),
            ('name_fold', 'STRING'),
            ('name_key', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:Place {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:Place {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.gss_code = '
            'CAST(r.gss_code AS STRING), n.name_fold = CAST(r.name_fold AS STRING), n.name_key = CAST(r.name_key AS '
            'STRING)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:Place {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), gss_code: '
            'CAST(r.gss_code AS STRING), name_fold: CAST(r.name_fold AS STRING), name_key: CAST(r.name_key AS '
            'STRING)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_PLACE = Query(
    'node_delete_place',
    'UNWIND $uids AS u MATCH (n:Place {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_PLACE = Query(
    'node_count_place',
    'MATCH (n:Place) RETURN count(n) AS count',
)

NODE_GET_PLACE = Query(
    'node_get_place',
    'UNWIND $uids AS u MATCH (n:Place {uid: u}) RETURN n.uid AS uid, n.name AS name, n.gss_code AS gss_code',
    skip_if_empty='uids',
)

NODE_PAGE_PLACE = Query(
    'node_page_place',
    (
        'MATCH (n:Place) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.gss_code AS gss_code ORDER BY '
        'n.uid LIMIT $limit'
    ),
)

NODE_SCAN_PLACE = Query(
    'node_scan_place',
    'MATCH (n:Place) RETURN n.uid AS uid, n.name AS name, n.gss_code AS gss_code',
    columns=(
        ('uid', 'STRING'),
        ('name', 'STRING'),
        ('gss_code', 'STRING'),
    ),
)
