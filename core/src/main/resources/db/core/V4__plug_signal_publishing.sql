-- Plugs publish their own signals through this function, in their own transaction (so a rolled-back change
-- emits nothing), without any write right on core's tables. It runs with core's rights and accepts only signal
-- types outside core's 'care.' namespace: a plug cannot forge a core signal.
CREATE FUNCTION publish_plug_signal(p_signal_id uuid, p_type varchar, p_schema_version integer, p_aggregate_type varchar,
                                    p_aggregate_id uuid, p_facility_id uuid, p_occurred_at timestamptz, p_actor varchar,
                                    p_correlation_id varchar, p_payload jsonb)
    RETURNS bigint
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = core, pg_temp
AS $$
DECLARE
    v_seq bigint;
BEGIN
    IF p_type IS NULL OR p_type LIKE 'care.%' OR p_type !~ '^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$' THEN
        RAISE EXCEPTION 'a plug may not publish signal type %: plug signal types are <plug>.<event> outside care.*', p_type
            USING ERRCODE = '42501';
    END IF;
    -- As in core's own writes: the transaction id is taken before the position (see OutboxCursor).
    INSERT INTO signal_outbox (seq, tx_id, signal_id, type, schema_version, aggregate_type, aggregate_id, facility_id,
                               occurred_at, actor, correlation_id, payload)
    OVERRIDING SYSTEM VALUE
    SELECT nextval(pg_get_serial_sequence('core.signal_outbox', 'seq')), x.id, p_signal_id, p_type, p_schema_version,
           p_aggregate_type, p_aggregate_id, p_facility_id, p_occurred_at, p_actor, p_correlation_id, p_payload
    FROM (SELECT pg_current_xact_id() AS id OFFSET 0) x
    RETURNING seq INTO v_seq;
    RETURN v_seq;
END
$$;
REVOKE ALL ON FUNCTION publish_plug_signal(uuid, varchar, integer, varchar, uuid, uuid, timestamptz, varchar, varchar, jsonb) FROM PUBLIC;
