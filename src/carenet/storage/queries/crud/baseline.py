"""Generated named queries of the Baseline label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_BASELINE = Query(
    'node_exists_baseline',
    'UNWIND $uids AS u MATCH (n:Baseline {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_BASELINE = Query(
    'node_upsert_baseline',
    (
        'UNWIND $rows AS r MERGE (n:Baseline {uid: r.uid}) SET n.area = r.area, n.kind = r.kind, n.dimension = '
        'r.dimension, n.category = r.category, n.percent = r.percent'
    ),
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Baseline {uid: uid}) RETURN n.uid AS uid',
        update=(
            'LOAD FROM $rows MATCH (n:Baseline {uid: uid}) SET n.area = `area`, n.kind = `kind`, n.dimension = '
            '`dimension`, n.category = `category`, n.percent = `percent`'
        ),
        create='COPY Baseline FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('area', 'STRING'),
            ('kind', 'STRING'),
            ('dimension', 'STRING'),
            ('category', 'STRING'),
            ('percent', 'DOUBLE'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:Baseline {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:Baseline {uid: r.uid}) SET n.area = CAST(r.area AS STRING), n.kind = '
            'CAST(r.kind AS STRING), n.dimension = CAST(r.dimension AS STRING), n.category = CAST(r.category AS '
            'STRING), n.percent = CAST(r.percent AS DOUBLE)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:Baseline {uid: CAST(r.uid AS STRING), area: CAST(r.area AS STRING), kind: '
            'CAST(r.kind AS STRING), dimension: CAST(r.dimension AS STRING), category: CAST(r.category AS STRING), '
            'percent: CAST(r.percent AS DOUBLE)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_BASELINE = Query(
    'node_delete_baseline',
    'UNWIND $uids AS u MATCH (n:Baseline {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_BASELINE = Query(
    'node_count_baseline',
    'MATCH (n:Baseline) RETURN count(n) AS count',
)

NODE_GET_BASELINE = Query(
    'node_get_baseline',
    (
        'UNWIND $uids AS u MATCH (n:Baseline {uid: u}) RETURN n.uid AS uid, n.area AS area, n.kind AS kind, '
        'n.dimension AS dimension, n.category AS category, n.percent AS percent'
    ),
    skip_if_empty='uids',
)

NODE_PAGE_BASELINE = Query(
    'node_page_baseline',
    (
        'MATCH (n:Baseline) WHERE n.uid > $after RETURN n.uid AS uid, n.area AS area, n.kind AS kind, n.dimension AS '
        'dimension, n.category AS category, n.percent AS percent ORDER BY n.uid LIMIT $limit'
    ),
)

NODE_SCAN_BASELINE = Query(
    'node_scan_baseline',
    (
        'MATCH (n:Baseline) RETURN n.uid AS uid, n.area AS area, n.kind AS kind, n.dimension AS dimension, n.category '
        'AS category, n.percent AS percent'
    ),
    columns=(
        ('uid', 'STRING'),
        ('area', 'STRING'),
        ('kind', 'STRING'),
        ('dimension', 'STRING'),
        ('category', 'STRING'),
        ('percent', 'DOUBLE'),
    ),
)
