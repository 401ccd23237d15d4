// Culture indicators (issue 18): a store migrated before them gains the table; idempotent, and a
// no-op on a store whose 001_base (generated) already made it.
CREATE NODE TABLE IF NOT EXISTS CultureIndicator(uid STRING PRIMARY KEY, anchor STRING, survey STRING, year INT64, wave STRING, indicator STRING, value DOUBLE, scale STRING, responses INT64, source STRING);
