"""Generated named queries of the Migration label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_MIGRATION = Query(
    'node_exists_migration',
    'UNWIND $uids AS u MATCH (n:Migration {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_MIGRATION = Query(
    'node_upsert_migration',
    (
        'UNWIND $rows AS r MERGE (n:Migration {uid: r.uid}) SET n.version = r.version, n.name = r.name, n.applied_at = '
        'r.applied_at'
    ),
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Migration {uid: uid}) RETURN n.uid AS uid',
        update=(
            'LOAD FROM $rows MATCH (n:Migration {uid: uid}) SET n.version = `version`, n.name = `name`, n.applied_at = '
            '`applied_at`'
        ),
        create='COPY Migration FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('version', 'INT64'),
            ('name', 'STRING'),
            ('applied_at', 'TIMESTAMP'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:Migration {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:Migration {uid: r.uid}) SET n.version = CAST(r.version AS INT64), n.name = '
            'CAST(r.name AS STRING), n.applied_at = CAST(r.applied_at AS TIMESTAMP)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:Migration {uid: CAST(r.uid AS STRING), version: CAST(r.version AS INT64), '
            'name: CAST(r.name AS STRING), applied_at: CAST(r.applied_at AS TIMESTAMP)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_MIGRATION = Query(
    'node_delete_migration',
    'UNWIND $uids AS u MATCH (n:Migration {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_MIGRATION = Query(
    'node_count_migration',
    'MATCH (n:Migration) RETURN count(n) AS count',
)

NODE_GET_MIGRATION = Query(
    'node_get_migration',
    (
        'UNWIND $uids AS u MATCH (n:Migration {uid: u}) RETURN n.uid AS uid, n.version AS version, n.name AS name, '
        'n.applied_at AS applied_at'
    ),
    skip_if_empty='uids',
)

NODE_PAGE_MIGRATION = Query(
    'node_page_migration',
    (
        'MATCH (n:Migration) WHERE n.uid > $after RETURN n.uid AS uid, n.version AS version, n.name AS name, '
        'n.applied_at AS applied_at ORDER BY n.uid LIMIT $limit'
    ),
)

NODE_SCAN_MIGRATION = Query(
    'node_scan_migration',
    'MATCH (n:Migration) RETURN n.uid AS uid, n.version AS version, n.name AS name, n.applied_at AS applied_at',
    columns=(
        ('uid', 'STRING'),
        ('version', 'INT64'),
        ('name', 'STRING'),
        ('applied_at', 'TIMESTAMP'),
    ),
)
