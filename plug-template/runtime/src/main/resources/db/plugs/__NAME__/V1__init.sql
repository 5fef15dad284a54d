-- The __NAME__ plug's own tables, in schema plug___NAME__ (created by core; '-' in the name becomes '_').
-- Foreign keys to core tables are fine; changing core tables is refused at build and by the database.
CREATE TABLE facility_seen (
    facility_id uuid PRIMARY KEY REFERENCES core.facility (id),
    name        text        NOT NULL,
    seen_at     timestamptz NOT NULL
);
