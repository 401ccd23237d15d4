// Generated from carenet.domain by `python -m carenet.storage.codegen`: do not edit.

CREATE NODE TABLE IF NOT EXISTS System(uid STRING PRIMARY KEY, name STRING, ods_code STRING, gss_code STRING);
CREATE NODE TABLE IF NOT EXISTS Place(uid STRING PRIMARY KEY, name STRING, gss_code STRING);
CREATE NODE TABLE IF NOT EXISTS Neighbourhood(uid STRING PRIMARY KEY, name STRING, pcn_code STRING);
CREATE NODE TABLE IF NOT EXISTS Organisation(uid STRING PRIMARY KEY, betweenness DOUBLE, brokerage DOUBLE, constraint DOUBLE, community INT64, name STRING, kind STRING, sector STRING, ods_code STRING, gss_code STRING, school_urn STRING, cqc_location_id STRING, charity_number STRING, housing_regulator_code STRING, postcode STRING, parent_code STRING, opened DATE, closed DATE);
CREATE NODE TABLE IF NOT EXISTS Team(uid STRING PRIMARY KEY, betweenness DOUBLE, brokerage DOUBLE, constraint DOUBLE, community INT64, name STRING, service STRING, sector STRING);
CREATE NODE TABLE IF NOT EXISTS Person(uid STRING PRIMARY KEY, betweenness DOUBLE, brokerage DOUBLE, constraint DOUBLE, community INT64, name STRING, role STRING, level STRING, staff_group STRING, band STRING, clinical BOOLEAN);
CREATE NODE TABLE IF NOT EXISTS Demographic(uid STRING PRIMARY KEY, ethnic_category STRING, sex STRING);
CREATE NODE TABLE IF NOT EXISTS Forum(uid STRING PRIMARY KEY, name STRING, kind STRING);
CREATE NODE TABLE IF NOT EXISTS CarePathway(uid STRING PRIMARY KEY, name STRING, description STRING);
CREATE NODE TABLE IF NOT EXISTS PathwayStep(uid STRING PRIMARY KEY, name STRING, position INT64);
CREATE NODE TABLE IF NOT EXISTS Capability(uid STRING PRIMARY KEY, name STRING, description STRING);
CREATE NODE TABLE IF NOT EXISTS SurveyWave(uid STRING PRIMARY KEY, name STRING, collected_on DATE);
CREATE NODE TABLE IF NOT EXISTS LeadershipDemand(uid STRING PRIMARY KEY, area STRING, level STRING, year INT64, required INT64);
CREATE NODE TABLE IF NOT EXISTS Baseline(uid STRING PRIMARY KEY, area STRING, kind STRING, dimension STRING, category STRING, percent DOUBLE);
CREATE NODE TABLE IF NOT EXISTS Migration(uid STRING PRIMARY KEY, version INT64, name STRING, applied_at TIMESTAMP);
CREATE REL TABLE IF NOT EXISTS PART_OF(FROM Team TO Organisation, FROM Organisation TO Organisation, FROM Organisation TO Place, FROM Organisation TO System, FROM Place TO System, FROM Neighbourhood TO Place, FROM Forum TO Place, FROM Forum TO System, FROM SurveyWave TO System, uid STRING, since DATE, until DATE);
CREATE REL TABLE IF NOT EXISTS SERVES(FROM Team TO Place, FROM Team TO Neighbourhood, FROM Organisation TO Place, FROM Organisation TO Neighbourhood, uid STRING, since DATE, until DATE);
CREATE REL TABLE IF NOT EXISTS MEMBER_OF(FROM Person TO Team, FROM Person TO Organisation, uid STRING, since DATE, until DATE, role STRING);
CREATE REL TABLE IF NOT EXISTS LEADS(FROM Person TO Team, FROM Person TO Organisation, FROM Person TO Place, FROM Person TO Forum, uid STRING, since DATE, until DATE);
CREATE REL TABLE IF NOT EXISTS SITS_ON(FROM Person TO Forum, FROM Organisation TO Forum, uid STRING, since DATE, until DATE, role STRING);
CREATE REL TABLE IF NOT EXISTS COLLABORATES_WITH(FROM Team TO Team, FROM Organisation TO Organisation, uid STRING, since DATE, until DATE, kinds STRING[], frequency STRING, trust DOUBLE, value DOUBLE, wave STRING);
CREATE REL TABLE IF NOT EXISTS WORKS_WITH(FROM Person TO Person, uid STRING, since DATE, until DATE, kinds STRING[], frequency STRING, wave STRING);
CREATE REL TABLE IF NOT EXISTS HAS_STEP(FROM CarePathway TO PathwayStep, uid STRING);
CREATE REL TABLE IF NOT EXISTS NEXT(FROM PathwayStep TO PathwayStep, uid STRING);
CREATE REL TABLE IF NOT EXISTS DELIVERS(FROM Team TO PathwayStep, uid STRING, since DATE, until DATE);
CREATE REL TABLE IF NOT EXISTS HAS_CAPABILITY(FROM Person TO Capability, uid STRING, level INT64);
CREATE REL TABLE IF NOT EXISTS DESCRIBES(FROM Demographic TO Person, uid STRING);
