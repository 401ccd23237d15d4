"""Generated named queries of the CultureIndicator label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_CULTURE_INDICATOR = Query(
    'node_exists_culture_indicator',
    'UNWIND $uids AS u MATCH (n:CultureIndicator {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_CULTURE_INDICATOR = Query(
    'node_upsert_culture_indicator',
    (
        'UNWIND $rows AS r MERGE (n:CultureIndicator {uid: r.uid}) SET n.anchor = r.anchor, n.survey = r.survey, '
        'n.year = r.year, n.wave = r.wave, n.indicator = r.indicator, n.value = r.value, n.scale = r.scale, '
        'n.responses = r.responses, n.source = r.source'
    ),
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:CultureIndicator {uid: uid}) RETURN n.uid AS uid',
        update=(
            'LOAD FROM $rows MATCH (n:CultureIndicator {uid: uid}) SET n.anchor = `anchor`, n.survey = `survey`, '
            'n.year = `year`, n.wave = `wave`, n.indicator = `indicator`, n.value = `value`, n.scale = `scale`, '
            'n.responses = `responses`, n.source = `source`'
        ),
        create='COPY CultureIndicator FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('anchor', 'STRING'),
            ('survey', 'STRING'),
            ('year', 'INT64'),
            ('wave', 'STRING'),
            ('indicator', 'STRING'),
            ('value', 'DOUBLE'),
            ('scale', 'STRING'),
            ('responses', 'INT64'),
            ('source', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:CultureIndicator {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:CultureIndicator {uid: r.uid}) SET n.anchor = CAST(r.anchor AS STRING), '
            'n.survey = CAST(r.survey AS STRING), n.year = CAST(r.year AS INT64), n.wave = CAST(r.wave AS STRING), '
            'n.indicator = CAST(r.indicator AS STRING), n.value = CAST(r.value AS DOUBLE), n.scale = CAST(r.scale AS '
            'STRING), n.responses = CAST(r.responses AS INT64), n.source = CAST(r.source AS STRING)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:CultureIndicator {uid: CAST(r.uid AS STRING), anchor: CAST(r.anchor AS '
            'STRING), survey: CAST(r.survey AS STRING), year: CAST(r.year AS INT64), wave: CAST(r.wave AS STRING), '
            'indicator: CAST(r.indicator AS STRING), value: CAST(r.value AS DOUBLE), scale: CAST(r.scale AS STRING), '
            'responses: CAST(r.responses AS INT64), source: CAST(r.source AS STRING)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_CULTURE_INDICATOR = Query(
    'node_delete_culture_indicator',
    'UNWIND $uids AS u MATCH (n:CultureIndicator {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_CULTURE_INDICATOR = Query(
    'node_count_culture_indicator',
    'MATCH (n:CultureIndicator) RETURN count(n) AS count',
)

NODE_GET_CULTURE_INDICATOR = Query(
    'node_get_culture_indicator',
    (
        'UNWIND $uids AS u MATCH (n:CultureIndicator {uid: u}) RETURN n.uid AS uid, n.anchor AS anchor, n.survey AS '
        'survey, n.year AS year, n.wave AS wave, n.indicator AS indicator, n.value AS value, n.scale AS scale, '
        'n.responses AS responses, n.source AS source'
    ),
    skip_if_empty='uids',
)

NODE_PAGE_CULTURE_INDICATOR = Query(
    'node_page_culture_indicator',
    (
        'MATCH (n:CultureIndicator) WHERE n.uid > $after RETURN n.uid AS uid, n.anchor AS anchor, n.survey AS survey, '
        'n.year AS year, n.wave AS wave, n.indicator AS indicator, n.value AS value, n.scale AS scale, n.responses AS '
        'responses, n.source AS source ORDER BY n.uid LIMIT $limit'
    ),
)

NODE_SCAN_CULTURE_INDICATOR = Query(
    'node_scan_culture_indicator',
    (
        'MATCH (n:CultureIndicator) RETURN n.uid AS uid, n.anchor AS anchor, n.survey AS survey, n.year AS year, '
        'n.wave AS wave, n.indicator AS indicator, n.value AS value, n.scale AS scale, n.responses AS responses, '
        'n.source AS source'
    ),
    columns=(
        ('uid', 'STRING'),
        ('anchor', 'STRING'),
        ('survey', 'STRING'),
        ('year', 'INT64'),
        ('wave', 'STRING'),
        ('indicator', 'STRING'),
        ('value', 'DOUBLE'),
        ('scale', 'STRING'),
        ('responses', 'INT64'),
        ('source', 'STRING'),
    ),
)
