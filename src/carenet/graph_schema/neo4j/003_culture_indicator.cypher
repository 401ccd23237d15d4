// Culture indicators (issue 18): a store migrated before them gains the uid constraint; idempotent.
CREATE CONSTRAINT culture_indicator_uid_unique IF NOT EXISTS FOR (n:CultureIndicator) REQUIRE n.uid IS UNIQUE;
