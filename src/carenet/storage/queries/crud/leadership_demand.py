"""Generated named queries of the LeadershipDemand label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_LEADERSHIP_DEMAND = Query(
    'node_exists_leadership_demand',
    'UNWIND $uids AS u MATCH (n:LeadershipDemand {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_LEADERSHIP_DEMAND = Query(
    'node_upsert_leadership_demand',
    (
        'UNWIND $rows AS r MERGE (n:LeadershipDemand {uid: r.uid}) SET n.area = r.area, n.level = r.level, n.year = '
        'r.year, n.required = r.required'
    ),
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:LeadershipDemand {uid: uid}) RETURN n.uid AS uid',
        update=(
            'LOAD FROM $rows MATCH (n:LeadershipDemand {uid: uid}) SET n.area = `area`, n.level = `level`, n.year = '
            '`year`, n.required = `required`'
        ),
        create='COPY LeadershipDemand FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('area', 'STRING'),
            ('level', 'STRING'),
            ('year', 'INT64'),
            ('required', 'INT64'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:LeadershipDemand {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:LeadershipDemand {uid: r.uid}) SET n.area = CAST(r.area AS STRING), n.level = '
            'CAST(r.level AS STRING), n.year = CAST(r.year AS INT64), n.required = CAST(r.required AS INT64)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:LeadershipDemand {uid: CAST(r.uid AS STRING), area: CAST(r.area AS STRING), '
            'level: CAST(r.level AS STRING), year: CAST(r.year AS INT64), required: CAST(r.required AS INT64)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_LEADERSHIP_DEMAND = Query(
    'node_delete_leadership_demand',
    'UNWIND $uids AS u MATCH (n:LeadershipDemand {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_LEADERSHIP_DEMAND = Query(
    'node_count_leadership_demand',
    'MATCH (n:LeadershipDemand) RETURN count(n) AS count',
)

NODE_GET_LEADERSHIP_DEMAND = Query(
    'node_get_leadership_demand',
    (
        'UNWIND $uids AS u MATCH (n:LeadershipDemand {uid: u}) RETURN n.uid AS uid, n.area AS area, n.level AS level, '
        'n.year AS year, n.required AS required'
    ),
    skip_if_empty='uids',
)

NODE_PAGE_LEADERSHIP_DEMAND = Query(
    'node_page_leadership_demand',
    (
        'MATCH (n:LeadershipDemand) WHERE n.uid > $after RETURN n.uid AS uid, n.area AS area, n.level AS level, n.year '
        'AS year, n.required AS required ORDER BY n.uid LIMIT $limit'
    ),
)

NODE_SCAN_LEADERSHIP_DEMAND = Query(
    'node_scan_leadership_demand',
    (
        'MATCH (n:LeadershipDemand) RETURN n.uid AS uid, n.area AS area, n.level AS level, n.year AS year, n.required '
        'AS required'
    ),
    columns=(
        ('uid', 'STRING'),
        ('area', 'STRING'),
        ('level', 'STRING'),
        ('year', 'INT64'),
        ('required', 'INT64'),
    ),
)
