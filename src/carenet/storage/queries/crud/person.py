"""Generated named queries of the Person label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_PERSON = Query(
    'node_exists_person',
    'UNWIND $uids AS u MATCH (n:Person {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_PERSON = Query(
    'node_upsert_person',
    (
        'UNWIND $rows AS r MERGE (n:Person {uid: r.uid}) SET n.betweenness = r.betweenness, n.brokerage = r.brokerage, '
        'n.constraint = r.constraint, n.community = r.community, n.name = r.name, n.role = r.role, n.level = r.level, '
        'n.staff_group = r.staff_group, n.band = r.band, n.clinical = r.clinical, n.name_fold = r.name_fold, '
        'n.name_key = r.name_key'
    ),
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Person {uid: uid}) RETURN n.uid AS uid',
        update=(
            'LOAD FROM $rows MATCH (n:Person {uid: uid}) SET n.betweenness = `betweenness`, n.brokerage = `brokerage`, '
            'n.constraint = `constraint`, n.community = `community`, n.name = `name`, n.role = `role`, n.level = '
            '`level`, n.staff_group = `staff_group`, n.band = `band`, n.clinical = `clinical`, n.name_fold = '
            '`name_fold`, n.name_key = `name_key`'
        ),
        create='COPY Person FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('betweenness', 'DOUBLE'),
            ('brokerage', 'DOUBLE'),
            ('constraint', 'DOUBLE'),
            ('community', 'INT64'),
            ('name', 'STRING'),
            ('role', 'STRING'),
            ('level', 'STRING'),
            ('staff_group', 'STRING'),
            ('band', 'STRING'),
            ('clinical', 'BOOLEAN'),
            ('name_fold', 'STRING'),
            ('name_key', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:Person {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:Person {uid: r.uid}) SET n.betweenness = CAST(r.betweenness AS DOUBLE), '
            'n.brokerage = CAST(r.brokerage AS DOUBLE), n.constraint = CAST(r.constraint AS DOUBLE), n.community = '
            'CAST(r.community AS INT64), n.name = CAST(r.name AS STRING), n.role = CAST(r.role AS STRING), n.level = '
            'CAST(r.level AS STRING), n.staff_group = CAST(r.staff_group AS STRING), n.band = CAST(r.band AS STRING), '
            'n.clinical = CAST(r.clinical AS BOOLEAN), n.name_fold = CAST(r.name_fold AS STRING), n.name_key = '
            'CAST(r.name_key AS STRING)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:Person {uid: CAST(r.uid AS STRING), betweenness: CAST(r.betweenness AS '
            'DOUBLE), brokerage: CAST(r.brokerage AS DOUBLE), constraint: CAST(r.constraint AS DOUBLE), community: '
            'CAST(r.community AS INT64), name: CAST(r.name AS STRING), role: CAST(r.role AS STRING), level: '
            'CAST(r.level AS STRING), staff_group: CAST(r.staff_group AS STRING), band: CAST(r.band AS STRING), '
            'clinical: CAST(r.clinical AS BOOLEAN), name_fold: CAST(r.name_fold AS STRING), name_key: CAST(r.name_key '
            'AS STRING)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_PERSON = Query(
    'node_delete_person',
    'UNWIND $uids AS u MATCH (n:Person {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_PERSON = Query(
    'node_count_person',
    'MATCH (n:Person) RETURN count(n) AS count',
)

NODE_GET_PERSON = Query(
    'node_get_person',
    (
        'UNWIND $uids AS u MATCH (n:Person {uid: u}) RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS '
        'brokerage, n.constraint AS constraint, n.community AS community, n.name AS name, n.role AS role, n.level AS '
        'level, n.staff_group AS staff_group, n.band AS band, n.clinical AS clinical'
    ),
    skip_if_empty='uids',
)

NODE_PAGE_PERSON = Query(
    'node_page_person',
    (
        'MATCH (n:Person) WHERE n.uid > $after RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS '
        'brokerage, n.constraint AS constraint, n.community AS community, n.name AS name, n.role AS role, n.level AS '
        'level, n.staff_group AS staff_group, n.band AS band, n.clinical AS clinical ORDER BY n.uid LIMIT $limit'
    ),
)

NODE_SCAN_PERSON = Query(
    'node_scan_person',
    (
        'MATCH (n:Person) RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS brokerage, n.constraint AS '
        'constraint, n.community AS community, n.name AS name, n.role AS role, n.level AS level, n.staff_group AS '
        'staff_group, n.band AS band, n.clinical AS clinical'
    ),
    columns=(
        ('uid', 'STRING'),
        ('betweenness', 'DOUBLE'),
        ('brokerage', 'DOUBLE'),
        ('constraint', 'DOUBLE'),
        ('community', 'INT64'),
        ('name', 'STRING'),
        ('role', 'STRING'),
        ('level', 'STRING'),
        ('staff_group', 'STRING'),
        ('band', 'STRING'),
        ('clinical', 'BOOLEAN'),
    ),
)
