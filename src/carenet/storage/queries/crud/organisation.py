"""Generated named queries of the Organisation label: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

NODE_EXISTS_ORGANISATION = Query(
    'node_exists_organisation',
    'UNWIND $uids AS u MATCH (n:Organisation {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_ORGANISATION = Query(
    'node_upsert_organisation',
    (
        'UNWIND $rows AS r MERGE (n:Organisation {uid: r.uid}) SET n.betweenness = r.betweenness, n.brokerage = '
        'r.brokerage, n.constraint = r.constraint, n.community = r.community, n.name = r.name, n.kind = r.kind, '
        'n.sector = r.sector, n.ods_code = r.ods_code, n.gss_code = r.gss_code, n.school_urn = r.school_urn, '
        'n.cqc_location_id = r.cqc_location_id, n.charity_number = r.charity_number, n.housing_regulator_code = '
        'r.housing_regulator_code, n.postcode = r.postcode, n.parent_code = r.parent_code, n.opened = r.opened, '
        'n.closed = r.closed, n.name_fold = r.name_fold, n.name_key = r.name_key'
    ),
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Organisation {uid: uid}) RETURN n.uid AS uid',
        update=(
            'LOAD FROM $rows MATCH (n:Organisation {uid: uid}) SET n.betweenness = `betweenness`, n.brokerage = '
            '`brokerage`, n.constraint = `constraint`, n.community = `community`, n.name = `name`, n.kind = `kind`, '
            'n.sector = `sector`, n.ods_code = `ods_code`, n.gss_code = `gss_code`, n.school_urn = `school_urn`, '
            'n.cqc_location_id = `cqc_location_id`, n.charity_number = `charity_number`, n.housing_regulator_code = '
            '`housing_regulator_code`, n.postcode = `postcode`, n.parent_code = `parent_code`, n.opened = `opened`, '
            'n.closed = `closed`, n.name_fold = `name_fold`, n.name_key = `name_key`'
        ),
        create='COPY Organisation FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('betweenness', 'DOUBLE'),
            ('brokerage', 'DOUBLE'),
            ('constraint', 'DOUBLE'),
            ('community', 'INT64'),
            ('name', 'STRING'),
            ('kind', 'STRING'),
            ('sector', 'STRING'),
            ('ods_code', 'STRING'),
            ('gss_code', 'STRING'),
            ('school_urn', 'STRING'),
            ('cqc_location_id', 'STRING'),
            ('charity_number', 'STRING'),
            ('housing_regulator_code', 'STRING'),
            ('postcode', 'STRING'),
            ('parent_code', 'STRING'),
            ('opened', 'DATE'),
            ('closed', 'DATE'),
            ('name_fold', 'STRING'),
            ('name_key', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:Organisation {uid: u}) RETURN n.uid AS uid',
        update_small=(
            'UNWIND $rows AS r MATCH (n:Organisation {uid: r.uid}) SET n.betweenness = CAST(r.betweenness AS DOUBLE), '
            'n.brokerage = CAST(r.brokerage AS DOUBLE), n.constraint = CAST(r.constraint AS DOUBLE), n.community = '
            'CAST(r.community AS INT64), n.name = CAST(r.name AS STRING), n.kind = CAST(r.kind AS STRING), n.sector = '
            'CAST(r.sector AS STRING), n.ods_code = CAST(r.ods_code AS STRING), n.gss_code = CAST(r.gss_code AS '
            'STRING), n.school_urn = CAST(r.school_urn AS STRING), n.cqc_location_id = CAST(r.cqc_location_id AS '
            'STRING), n.charity_number = CAST(r.charity_number AS STRING), n.housing_regulator_code = '
            'CAST(r.housing_regulator_code AS STRING), n.postcode = CAST(r.postcode AS STRING), n.parent_code = '
            'CAST(r.parent_code AS STRING), n.opened = CAST(r.opened AS DATE), n.closed = CAST(r.closed AS DATE), '
            'n.name_fold = CAST(r.name_fold AS STRING), n.name_key = CAST(r.name_key AS STRING)'
        ),
        create_small=(
            'UNWIND $rows AS r CREATE (n:Organisation {uid: CAST(r.uid AS STRING), betweenness: CAST(r.betweenness AS '
            'DOUBLE), brokerage: CAST(r.brokerage AS DOUBLE), constraint: CAST(r.constraint AS DOUBLE), community: '
            'CAST(r.community AS INT64), name: CAST(r.name AS STRING), kind: CAST(r.kind AS STRING), sector: '
            'CAST(r.sector AS STRING), ods_code: CAST(r.ods_code AS STRING), gss_code: CAST(r.gss_code AS STRING), '
            'school_urn: CAST(r.school_urn AS STRING), cqc_location_id: CAST(r.cqc_location_id AS STRING), '
            'charity_number: CAST(r.charity_number AS STRING), housing_regulator_code: CAST(r.housing_regulator_code '
            'AS STRING), postcode: CAST(r.postcode AS STRING), parent_code: CAST(r.parent_code AS STRING), opened: '
            'CAST(r.opened AS DATE), closed: CAST(r.closed AS DATE), name_fold: CAST(r.name_fold AS STRING), name_key: '
            'CAST(r.name_key AS STRING)})'
        ),
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_ORGANISATION = Query(
    'node_delete_organisation',
    'UNWIND $uids AS u MATCH (n:Organisation {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_ORGANISATION = Query(
    'node_count_organisation',
    'MATCH (n:Organisation) RETURN count(n) AS count',
)

NODE_GET_ORGANISATION = Query(
    'node_get_organisation',
    (
        'UNWIND $uids AS u MATCH (n:Organisation {uid: u}) RETURN n.uid AS uid, n.betweenness AS betweenness, '
        'n.brokerage AS brokerage, n.constraint AS constraint, n.community AS community, n.name AS name, n.kind AS '
        'kind, n.sector AS sector, n.ods_code AS ods_code, n.gss_code AS gss_code, n.school_urn AS school_urn, '
        'n.cqc_location_id AS cqc_location_id, n.charity_number AS charity_number, n.housing_regulator_code AS '
        'housing_regulator_code, n.postcode AS postcode, n.parent_code AS parent_code, n.opened AS opened, n.closed AS '
        'closed'
    ),
    skip_if_empty='uids',
)

NODE_PAGE_ORGANISATION = Query(
    'node_page_organisation',
    (
        'MATCH (n:Organisation) WHERE n.uid > $after RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS '
        'brokerage, n.constraint AS constraint, n.community AS community, n.name AS name, n.kind AS kind, n.sector AS '
        'sector, n.ods_code AS ods_code, n.gss_code AS gss_code, n.school_urn AS school_urn, n.cqc_location_id AS '
        'cqc_location_id, n.charity_number AS charity_number, n.housing_regulator_code AS housing_regulator_code, '
        'n.postcode AS postcode, n.parent_code AS parent_code, n.opened AS opened, n.closed AS closed ORDER BY n.uid '
        'LIMIT $limit'
    ),
)

NODE_SCAN_ORGANISATION = Query(
    'node_scan_organisation',
    (
        'MATCH (n:Organisation) RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS brokerage, '
        'n.constraint AS constraint, n.community AS community, n.name AS name, n.kind AS kind, n.sector AS sector, '
        'n.ods_code AS ods_code, n.gss_code AS gss_code, n.school_urn AS school_urn, n.cqc_location_id AS '
        'cqc_location_id, n.charity_number AS charity_number, n.housing_regulator_code AS housing_regulator_code, '
        'n.postcode AS postcode, n.parent_code AS parent_code, n.opened AS opened, n.closed AS closed'
    ),
    columns=(
        ('uid', 'STRING'),
        ('betweenness', 'DOUBLE'),
        ('brokerage', 'DOUBLE'),
        ('constraint', 'DOUBLE'),
        ('community', 'INT64'),
        ('name', 'STRING'),
        ('kind', 'STRING'),
        ('sector', 'STRING'),
        ('ods_code', 'STRING'),
        ('gss_code', 'STRING'),
        ('school_urn', 'STRING'),
        ('cqc_location_id', 'STRING'),
        ('charity_number', 'STRING'),
        ('housing_regulator_code', 'STRING'),
        ('postcode', 'STRING'),
        ('parent_code', 'STRING'),
        ('opened', 'DATE'),
        ('closed', 'DATE'),
    ),
)
