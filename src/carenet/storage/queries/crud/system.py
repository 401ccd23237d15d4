"""Generated named queries of the System label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_SYSTEM = Query(
    'node_exists_system',
    'UNWIND $uids AS u MATCH (n:System {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_SYSTEM = Query(
    'node_upsert_system',
    (
        'UNWIND $rows AS r MERGE (n:System {uid: r.uid}) SET n.name = r.name, n.ods_code = r.ods_code, n.gss_code = '
        'r.gss_code, n.name_fold = r.name_fold, n.name_key = r.name_key'
    ),
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:System {uid: uid}) RETURN n.uid AS uid',
        update=(
            'LOAD FROM $rows MATCH (n:System {uid: uid}) SET n.name = `name`, n.ods_code = `ods_code`, n.gss_code = '
            '`gss_code`, n.name_fold = `name_fold`, n.name_key = `name_key`'
        ),
        create='COPY System FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('name', 'STRING'),
            ('ods_code', 'STRING'),
            ('gss_code', 'STRING'),
            ('name_fold', 'STRING'),
            ('name_key', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:System {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:System {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.ods_code = '
            'CAST(r.ods_code AS STRING), n.gss_code = CAST(r.gss_code AS STRING), n.name_fold = CAST(r.name_fold AS '
            'STRING), n.name_key = CAST(r.name_key AS STRING)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:System {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), ods_code: '
            'CAST(r.ods_code AS STRING), gss_code: CAST(r.gss_code AS STRING), name_fold: CAST(r.name_fold AS STRING), '
            'name_key: CAST(r.name_key AS STRING)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_SYSTEM = Query(
    'node_delete_system',
    'UNWIND $uids AS u MATCH (n:System {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_SYSTEM = Query(
    'node_count_system',
    'MATCH (n:System) RETURN count(n) AS count',
)

NODE_GET_SYSTEM = Query(
    'node_get_system',
    (
        'UNWIND $uids AS u MATCH (n:System {uid: u}) RETURN n.uid AS uid, n.name AS name, n.ods_code AS ods_code, '
        'n.gss_code AS gss_code'
    ),
    skip_if_empty='uids',
)

NODE_PAGE_SYSTEM = Query(
    'node_page_system',
    (
        'MATCH (n:System) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.ods_code AS ods_code, n.gss_code '
        'AS gss_code ORDER BY n.uid LIMIT $limit'
    ),
)

NODE_SCAN_SYSTEM = Query(
    'node_scan_system',
    'MATCH (n:System) RETURN n.uid AS uid, n.name AS name, n.ods_code AS ods_code, n.gss_code AS gss_code',
    columns=(
        ('uid', 'STRING'),
        ('name', 'STRING'),
        ('ods_code', 'STRING'),
        ('gss_code', 'STRING'),
    ),
)
