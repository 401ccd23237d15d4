"""Generated named queries of the SurveyWave label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_SURVEY_WAVE = Query(
    'node_exists_survey_wave',
    'UNWIND $uids AS u MATCH (n:SurveyWave {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_SURVEY_WAVE = Query(
    'node_upsert_survey_wave',
    'UNWIND $rows AS r MERGE (n:SurveyWave {uid: r.uid}) SET n.name = r.name, n.collected_on = r.collected_on',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:SurveyWave {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:SurveyWave {uid: uid}) SET n.name = `name`, n.collected_on = `collected_on`',
        create='COPY SurveyWave FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('name', 'STRING'),
            ('collected_on', 'DATE'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:SurveyWave {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:SurveyWave {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.collected_on = '
            'CAST(r.collected_on AS DATE)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:SurveyWave {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), '
            'collected_on: CAST(r.collected_on AS DATE)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_SURVEY_WAVE = Query(
    'node_delete_survey_wave',
    'UNWIND $uids AS u MATCH (n:SurveyWave {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_SURVEY_WAVE = Query(
    'node_count_survey_wave',
    'MATCH (n:SurveyWave) RETURN count(n) AS count',
)

NODE_GET_SURVEY_WAVE = Query(
    'node_get_survey_wave',
    (
        'UNWIND $uids AS u MATCH (n:SurveyWave {uid: u}) RETURN n.uid AS uid, n.name AS name, n.collected_on AS '
        'collected_on'
    ),
    skip_if_empty='uids',
)

NODE_PAGE_SURVEY_WAVE = Query(
    'node_page_survey_wave',
    (
        'MATCH (n:SurveyWave) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.collected_on AS collected_on '
        'ORDER BY n.uid LIMIT $limit'
    ),
)

NODE_SCAN_SURVEY_WAVE = Query(
    'node_scan_survey_wave',
    'MATCH (n:SurveyWave) RETURN n.uid AS uid, n.name AS name, n.collected_on AS collected_on',
    columns=(
        ('uid', 'STRING'),
        ('name', 'STRING'),
        ('collected_on', 'DATE'),
    ),
)
