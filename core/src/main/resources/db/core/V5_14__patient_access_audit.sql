-- Who read or changed which patient or encounter, from where, with what outcome (issue 11 item 2).
-- Append-only: other roles hold no privilege on it (plugs' roles included) and a trigger refuses UPDATE, DELETE and
-- TRUNCATE to its owner too; rows older than care.audit.retention leave only through
-- audit_purge(), which sets the transaction-local flag the trigger checks.
CREATE TABLE patient_access_audit (
    id              bigserial    PRIMARY KEY,
    at              timestamptz  NOT NULL,
    user_id         uuid,
    username        text,
    action          text         NOT NULL,
    record_type     text         NOT NULL,
    record_id       uuid,
    patient_id      uuid,
    facility_id     uuid,
    client_address  text,
    outcome         text         NOT NULL,
    status          integer      NOT NULL,
    plug            text,
    query           text
);
CREATE INDEX patient_access_audit_at_idx ON patient_access_audit (at);
CREATE INDEX patient_access_audit_patient_idx ON patient_access_audit (patient_id, at);
CREATE INDEX patient_access_audit_user_idx ON patient_access_audit (user_id, at);
CREATE INDEX patient_access_audit_facility_idx ON patient_access_audit (facility_id, at);

REVOKE ALL ON patient_access_audit FROM PUBLIC;

CREATE FUNCTION patient_access_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('care.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'patient_access_audit is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER patient_access_audit_no_update BEFORE UPDATE OR DELETE ON patient_access_audit
    FOR EACH ROW EXECUTE FUNCTION patient_access_audit_append_only();
CREATE TRIGGER patient_access_audit_no_truncate BEFORE TRUNCATE ON patient_access_audit
    FOR EACH STATEMENT EXECUTE FUNCTION patient_access_audit_append_only();

-- The retention purge: the only way rows leave. Runs as the table's owner; returns how many rows went.
CREATE FUNCTION audit_purge(older_than timestamptz) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT AS $$
DECLARE
    gone bigint;
BEGIN
    PERFORM set_config('care.audit_purge', 'on', true);
    DELETE FROM patient_access_audit WHERE at < older_than;
    GET DIAGNOSTICS gone = ROW_COUNT;
    PERFORM set_config('care.audit_purge', 'off', true);
    RETURN gone;
END $$;
REVOKE ALL ON FUNCTION audit_purge(timestamptz) FROM PUBLIC;
