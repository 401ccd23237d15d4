"""Generated named queries of the SERVES relationship: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

REL_UPSERT_SERVES_TEAM_PLACE = Query(
    'rel_upsert_serves_team_place',
    (
        'UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Place {uid: r.target}) MERGE (a)-[x:SERVES {uid: '
        'r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:SERVES]->(:Place) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:SERVES]->(b:Place) WHERE x.uid = r.uid AND b.uid = '
            'r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY SERVES FROM $rows (from='Team', to='Place')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:SERVES]->(b:Place) RETURN x.uid AS uid, b.uid AS target, '
            'x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Team {uid: $source})-[x:SERVES]->(:Place) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Team {uid: $source})-[x:SERVES]->(b:Place) WHERE x.uid = $uid AND b.uid = $target SET x.since = '
            'CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Team {uid: $source})-[x:SERVES]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since AS '
            'since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Place {uid: r.target}) CREATE (a)-[x:SERVES '
            '{uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS DATE)}]->(b) RETURN '
            'count(x) AS written'
        ),
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
    (
        'MATCH (a:Team)-[x:SERVES]->(b:Place) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since AS since, '
        'x.until AS until'
    ),
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
    (
        'UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Neighbourhood {uid: r.target}) MERGE (a)-[x:SERVES '
        '{uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:SERVES]->(:Neighbourhood) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:SERVES]->(b:Neighbourhood) WHERE x.uid = r.uid AND '
            'b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY SERVES FROM $rows (from='Team', to='Neighbourhood')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:SERVES]->(b:Neighbourhood) RETURN x.uid AS uid, b.uid AS '
            'target, x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Team {uid: $source})-[x:SERVES]->(:Neighbourhood) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Team {uid: $source})-[x:SERVES]->(b:Neighbourhood) WHERE x.uid = $uid AND b.uid = $target SET '
            'x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Team {uid: $source})-[x:SERVES]->(b:Neighbourhood) RETURN x.uid AS uid, b.uid AS target, x.since '
            'AS since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Neighbourhood {uid: r.target}) CREATE '
            '(a)-[x:SERVES {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS '
            'DATE)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_SERVES_TEAM_NEIGHBOURHOOD = Query(
    'rel_delete_serves_team_neighbourhood',
    (
        'UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:SERVES {uid: r.uid}]->(b:Neighbourhood {uid: r.target}) '
        'DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_SERVES_TEAM_NEIGHBOURHOOD = Query(
    'rel_scan_serves_team_neighbourhood',
    (
        'MATCH (a:Team)-[x:SERVES]->(b:Neighbourhood) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since '
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

REL_UPSERT_SERVES_ORGANISATION_PLACE = Query(
    'rel_upsert_serves_organisation_place',
    (
        'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Place {uid: r.target}) MERGE (a)-[x:SERVES '
        '{uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:SERVES]->(:Place) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:SERVES]->(b:Place) WHERE x.uid = r.uid AND '
            'b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY SERVES FROM $rows (from='Organisation', to='Place')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:SERVES]->(b:Place) RETURN x.uid AS uid, b.uid AS '
            'target, x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Organisation {uid: $source})-[x:SERVES]->(:Place) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Organisation {uid: $source})-[x:SERVES]->(b:Place) WHERE x.uid = $uid AND b.uid = $target SET '
            'x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Organisation {uid: $source})-[x:SERVES]->(b:Place) RETURN x.uid AS uid, b.uid AS target, x.since '
            'AS since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Place {uid: r.target}) CREATE '
            '(a)-[x:SERVES {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS '
            'DATE)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_SERVES_ORGANISATION_PLACE = Query(
    'rel_delete_serves_organisation_place',
    (
        'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:SERVES {uid: r.uid}]->(b:Place {uid: r.target}) '
        'DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_SERVES_ORGANISATION_PLACE = Query(
    'rel_scan_serves_organisation_place',
    (
        'MATCH (a:Organisation)-[x:SERVES]->(b:Place) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since '
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

REL_UPSERT_SERVES_ORGANISATION_NEIGHBOURHOOD = Query(
    'rel_upsert_serves_organisation_neighbourhood',
    (
        'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Neighbourhood {uid: r.target}) MERGE '
        '(a)-[x:SERVES {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:SERVES]->(:Neighbourhood) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:SERVES]->(b:Neighbourhood) WHERE x.uid = '
            'r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY SERVES FROM $rows (from='Organisation', to='Neighbourhood')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:SERVES]->(b:Neighbourhood) RETURN x.uid AS uid, '
            'b.uid AS target, x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Organisation {uid: $source})-[x:SERVES]->(:Neighbourhood) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Organisation {uid: $source})-[x:SERVES]->(b:Neighbourhood) WHERE x.uid = $uid AND b.uid = '
            '$target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Organisation {uid: $source})-[x:SERVES]->(b:Neighbourhood) RETURN x.uid AS uid, b.uid AS target, '
            'x.since AS since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Neighbourhood {uid: r.target}) CREATE '
            '(a)-[x:SERVES {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS '
            'DATE)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_SERVES_ORGANISATION_NEIGHBOURHOOD = Query(
    'rel_delete_serves_organisation_neighbourhood',
    (
        'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:SERVES {uid: r.uid}]->(b:Neighbourhood {uid: '
        'r.target}) DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_SERVES_ORGANISATION_NEIGHBOURHOOD = Query(
    'rel_scan_serves_organisation_neighbourhood',
    (
        'MATCH (a:Organisation)-[x:SERVES]->(b:Neighbourhood) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, '
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
