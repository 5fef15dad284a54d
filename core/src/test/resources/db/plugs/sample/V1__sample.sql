-- The sample plug's own table, with a foreign key to a core table (allowed).
CREATE TABLE note (
    id bigserial PRIMARY KEY,
    facility_id uuid NOT NULL REFERENCES core.facility (id),
    text text NOT NULL
);
