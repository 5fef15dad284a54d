-- census' read model: every location core has told us about, with the ward it belongs to and, for beds, the status.
-- Kept from signals only; "position" is the outbox position of the last signal applied, so a replayed older
-- signal never overwrites newer state.
CREATE TABLE location (
    id           uuid PRIMARY KEY REFERENCES core.location (id),
    facility_id  uuid        NOT NULL REFERENCES core.facility (id),
    parent_id    uuid,
    ward_id      uuid,
    kind         text        NOT NULL,
    name         text        NOT NULL,
    active       boolean     NOT NULL,
    bed_status   text,
    encounter_id uuid,
    position     bigint      NOT NULL
);
CREATE INDEX location_facility_ward ON location (facility_id, ward_id) WHERE kind = 'BED';
CREATE INDEX location_parent ON location (parent_id);
