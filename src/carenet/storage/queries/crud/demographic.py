"""Generated named queries of the Demographic label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_DEMOGRAPHIC = Query(
    'node_exists_demographic',
    'UNWIND $uids AS u MATCH (n:Demographic {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_DEMOGRAPHIC = Query(
    'node_upsert_demographic',
    'UNWIND $rows AS r MERGE (n:Demographic {uid: r.uid}) SET n.ethnic_category = r.ethnic_category, n.sex = r.sex',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Demographic {uid: uid}) RETURN n.uid AS uid',
        update=(
            'LOAD FROM $rows MATCH (n:Demographic {uid: uid}) SET n.ethnic_category = `ethnic_category`, n.sex = `sex`'
        ),
        create='COPY Demographic FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('ethnic_category', 'STRING'),
            ('sex', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:Demographic {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:Demographic {uid: r.uid}) SET n.ethnic_category = CAST(r.ethnic_category AS '
            'STRING), n.sex = CAST(r.sex AS STRING)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:Demographic {uid: CAST(r.uid AS STRING), ethnic_category: '
            'CAST(r.ethnic_category AS STRING), sex: CAST(r.sex AS STRING)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_DEMOGRAPHIC = Query(
    'node_delete_demographic',
    'UNWIND $uids AS u MATCH (n:Demographic {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_DEMOGRAPHIC = Query(
    'node_count_demographic',
    'MATCH (n:Demographic) RETURN count(n) AS count',
)
