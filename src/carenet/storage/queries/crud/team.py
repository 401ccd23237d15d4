"""Generated named queries of the Team label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_TEAM = Query(
    'node_exists_team',
    'UNWIND $uids AS u MATCH (n:Team {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_TEAM = Query(
    'node_upsert_team',
    (
        'UNWIND $rows AS r MERGE (n:Team {uid: r.uid}) SET n.betweenness = r.betweenness, n.brokerage = r.brokerage, '
        'n.constraint = r.constraint, n.community = r.community, n.name = r.name, n.service = r.service, n.sector = '
        'r.sector, n.name_fold = r.name_fold, n.name_key = r.name_key'
    ),
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Team {uid: uid}) RETURN n.uid AS uid',
        update=(
            'LOAD FROM $rows MATCH (n:Team {uid: uid}) SET n.betweenness = `betweenness`, n.brokerage = `brokerage`, '
            'n.constraint = `constraint`, n.community = `community`, n.name = `name`, n.service = `service`, n.sector '
            '= `sector`, n.name_fold = `name_fold`, n.name_key = `name_key`'
        ),
        create='COPY Team FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('betweenness', 'DOUBLE'),
            ('brokerage', 'DOUBLE'),
            ('constraint', 'DOUBLE'),
            ('community', 'INT64'),
            ('name', 'STRING'),
            ('service', 'STRING'),
            ('sector', 'STRING'),
            ('name_fold', 'STRING'),
            ('name_key', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:Team {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:Team {uid: r.uid}) SET n.betweenness = CAST(r.betweenness AS DOUBLE), '
            'n.brokerage = CAST(r.brokerage AS DOUBLE), n.constraint = CAST(r.constraint AS DOUBLE), n.community = '
            'CAST(r.community AS INT64), n.name = CAST(r.name AS STRING), n.service = CAST(r.service AS STRING), '
            'n.sector = CAST(r.sector AS STRING), n.name_fold = CAST(r.name_fold AS STRING), n.name_key = '
            'CAST(r.name_key AS STRING)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:Team {uid: CAST(r.uid AS STRING), betweenness: CAST(r.betweenness AS DOUBLE), '
            'brokerage: CAST(r.brokerage AS DOUBLE), constraint: CAST(r.constraint AS DOUBLE), community: '
            'CAST(r.community AS INT64), name: CAST(r.name AS STRING), service: CAST(r.service AS STRING), sector: '
            'CAST(r.sector AS STRING), name_fold: CAST(r.name_fold AS STRING), name_key: CAST(r.name_key AS STRING)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_TEAM = Query(
    'node_delete_team',
    'UNWIND $uids AS u MATCH (n:Team {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_TEAM = Query(
    'node_count_team',
    'MATCH (n:Team) RETURN count(n) AS count',
)

NODE_GET_TEAM = Query(
    'node_get_team',
    (
        'UNWIND $uids AS u MATCH (n:Team {uid: u}) RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS '
        'brokerage, n.constraint AS constraint, n.community AS community, n.name AS name, n.service AS service, '
        'n.sector AS sector'
    ),
    skip_if_empty='uids',
)

NODE_PAGE_TEAM = Query(
    'node_page_team',
    (
        'MATCH (n:Team) WHERE n.uid > $after RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS '
        'brokerage, n.constraint AS constraint, n.community AS community, n.name AS name, n.service AS service, '
        'n.sector AS sector ORDER BY n.uid LIMIT $limit'
    ),
)

NODE_SCAN_TEAM = Query(
    'node_scan_team',
    (
        'MATCH (n:Team) RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS brokerage, n.constraint AS '
        'constraint, n.community AS community, n.name AS name, n.service AS service, n.sector AS sector'
    ),
    columns=(
        ('uid', 'STRING'),
        ('betweenness', 'DOUBLE'),
        ('brokerage', 'DOUBLE'),
        ('constraint', 'DOUBLE'),
        ('community', 'INT64'),
        ('name', 'STRING'),
        ('service', 'STRING'),
        ('sector', 'STRING'),
    ),
)
