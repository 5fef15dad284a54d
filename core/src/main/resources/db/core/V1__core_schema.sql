-- Core schema: what every facility needs. Plugs never alter these tables (they own their own schemas).
-- Audit columns: created/updated at and by (the acting username, 'system' for bootstrap work).
-- Clinical records are never hard-deleted: triggers below refuse DELETE on them.

CREATE TABLE facility (
    id          uuid PRIMARY KEY,
    name        varchar(200) NOT NULL,
    kind        varchar(40)  NOT NULL,
    address     varchar(500),
    district    varchar(120),
    state       varchar(120),
    active      boolean      NOT NULL DEFAULT true,
    version     bigint       NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL,
    created_by  varchar(150) NOT NULL,
    updated_at  timestamptz  NOT NULL,
    updated_by  varchar(150) NOT NULL,
    CONSTRAINT facility_kind_chk CHECK (kind IN ('HOSPITAL', 'CLINIC', 'PRIMARY_HEALTH_CENTRE', 'COMMUNITY_HEALTH_CENTRE', 'LAB', 'OTHER'))
);
CREATE INDEX facility_name_idx ON facility (lower(name));

-- Location tree: WARD (root) -> ROOM -> BED, or WARD -> BED. The composite foreign key keeps a child
-- in its parent's facility; the parent's kind is checked by a trigger.
CREATE TABLE location (
    id           uuid PRIMARY KEY,
    facility_id  uuid         NOT NULL REFERENCES facility (id),
    parent_id    uuid,
    kind         varchar(10)  NOT NULL,
    name         varchar(200) NOT NULL,
    bed_status   varchar(20),
    active       boolean      NOT NULL DEFAULT true,
    version      bigint       NOT NULL DEFAULT 0,
    created_at   timestamptz  NOT NULL,
    created_by   varchar(150) NOT NULL,
    updated_at   timestamptz  NOT NULL,
    updated_by   varchar(150) NOT NULL,
    CONSTRAINT location_id_facility_uq UNIQUE (id, facility_id),
    CONSTRAINT location_id_facility_kind_uq UNIQUE (id, facility_id, kind),
    CONSTRAINT location_parent_fk FOREIGN KEY (parent_id, facility_id) REFERENCES location (id, facility_id),
    CONSTRAINT location_kind_chk CHECK (kind IN ('WARD', 'ROOM', 'BED')),
    CONSTRAINT location_root_chk CHECK ((kind = 'WARD') = (parent_id IS NULL)),
    CONSTRAINT location_bed_status_chk CHECK (
        (kind = 'BED' AND bed_status IN ('FREE', 'OCCUPIED', 'CLEANING', 'OUT_OF_SERVICE'))
        OR (kind <> 'BED' AND bed_status IS NULL))
);
CREATE INDEX location_facility_idx ON location (facility_id, kind);
CREATE INDEX location_parent_idx ON location (parent_id);
CREATE UNIQUE INDEX location_sibling_name_uq ON location (facility_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

CREATE FUNCTION location_parent_kind_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE parent_kind varchar(10);
BEGIN
    IF NEW.parent_id IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT kind INTO parent_kind FROM core.location WHERE id = NEW.parent_id;
    IF (NEW.kind = 'ROOM' AND parent_kind <> 'WARD') OR (NEW.kind = 'BED' AND parent_kind NOT IN ('WARD', 'ROOM')) THEN
        RAISE EXCEPTION 'a % cannot be placed inside a %', NEW.kind, parent_kind
            USING ERRCODE = 'check_violation', CONSTRAINT = 'location_parent_kind_chk';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER location_parent_kind_trg BEFORE INSERT OR UPDATE OF parent_id, kind ON location
    FOR EACH ROW EXECUTE FUNCTION location_parent_kind_check();

CREATE TABLE staff_user (
    id             uuid PRIMARY KEY,
    username       varchar(150) NOT NULL,
    password_hash  varchar(255) NOT NULL,
    full_name      varchar(200) NOT NULL,
    superuser      boolean      NOT NULL DEFAULT false,
    active         boolean      NOT NULL DEFAULT true,
    version        bigint       NOT NULL DEFAULT 0,
    created_at     timestamptz  NOT NULL,
    created_by     varchar(150) NOT NULL,
    updated_at     timestamptz  NOT NULL,
    updated_by     varchar(150) NOT NULL
);
CREATE UNIQUE INDEX staff_user_username_uq ON staff_user (lower(username));

-- A role held by a user in a facility. Revoking keeps the row (revoked_at/by) as history.
CREATE TABLE facility_role (
    id           uuid PRIMARY KEY,
    user_id      uuid         NOT NULL REFERENCES staff_user (id),
    facility_id  uuid         NOT NULL REFERENCES facility (id),
    role         varchar(10)  NOT NULL,
    revoked_at   timestamptz,
    revoked_by   varchar(150),
    created_at   timestamptz  NOT NULL,
    created_by   varchar(150) NOT NULL,
    updated_at   timestamptz  NOT NULL,
    updated_by   varchar(150) NOT NULL,
    CONSTRAINT facility_role_role_chk CHECK (role IN ('ADMIN', 'DOCTOR', 'NURSE', 'STAFF'))
);
CREATE UNIQUE INDEX facility_role_active_uq ON facility_role (user_id, facility_id, role) WHERE revoked_at IS NULL;
CREATE INDEX facility_role_facility_idx ON facility_role (facility_id) WHERE revoked_at IS NULL;

CREATE TABLE patient (
    id               uuid PRIMARY KEY,
    facility_id      uuid         NOT NULL REFERENCES facility (id),
    name             varchar(200) NOT NULL,
    date_of_birth    date,
    age_years        integer,
    age_recorded_on  date,
    sex              varchar(10)  NOT NULL,
    phone            varchar(20),
    address          varchar(500),
    active           boolean      NOT NULL DEFAULT true,
    version          bigint       NOT NULL DEFAULT 0,
    created_at       timestamptz  NOT NULL,
    created_by       varchar(150) NOT NULL,
    updated_at       timestamptz  NOT NULL,
    updated_by       varchar(150) NOT NULL,
    CONSTRAINT patient_sex_chk CHECK (sex IN ('MALE', 'FEMALE', 'OTHER', 'UNKNOWN')),
    CONSTRAINT patient_birth_chk CHECK (
        (date_of_birth IS NOT NULL AND age_years IS NULL)
        OR (date_of_birth IS NULL AND age_years BETWEEN 0 AND 150 AND age_recorded_on IS NOT NULL))
);
CREATE INDEX patient_facility_idx ON patient (facility_id, lower(name));
CREATE INDEX patient_phone_idx ON patient (phone);

CREATE TABLE patient_identifier (
    id          uuid PRIMARY KEY,
    patient_id  uuid         NOT NULL REFERENCES patient (id),
    system      varchar(200) NOT NULL,
    value       varchar(200) NOT NULL,
    created_at  timestamptz  NOT NULL,
    created_by  varchar(150) NOT NULL,
    updated_at  timestamptz  NOT NULL,
    updated_by  varchar(150) NOT NULL,
    CONSTRAINT patient_identifier_system_value_uq UNIQUE (system, value)
);
CREATE INDEX patient_identifier_patient_idx ON patient_identifier (patient_id);

CREATE TABLE encounter (
    id              uuid PRIMARY KEY,
    patient_id      uuid         NOT NULL REFERENCES patient (id),
    facility_id     uuid         NOT NULL REFERENCES facility (id),
    encounter_class varchar(10)  NOT NULL,
    status          varchar(12)  NOT NULL,
    started_at      timestamptz,
    ended_at        timestamptz,
    current_bed_id  uuid,
    disposition     varchar(20),
    discharge_notes varchar(2000),
    cancel_reason   varchar(500),
    version         bigint       NOT NULL DEFAULT 0,
    created_at      timestamptz  NOT NULL,
    created_by      varchar(150) NOT NULL,
    updated_at      timestamptz  NOT NULL,
    updated_by      varchar(150) NOT NULL,
    CONSTRAINT encounter_class_chk CHECK (encounter_class IN ('INPATIENT', 'OUTPATIENT', 'EMERGENCY')),
    CONSTRAINT encounter_status_chk CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    CONSTRAINT encounter_disposition_chk CHECK (disposition IN ('HOME', 'REFERRED', 'AGAINST_ADVICE', 'DECEASED', 'OTHER')),
    -- Only an in-progress encounter occupies a bed; a finished one has an end time.
    CONSTRAINT encounter_bed_chk CHECK (current_bed_id IS NULL OR status = 'IN_PROGRESS'),
    CONSTRAINT encounter_end_chk CHECK ((status IN ('COMPLETED', 'CANCELLED')) = (ended_at IS NOT NULL)),
    CONSTRAINT encounter_bed_fk FOREIGN KEY (current_bed_id, facility_id) REFERENCES location (id, facility_id)
);
-- A bed holds one patient at a time.
CREATE UNIQUE INDEX encounter_current_bed_uq ON encounter (current_bed_id) WHERE current_bed_id IS NOT NULL;
CREATE INDEX encounter_facility_idx ON encounter (facility_id, status);
CREATE INDEX encounter_patient_idx ON encounter (patient_id);

-- Status lifecycle: PLANNED -> IN_PROGRESS -> COMPLETED, and PLANNED/IN_PROGRESS -> CANCELLED.
CREATE FUNCTION encounter_status_transition_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status NOT IN ('PLANNED', 'IN_PROGRESS') THEN
            RAISE EXCEPTION 'an encounter starts as PLANNED or IN_PROGRESS, not %', NEW.status
                USING ERRCODE = 'check_violation', CONSTRAINT = 'encounter_status_transition_chk';
        END IF;
    ELSIF NEW.status IS DISTINCT FROM OLD.status AND NOT (
           (OLD.status = 'PLANNED' AND NEW.status IN ('IN_PROGRESS', 'CANCELLED'))
        OR (OLD.status = 'IN_PROGRESS' AND NEW.status IN ('COMPLETED', 'CANCELLED'))) THEN
        RAISE EXCEPTION 'encounter status cannot change from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'encounter_status_transition_chk';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER encounter_status_transition_trg BEFORE INSERT OR UPDATE OF status ON encounter
    FOR EACH ROW EXECUTE FUNCTION encounter_status_transition_check();

-- Bed history of an encounter: one row per stay in a bed (admission or transfer).
-- bed_kind pins the foreign key to a BED; open stays are unique per bed and per encounter.
CREATE TABLE bed_assignment (
    id            uuid PRIMARY KEY,
    encounter_id  uuid         NOT NULL REFERENCES encounter (id),
    facility_id   uuid         NOT NULL,
    bed_id        uuid         NOT NULL,
    bed_kind      varchar(10)  NOT NULL DEFAULT 'BED',
    reason        varchar(10)  NOT NULL,
    started_at    timestamptz  NOT NULL,
    ended_at      timestamptz,
    created_at    timestamptz  NOT NULL,
    created_by    varchar(150) NOT NULL,
    updated_at    timestamptz  NOT NULL,
    updated_by    varchar(150) NOT NULL,
    CONSTRAINT bed_assignment_bed_fk FOREIGN KEY (bed_id, facility_id, bed_kind) REFERENCES location (id, facility_id, kind),
    CONSTRAINT bed_assignment_kind_chk CHECK (bed_kind = 'BED'),
    CONSTRAINT bed_assignment_reason_chk CHECK (reason IN ('ADMISSION', 'TRANSFER')),
    CONSTRAINT bed_assignment_period_chk CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX bed_assignment_open_bed_uq ON bed_assignment (bed_id) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX bed_assignment_open_encounter_uq ON bed_assignment (encounter_id) WHERE ended_at IS NULL;
CREATE INDEX bed_assignment_encounter_idx ON bed_assignment (encounter_id, started_at);

CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are never deleted; deactivate or close them instead', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER patient_no_delete BEFORE DELETE ON patient FOR EACH ROW EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER patient_identifier_no_delete BEFORE DELETE ON patient_identifier FOR EACH ROW EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER encounter_no_delete BEFORE DELETE ON encounter FOR EACH ROW EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER bed_assignment_no_delete BEFORE DELETE ON bed_assignment FOR EACH ROW EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER facility_no_delete BEFORE DELETE ON facility FOR EACH ROW EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER location_no_delete BEFORE DELETE ON location FOR EACH ROW EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER facility_role_no_delete BEFORE DELETE ON facility_role FOR EACH ROW EXECUTE FUNCTION refuse_delete();
