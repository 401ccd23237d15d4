// PARTNER's six sub-items on a collaboration tie (issue 21): a store made before them gains the
// columns, last (after wave), as the model declares them; idempotent, and a no-op on a store whose
// 001_base (generated) already has them. Existing ties keep their single trust and value scores.
ALTER TABLE COLLABORATES_WITH ADD IF NOT EXISTS trust_reliability INT64;
ALTER TABLE COLLABORATES_WITH ADD IF NOT EXISTS trust_mission INT64;
ALTER TABLE COLLABORATES_WITH ADD IF NOT EXISTS trust_openness INT64;
ALTER TABLE COLLABORATES_WITH ADD IF NOT EXISTS value_power INT64;
ALTER TABLE COLLABORATES_WITH ADD IF NOT EXISTS value_involvement INT64;
ALTER TABLE COLLABORATES_WITH ADD IF NOT EXISTS value_resources INT64;
