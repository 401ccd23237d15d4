"""Generated named queries of the DELIVERS relationship: do not edit (see the package)."""

from carenet.storage.queries.registry import Query, Upsert

REL_UPSERT_DELIVERS_TEAM_PATHWAY_STEP = Query(
    'rel_upsert_delivers_team_pathway_step',
    (
        'UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:PathwayStep {uid: r.target}) MERGE (a)-[x:DELIVERS '
        '{uid: r.uid}]->(b) SET x.since = r.since, x.until = r.until RETURN count(x) AS written'
    ),
    ladybug=Upsert(
        lookup='UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:DELIVERS]->(:PathwayStep) RETURN x.uid AS uid',
        update=(
            'UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:DELIVERS]->(b:PathwayStep) WHERE x.uid = r.uid AND '
            'b.uid = r.target SET x.since = CAST(r.since AS DATE), x.until = CAST(r.until AS DATE)'
        ),
        create="COPY DELIVERS FROM $rows (from='Team', to='PathwayStep')",
        columns=(
            ('source', 'STRING'),
            ('target', 'STRING'),
            ('uid', 'STRING'),
            ('since', 'DATE'),
            ('until', 'DATE'),
        ),
        current=(
            'UNWIND $sources AS s MATCH (a:Team {uid: s})-[x:DELIVERS]->(b:PathwayStep) RETURN x.uid AS uid, b.uid AS '
            'target, x.since AS since, x.until AS until'
        ),
        lookup_each='MATCH (a:Team {uid: $source})-[x:DELIVERS]->(:PathwayStep) RETURN x.uid AS uid',
        update_each=(
            'MATCH (a:Team {uid: $source})-[x:DELIVERS]->(b:PathwayStep) WHERE x.uid = $uid AND b.uid = $target SET '
            'x.since = CAST($since AS DATE), x.until = CAST($until AS DATE)'
        ),
        current_each=(
            'MATCH (a:Team {uid: $source})-[x:DELIVERS]->(b:PathwayStep) RETURN x.uid AS uid, b.uid AS target, x.since '
            'AS since, x.until AS until'
        ),
        create_small=(
            'UNWIND $rows AS r MATCH (a:Team {uid: r.source}) MATCH (b:PathwayStep {uid: r.target}) CREATE '
            '(a)-[x:DELIVERS {uid: CAST(r.uid AS STRING), since: CAST(r.since AS DATE), until: CAST(r.until AS '
            'DATE)}]->(b) RETURN count(x) AS written'
        ),
    ),
    write=True,
    skip_if_empty='rows',
    counted=True,
)

REL_DELETE_DELIVERS_TEAM_PATHWAY_STEP = Query(
    'rel_delete_delivers_team_pathway_step',
    (
        'UNWIND $rows AS r MATCH (a:Team {uid: r.source})-[x:DELIVERS {uid: r.uid}]->(b:PathwayStep {uid: r.target}) '
        'DELETE x'
    ),
    write=True,
    skip_if_empty='rows',
)

REL_SCAN_DELIVERS_TEAM_PATHWAY_STEP = Query(
    'rel_scan_delivers_team_pathway_step',
    (
        'MATCH (a:Team)-[x:DELIVERS]->(b:PathwayStep) RETURN x.uid AS uid, a.uid AS source, b.uid AS target, x.since '
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
