"""Generated named queries of the COLLABORATES_WITH relationship: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

REL_UPSERT_COLLABORATES_WITH_TEAM_TEAM = Query(
    'rel_upsert_collaborates_with_team_team',
    (
        'UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Team {uid: r.target}) MERGE '
        '(a)-[x:COLLABORATES_WITH {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until, x.kinds = r.kinds, '
        'x.frequency = r.frequency, x.trust = r.trust, x.value = r.value, x.wave = r.wave, x.trust_reliability = '
        'r.trust_reliability, x.trust_mission = r.trust_mission, x.trust_openness = r.trust_openness, x.value_power = '
        'r.value_power, x.value_involvement = r.value_involvement, x.value_resources = r.value_resources RETURN '
        'count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:COLLABORATES_WITH]->(:Team) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:COLLABORATES_WITH]->(b:Team) WHERE x.uid = r.uid AND '
            'b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE), x.kinds = '
            'CAST(r.kinds AS STRING[]), x.frequency = CAST(r.frequency AS STRING), x.trust = CAST(r.trust AS DOUBLE), '
            'x.value = CAST(r.value AS DOUBLE), x.wave = CAST(r.wave AS STRING), x.trust_reliability = '
            'CAST(r.trust_reliability AS INT64), x.trust_mission = CAST(r.trust_mission AS INT64), x.trust_openness = '
            'CAST(r.trust_openness AS INT64), x.value_power = CAST(r.value_power AS INT64), x.value_involvement = '
            'CAST(r.value_involvement AS INT64), x.value_resources = CAST(r.value_resources AS INT64)'
        ),
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
        current=(
            'UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:COLLABORATES_WITH]->(b:Team) RETURN x.uid AS uid, b.uid '
            'AS target, x.since AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.trust AS '
            'trust, x.value AS value, x.wave AS wave, x.trust_reliability AS trust_reliability, x.trust_mission AS '
            'trust_mission, x.trust_openness AS trust_openness, x.value_power AS value_power, x.value_involvement AS '
            'value_involvement, x.value_resources AS value_resources'
        ),
        lookup_each='MATCH (a:Team {uid: $source})-[x:COLLABORATES_WITH]->(:Team) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Team {uid: $source})-[x:COLLABORATES_WITH]->(b:Team) WHERE x.uid = $uid AND b.uid = $target SET '
            'x.since = CAST($since AS DATE), x.until = CAST($until AS DATE), x.kinds = CAST($kinds AS STRING[]), '
            'x.frequency = CAST($frequency AS STRING), x.trust = CAST($trust AS DOUBLE), x.value = CAST($value AS '
            'DOUBLE), x.wave = CAST($wave AS STRING), x.trust_reliability = CAST($trust_reliability AS INT64), '
            'x.trust_mission = CAST($trust_mission AS INT64), x.trust_openness = CAST($trust_openness AS INT64), '
            'x.value_power = CAST($value_power AS INT64), x.value_involvement = CAST($value_involvement AS INT64), '
            'x.value_resources = CAST($value_resources AS INT64)'
        ),
        current_each=(
            'MATCH (a:Team {uid: $source})-[x:COLLABORATES_WITH]->(b:Team) RETURN x.uid AS uid, b.uid AS target, '
            'x.since AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.trust AS trust, x.value '
            'AS value, x.wave AS wave, x.trust_reliability AS trust_reliability, x.trust_mission AS trust_mission, '
            'x.trust_openness AS trust_openness, x.value_power AS value_power, x.value_involvement AS '
            'value_involvement, x.value_resources AS value_resources'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:Team {uid: r.target}) CREATE '
            '(a)-[x:COLLABORATES_WITH {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until '
            'AS DATE), kinds: CAST(r.kinds AS STRING[]), frequency: CAST(r.frequency AS STRING), trust: CAST(r.trust '
            'AS DOUBLE), value: CAST(r.value AS DOUBLE), wave: CAST(r.wave AS STRING), trust_reliability: '
            'CAST(r.trust_reliability AS INT64), trust_mission: CAST(r.trust_mission AS INT64), trust_openness: '
            'CAST(r.trust_openness AS INT64), value_power: CAST(r.value_power AS INT64), value_involvement: '
            'CAST(r.value_involvement AS INT64), value_resources: CAST(r.value_resources AS INT64)}]->(b) RETURN '
            'count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_COLLABORATES_WITH_TEAM_TEAM = Query(
    'rel_delete_collaborates_with_team_team',
    (
        'UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:COLLABORATES_WITH {uid: r.uid}]->(b:Team {uid: r.target}) '
        'DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_COLLABORATES_WITH_TEAM_TEAM = Query(
    'rel_scan_collaborates_with_team_team',
    (
        'MATCH (a:Team)-[x:COLLABORATES_WITH]->(b:Team) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since '
        'AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.trust AS trust, x.value AS value, '
        'x.wave AS wave, x.trust_reliability AS trust_reliability, x.trust_mission AS trust_mission, x.trust_openness '
        'AS trust_openness, x.value_power AS value_power, x.value_involvement AS value_involvement, x.value_resources '
        'AS value_resources'
    ),
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
    (
        'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Organisation {uid: r.target}) MERGE '
        '(a)-[x:COLLABORATES_WITH {uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until, x.kinds = r.kinds, '
        'x.frequency = r.frequency, x.trust = r.trust, x.value = r.value, x.wave = r.wave, x.trust_reliability = '
        'r.trust_reliability, x.trust_mission = r.trust_mission, x.trust_openness = r.trust_openness, x.value_power = '
        'r.value_power, x.value_involvement = r.value_involvement, x.value_resources = r.value_resources RETURN '
        'count(x) AS written'
    ),
    ladybug=Upsert(
        lookup=(
            'UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:COLLABORATES_WITH]->(:Organisation) RETURN x.uid '
            'AS uid'
        ),
        update=(
            'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:COLLABORATES_WITH]->(b:Organisation) WHERE '
            'x.uid = r.uid AND b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE), '
            'x.kinds = CAST(r.kinds AS STRING[]), x.frequency = CAST(r.frequency AS STRING), x.trust = CAST(r.trust AS '
            'DOUBLE), x.value = CAST(r.value AS DOUBLE), x.wave = CAST(r.wave AS STRING), x.trust_reliability = '
            'CAST(r.trust_reliability AS INT64), x.trust_mission = CAST(r.trust_mission AS INT64), x.trust_openness = '
            'CAST(r.trust_openness AS INT64), x.value_power = CAST(r.value_power AS INT64), x.value_involvement = '
            'CAST(r.value_involvement AS INT64), x.value_resources = CAST(r.value_resources AS INT64)'
        ),
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
        current=(
            'UNWIND $sources AS s MATCH (a:Organisation {uid: s})-[x:COLLABORATES_WITH]->(b:Organisation) RETURN x.uid '
            'AS uid, b.uid AS target, x.since AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, '
            'x.trust AS trust, x.value AS value, x.wave AS wave, x.trust_reliability AS trust_reliability, '
            'x.trust_mission AS trust_mission, x.trust_openness AS trust_openness, x.value_power AS value_power, '
            'x.value_involvement AS value_involvement, x.value_resources AS value_resources'
        ),
        lookup_each='MATCH (a:Organisation {uid: $source})-[x:COLLABORATES_WITH]->(:Organisation) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Organisation {uid: $source})-[x:COLLABORATES_WITH]->(b:Organisation) WHERE x.uid = $uid AND '
            'b.uid = $target SET x.since = CAST($since AS DATE), x.until = CAST($until AS DATE), x.kinds = CAST($kinds '
            'AS STRING[]), x.frequency = CAST($frequency AS STRING), x.trust = CAST($trust AS DOUBLE), x.value = '
            'CAST($value AS DOUBLE), x.wave = CAST($wave AS STRING), x.trust_reliability = CAST($trust_reliability AS '
            'INT64), x.trust_mission = CAST($trust_mission AS INT64), x.trust_openness = CAST($trust_openness AS '
            'INT64), x.value_power = CAST($value_power AS INT64), x.value_involvement = CAST($value_involvement AS '
            'INT64), x.value_resources = CAST($value_resources AS INT64)'
        ),
        current_each=(
            'MATCH (a:Organisation {uid: $source})-[x:COLLABORATES_WITH]->(b:Organisation) RETURN x.uid AS uid, b.uid '
            'AS target, x.since AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.trust AS '
            'trust, x.value AS value, x.wave AS wave, x.trust_reliability AS trust_reliability, x.trust_mission AS '
            'trust_mission, x.trust_openness AS trust_openness, x.value_power AS value_power, x.value_involvement AS '
            'value_involvement, x.value_resources AS value_resources'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source}) MATCH (b:Organisation {uid: r.target}) CREATE '
            '(a)-[x:COLLABORATES_WITH {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until '
            'AS DATE), kinds: CAST(r.kinds AS STRING[]), frequency: CAST(r.frequency AS STRING), trust: CAST(r.trust '
            'AS DOUBLE), value: CAST(r.value AS DOUBLE), wave: CAST(r.wave AS STRING), trust_reliability: '
            'CAST(r.trust_reliability AS INT64), trust_mission: CAST(r.trust_mission AS INT64), trust_openness: '
            'CAST(r.trust_openness AS INT64), value_power: CAST(r.value_power AS INT64), value_involvement: '
            'CAST(r.value_involvement AS INT64), value_resources: CAST(r.value_resources AS INT64)}]->(b) RETURN '
            'count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_COLLABORATES_WITH_ORGANISATION_ORGANISATION = Query(
    'rel_delete_collaborates_with_organisation_organisation',
    (
        'UNWIND $rows AS r MATCH (a:Organisation {uid: r.source})-[x:COLLABORATES_WITH {uid: r.uid}]->(b:Organisation '
        '{uid: r.target}) DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_COLLABORATES_WITH_ORGANISATION_ORGANISATION = Query(
    'rel_scan_collaborates_with_organisation_organisation',
    (
        'MATCH (a:Organisation)-[x:COLLABORATES_WITH]->(b:Organisation) RETURN x.uid AS uid, a.uid AS source, b.uid AS '
        'target, x.since AS since, x.until AS until, x.kinds AS kinds, x.frequency AS frequency, x.trust AS trust, '
        'x.value AS value, x.wave AS wave, x.trust_reliability AS trust_reliability, x.trust_mission AS trust_mission, '
        'x.trust_openness AS trust_openness, x.value_power AS value_power, x.value_involvement AS value_involvement, '
        'x.value_resources AS value_resources'
    ),
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
