"""Generated named queries of the PART_OF relationship: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

REL_UPSERT_PART_OF_TEAM_ORGANISATION = Query(
    'rel_upsert_part_of_team_organisation',
    (
        'UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Organisation {uid: r.target}) MERGE (a)-[x:PART_OF '
        '{uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:PART_OF]->(:Organisation) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:PART_OF]->(b:Organisation) WHERE x.uid = r.uid AND '
            'b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY PART_OF FROM $rows (from='Team', to='Organisation')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:PART_OF]->(b:Organisation) RETURN x.uid AS uid, b.uid AS '
            'target, x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Team {uid: $source})-[x:PART_OF]->(:Organisation) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Team {uid: $source})-[x:PART_OF]->(b:Organisation) WHERE x.uid = $uid AND b.uid = $target SET '
            'x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Team {uid: $source})-[x:PART_OF]->(b:Organisation) RETURN x.uid AS uid, b.uid AS target, x.since '
            'AS since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Organisation {uid: r.target}) CREATE '
            '(a)-[x:PART_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS '
            'DATE)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_PART_OF_TEAM_ORGANISATION = Query(
    'rel_delete_part_of_team_organisation',
    (
        'UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:PART_OF {uid: r.uid}]->(b:Organisation {uid: r.target}) '
        'DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_PART_OF_TEAM_ORGANISATION = Query(
    'rel_scan_part_of_team_organisation',
    (
        'MATCH (a:Team)-[x:PART_OF]->(b:Organisation) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since '
        'AS since, x.until AS until'
    ),
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
    (
        'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Organisation {uid: r.target}) MERGE '
        '(a)-[x:PART_OF {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:PART_OF]->(:Organisation) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:PART_OF]->(b:Organisation) WHERE x.uid = '
            'r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY PART_OF FROM $rows (from='Organisation', to='Organisation')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:PART_OF]->(b:Organisation) RETURN x.uid AS uid, '
            'b.uid AS target, x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(:Organisation) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(b:Organisation) WHERE x.uid = $uid AND b.uid = '
            '$target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(b:Organisation) RETURN x.uid AS uid, b.uid AS target, '
            'x.since AS since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Organisation {uid: r.target}) CREATE '
            '(a)-[x:PART_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS '
            'DATE)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_PART_OF_ORGANISATION_ORGANISATION = Query(
    'rel_delete_part_of_organisation_organisation',
    (
        'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:PART_OF {uid: r.uid}]->(b:Organisation {uid: '
        'r.target}) DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_PART_OF_ORGANISATION_ORGANISATION = Query(
    'rel_scan_part_of_organisation_organisation',
    (
        'MATCH (a:Organisation)-[x:PART_OF]->(b:Organisation) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, '
        'x.since AS since, x.until AS until'
    ),
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
    (
        'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Place {uid: r.target}) MERGE (a)-[x:PART_OF '
        '{uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:PART_OF]->(:Place) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:PART_OF]->(b:Place) WHERE x.uid = r.uid AND '
            'b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY PART_OF FROM $rows (from='Organisation', to='Place')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, b.uid AS '
            'target, x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(:Place) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(b:Place) WHERE x.uid = $uid AND b.uid = $target SET '
            'x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, b.uid AS target, '
            'x.since AS since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Place {uid: r.target}) CREATE '
            '(a)-[x:PART_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS '
            'DATE)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_PART_OF_ORGANISATION_PLACE = Query(
    'rel_delete_part_of_organisation_place',
    (
        'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:PART_OF {uid: r.uid}]->(b:Place {uid: r.target}) '
        'DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_PART_OF_ORGANISATION_PLACE = Query(
    'rel_scan_part_of_organisation_place',
    (
        'MATCH (a:Organisation)-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since '
        'AS since, x.until AS until'
    ),
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
    (
        'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:System {uid: r.target}) MERGE '
        '(a)-[x:PART_OF {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:PART_OF]->(b:System) WHERE x.uid = r.uid AND '
            'b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY PART_OF FROM $rows (from='Organisation', to='System')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid '
            'AS target, x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(b:System) WHERE x.uid = $uid AND b.uid = $target SET '
            'x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Organisation {uid: $source})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid AS target, '
            'x.since AS since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:System {uid: r.target}) CREATE '
            '(a)-[x:PART_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS '
            'DATE)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_PART_OF_ORGANISATION_SYSTEM = Query(
    'rel_delete_part_of_organisation_system',
    (
        'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:PART_OF {uid: r.uid}]->(b:System {uid: r.target}) '
        'DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_PART_OF_ORGANISATION_SYSTEM = Query(
    'rel_scan_part_of_organisation_system',
    (
        'MATCH (a:Organisation)-[x:PART_OF]->(b:System) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since '
        'AS since, x.until AS until'
    ),
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
    (
        'UNWIND $rows AS r MATCH (a:Place {uid: r.source}) MATCH (b:System {uid: r.target}) MERGE (a)-[x:PART_OF {uid: '
        'r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Place {uid: s})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Place {uid: r.source})-[x:PART_OF]->(b:System) WHERE x.uid = r.uid AND b.uid = '
            'r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY PART_OF FROM $rows (from='Place', to='System')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Place {uid: s})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid AS '
            'target, x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Place {uid: $source})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Place {uid: $source})-[x:PART_OF]->(b:System) WHERE x.uid = $uid AND b.uid = $target SET x.since '
            '= CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Place {uid: $source})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid AS target, x.since AS '
            'since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Place {uid: r.source}) MATCH (b:System {uid: r.target}) CREATE (a)-[x:PART_OF '
            '{uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN '
            'count(x) AS written'
        ),
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
    (
        'MATCH (a:Place)-[x:PART_OF]->(b:System) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS '
        'since, x.until AS until'
    ),
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
    (
        'UNWIND $rows AS r MATCH (a:Neighbourhood {uid: r.source}) MATCH (b:Place {uid: r.target}) MERGE '
        '(a)-[x:PART_OF {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Neighbourhood {uid: s})-[x:PART_OF]->(:Place) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Neighbourhood {uid: r.source})-[x:PART_OF]->(b:Place) WHERE x.uid = r.uid AND '
            'b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY PART_OF FROM $rows (from='Neighbourhood', to='Place')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Neighbourhood {uid: s})-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, b.uid '
            'AS target, x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Neighbourhood {uid: $source})-[x:PART_OF]->(:Place) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Neighbourhood {uid: $source})-[x:PART_OF]->(b:Place) WHERE x.uid = $uid AND b.uid = $target SET '
            'x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Neighbourhood {uid: $source})-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, b.uid AS target, '
            'x.since AS since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Neighbourhood {uid: r.source}) MATCH (b:Place {uid: r.target}) CREATE '
            '(a)-[x:PART_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS '
            'DATE)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_PART_OF_NEIGHBOURHOOD_PLACE = Query(
    'rel_delete_part_of_neighbourhood_place',
    (
        'UNWIND $rows AS r MATCH (a:Neighbourhood {uid: r.source})-[x:PART_OF {uid: r.uid}]->(b:Place {uid: r.target}) '
        'DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_PART_OF_NEIGHBOURHOOD_PLACE = Query(
    'rel_scan_part_of_neighbourhood_place',
    (
        'MATCH (a:Neighbourhood)-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since '
        'AS since, x.until AS until'
    ),
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
    (
        'UNWIND $rows AS r MATCH (a:Forum {uid: r.source}) MATCH (b:Place {uid: r.target}) MERGE (a)-[x:PART_OF {uid: '
        'r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Forum {uid: s})-[x:PART_OF]->(:Place) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Forum {uid: r.source})-[x:PART_OF]->(b:Place) WHERE x.uid = r.uid AND b.uid = '
            'r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY PART_OF FROM $rows (from='Forum', to='Place')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Forum {uid: s})-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, b.uid AS '
            'target, x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Forum {uid: $source})-[x:PART_OF]->(:Place) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Forum {uid: $source})-[x:PART_OF]->(b:Place) WHERE x.uid = $uid AND b.uid = $target SET x.since '
            '= CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Forum {uid: $source})-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since AS '
            'since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Forum {uid: r.source}) MATCH (b:Place {uid: r.target}) CREATE (a)-[x:PART_OF '
            '{uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN '
            'count(x) AS written'
        ),
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
    (
        'MATCH (a:Forum)-[x:PART_OF]->(b:Place) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS '
        'since, x.until AS until'
    ),
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
    (
        'UNWIND $rows AS r MATCH (a:Forum {uid: r.source}) MATCH (b:System {uid: r.target}) MERGE (a)-[x:PART_OF {uid: '
        'r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Forum {uid: s})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Forum {uid: r.source})-[x:PART_OF]->(b:System) WHERE x.uid = r.uid AND b.uid = '
            'r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY PART_OF FROM $rows (from='Forum', to='System')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Forum {uid: s})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid AS '
            'target, x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Forum {uid: $source})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Forum {uid: $source})-[x:PART_OF]->(b:System) WHERE x.uid = $uid AND b.uid = $target SET x.since '
            '= CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Forum {uid: $source})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid AS target, x.since AS '
            'since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Forum {uid: r.source}) MATCH (b:System {uid: r.target}) CREATE (a)-[x:PART_OF '
            '{uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN '
            'count(x) AS written'
        ),
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
    (
        'MATCH (a:Forum)-[x:PART_OF]->(b:System) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS '
        'since, x.until AS until'
    ),
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
    (
        'UNWIND $rows AS r MATCH (a:SurveyWave {uid: r.source}) MATCH (b:System {uid: r.target}) MERGE (a)-[x:PART_OF '
        '{uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:SurveyWave {uid: s})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:SurveyWave {uid: r.source})-[x:PART_OF]->(b:System) WHERE x.uid = r.uid AND '
            'b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY PART_OF FROM $rows (from='SurveyWave', to='System')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:SurveyWave {uid: s})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid AS '
            'target, x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:SurveyWave {uid: $source})-[x:PART_OF]->(:System) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:SurveyWave {uid: $source})-[x:PART_OF]->(b:System) WHERE x.uid = $uid AND b.uid = $target SET '
            'x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:SurveyWave {uid: $source})-[x:PART_OF]->(b:System) RETURN x.uid AS uid, b.uid AS target, x.since '
            'AS since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:SurveyWave {uid: r.source}) MATCH (b:System {uid: r.target}) CREATE '
            '(a)-[x:PART_OF {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS '
            'DATE)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_PART_OF_SURVEY_WAVE_SYSTEM = Query(
    'rel_delete_part_of_survey_wave_system',
    (
        'UNWIND $rows AS r MATCH (a:SurveyWave {uid: r.source})-[x:PART_OF {uid: r.uid}]->(b:System {uid: r.target}) '
        'DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_PART_OF_SURVEY_WAVE_SYSTEM = Query(
    'rel_scan_part_of_survey_wave_system',
    (
        'MATCH (a:SurveyWave)-[x:PART_OF]->(b:System) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since '
        'AS since, x.until AS until'
    ),
    columns=(
        ('uid', 'STRING'),
        ('source', 'STRING'),
        ('target', 'STRING'),
        ('since', 'DATE'),
        ('until', 'DATE'),
    ),
)
