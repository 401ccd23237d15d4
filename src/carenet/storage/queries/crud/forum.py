"""Generated named queries of the Forum label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_FORUM = Query(
    'node_exists_forum',
    'UNWIND $uids AS u MATCH (n:Forum {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_FORUM = Query(
    'node_upsert_forum',
    'UNWIND $rows AS r MERGE (n:Forum {uid: r.uid}) SET n.name = r.name, n.kind = r.kind',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Forum {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:Forum {uid: uid}) SET n.name = `name`, n.kind = `kind`',
        create='COPY Forum FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('name', 'STRING'),
            ('kind', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:Forum {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:Forum {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.kind = CAST(r.kind '
            'AS STRING)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:Forum {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), kind: '
            'CAST(r.kind AS STRING)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_FORUM = Query(
    'node_delete_forum',
    'UNWIND $uids AS u MATCH (n:Forum {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_FORUM = Query(
    'node_count_forum',
    'MATCH (n:Forum) RETURN count(n) AS count',
)

NODE_GET_FORUM = Query(
    'node_get_forum',
    'UNWIND $uids AS u MATCH (n:Forum {uid: u}) RETURN n.uid AS uid, n.name AS name, n.kind AS kind',
    skip_if_empty='uids',
)

NODE_PAGE_FORUM = Query(
    'node_page_forum',
    (
        'MATCH (n:Forum) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.kind AS kind ORDER BY n.uid LIMIT '
        '$limit'
    ),
)

NODE_SCAN_FORUM = Query(
    'node_scan_forum',
    'MATCH (n:Forum) RETURN n.uid AS uid, n.name AS name, n.kind AS kind',
    columns=(
        ('uid', 'STRING'),
        ('name', 'STRING'),
        ('kind', 'STRING'),
    ),
)
