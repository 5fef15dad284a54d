-- The migrations each plug's schema was last migrated to, as a fingerprint of their files, and the schema history's
-- last rank then: a start whose plug migrations are unchanged skips building a Flyway for them (PlugSchemas).
CREATE TABLE migration_fingerprint (
    schema_name   varchar(63) PRIMARY KEY,
    fingerprint   varchar(64) NOT NULL,
    history_rank  integer     NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
