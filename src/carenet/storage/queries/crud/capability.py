"""Generated named queries of the Capability label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_CAPABILITY = Query(
    'node_exists_capability',
    'UNWIND $uids AS u MATCH (n:Capability {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_CAPABILITY = Query(
    'node_upsert_capability',
    'UNWIND $rows AS r MERGE (n:Capability {uid: r.uid}) SET n.name = r.name, n.description = r.description',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Capability {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:Capability {uid: uid}) SET n.name = `name`, n.description = `description`',
        create='COPY Capability FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('name', 'STRING'),
            ('description', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:Capability {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:Capability {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.description = '
            'CAST(r.description AS STRING)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:Capability {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), '
            'description: CAST(r.description AS STRING)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_CAPABILITY = Query(
    'node_delete_capability',
    'UNWIND $uids AS u MATCH (n:Capability {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_CAPABILITY = Query(
    'node_count_capability',
    'MATCH (n:Capability) RETURN count(n) AS count',
)

NODE_GET_CAPABILITY = Query(
    'node_get_capability',
    'UNWIND $uids AS u MATCH (n:Capability {uid: u}) RETURN n.uid AS uid, n.name AS name, n.description AS description',
    skip_if_empty='uids',
)

NODE_PAGE_CAPABILITY = Query(
    'node_page_capability',
    (
        'MATCH (n:Capability) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.description AS description '
        'ORDER BY n.uid LIMIT $limit'
    ),
)

NODE_SCAN_CAPABILITY = Query(
    'node_scan_capability',
    'MATCH (n:Capability) RETURN n.uid AS uid, n.name AS name, n.description AS description',
    columns=(
        ('uid', 'STRING'),
        ('name', 'STRING'),
        ('description', 'STRING'),
    ),
)
