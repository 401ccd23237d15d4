"""Generated CRUD queries for every label and relationship: do not edit.

Made by ``python -m carenet.storage.codegen`` from :mod:`carenet.domain`. Special-category
labels get no read queries here: they are only ever counted (see ``queries.aggregates``).
"""

from carenet.storage.queries.registry import Query, Upsert


# --- System ---

NODE_EXISTS_SYSTEM = Query(
    'node_exists_system',
    'UNWIND $uids AS u MATCH (n:System {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_SYSTEM = Query(
    'node_upsert_system',
    'UNWIND $rows AS r MERGE (n:System {uid: r.uid}) SET n.name = r.name, n.ods_code = r.ods_code, n.gss_code = r.gss_code, n.name_fold = r.name_fold, n.name_key = r.name_key',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:System {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:System {uid: uid}) SET n.name = `name`, n.ods_code = `ods_code`, n.gss_code = `gss_code`, n.name_fold = `name_fold`, n.name_key = `name_key`',
        create='COPY System FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('name', 'STRING'),
            ('ods_code', 'STRING'),
            ('gss_code', 'STRING'),
            ('name_fold', 'STRING'),
            ('name_key', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:System {uid: u}) RETURN n.uid AS uid',
        update_small='UNWIND $rows AS r MATCH (n:System {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.ods_code = CAST(r.ods_code AS STRING), n.gss_code = CAST(r.gss_code AS STRING), n.name_fold = CAST(r.name_fold AS STRING), n.name_key = CAST(r.name_key AS STRING)',
        create_small='UNWIND $rows AS r CREATE (n:System {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), ods_code: CAST(r.ods_code AS STRING), gss_code: CAST(r.gss_code AS STRING), name_fold: CAST(r.name_fold AS STRING), name_key: CAST(r.name_key AS STRING)})',
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_SYSTEM = Query(
    'node_delete_system',
    'UNWIND $uids AS u MATCH (n:System {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_SYSTEM = Query(
    'node_count_system',
    'MATCH (n:System) RETURN count(n) AS count',
)

NODE_GET_SYSTEM = Query(
    'node_get_system',
    'UNWIND $uids AS u MATCH (n:System {uid: u}) RETURN n.uid AS uid, n.name AS name, n.ods_code AS ods_code, n.gss_code AS gss_code',
    skip_if_empty='uids',
)

NODE_PAGE_SYSTEM = Query(
    'node_page_system',
    'MATCH (n:System) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.ods_code AS ods_code, n.gss_code AS gss_code ORDER BY n.uid LIMIT $limit',
)

NODE_SCAN_SYSTEM = Query(
    'node_scan_system',
    'MATCH (n:System) RETURN n.uid AS uid, n.name AS name, n.ods_code AS ods_code, n.gss_code AS gss_code',
    columns=(
        ('uid', 'STRING'),
        ('name', 'STRING'),
        ('ods_code', 'STRING'),
        ('gss_code', 'STRING'),
    ),
)


# --- Place ---

NODE_EXISTS_PLACE = Query(
    'node_exists_place',
    'UNWIND $uids AS u MATCH (n:Place {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_PLACE = Query(
    'node_upsert_place',
    'UNWIND $rows AS r MERGE (n:Place {uid: r.uid}) SET n.name = r.name, n.gss_code = r.gss_code, n.name_fold = r.name_fold, n.name_key = r.name_key',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Place {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:Place {uid: uid}) SET n.name = `name`, n.gss_code = `gss_code`, n.name_fold = `name_fold`, n.name_key = `name_key`',
        create='COPY Place FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('name', 'STRING'),
            ('gss_code', 'STRING'),
            ('name_fold', 'STRING'),
            ('name_key', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:Place {uid: u}) RETURN n.uid AS uid',
        update_small='UNWIND $rows AS r MATCH (n:Place {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.gss_code = CAST(r.gss_code AS STRING), n.name_fold = CAST(r.name_fold AS STRING), n.name_key = CAST(r.name_key AS STRING)',
        create_small='UNWIND $rows AS r CREATE (n:Place {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), gss_code: CAST(r.gss_code AS STRING), name_fold: CAST(r.name_fold AS STRING), name_key: CAST(r.name_key AS STRING)})',
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_PLACE = Query(
    'node_delete_place',
    'UNWIND $uids AS u MATCH (n:Place {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_PLACE = Query(
    'node_count_place',
    'MATCH (n:Place) RETURN count(n) AS count',
)

NODE_GET_PLACE = Query(
    'node_get_place',
    'UNWIND $uids AS u MATCH (n:Place {uid: u}) RETURN n.uid AS uid, n.name AS name, n.gss_code AS gss_code',
    skip_if_empty='uids',
)

NODE_PAGE_PLACE = Query(
    'node_page_place',
    'MATCH (n:Place) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.gss_code AS gss_code ORDER BY n.uid LIMIT $limit',
)

NODE_SCAN_PLACE = Query(
    'node_scan_place',
    'MATCH (n:Place) RETURN n.uid AS uid, n.name AS name, n.gss_code AS gss_code',
    columns=(
        ('uid', 'STRING'),
        ('name', 'STRING'),
        ('gss_code', 'STRING'),
    ),
)


# --- Neighbourhood ---

NODE_EXISTS_NEIGHBOURHOOD = Query(
    'node_exists_neighbourhood',
    'UNWIND $uids AS u MATCH (n:Neighbourhood {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_NEIGHBOURHOOD = Query(
    'node_upsert_neighbourhood',
    'UNWIND $rows AS r MERGE (n:Neighbourhood {uid: r.uid}) SET n.name = r.name, n.pcn_code = r.pcn_code',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Neighbourhood {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:Neighbourhood {uid: uid}) SET n.name = `name`, n.pcn_code = `pcn_code`',
        create='COPY Neighbourhood FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('name', 'STRING'),
            ('pcn_code', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:Neighbourhood {uid: u}) RETURN n.uid AS uid',
        update_small='UNWIND $rows AS r MATCH (n:Neighbourhood {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.pcn_code = CAST(r.pcn_code AS STRING)',
        create_small='UNWIND $rows AS r CREATE (n:Neighbourhood {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), pcn_code: CAST(r.pcn_code AS STRING)})',
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_NEIGHBOURHOOD = Query(
    'node_delete_neighbourhood',
    'UNWIND $uids AS u MATCH (n:Neighbourhood {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_NEIGHBOURHOOD = Query(
    'node_count_neighbourhood',
    'MATCH (n:Neighbourhood) RETURN count(n) AS count',
)

NODE_GET_NEIGHBOURHOOD = Query(
    'node_get_neighbourhood',
    'UNWIND $uids AS u MATCH (n:Neighbourhood {uid: u}) RETURN n.uid AS uid, n.name AS name, n.pcn_code AS pcn_code',
    skip_if_empty='uids',
)

NODE_PAGE_NEIGHBOURHOOD = Query(
    'node_page_neighbourhood',
    'MATCH (n:Neighbourhood) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.pcn_code AS pcn_code ORDER BY n.uid LIMIT $limit',
)

NODE_SCAN_NEIGHBOURHOOD = Query(
    'node_scan_neighbourhood',
    'MATCH (n:Neighbourhood) RETURN n.uid AS uid, n.name AS name, n.pcn_code AS pcn_code',
    columns=(
        ('uid', 'STRING'),
        ('name', 'STRING'),
        ('pcn_code', 'STRING'),
    ),
)


# --- Organisation ---

NODE_EXISTS_ORGANISATION = Query(
    'node_exists_organisation',
    'UNWIND $uids AS u MATCH (n:Organisation {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_ORGANISATION = Query(
    'node_upsert_organisation',
    'UNWIND $rows AS r MERGE (n:Organisation {uid: r.uid}) SET n.betweenness = r.betweenness, n.brokerage = r.brokerage, n.constraint = r.constraint, n.community = r.community, n.name = r.name, n.kind = r.kind, n.sector = r.sector, n.ods_code = r.ods_code, n.gss_code = r.gss_code, n.school_urn = r.school_urn, n.cqc_location_id = r.cqc_location_id, n.charity_number = r.charity_number, n.housing_regulator_code = r.housing_regulator_code, n.postcode = r.postcode, n.parent_code = r.parent_code, n.opened = r.opened, n.closed = r.closed, n.name_fold = r.name_fold, n.name_key = r.name_key',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Organisation {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:Organisation {uid: uid}) SET n.betweenness = `betweenness`, n.brokerage = `brokerage`, n.constraint = `constraint`, n.community = `community`, n.name = `name`, n.kind = `kind`, n.sector = `sector`, n.ods_code = `ods_code`, n.gss_code = `gss_code`, n.school_urn = `school_urn`, n.cqc_location_id = `cqc_location_id`, n.charity_number = `charity_number`, n.housing_regulator_code = `housing_regulator_code`, n.postcode = `postcode`, n.parent_code = `parent_code`, n.opened = `opened`, n.closed = `closed`, n.name_fold = `name_fold`, n.name_key = `name_key`',
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
        update_small='UNWIND $rows AS r MATCH (n:Organisation {uid: r.uid}) SET n.betweenness = CAST(r.betweenness AS DOUBLE), n.brokerage = CAST(r.brokerage AS DOUBLE), n.constraint = CAST(r.constraint AS DOUBLE), n.community = CAST(r.community AS INT64), n.name = CAST(r.name AS STRING), n.kind = CAST(r.kind AS STRING), n.sector = CAST(r.sector AS STRING), n.ods_code = CAST(r.ods_code AS STRING), n.gss_code = CAST(r.gss_code AS STRING), n.school_urn = CAST(r.school_urn AS STRING), n.cqc_location_id = CAST(r.cqc_location_id AS STRING), n.charity_number = CAST(r.charity_number AS STRING), n.housing_regulator_code = CAST(r.housing_regulator_code AS STRING), n.postcode = CAST(r.postcode AS STRING), n.parent_code = CAST(r.parent_code AS STRING), n.opened = CAST(r.opened AS DATE), n.closed = CAST(r.closed AS DATE), n.name_fold = CAST(r.name_fold AS STRING), n.name_key = CAST(r.name_key AS STRING)',
        create_small='UNWIND $rows AS r CREATE (n:Organisation {uid: CAST(r.uid AS STRING), betweenness: CAST(r.betweenness AS DOUBLE), brokerage: CAST(r.brokerage AS DOUBLE), constraint: CAST(r.constraint AS DOUBLE), community: CAST(r.community AS INT64), name: CAST(r.name AS STRING), kind: CAST(r.kind AS STRING), sector: CAST(r.sector AS STRING), ods_code: CAST(r.ods_code AS STRING), gss_code: CAST(r.gss_code AS STRING), school_urn: CAST(r.school_urn AS STRING), cqc_location_id: CAST(r.cqc_location_id AS STRING), charity_number: CAST(r.charity_number AS STRING), housing_regulator_code: CAST(r.housing_regulator_code AS STRING), postcode: CAST(r.postcode AS STRING), parent_code: CAST(r.parent_code AS STRING), opened: CAST(r.opened AS DATE), closed: CAST(r.closed AS DATE), name_fold: CAST(r.name_fold AS STRING), name_key: CAST(r.name_key AS STRING)})',
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
    'UNWIND $uids AS u MATCH (n:Organisation {uid: u}) RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS brokerage, n.constraint AS constraint, n.community AS community, n.name AS name, n.kind AS kind, n.sector AS sector, n.ods_code AS ods_code, n.gss_code AS gss_code, n.school_urn AS school_urn, n.cqc_location_id AS cqc_location_id, n.charity_number AS charity_number, n.housing_regulator_code AS housing_regulator_code, n.postcode AS postcode, n.parent_code AS parent_code, n.opened AS opened, n.closed AS closed',
    skip_if_empty='uids',
)

NODE_PAGE_ORGANISATION = Query(
    'node_page_organisation',
    'MATCH (n:Organisation) WHERE n.uid > $after RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS brokerage, n.constraint AS constraint, n.community AS community, n.name AS name, n.kind AS kind, n.sector AS sector, n.ods_code AS ods_code, n.gss_code AS gss_code, n.school_urn AS school_urn, n.cqc_location_id AS cqc_location_id, n.charity_number AS charity_number, n.housing_regulator_code AS housing_regulator_code, n.postcode AS postcode, n.parent_code AS parent_code, n.opened AS opened, n.closed AS closed ORDER BY n.uid LIMIT $limit',
)

NODE_SCAN_ORGANISATION = Query(
    'node_scan_organisation',
    'MATCH (n:Organisation) RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS brokerage, n.constraint AS constraint, n.community AS community, n.name AS name, n.kind AS kind, n.sector AS sector, n.ods_code AS ods_code, n.gss_code AS gss_code, n.school_urn AS school_urn, n.cqc_location_id AS cqc_location_id, n.charity_number AS charity_number, n.housing_regulator_code AS housing_regulator_code, n.postcode AS postcode, n.parent_code AS parent_code, n.opened AS opened, n.closed AS closed',
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


# --- Team ---

NODE_EXISTS_TEAM = Query(
    'node_exists_team',
    'UNWIND $uids AS u MATCH (n:Team {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_TEAM = Query(
    'node_upsert_team',
    'UNWIND $rows AS r MERGE (n:Team {uid: r.uid}) SET n.betweenness = r.betweenness, n.brokerage = r.brokerage, n.constraint = r.constraint, n.community = r.community, n.name = r.name, n.service = r.service, n.sector = r.sector, n.name_fold = r.name_fold, n.name_key = r.name_key',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Team {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:Team {uid: uid}) SET n.betweenness = `betweenness`, n.brokerage = `brokerage`, n.constraint = `constraint`, n.community = `community`, n.name = `name`, n.service = `service`, n.sector = `sector`, n.name_fold = `name_fold`, n.name_key = `name_key`',
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
        update_small='UNWIND $rows AS r MATCH (n:Team {uid: r.uid}) SET n.betweenness = CAST(r.betweenness AS DOUBLE), n.brokerage = CAST(r.brokerage AS DOUBLE), n.constraint = CAST(r.constraint AS DOUBLE), n.community = CAST(r.community AS INT64), n.name = CAST(r.name AS STRING), n.service = CAST(r.service AS STRING), n.sector = CAST(r.sector AS STRING), n.name_fold = CAST(r.name_fold AS STRING), n.name_key = CAST(r.name_key AS STRING)',
        create_small='UNWIND $rows AS r CREATE (n:Team {uid: CAST(r.uid AS STRING), betweenness: CAST(r.betweenness AS DOUBLE), brokerage: CAST(r.brokerage AS DOUBLE), constraint: CAST(r.constraint AS DOUBLE), community: CAST(r.community AS INT64), name: CAST(r.name AS STRING), service: CAST(r.service AS STRING), sector: CAST(r.sector AS STRING), name_fold: CAST(r.name_fold AS STRING), name_key: CAST(r.name_key AS STRING)})',
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
    'UNWIND $uids AS u MATCH (n:Team {uid: u}) RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS brokerage, n.constraint AS constraint, n.community AS community, n.name AS name, n.service AS service, n.sector AS sector',
    skip_if_empty='uids',
)

NODE_PAGE_TEAM = Query(
    'node_page_team',
    'MATCH (n:Team) WHERE n.uid > $after RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS brokerage, n.constraint AS constraint, n.community AS community, n.name AS name, n.service AS service, n.sector AS sector ORDER BY n.uid LIMIT $limit',
)

NODE_SCAN_TEAM = Query(
    'node_scan_team',
    'MATCH (n:Team) RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS brokerage, n.constraint AS constraint, n.community AS community, n.name AS name, n.service AS service, n.sector AS sector',
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


# --- Person ---

NODE_EXISTS_PERSON = Query(
    'node_exists_person',
    'UNWIND $uids AS u MATCH (n:Person {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_PERSON = Query(
    'node_upsert_person',
    'UNWIND $rows AS r MERGE (n:Person {uid: r.uid}) SET n.betweenness = r.betweenness, n.brokerage = r.brokerage, n.constraint = r.constraint, n.community = r.community, n.name = r.name, n.role = r.role, n.level = r.level, n.staff_group = r.staff_group, n.band = r.band, n.clinical = r.clinical, n.name_fold = r.name_fold, n.name_key = r.name_key',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Person {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:Person {uid: uid}) SET n.betweenness = `betweenness`, n.brokerage = `brokerage`, n.constraint = `constraint`, n.community = `community`, n.name = `name`, n.role = `role`, n.level = `level`, n.staff_group = `staff_group`, n.band = `band`, n.clinical = `clinical`, n.name_fold = `name_fold`, n.name_key = `name_key`',
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
        update_small='UNWIND $rows AS r MATCH (n:Person {uid: r.uid}) SET n.betweenness = CAST(r.betweenness AS DOUBLE), n.brokerage = CAST(r.brokerage AS DOUBLE), n.constraint = CAST(r.constraint AS DOUBLE), n.community = CAST(r.community AS INT64), n.name = CAST(r.name AS STRING), n.role = CAST(r.role AS STRING), n.level = CAST(r.level AS STRING), n.staff_group = CAST(r.staff_group AS STRING), n.band = CAST(r.band AS STRING), n.clinical = CAST(r.clinical AS BOOLEAN), n.name_fold = CAST(r.name_fold AS STRING), n.name_key = CAST(r.name_key AS STRING)',
        create_small='UNWIND $rows AS r CREATE (n:Person {uid: CAST(r.uid AS STRING), betweenness: CAST(r.betweenness AS DOUBLE), brokerage: CAST(r.brokerage AS DOUBLE), constraint: CAST(r.constraint AS DOUBLE), community: CAST(r.community AS INT64), name: CAST(r.name AS STRING), role: CAST(r.role AS STRING), level: CAST(r.level AS STRING), staff_group: CAST(r.staff_group AS STRING), band: CAST(r.band AS STRING), clinical: CAST(r.clinical AS BOOLEAN), name_fold: CAST(r.name_fold AS STRING), name_key: CAST(r.name_key AS STRING)})',
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
    'UNWIND $uids AS u MATCH (n:Person {uid: u}) RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS brokerage, n.constraint AS constraint, n.community AS community, n.name AS name, n.role AS role, n.level AS level, n.staff_group AS staff_group, n.band AS band, n.clinical AS clinical',
    skip_if_empty='uids',
)

NODE_PAGE_PERSON = Query(
    'node_page_person',
    'MATCH (n:Person) WHERE n.uid > $after RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS brokerage, n.constraint AS constraint, n.community AS community, n.name AS name, n.role AS role, n.level AS level, n.staff_group AS staff_group, n.band AS band, n.clinical AS clinical ORDER BY n.uid LIMIT $limit',
)

NODE_SCAN_PERSON = Query(
    'node_scan_person',
    'MATCH (n:Person) RETURN n.uid AS uid, n.betweenness AS betweenness, n.brokerage AS brokerage, n.constraint AS constraint, n.community AS community, n.name AS name, n.role AS role, n.level AS level, n.staff_group AS staff_group, n.band AS band, n.clinical AS clinical',
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


# --- Demographic ---

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
        update='LOAD FROM $rows MATCH (n:Demographic {uid: uid}) SET n.ethnic_category = `ethnic_category`, n.sex = `sex`',
        create='COPY Demographic FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('ethnic_category', 'STRING'),
            ('sex', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:Demographic {uid: u}) RETURN n.uid AS uid',
        update_small='UNWIND $rows AS r MATCH (n:Demographic {uid: r.uid}) SET n.ethnic_category = CAST(r.ethnic_category AS STRING), n.sex = CAST(r.sex AS STRING)',
        create_small='UNWIND $rows AS r CREATE (n:Demographic {uid: CAST(r.uid AS STRING), ethnic_category: CAST(r.ethnic_category AS STRING), sex: CAST(r.sex AS STRING)})',
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


# --- Forum ---

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
        update_small='UNWIND $rows AS r MATCH (n:Forum {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.kind = CAST(r.kind AS STRING)',
        create_small='UNWIND $rows AS r CREATE (n:Forum {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), kind: CAST(r.kind AS STRING)})',
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
    'MATCH (n:Forum) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.kind AS kind ORDER BY n.uid LIMIT $limit',
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


# --- CarePathway ---

NODE_EXISTS_CARE_PATHWAY = Query(
    'node_exists_care_pathway',
    'UNWIND $uids AS u MATCH (n:CarePathway {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_CARE_PATHWAY = Query(
    'node_upsert_care_pathway',
    'UNWIND $rows AS r MERGE (n:CarePathway {uid: r.uid}) SET n.name = r.name, n.description = r.description',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:CarePathway {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:CarePathway {uid: uid}) SET n.name = `name`, n.description = `description`',
        create='COPY CarePathway FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('name', 'STRING'),
            ('description', 'STRING'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:CarePathway {uid: u}) RETURN n.uid AS uid',
        update_small='UNWIND $rows AS r MATCH (n:CarePathway {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.description = CAST(r.description AS STRING)',
        create_small='UNWIND $rows AS r CREATE (n:CarePathway {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), description: CAST(r.description AS STRING)})',
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_CARE_PATHWAY = Query(
    'node_delete_care_pathway',
    'UNWIND $uids AS u MATCH (n:CarePathway {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_CARE_PATHWAY = Query(
    'node_count_care_pathway',
    'MATCH (n:CarePathway) RETURN count(n) AS count',
)

NODE_GET_CARE_PATHWAY = Query(
    'node_get_care_pathway',
    'UNWIND $uids AS u MATCH (n:CarePathway {uid: u}) RETURN n.uid AS uid, n.name AS name, n.description AS description',
    skip_if_empty='uids',
)

NODE_PAGE_CARE_PATHWAY = Query(
    'node_page_care_pathway',
    'MATCH (n:CarePathway) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.description AS description ORDER BY n.uid LIMIT $limit',
)

NODE_SCAN_CARE_PATHWAY = Query(
    'node_scan_care_pathway',
    'MATCH (n:CarePathway) RETURN n.uid AS uid, n.name AS name, n.description AS description',
    columns=(
        ('uid', 'STRING'),
        ('name', 'STRING'),
        ('description', 'STRING'),
    ),
)


# --- PathwayStep ---

NODE_EXISTS_PATHWAY_STEP = Query(
    'node_exists_pathway_step',
    'UNWIND $uids AS u MATCH (n:PathwayStep {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_PATHWAY_STEP = Query(
    'node_upsert_pathway_step',
    'UNWIND $rows AS r MERGE (n:PathwayStep {uid: r.uid}) SET n.name = r.name, n.position = r.position',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:PathwayStep {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:PathwayStep {uid: uid}) SET n.name = `name`, n.position = `position`',
        create='COPY PathwayStep FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('name', 'STRING'),
            ('position', 'INT64'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:PathwayStep {uid: u}) RETURN n.uid AS uid',
        update_small='UNWIND $rows AS r MATCH (n:PathwayStep {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.position = CAST(r.position AS INT64)',
        create_small='UNWIND $rows AS r CREATE (n:PathwayStep {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), position: CAST(r.position AS INT64)})',
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_PATHWAY_STEP = Query(
    'node_delete_pathway_step',
    'UNWIND $uids AS u MATCH (n:PathwayStep {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_PATHWAY_STEP = Query(
    'node_count_pathway_step',
    'MATCH (n:PathwayStep) RETURN count(n) AS count',
)

NODE_GET_PATHWAY_STEP = Query(
    'node_get_pathway_step',
    'UNWIND $uids AS u MATCH (n:PathwayStep {uid: u}) RETURN n.uid AS uid, n.name AS name, n.position AS position',
    skip_if_empty='uids',
)

NODE_PAGE_PATHWAY_STEP = Query(
    'node_page_pathway_step',
    'MATCH (n:PathwayStep) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.position AS position ORDER BY n.uid LIMIT $limit',
)

NODE_SCAN_PATHWAY_STEP = Query(
    'node_scan_pathway_step',
    'MATCH (n:PathwayStep) RETURN n.uid AS uid, n.name AS name, n.position AS position',
    columns=(
        ('uid', 'STRING'),
        ('name', 'STRING'),
        ('position', 'INT64'),
    ),
)


# --- Capability ---

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
        update_small='UNWIND $rows AS r MATCH (n:Capability {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.description = CAST(r.description AS STRING)',
        create_small='UNWIND $rows AS r CREATE (n:Capability {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), description: CAST(r.description AS STRING)})',
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
    'MATCH (n:Capability) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.description AS description ORDER BY n.uid LIMIT $limit',
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


# --- SurveyWave ---

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
        update_small='UNWIND $rows AS r MATCH (n:SurveyWave {uid: r.uid}) SET n.name = CAST(r.name AS STRING), n.collected_on = CAST(r.collected_on AS DATE)',
        create_small='UNWIND $rows AS r CREATE (n:SurveyWave {uid: CAST(r.uid AS STRING), name: CAST(r.name AS STRING), collected_on: CAST(r.collected_on AS DATE)})',
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
    'UNWIND $uids AS u MATCH (n:SurveyWave {uid: u}) RETURN n.uid AS uid, n.name AS name, n.collected_on AS collected_on',
    skip_if_empty='uids',
)

NODE_PAGE_SURVEY_WAVE = Query(
    'node_page_survey_wave',
    'MATCH (n:SurveyWave) WHERE n.uid > $after RETURN n.uid AS uid, n.name AS name, n.collected_on AS collected_on ORDER BY n.uid LIMIT $limit',
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


# --- LeadershipDemand ---

NODE_EXISTS_LEADERSHIP_DEMAND = Query(
    'node_exists_leadership_demand',
    'UNWIND $uids AS u MATCH (n:LeadershipDemand {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_LEADERSHIP_DEMAND = Query(
    'node_upsert_leadership_demand',
    'UNWIND $rows AS r MERGE (n:LeadershipDemand {uid: r.uid}) SET n.area = r.area, n.level = r.level, n.year = r.year, n.required = r.required',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:LeadershipDemand {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:LeadershipDemand {uid: uid}) SET n.area = `area`, n.level = `level`, n.year = `year`, n.required = `required`',
        create='COPY LeadershipDemand FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('area', 'STRING'),
            ('level', 'STRING'),
            ('year', 'INT64'),
            ('required', 'INT64'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:LeadershipDemand {uid: u}) RETURN n.uid AS uid',
        update_small='UNWIND $rows AS r MATCH (n:LeadershipDemand {uid: r.uid}) SET n.area = CAST(r.area AS STRING), n.level = CAST(r.level AS STRING), n.year = CAST(r.year AS INT64), n.required = CAST(r.required AS INT64)',
        create_small='UNWIND $rows AS r CREATE (n:LeadershipDemand {uid: CAST(r.uid AS STRING), area: CAST(r.area AS STRING), level: CAST(r.level AS STRING), year: CAST(r.year AS INT64), required: CAST(r.required AS INT64)})',
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
    'UNWIND $uids AS u MATCH (n:LeadershipDemand {uid: u}) RETURN n.uid AS uid, n.area AS area, n.level AS level, n.year AS year, n.required AS required',
    skip_if_empty='uids',
)

NODE_PAGE_LEADERSHIP_DEMAND = Query(
    'node_page_leadership_demand',
    'MATCH (n:LeadershipDemand) WHERE n.uid > $after RETURN n.uid AS uid, n.area AS area, n.level AS level, n.year AS year, n.required AS required ORDER BY n.uid LIMIT $limit',
)

NODE_SCAN_LEADERSHIP_DEMAND = Query(
    'node_scan_leadership_demand',
    'MATCH (n:LeadershipDemand) RETURN n.uid AS uid, n.area AS area, n.level AS level, n.year AS year, n.required AS required',
    columns=(
        ('uid', 'STRING'),
        ('area', 'STRING'),
        ('level', 'STRING'),
        ('year', 'INT64'),
        ('required', 'INT64'),
    ),
)


# --- Baseline ---

NODE_EXISTS_BASELINE = Query(
    'node_exists_baseline',
    'UNWIND $uids AS u MATCH (n:Baseline {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_BASELINE = Query(
    'node_upsert_baseline',
    'UNWIND $rows AS r MERGE (n:Baseline {uid: r.uid}) SET n.area = r.area, n.kind = r.kind, n.dimension = r.dimension, n.category = r.category, n.percent = r.percent',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Baseline {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:Baseline {uid: uid}) SET n.area = `area`, n.kind = `kind`, n.dimension = `dimension`, n.category = `category`, n.percent = `percent`',
        create='COPY Baseline FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('area', 'STRING'),
            ('kind', 'STRING'),
            ('dimension', 'STRING'),
            ('category', 'STRING'),
            ('percent', 'DOUBLE'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:Baseline {uid: u}) RETURN n.uid AS uid',
        update_small='UNWIND $rows AS r MATCH (n:Baseline {uid: r.uid}) SET n.area = CAST(r.area AS STRING), n.kind = CAST(r.kind AS STRING), n.dimension = CAST(r.dimension AS STRING), n.category = CAST(r.category AS STRING), n.percent = CAST(r.percent AS DOUBLE)',
        create_small='UNWIND $rows AS r CREATE (n:Baseline {uid: CAST(r.uid AS STRING), area: CAST(r.area AS STRING), kind: CAST(r.kind AS STRING), dimension: CAST(r.dimension AS STRING), category: CAST(r.category AS STRING), percent: CAST(r.percent AS DOUBLE)})',
    ),
    write=True,
    skip_if_empty='rows',
)

NODE_DELETE_BASELINE = Query(
    'node_delete_baseline',
    'UNWIND $uids AS u MATCH (n:Baseline {uid: u}) DETACH DELETE n',
    write=True,
    skip_if_empty='uids',
)

NODE_COUNT_BASELINE = Query(
    'node_count_baseline',
    'MATCH (n:Baseline) RETURN count(n) AS count',
)

NODE_GET_BASELINE = Query(
    'node_get_baseline',
    'UNWIND $uids AS u MATCH (n:Baseline {uid: u}) RETURN n.uid AS uid, n.area AS area, n.kind AS kind, n.dimension AS dimension, n.category AS category, n.percent AS percent',
    skip_if_empty='uids',
)

NODE_PAGE_BASELINE = Query(
    'node_page_baseline',
    'MATCH (n:Baseline) WHERE n.uid > $after RETURN n.uid AS uid, n.area AS area, n.kind AS kind, n.dimension AS dimension, n.category AS category, n.percent AS percent ORDER BY n.uid LIMIT $limit',
)

NODE_SCAN_BASELINE = Query(
    'node_scan_baseline',
    'MATCH (n:Baseline) RETURN n.uid AS uid, n.area AS area, n.kind AS kind, n.dimension AS dimension, n.category AS category, n.percent AS percent',
    columns=(
        ('uid', 'STRING'),
        ('area', 'STRING'),
        ('kind', 'STRING'),
        ('dimension', 'STRING'),
        ('category', 'STRING'),
        ('percent', 'DOUBLE'),
    ),
)


# --- CultureIndicator ---

NODE_EXISTS_CULTURE_INDICATOR = Query(
    'node_exists_culture_indicator',
    'UNWIND $uids AS u MATCH (n:CultureIndicator {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_CULTURE_INDICATOR = Query(
    'node_upsert_culture_indicator',
    'UNWIND $rows AS r MERGE (n:CultureIndicator {uid: r.uid}) SET n.anchor = r.anchor, n.survey = r.survey, n.year = r.year, n.wave = r.wave, n.indicator = r.indicator, n.value = r.value, n.scale = r.scale, n.responses = r.responses, n.source = r.source',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:CultureIndicator {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:CultureIndicator {uid: uid}) SET n.anchor = `anchor`, n.survey = `survey`, n.year = `year`, n.wave = `wave`, n.indicator = `indicator`, n.value = `value`, n.scale = `scale`, n.responses = `responses`, n.source = `source`',
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
        update_small='UNWIND $rows AS r MATCH (n:CultureIndicator {uid: r.uid}) SET n.anchor = CAST(r.anchor AS STRING), n.survey = CAST(r.survey AS STRING), n.year = CAST(r.year AS INT64), n.wave = CAST(r.wave AS STRING), n.indicator = CAST(r.indicator AS STRING), n.value = CAST(r.value AS DOUBLE), n.scale = CAST(r.scale AS STRING), n.responses = CAST(r.responses AS INT64), n.source = CAST(r.source AS STRING)',
        create_small='UNWIND $rows AS r CREATE (n:CultureIndicator {uid: CAST(r.uid AS STRING), anchor: CAST(r.anchor AS STRING), survey: CAST(r.survey AS STRING), year: CAST(r.year AS INT64), wave: CAST(r.wave AS STRING), indicator: CAST(r.indicator AS STRING), value: CAST(r.value AS DOUBLE), scale: CAST(r.scale AS STRING), responses: CAST(r.responses AS INT64), source: CAST(r.source AS STRING)})',
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
    'UNWIND $uids AS u MATCH (n:CultureIndicator {uid: u}) RETURN n.uid AS uid, n.anchor AS anchor, n.survey AS survey, n.year AS year, n.wave AS wave, n.indicator AS indicator, n.value AS value, n.scale AS scale, n.responses AS responses, n.source AS source',
    skip_if_empty='uids',
)

NODE_PAGE_CULTURE_INDICATOR = Query(
    'node_page_culture_indicator',
    'MATCH (n:CultureIndicator) WHERE n.uid > $after RETURN n.uid AS uid, n.anchor AS anchor, n.survey AS survey, n.year AS year, n.wave AS wave, n.indicator AS indicator, n.value AS value, n.scale AS scale, n.responses AS responses, n.source AS source ORDER BY n.uid LIMIT $limit',
)

NODE_SCAN_CULTURE_INDICATOR = Query(
    'node_scan_culture_indicator',
    'MATCH (n:CultureIndicator) RETURN n.uid AS uid, n.anchor AS anchor, n.survey AS survey, n.year AS year, n.wave AS wave, n.indicator AS indicator, n.value AS value, n.scale AS scale, n.responses AS responses, n.source AS source',
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


# --- Migration ---

NODE_EXISTS_MIGRATION = Query(
    'node_exists_migration',
    'UNWIND $uids AS u MATCH (n:Migration {uid: u}) RETURN n.uid AS uid',
    skip_if_empty='uids',
)

NODE_UPSERT_MIGRATION = Query(
    'node_upsert_migration',
    'UNWIND $rows AS r MERGE (n:Migration {uid: r.uid}) SET n.version = r.version, n.name = r.name, n.applied_at = r.applied_at',
    ladybug=Upsert(
        lookup='LOAD FROM $rows MATCH (n:Migration {uid: uid}) RETURN n.uid AS uid',
        update='LOAD FROM $rows MATCH (n:Migration {uid: uid}) SET n.version = `version`, n.name = `name`, n.applied_at = `applied_at`',
        create='COPY Migration FROM $rows',
        columns=(
            ('uid', 'STRING'),
            ('version', 'INT64'),
            ('name', 'STRING'),
            ('applied_at', 'TIMESTAMP'),
        ),
        lookup_small='UNWIND $uids AS u MATCH (n:Migration {uid: u}) RETURN n.uid AS uid',
        update_small='UNWIND $rows AS r MATCH (n:Migration {uid: r.uid}) SET n.version = CAST(r.version AS INT64), n.name = CAST(r.name AS STRING), n.applied_at = CAST(r.applied_at AS TIMESTAMP)',
        create_small='UNWIND $rows AS r CREATE (n:Migration {uid: CAST(r.uid AS STRING), version: CAST(r.version AS INT64), name: CAST(r.name AS STRING), applied_at: CAST(r.applied_at AS TIMESTAMP)})',
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
    'UNWIND $uids AS u MATCH (n:Migration {uid: u}) RETURN n.uid AS uid, n.version AS version, n.name AS name, n.applied_at AS applied_at',
    skip_if_empty='uids',
)

NODE_PAGE_MIGRATION = Query(
    'node_page_migration',
    'MATCH (n:Migration) WHERE n.uid > $after RETURN n.uid AS uid, n.version AS version, n.name AS name, n.applied_at AS applied_at ORDER BY n.uid LIMIT $limit',
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


# --- PART_OF ---

REL_UPSERT_PART_OF_TEAM_ORGANISATION = Query(
    'rel_upsert_part_of_team_organisation',
    'UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Organisation {uid: r.target}) MERGE (a)-[x:PART_OF {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:PART_OF]->(:Organisation) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:PART_OF]->(b:Organisation) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY PART_OF FROM $rows (from='Team', to='Organisation')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:PART_OF]->(b:Organisation) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Team {uid: $source})-[x:PART_OF]->(:Organisation) RETURN x.uid AS uid',
        update_each='MATCH (a:Team {uid: $source})-[x:PART_OF]->(b:Organisation) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Team {uid: $source})-[x:PART_OF]->(b:Organisation) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Organisation {uid: r.target}) CREATE (a)-[x:PART_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_PART_OF_TEAM_ORGANISATION = Query(
    'rel_delete_part_of_team_organisation',
    'UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:PART_OF {uid: r.uid}]->(b:Organisation {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_PART_OF_TEAM_ORGANISATION = Query(
    'rel_scan_part_of_team_organisation',
    'MATCH (a:Team)-[x:PART_OF]->(b:Organisation) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_PART_OF_ORGANISATION_ORGANISATION = Query(
    'rel_upsert_part_of_organisation_organisation',
    'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Organisation {uid: r.target}) MERGE (a)-[x:PART_OF {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:PART_OF]->(:Organisation) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:PART_OF]->(b:Organisation) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY PART_OF FROM $rows (from='Organisation', to='Organisation')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:PART_OF]->(b:Organisation) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(:Organisation) RETURN x.uid AS uid',
        update_each='MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(b:Organisation) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(b:Organisation) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Organisation {uid: r.target}) CREATE (a)-[x:PART_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_PART_OF_ORGANISATION_ORGANISATION = Query(
    'rel_delete_part_of_organisation_organisation',
    'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:PART_OF {uid: r.uid}]->(b:Organisation {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_PART_OF_ORGANISATION_ORGANISATION = Query(
    'rel_scan_part_of_organisation_organisation',
    'MATCH (a:Organisation)-[x:PART_OF]->(b:Organisation) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_PART_OF_ORGANISATION_PLACE = Query(
    'rel_upsert_part_of_organisation_place',
    'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Place {uid: r.target}) MERGE (a)-[x:PART_OF {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:PART_OF]->(:Place) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:PART_OF]->(b:Place) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY PART_OF FROM $rows (from='Organisation', to='Place')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(:Place) RETURN x.uid AS uid',
        update_each='MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(b:Place) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Place {uid: r.target}) CREATE (a)-[x:PART_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_PART_OF_ORGANISATION_PLACE = Query(
    'rel_delete_part_of_organisation_place',
    'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:PART_OF {uid: r.uid}]->(b:Place {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_PART_OF_ORGANISATION_PLACE = Query(
    'rel_scan_part_of_organisation_place',
    'MATCH (a:Organisation)-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_PART_OF_ORGANISATION_SYSTEM = Query(
    'rel_upsert_part_of_organisation_system',
    'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:System {uid: r.target}) MERGE (a)-[x:PART_OF {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:PART_OF]->(b:System) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY PART_OF FROM $rows (from='Organisation', to='System')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update_each='MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(b:System) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:System {uid: r.target}) CREATE (a)-[x:PART_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_PART_OF_ORGANISATION_SYSTEM = Query(
    'rel_delete_part_of_organisation_system',
    'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:PART_OF {uid: r.uid}]->(b:System {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_PART_OF_ORGANISATION_SYSTEM = Query(
    'rel_scan_part_of_organisation_system',
    'MATCH (a:Organisation)-[x:PART_OF]->(b:System) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_PART_OF_PLACE_SYSTEM = Query(
    'rel_upsert_part_of_place_system',
    'UNWIND $rows AS r MATCH (a:Place {uid: r.source}) MATCH (b:System {uid: r.target}) MERGE (a)-[x:PART_OF {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Place {uid: s})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Place {uid: r.source})-[x:PART_OF]->(b:System) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY PART_OF FROM $rows (from='Place', to='System')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Place {uid: s})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Place {uid: $source})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update_each='MATCH (a:Place {uid: $source})-[x:PART_OF]->(b:System) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Place {uid: $source})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Place {uid: r.source}) MATCH (b:System {uid: r.target}) CREATE (a)-[x:PART_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_PART_OF_PLACE_SYSTEM = Query(
    'rel_delete_part_of_place_system',
    'UNWIND $rows AS r MATCH (a:Place {uid: r.source})-[x:PART_OF {uid: r.uid}]->(b:System {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_PART_OF_PLACE_SYSTEM = Query(
    'rel_scan_part_of_place_system',
    'MATCH (a:Place)-[x:PART_OF]->(b:System) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_PART_OF_NEIGHBOURHOOD_PLACE = Query(
    'rel_upsert_part_of_neighbourhood_place',
    'UNWIND $rows AS r MATCH (a:Neighbourhood {uid: r.source}) MATCH (b:Place {uid: r.target}) MERGE (a)-[x:PART_OF {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Neighbourhood {uid: s})-[x:PART_OF]->(:Place) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Neighbourhood {uid: r.source})-[x:PART_OF]->(b:Place) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY PART_OF FROM $rows (from='Neighbourhood', to='Place')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Neighbourhood {uid: s})-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Neighbourhood {uid: $source})-[x:PART_OF]->(:Place) RETURN x.uid AS uid',
        update_each='MATCH (a:Neighbourhood {uid: $source})-[x:PART_OF]->(b:Place) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Neighbourhood {uid: $source})-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Neighbourhood {uid: r.source}) MATCH (b:Place {uid: r.target}) CREATE (a)-[x:PART_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_PART_OF_NEIGHBOURHOOD_PLACE = Query(
    'rel_delete_part_of_neighbourhood_place',
    'UNWIND $rows AS r MATCH (a:Neighbourhood {uid: r.source})-[x:PART_OF {uid: r.uid}]->(b:Place {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_PART_OF_NEIGHBOURHOOD_PLACE = Query(
    'rel_scan_part_of_neighbourhood_place',
    'MATCH (a:Neighbourhood)-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_PART_OF_FORUM_PLACE = Query(
    'rel_upsert_part_of_forum_place',
    'UNWIND $rows AS r MATCH (a:Forum {uid: r.source}) MATCH (b:Place {uid: r.target}) MERGE (a)-[x:PART_OF {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Forum {uid: s})-[x:PART_OF]->(:Place) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Forum {uid: r.source})-[x:PART_OF]->(b:Place) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY PART_OF FROM $rows (from='Forum', to='Place')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Forum {uid: s})-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Forum {uid: $source})-[x:PART_OF]->(:Place) RETURN x.uid AS uid',
        update_each='MATCH (a:Forum {uid: $source})-[x:PART_OF]->(b:Place) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Forum {uid: $source})-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Forum {uid: r.source}) MATCH (b:Place {uid: r.target}) CREATE (a)-[x:PART_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_PART_OF_FORUM_PLACE = Query(
    'rel_delete_part_of_forum_place',
    'UNWIND $rows AS r MATCH (a:Forum {uid: r.source})-[x:PART_OF {uid: r.uid}]->(b:Place {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_PART_OF_FORUM_PLACE = Query(
    'rel_scan_part_of_forum_place',
    'MATCH (a:Forum)-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_PART_OF_FORUM_SYSTEM = Query(
    'rel_upsert_part_of_forum_system',
    'UNWIND $rows AS r MATCH (a:Forum {uid: r.source}) MATCH (b:System {uid: r.target}) MERGE (a)-[x:PART_OF {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Forum {uid: s})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Forum {uid: r.source})-[x:PART_OF]->(b:System) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY PART_OF FROM $rows (from='Forum', to='System')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Forum {uid: s})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Forum {uid: $source})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update_each='MATCH (a:Forum {uid: $source})-[x:PART_OF]->(b:System) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Forum {uid: $source})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Forum {uid: r.source}) MATCH (b:System {uid: r.target}) CREATE (a)-[x:PART_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_PART_OF_FORUM_SYSTEM = Query(
    'rel_delete_part_of_forum_system',
    'UNWIND $rows AS r MATCH (a:Forum {uid: r.source})-[x:PART_OF {uid: r.uid}]->(b:System {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_PART_OF_FORUM_SYSTEM = Query(
    'rel_scan_part_of_forum_system',
    'MATCH (a:Forum)-[x:PART_OF]->(b:System) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_PART_OF_SURVEY_WAVE_SYSTEM = Query(
    'rel_upsert_part_of_survey_wave_system',
    'UNWIND $rows AS r MATCH (a:SurveyWave {uid: r.source}) MATCH (b:System {uid: r.target}) MERGE (a)-[x:PART_OF {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:SurveyWave {uid: s})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:SurveyWave {uid: r.source})-[x:PART_OF]->(b:System) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY PART_OF FROM $rows (from='SurveyWave', to='System')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:SurveyWave {uid: s})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:SurveyWave {uid: $source})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update_each='MATCH (a:SurveyWave {uid: $source})-[x:PART_OF]->(b:System) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:SurveyWave {uid: $source})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:SurveyWave {uid: r.source}) MATCH (b:System {uid: r.target}) CREATE (a)-[x:PART_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_PART_OF_SURVEY_WAVE_SYSTEM = Query(
    'rel_delete_part_of_survey_wave_system',
    'UNWIND $rows AS r MATCH (a:SurveyWave {uid: r.source})-[x:PART_OF {uid: r.uid}]->(b:System {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_PART_OF_SURVEY_WAVE_SYSTEM = Query(
    'rel_scan_part_of_survey_wave_system',
    'MATCH (a:SurveyWave)-[x:PART_OF]->(b:System) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)


# --- SERVES ---

REL_UPSERT_SERVES_TEAM_PLACE = Query(
    'rel_upsert_serves_team_place',
    'UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Place {uid: r.target}) MERGE (a)-[x:SERVES {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:SERVES]->(:Place) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:SERVES]->(b:Place) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY SERVES FROM $rows (from='Team', to='Place')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:SERVES]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Team {uid: $source})-[x:SERVES]->(:Place) RETURN x.uid AS uid',
        update_each='MATCH (a:Team {uid: $source})-[x:SERVES]->(b:Place) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Team {uid: $source})-[x:SERVES]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Place {uid: r.target}) CREATE (a)-[x:SERVES {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_SERVES_TEAM_PLACE = Query(
    'rel_delete_serves_team_place',
    'UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:SERVES {uid: r.uid}]->(b:Place {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_SERVES_TEAM_PLACE = Query(
    'rel_scan_serves_team_place',
    'MATCH (a:Team)-[x:SERVES]->(b:Place) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_SERVES_TEAM_NEIGHBOURHOOD = Query(
    'rel_upsert_serves_team_neighbourhood',
    'UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Neighbourhood {uid: r.target}) MERGE (a)-[x:SERVES {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:SERVES]->(:Neighbourhood) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:SERVES]->(b:Neighbourhood) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY SERVES FROM $rows (from='Team', to='Neighbourhood')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:SERVES]->(b:Neighbourhood) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Team {uid: $source})-[x:SERVES]->(:Neighbourhood) RETURN x.uid AS uid',
        update_each='MATCH (a:Team {uid: $source})-[x:SERVES]->(b:Neighbourhood) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Team {uid: $source})-[x:SERVES]->(b:Neighbourhood) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Neighbourhood {uid: r.target}) CREATE (a)-[x:SERVES {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_SERVES_TEAM_NEIGHBOURHOOD = Query(
    'rel_delete_serves_team_neighbourhood',
    'UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:SERVES {uid: r.uid}]->(b:Neighbourhood {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_SERVES_TEAM_NEIGHBOURHOOD = Query(
    'rel_scan_serves_team_neighbourhood',
    'MATCH (a:Team)-[x:SERVES]->(b:Neighbourhood) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_SERVES_ORGANISATION_PLACE = Query(
    'rel_upsert_serves_organisation_place',
    'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Place {uid: r.target}) MERGE (a)-[x:SERVES {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:SERVES]->(:Place) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:SERVES]->(b:Place) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY SERVES FROM $rows (from='Organisation', to='Place')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:SERVES]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Organisation {uid: $source})-[x:SERVES]->(:Place) RETURN x.uid AS uid',
        update_each='MATCH (a:Organisation {uid: $source})-[x:SERVES]->(b:Place) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Organisation {uid: $source})-[x:SERVES]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Place {uid: r.target}) CREATE (a)-[x:SERVES {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_SERVES_ORGANISATION_PLACE = Query(
    'rel_delete_serves_organisation_place',
    'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:SERVES {uid: r.uid}]->(b:Place {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_SERVES_ORGANISATION_PLACE = Query(
    'rel_scan_serves_organisation_place',
    'MATCH (a:Organisation)-[x:SERVES]->(b:Place) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_SERVES_ORGANISATION_NEIGHBOURHOOD = Query(
    'rel_upsert_serves_organisation_neighbourhood',
    'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Neighbourhood {uid: r.target}) MERGE (a)-[x:SERVES {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:SERVES]->(:Neighbourhood) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:SERVES]->(b:Neighbourhood) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY SERVES FROM $rows (from='Organisation', to='Neighbourhood')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:SERVES]->(b:Neighbourhood) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Organisation {uid: $source})-[x:SERVES]->(:Neighbourhood) RETURN x.uid AS uid',
        update_each='MATCH (a:Organisation {uid: $source})-[x:SERVES]->(b:Neighbourhood) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Organisation {uid: $source})-[x:SERVES]->(b:Neighbourhood) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Neighbourhood {uid: r.target}) CREATE (a)-[x:SERVES {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_SERVES_ORGANISATION_NEIGHBOURHOOD = Query(
    'rel_delete_serves_organisation_neighbourhood',
    'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:SERVES {uid: r.uid}]->(b:Neighbourhood {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_SERVES_ORGANISATION_NEIGHBOURHOOD = Query(
    'rel_scan_serves_organisation_neighbourhood',
    'MATCH (a:Organisation)-[x:SERVES]->(b:Neighbourhood) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)


# --- MEMBER_OF ---

REL_UPSERT_MEMBER_OF_PERSON_TEAM = Query(
    'rel_upsert_member_of_person_team',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Team {uid: r.target}) MERGE (a)-[x:MEMBER_OF {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until, x.role = r.role RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:MEMBER_OF]->(:Team) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:MEMBER_OF]->(b:Team) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE), x.role = CAST(r.role AS STRING)',
        create="COPY MEMBER_OF FROM $rows (from='Person', to='Team')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
            ('role', 'STRING'),
        ),
        current='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:MEMBER_OF]->(b:Team) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until, x.role AS role',
        lookup_each='MATCH (a:Person {uid: $source})-[x:MEMBER_OF]->(:Team) RETURN x.uid AS uid',
        update_each='MATCH (a:Person {uid: $source})-[x:MEMBER_OF]->(b:Team) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE), x.role = CAST($role AS STRING)',
        current_each='MATCH (a:Person {uid: $source})-[x:MEMBER_OF]->(b:Team) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until, x.role AS role',
        create_small='UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Team {uid: r.target}) CREATE (a)-[x:MEMBER_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE), role: CAST(r.role AS STRING)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_MEMBER_OF_PERSON_TEAM = Query(
    'rel_delete_member_of_person_team',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:MEMBER_OF {uid: r.uid}]->(b:Team {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_MEMBER_OF_PERSON_TEAM = Query(
    'rel_scan_member_of_person_team',
    'MATCH (a:Person)-[x:MEMBER_OF]->(b:Team) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until, x.role AS role',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
        ('role', 'STRING'),
    ),
)

REL_UPSERT_MEMBER_OF_PERSON_ORGANISATION = Query(
    'rel_upsert_member_of_person_organisation',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Organisation {uid: r.target}) MERGE (a)-[x:MEMBER_OF {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until, x.role = r.role RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:MEMBER_OF]->(:Organisation) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:MEMBER_OF]->(b:Organisation) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE), x.role = CAST(r.role AS STRING)',
        create="COPY MEMBER_OF FROM $rows (from='Person', to='Organisation')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
            ('role', 'STRING'),
        ),
        current='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:MEMBER_OF]->(b:Organisation) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until, x.role AS role',
        lookup_each='MATCH (a:Person {uid: $source})-[x:MEMBER_OF]->(:Organisation) RETURN x.uid AS uid',
        update_each='MATCH (a:Person {uid: $source})-[x:MEMBER_OF]->(b:Organisation) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE), x.role = CAST($role AS STRING)',
        current_each='MATCH (a:Person {uid: $source})-[x:MEMBER_OF]->(b:Organisation) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until, x.role AS role',
        create_small='UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Organisation {uid: r.target}) CREATE (a)-[x:MEMBER_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE), role: CAST(r.role AS STRING)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_MEMBER_OF_PERSON_ORGANISATION = Query(
    'rel_delete_member_of_person_organisation',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:MEMBER_OF {uid: r.uid}]->(b:Organisation {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_MEMBER_OF_PERSON_ORGANISATION = Query(
    'rel_scan_member_of_person_organisation',
    'MATCH (a:Person)-[x:MEMBER_OF]->(b:Organisation) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until, x.role AS role',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
        ('role', 'STRING'),
    ),
)


# --- LEADS ---

REL_UPSERT_LEADS_PERSON_TEAM = Query(
    'rel_upsert_leads_person_team',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Team {uid: r.target}) MERGE (a)-[x:LEADS {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(:Team) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS]->(b:Team) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY LEADS FROM $rows (from='Person', to='Team')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(b:Team) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(:Team) RETURN x.uid AS uid',
        update_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Team) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Team) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Team {uid: r.target}) CREATE (a)-[x:LEADS {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_LEADS_PERSON_TEAM = Query(
    'rel_delete_leads_person_team',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS {uid: r.uid}]->(b:Team {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_LEADS_PERSON_TEAM = Query(
    'rel_scan_leads_person_team',
    'MATCH (a:Person)-[x:LEADS]->(b:Team) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_LEADS_PERSON_ORGANISATION = Query(
    'rel_upsert_leads_person_organisation',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Organisation {uid: r.target}) MERGE (a)-[x:LEADS {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(:Organisation) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS]->(b:Organisation) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY LEADS FROM $rows (from='Person', to='Organisation')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(b:Organisation) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(:Organisation) RETURN x.uid AS uid',
        update_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Organisation) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Organisation) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Organisation {uid: r.target}) CREATE (a)-[x:LEADS {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_LEADS_PERSON_ORGANISATION = Query(
    'rel_delete_leads_person_organisation',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS {uid: r.uid}]->(b:Organisation {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_LEADS_PERSON_ORGANISATION = Query(
    'rel_scan_leads_person_organisation',
    'MATCH (a:Person)-[x:LEADS]->(b:Organisation) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_LEADS_PERSON_PLACE = Query(
    'rel_upsert_leads_person_place',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Place {uid: r.target}) MERGE (a)-[x:LEADS {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(:Place) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS]->(b:Place) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY LEADS FROM $rows (from='Person', to='Place')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(:Place) RETURN x.uid AS uid',
        update_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Place) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Place {uid: r.target}) CREATE (a)-[x:LEADS {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_LEADS_PERSON_PLACE = Query(
    'rel_delete_leads_person_place',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS {uid: r.uid}]->(b:Place {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_LEADS_PERSON_PLACE = Query(
    'rel_scan_leads_person_place',
    'MATCH (a:Person)-[x:LEADS]->(b:Place) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)

REL_UPSERT_LEADS_PERSON_FORUM = Query(
    'rel_upsert_leads_person_forum',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Forum {uid: r.target}) MERGE (a)-[x:LEADS {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(:Forum) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS]->(b:Forum) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY LEADS FROM $rows (from='Person', to='Forum')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:LEADS]->(b:Forum) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(:Forum) RETURN x.uid AS uid',
        update_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Forum) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Person {uid: $source})-[x:LEADS]->(b:Forum) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Forum {uid: r.target}) CREATE (a)-[x:LEADS {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_LEADS_PERSON_FORUM = Query(
    'rel_delete_leads_person_forum',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:LEADS {uid: r.uid}]->(b:Forum {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_LEADS_PERSON_FORUM = Query(
    'rel_scan_leads_person_forum',
    'MATCH (a:Person)-[x:LEADS]->(b:Forum) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)


# --- SITS_ON ---

REL_UPSERT_SITS_ON_PERSON_FORUM = Query(
    'rel_upsert_sits_on_person_forum',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Forum {uid: r.target}) MERGE (a)-[x:SITS_ON {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until, x.role = r.role RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:SITS_ON]->(:Forum) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:SITS_ON]->(b:Forum) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE), x.role = CAST(r.role AS STRING)',
        create="COPY SITS_ON FROM $rows (from='Person', to='Forum')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
            ('role', 'STRING'),
        ),
        current='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:SITS_ON]->(b:Forum) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until, x.role AS role',
        lookup_each='MATCH (a:Person {uid: $source})-[x:SITS_ON]->(:Forum) RETURN x.uid AS uid',
        update_each='MATCH (a:Person {uid: $source})-[x:SITS_ON]->(b:Forum) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE), x.role = CAST($role AS STRING)',
        current_each='MATCH (a:Person {uid: $source})-[x:SITS_ON]->(b:Forum) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until, x.role AS role',
        create_small='UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Forum {uid: r.target}) CREATE (a)-[x:SITS_ON {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE), role: CAST(r.role AS STRING)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_SITS_ON_PERSON_FORUM = Query(
    'rel_delete_sits_on_person_forum',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:SITS_ON {uid: r.uid}]->(b:Forum {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_SITS_ON_PERSON_FORUM = Query(
    'rel_scan_sits_on_person_forum',
    'MATCH (a:Person)-[x:SITS_ON]->(b:Forum) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until, x.role AS role',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
        ('role', 'STRING'),
    ),
)

REL_UPSERT_SITS_ON_ORGANISATION_FORUM = Query(
    'rel_upsert_sits_on_organisation_forum',
    'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Forum {uid: r.target}) MERGE (a)-[x:SITS_ON {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until, x.role = r.role RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:SITS_ON]->(:Forum) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:SITS_ON]->(b:Forum) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE), x.role = CAST(r.role AS STRING)',
        create="COPY SITS_ON FROM $rows (from='Organisation', to='Forum')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
            ('role', 'STRING'),
        ),
        current='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:SITS_ON]->(b:Forum) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until, x.role AS role',
        lookup_each='MATCH (a:Organisation {uid: $source})-[x:SITS_ON]->(:Forum) RETURN x.uid AS uid',
        update_each='MATCH (a:Organisation {uid: $source})-[x:SITS_ON]->(b:Forum) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE), x.role = CAST($role AS STRING)',
        current_each='MATCH (a:Organisation {uid: $source})-[x:SITS_ON]->(b:Forum) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until, x.role AS role',
        create_small='UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Forum {uid: r.target}) CREATE (a)-[x:SITS_ON {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE), role: CAST(r.role AS STRING)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_SITS_ON_ORGANISATION_FORUM = Query(
    'rel_delete_sits_on_organisation_forum',
    'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:SITS_ON {uid: r.uid}]->(b:Forum {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_SITS_ON_ORGANISATION_FORUM = Query(
    'rel_scan_sits_on_organisation_forum',
    'MATCH (a:Organisation)-[x:SITS_ON]->(b:Forum) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until, x.role AS role',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
        ('role', 'STRING'),
    ),
)


# --- COLLABORATES_WITH ---

REL_UPSERT_COLLABORATES_WITH_TEAM_TEAM = Query(
    'rel_upsert_collaborates_with_team_team',
    'UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Team {uid: r.target}) MERGE (a)-[x:COLLABORATES_WITH {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until, x.kinds = r.kinds, x.frequency = r.frequency, x.trust = r.trust, x.value = r.value, x.wave = r.wave, x.trust_reliability = r.trust_reliability, x.trust_mission = r.trust_mission, x.trust_openness = r.trust_openness, x.value_power = r.value_power, x.value_involvement = r.value_involvement, x.value_resources = r.value_resources RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:COLLABORATES_WITH]->(:Team) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:COLLABORATES_WITH]->(b:Team) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE), x.kinds = CAST(r.kinds AS STRING[]), x.frequency = CAST(r.frequency AS STRING), x.trust = CAST(r.trust AS DOUBLE), x.value = CAST(r.value AS DOUBLE), x.wave = CAST(r.wave AS STRING), x.trust_reliability = CAST(r.trust_reliability AS INT64), x.trust_mission = CAST(r.trust_mission AS INT64), x.trust_openness = CAST(r.trust_openness AS INT64), x.value_power = CAST(r.value_power AS INT64), x.value_involvement = CAST(r.value_involvement AS INT64), x.value_resources = CAST(r.value_resources AS INT64)',
        create="COPY COLLABORATES_WITH FROM $rows (from='Team', to='Team')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
            ('kinds', 'STRING[]'),
            ('frequency', 'STRING'),
            ('trust', 'DOUBLE'),
            ('value', 'DOUBLE'),
            ('wave', 'STRING'),
            ('trust_reliability', 'INT64'),
            ('trust_mission', 'INT64'),
            ('trust_openness', 'INT64'),
            ('value_power', 'INT64'),
            ('value_involvement', 'INT64'),
            ('value_resources', 'INT64'),
        ),
        current='UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:COLLABORATES_WITH]->(b:Team) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.trust AS trust, x.value AS value, x.wave AS wave, x.trust_reliability AS trust_reliability, x.trust_mission AS trust_mission, x.trust_openness AS trust_openness, x.value_power AS value_power, x.value_involvement AS value_involvement, x.value_resources AS value_resources',
        lookup_each='MATCH (a:Team {uid: $source})-[x:COLLABORATES_WITH]->(:Team) RETURN x.uid AS uid',
        update_each='MATCH (a:Team {uid: $source})-[x:COLLABORATES_WITH]->(b:Team) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE), x.kinds = CAST($kinds AS STRING[]), x.frequency = CAST($frequency AS STRING), x.trust = CAST($trust AS DOUBLE), x.value = CAST($value AS DOUBLE), x.wave = CAST($wave AS STRING), x.trust_reliability = CAST($trust_reliability AS INT64), x.trust_mission = CAST($trust_mission AS INT64), x.trust_openness = CAST($trust_openness AS INT64), x.value_power = CAST($value_power AS INT64), x.value_involvement = CAST($value_involvement AS INT64), x.value_resources = CAST($value_resources AS INT64)',
        current_each='MATCH (a:Team {uid: $source})-[x:COLLABORATES_WITH]->(b:Team) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.trust AS trust, x.value AS value, x.wave AS wave, x.trust_reliability AS trust_reliability, x.trust_mission AS trust_mission, x.trust_openness AS trust_openness, x.value_power AS value_power, x.value_involvement AS value_involvement, x.value_resources AS value_resources',
        create_small='UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Team {uid: r.target}) CREATE (a)-[x:COLLABORATES_WITH {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE), kinds: CAST(r.kinds AS STRING[]), frequency: CAST(r.frequency AS STRING), trust: CAST(r.trust AS DOUBLE), value: CAST(r.value AS DOUBLE), wave: CAST(r.wave AS STRING), trust_reliability: CAST(r.trust_reliability AS INT64), trust_mission: CAST(r.trust_mission AS INT64), trust_openness: CAST(r.trust_openness AS INT64), value_power: CAST(r.value_power AS INT64), value_involvement: CAST(r.value_involvement AS INT64), value_resources: CAST(r.value_resources AS INT64)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_COLLABORATES_WITH_TEAM_TEAM = Query(
    'rel_delete_collaborates_with_team_team',
    'UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:COLLABORATES_WITH {uid: r.uid}]->(b:Team {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_COLLABORATES_WITH_TEAM_TEAM = Query(
    'rel_scan_collaborates_with_team_team',
    'MATCH (a:Team)-[x:COLLABORATES_WITH]->(b:Team) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.trust AS trust, x.value AS value, x.wave AS wave, x.trust_reliability AS trust_reliability, x.trust_mission AS trust_mission, x.trust_openness AS trust_openness, x.value_power AS value_power, x.value_involvement AS value_involvement, x.value_resources AS value_resources',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
        ('kinds', 'STRING[]'),
        ('frequency', 'STRING'),
        ('trust', 'DOUBLE'),
        ('value', 'DOUBLE'),
        ('wave', 'STRING'),
        ('trust_reliability', 'INT64'),
        ('trust_mission', 'INT64'),
        ('trust_openness', 'INT64'),
        ('value_power', 'INT64'),
        ('value_involvement', 'INT64'),
        ('value_resources', 'INT64'),
    ),
)

REL_UPSERT_COLLABORATES_WITH_ORGANISATION_ORGANISATION = Query(
    'rel_upsert_collaborates_with_organisation_organisation',
    'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Organisation {uid: r.target}) MERGE (a)-[x:COLLABORATES_WITH {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until, x.kinds = r.kinds, x.frequency = r.frequency, x.trust = r.trust, x.value = r.value, x.wave = r.wave, x.trust_reliability = r.trust_reliability, x.trust_mission = r.trust_mission, x.trust_openness = r.trust_openness, x.value_power = r.value_power, x.value_involvement = r.value_involvement, x.value_resources = r.value_resources RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:COLLABORATES_WITH]->(:Organisation) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:COLLABORATES_WITH]->(b:Organisation) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE), x.kinds = CAST(r.kinds AS STRING[]), x.frequency = CAST(r.frequency AS STRING), x.trust = CAST(r.trust AS DOUBLE), x.value = CAST(r.value AS DOUBLE), x.wave = CAST(r.wave AS STRING), x.trust_reliability = CAST(r.trust_reliability AS INT64), x.trust_mission = CAST(r.trust_mission AS INT64), x.trust_openness = CAST(r.trust_openness AS INT64), x.value_power = CAST(r.value_power AS INT64), x.value_involvement = CAST(r.value_involvement AS INT64), x.value_resources = CAST(r.value_resources AS INT64)',
        create="COPY COLLABORATES_WITH FROM $rows (from='Organisation', to='Organisation')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
            ('kinds', 'STRING[]'),
            ('frequency', 'STRING'),
            ('trust', 'DOUBLE'),
            ('value', 'DOUBLE'),
            ('wave', 'STRING'),
            ('trust_reliability', 'INT64'),
            ('trust_mission', 'INT64'),
            ('trust_openness', 'INT64'),
            ('value_power', 'INT64'),
            ('value_involvement', 'INT64'),
            ('value_resources', 'INT64'),
        ),
        current='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:COLLABORATES_WITH]->(b:Organisation) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.trust AS trust, x.value AS value, x.wave AS wave, x.trust_reliability AS trust_reliability, x.trust_mission AS trust_mission, x.trust_openness AS trust_openness, x.value_power AS value_power, x.value_involvement AS value_involvement, x.value_resources AS value_resources',
        lookup_each='MATCH (a:Organisation {uid: $source})-[x:COLLABORATES_WITH]->(:Organisation) RETURN x.uid AS uid',
        update_each='MATCH (a:Organisation {uid: $source})-[x:COLLABORATES_WITH]->(b:Organisation) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE), x.kinds = CAST($kinds AS STRING[]), x.frequency = CAST($frequency AS STRING), x.trust = CAST($trust AS DOUBLE), x.value = CAST($value AS DOUBLE), x.wave = CAST($wave AS STRING), x.trust_reliability = CAST($trust_reliability AS INT64), x.trust_mission = CAST($trust_mission AS INT64), x.trust_openness = CAST($trust_openness AS INT64), x.value_power = CAST($value_power AS INT64), x.value_involvement = CAST($value_involvement AS INT64), x.value_resources = CAST($value_resources AS INT64)',
        current_each='MATCH (a:Organisation {uid: $source})-[x:COLLABORATES_WITH]->(b:Organisation) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.trust AS trust, x.value AS value, x.wave AS wave, x.trust_reliability AS trust_reliability, x.trust_mission AS trust_mission, x.trust_openness AS trust_openness, x.value_power AS value_power, x.value_involvement AS value_involvement, x.value_resources AS value_resources',
        create_small='UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Organisation {uid: r.target}) CREATE (a)-[x:COLLABORATES_WITH {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE), kinds: CAST(r.kinds AS STRING[]), frequency: CAST(r.frequency AS STRING), trust: CAST(r.trust AS DOUBLE), value: CAST(r.value AS DOUBLE), wave: CAST(r.wave AS STRING), trust_reliability: CAST(r.trust_reliability AS INT64), trust_mission: CAST(r.trust_mission AS INT64), trust_openness: CAST(r.trust_openness AS INT64), value_power: CAST(r.value_power AS INT64), value_involvement: CAST(r.value_involvement AS INT64), value_resources: CAST(r.value_resources AS INT64)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_COLLABORATES_WITH_ORGANISATION_ORGANISATION = Query(
    'rel_delete_collaborates_with_organisation_organisation',
    'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:COLLABORATES_WITH {uid: r.uid}]->(b:Organisation {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_COLLABORATES_WITH_ORGANISATION_ORGANISATION = Query(
    'rel_scan_collaborates_with_organisation_organisation',
    'MATCH (a:Organisation)-[x:COLLABORATES_WITH]->(b:Organisation) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.trust AS trust, x.value AS value, x.wave AS wave, x.trust_reliability AS trust_reliability, x.trust_mission AS trust_mission, x.trust_openness AS trust_openness, x.value_power AS value_power, x.value_involvement AS value_involvement, x.value_resources AS value_resources',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
        ('kinds', 'STRING[]'),
        ('frequency', 'STRING'),
        ('trust', 'DOUBLE'),
        ('value', 'DOUBLE'),
        ('wave', 'STRING'),
        ('trust_reliability', 'INT64'),
        ('trust_mission', 'INT64'),
        ('trust_openness', 'INT64'),
        ('value_power', 'INT64'),
        ('value_involvement', 'INT64'),
        ('value_resources', 'INT64'),
    ),
)


# --- WORKS_WITH ---

REL_UPSERT_WORKS_WITH_PERSON_PERSON = Query(
    'rel_upsert_works_with_person_person',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Person {uid: r.target}) MERGE (a)-[x:WORKS_WITH {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until, x.kinds = r.kinds, x.frequency = r.frequency, x.wave = r.wave RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:WORKS_WITH]->(:Person) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:WORKS_WITH]->(b:Person) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE), x.kinds = CAST(r.kinds AS STRING[]), x.frequency = CAST(r.frequency AS STRING), x.wave = CAST(r.wave AS STRING)',
        create="COPY WORKS_WITH FROM $rows (from='Person', to='Person')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
            ('kinds', 'STRING[]'),
            ('frequency', 'STRING'),
            ('wave', 'STRING'),
        ),
        current='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:WORKS_WITH]->(b:Person) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.wave AS wave',
        lookup_each='MATCH (a:Person {uid: $source})-[x:WORKS_WITH]->(:Person) RETURN x.uid AS uid',
        update_each='MATCH (a:Person {uid: $source})-[x:WORKS_WITH]->(b:Person) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE), x.kinds = CAST($kinds AS STRING[]), x.frequency = CAST($frequency AS STRING), x.wave = CAST($wave AS STRING)',
        current_each='MATCH (a:Person {uid: $source})-[x:WORKS_WITH]->(b:Person) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.wave AS wave',
        create_small='UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Person {uid: r.target}) CREATE (a)-[x:WORKS_WITH {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE), kinds: CAST(r.kinds AS STRING[]), frequency: CAST(r.frequency AS STRING), wave: CAST(r.wave AS STRING)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_WORKS_WITH_PERSON_PERSON = Query(
    'rel_delete_works_with_person_person',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:WORKS_WITH {uid: r.uid}]->(b:Person {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_WORKS_WITH_PERSON_PERSON = Query(
    'rel_scan_works_with_person_person',
    'MATCH (a:Person)-[x:WORKS_WITH]->(b:Person) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.wave AS wave',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
        ('kinds', 'STRING[]'),
        ('frequency', 'STRING'),
        ('wave', 'STRING'),
    ),
)


# --- HAS_STEP ---

REL_UPSERT_HAS_STEP_CARE_PATHWAY_PATHWAY_STEP = Query(
    'rel_upsert_has_step_care_pathway_pathway_step',
    'UNWIND $rows AS r MATCH (a:CarePathway {uid: r.source}) MATCH (b:PathwayStep {uid: r.target}) MERGE (a)-[x:HAS_STEP {uid: r.uid}]->(b) RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:CarePathway {uid: s})-[x:HAS_STEP]->(:PathwayStep) RETURN x.uid AS uid',
        update=None,
        create="COPY HAS_STEP FROM $rows (from='CarePathway', to='PathwayStep')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
        ),
        current='UNWIND $sources AS s MATCH (a:CarePathway {uid: s})-[x:HAS_STEP]->(b:PathwayStep) RETURN x.uid AS uid, b.uid AS target',
        lookup_each='MATCH (a:CarePathway {uid: $source})-[x:HAS_STEP]->(:PathwayStep) RETURN x.uid AS uid',
        update_each=None,
        current_each='MATCH (a:CarePathway {uid: $source})-[x:HAS_STEP]->(b:PathwayStep) RETURN x.uid AS uid, b.uid AS target',
        create_small='UNWIND $rows AS r MATCH (a:CarePathway {uid: r.source}) MATCH (b:PathwayStep {uid: r.target}) CREATE (a)-[x:HAS_STEP {uid: CAST(r.uid AS STRING)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_HAS_STEP_CARE_PATHWAY_PATHWAY_STEP = Query(
    'rel_delete_has_step_care_pathway_pathway_step',
    'UNWIND $rows AS r MATCH (a:CarePathway {uid: r.source})-[x:HAS_STEP {uid: r.uid}]->(b:PathwayStep {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_HAS_STEP_CARE_PATHWAY_PATHWAY_STEP = Query(
    'rel_scan_has_step_care_pathway_pathway_step',
    'MATCH (a:CarePathway)-[x:HAS_STEP]->(b:PathwayStep) RETURN x.uid AS uid, a.uid AS source, b.uid AS target',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
    ),
)


# --- NEXT ---

REL_UPSERT_NEXT_PATHWAY_STEP_PATHWAY_STEP = Query(
    'rel_upsert_next_pathway_step_pathway_step',
    'UNWIND $rows AS r MATCH (a:PathwayStep {uid: r.source}) MATCH (b:PathwayStep {uid: r.target}) MERGE (a)-[x:NEXT {uid: r.uid}]->(b) RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:PathwayStep {uid: s})-[x:NEXT]->(:PathwayStep) RETURN x.uid AS uid',
        update=None,
        create="COPY NEXT FROM $rows (from='PathwayStep', to='PathwayStep')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
        ),
        current='UNWIND $sources AS s MATCH (a:PathwayStep {uid: s})-[x:NEXT]->(b:PathwayStep) RETURN x.uid AS uid, b.uid AS target',
        lookup_each='MATCH (a:PathwayStep {uid: $source})-[x:NEXT]->(:PathwayStep) RETURN x.uid AS uid',
        update_each=None,
        current_each='MATCH (a:PathwayStep {uid: $source})-[x:NEXT]->(b:PathwayStep) RETURN x.uid AS uid, b.uid AS target',
        create_small='UNWIND $rows AS r MATCH (a:PathwayStep {uid: r.source}) MATCH (b:PathwayStep {uid: r.target}) CREATE (a)-[x:NEXT {uid: CAST(r.uid AS STRING)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_NEXT_PATHWAY_STEP_PATHWAY_STEP = Query(
    'rel_delete_next_pathway_step_pathway_step',
    'UNWIND $rows AS r MATCH (a:PathwayStep {uid: r.source})-[x:NEXT {uid: r.uid}]->(b:PathwayStep {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_NEXT_PATHWAY_STEP_PATHWAY_STEP = Query(
    'rel_scan_next_pathway_step_pathway_step',
    'MATCH (a:PathwayStep)-[x:NEXT]->(b:PathwayStep) RETURN x.uid AS uid, a.uid AS source, b.uid AS target',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
    ),
)


# --- DELIVERS ---

REL_UPSERT_DELIVERS_TEAM_PATHWAY_STEP = Query(
    'rel_upsert_delivers_team_pathway_step',
    'UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:PathwayStep {uid: r.target}) MERGE (a)-[x:DELIVERS {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:DELIVERS]->(:PathwayStep) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:DELIVERS]->(b:PathwayStep) WHERE x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)',
        create="COPY DELIVERS FROM $rows (from='Team', to='PathwayStep')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current='UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:DELIVERS]->(b:PathwayStep) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        lookup_each='MATCH (a:Team {uid: $source})-[x:DELIVERS]->(:PathwayStep) RETURN x.uid AS uid',
        update_each='MATCH (a:Team {uid: $source})-[x:DELIVERS]->(b:PathwayStep) WHERE x.uid = $uid AND b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)',
        current_each='MATCH (a:Team {uid: $source})-[x:DELIVERS]->(b:PathwayStep) RETURN x.uid AS uid, b.uid AS target, x.since AS since, x.until AS until',
        create_small='UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:PathwayStep {uid: r.target}) CREATE (a)-[x:DELIVERS {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_DELIVERS_TEAM_PATHWAY_STEP = Query(
    'rel_delete_delivers_team_pathway_step',
    'UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:DELIVERS {uid: r.uid}]->(b:PathwayStep {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_DELIVERS_TEAM_PATHWAY_STEP = Query(
    'rel_scan_delivers_team_pathway_step',
    'MATCH (a:Team)-[x:DELIVERS]->(b:PathwayStep) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, x.until AS until',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)


# --- HAS_CAPABILITY ---

REL_UPSERT_HAS_CAPABILITY_PERSON_CAPABILITY = Query(
    'rel_upsert_has_capability_person_capability',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Capability {uid: r.target}) MERGE (a)-[x:HAS_CAPABILITY {uid: r.uid}]->(b) SET x.level = r.level RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:HAS_CAPABILITY]->(:Capability) RETURN x.uid AS uid',
        update='UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:HAS_CAPABILITY]->(b:Capability) WHERE x.uid = r.uid AND b.uid = r.target SET x.level = CAST(r.level AS INT64)',
        create="COPY HAS_CAPABILITY FROM $rows (from='Person', to='Capability')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('level', 'INT64'),
        ),
        current='UNWIND $sources AS s MATCH (a:Person {uid: s})-[x:HAS_CAPABILITY]->(b:Capability) RETURN x.uid AS uid, b.uid AS target, x.level AS level',
        lookup_each='MATCH (a:Person {uid: $source})-[x:HAS_CAPABILITY]->(:Capability) RETURN x.uid AS uid',
        update_each='MATCH (a:Person {uid: $source})-[x:HAS_CAPABILITY]->(b:Capability) WHERE x.uid = $uid AND b.uid = $target SET x.level = CAST($level AS INT64)',
        current_each='MATCH (a:Person {uid: $source})-[x:HAS_CAPABILITY]->(b:Capability) RETURN x.uid AS uid, b.uid AS target, x.level AS level',
        create_small='UNWIND $rows AS r MATCH (a:Person {uid: r.source}) MATCH (b:Capability {uid: r.target}) CREATE (a)-[x:HAS_CAPABILITY {uid: CAST(r.uid AS STRING), level: CAST(r.level AS INT64)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_HAS_CAPABILITY_PERSON_CAPABILITY = Query(
    'rel_delete_has_capability_person_capability',
    'UNWIND $rows AS r MATCH (a:Person {uid: r.source})-[x:HAS_CAPABILITY {uid: r.uid}]->(b:Capability {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_HAS_CAPABILITY_PERSON_CAPABILITY = Query(
    'rel_scan_has_capability_person_capability',
    'MATCH (a:Person)-[x:HAS_CAPABILITY]->(b:Capability) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.level AS level',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('level', 'INT64'),
    ),
)


# --- DESCRIBES ---

REL_UPSERT_DESCRIBES_DEMOGRAPHIC_PERSON = Query(
    'rel_upsert_describes_demographic_person',
    'UNWIND $rows AS r MATCH (a:Demographic {uid: r.source}) MATCH (b:Person {uid: r.target}) MERGE (a)-[x:DESCRIBES {uid: r.uid}]->(b) RETURN count(x) AS written',
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Demographic {uid: s})-[x:DESCRIBES]->(:Person) RETURN x.uid AS uid',
        update=None,
        create="COPY DESCRIBES FROM $rows (from='Demographic', to='Person')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
        ),
        current='UNWIND $sources AS s MATCH (a:Demographic {uid: s})-[x:DESCRIBES]->(b:Person) RETURN x.uid AS uid, b.uid AS target',
        lookup_each='MATCH (a:Demographic {uid: $source})-[x:DESCRIBES]->(:Person) RETURN x.uid AS uid',
        update_each=None,
        current_each='MATCH (a:Demographic {uid: $source})-[x:DESCRIBES]->(b:Person) RETURN x.uid AS uid, b.uid AS target',
        create_small='UNWIND $rows AS r MATCH (a:Demographic {uid: r.source}) MATCH (b:Person {uid: r.target}) CREATE (a)-[x:DESCRIBES {uid: CAST(r.uid AS STRING)}]->(b) RETURN count(x) AS written',
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_DESCRIBES_DEMOGRAPHIC_PERSON = Query(
    'rel_delete_describes_demographic_person',
    'UNWIND $rows AS r MATCH (a:Demographic {uid: r.source})-[x:DESCRIBES {uid: r.uid}]->(b:Person {uid: r.target}) DELETE x',
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_DESCRIBES_DEMOGRAPHIC_PERSON = Query(
    'rel_scan_describes_demographic_person',
    'MATCH (a:Demographic)-[x:DESCRIBES]->(b:Person) RETURN x.uid AS uid, a.uid AS source, b.uid AS target',
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
    ),
)
